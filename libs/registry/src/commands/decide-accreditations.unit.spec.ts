import { describe, expect, it } from '@jest/globals';
import { decide, type RegistryCommand, type RegistryState } from '../index.js';
import { accredit, day, given, registryWithAgencies } from '../../test/support/registry-scenario.js';

const refusalOf = (state: RegistryState, command: RegistryCommand, by: string, at: string) => {
  const decision = decide(state, command, { by, at });
  return decision.accepted ? undefined : decision.refusal.name;
};
const suspend = (accreditationId: string, agencyId = 'fr-ofb'): RegistryCommand => ({
  command: 'suspend-accreditation',
  body: { agencyId, accreditationId, reason: 'inquiry into data handling' },
});
const reinstate = (accreditationId: string): RegistryCommand => ({ command: 'reinstate-accreditation', body: { agencyId: 'fr-ofb', accreditationId } });
const revoke = (accreditationId: string): RegistryCommand => ({ command: 'revoke-accreditation', body: { agencyId: 'fr-ofb', accreditationId, reason: 'mandate ended' } });

/** fr-ofb accredited by ncb-fr on day 1, valid days 1 to 30. */
function accredited(): RegistryState {
  return given(registryWithAgencies(), [accredit('fr-ofb', 'acc-ofb-1', day(1), day(30)), 'ncb-fr', day(1)]);
}

describe('accrediting an agency', () => {
  it('records the scope and validity given by the agency’s own NCB', () => {
    const decision = decide(registryWithAgencies(), accredit('fr-ofb', 'acc-ofb-1', '2026-03-02T00:00:00+00:00', day(30)), { by: 'ncb-fr', at: day(1) });

    expect(decision).toEqual({
      accepted: true,
      facts: [
        {
          type: 'AgencyAccredited',
          agencyId: 'fr-ofb',
          accreditationId: 'acc-ofb-1',
          scope: ['information-sharing', 'operational-support'],
          validFrom: day(1),
          validUntil: day(30),
          by: 'ncb-fr',
          at: day(1),
        },
      ],
    });
  });

  it.each([
    ['the NCB of another country', 'ncb-ke'],
    ['the General Secretariat', 'gs'],
    ['the agency itself', 'fr-ofb'],
  ])('refuses %s', (_who, by) => {
    expect(refusalOf(registryWithAgencies(), accredit('fr-ofb', 'acc-ofb-1', day(1), day(30)), by, day(1))).toBe('OnlyTheAgencysOwnNcbMayAccreditIt');
  });

  it.each<[string, RegistryCommand, string]>([
    ['an agency nobody registered', accredit('fr-ghost', 'acc-1', day(1), day(30)), 'AgencyIsNotRegistered'],
    ['a validity that ends when it starts', accredit('fr-ofb', 'acc-1', day(5), day(5)), 'AccreditationMustEndAfterItStarts'],
    ['a validity that ends before it starts', accredit('fr-ofb', 'acc-1', day(5), day(4)), 'AccreditationMustEndAfterItStarts'],
    ['a validity already over', accredit('fr-ofb', 'acc-1', day(-10), day(0)), 'AccreditationMustEndInTheFuture'],
    ['an empty scope', accredit('fr-ofb', 'acc-1', day(1), day(30), []), 'AccreditationScopeMustListKnownCapabilities'],
    ['a capability listed twice', accredit('fr-ofb', 'acc-1', day(1), day(30), ['expert-network', 'expert-network']), 'AccreditationScopeMustListKnownCapabilities'],
    [
      'an unknown capability',
      { command: 'accredit-agency', body: { agencyId: 'fr-ofb', accreditationId: 'acc-1', scope: ['surveillance' as never], validFrom: day(1), validUntil: day(9) } },
      'AccreditationScopeMustListKnownCapabilities',
    ],
    ['a validity that is not a timestamp', accredit('fr-ofb', 'acc-1', 'tomorrow', day(30)), 'TimeIsMalformed'],
    ['a validity from year 0000 (in UTC)', accredit('fr-ofb', 'acc-1', '0000-01-01T00:00:00+01:00', day(30)), 'TimeIsMalformed'],
    ['a validity until year 10000 (in UTC)', accredit('fr-ofb', 'acc-1', day(1), '9999-12-31T23:59:59-23:59'), 'TimeIsMalformed'],
    ['a validity until a day that does not exist', accredit('fr-ofb', 'acc-1', day(1), '2030-02-30T00:00:00Z'), 'TimeIsMalformed'],
    ['a malformed accreditation id', accredit('fr-ofb', 'Acc 1', day(1), day(30)), 'AccreditationIdIsMalformed'],
  ])('refuses %s', (_what, command, refusal) => {
    expect(refusalOf(registryWithAgencies(), command, 'ncb-fr', day(1))).toBe(refusal);
  });

  it('refuses an accreditation id already used, even for another agency', () => {
    expect(refusalOf(accredited(), accredit('fr-douane', 'acc-ofb-1', day(2), day(30)), 'ncb-fr', day(2))).toBe('AccreditationIdIsAlreadyTaken');
  });
});

describe('suspending, reinstating and revoking an accreditation', () => {
  it('suspends, then reinstates, an accreditation in force', () => {
    const suspended = given(accredited(), [suspend('acc-ofb-1'), 'ncb-fr', day(5)]);
    const decision = decide(suspended, reinstate('acc-ofb-1'), { by: 'ncb-fr', at: day(6) });

    expect(decision).toMatchObject({ accepted: true, facts: [{ type: 'AccreditationReinstated', accreditationId: 'acc-ofb-1', at: day(6) }] });
  });

  it('refuses the NCB of another country', () => {
    expect(refusalOf(accredited(), suspend('acc-ofb-1'), 'ncb-ke', day(5))).toBe('OnlyTheAgencysOwnNcbMayChangeItsAccreditation');
    expect(refusalOf(accredited(), revoke('acc-ofb-1'), 'gs', day(5))).toBe('OnlyTheAgencysOwnNcbMayChangeItsAccreditation');
  });

  it('refuses an accreditation of another agency', () => {
    expect(refusalOf(accredited(), suspend('acc-ofb-1', 'fr-douane'), 'ncb-fr', day(5))).toBe('AgencyHasNoSuchAccreditation');
  });

  it('refuses to suspend twice, or to reinstate what is not suspended', () => {
    const suspended = given(accredited(), [suspend('acc-ofb-1'), 'ncb-fr', day(5)]);

    expect(refusalOf(suspended, suspend('acc-ofb-1'), 'ncb-fr', day(6))).toBe('AccreditationIsAlreadySuspended');
    expect(refusalOf(accredited(), reinstate('acc-ofb-1'), 'ncb-fr', day(6))).toBe('AccreditationIsNotSuspended');
  });

  it('refuses any change to a revoked accreditation', () => {
    const revoked = given(accredited(), [revoke('acc-ofb-1'), 'ncb-fr', day(5)]);

    expect(refusalOf(revoked, suspend('acc-ofb-1'), 'ncb-fr', day(6))).toBe('AccreditationIsAlreadyRevoked');
    expect(refusalOf(revoked, reinstate('acc-ofb-1'), 'ncb-fr', day(6))).toBe('AccreditationIsAlreadyRevoked');
    expect(refusalOf(revoked, revoke('acc-ofb-1'), 'ncb-fr', day(6))).toBe('AccreditationIsAlreadyRevoked');
  });

  it('refuses changes to an accreditation that expired or was replaced', () => {
    const replaced = given(accredited(), [accredit('fr-ofb', 'acc-ofb-2', day(10), day(60)), 'ncb-fr', day(9)]);

    expect(refusalOf(accredited(), suspend('acc-ofb-1'), 'ncb-fr', day(31))).toBe('AccreditationHasEnded');
    expect(refusalOf(replaced, revoke('acc-ofb-1'), 'ncb-fr', day(11))).toBe('AccreditationHasEnded');
  });

  it('refuses a suspension or revocation without a reason', () => {
    const noReason: RegistryCommand = { command: 'revoke-accreditation', body: { agencyId: 'fr-ofb', accreditationId: 'acc-ofb-1', reason: '' } };
    expect(refusalOf(accredited(), noReason, 'ncb-fr', day(5))).toBe('ReasonMustBeGiven');
  });
});
