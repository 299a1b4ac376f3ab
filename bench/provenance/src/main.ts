// `npm run bench:provenance`: what the provenance log and its audit cost, measured in one run on this
// machine against the real database and broker. Lines for people first; the last line is JSON.
//  - appends through the log's group commit: of records whose signatures were checked ahead, against
//    hashing and inserting the same bytes; and of records checked on the way (the whole intake).
//    Every timed record is a support request signed as intake receives it (its own signature), so it
//    is logged official; the bench counts what each phase logged and fails if anything else was;
//  - `audit verify` of an exported 100,000-entry log, in a process of its own: tree and checkpoints
//    only, then with every entry's rules, then with every record signature re-verified; and its peak
//    memory against the same audit of a tenth of the log (it streams: the peak must not grow);
//  - the latency of signed inclusion-proof requests at that size.
// Bounded: fixed counts, and each verifier run times out.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { benchCast, registryRecords, REQUESTS_INTENDED } from './bench-cast.js';
import { APPEND_BATCH, BENCH_ORIGIN, startBenchService } from './bench-service.js';
import { measureAppends, type AppendPhase, type PhaseFigures } from './append-throughput.js';
import { round } from './figures.js';
import { checkpointSizeFrom, exportAt } from './log-export.js';
import { measureInclusionProofs } from './proof-latency.js';
import { firstRequestAt, signSupportRequests } from './request-signing.js';
import { runVerifier } from './verifier-runs.js';

const LOG_SIZE = Number(process.env.BENCH_PROVENANCE_ENTRIES ?? 100_000);
/** `BENCH_PROVENANCE_APPENDS_ONLY=1`: stop after the append phases and the baseline (for paired A/B runs of the append path). */
const APPENDS_ONLY = process.env.BENCH_PROVENANCE_APPENDS_ONLY === '1';
/** The old-generation cap of one audit of the whole log, far below the export's size. */
const HEAP_CAP_MB = 32;
const targets = { appendsPerSecond: 5_000, appendRatio: 0.6, verifyTreePerSecond: 50_000, inclusionP99Ms: 5 };

const started = performance.now();
const say = (line: string) => console.log(`[${((performance.now() - started) / 1_000).toFixed(1)} s] ${line}`);

const infrastructure = (await import(String(new URL('../../../infra/index.mjs', import.meta.url)))) as {
  ensureInfrastructure: () => Promise<{ databaseUrl: string; kafkaBrokers: string }>;
};
const infra = await infrastructure.ensureInfrastructure();
process.env.DATABASE_URL ??= infra.databaseUrl;
process.env.KAFKA_BROKERS ??= infra.kafkaBrokers;

const cast = benchCast();
const bench = await startBenchService(cast);
try {
  const pool = bench.service.pool;
  const requests = LOG_SIZE - 2;
  const startMs = firstRequestAt(requests);
  for (const record of await registryRecords(cast, startMs)) await bench.appender.append(record);
  say(`appends: ${requests} support requests through the log's group commit (batches of up to ${APPEND_BATCH}), each meant to be ${REQUESTS_INTENDED.classification}/${REQUESTS_INTENDED.reason}`);
  const signing: { phase: AppendPhase; records: number; threads: number; seconds: number }[] = [];
  const signedFor = async (phase: AppendPhase) => {
    const half = Math.floor(requests / 2);
    const [first, count] = phase === 'check + append' ? [0, half] : [half, requests - half];
    const { records, threads, seconds } = await signSupportRequests(cast.agency, first, count, startMs);
    say(`  signed ${count} for the ${phase} phase, each its own request and nonce, in ${seconds} s on ${threads} threads (untimed)`);
    signing.push({ phase, records: count, threads, seconds });
    return records;
  };
  const appends = await measureAppends(bench, pool, { signedFor, intended: REQUESTS_INTENDED }, APPEND_BATCH, Math.min(20_000, requests));
  const published = (phase: PhaseFigures) => `, ${phase.publishedPerSecond}/s until also published on Kafka`;
  const logged = (phase: PhaseFigures) => `; logged ${JSON.stringify(phase.classifications)}, reasons ${JSON.stringify(phase.reasons)}`;
  say(`  signatures checked and appended: ${appends.checkAndAppend.entriesPerSecond} entries/s (${appends.checkAndAppend.entries} records)${published(appends.checkAndAppend)}${logged(appends.checkAndAppend)}`);
  say(`  appended, signatures checked ahead: ${appends.append.entriesPerSecond} entries/s (${appends.append.entries} records; aim ≥ ${targets.appendsPerSecond})${published(appends.append)}${logged(appends.append)}`);
  say(`  baseline hash + insert: ${appends.baselinePerSecond}/s; ratio ${appends.ratio} (aim ≥ ${targets.appendRatio})`);
  if (APPENDS_ONLY) {
    console.log(JSON.stringify({ bench: 'provenance', appendsOnly: true, date: new Date().toISOString(), recordSigning: signing, appends, targets, seconds: round((performance.now() - started) / 1_000, 1) }));
  } else {
    const full = await checkpointSizeFrom(pool, LOG_SIZE);
    const tenth = await checkpointSizeFrom(pool, Math.floor(LOG_SIZE / 10));
    const fullFile = join(bench.dir, 'log-full.jsonl');
    const tenthFile = join(bench.dir, 'log-tenth.jsonl');
    await exportAt(pool, full, fullFile, BENCH_ORIGIN, bench.verifierKey);
    await exportAt(pool, tenth, tenthFile, BENCH_ORIGIN, bench.verifierKey);
    // After a bulk load PostgreSQL's autovacuum would visit the new rows while the proofs are timed:
    // done here instead, as an operator would after a load, and not timed.
    await pool.query('VACUUM (ANALYZE)');
    const proofs = await measureInclusionProofs(bench.url, { keyId: cast.auditor.keyId, privateKey: cast.auditor.privateKey }, full, 1_000, 100);
    say(`inclusion proofs at ${full} entries, signed requests one at a time: p50 ${proofs.p50Ms} ms, p99 ${proofs.p99Ms} ms (aim < ${targets.inclusionP99Ms} ms), max ${proofs.maxMs} ms`);

    // The auditor's figures, once the service is stopped and its database dropped: an auditor verifies
    // on a machine of its own, not beside the log's service and its database's maintenance.
    await bench.stopService();
    say(`audit verify of the exported log (${full} entries), each run in a process of its own:`);
    const tree = await runVerifier(fullFile, bench.trustRootsFile, 'tree');
    say(`  tree and checkpoints: ${tree.entriesPerSecond} entries/s (aim ≥ ${targets.verifyTreePerSecond}), peak RSS ${tree.peakRssMb} MB`);
    const entries = await runVerifier(fullFile, bench.trustRootsFile, 'entries');
    say(`  + every entry's keys, source and classification: ${entries.entriesPerSecond} entries/s, peak RSS ${entries.peakRssMb} MB`);
    const signatures = await runVerifier(fullFile, bench.trustRootsFile, 'signatures');
    say(`  + every record signature re-verified: ${signatures.entriesPerSecond} entries/s, peak RSS ${signatures.peakRssMb} MB, peak heap ${signatures.peakHeapMb} MB`);
    const small = await runVerifier(tenthFile, bench.trustRootsFile, 'signatures');
    const memoryGrowth = round(signatures.peakRssMb / small.peakRssMb, 2);
    say(`  the same full audit of ${small.entries} entries: peak RSS ${small.peakRssMb} MB, peak heap ${small.peakHeapMb} MB: ${memoryGrowth}× for ${round(full / small.entries, 1)}× the entries`);
    // Peaks move with the garbage collector's timing; a cap is a yes-or-no answer: an audit that held
    // the log (hundreds of megabytes here) could not finish with its old generation capped far below it.
    const exportMb = round((await stat(fullFile)).size / 2 ** 20, 1);
    const underCap = await runVerifier(fullFile, bench.trustRootsFile, 'entries', { maxOldSpaceMb: HEAP_CAP_MB }).then(
      () => true,
      () => false,
    );
    say(`  the audit of all ${full} entries (every entry's rules; export ${exportMb} MB) with the heap's old generation capped at ${HEAP_CAP_MB} MB: ${underCap ? 'completed' : 'FAILED'}`);
    // What the audit holds, garbage aside: its heap after a full collection every 100 ms, whole log and tenth.
    const [liveFull, liveTenth] = [await runVerifier(fullFile, bench.trustRootsFile, 'entries', { liveHeap: true }), await runVerifier(tenthFile, bench.trustRootsFile, 'entries', { liveHeap: true })];
    const liveGrowth = round(liveFull.peakLiveHeapMb / liveTenth.peakLiveHeapMb, 2);
    say(`  live heap (after a full collection, every 100 ms) of the audit of every entry's rules: ${liveFull.peakLiveHeapMb} MB for ${full} entries, ${liveTenth.peakLiveHeapMb} MB for ${liveTenth.entries}: ${liveGrowth}×`);

    console.log(
      JSON.stringify({
        bench: 'provenance',
        date: new Date().toISOString(),
        recordSigning: signing,
        appends,
        auditVerify: {
          entries: full,
          treeAndCheckpointsPerSecond: tree.entriesPerSecond,
          withEntryRulesPerSecond: entries.entriesPerSecond,
          withSignaturesPerSecond: signatures.entriesPerSecond,
          runs: [tree, entries, signatures, small],
        },
        verifierMemory: {
          peakRssMbAtFull: signatures.peakRssMb,
          peakRssMbAtTenth: small.peakRssMb,
          peakHeapMbAtFull: signatures.peakHeapMb,
          peakHeapMbAtTenth: small.peakHeapMb,
          growth: memoryGrowth,
          liveHeapMbAtFull: liveFull.peakLiveHeapMb,
          liveHeapMbAtTenth: liveTenth.peakLiveHeapMb,
          liveHeapGrowth: liveGrowth,
          exportMb,
          completedWithOldSpaceCappedAtMb: underCap ? HEAP_CAP_MB : null,
        },
        inclusionProof: proofs,
        targets,
        seconds: round((performance.now() - started) / 1_000, 1),
      }),
    );
  }
} finally {
  await bench.close();
}
