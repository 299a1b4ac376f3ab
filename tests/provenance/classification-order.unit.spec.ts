import { describe, expect, it } from '@jest/globals';
import type { CloudEvent } from '@wildlife/contracts';
import type { LogEntry } from '@wildlife/provenance-log';
import type { RegistryFact } from '@wildlife/registry';
import {
  acknowledgementEvent,
  newCast,
  newSigner,
  permitRevokedEvent,
  registryEvent,
  supportRequestEvent,
  type Cast,
} from '../../services/provenance/src/testing/signed-records.examples.spec.js';
import { auditFinding, logInOrder, registryOf, serviceLog } from './support/log-in-order.js';

// The provenance service's classification and the auditor's replay of it, side by side: the same
// records reaching the log in every order end with the same classification of each record, every
// change of one is an entry of its own, and the auditor, replaying the log alone, passes every entry.

const MINUTE = 60_000;
const DAY = 86_400_000;

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

describe('accreditation facts reaching back to the records logged before them', () => {
  const change = (type: 'AccreditationSuspended' | 'AccreditationReinstated' | 'AccreditationRevoked', at: number): RegistryFact =>
    ({ type, agencyId: 'fr-ofb', accreditationId: 'fr-ofb-acc-1', ...(type === 'AccreditationReinstated' ? { note: 'Reviewed.' } : { reason: 'Review.' }), by: 'ncb-fr', at: new Date(at).toISOString() }) as RegistryFact;

  it('makes a request signed after a suspension pending, and one signed after the reinstatement official, whichever of request and fact came first', async () => {
    const cast = newCast();
    const t = Date.now() - DAY;
    const registry = await registryOf(cast, new Date(t - DAY));
    const suspended = await registryEvent(cast.ncbFr, change('AccreditationSuspended', t), new Date(t));
    const reinstated = await registryEvent(cast.ncbFr, change('AccreditationReinstated', t + 20 * MINUTE), new Date(t + 20 * MINUTE));
    const before = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t - MINUTE));
    const during = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + 10 * MINUTE));
    const after = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + 30 * MINUTE));
    const factsFirst = logInOrder(cast, [...registry, suspended, reinstated, before, during, after]);
    const recordsFirst = logInOrder(cast, [...registry, before, during, after, suspended, reinstated]);
    const between = logInOrder(cast, [...registry, suspended, before, during, after, reinstated]);
    for (const entries of [factsFirst, recordsFirst, between]) {
      expect(auditFinding(cast, entries)).toBeUndefined();
      expect(outcomes(entries).get(before.id)).toBe('official/accredited-agency');
      expect(outcomes(entries).get(during.id)).toBe('pending-ncb/agency-not-accredited');
      expect(outcomes(entries).get(after.id)).toBe('official/accredited-agency');
    }
    // Each change right after the fact that makes it due, in log order, naming the record and its source only.
    expect(recordsFirst.slice(3).map((e) => [e.sequence, e.record.id, e.classification, e.reason.code, e.supersedes, e.evidence === null])).toEqual([
      [3, before.id, 'official', 'accredited-agency', undefined, false],
      [4, during.id, 'official', 'accredited-agency', undefined, false],
      [5, after.id, 'official', 'accredited-agency', undefined, false],
      [6, suspended.id, 'official', 'registry-authority', undefined, false],
      [7, during.id, 'pending-ncb', 'agency-not-accredited', 4, true],
      [8, after.id, 'pending-ncb', 'agency-not-accredited', 5, true],
      [9, reinstated.id, 'official', 'registry-authority', undefined, false],
      [10, after.id, 'official', 'accredited-agency', 8, true],
    ]);
    // The official change rests on what the record would rest on had the facts come first: the reinstatement included.
    expect(factsFirst.find((e) => e.record.id === after.id)!.basis).toEqual([0, 1, 3, 4]);
    expect(recordsFirst[10]!.basis).toEqual([0, 1, 6, 9]);
  });

  it("makes a request its own NCB vouched for official on the NCB's word, and promotes one made pending when its NCB vouches later, in every order", async () => {
    const cast = newCast();
    const t = Date.now() - DAY;
    const registry = await registryOf(cast, new Date(t - DAY));
    const revoked = await registryEvent(cast.ncbFr, change('AccreditationRevoked', t), new Date(t));
    const request = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + MINUTE));
    const ownAck = await acknowledgementEvent(cast.ncbFr, request.subject!, new Date(t + 2 * MINUTE));
    const logs = everyOrder(cast, registry, [revoked, request, ownAck]);
    for (const entries of logs) {
      expect(outcomes(entries).get(request.id)).toBe('official/ncb-vouched');
      const vouched = entries.filter((e) => e.record.id === request.id).at(-1)!;
      expect(entries[vouched.basis!.at(-1)!]!.record.id).toBe(ownAck.id);
    }
  });

  /** The NCB of France rotating its key at `at`: what it signed with its first key after `at` no longer verifies. */
  async function ncbKeyRotation(cast: Cast, at: number) {
    const next = newSigner(cast.ncbFr.principal, 'ncb-fr-k2');
    const rotated: RegistryFact = {
      type: 'KeyRotated',
      principalId: 'ncb-fr',
      newKey: { keyId: next.keyId, publicKey: next.publicKey },
      retiredKeyId: cast.ncbFr.keyId,
      by: 'ncb-fr',
      at: new Date(at).toISOString(),
    };
    return { next, rotation: await registryEvent(cast.ncbFr, rotated, new Date(at)) };
  }

  it("never promotes a request made pending on its NCB's vouch rejected since, whichever of records and facts came first", async () => {
    const cast = newCast();
    const t = Date.now() - DAY;
    const registry = await registryOf(cast, new Date(t - DAY));
    const suspension = await registryEvent(cast.ncbFr, change('AccreditationSuspended', t), new Date(t));
    const request = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + MINUTE));
    // Signed with the NCB's first key after its rotation (t + 90 s): rejected once the rotation is logged.
    const ack = await acknowledgementEvent(cast.ncbFr, request.subject!, new Date(t + 2 * MINUTE));
    const { rotation } = await ncbKeyRotation(cast, t + 90_000);
    const recordsFirst = logInOrder(cast, [...registry, request, ack, rotation, suspension]);
    const factsFirst = logInOrder(cast, [...registry, suspension, rotation, request, ack]);
    for (const entries of [recordsFirst, factsFirst]) {
      expect(auditFinding(cast, entries)).toBeUndefined();
      expect(outcomes(entries).get(ack.id)).toBe('rejected/key-not-valid-at-signing-time');
      expect(outcomes(entries).get(request.id)).toBe('pending-ncb/agency-not-accredited');
    }
    // Records first: the acknowledgement, official when logged, is rejected after the rotation; the suspension then makes the request pending, not official on its word.
    expect(recordsFirst.slice(registry.length).map((e) => [e.record.id, e.classification, e.reason.code, e.supersedes])).toEqual([
      [request.id, 'official', 'accredited-agency', undefined],
      [ack.id, 'official', 'ncb-own-country', undefined],
      [rotation.id, 'official', 'registry-authority', undefined],
      [ack.id, 'rejected', 'key-not-valid-at-signing-time', registry.length + 1],
      [suspension.id, 'official', 'registry-authority', undefined],
      [request.id, 'pending-ncb', 'agency-not-accredited', registry.length],
    ]);
    // A log that promoted the request on the rejected acknowledgement instead is refused by the auditor.
    const pending = recordsFirst.at(-1)!;
    const promoted: LogEntry = {
      ...pending,
      classification: 'official',
      reason: { code: 'ncb-vouched', text: `The NCB of FR acknowledged or endorsed the request (entry ${registry.length + 1}).` },
      basis: [...pending.basis!, registry.length + 1].sort((x, y) => x - y),
    };
    expect(auditFinding(cast, [...recordsFirst.slice(0, -1), promoted])).toMatchObject({ index: pending.sequence, code: 'reclassification-wrong' });
  });

  it("promotes a request made pending on its NCB's next vouch still standing when the first was rejected, whichever came first", async () => {
    const cast = newCast();
    const t = Date.now() - DAY;
    const registry = await registryOf(cast, new Date(t - DAY));
    const suspension = await registryEvent(cast.ncbFr, change('AccreditationSuspended', t), new Date(t));
    const request = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + MINUTE));
    const { next, rotation } = await ncbKeyRotation(cast, t + 90_000);
    const staleAck = await acknowledgementEvent(cast.ncbFr, request.subject!, new Date(t + 2 * MINUTE));
    const ack = await acknowledgementEvent(next, request.subject!, new Date(t + 3 * MINUTE));
    // The acknowledgement signed with the new key verifies only once the rotation is logged.
    const recordsFirst = logInOrder(cast, [...registry, request, staleAck, rotation, ack, suspension]);
    const factsFirst = logInOrder(cast, [...registry, suspension, rotation, request, staleAck, ack]);
    const vouchesFirst = logInOrder(cast, [...registry, staleAck, rotation, ack, request, suspension]);
    for (const entries of [recordsFirst, factsFirst, vouchesFirst]) {
      expect(auditFinding(cast, entries)).toBeUndefined();
      expect(outcomes(entries).get(staleAck.id)).toBe('rejected/key-not-valid-at-signing-time');
      expect(outcomes(entries).get(ack.id)).toBe('official/ncb-own-country');
      expect(outcomes(entries).get(request.id)).toBe('official/ncb-vouched');
      // It rests on the acknowledgement that stands, not on the rejected one.
      const vouched = entries.filter((e) => e.record.id === request.id).at(-1)!;
      expect(entries[vouched.basis!.at(-1)!]!.record.id).toBe(ack.id);
    }
  });

  it("keeps a promotion already made on a vouch rejected later (the documented exception), from the reach-back as from the vouch", async () => {
    const cast = newCast();
    const t = Date.now() - DAY;
    const registry = await registryOf(cast, new Date(t - DAY));
    const suspension = await registryEvent(cast.ncbFr, change('AccreditationSuspended', t), new Date(t));
    const request = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + MINUTE));
    const ack = await acknowledgementEvent(cast.ncbFr, request.subject!, new Date(t + 2 * MINUTE));
    const { rotation } = await ncbKeyRotation(cast, t + 90_000);
    // Promoted by the suspension reaching back (the vouch held), or by the vouch (the request pending), before the rotation rejects the vouch.
    for (const order of [[request, ack, suspension, rotation], [suspension, request, ack, rotation]]) {
      const entries = logInOrder(cast, [...registry, ...order]);
      expect(auditFinding(cast, entries)).toBeUndefined();
      expect(outcomes(entries).get(ack.id)).toBe('rejected/key-not-valid-at-signing-time');
      expect(outcomes(entries).get(request.id)).toBe('official/ncb-vouched');
    }
  });

  it('makes a pending request official once a grant counting from before it is logged, and rejects one asking what the grant does not cover', async () => {
    const cast = newCast();
    const t = Date.now() - DAY;
    const registry = await registryOf(cast, new Date(t - DAY));
    const granted: RegistryFact = {
      type: 'AgencyAccredited',
      agencyId: 'fr-douane',
      accreditationId: 'fr-douane-acc-1',
      scope: ['information-sharing'],
      validFrom: new Date(t).toISOString(),
      validUntil: new Date(t + 365 * DAY).toISOString(),
      by: 'ncb-fr',
      at: new Date(t).toISOString(),
    };
    const grant = await registryEvent(cast.ncbFr, granted, new Date(t));
    const covered = await supportRequestEvent(cast.douane, cast.douane.principal, new Date(t + MINUTE));
    const uncovered = await supportRequestEvent(cast.douane, cast.douane.principal, new Date(t + MINUTE), ['operational-support']);
    for (const entries of everyOrder(cast, registry, [grant, covered, uncovered])) {
      expect(outcomes(entries).get(covered.id)).toBe('official/accredited-agency');
      expect(outcomes(entries).get(uncovered.id)).toBe('rejected/acts-outside-its-scope');
    }
  });

  it('leaves a record made more than a day before the newest record as it was (the reach-back holds one day of record time)', async () => {
    const cast = newCast();
    const t = Date.now() - 3 * DAY;
    const logAt = serviceLog(cast);
    const log = (event: CloudEvent, now: number) => logAt(event, new Date(now));
    const entries = [...(await registryOf(cast, new Date(t - DAY))).flatMap((event) => log(event, t))];
    const early = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + MINUTE));
    const late = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + DAY + 2 * MINUTE));
    entries.push(...log(early, t + MINUTE), ...log(late, t + DAY + 2 * MINUTE));
    entries.push(...log(await registryEvent(cast.ncbFr, change('AccreditationSuspended', t), new Date(t)), t + DAY + 3 * MINUTE));
    expect(auditFinding(cast, entries)).toBeUndefined();
    expect(outcomes(entries).get(early.id)).toBe('official/accredited-agency');
    expect(outcomes(entries).get(late.id)).toBe('pending-ncb/agency-not-accredited');
  });

  it('reaches back by record time, not log time: records made days apart but logged within a minute', async () => {
    const cast = newCast();
    const t = Date.now() - 3 * DAY;
    const now = Date.now();
    const logAt = serviceLog(cast);
    const log = (event: CloudEvent) => logAt(event, new Date(now));
    const entries = [...(await registryOf(cast, new Date(t - DAY))).flatMap((event) => log(event))];
    const early = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + MINUTE));
    const late = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + DAY + 2 * MINUTE));
    entries.push(...log(early), ...log(late));
    entries.push(...log(await registryEvent(cast.ncbFr, change('AccreditationSuspended', t), new Date(t))));
    expect(auditFinding(cast, entries)).toBeUndefined();
    expect(outcomes(entries).get(early.id)).toBe('official/accredited-agency');
    expect(outcomes(entries).get(late.id)).toBe('pending-ncb/agency-not-accredited');
  });

  it('is refused by the auditor when a change it made due is missing or altered', async () => {
    const cast = newCast();
    const t = Date.now() - DAY;
    const request = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + MINUTE));
    const other = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + 2 * MINUTE));
    const suspended = await registryEvent(cast.ncbFr, change('AccreditationSuspended', t), new Date(t));
    const next = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + 3 * MINUTE));
    const entries = logInOrder(cast, [...(await registryOf(cast, new Date(t - DAY))), request, other, suspended, next]);
    expect(auditFinding(cast, entries)).toBeUndefined();
    const [first, second] = entries.filter((e) => e.supersedes !== undefined);
    const renumbered = (list: LogEntry[]) => list.map((e, i) => ({ ...e, sequence: i }));

    // Removed: the entry in its place is not the change due.
    expect(auditFinding(cast, renumbered(entries.filter((e) => e !== second)))).toMatchObject({ index: second!.sequence, code: 'reclassification-wrong' });
    expect(auditFinding(cast, renumbered(entries.filter((e) => e !== first)))).toMatchObject({ index: first!.sequence, code: 'reclassification-wrong' });
    // Altered: another classification, another basis, or the evidence repeated.
    const altered = (replace: Partial<LogEntry>) => entries.map((e) => (e === first ? { ...e, ...replace } : e));
    expect(auditFinding(cast, altered({ classification: 'official', reason: { code: 'accredited-agency', text: 'Still.' } }))).toMatchObject({ index: first!.sequence, code: 'reclassification-wrong' });
    expect(auditFinding(cast, altered({ basis: [] }))).toMatchObject({ index: first!.sequence, code: 'reclassification-wrong' });
    expect(auditFinding(cast, altered({ supersedes: second!.supersedes }))).toMatchObject({ index: first!.sequence, code: 'reclassification-wrong' });
    // A change no fact made due.
    const extra = { ...first!, sequence: entries.length, time: entries.at(-1)!.time };
    expect(auditFinding(cast, [...entries, extra])).toMatchObject({ index: entries.length, code: 'reclassification-wrong' });
  });
});
