import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { EventStore } from '@wildlife/event-store';
import { serviceTestEnvironment, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { killBroker, restartBroker } from '../../infra/index.mjs';
import { countEffects, effectsById, tallyEffects } from '../spine/effect-recording/effects.js';
import { acknowledgementTopic } from '../spine/effect-recording/effect-recording.service.js';
import { anAcknowledgement, appendedAcknowledgement } from '../spine/events/acknowledgements.js';
import { messagesIn, testKafka } from '../spine/kafka/test-kafka.js';
import {
  buildServiceProcess,
  serviceDatabaseIsMigrated,
  serviceDatabasePool,
  startServiceProcess,
  type ServiceProcess,
} from '../service-process/service-process.js';

const EVENTS = 1_000;
const KILL_AFTER_EFFECTS = 300;
// How far appends may run ahead of effects before the broker dies, so that the kill lands mid-stream.
const IN_FLIGHT = 100;

describe('the spine when the broker is killed mid-stream', () => {
  let environment: ServiceTestEnvironment;
  let service: ServiceProcess;
  let pool: pg.Pool;
  let brokerKilled = false;

  beforeAll(async () => {
    await buildServiceProcess();
    environment = serviceTestEnvironment('spine_broker_crash');
    service = startServiceProcess(environment.env);
    pool = serviceDatabasePool(environment.env);
    await waitUntil('the service has migrated its database', () => serviceDatabaseIsMigrated(pool, environment.env), {
      timeoutMs: 60_000,
      progress: () => service.output().slice(-2_000),
    });
  }, 120_000);

  afterAll(async () => {
    // Whatever happened, the broker is left running for whoever comes next.
    if (brokerKilled) await restartBroker();
    service?.kill('SIGKILL');
    await service?.exited;
    await pool?.end();
    await environment?.cleanup();
  }, 120_000);

  it('delivers each of 1,000 events with exactly one effect across a SIGKILL and restart of the broker', async () => {
    const topic = `${environment.env.KAFKA_TOPIC_PREFIX}${acknowledgementTopic.name}`;
    const store = new EventStore(pool);
    const requests = Array.from({ length: 20 }, () => anAcknowledgement().subject);
    const ids: string[] = [];
    const effects = () => countEffects(pool);
    const unpublished = async () =>
      Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox')).rows[0]!.n);

    // Given 1,000 events appended with their outbox messages while the service's reaction consumes them
    const appending = (async () => {
      for (let i = 0; i < EVENTS; i++) {
        if (i % 10 === 0 && !brokerKilled) {
          await waitUntil('effects keep up with appends', async () => brokerKilled || (await effects()) >= i - IN_FLIGHT, {
            timeoutMs: 60_000,
            progress: () => service.output().slice(-2_000),
          });
        }
        const event = anAcknowledgement(requests[i % requests.length]);
        const { event: stored, outbox } = appendedAcknowledgement(event, topic);
        await store.append(`acknowledgement-${event.id}`, 'no_stream', [stored], { outbox: [outbox] });
        ids.push(event.id);
      }
    })();
    appending.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    await waitUntil(`${KILL_AFTER_EFFECTS} effects exist`, async () => (await effects()) >= KILL_AFTER_EFFECTS, { timeoutMs: 60_000 });

    // When the broker is SIGKILLed, appends go on while it is down, and it is restarted
    expect(await killBroker()).not.toBeNull();
    brokerKilled = true;
    await appending;
    const effectsWhileDown = await effects();
    const stranded = await unpublished();
    await restartBroker();
    brokerKilled = false;
    const restartedAt = Date.now();

    // Then every event gets its effect, none a second one
    await waitUntil(`all ${EVENTS} effects exist`, async () => (await effects()) >= EVENTS, {
      timeoutMs: 120_000,
      progress: async () => `effects ${await effects()}, unpublished ${await unpublished()}; ${service.output().slice(-2_000)}`,
    });
    const recoveredInMs = Date.now() - restartedAt;
    const applied = await effectsById(pool);
    expect(applied.size).toBe(EVENTS);
    expect([...applied.keys()].sort()).toEqual([...ids].sort());
    expect([...applied.values()].filter((e) => e.applications !== 1)).toEqual([]);
    // The kill landed mid-stream: events were still waiting to be published or consumed.
    expect(effectsWhileDown).toBeLessThan(EVENTS);
    expect(stranded).toBeGreaterThan(0);
    await waitUntil('the relay has marked every message published', async () => (await unpublished()) === 0);

    const admin = testKafka('spine-broker-crash').admin();
    await admin.connect();
    const published = await messagesIn(admin, topic).finally(() => admin.disconnect());
    expect(published).toBeGreaterThanOrEqual(EVENTS);
    const tally = await tallyEffects(pool);
    console.info(
      `broker crash: ${stranded} outbox messages stranded by the kill, ${published - EVENTS} published twice, ` +
        `${tally.attempts - tally.events} handler calls rolled back; ${tally.events} events, ${tally.applications} effects; ` +
        `all effects ${recoveredInMs} ms after the broker was back`,
    );
  }, 240_000);
});
