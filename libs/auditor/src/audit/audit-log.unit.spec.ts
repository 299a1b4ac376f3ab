import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { LogEntry } from '@wildlife/provenance-log';
import { auditedScenario, type Scenario } from '../../test/support/audited-scenario.js';
import { memorySource } from '../../test/support/memory-source.js';
import { TestLog } from '../../test/support/signed-log.js';
import { EMPTY_AUDIT_STATE, parseAuditState, serialiseAuditState, type AuditState } from '../state/audit-state.js';
import { auditLog, type AuditReport } from './audit-log.js';

describe('auditing a log from a source', () => {
  let scenario: Scenario;
  let leaves: Uint8Array[];
  let verifierKey: string;

  beforeAll(async () => {
    scenario = await auditedScenario();
    leaves = scenario.log.leaves();
    verifierKey = scenario.log.noteKey.verifierKey;
  });

  const stateOf = (report: AuditReport): AuditState => {
    if (!report.ok) throw new Error(`the audit failed: ${report.finding.problem}`);
    return report.state;
  };
  const relogged = (change: (entry: LogEntry) => LogEntry) => scenario.log.leaves(scenario.log.entries.map(change));

  it('pins the log key on a first audit and records the checkpoint, surviving the state file', async () => {
    const report = await auditLog({ source: memorySource(leaves, scenario.log.checkpoint(leaves), { verifierKey }), trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE });
    const state = parseAuditState(serialiseAuditState(stateOf(report)));
    expect(state.logs['provenance.test.example/log']).toMatchObject({ verifierKey, size: 10 });
  });

  it('accepts a grown log consistent with the checkpoint verified before', async () => {
    const first = stateOf(await auditLog({ source: memorySource(leaves.slice(0, 6), scenario.log.checkpoint(leaves, 6), { verifierKey }), trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE }));
    const second = await auditLog({ source: memorySource(leaves, scenario.log.checkpoint(leaves), { verifierKey }), trustRoots: scenario.trustRoots, state: first });
    expect(second).toMatchObject({ ok: true, previousSize: 6, checkpoint: { size: 10 } });
  });

  it('refuses a source that presents another log key than the one pinned', async () => {
    const first = stateOf(await auditLog({ source: memorySource(leaves, scenario.log.checkpoint(leaves), { verifierKey }), trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE }));
    const impostor = await auditedScenario();
    const report = await auditLog({
      source: memorySource(leaves, impostor.log.checkpoint(leaves), { verifierKey: impostor.log.noteKey.verifierKey }),
      trustRoots: scenario.trustRoots,
      state: first,
    });
    expect(report).toMatchObject({ ok: false, finding: { code: 'verifier-key-changed' } });
  });

  it('refuses a source that presents a log of another origin than it served before, with its own key', async () => {
    const served = { ...memorySource(leaves, scenario.log.checkpoint(leaves), { verifierKey }), identity: 'https://provenance.example' };
    const first = stateOf(await auditLog({ source: served, trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE }));
    const renamed = new TestLog('provenance.test.example/log2');
    const impostor = { ...memorySource(leaves, renamed.checkpoint(leaves), { verifierKey: renamed.noteKey.verifierKey }), identity: 'https://provenance.example' };

    const report = await auditLog({ source: impostor, trustRoots: scenario.trustRoots, state: first });
    const elsewhere = await auditLog({ source: { ...impostor, identity: 'https://other.example' }, trustRoots: scenario.trustRoots, state: first });
    const fromAFile = await auditLog({ source: { ...impostor, identity: undefined }, trustRoots: scenario.trustRoots, state: first });

    expect(report).toMatchObject({ ok: false, finding: { code: 'origin-changed', problem: expect.stringContaining('provenance.test.example/log') } });
    // Another source, or a file (which names no source), may hold another log: audited as a first audit.
    expect(elsewhere).toMatchObject({ ok: true, origin: 'provenance.test.example/log2' });
    expect(fromAFile).toMatchObject({ ok: true, origin: 'provenance.test.example/log2' });
  });

  it('keeps what each source served in the state file, and reads a state file written before sources were kept', () => {
    const state = { ...EMPTY_AUDIT_STATE, sources: { 'https://provenance.example': 'provenance.test.example/log' } };

    expect(parseAuditState(serialiseAuditState(state)).sources).toEqual(state.sources);
    expect(parseAuditState(JSON.stringify({ version: 1, logs: {} })).sources).toEqual({});
  });

  it('names the changed entry that only the tree reveals, from the log\'s consistency proofs', async () => {
    const changed = relogged((entry) => (entry.sequence === 6 ? { ...entry, reason: { ...entry.reason, text: 'Changed.' } } : entry));
    const report = await auditLog({ source: memorySource(changed, scenario.log.checkpoint(leaves), { verifierKey, treeLeaves: leaves }), trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE });
    expect(report).toMatchObject({ ok: false, finding: { code: 'root-mismatch', index: 6 } });
    expect((report as { finding: object }).finding).not.toHaveProperty('end');
  });

  it('narrows a change down to one entry in a long log, in a few passes that only hash', async () => {
    const bulk = Array.from({ length: 5000 }, () => randomBytes(40));
    const changed = bulk.map((leaf, index) => (index === 3217 ? randomBytes(40) : leaf));
    const source = memorySource(changed, scenario.log.checkpoint(bulk), { verifierKey, treeLeaves: bulk });
    const report = await auditLog({ source, trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE, depth: 'tree' });
    expect(report).toMatchObject({ ok: false, finding: { code: 'root-mismatch', index: 3217 } });
    expect(source.reads).toBeLessThanOrEqual(4);
  });

  it('gives the slice only when the source has no proofs', async () => {
    const bulk = Array.from({ length: 640 }, () => randomBytes(40));
    const changed = bulk.map((leaf, index) => (index === 333 ? randomBytes(40) : leaf));
    const report = await auditLog({ source: memorySource(changed, scenario.log.checkpoint(bulk), { verifierKey, proofs: false }), trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE, depth: 'tree' });
    expect(report).toMatchObject({ ok: false, finding: { code: 'root-mismatch' } });
    expect((report as { finding: object }).finding).not.toHaveProperty('index');
  });

  describe('an entry changed so that it passes by itself, but a later honest entry fails the rules', () => {
    // Entry 1 accredits KWS for what entry 3 asks; entry 0 registers the key entry 3 is signed with.
    // Logged as rejected instead, entry 1 passes by itself (a rejection is not second-guessed: it
    // vouches for nothing), while entry 3 then rests on an accreditation the log no longer grants.
    // (A changed scope no longer passes by itself: the scope is bound to the signed request.)
    const narrowerScope = (entry: LogEntry): LogEntry => {
      if (entry.sequence !== 1) return entry;
      const { basis: _basis, ...rest } = entry;
      return { ...rest, classification: 'rejected', reason: { code: 'signature-invalid', text: 'The signature does not verify.' } };
    };
    const changedScope = (entry: LogEntry) =>
      entry.sequence === 1 ? { ...entry, recordData: { ...entry.recordData!, scope: ['operational-support'] } } : entry;
    const otherKey = (entry: LogEntry) =>
      entry.sequence === 0 ? { ...entry, recordData: { ...entry.recordData!, key: { keyId: scenario.cast.kfs.keyId, publicKey: scenario.cast.kfs.publicKey } } } : entry;

    it.each([
      ['an accreditation logged as rejected', narrowerScope, 1],
      ['an accreditation\'s scope (its own signed request refutes it too)', changedScope, 1],
      ['a registered key', otherKey, 0],
    ] as const)('names the entry that changed (%s), from the log\'s consistency proofs', async (_, change, index) => {
      const source = memorySource(relogged(change), scenario.log.checkpoint(leaves), { verifierKey, treeLeaves: leaves });
      const report = await auditLog({ source, trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE });
      expect(report).toMatchObject({ ok: false, finding: { index } });
      expect((report as { finding: object }).finding).not.toHaveProperty('end');
    });

    it('says, without proofs, that the tree does not match either, so an earlier entry may have changed', async () => {
      const source = memorySource(relogged(narrowerScope), scenario.log.checkpoint(leaves), { verifierKey, proofs: false });
      const report = await auditLog({ source, trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE });
      expect(report).toMatchObject({ ok: false, finding: { index: 3, problem: expect.stringContaining('do not hash to the checkpoint\'s root either: this entry or an earlier one was changed') } });
    });

    it('says, without proofs, when the log signed the failing entry as it is', async () => {
      const changed = relogged(narrowerScope);
      const source = memorySource(changed, scenario.log.checkpoint(changed), { verifierKey, proofs: false });
      const report = await auditLog({ source, trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE });
      expect(report).toMatchObject({ ok: false, finding: { index: 3, problem: expect.stringContaining('the log signed this entry as it is') } });
    });

    it('names the changed entry without proofs, from the prefix roots a clean audit recorded before', async () => {
      const before = stateOf(await auditLog({ source: memorySource(leaves, scenario.log.checkpoint(leaves), { verifierKey }), trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE }));
      const source = memorySource(relogged(narrowerScope), scenario.log.checkpoint(leaves), { verifierKey, proofs: false });
      const report = await auditLog({ source, trustRoots: scenario.trustRoots, state: before });
      expect(report).toMatchObject({ ok: false, finding: { index: 1, code: 'history-rewritten' } });
      expect((report as { finding: object }).finding).not.toHaveProperty('end');
    });
  });

  it('refuses a log whose own consistency proof from the last verified checkpoint does not verify', async () => {
    const first = stateOf(await auditLog({ source: memorySource(leaves.slice(0, 5), scenario.log.checkpoint(leaves, 5), { verifierKey }), trustRoots: scenario.trustRoots, state: EMPTY_AUDIT_STATE }));
    const otherTree = leaves.map((leaf, index) => (index === 2 ? randomBytes(40) : leaf));
    const report = await auditLog({ source: memorySource(leaves, scenario.log.checkpoint(leaves), { verifierKey, treeLeaves: otherTree }), trustRoots: scenario.trustRoots, state: first });
    expect(report).toMatchObject({ ok: false, finding: { code: 'consistency-proof-invalid' } });
  });
});
