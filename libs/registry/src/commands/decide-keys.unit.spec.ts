import { describe, expect, it } from '@jest/globals';
import { decide, type RegistryCommand, type RegistryState } from '../index.js';
import { day, freshKey, given, registryWithAgencies, trustRootsWithSecondKeys } from '../../test/support/registry-scenario.js';

const refusalOf = (state: RegistryState, command: RegistryCommand, by: string, at = day(5)) => {
  const decision = decide(state, command, { by, at });
  return decision.accepted ? undefined : decision.refusal.name;
};
const rotate = (principalId: string, retiredKeyId: string, newKeyId = `${principalId}-k9`): RegistryCommand => ({
  command: 'rotate-key',
  body: { principalId, retiredKeyId, newKey: freshKey(newKeyId) },
});
const revoke = (principalId: string, keyId: string, extra: Record<string, string> = {}): RegistryCommand =>
  ({ command: 'revoke-key', body: { principalId, keyId, reason: 'superseded', ...extra } }) as RegistryCommand;

/**
 * The agencies, plus an external source and an auditor registered by the GS on day 1. The NCBs and the
 * GS have two keys each (`-k1`, `-k2`), so each may revoke one of its own.
 */
function world(): RegistryState {
  return given(
    registryWithAgencies(trustRootsWithSecondKeys()),
    [{ command: 'register-external-source', body: { sourceId: 'ngo-watch', name: 'Watch', key: freshKey('ngo-watch-k1') } }, 'gs', day(1)],
    [{ command: 'register-auditor', body: { auditorId: 'auditor-1', name: 'Auditor', key: freshKey('auditor-1-k1') } }, 'gs', day(1)],
  );
}

describe('who manages which keys', () => {
  it.each([
    ['an NCB its own key', 'ncb-fr', 'ncb-fr-k1', 'ncb-fr'],
    ['an NCB the key of an agency of its country', 'fr-ofb', 'fr-ofb-k1', 'ncb-fr'],
    ['the GS its own key', 'gs', 'gs-k1', 'gs'],
    ['an analyst the GS’s key', 'gs', 'gs-k1', 'gs-analyst-1'],
    ['the GS an external source’s key', 'ngo-watch', 'ngo-watch-k1', 'gs'],
    ['the GS an auditor’s key', 'auditor-1', 'auditor-1-k1', 'gs'],
  ])('lets %s rotate and revoke', (_who, principalId, keyId, by) => {
    expect(refusalOf(world(), rotate(principalId, keyId), by)).toBeUndefined();
    expect(refusalOf(world(), revoke(principalId, keyId), by)).toBeUndefined();
  });

  it.each([
    ['an NCB another country’s agency key', 'ke-kws', 'ke-kws-k1', 'ncb-fr'],
    ['an NCB another NCB’s key', 'ncb-ke', 'ncb-ke-k1', 'ncb-fr'],
    ['the GS an NCB’s key', 'ncb-fr', 'ncb-fr-k1', 'gs'],
    ['the GS an agency’s key', 'fr-ofb', 'fr-ofb-k1', 'gs'],
    ['an agency its own key', 'fr-ofb', 'fr-ofb-k1', 'fr-ofb'],
    ['an NCB an auditor’s key', 'auditor-1', 'auditor-1-k1', 'ncb-fr'],
    ['an external source its own key', 'ngo-watch', 'ngo-watch-k1', 'ngo-watch'],
  ])('refuses %s', (_who, principalId, keyId, by) => {
    expect(refusalOf(world(), rotate(principalId, keyId), by)).toBe('OnlyTheAuthorityInChargeOfThePrincipalMayManageItsKeys');
    expect(refusalOf(world(), revoke(principalId, keyId), by)).toBe('OnlyTheAuthorityInChargeOfThePrincipalMayManageItsKeys');
  });
});

describe('rotating a key', () => {
  it('retires the named key and registers the new one, from now', () => {
    const newKey = freshKey('fr-ofb-k2');
    const decision = decide(world(), { command: 'rotate-key', body: { principalId: 'fr-ofb', retiredKeyId: 'fr-ofb-k1', newKey } }, { by: 'ncb-fr', at: day(5) });

    expect(decision).toEqual({
      accepted: true,
      facts: [{ type: 'KeyRotated', principalId: 'fr-ofb', newKey, retiredKeyId: 'fr-ofb-k1', by: 'ncb-fr', at: day(5) }],
    });
  });

  it('refuses a key already rotated out, a key of another principal, and a new key id already taken', () => {
    const rotated = given(world(), [rotate('fr-ofb', 'fr-ofb-k1', 'fr-ofb-k2'), 'ncb-fr', day(2)]);

    expect(refusalOf(rotated, rotate('fr-ofb', 'fr-ofb-k1', 'fr-ofb-k3'), 'ncb-fr')).toBe('KeyIsAlreadyRotatedOut');
    expect(refusalOf(world(), rotate('fr-ofb', 'fr-douane-k1'), 'ncb-fr')).toBe('PrincipalHasNoSuchKey');
    expect(refusalOf(world(), rotate('fr-ofb', 'fr-ofb-k1', 'ncb-fr-k1'), 'ncb-fr')).toBe('KeyIdIsAlreadyTaken');
    expect(refusalOf(world(), rotate('fr-ghost', 'fr-ghost-k1'), 'ncb-fr')).toBe('PrincipalIsNotRegistered');
  });

  it('rotates out a revoked key, which is how a principal whose only key was revoked gets a new one', () => {
    const revoked = given(world(), [revoke('fr-ofb', 'fr-ofb-k1', { reason: 'compromised' }), 'ncb-fr', day(2)]);

    expect(refusalOf(revoked, rotate('fr-ofb', 'fr-ofb-k1', 'fr-ofb-k2'), 'ncb-fr')).toBeUndefined();
  });
});

describe('revoking a key', () => {
  it('records a compromise with the time it started', () => {
    const decision = decide(world(), revoke('fr-ofb', 'fr-ofb-k1', { reason: 'compromised', compromisedSince: '2026-03-03T01:00:00+01:00' }), {
      by: 'ncb-fr',
      at: day(5),
    });

    expect(decision).toMatchObject({ accepted: true, facts: [{ type: 'KeyRevoked', reason: 'compromised', compromisedSince: day(2), at: day(5) }] });
  });

  it.each<[string, Record<string, string>, string]>([
    ['a compromise start for a key that was not compromised', { compromisedSince: day(1) }, 'OnlyACompromisedKeyHasACompromiseDate'],
    ['a compromise that starts after the revocation', { reason: 'compromised', compromisedSince: day(6) }, 'CompromiseCannotStartAfterTheRevocation'],
    ['a compromise start that is not a timestamp', { reason: 'compromised', compromisedSince: 'last week' }, 'TimeIsMalformed'],
    ['a compromise start in year 0000 (in UTC)', { reason: 'compromised', compromisedSince: '0000-01-01T00:00:00+01:00' }, 'TimeIsMalformed'],
    ['an unknown reason', { reason: 'lost' }, 'KeyRevocationReasonIsUnknown'],
  ])('refuses %s', (_what, extra, refusal) => {
    expect(refusalOf(world(), revoke('fr-ofb', 'fr-ofb-k1', extra), 'ncb-fr')).toBe(refusal);
  });

  it('refuses a principal revoking, with its own signature, its last valid key (it could sign nothing after)', () => {
    const withOneKeyEach = registryWithAgencies();
    const revokedK1 = given(world(), [revoke('ncb-fr', 'ncb-fr-k1'), 'ncb-fr', day(2)]);

    expect(refusalOf(withOneKeyEach, revoke('ncb-fr', 'ncb-fr-k1', { reason: 'compromised' }), 'ncb-fr')).toBe('PrincipalMayNotRevokeItsOwnLastValidKey');
    expect(refusalOf(withOneKeyEach, revoke('gs', 'gs-k1'), 'gs')).toBe('PrincipalMayNotRevokeItsOwnLastValidKey');
    expect(refusalOf(revokedK1, revoke('ncb-fr', 'ncb-fr-k2'), 'ncb-fr')).toBe('PrincipalMayNotRevokeItsOwnLastValidKey');
  });

  it('lets a principal revoke its own key while another stays valid, and a key it rotated out', () => {
    const rotated = given(registryWithAgencies(), [rotate('ncb-fr', 'ncb-fr-k1', 'ncb-fr-k9'), 'ncb-fr', day(2)]);

    expect(refusalOf(world(), revoke('ncb-fr', 'ncb-fr-k1'), 'ncb-fr')).toBeUndefined();
    expect(refusalOf(rotated, revoke('ncb-fr', 'ncb-fr-k1', { reason: 'compromised', compromisedSince: day(1) }), 'ncb-fr')).toBeUndefined();
  });

  it('lets the authority in charge revoke another principal’s last valid key', () => {
    const withOneKeyEach = registryWithAgencies();

    expect(refusalOf(withOneKeyEach, revoke('fr-ofb', 'fr-ofb-k1'), 'ncb-fr')).toBeUndefined();
    expect(refusalOf(withOneKeyEach, revoke('gs', 'gs-k1'), 'gs-analyst-1')).toBeUndefined();
  });

  it('refuses to revoke a key twice', () => {
    const revoked = given(world(), [revoke('fr-ofb', 'fr-ofb-k1'), 'ncb-fr', day(2)]);
    expect(refusalOf(revoked, revoke('fr-ofb', 'fr-ofb-k1', { reason: 'compromised' }), 'ncb-fr')).toBe('KeyIsAlreadyRevoked');
  });
});
