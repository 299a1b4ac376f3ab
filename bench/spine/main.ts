// `npm run bench:spine`: what the spine costs, against the real broker and database, each figure
// beside its baseline measured in the same run. Human-readable lines first; the last line is JSON.
// Bounded throughout: fixed message counts, and every wait times out.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopicDefinition } from '@wildlife/contracts';
import { ensureTopics } from '@wildlife/messaging';
import { serviceTestEnvironment, testKafkaBrokers } from '@wildlife/testing';
import { measureAppends } from './append-throughput.js';
import { benchServiceName, benchTopic } from './bench-service.js';
import type { HopFigures, HopWorkload } from './hop-figures.js';
import { hopStages } from './hop-stages.js';
import { HopTally, type Hop } from './hop.js';
import { openKafkaRoundTrip } from './kafka-round-trip.js';
import { round } from './latency.js';
import { openOneHop } from './one-hop.js';

const APPEND_CONCURRENCY = 16;
const hopWorkload: HopWorkload = {
  ratePerSecond: 200,
  latencyMessages: 1_600,
  throughputMessages: 4_000,
  batchSize: 100,
  warmUpMessages: 400,
  timeoutMs: 60_000,
};
// Each hop's measured messages are split into rounds that alternate between the two hops, so that a
// neighbour's load on this shared machine falls on both alike.
const HOP_ROUNDS = 4;
const targets = { appendThroughputRatio: 0.7, oneHopAddedP99Ms: 3, oneHopThroughputRatio: 0.6 };

const started = performance.now();
// Every wait below is bounded; this is the bound on the whole, should a client leave a socket behind.
setTimeout(() => {
  console.error('bench:spine did not finish within 5 minutes; stopping');
  process.exit(1);
}, 300_000).unref();
const say = (line: string) => console.log(`[${((performance.now() - started) / 1_000).toFixed(1)} s] ${line}`);
const hop = (name: string, f: HopFigures) => {
  say(
    `${name}: latency at ${f.latency.ratePerSecond}/s p50 ${f.latency.p50Ms} ms, p99 ${f.latency.p99Ms} ms, max ${f.latency.maxMs} ms ` +
      `(${f.latency.count} messages); throughput ${f.throughput.messagesPerSecond} msg/s (${f.throughput.messages} in batches of ${f.throughput.batchSize}; ` +
      `handed over at ${f.throughput.handedOverPerSecond}/s)`,
  );
  for (const [stage, s] of Object.entries(f.stages ?? {})) say(`    ${stage}: p50 ${s.p50Ms} ms, p90 ${s.p90Ms} ms, p99 ${s.p99Ms} ms`);
};

say(`appends: ${APPEND_CONCURRENCY} concurrent writers, single-event appends with an outbox row vs single-row INSERTs`);
const appends = await measureAppends({ concurrency: APPEND_CONCURRENCY, rounds: 2, operationsPerRound: 2_000 });
const writes = {
  'EventStore.append': appends.eventStoreAppend,
  'raw INSERT': appends.rawInsert,
  '(raw INSERT + NOTIFY)': appends.diagnostics.rawInsertWithNotify,
  '(EventStore.append, relay in another process: NOTIFY)': appends.diagnostics.eventStoreAppendNotifying,
};
for (const [name, f] of Object.entries(writes)) say(`  ${name}: ${f.opsPerSecond} ops/s, p50 ${f.latency.p50Ms} ms, p99 ${f.latency.p99Ms} ms, WAL ${f.walBytesPerOp} bytes/op`);
say(`  synchronous_commit=${appends.synchronousCommit}; throughput ratio ${appends.throughputRatio} (aim ≥ ${targets.appendThroughputRatio})`);

const kafka = new Kafka({ clientId: 'spine-bench', brokers: testKafkaBrokers(), logLevel: logLevel.ERROR });
const admin = kafka.admin();
await admin.connect();
const roundTripTopic = `bench.spine.round-trip.t${randomBytes(4).toString('hex')}`;
const environment = serviceTestEnvironment('bench_spine', { LOG_LEVEL: 'error', DATABASE_POOL_SIZE: '20' });
const benchTopics = [benchTopic, deadLetterTopicDefinition(`${benchServiceName}.effects`)];
let kafkaRoundTrip: HopFigures;
let oneHop: HopFigures;
try {
  await ensureTopics(admin, [{ name: roundTripTopic, partitions: 3, retentionMs: 3_600_000 }], { prefix: '' });
  // Created (with leaders) before the service starts, so its first publications do not race topic creation.
  await ensureTopics(admin, benchTopics, { prefix: environment.env.KAFKA_TOPIC_PREFIX! });
  say(`kafka round trip (kafkajs produce → consume, acks=-1) and one hop (append + outbox → relay → Kafka → consumer → inbox + effect row), in ${HOP_ROUNDS} alternating rounds`);
  const kafkaHop = await openKafkaRoundTrip(kafka, roundTripTopic);
  try {
    const pipelineHop = await openOneHop(environment.env);
    try {
      const hops: [string, Hop, HopTally][] = [
        ['kafka', kafkaHop, new HopTally(hopWorkload)],
        ['pipeline', pipelineHop, new HopTally(hopWorkload)],
      ];
      for (const [name, h] of hops) await HopTally.warmUp(h, hopWorkload, name);
      for (let r = 0; r < HOP_ROUNDS; r++) {
        for (const [name, h, tally] of hops) await tally.latencyRound(h, hopWorkload.latencyMessages / HOP_ROUNDS, name);
      }
      for (let r = 0; r < HOP_ROUNDS; r++) {
        for (const [name, h, tally] of hops) await tally.throughputRound(h, hopWorkload.throughputMessages / HOP_ROUNDS, name);
      }
      kafkaRoundTrip = hops[0]![2].figures();
      oneHop = { ...hops[1]![2].figures(), stages: await hopStages(pipelineHop.pool, hops[1]![2].latencyIds) };
    } finally {
      await pipelineHop.close();
    }
  } finally {
    await kafkaHop.close();
  }
  hop('  kafka', kafkaRoundTrip);
  hop('  pipeline', oneHop);
} finally {
  const prefix = environment.env.KAFKA_TOPIC_PREFIX!;
  const ours = (await admin.listTopics()).filter((t) => t === roundTripTopic || t.startsWith(prefix));
  await admin.deleteTopics({ topics: ours }).catch(() => undefined);
  await admin.disconnect();
  await environment.cleanup();
}

const addedP99Ms = round(oneHop.latency.p99Ms - kafkaRoundTrip.latency.p99Ms);
// A hop holds a Kafka round trip and more, so a hop whose p99 is below raw kafkajs's own says the
// baseline's tail was noise that run: the aim is then neither met nor missed (null), not "met".
const addedP99Measurable = addedP99Ms >= 0;
const throughputRatio = round(oneHop.throughput.messagesPerSecond / kafkaRoundTrip.throughput.messagesPerSecond, 3);
say(
  `  added p99 ${addedP99Ms} ms (aim ≤ ${targets.oneHopAddedP99Ms}${addedP99Measurable ? '' : '; not measurable this run: the baseline’s own tail is above the hop’s'}); throughput ratio ${throughputRatio} (aim ≥ ${targets.oneHopThroughputRatio})`,
);
say('done');
console.log(
  JSON.stringify({
    append: appends,
    oneHop: { pipeline: oneHop, kafka: kafkaRoundTrip, addedP99Ms, throughputRatio },
    targets,
    met: {
      appendThroughputRatio: appends.throughputRatio >= targets.appendThroughputRatio,
      oneHopAddedP99Ms: addedP99Measurable ? addedP99Ms <= targets.oneHopAddedP99Ms : null,
      oneHopThroughputRatio: throughputRatio >= targets.oneHopThroughputRatio,
    },
    seconds: round((performance.now() - started) / 1_000, 1),
  }),
);
