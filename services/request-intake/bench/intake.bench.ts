import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KeyLookup, PrincipalDirectory, VerifiedPrincipal } from '@wildlife/service-kit';
import { generateSigningKeyPair } from '@wildlife/signatures';
import { markWal, serviceTestEnvironment } from '@wildlife/testing';
import { startBenchServer } from './bench-server.js';
import type { LoadClientData, LoadCommand, LoadResult } from './load-client.js';

// npm run bench:intake — signed support-request submissions per second that request intake accepts
// with a durable append (PostgreSQL commits with fsync and synchronous_commit as configured, which
// this prints), then p50/p99 latency at a fixed arrival rate of half that, each beside a baseline:
// the same HTTP server answering a minimal validated route. Bounded: it stops itself within two
// minutes. Human-readable lines first; the last line is the JSON summary.

const TARGET = { submissionsPerSecond: 1_500, p99Ms: 20 } as const;
const PHASE_MS = { warmUp: 3_000, maxThroughput: 8_000, fixedRate: 8_000, baseline: 4_000 } as const;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
/** For comparing two builds' latency at one rate: the fixed rate to use instead of half the measured throughput. */
const FIXED_RATE = process.env.BENCH_FIXED_RATE === undefined ? undefined : Number(process.env.BENCH_FIXED_RATE);
const HARD_STOP_MS = 115_000;

const agency: VerifiedPrincipal = { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' };
const keyId = 'agency-fr-ofb-bench';

const submissionBody = JSON.stringify({
  capabilities: ['information-sharing', 'operational-support'],
  generalServices: ['diffusions'],
  operationalSupport: { istDeployment: false, coordinationMeeting: true },
  natureOfHelp: ['investigation-support'],
  caseSummary: 'Juvenile African grey parrots offered for sale on a classifieds platform operated from the Netherlands.',
  urgency: 'urgent',
  species: [{ scientificName: 'Psittacus erithacus', citesAppendix: 'I' }],
  platforms: [{ name: 'Example Classifieds', url: 'https://classifieds.example/listing/48213', countryOfOperation: 'NL' }],
  countriesConcerned: ['FR', 'NL', 'BE'],
  evidenceReferences: [{ reference: 'OFB-2025-0412/PV-3', heldBy: 'agency-fr-ofb' }],
});
const echoBody = JSON.stringify({ caseSummary: 'Juvenile African grey parrots offered for sale.', urgency: 'urgent' });

const log = (line: string) => process.stdout.write(`${line}\n`);
const describe = (result: LoadResult) =>
  `${result.acceptedPerSecond}/s accepted, ${result.sent} sent, statuses ${JSON.stringify(result.statuses)}, ` +
  `p50 ${result.latency.p50Ms} ms, p99 ${result.latency.p99Ms} ms, max ${result.latency.maxMs} ms`;

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    process.stderr.write('bench:intake did not finish within its time budget\n');
    process.exit(2);
  }, HARD_STOP_MS);
  hardStop.unref();

  const keys = generateSigningKeyPair();
  const lookup: KeyLookup = { principal: agency, publicKey: keys.publicKey };
  const directory: PrincipalDirectory = {
    resolveKey: (id) => (id === keyId ? lookup : { refused: 'key_unknown' }),
    principal: (id) => (id === agency.id ? agency : undefined),
  };
  const environment = serviceTestEnvironment('bench-intake', { LOG_LEVEL: 'error', DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '20' });
  const prefix = environment.env.KAFKA_TOPIC_PREFIX!;
  const { service, url } = await startBenchServer(environment.env, directory);
  const clientData: LoadClientData = {
    url,
    keyId,
    privateKeyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    submissionBody,
    echoBody,
  };
  const client = new Worker(new URL('./load-client.js', import.meta.url), { workerData: clientData });
  const run = (command: LoadCommand) =>
    new Promise<LoadResult>((resolve, reject) => {
      client.once('message', resolve);
      client.once('error', reject);
      client.postMessage(command);
    });

  try {
    const durability = await service.pool.query<{ fsync: string; synchronous_commit: string }>(
      "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit",
    );
    log(`bench:intake on ${availableParallelism()} cores; PostgreSQL fsync=${durability.rows[0]!.fsync}, synchronous_commit=${durability.rows[0]!.synchronous_commit}`);

    const warmUp = await run({ kind: 'closed', target: 'intake', concurrency: CONCURRENCY, durationMs: PHASE_MS.warmUp, maxRequests: 8_000 });
    log(`warm-up (submissions): ${describe(warmUp)}`);
    const baselineMax = await run({ kind: 'closed', target: 'echo', concurrency: CONCURRENCY, durationMs: PHASE_MS.baseline, maxRequests: 200_000 });
    log(`baseline, as fast as it goes (minimal validated route): ${describe(baselineMax)}`);
    const wal = await markWal(service.pool);
    const intakeMax = await run({ kind: 'closed', target: 'intake', concurrency: CONCURRENCY, durationMs: PHASE_MS.maxThroughput, maxRequests: 30_000 });
    log(`submissions, as fast as they go: ${describe(intakeMax)}`);
    // WAL is what every durable commit waits to flush, and unlike a rate it does not move with the
    // machine's speed. Server-wide: anything else the server wrote meanwhile counts too.
    const walBytesPerSubmission = Math.round((await wal.bytesSince()) / Math.max(1, intakeMax.statuses['202'] ?? 0));
    log(`WAL written during that phase: ${walBytesPerSubmission} bytes per accepted submission`);

    // The relay publishes what the burst left in the outbox; the fixed rate is measured once it has.
    log(`outbox drained to Kafka ${await outboxDrained(service)} ms after the burst`);
    const fixedRate = FIXED_RATE ?? Math.max(1, Math.floor(intakeMax.acceptedPerSecond / 2));
    const intakeFixed = await run({ kind: 'open', target: 'intake', ratePerSecond: fixedRate, durationMs: PHASE_MS.fixedRate });
    log(`submissions at a fixed ${fixedRate}/s: ${describe(intakeFixed)}`);
    const baselineFixed = await run({ kind: 'open', target: 'echo', ratePerSecond: fixedRate, durationMs: PHASE_MS.baseline });
    log(`baseline at a fixed ${fixedRate}/s: ${describe(baselineFixed)}`);

    const acceptedAnswers = [warmUp, intakeMax, intakeFixed].reduce((sum, result) => sum + (result.statuses['202'] ?? 0), 0);
    const stored = await service.pool.query<{ events: number; requests: number }>(
      'SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM support_requests)::int AS requests',
    );
    const { events, requests } = stored.rows[0]!;
    log(`durable: ${acceptedAnswers} submissions answered 202; the store holds ${events} events and ${requests} requests`);

    const summary = {
      bench: 'request-intake submissions',
      cores: availableParallelism(),
      durability: durability.rows[0],
      submissionsPerSecond: intakeMax.acceptedPerSecond,
      fixedRatePerSecond: fixedRate,
      p50Ms: intakeFixed.latency.p50Ms,
      p99Ms: intakeFixed.latency.p99Ms,
      baseline: {
        requestsPerSecond: baselineMax.acceptedPerSecond,
        p50Ms: baselineFixed.latency.p50Ms,
        p99Ms: baselineFixed.latency.p99Ms,
      },
      walBytesPerSubmission,
      everyAcceptedSubmissionStored: events === acceptedAnswers && requests === acceptedAnswers,
      target: TARGET,
      targetMet: intakeMax.acceptedPerSecond >= TARGET.submissionsPerSecond && intakeFixed.latency.p99Ms < TARGET.p99Ms,
    };
    log(JSON.stringify(summary));
  } finally {
    await client.terminate();
    await service.close();
    await deleteTopics(service.kafka, prefix);
    await environment.cleanup();
  }
}

type BenchService = Awaited<ReturnType<typeof startBenchServer>>['service'];

/** Waits (at most 30 s) until the relay has published every outbox row; returns how long that took. */
async function outboxDrained(service: BenchService): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 30_000) {
    const { rows } = await service.pool.query<{ unpublished: number }>('SELECT count(*)::int AS unpublished FROM outbox');
    if (rows[0]!.unpublished === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Math.round(performance.now() - started);
}

async function deleteTopics(kafka: BenchService['kafka'], prefix: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const ours = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
  } catch (error) {
    process.stderr.write(`could not delete the bench's topics (${prefix}*): ${String(error)}\n`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

await main();
