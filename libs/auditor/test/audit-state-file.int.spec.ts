import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { leafHash } from '@wildlife/provenance-log';
import { auditLog, type AuditReport } from '../src/audit/audit-log.js';
import { main } from '../src/cli/main.js';
import { writeExportFile } from '../src/sources/export-file.io.js';
import { EMPTY_AUDIT_STATE, type AuditToRecord } from '../src/state/audit-state.js';
import { AuditStateIsLocked, readAuditState, recordAudit } from '../src/state/audit-state.io.js';
import { auditedScenario, type Scenario } from './support/audited-scenario.js';
import { capturedIo } from './support/captured-io.js';
import { memorySource } from './support/memory-source.js';
import { TestLog } from './support/signed-log.js';

describe('the audit state file shared by audits', () => {
  let dir: string;
  let scenario: Scenario;
  let leaves: Uint8Array[];
  let trustRoots: string;
  let count = 0;
  const fresh = (name: string) => join(dir, `${name}-${(count += 1)}.json`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-state-'));
    scenario = await auditedScenario();
    leaves = scenario.log.leaves();
    trustRoots = join(dir, 'trust-roots.json');
    await writeFile(trustRoots, JSON.stringify(scenario.trustRoots));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** What a clean audit of the first `size` leaves, from an empty state, would record. */
  const cleanAudit = async (size: number, log: TestLog = scenario.log, given: readonly Uint8Array[] = leaves): Promise<AuditToRecord> => {
    const source = memorySource(given.slice(0, size), log.checkpoint([...given], size), { verifierKey: log.noteKey.verifierKey });
    const report: AuditReport = await auditLog({ source, trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE, depth: 'tree' });
    if (!report.ok) throw new Error(`the audit failed: ${report.finding.problem}`);
    return report.audited;
  };

  const exported = async (name: string, log: TestLog): Promise<string> => {
    const path = join(dir, `${name}.jsonl`);
    async function* entries() {
      for (const [sequence, leafBytes] of leaves.entries()) yield { sequence, leafBytes, leafHash: leafHash(leafBytes) };
    }
    await writeExportFile(path, { origin: log.origin, verifierKey: log.noteKey.verifierKey, checkpoint: log.checkpoint(leaves), size: leaves.length }, entries());
    return path;
  };

  it('keeps the pins of two logs audited at the same time into one state file', async () => {
    const other = new TestLog('other.test.example/log');
    const [one, two] = await Promise.all([exported('one', scenario.log), exported('two', other)]);
    const state = fresh('two-logs');
    const audit = (file: string) => main(['verify', '--trust-roots', trustRoots, '--file', file, '--state', state, '--tree-only'], capturedIo(join(dir, 'unused.json')));

    expect(await Promise.all([audit(one), audit(two)])).toEqual([0, 0]);

    const logs = (await readAuditState(state)).logs;
    expect(Object.keys(logs).sort()).toEqual([other.origin, scenario.log.origin]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([]);
  });

  it('never rolls a log back to an older checkpoint recorded after a newer one', async () => {
    const state = fresh('rollback');
    expect(await recordAudit(state, await cleanAudit(10))).toMatchObject({ outcome: 'recorded' });
    expect(await recordAudit(state, await cleanAudit(6))).toMatchObject({ outcome: 'recorded', kept: 10 });
    expect((await readAuditState(state)).logs[scenario.log.origin]).toMatchObject({ size: 10 });
  });

  it('refuses to record a checkpoint inconsistent with the one another audit recorded, and says why', async () => {
    const state = fresh('fork');
    await recordAudit(state, await cleanAudit(10));
    const forked = leaves.map((leaf, index) => (index === 4 ? randomBytes(40) : leaf));
    const merge = await recordAudit(state, await cleanAudit(10, scenario.log, forked));
    expect(merge).toMatchObject({ outcome: 'finding', finding: { code: 'history-rewritten' } });
    expect((await readAuditState(state)).logs[scenario.log.origin]!.rootHash).toEqual((await cleanAudit(10)).log.rootHash);
  });

  it('asks for a consistency proof when the checkpoint recorded meanwhile is one this audit holds no root for', async () => {
    const bulk = Array.from({ length: 1_000 }, () => randomBytes(40));
    const state = fresh('unknown');
    await recordAudit(state, await cleanAudit(501, scenario.log, bulk));
    const newer = await cleanAudit(1_000, scenario.log, bulk);

    expect(await recordAudit(state, newer)).toMatchObject({ outcome: 'unknown', onDisk: { size: 501 } });
    expect(await recordAudit(state, newer, { proveConsistency: async () => false })).toMatchObject({ outcome: 'finding', finding: { code: 'history-rewritten' } });
    expect(await recordAudit(state, newer, { proveConsistency: async (older, later) => older.size === 501 && later.size === 1_000 })).toMatchObject({ outcome: 'recorded' });
    expect((await readAuditState(state)).logs[scenario.log.origin]).toMatchObject({ size: 1_000 });
  });

  it('takes over the lock of an audit that died, and waits for one that runs', async () => {
    const state = fresh('locked');
    await writeFile(`${state}.lock`, `${hostname()} 2147483646 left-by-a-crash`);
    expect(await recordAudit(state, await cleanAudit(10))).toMatchObject({ outcome: 'recorded' });

    await writeFile(`${state}.lock`, `${hostname()} ${process.pid} held`);
    await expect(recordAudit(state, await cleanAudit(10), { lock: { waitMs: 50 } })).rejects.toThrow(AuditStateIsLocked);
    await rm(`${state}.lock`);
  });

  it('names the state file it cannot read', async () => {
    const state = fresh('corrupt');
    await writeFile(state, 'nope');
    const io = capturedIo(join(dir, 'unused.json'));
    expect(await main(['verify', '--trust-roots', trustRoots, '--file', await exported('corrupt-log', scenario.log), '--state', state], io)).toBe(3);
    expect(io.err).toContain(`${state} is unreadable: not JSON`);
  });
});
