import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Admin } from 'kafkajs';
import type pg from 'pg';
import { createProducer, ensureTopics, toKafkaMessage } from '@wildlife/messaging';
import { serviceTestEnvironment, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { countEffects, effectsById, tallyEffects } from '../spine/effect-recording/effects.js';
import { acknowledgementTopic, effectReaction, effectRecordingServiceName } from '../spine/effect-recording/effect-recording.service.js';
import { anAcknowledgement } from '../spine/events/acknowledgements.js';
import { committedOffsetTotal, testKafka } from '../spine/kafka/test-kafka.js';
import {
  buildServiceProcess,
  serviceDatabaseIsMigrated,
  serviceDatabasePool,
  startServiceProcess,
  type ServiceProcess,
} from '../service-process/service-process.js';

const EVENTS = 1_000;
const KILL_AFTER_EFFECTS = 300;
// Offsets are committed every 100 messages (or second): killing while at least this many effects
// are ahead of the committed offsets makes the next consumer receive those messages again.
const UNCOMMITTED_AT_KILL = 10;
/** Long enough for a database commit or an offset commit a frozen process had already sent to land. */
const IN_FLIGHT_LANDS_MS = 250;

describe('a consumer process killed mid-batch', () => {
  const kafka = testKafka('spine-consumer-crash');
  const children: ServiceProcess[] = [];
  let environment: ServiceTestEnvironment;
  let pool: pg.Pool;
  let admin: Admin;

  beforeAll(async () => {
    await buildServiceProcess();
    environment = serviceTestEnvironment('spine_consumer_crash');
    pool = serviceDatabasePool(environment.env);
    admin = kafka.admin();
    await admin.connect();
  }, 120_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await admin?.disconnect();
    await pool?.end();
    await environment?.cleanup();
  });

  it('applies each of 1,000 events exactly once when a new process takes over from the killed one', async () => {
    const prefix = environment.env.KAFKA_TOPIC_PREFIX!;
    const topic = `${prefix}${acknowledgementTopic.name}`;
    const groupId = `${prefix}${effectRecordingServiceName}.${effectReaction.name}`;
    const effects = () => countEffects(pool);
    const uncommitted = async () => (await effects()) - (await committedOffsetTotal(admin, groupId, topic));

    // Given 1,000 events waiting on the topic
    await ensureTopics(admin, [acknowledgementTopic], { prefix });
    const events = Array.from({ length: EVENTS }, () => anAcknowledgement());
    const producer = createProducer(kafka);
    await producer.connect();
    try {
      for (let i = 0; i < EVENTS; i += 100) {
        await producer.sendBatch(events.slice(i, i + 100).map((e) => ({ topic, ...toKafkaMessage(e) })));
      }
    } finally {
      await producer.disconnect();
    }

    // When the consuming process is SIGKILLed mid-batch, with effects ahead of its committed offsets.
    // That state lasts one part (offsets go out every 100 messages, parts are 50): looked at while the
    // process runs, it may be gone by the time the kill lands, and a process left to run while the test
    // looks may consume everything first. So once it has started consuming, it runs only a few
    // milliseconds at a time: it is frozen, what it had in flight is left to land, and it is killed if
    // frozen in that state, else let run a moment more.
    const first = startServiceProcess(environment.env);
    children.push(first);
    await waitUntil('the process has migrated its database', () => serviceDatabaseIsMigrated(pool, environment.env), {
      timeoutMs: 60_000,
      progress: () => first.output().slice(-2_000),
    });
    await waitUntil('the process has started consuming', async () => (await effects().catch(() => 0)) > 0, {
      timeoutMs: 60_000,
      pollMs: 5,
      progress: () => first.output().slice(-2_000),
    });
    // Run a few milliseconds at a time, a process can stall: on a loaded machine its Kafka session may
    // lapse, and rejoining its group takes round trips it cannot finish between two freezes (one CI
    // run sat at 250 effects for 90 s). While its effects do not move, it is let run longer, up to a
    // second, before the next freeze.
    let lastEffects = -1;
    let stalledRounds = 0;
    await waitUntil(
      `the process is frozen after ${KILL_AFTER_EFFECTS} effects, ${UNCOMMITTED_AT_KILL} of them past its committed offsets`,
      async () => {
        first.kill('SIGSTOP');
        await sleep(IN_FLIGHT_LANDS_MS);
        const applied = await effects();
        if (applied >= KILL_AFTER_EFFECTS && (await uncommitted()) >= UNCOMMITTED_AT_KILL) return true;
        stalledRounds = applied === lastEffects ? stalledRounds + 1 : 0;
        lastEffects = applied;
        first.kill('SIGCONT');
        if (stalledRounds >= 8) await sleep(Math.min(1_000, 100 * Math.floor(stalledRounds / 8)));
        return false;
      },
      { timeoutMs: 90_000, pollMs: 5, progress: async () => `effects ${await effects()}; ${first.output().slice(-2_000)}` },
    );
    first.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Its connections are gone once PostgreSQL has rolled back whatever it had in flight.
    await waitUntil('the killed process has no database session left', async () => {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
        [effectRecordingServiceName],
      );
      return rows[0]!.n === 0;
    });
    const effectsOfFirst = await effects();
    const redelivered = await uncommitted();
    // Killed mid-stream: the new process has events of its own to apply.
    expect(effectsOfFirst).toBeLessThan(EVENTS);

    // ...and a new process takes over
    const second = startServiceProcess(environment.env);
    children.push(second);
    // The group waits for the dead member's session (30 s) to expire before it hands its partitions on.
    await waitUntil(`all ${EVENTS} effects exist`, async () => (await effects()) >= EVENTS, {
      timeoutMs: 120_000,
      progress: async () => `effects ${await effects()}; second process output: ${second.output().slice(-2_000)}`,
    });
    // Stopped once the killed member has left every group and none is rebalancing: a consumer asked to
    // stop while its group rebalances waits for the rebalance, which waits for the dead member's session.
    await waitUntil('the new process is the only member of its consumer groups, all stable', async () => {
      const ours = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix));
      const { groups } = await admin.describeGroups(ours);
      return groups.every((g) => g.state === 'Stable' && g.members.length === 1);
    }, { timeoutMs: 90_000 });
    second.kill('SIGTERM');
    // An unclean stop shows the end of the process's output, which says why.
    const exited = await second.exited;
    expect(exited === 0 ? 'stopped cleanly' : `exited with ${exited}: ${second.output().slice(-3_000)}`).toBe('stopped cleanly');

    // Then each event has exactly one effect; the messages the first process had handled but not
    // committed reached the second one again, and the inbox kept them from a second effect
    const applied = await effectsById(pool);
    expect(applied.size).toBe(EVENTS);
    expect([...applied.keys()].sort()).toEqual(events.map((e) => e.id).sort());
    expect([...applied.values()].filter((e) => e.applications !== 1)).toEqual([]);
    const byProcess = (pid: number) => [...applied.values()].filter((e) => e.appliedBy === pid).length;
    expect(byProcess(first.pid)).toBe(effectsOfFirst);
    expect(byProcess(second.pid)).toBe(EVENTS - effectsOfFirst);
    expect(redelivered).toBeGreaterThanOrEqual(UNCOMMITTED_AT_KILL);
    expect(await committedOffsetTotal(admin, groupId, topic)).toBe(EVENTS);

    const tally = await tallyEffects(pool);
    console.info(
      `consumer crash: killed after ${effectsOfFirst} effects; ${redelivered} messages redelivered to the new process ` +
        `and skipped by the inbox; ${tally.attempts - tally.events} handler calls rolled back by the kill`,
    );
  }, 240_000);
});
