import { describe, expect, it } from '@jest/globals';
import type { LogEntry } from '@wildlife/provenance-log';
import type { RegistryFact } from '@wildlife/registry';
import { newCast, registryEvent, supportRequestEvent, type Cast } from '../../services/provenance/src/testing/signed-records.examples.spec.js';
import { auditFinding, logInOrder, registryOf } from './support/log-in-order.js';

// Review 13 (F1): a record's time is bound to its signature's `created`. The key and accreditation
// checks read `record.time`; a topic writer without any key raced a copy of a genuine request (same
// derived id, same data, same signature) whose CloudEvent time was moved back a day, before a
// suspension or a key revocation: the copy was logged official, the genuine record `record-id-reused`,
// and the auditor passed the log. The copy is now rejected (`record-time-does-not-match-signature`),
// and an auditor refuses a log that took it.

const MINUTE = 60_000;
const DAY = 86_400_000;

const outcome = (entry: LogEntry | undefined) => entry && `${entry.classification}/${entry.reason.code}`;

describe('a record timed away from its signature (review 13, F1)', () => {
  const t = Date.now() - DAY;

  it.each([
    [
      'a suspension of its agency',
      (): RegistryFact => ({ type: 'AccreditationSuspended', agencyId: 'fr-ofb', accreditationId: 'fr-ofb-acc-1', reason: 'Review.', by: 'ncb-fr', at: new Date(t).toISOString() }),
      'pending-ncb/agency-not-accredited',
    ],
    [
      'the revocation of its key (the guard\'s copy of the registry lagged)',
      (cast: Cast): RegistryFact => ({ type: 'KeyRevoked', principalId: 'fr-ofb', keyId: cast.ofb.keyId, reason: 'superseded', by: 'ncb-fr', at: new Date(t).toISOString() }),
      'rejected/key-not-valid-at-signing-time',
    ],
  ])('a copy of a request signed 10 min after %s, timed a day earlier and logged first, is rejected, not classified at that time', async (_fact, factOf, alone) => {
    const cast = newCast();
    const registry = await registryOf(cast, new Date(t - 2 * DAY));
    const fact = await registryEvent(cast.ncbFr, factOf(cast), new Date(t));
    const genuine = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + 10 * MINUTE));
    const copy = { ...genuine, time: new Date(t - DAY).toISOString() };

    const honest = logInOrder(cast, [...registry, fact, genuine]);
    expect(outcome(honest.find((e) => e.record.id === genuine.id))).toBe(alone);

    const raced = logInOrder(cast, [...registry, fact, copy, genuine]);
    const [first, second] = raced.filter((e) => e.record.id.startsWith(genuine.id));
    // The copy holds the derived id, rejected: not a use of the signature that stands.
    expect(first!.record).toMatchObject({ id: genuine.id, time: copy.time });
    expect(first!.classification).toBe('rejected');
    expect(first!.reason).toEqual({
      code: 'record-time-does-not-match-signature',
      text: expect.stringContaining(`The record is timed ${copy.time}, but a service that accepted its signature (created ${first!.evidence!.created})`),
    });
    // The genuine record is logged apart under the reused id: the copy took the id (as a copy timed
    // beyond the 60 s ahead allowed, `record-time-in-future`, always could). What the topic writer
    // gains is a rejection of the record, never its classification at a time it chose.
    expect(second!.record.id).toMatch(new RegExp(`^${genuine.id}#reused:`));
    expect(outcome(second)).toBe('rejected/record-id-reused');
    expect(auditFinding(cast, raced)).toBeUndefined();
  });

  it('the copy, logged the other way round (after the genuine record), changes nothing: it is logged apart', async () => {
    const cast = newCast();
    const registry = await registryOf(cast, new Date(t - 2 * DAY));
    const genuine = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + 10 * MINUTE));
    const copy = { ...genuine, time: new Date(t - DAY).toISOString() };

    const entries = logInOrder(cast, [...registry, genuine, copy]);
    expect(entries.filter((e) => e.record.id.startsWith(genuine.id)).map(outcome)).toEqual(['official/accredited-agency', 'rejected/record-id-reused']);
    expect(auditFinding(cast, entries)).toBeUndefined();
  });

  it('an auditor refuses a log that classified such a copy official', async () => {
    const cast = newCast();
    const registry = await registryOf(cast, new Date(t - 2 * DAY));
    const genuine = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t + 10 * MINUTE));
    const copy = { ...genuine, time: new Date(t - DAY).toISOString() };
    const entries = logInOrder(cast, [...registry, copy]);
    const index = entries.findIndex((e) => e.record.id === genuine.id);
    // What the service logged before the binding of record.time: the copy official, resting on its
    // agency's registration and key and its accreditation.
    const asOfficial = logInOrder(cast, [...registry, genuine])[index]!;
    const forged: LogEntry = { ...entries[index]!, classification: 'official', reason: asOfficial.reason, basis: asOfficial.basis! };

    expect(auditFinding(cast, [...entries.slice(0, index), forged])).toEqual({
      index,
      code: 'classification-wrong',
      problem: expect.stringContaining('rejected/record-time-does-not-match-signature'),
    });
  });

  it('a record timed within the window (the service stamped it up to a minute after the window closed) stands', async () => {
    const cast = newCast();
    const registry = await registryOf(cast, new Date(t - 2 * DAY));
    const genuine = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(t));
    const created = Math.floor(t / 1000);
    for (const ms of [(created - 30) * 1000, (created + 361) * 1000 - 1]) {
      const entries = logInOrder(cast, [...registry, { ...genuine, time: new Date(ms).toISOString() }]);
      expect(outcome(entries.at(-1))).toBe('official/accredited-agency');
      expect(auditFinding(cast, entries)).toBeUndefined();
    }
  });
});
