import { beforeAll, describe, expect, it } from '@jest/globals';
import { leafHash, type LogEntry } from '@wildlife/provenance-log';
import { auditedScenario, type Scenario } from '../../test/support/audited-scenario.js';
import { evidenceOf, leafRecords, recordEvidenceOf } from '../../test/support/signed-log.js';
import { verifyLog, type AuditDepth } from './verify-log.js';

describe('verifying a log against its checkpoint', () => {
  let scenario: Scenario;
  let leaves: Uint8Array[];

  beforeAll(async () => {
    scenario = await auditedScenario();
    leaves = scenario.log.leaves();
  });

  const verify = (given: readonly Uint8Array[], options: { checkpoint?: string; depth?: AuditDepth; sequences?: number[] } = {}) =>
    verifyLog({
      entries: leafRecords(given, options.sequences),
      checkpoint: options.checkpoint ?? scenario.log.checkpoint(leaves),
      verifierKey: scenario.log.noteKey.verifierKey,
      trustRoots: scenario.trustRoots,
      ...(options.depth !== undefined && { depth: options.depth }),
    });
  const relogged = (change: (entries: LogEntry[]) => LogEntry[]) => {
    const entries = change(scenario.log.entries.map((entry) => ({ ...entry })));
    return scenario.log.leaves(entries);
  };

  it.each(['tree', 'entries', 'signatures'] as const)('accepts the log the service wrote, checking %s', async (depth) => {
    const result = await verify(leaves, { depth });
    expect(result).toMatchObject({ ok: true, checkpoint: { size: 10 } });
  });

  it('refuses a checkpoint signed with another key than the log key', async () => {
    const result = await verify(leaves, { checkpoint: scenario.log.checkpoint(leaves).replace(/— \S+ /, '— other ') });
    expect(result).toMatchObject({ ok: false, finding: { code: 'checkpoint-invalid' } });
  });

  describe('naming the first bad entry', () => {
    it('names an entry whose byte was changed into JSON that is no entry', async () => {
      const changed = leaves.map((leaf, index) => (index === 3 ? Uint8Array.from(leaf, (byte, at) => (at === 0 ? 0x5b : byte)) : leaf));
      expect(await verify(changed)).toMatchObject({ ok: false, finding: { index: 3, code: 'entry-malformed' } });
    });

    it('names an entry whose bytes no longer hash to the leaf hash the log stored', async () => {
      const changed = leaves.map((leaf, index) => (index === 6 ? new TextEncoder().encode(new TextDecoder().decode(leaf).replace('endorsed', 'endorsee')) : leaf));
      async function* withStoredHashes() {
        for (const [sequence, leafBytes] of changed.entries()) yield { sequence, leafBytes, leafHash: leafHash(leaves[sequence]!) };
      }
      const result = await verifyLog({ entries: withStoredHashes(), checkpoint: scenario.log.checkpoint(leaves), verifierKey: scenario.log.noteKey.verifierKey, trustRoots: scenario.trustRoots });
      expect(result).toMatchObject({ ok: false, finding: { index: 6, code: 'leaf-hash-mismatch' } });
    });

    it('finds a changed reason text only through the tree, naming no entry by itself', async () => {
      const changed = relogged((entries) => entries.map((entry) => (entry.sequence === 6 ? { ...entry, reason: { ...entry.reason, text: 'Changed.' } } : entry)));
      expect(await verify(changed)).toMatchObject({ ok: false, finding: { code: 'root-mismatch' } });
    });

    it('names the position of a removed entry', async () => {
      const removed = leaves.filter((_, index) => index !== 5);
      const sequences = [0, 1, 2, 3, 4, 6, 7, 8, 9];
      expect(await verify(removed, { sequences })).toMatchObject({ ok: false, finding: { index: 5, code: 'entry-missing' } });
    });

    it('names the first of two swapped entries, even when the source relabels their positions', async () => {
      const swapped = [...leaves];
      [swapped[7], swapped[8]] = [swapped[8]!, swapped[7]!];
      expect(await verify(swapped)).toMatchObject({ ok: false, finding: { index: 7, code: 'entry-out-of-place' } });
    });

    it('names the first entry of a truncated tail', async () => {
      expect(await verify(leaves.slice(0, 8))).toMatchObject({ ok: false, finding: { index: 8, code: 'entry-missing' } });
    });

    it('names a forged entry whose leaf is well formed but whose record was not signed by its source', async () => {
      const forgedEvidence = await evidenceOf(scenario.cast.kfs, { requestId: 'req-1' });
      const forged = relogged((entries) => entries.map((entry) => (entry.sequence === 3 ? { ...entry, evidence: { ...forgedEvidence, keyId: scenario.cast.kws.keyId } } : entry)));
      const result = await verify(forged, { checkpoint: scenario.log.checkpoint(forged) });
      expect(result).toMatchObject({ ok: false, finding: { index: 3, code: 'source-signature-invalid' } });
    });

    it('lets that forgery through only when signatures are not re-verified', async () => {
      // The material of the same request with another signature's bytes still matches the record
      // (same route, body, key id, created and nonce, so the same derived ids): only its signature gives it away.
      const original = scenario.log.entries[3]!;
      const resigned = await recordEvidenceOf(scenario.cast.kws, original.record.type, original.recordData!);
      const forged = relogged((entries) => entries.map((entry) => (entry.sequence === 3 ? { ...entry, evidence: { ...entry.evidence!, signature: resigned.signature } } : entry)));
      const checkpoint = scenario.log.checkpoint(forged);
      expect(await verify(forged, { checkpoint, depth: 'entries' })).toMatchObject({ ok: true });
      expect(await verify(forged, { checkpoint, depth: 'signatures' })).toMatchObject({ ok: false, finding: { index: 3, code: 'source-signature-invalid' } });
    });

    it('catches, without re-verifying signatures, a record whose material is the same request signed again: its ids are derived from the signature', async () => {
      const original = scenario.log.entries[3]!;
      const resigned = await recordEvidenceOf(scenario.cast.kws, original.record.type, original.recordData!);
      const forged = relogged((entries) => entries.map((entry) => (entry.sequence === 3 ? { ...entry, evidence: { ...resigned, signature: entry.evidence!.signature } } : entry)));
      const checkpoint = scenario.log.checkpoint(forged);
      expect(await verify(forged, { checkpoint, depth: 'entries' })).toMatchObject({ ok: false, finding: { index: 3, code: 'classification-wrong', problem: expect.stringContaining('record-does-not-match-signature (recordData.requestId') } });
    });

    it('names a record the rules hold pending but the log calls official', async () => {
      const promoted = relogged((entries) =>
        entries.slice(0, 5).map((entry) => (entry.sequence === 4 ? { ...entry, classification: 'official', reason: { code: 'accredited-agency', text: 'Forged.' } } : entry)),
      );
      const result = await verify(promoted, { checkpoint: scenario.log.checkpoint(promoted) });
      expect(result).toMatchObject({ ok: false, finding: { index: 4, code: 'classification-wrong' } });
    });

    it('names an entry whose basis is not what the rules give', async () => {
      const rebased = relogged((entries) => entries.map((entry) => (entry.sequence === 3 ? { ...entry, basis: [1] } : entry)));
      const result = await verify(rebased, { checkpoint: scenario.log.checkpoint(rebased) });
      expect(result).toMatchObject({ ok: false, finding: { index: 3, code: 'classification-wrong' } });
    });

    it('names the entry where a due promotion is missing', async () => {
      const withoutPromotion = relogged((entries) => entries.filter((entry) => entry.sequence !== 6).map((entry, sequence) => renumbered(entry, sequence)));
      const result = await verify(withoutPromotion, { checkpoint: scenario.log.checkpoint(withoutPromotion) });
      expect(result).toMatchObject({ ok: false, finding: { index: 6, code: 'reclassification-wrong' } });
    });
  });

  describe('against the checkpoint verified before', () => {
    it('names the slice of a history rewritten under a new signed checkpoint', async () => {
      const before = await verifyLog({ entries: leafRecords(leaves), checkpoint: scenario.log.checkpoint(leaves), verifierKey: scenario.log.noteKey.verifierKey, trustRoots: scenario.trustRoots, recordRootsAt: [2, 4, 6, 8, 10] });
      if (!before.ok) throw new Error('the scenario does not verify');
      const rewritten = relogged((entries) => entries.map((entry) => (entry.sequence === 5 ? { ...entry, reason: { ...entry.reason, text: 'Rewritten.' } } : entry)));
      const result = await verifyLog({
        entries: leafRecords(rewritten),
        checkpoint: scenario.log.checkpoint(rewritten),
        verifierKey: scenario.log.noteKey.verifierKey,
        trustRoots: scenario.trustRoots,
        lastVerified: { size: 10, rootHash: before.checkpoint.rootHash, prefixRoots: before.prefixRoots },
      });
      expect(result).toMatchObject({ ok: false, finding: { index: 4, end: 6, code: 'history-rewritten' } });
    });

    it('names the first removed entry of a log that shrank under a new signed checkpoint', async () => {
      const shorter = leaves.slice(0, 7);
      const result = await verifyLog({
        entries: leafRecords(shorter),
        checkpoint: scenario.log.checkpoint(shorter),
        verifierKey: scenario.log.noteKey.verifierKey,
        trustRoots: scenario.trustRoots,
        lastVerified: { size: 10, rootHash: new Uint8Array(32) },
      });
      expect(result).toMatchObject({ ok: false, finding: { index: 7, code: 'log-shrank' } });
    });
  });
});

function renumbered(entry: LogEntry, sequence: number): LogEntry {
  const shift = (n: number) => (n > 6 ? n - 1 : n);
  return { ...entry, sequence, ...(entry.basis !== undefined && { basis: entry.basis.map(shift) }), ...(entry.supersedes !== undefined && { supersedes: shift(entry.supersedes) }) };
}
