import { describe, expect, it } from '@jest/globals';
import { registryFromTrustRoots, type AgencyRegistered, type KeyRevoked, type KeyRotated, type TrustRoots } from '@wildlife/registry';
import { exportPublicKey, generateSigningKeyPair } from '@wildlife/signatures';
import { RegistryDirectory } from './registry-directory.js';
import { REGISTRY_WITHOUT_TRUST_ROOTS } from './registry-origin.js';

const keyOf = (keyId: string) => ({ keyId, publicKey: exportPublicKey(generateSigningKeyPair().publicKey) });
const ncbFrance = keyOf('ncb-fr-k1');
const trustRoots: TrustRoots = {
  version: 1,
  generalSecretariat: { principalId: 'gs', keys: [keyOf('gs-k1')] },
  ncbs: [{ country: 'FR', principalId: 'ncb-fr', keys: [ncbFrance] }],
};
const first = keyOf('fr-ofb-k1');
const second = keyOf('fr-ofb-k2');
const registered: AgencyRegistered = {
  type: 'AgencyRegistered',
  agencyId: 'fr-ofb',
  country: 'FR',
  name: 'Office français de la biodiversité',
  key: first,
  registeredBy: 'ncb-fr',
  at: '2026-03-01T09:00:00.000Z',
};
const rotated: KeyRotated = {
  type: 'KeyRotated',
  principalId: 'fr-ofb',
  newKey: second,
  retiredKeyId: 'fr-ofb-k1',
  by: 'ncb-fr',
  at: '2026-03-02T09:00:00.000Z',
};
const revoked: KeyRevoked = { type: 'KeyRevoked', principalId: 'fr-ofb', keyId: 'fr-ofb-k2', reason: 'superseded', by: 'ncb-fr', at: '2026-03-03T09:00:00.000Z' };
const directory = () => new RegistryDirectory(registryFromTrustRoots(trustRoots));

describe('the registry directory of a service', () => {
  it('knows the trust roots before any fact, as the principal verification reports', () => {
    const found = directory().resolveKey('ncb-fr-k1', new Date('2026-03-01T00:00:00Z'));

    expect(found).toEqual({ principal: { id: 'ncb-fr', kind: 'ncb', country: 'FR' }, publicKey: expect.anything() });
    expect('publicKey' in found && exportPublicKey(found.publicKey)).toBe(ncbFrance.publicKey);
  });

  it('resolves the key of an agency once its registration is applied, and not before', () => {
    const given = directory();
    const at = new Date('2026-03-01T10:00:00Z');
    expect(given.resolveKey('fr-ofb-k1', at)).toEqual({ refused: 'key_unknown' });

    given.apply('event-1', registered);

    expect(given.resolveKey('fr-ofb-k1', at)).toMatchObject({ principal: { id: 'fr-ofb', kind: 'agency', country: 'FR' } });
    expect(given.principal('fr-ofb')).toEqual({ id: 'fr-ofb', kind: 'agency', country: 'FR' });
  });

  it('imports each public key once and hands out the same key object on every request', () => {
    const given = directory();
    given.apply('event-1', registered);
    const at = new Date('2026-03-01T10:00:00Z');

    const [one, two] = [given.resolveKey('fr-ofb-k1', at), given.resolveKey('fr-ofb-k1', at)];

    expect('publicKey' in one && 'publicKey' in two && one.publicKey === two.publicKey).toBe(true);
  });

  it('refuses a rotated-out key and then a revoked key from the moment of each fact', () => {
    const given = directory();
    given.apply('event-1', registered);
    given.apply('event-2', rotated);
    given.apply('event-3', revoked);

    expect(given.resolveKey('fr-ofb-k1', new Date('2026-03-02T08:59:59Z'))).toMatchObject({ principal: { id: 'fr-ofb' } });
    expect(given.resolveKey('fr-ofb-k1', new Date('2026-03-02T09:00:00Z'))).toEqual({ refused: 'key_rotated_out' });
    expect(given.resolveKey('fr-ofb-k2', new Date('2026-03-02T12:00:00Z'))).toMatchObject({ principal: { id: 'fr-ofb' } });
    expect(given.resolveKey('fr-ofb-k2', new Date('2026-03-03T09:00:00Z'))).toEqual({ refused: 'key_revoked' });
  });

  it('applies a fact delivered twice under the same event id once', () => {
    const given = directory();

    expect(given.apply('event-1', registered)).toBe(true);
    expect(given.apply('event-1', registered)).toBe(false);

    expect(given.current.inapplicable).toEqual([]);
    expect(given.current.principals.get('fr-ofb')).toMatchObject({ registeredBy: 'ncb-fr' });
  });

  it('keeps a fact that cannot apply aside instead of failing', () => {
    const given = new RegistryDirectory(REGISTRY_WITHOUT_TRUST_ROOTS);

    given.apply('event-2', rotated);

    expect(given.current.inapplicable).toHaveLength(1);
    expect(given.principal('fr-ofb')).toBeUndefined();
  });

  it('knows no one without trust roots', () => {
    expect(new RegistryDirectory(REGISTRY_WITHOUT_TRUST_ROOTS).resolveKey('ncb-fr-k1', new Date())).toEqual({ refused: 'key_unknown' });
  });
});
