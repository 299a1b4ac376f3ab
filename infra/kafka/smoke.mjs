// Proves that kafkajs 2.2.4 (the services' client) works against the running broker, call by call, the
// way the services use it: topic admin, an idempotent producer with headers, a consumer group that
// joins, consumes and commits, offset look-ups, and topic deletion. Any error kafkajs logs fails the run.
// Usage: node infra/kafka/smoke.mjs            (KAFKA_BROKERS overrides the local broker)
import kafkajs from 'kafkajs';
import { localBrokers } from './broker.mjs';
import { parseBrokerList } from './probe.mjs';

const { Kafka, logLevel, Partitioners } = kafkajs;

const brokers = process.env.KAFKA_BROKERS ? parseBrokerList(process.env.KAFKA_BROKERS) : localBrokers();
const topic = `infra-smoke-${Date.now()}`;
const groupId = `${topic}-group`;
const messageCount = 30;
const logged = [];
const steps = [];

const kafka = new Kafka({
  clientId: 'infra-smoke',
  brokers,
  logLevel: logLevel.WARN,
  logCreator: () => ({ namespace, level, log }) => logged.push({ level, namespace, message: log.message, error: log.error }),
});

async function step(name, action) {
  const started = Date.now();
  try {
    const result = await action();
    steps.push(`ok   ${name} (${Date.now() - started} ms)`);
    return result;
  } catch (error) {
    steps.push(`FAIL ${name}: ${error.name}: ${error.message}`);
    throw error;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const admin = kafka.admin();
const producer = kafka.producer({
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
});
const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });

async function run() {
  await step('admin.connect', () => admin.connect());
  await step('admin.createTopics (3 partitions)', async () => {
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    assert(created, 'createTopics reported the topic as already existing');
  });
  await step('admin.fetchTopicMetadata', async () => {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    assert(topics[0].partitions.length === 3, `expected 3 partitions, got ${topics[0].partitions.length}`);
  });

  await step('producer.connect (idempotent: InitProducerId)', () => producer.connect());
  await step(`producer.send batch of ${messageCount} with headers, acks -1`, () =>
    producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: messageCount }, (_, i) => ({
        key: `key-${i}`,
        value: JSON.stringify({ i }),
        headers: { 'ce-id': `id-${i}`, 'ce-type': 'infra.smoke' },
      })),
    }),
  );

  const received = [];
  await step('consumer.connect + subscribe', async () => {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
  });
  await step('consumer group joins and consumes all (JoinGroup, SyncGroup, Fetch)', async () => {
    const allReceived = new Promise((resolve) => {
      consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          received.push({ partition, offset: message.offset, headers: message.headers });
          if (received.length === messageCount) resolve();
        },
      });
    });
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${received.length} of ${messageCount} messages arrived in 30 s`)), 30_000));
    await Promise.race([allReceived, timeout]);
    assert(received.every((m) => m.headers['ce-type']?.toString() === 'infra.smoke'), 'a message lost its headers');
  });
  await step('consumer.commitOffsets (OffsetCommit)', async () => {
    const next = new Map();
    for (const { partition, offset } of received) next.set(partition, Math.max(next.get(partition) ?? 0, Number(offset) + 1));
    await consumer.commitOffsets([...next].map(([partition, offset]) => ({ topic, partition, offset: String(offset) })));
  });
  await step('admin.fetchOffsets (OffsetFetch)', async () => {
    const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = partitions.reduce((sum, p) => sum + Number(p.offset), 0);
    assert(committed === messageCount, `committed offsets add up to ${committed}, expected ${messageCount}`);
  });
  await step('admin.fetchTopicOffsets (ListOffsets)', async () => {
    const offsets = await admin.fetchTopicOffsets(topic);
    const high = offsets.reduce((sum, p) => sum + Number(p.high), 0);
    assert(high === messageCount, `high watermarks add up to ${high}, expected ${messageCount}`);
  });
  await step('admin.describeGroups', async () => {
    const { groups } = await admin.describeGroups([groupId]);
    assert(groups[0].state === 'Stable', `group state is ${groups[0].state}`);
  });
  await step('transactional producer: send, sendOffsets, commit (AddPartitionsToTxn, TxnOffsetCommit, EndTxn)', async () => {
    const transactional = kafka.producer({
      transactionalId: `${topic}-tx`,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await transactional.connect();
    try {
      const transaction = await transactional.transaction();
      await transaction.send({ topic, messages: [{ key: 'tx', value: 'in a transaction' }] });
      await transaction.sendOffsets({ consumerGroupId: groupId, topics: [{ topic, partitions: [{ partition: 0, offset: '0' }] }] });
      await transaction.commit();
    } finally {
      await transactional.disconnect();
    }
  });
  await step('consumer.disconnect (LeaveGroup)', () => consumer.disconnect());
  await step('producer.disconnect', () => producer.disconnect());
  await step('admin.deleteTopics', () => admin.deleteTopics({ topics: [topic], timeout: 10_000 }));
  await step('admin.deleteGroups', () => admin.deleteGroups([groupId]));
}

let failed = false;
try {
  await run();
} catch {
  failed = true;
}
await Promise.allSettled([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);

console.log(`kafkajs smoke against ${brokers.join(',')}:`);
for (const line of steps) console.log(`  ${line}`);
for (const entry of logged) console.log(`  kafkajs ${entry.level === logLevel.ERROR ? 'ERROR' : 'WARN'} [${entry.namespace}] ${entry.message}${entry.error ? `: ${entry.error}` : ''}`);
const errors = logged.filter((entry) => entry.level === logLevel.ERROR).length;
console.log(failed || errors > 0 ? `smoke FAILED (${errors} kafkajs errors logged)` : 'smoke passed: no kafkajs error logged');
process.exit(failed || errors > 0 ? 1 : 0);
