import { describe, expect, it } from '@jest/globals';
import {
  accreditationAt,
  decide,
  DEV_FIXTURE_CAST,
  DevFixtureLacksAPublicKey,
  evolve,
  isOfficialSource,
  parseRegistrySeed,
  parseTrustRoots,
  planDevFixture,
  principalIdsOf,
  registryFromTrustRoots,
  resolveKey,
  type RegistryState,
} from '../index.js';
import { freshKey } from '../../test/support/registry-scenario.js';

const NOW = '2026-04-01T08:00:00.000Z';
const publicKeys = new Map(principalIdsOf(DEV_FIXTURE_CAST).map((id) => [id, freshKey(id).publicKey]));

/** The registry after the trust roots and every seed command, issued a minute after planning. */
function seeded(): RegistryState {
  const plan = planDevFixture(NOW, publicKeys);
  let state = registryFromTrustRoots(parseTrustRoots(JSON.parse(JSON.stringify(plan.trustRoots))));
  for (const { signerPrincipalId, ...command } of plan.seed) {
    const decision = decide(state, command, { by: signerPrincipalId, at: '2026-04-01T08:01:00Z' });
    if (!decision.accepted) throw decision.refusal;
    state = decision.facts.reduce(evolve, state);
  }
  return state;
}

describe('planning the development fixture', () => {
  it('trusts the four NCBs and the GS with its analyst from deployment, and no one else', () => {
    const { trustRoots } = planDevFixture(NOW, publicKeys);

    expect(trustRoots.ncbs.map((ncb) => [ncb.principalId, ncb.country])).toEqual([
      ['ncb-fr', 'FR'],
      ['ncb-ke', 'KE'],
      ['ncb-br', 'BR'],
      ['ncb-th', 'TH'],
    ]);
    expect(trustRoots.generalSecretariat.principalId).toBe('gs');
    expect(trustRoots.generalSecretariat.analysts?.map((analyst) => analyst.principalId)).toEqual(['gs-analyst-1']);
    expect(() => parseTrustRoots(JSON.stringify(trustRoots))).not.toThrow();
  });

  it('seeds every other principal through commands signed by the one allowed to issue them', () => {
    const { seed } = planDevFixture(NOW, publicKeys);

    expect(seed.map(({ signerPrincipalId, command }) => `${signerPrincipalId} ${command}`)).toEqual([
      'ncb-fr register-agency',
      'ncb-fr register-agency',
      'ncb-ke register-agency',
      'ncb-ke register-agency',
      'ncb-br register-agency',
      'ncb-br register-agency',
      'ncb-th register-agency',
      'ncb-th register-agency',
      'ncb-fr accredit-agency',
      'ncb-ke accredit-agency',
      'ncb-br accredit-agency',
      'ncb-th accredit-agency',
      'gs register-external-source',
      'gs register-auditor',
    ]);
    expect(parseRegistrySeed(JSON.stringify(seed))).toEqual(seed);
  });

  it('gives one key file per principal', () => {
    const { keyFiles } = planDevFixture(NOW, publicKeys);

    expect(keyFiles).toHaveLength(16);
    expect(keyFiles).toContainEqual({ principalId: 'fr-ofb', keyId: 'fr-ofb-key-1', path: 'keys/fr-ofb.key.json' });
  });

  it('yields a registry where one agency per country is official for every capability for two years, and the other is not', () => {
    const state = seeded();
    const all = { capabilities: ['information-sharing', 'best-practice-guidance', 'operational-support', 'capacity-building', 'expert-network'] as const };

    for (const [agency, country] of [['fr-ofb', 'FR'], ['ke-kws', 'KE'], ['br-ibama', 'BR'], ['th-dnp', 'TH']]) {
      expect(isOfficialSource(state, agency!, '2026-05-01T00:00:00Z', { country: country!, ...all })).toMatchObject({ official: true });
    }
    for (const [agency, country] of [['fr-douane', 'FR'], ['ke-kfs', 'KE'], ['br-icmbio', 'BR'], ['th-customs', 'TH']]) {
      expect(isOfficialSource(state, agency!, '2026-05-01T00:00:00Z', { country: country! })).toMatchObject({ official: false });
    }
    expect(accreditationAt(state, 'fr-ofb', '2028-04-01T07:59:59Z').accredited).toBe(true);
    expect(accreditationAt(state, 'fr-ofb', '2028-04-01T08:00:00Z').accredited).toBe(false);
    expect(isOfficialSource(state, 'ngo-traffic-watch', NOW, { country: 'FR' })).toMatchObject({ refusal: 'ExternalSourcesAreNeverOfficial' });
    expect(resolveKey(state, 'auditor-1-key-1', '2026-04-02T00:00:00Z')).toMatchObject({ principal: { id: 'auditor-1', kind: 'auditor' } });
  });

  it('is the same plan for the same time and keys', () => {
    expect(planDevFixture(NOW, publicKeys)).toEqual(planDevFixture(NOW, publicKeys));
  });

  it('refuses to plan without every principal’s public key', () => {
    const missing = new Map(publicKeys);
    missing.delete('th-dnp');

    expect(() => planDevFixture(NOW, missing)).toThrow(DevFixtureLacksAPublicKey);
  });
});
