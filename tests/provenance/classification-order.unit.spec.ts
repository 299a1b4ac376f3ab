import { describe, expect, it } from '@jest/globals';
import { contracts, type CloudEvent } from '@wildlife/contracts';
import { EntryAudit, type AuditFinding } from '@wildlife/auditor';
import { entryBytes, parseEntry, type LogEntry } from '@wildlife/provenance-log';
import type { RegistryFact } from '@wildlife/registry';
import type { LoggableRecord } from '../../services/provenance/src/classification/log-entry-of.js';
import { planEntries } from '../../services/provenance/src/classification/plan-entries.js';
import { ProvenanceLogState } from '../../services/provenance/src/classification/provenance-log-state.js';
import { readReceivedRecord } from '../../services/provenance/src/records/read-received-record.js';
import {
  acknowledgementEvent,
  messageOf,
  newCast,
  permitRevokedEvent,
  registrationFacts,
  registryEvent,
  supportRequestEvent,
  trustRootsOf,
  type Cast,
} from '../../services/provenance/src/testing/signed-records.examples.spec.js';

// The provenance service's classification and the auditor's replay of it, side by side: the same
// records reaching the log in every order end with the same classification of each record, every
// change of one is an entry of its own, and the auditor, replaying the log alone, passes every entry.

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Logs the records one batch each, in the order given; returns the log's entries. */
function logInOrder(cast: Cast, records: readonly CloudEvent[]): LogEntry[] {
  const state = new ProvenanceLogState(trustRootsOf(cast));
  const received = (event: CloudEvent) => readReceivedRecord(messageOf(event), contracts) as LoggableRecord;
  return records.flatMap((event) => planEntries(state, [received(event)], new Date(), new Map()).map((planned) => planned.entry));
}

/** The auditor's first finding on the log, from the entries' bytes alone. */
function auditFinding(cast: Cast, entries: readonly LogEntry[]): AuditFinding | undefined {
  const audit = new EntryAudit(trustRootsOf(cast));
  for (const entry of entries) {
    const finding = audit.check(parseEntry(entryBytes(entry)));
    if (finding !== undefined) return finding;
  }
  return undefined;
}

/** Each record's classification as the log leaves it (its last entry), by record id. */
function outcomes(entries: readonly LogEntry[]): Map<string, string> {
  return new Map(entries.map((entry) => [entry.record.id, `${entry.classification}/${entry.reason.code}`]));
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Logs `registry` and then `records` in every order; expects the auditor to pass each log, and returns the logs. */
function everyOrder(cast: Cast, registry: readonly CloudEvent[], records: readonly CloudEvent[]): LogEntry[][] {
  return permutations(records).map((order) => {
    const entries = logInOrder(cast, [...registry, ...order]);
    expect(auditFinding(cast, entries)).toBeUndefined();
    return entries;
  });
}

async function registryOf(cast: Cast, at: Date, extra: readonly RegistryFact[] = []): Promise<CloudEvent[]> {
  const facts = [...registrationFacts(cast.ncbFr, cast.ofb, at, true), ...registrationFacts(cast.ncbFr, cast.douane, at, false), ...extra];
  const events: CloudEvent[] = [];
  for (const fact of facts) events.push(await registryEvent(cast.ncbFr, fact, new Date((fact as { at: string }).at)));
  return events;
}

describe('classifying the same records in any order of arrival', () => {
  it("rejects another country's NCB acknowledging a request whether the request or the acknowledgement comes first", async () => {
    const cast = newCast();
    const request = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const foreignAck = await acknowledgementEvent(cast.ncbKe, request.subject!);
    const [requestFirst, ackFirst] = everyOrder(cast, await registryOf(cast, new Date(Date.now() - DAY)), [request, foreignAck]);

    expect(outcomes(requestFirst!).get(foreignAck.id)).toBe('rejected/acts-outside-its-country');
    expect(outcomes(ackFirst!)).toEqual(outcomes(requestFirst!));
    // Logged first, the acknowledgement was official for the country it states, until its request showed another.
    expect(ackFirst!.slice(3).map((e) => [e.sequence, e.record.id, e.classification, e.reason.code, e.supersedes])).toEqual([
      [3, foreignAck.id, 'official', 'ncb-own-country', undefined],
      [4, request.id, 'official', 'accredited-agency', undefined],
      [5, foreignAck.id, 'rejected', 'acts-outside-its-country', 3],
    ]);
  });

  it('makes a pending request official on its own NCB only, never on a foreign one, in all six orders', async () => {
    const cast = newCast();
    const request = await supportRequestEvent(cast.douane, cast.douane.principal);
    const foreignAck = await acknowledgementEvent(cast.ncbKe, request.subject!);
    const ownAck = await acknowledgementEvent(cast.ncbFr, request.subject!);
    const logs = everyOrder(cast, await registryOf(cast, new Date(Date.now() - DAY)), [request, foreignAck, ownAck]);

    for (const entries of logs) {
      expect(outcomes(entries)).toEqual(
        outcomes(logs[0]!),
      );
      expect(outcomes(entries).get(request.id)).toBe('official/ncb-vouched');
      expect(outcomes(entries).get(foreignAck.id)).toBe('rejected/acts-outside-its-country');
      expect(outcomes(entries).get(ownAck.id)).toBe('official/ncb-own-country');
      const promotion = entries.find((e) => e.reason.code === 'ncb-vouched')!;
      expect(entries[promotion.basis!.at(-1)!]!.record.id).toBe(ownAck.id);
    }
  });

  it("leaves a request pending when only another country's NCB vouched for it, in either order", async () => {
    const cast = newCast();
    const request = await supportRequestEvent(cast.douane, cast.douane.principal);
    const foreignAck = await acknowledgementEvent(cast.ncbKe, request.subject!);
    for (const entries of everyOrder(cast, await registryOf(cast, new Date(Date.now() - DAY)), [request, foreignAck])) {
      expect(outcomes(entries).get(request.id)).toBe('pending-ncb/agency-not-accredited');
      expect(outcomes(entries).get(foreignAck.id)).toBe('rejected/acts-outside-its-country');
    }
  });

  it("holds any record about a request for that request's country, whichever came first: another country's NCB is rejected, its own official", async () => {
    const cast = newCast();
    const request = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const foreign = await permitRevokedEvent(cast.ncbKe, request.subject!);
    const own = await permitRevokedEvent(cast.ncbFr, request.subject!);
    const logs = everyOrder(cast, await registryOf(cast, new Date(Date.now() - DAY)), [request, foreign, own]);
    for (const entries of logs) {
      expect(outcomes(entries)).toEqual(outcomes(logs[0]!));
      expect(outcomes(entries).get(foreign.id)).toBe('rejected/acts-outside-its-country');
      expect(outcomes(entries).get(own.id)).toBe('official/ncb-own-country');
    }
  });

  it('rejects every record signed with a key from the time it was compromised, whether the revocation comes before or after', async () => {
    const cast = newCast();
    const t = Date.now() - DAY;
    const before = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t - 10 * MINUTE));
    const after = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t));
    const pending = await supportRequestEvent(cast.douane, cast.douane.principal, new Date(t));
    const compromised: RegistryFact[] = [
      { type: 'KeyRevoked', principalId: 'fr-ofb', keyId: cast.ofb.keyId, reason: 'compromised', compromisedSince: new Date(t - MINUTE).toISOString(), by: 'ncb-fr', at: new Date(t + 30 * MINUTE).toISOString() },
      { type: 'KeyRevoked', principalId: 'fr-douane', keyId: cast.douane.keyId, reason: 'compromised', by: 'ncb-fr', at: new Date(t + 30 * MINUTE).toISOString() },
    ];
    const registry = await registryOf(cast, new Date(t - DAY));
    const revocations = await Promise.all(compromised.map((fact) => registryEvent(cast.ncbFr, fact, new Date(t + 30 * MINUTE))));
    const recordsFirst = logInOrder(cast, [...registry, before, after, pending, ...revocations]);
    const revocationsFirst = logInOrder(cast, [...registry, ...revocations, before, after, pending]);

    for (const entries of [recordsFirst, revocationsFirst]) {
      expect(auditFinding(cast, entries)).toBeUndefined();
      expect(outcomes(entries).get(before.id)).toBe('official/accredited-agency');
      expect(outcomes(entries).get(after.id)).toBe('rejected/key-not-valid-at-signing-time');
      expect(outcomes(entries).get(pending.id)).toBe('rejected/key-not-valid-at-signing-time');
    }
    const changes = recordsFirst.filter((e) => e.supersedes !== undefined);
    expect(changes.map((e) => [e.record.id, e.supersedes, e.source?.id, e.evidence])).toEqual([
      [after.id, 4, 'fr-ofb', null],
      [pending.id, 5, 'fr-douane', null],
    ]);
  });

  it('bases an accredited agency\'s record on the accreditation entries in force at its time, not on later ones', async () => {
    const cast = newCast();
    const granted = new Date(Date.now() - 3 * DAY);
    const record = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(granted.getTime() + DAY));
    const revoked: RegistryFact = { type: 'AccreditationRevoked', agencyId: 'fr-ofb', accreditationId: 'fr-ofb-acc-1', reason: 'Ended.', by: 'ncb-fr', at: new Date(granted.getTime() + 1.5 * DAY).toISOString() };
    const registry = await registryOf(cast, granted);
    const revocation = await registryEvent(cast.ncbFr, revoked, new Date(revoked.at));
    for (const entries of [logInOrder(cast, [...registry, revocation, record]), logInOrder(cast, [...registry, record, revocation])]) {
      expect(auditFinding(cast, entries)).toBeUndefined();
      expect(entries.find((e) => e.record.id === record.id)).toMatchObject({ classification: 'official', reason: { code: 'accredited-agency' }, basis: [0, 1] });
    }
  });
});
