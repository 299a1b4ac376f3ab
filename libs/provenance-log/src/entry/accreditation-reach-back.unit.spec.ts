import { describe, expect, it } from '@jest/globals';
import { AccreditationReachBack, type AgencyVerdict } from './accreditation-reach-back.js';
import type { LogEntry } from './log-entry.js';
import { RequestVouches } from './request-vouches.js';

// The reach-back of accreditation facts, fed entries as the provenance service and the auditor feed
// it (in log order: `noteClassified` before `RequestVouches.applyClassified`, `noteChange` after
// `applyChange`), with a verdict that makes the agency's records pending, as a suspension from
// before them does.

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const evidence = { keyId: 'fr-agency-k1' } as LogEntry['evidence'];
const pendingVerdict: AgencyVerdict = { classification: 'pending-ncb', code: 'agency-not-accredited', text: 'Suspended.', basis: [0] };

/** A log fed to one reach-back and one set of request rules, entry by entry. */
function newLog() {
  const reachBack = new AccreditationReachBack();
  const requests = new RequestVouches(new Map<string, string>());
  const entries: LogEntry[] = [];
  const append = (fields: Partial<LogEntry> & Pick<LogEntry, 'classification' | 'record' | 'source'>): LogEntry => {
    const entry: LogEntry = { v: 1, sequence: entries.length, time: new Date(T0).toISOString(), reason: { code: 'x', text: 'X.' }, evidence: null, ...fields };
    entries.push(entry);
    if (entry.supersedes !== undefined) {
      requests.applyChange(entry);
      reachBack.noteChange(entry, requests);
    } else if (entry.classification !== 'rejected') {
      reachBack.noteClassified(entry, requests, false);
      requests.applyClassified(entry);
    }
    return entry;
  };
  return {
    reachBack,
    request: (id: string, at = T0) =>
      append({
        classification: 'official',
        reason: { code: 'accredited-agency', text: 'Accredited.' },
        record: { id: `r-${id}`, type: 'request-intake.SupportRequestSubmitted.v1', subject: id, time: new Date(at).toISOString() },
        source: { id: 'fr-agency', kind: 'agency', country: 'FR' },
        evidence,
        recordData: { requestId: id, requestingAgency: { principalId: 'fr-agency', country: 'FR' } },
      }),
    vouch: (id: string, country = 'FR', at = T0) =>
      append({
        classification: 'official',
        reason: { code: 'ncb-own-country', text: 'Own country.' },
        record: { id: `v-${id}-${entries.length}`, type: 'ncb-endorsement.RequestAcknowledged.v1', subject: id, time: new Date(at).toISOString() },
        source: { id: `ncb-${country.toLowerCase()}`, kind: 'ncb', country },
        evidence,
        recordData: { requestId: id },
      }),
    /** A change of `of`'s classification, as the rules log it. */
    change: (of: LogEntry, classification: LogEntry['classification'], code: string) =>
      append({ record: of.record, source: of.source, classification, reason: { code, text: 'Changed.' }, supersedes: of.sequence }),
    /** What a suspension of the FR agency, logged now, makes due (entry `fact`). */
    dueAfterSuspension: () => reachBack.dueAfter({ type: 'AccreditationSuspended', agencyId: 'fr-agency' }, entries.length, () => pendingVerdict).map((due) => [due.record.sequence, due.verdict.classification, due.verdict.code, due.verdict.basis]),
    /** What another registry fact about the FR agency (its key rotated), logged now, makes due. */
    dueAfterKeyRotation: () => reachBack.dueAfter({ type: 'KeyRotated' }, entries.length, () => pendingVerdict),
  };
}

describe('the accreditation reach-back and the vouches of a held request', () => {
  it('reaches back after accreditation facts only', () => {
    const log = newLog();
    log.request('req-a');

    expect(log.dueAfterKeyRotation()).toEqual([]);
    expect(log.dueAfterSuspension()).toHaveLength(1);
  });

  it('makes a request pending, not official, on its NCB vouch rejected since (for its key or its country)', () => {
    for (const code of ['key-not-valid-at-signing-time', 'acts-outside-its-country']) {
      const log = newLog();
      const request = log.request('req-a');
      log.change(log.vouch('req-a'), 'rejected', code);
      expect(log.dueAfterSuspension()).toEqual([[request.sequence, 'pending-ncb', 'agency-not-accredited', [0]]]);
    }
  });

  it('rests on the next vouch still standing, whether logged before or after the request', () => {
    const log = newLog();
    const before = log.vouch('req-b');
    const request = log.request('req-b');
    const after = log.vouch('req-b');
    const last = log.vouch('req-b');
    log.change(before, 'rejected', 'key-not-valid-at-signing-time');
    expect(log.dueAfterSuspension()).toEqual([[request.sequence, 'official', 'ncb-vouched', [0, after.sequence]]]);
    log.change(after, 'rejected', 'key-not-valid-at-signing-time');
    expect(log.dueAfterSuspension()).toEqual([[request.sequence, 'official', 'ncb-vouched', [0, last.sequence]]]);
    log.change(last, 'rejected', 'key-not-valid-at-signing-time');
    expect(log.dueAfterSuspension()).toEqual([[request.sequence, 'pending-ncb', 'agency-not-accredited', [0]]]);
  });

  it("counts only its own country's NCB, and a vouch rejected before its request never", () => {
    const log = newLog();
    log.change(log.vouch('req-c'), 'rejected', 'key-not-valid-at-signing-time');
    const request = log.request('req-c');
    log.vouch('req-c', 'KE');
    expect(log.dueAfterSuspension()).toEqual([[request.sequence, 'pending-ncb', 'agency-not-accredited', [0]]]);
  });

  it('leaves a request promoted on its NCB word as it is when that vouch is rejected later: it is no longer held', () => {
    const log = newLog();
    const request = log.request('req-d');
    // Made pending by a suspension logged before the vouch, then promoted by it (`RequestVouches`).
    const pending = log.change(request, 'pending-ncb', 'agency-not-accredited');
    const vouch = log.vouch('req-d');
    log.change(pending, 'official', 'ncb-vouched');
    log.change(vouch, 'rejected', 'key-not-valid-at-signing-time');
    expect(log.reachBack.size).toBe(0);
    expect(log.dueAfterSuspension()).toEqual([]);
  });
});
