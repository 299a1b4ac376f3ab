import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { serviceTestEnvironment, type ServiceTestEnvironment } from '@wildlife/testing';
import { killBroker, restartBroker } from '../../infra/index.mjs';
import { countEffects, effectsById, tallyEffects } from '../spine/effect-recording/effects.js';
import { acknowledgementTopic, effectRecordingService } from '../spine/effect-recording/effect-recording.service.js';
import { anAcknowledgement, appendedAcknowledgement } from '../spine/events/acknowledgements.js';
import { messagesIn, testKafka } from '../spine/kafka/test-kafka.js';
import { waitUntil } from '../spine/wait-until.js';

const EVENTS = 1_000;
const KILL_AFTER_EFFECTS = 300;
// How far appends may run ahead of effects before the broker dies, so that the kill lands mid-stream.
const IN_FLIGHT = 100;

describe('the spine when the broker is killed mid-stream', () => {
  let environment: ServiceTestEnvironment;
  let service: ServiceApp;
  let brokerKilled = false;

  beforeAll(async () => {
    // kafkajs and the relay log every failed call while the broker is down: expected here.
    environment = serviceTestEnvironment('spine_broker_crash', { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal' });
    service = await createServiceApp(effectRecordingService(environment.env));
    await service.listen();
  }, 60_000);

  afterAll(async () => {
    // Whatever happened, the broker is left running for whoever comes next.
    if (brokerKilled) await restartBroker();
    await service?.close();
    await environment?.cleanup();
  }, 120_000);

  it('delivers each of 1,000 events with exactly one effect across a SIGKILL and restart of the broker', async () => {
    const topic = `${environment.env.KAFKA_TOPIC_PREFIX}${acknowledgementTopic.name}`;
    const requests = Array.from({ length: 20 }, () => anAcknowledgement().subject);
    const ids: string[] = [];
    const unpublished = async () =>
      Number((await service.pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL')).rows[0]!.n);

    // Given a service appending 1,000 events with outbox messages while its reaction consumes them
    const appending = (async () => {
      for (let i = 0; i < EVENTS; i++) {
        if (i % 10 === 0 && !brokerKilled) {
          await waitUntil('effects keep up with appends', async () => brokerKilled || (await countEffects(service.pool)) >= i - IN_FLIGHT, {
            timeoutMs: 60_000,
          });
        }
        const event = anAcknowledgement(requests[i % requests.length]);
        const { event: stored, outbox } = appendedAcknowledgement(event, topic);
        await service.eventStore.append(`acknowledgement-${event.id}`, 'no_stream', [stored], { outbox: [outbox] });
        ids.push(event.id);
      }
    })();
    appending.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    await waitUntil(`${KILL_AFTER_EFFECTS} effects exist`, async () => (await countEffects(service.pool)) >= KILL_AFTER_EFFECTS, {
      timeoutMs: 60_000,
    });

    // When the broker is SIGKILLed, appends go on while it is down, and it is restarted
    expect(await killBroker()).not.toBeNull();
    brokerKilled = true;
    await appending;
    const effectsWhileDown = await countEffects(service.pool);
    const stranded = await unpublished();
    await restartBroker();
    brokerKilled = false;

    // Then every event gets its effect, none a second one
    await waitUntil(`all ${EVENTS} effects exist`, async () => (await countEffects(service.pool)) >= EVENTS, {
      timeoutMs: 120_000,
      progress: async () => `effects ${await countEffects(service.pool)}, unpublished ${await unpublished()}`,
    });
    const effects = await effectsById(service.pool);
    expect(effects.size).toBe(EVENTS);
    expect([...effects.keys()].sort()).toEqual([...ids].sort());
    expect([...effects.values()].filter((e) => e.applications !== 1)).toEqual([]);
    // The kill landed mid-stream: events were still waiting to be published or consumed.
    expect(effectsWhileDown).toBeLessThan(EVENTS);
    expect(stranded).toBeGreaterThan(0);

    const tally = await tallyEffects(service.pool);
    const admin = testKafka('spine-broker-crash').admin();
    await admin.connect();
    const published = await messagesIn(admin, topic).finally(() => admin.disconnect());
    expect(published).toBeGreaterThanOrEqual(EVENTS);
    console.info(
      `broker crash: ${stranded} outbox messages stranded by the kill, ${published - EVENTS} republished, ` +
        `${tally.attempts - tally.events} handler calls rolled back; ${tally.events} events, ${tally.applications} effects`,
    );
  }, 240_000);
});
