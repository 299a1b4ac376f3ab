import { describe, expect, it } from '@jest/globals';
import { decide, principal, resolveKey, evolve, type RegistryCommand } from '../index.js';
import { day, freshKey, given, initialRegistry, registerAgency, registryWithAgencies } from '../../test/support/registry-scenario.js';

const refusalOf = (decision: ReturnType<typeof decide>) => (decision.accepted ? undefined : decision.refusal.name);

describe('registering a national agency', () => {
  it('records the agency of the NCB’s own country with its first key, usable from then on', () => {
    const state = initialRegistry();
    const key = freshKey('fr-ofb-k1');

    const decision = decide(
      state,
      { command: 'register-agency', body: { agencyId: 'fr-ofb', country: 'FR', name: 'Office français de la biodiversité', key } },
      { by: 'ncb-fr', at: '2026-03-01T10:00:00+01:00' },
    );

    expect(decision).toEqual({
      accepted: true,
      facts: [
        {
          type: 'AgencyRegistered',
          agencyId: 'fr-ofb',
          country: 'FR',
          name: 'Office français de la biodiversité',
          key,
          registeredBy: 'ncb-fr',
          at: '2026-03-01T09:00:00.000Z',
        },
      ],
    });
    const after = decision.accepted ? decision.facts.reduce(evolve, state) : state;
    expect(principal(after, 'fr-ofb')).toEqual({ id: 'fr-ofb', kind: 'agency', country: 'FR', name: 'Office français de la biodiversité' });
    expect(resolveKey(after, 'fr-ofb-k1', '2026-03-01T09:00:00Z')).toMatchObject({ principal: { id: 'fr-ofb' }, publicKey: key.publicKey });
  });

  it.each([
    ['the NCB of another country', 'ncb-ke'],
    ['the General Secretariat', 'gs'],
  ])('refuses %s', (_who, by) => {
    expect(refusalOf(decide(initialRegistry(), registerAgency('fr-ofb', 'FR'), { by, at: day(0) }))).toBe('OnlyTheCountrysNcbMayRegisterItsAgencies');
  });

  it('refuses an agency registering another agency', () => {
    const state = registryWithAgencies();
    expect(refusalOf(decide(state, registerAgency('fr-new', 'FR'), { by: 'fr-ofb', at: day(1) }))).toBe('OnlyTheCountrysNcbMayRegisterItsAgencies');
  });

  it('refuses an issuer the registry does not know', () => {
    expect(refusalOf(decide(initialRegistry(), registerAgency('fr-ofb', 'FR'), { by: 'ncb-zz', at: day(0) }))).toBe('IssuerIsNotRegistered');
  });

  it.each<[string, (command: RegistryCommand & { command: 'register-agency' }) => RegistryCommand, string]>([
    ['an agency id already registered', (c) => ({ ...c, body: { ...c.body, agencyId: 'fr-ofb' } }), 'AgencyIsAlreadyRegistered'],
    ['an id held by an external source', (c) => ({ ...c, body: { ...c.body, agencyId: 'ngo-watch' } }), 'PrincipalIdIsAlreadyTaken'],
    ['an id in the NCBs’ namespace', (c) => ({ ...c, body: { ...c.body, agencyId: 'ncb-fr-2' } }), 'PrincipalIdIsReserved'],
    ['an id in the GS’s namespace', (c) => ({ ...c, body: { ...c.body, agencyId: 'gs-fr' } }), 'PrincipalIdIsReserved'],
    ['a malformed id', (c) => ({ ...c, body: { ...c.body, agencyId: 'FR OFB' } }), 'PrincipalIdIsMalformed'],
    ['a lower-case country', (c) => ({ ...c, body: { ...c.body, country: 'fr' } }), 'CountryCodeIsNotAssigned'],
    ['a blank name', (c) => ({ ...c, body: { ...c.body, name: '  ' } }), 'NameMustBeGiven'],
    ['a key id already registered', (c) => ({ ...c, body: { ...c.body, key: freshKey('ncb-fr-k1') } }), 'KeyIdIsAlreadyTaken'],
    ['a malformed key id', (c) => ({ ...c, body: { ...c.body, key: freshKey('key one') } }), 'KeyIdIsMalformed'],
    ['a public key that is not Ed25519', (c) => ({ ...c, body: { ...c.body, key: { keyId: 'k', publicKey: 'AAAA' } } }), 'PublicKeyIsNotAnEd25519Key'],
  ])('refuses %s', (_what, change, refusal) => {
    const state = given(registryWithAgencies(), [{ command: 'register-external-source', body: { sourceId: 'ngo-watch', name: 'Watch', key: freshKey('ngo-k1') } }, 'gs', day(1)]);
    const command = registerAgency('fr-new', 'FR') as RegistryCommand & { command: 'register-agency' };

    expect(refusalOf(decide(state, change(command), { by: 'ncb-fr', at: day(2) }))).toBe(refusal);
  });

  it('refuses a public key another principal already uses, even under a new key id', () => {
    const state = registryWithAgencies();
    const usedByOfb = state.keys.get('fr-ofb-k1')!.publicKey;
    const command: RegistryCommand = { command: 'register-agency', body: { agencyId: 'fr-new', country: 'FR', name: 'New', key: { keyId: 'fresh-id', publicKey: usedByOfb } } };

    expect(refusalOf(decide(state, command, { by: 'ncb-fr', at: day(1) }))).toBe('PublicKeyIsAlreadyInUse');
  });

  it('refuses a command dated before the registry’s latest fact, so facts stay in time order', () => {
    const state = registryWithAgencies();
    expect(refusalOf(decide(state, registerAgency('fr-new', 'FR'), { by: 'ncb-fr', at: day(-1) }))).toBe('CommandIsDatedBeforeTheLatestRegistryFact');
  });

  it('refuses a time that is not RFC 3339 with a zone', () => {
    expect(refusalOf(decide(initialRegistry(), registerAgency('fr-new', 'FR'), { by: 'ncb-fr', at: '2026-03-01 10:00' }))).toBe('TimeIsMalformed');
  });
});

describe('registering external sources and auditors', () => {
  const source: RegistryCommand = { command: 'register-external-source', body: { sourceId: 'ngo-watch', name: 'Watch', key: freshKey('ngo-k1') } };
  const auditor: RegistryCommand = { command: 'register-auditor', body: { auditorId: 'auditor-1', name: 'Auditor', key: freshKey('aud-k1') } };

  it('lets the GS and its analysts register them', () => {
    const state = given(initialRegistry(), [source, 'gs', day(0)], [auditor, 'gs-analyst-1', day(0)]);

    expect(principal(state, 'ngo-watch')).toEqual({ id: 'ngo-watch', kind: 'external-source', name: 'Watch' });
    expect(principal(state, 'auditor-1')).toEqual({ id: 'auditor-1', kind: 'auditor', name: 'Auditor' });
  });

  it('refuses an NCB registering an external source', () => {
    expect(refusalOf(decide(initialRegistry(), source, { by: 'ncb-fr', at: day(0) }))).toBe('OnlyTheGeneralSecretariatRegistersExternalSources');
  });

  it('refuses an NCB registering an auditor', () => {
    expect(refusalOf(decide(initialRegistry(), auditor, { by: 'ncb-ke', at: day(0) }))).toBe('OnlyTheGeneralSecretariatRegistersAuditors');
  });

  it('refuses the same source twice', () => {
    const state = given(initialRegistry(), [source, 'gs', day(0)]);
    const again: RegistryCommand = { command: 'register-external-source', body: { sourceId: 'ngo-watch', name: 'Watch', key: freshKey('ngo-k2') } };

    expect(refusalOf(decide(state, again, { by: 'gs', at: day(1) }))).toBe('ExternalSourceIsAlreadyRegistered');
  });
});
