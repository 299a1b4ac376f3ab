import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { leafHash } from '@wildlife/provenance-log';
import { testKafkaBrokers, uniqueTopic } from '@wildlife/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { main } from '../src/cli/main.js';
import { kafkaSource } from '../src/sources/kafka-source.js';
import { LogSourceFailed } from '../src/sources/log-source.js';
import { auditedScenario, type Scenario } from './support/audited-scenario.js';
import { capturedIo } from './support/captured-io.js';

/** The log topic as the provenance relay writes it: partition 0, key = sequence, value = leaf bytes, headers. */
describe('the log topic as a source', () => {
  const brokers = testKafkaBrokers();
  const kafka = new Kafka({ clientId: 'audit-kafka-source-test', brokers, logLevel: logLevel.NOTHING });
  let producer: Producer;
  let scenario: Scenario;
  let leaves: Uint8Array[];
  let dir: string;

  beforeAll(async () => {
    scenario = await auditedScenario();
    leaves = scenario.log.leaves();
    dir = await mkdtemp(join(tmpdir(), 'audit-kafka-'));
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await rm(dir, { recursive: true, force: true });
  });

  const newTopic = async (): Promise<string> => {
    const topic = uniqueTopic('audit.provenance.log');
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
    return topic;
  };
  const relay = (topic: string, from: number, to: number, origin = scenario.log.origin) =>
    producer.send({
      topic,
      messages: leaves.slice(from, to).map((leaf, i) => ({
        partition: 0,
        key: String(from + i),
        value: Buffer.from(leaf),
        headers: { 'log-sequence': String(from + i), 'log-leaf-hash': Buffer.from(leafHash(leaf)).toString('base64'), 'log-origin': origin },
      })),
    });
  const head = async () => ({ checkpoint: scenario.log.checkpoint(leaves) });

  it('waits for the relay to catch up with the checkpoint rather than call a lagging entry missing', async () => {
    const topic = await newTopic();
    await relay(topic, 0, 6);
    const source = kafkaSource({ brokers, topic, head, catchUpMs: 30_000 });
    await source.head();
    const entries = source.entries(0, 10)[Symbol.asyncIterator]();
    const read: number[] = [];
    // Everything the topic holds is read before the rest is relayed.
    for (let i = 0; i < 6; i++) read.push((await entries.next()).value!.sequence);
    await relay(topic, 6, 10);
    for (let next = await entries.next(); next.done !== true; next = await entries.next()) read.push(next.value.sequence);
    expect(read).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }, 60_000);

  it('exits 3, the topic being behind the checkpoint, when the relay never catches up', async () => {
    const topic = await newTopic();
    await relay(topic, 0, 6);
    const note = join(dir, 'checkpoint.note');
    await writeFile(note, scenario.log.checkpoint(leaves));
    const io = capturedIo(join(dir, 'unused.json'));
    const args = ['verify', '--trust-roots', join(dir, 'trust-roots.json'), '--kafka', brokers.join(','), '--topic', topic, '--checkpoint', note, '--verifier-key', scenario.log.noteKey.verifierKey];
    await writeFile(join(dir, 'trust-roots.json'), JSON.stringify(scenario.trustRoots));
    const status = await main([...args, '--state', join(dir, 'behind-state.json'), '--kafka-wait', '2', '--tree-only'], io);
    expect({ status, err: io.err }).toEqual({ status: 3, err: expect.stringContaining('the topic is behind the checkpoint: after 2 s of waiting it holds no entry 6 (the checkpoint covers 10)') });
  }, 60_000);

  it('refuses a topic carrying entries of another log', async () => {
    const topic = await newTopic();
    await relay(topic, 0, 2);
    await relay(topic, 2, 10, 'other.test.example/log');
    const source = kafkaSource({ brokers, topic, head, catchUpMs: 30_000 });
    await source.head();
    const read = async () => {
      for await (const _ of source.entries(0, 10));
    };
    await expect(read()).rejects.toThrow(LogSourceFailed);
    await expect(read()).rejects.toThrow(/offset 2 holds an entry of the log "other\.test\.example\/log", not of "provenance\.test\.example\/log"/);
  }, 60_000);
});
