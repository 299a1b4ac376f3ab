import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { recordVerifiedV1, topics, type CloudEvent, type TopicDefinition } from '@wildlife/contracts';
import { createProducer, toKafkaMessage, type MessageProducer } from '@wildlife/messaging';
import { adminDatabaseUrl, buildProject, databaseUrlFor, serviceTestEnvironment, testKafkaBrokers, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { newCast, registrationFacts, registryEvent, supportRequestEvent, type Cast } from '../../services/provenance/src/testing/signed-records.examples.spec.js';
import { deploymentFiles, type DeploymentFiles } from '../../services/provenance/test/support/provenance-world.js';
import { consumeTopic } from '../../services/provenance/test/support/topic-reader.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The provenance service as it is deployed: compiled, run with `node services/provenance/dist/main.js`
 * in a process of its own. Only there does the log publisher run on its worker thread (from
 * TypeScript sources, as in the other tests, it runs on the service's thread).
 */
describe('the compiled provenance service publishing its log from a worker thread', () => {
  const cast: Cast = newCast();
  const past = new Date(Date.now() - 3_600_000);
  let files: DeploymentFiles;
  let environment: ServiceTestEnvironment;
  let service: ChildProcess;
  let exited: Promise<number | NodeJS.Signals>;
  const output: string[] = [];
  let pool: pg.Pool;
  let kafka: Kafka;
  let producer: MessageProducer;
  let published = 0;

  const prefix = () => environment.env.KAFKA_TOPIC_PREFIX!;
  const logSize = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM log_entries')).rows[0]!.n);
  const publish = async (topic: TopicDefinition, events: readonly CloudEvent[]) => {
    await producer.sendBatch(events.map((e) => ({ topic: prefix() + topic.name, ...toKafkaMessage(e) })));
    published += events.length;
  };
  const requests = (n: number) => Promise.all(Array.from({ length: n }, () => supportRequestEvent(cast.ofb, cast.ofb.principal)));

  beforeAll(async () => {
    // As `npm run build` does: the service and the libraries it uses.
    await buildProject('services/provenance');
    files = await deploymentFiles(cast);
    environment = serviceTestEnvironment('provenance-compiled', { ...files.env, LOG_LEVEL: 'info' });
    service = spawn(process.execPath, ['services/provenance/dist/main.js'], { cwd: root, env: { ...process.env, ...environment.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    service.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    service.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    exited = new Promise((resolve) => service.once('exit', (code, signal) => resolve(signal ?? code ?? 0)));
    await waitUntil('the service listens', () => output.join('').includes('provenance listening on'), { timeoutMs: 60_000 }).catch((e: Error) => {
      throw new Error(`${e.message}\n${output.join('')}`);
    });
    pool = new pg.Pool({ connectionString: databaseUrlFor(adminDatabaseUrl(), environment.env.DATABASE_NAME!), max: 2 });
    kafka = new Kafka({ brokers: testKafkaBrokers(), clientId: 'compiled-provenance-test', logLevel: logLevel.NOTHING });
    producer = createProducer(kafka);
    await producer.connect();
  }, 240_000);

  afterAll(async () => {
    service?.kill('SIGKILL');
    await producer?.disconnect();
    await pool?.end();
    await environment?.cleanup();
    await files?.remove();
  });

  it('publishes every entry in order, and each outcome, from its worker thread', async () => {
    const facts = registrationFacts(cast.ncbFr, cast.ofb, past, true);
    await publish(topics.registryEvents, await Promise.all(facts.map((fact) => registryEvent(cast.ncbFr, fact, past))));
    await publish(topics.requestIntakeEvents, await requests(40));
    await waitUntil(`the log holds ${published} entries`, async () => (await logSize()) === published, { timeoutMs: 60_000 });

    const onTopic = await consumeTopic(kafka, prefix() + topics.provenanceLog.name, published, 60_000);
    const stored = await pool.query<{ sequence: string; leaf_bytes: Buffer }>('SELECT sequence, leaf_bytes FROM log_entries ORDER BY sequence');
    expect(onTopic.map((m) => [m.key, m.value])).toEqual(stored.rows.map((r) => [r.sequence, r.leaf_bytes]));
    const outcomes = await consumeTopic(kafka, prefix() + topics.provenanceEvents.name, published, 60_000);
    expect(outcomes.map((m) => m.headers.ce_type)).toEqual(Array(published).fill(recordVerifiedV1.type));
    expect(output.join('')).toContain('publishing the provenance log from a worker thread');
  }, 120_000);

  it("runs the publisher's thread at a lower CPU priority than the service's own thread", async () => {
    const niceOf = async (tid: string) => {
      const stat = await readFile(`/proc/${service.pid}/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); // field 19 of proc(5)
    };
    const threads = await readdir(`/proc/${service.pid}/task`);
    const nices = await Promise.all(threads.map(niceOf));
    expect(await niceOf(String(service.pid))).toBe(0);
    expect(nices.filter((nice) => nice === 10).length).toBeGreaterThanOrEqual(1);
  });

  it("keeps publishing after the thread's database connections are cut", async () => {
    const { rows } = await pool.query<{ cut: boolean }>(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = $1 AND application_name = 'provenance-log-publisher'`,
      [environment.env.DATABASE_NAME],
    );
    expect(rows.length).toBeGreaterThan(0);
    await publish(topics.requestIntakeEvents, await requests(20));
    await waitUntil(`the log holds ${published} entries`, async () => (await logSize()) === published, { timeoutMs: 60_000 });
    const onTopic = await consumeTopic(kafka, prefix() + topics.provenanceLog.name, published, 60_000);
    expect(onTopic.map((m) => m.key)).toEqual(Array.from({ length: published }, (_, i) => String(i)));
  }, 120_000);

  it('stops once on SIGINT then SIGTERM, in good order, its publisher thread included', async () => {
    await publish(topics.requestIntakeEvents, await requests(20));
    await consumeTopic(kafka, prefix() + topics.provenanceLog.name, published, 60_000);
    // As a terminal's Ctrl-C and then a supervisor would: the service closes once.
    service.kill('SIGINT');
    service.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.join('').match(/"msg":"stopped"/g)).toHaveLength(1);
    expect(output.join('')).not.toContain('did not stop in time');
    const { rows } = await pool.query<{ published_size: string }>('SELECT published_size FROM log_publication');
    expect(Number(rows[0]!.published_size)).toBe(published);
  }, 120_000);
});
