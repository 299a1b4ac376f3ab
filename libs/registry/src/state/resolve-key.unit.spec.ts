import { describe, expect, it } from '@jest/globals';
import { resolveKey, InstantIsMalformed, type RegistryCommand, type KeyRevocationReason } from '../index.js';
import { day, freshKey, given, initialRegistry, registryWithAgencies } from '../../test/support/registry-scenario.js';

const rotate = (principalId: string, retiredKeyId: string, newKeyId: string): RegistryCommand => ({
  command: 'rotate-key',
  body: { principalId, retiredKeyId, newKey: freshKey(newKeyId) },
});
const revoke = (principalId: string, keyId: string, reason: KeyRevocationReason, compromisedSince?: string): RegistryCommand => ({
  command: 'revoke-key',
  body: { principalId, keyId, reason, ...(compromisedSince === undefined ? {} : { compromisedSince }) },
});

describe('resolving a key at a given time', () => {
  it('resolves a trust-root key at any time, to its principal and public key', () => {
    const state = initialRegistry();

    expect(resolveKey(state, 'ncb-fr-k1', '1990-01-01T00:00:00Z')).toEqual({
      principal: { id: 'ncb-fr', kind: 'ncb', country: 'FR' },
      keyId: 'ncb-fr-k1',
      publicKey: state.keys.get('ncb-fr-k1')!.publicKey,
    });
  });

  it('refuses a key nobody registered', () => {
    expect(resolveKey(initialRegistry(), 'nobody-k1', day(0))).toEqual({ refused: 'key_unknown' });
  });

  it('refuses an agency’s key for a time before the agency was registered', () => {
    expect(resolveKey(registryWithAgencies(), 'fr-ofb-k1', day(-1))).toEqual({ refused: 'key_not_yet_valid' });
  });

  it('stops a rotated-out key from its rotation on, and starts the new one then', () => {
    const state = given(registryWithAgencies(), [rotate('fr-ofb', 'fr-ofb-k1', 'fr-ofb-k2'), 'ncb-fr', day(5)]);

    expect(resolveKey(state, 'fr-ofb-k1', day(4.9))).toMatchObject({ principal: { id: 'fr-ofb' } });
    expect(resolveKey(state, 'fr-ofb-k1', day(5))).toEqual({ refused: 'key_rotated_out' });
    expect(resolveKey(state, 'fr-ofb-k2', day(4.9))).toEqual({ refused: 'key_not_yet_valid' });
    expect(resolveKey(state, 'fr-ofb-k2', day(5))).toMatchObject({ principal: { id: 'fr-ofb' } });
  });

  it('keeps what a key revoked for another reason than compromise verified before the revocation', () => {
    const state = given(registryWithAgencies(), [revoke('fr-ofb', 'fr-ofb-k1', 'no-longer-used'), 'ncb-fr', day(5)]);

    expect(resolveKey(state, 'fr-ofb-k1', day(4.9))).toMatchObject({ principal: { id: 'fr-ofb' } });
    expect(resolveKey(state, 'fr-ofb-k1', day(5))).toEqual({ refused: 'key_revoked' });
  });

  it('distrusts a compromised key back to the start of the compromise, and no further', () => {
    const state = given(registryWithAgencies(), [revoke('fr-ofb', 'fr-ofb-k1', 'compromised', day(3)), 'ncb-fr', day(5)]);

    expect(resolveKey(state, 'fr-ofb-k1', day(2.9))).toMatchObject({ principal: { id: 'fr-ofb' } });
    expect(resolveKey(state, 'fr-ofb-k1', day(3))).toEqual({ refused: 'key_revoked' });
    expect(resolveKey(state, 'fr-ofb-k1', day(4))).toEqual({ refused: 'key_revoked' });
  });

  it('distrusts everything a compromised key ever signed when the compromise has no known start', () => {
    const state = given(registryWithAgencies(), [revoke('fr-ofb', 'fr-ofb-k1', 'compromised'), 'ncb-fr', day(5)]);

    expect(resolveKey(state, 'fr-ofb-k1', day(0))).toEqual({ refused: 'key_revoked' });
  });

  it('turns a signature accepted before the compromise was known into a refused one', () => {
    const before = registryWithAgencies();
    const after = given(before, [revoke('fr-ofb', 'fr-ofb-k1', 'compromised', day(1)), 'ncb-fr', day(5)]);

    expect(resolveKey(before, 'fr-ofb-k1', day(2))).toMatchObject({ principal: { id: 'fr-ofb' } });
    expect(resolveKey(after, 'fr-ofb-k1', day(2))).toEqual({ refused: 'key_revoked' });
  });

  it('throws InstantIsMalformed for a time that is not one', () => {
    expect(() => resolveKey(initialRegistry(), 'ncb-fr-k1', 'yesterday')).toThrow(InstantIsMalformed);
  });
});
