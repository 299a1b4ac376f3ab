import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  decide,
  evolve,
  evolveAll,
  principal,
  registryFromTrustRoots,
  resolveKey,
  REGISTRY_COMMAND_NAMES,
  type PublicKeyEntry,
  type RegistryCommand,
  type RegistryFact,
  type RegistryState,
} from '../index.js';
import { day, freshKey, registryWithAgencies, trustRoots } from '../../test/support/registry-scenario.js';

describe('evolving the registry', () => {
  it('leaves the state it was given untouched', () => {
    const before = registryWithAgencies();
    const snapshot = { principals: [...before.principals.keys()], keys: [...before.keys.keys()] };

    evolve(before, { type: 'AuditorRegistered', auditorId: 'auditor-1', name: 'A', key: freshKey('a-k1'), by: 'gs', at: day(3) });

    expect({ principals: [...before.principals.keys()], keys: [...before.keys.keys()] }).toEqual(snapshot);
  });

  it('lists a fact it cannot apply, with why, and changes nothing else', () => {
    const before = registryWithAgencies();
    const orphan: RegistryFact = {
      type: 'AgencyAccredited',
      agencyId: 'fr-ghost',
      accreditationId: 'acc-1',
      scope: ['expert-network'],
      validFrom: day(1),
      validUntil: day(9),
      by: 'ncb-fr',
      at: day(2),
    };

    const after = evolve(before, orphan);

    expect(after.inapplicable).toEqual([{ fact: orphan, why: 'agency "fr-ghost" is not registered' }]);
    expect(after.accreditations).toBe(before.accreditations);
    expect(after.latestFactAt).toBe(Date.parse(day(2)));
  });

  it('refuses a key id reused by another principal, keeping the first owner', () => {
    const before = registryWithAgencies();
    const reuse: RegistryFact = { type: 'ExternalSourceRegistered', sourceId: 'ngo-x', name: 'X', key: freshKey('fr-ofb-k1'), by: 'gs', at: day(2) };

    const after = evolve(before, reuse);

    expect(after.inapplicable).toHaveLength(1);
    expect(principal(after, 'ngo-x')).toBeUndefined();
    expect(resolveKey(after, 'fr-ofb-k1', day(3))).toMatchObject({ principal: { id: 'fr-ofb' } });
  });

  it('replays a rotation onto trust roots that already list the rotated-in key', () => {
    const roots = trustRoots();
    const newKey = freshKey('ncb-fr-k2');
    const rotation: RegistryFact = { type: 'KeyRotated', principalId: 'ncb-fr', newKey, retiredKeyId: 'ncb-fr-k1', by: 'ncb-fr', at: day(4) };
    const refreshed = { ...roots, ncbs: roots.ncbs.map((ncb) => (ncb.country === 'FR' ? { ...ncb, keys: [...ncb.keys, newKey] } : ncb)) };

    const state = evolveAll(registryFromTrustRoots(refreshed), [rotation]);

    expect(state.inapplicable).toEqual([]);
    expect(resolveKey(state, 'ncb-fr-k1', day(4))).toEqual({ refused: 'key_rotated_out' });
    expect(resolveKey(state, 'ncb-fr-k2', day(5))).toMatchObject({ principal: { id: 'ncb-fr' } });
  });
});

describe('decide and evolve together', () => {
  // fr-ofb, fr-douane and ke-kws are registered from the start (registryWithAgencies); ke-new is not.
  const agencies = ['fr-ofb', 'fr-douane', 'ke-kws', 'ke-new'] as const;
  const principals = [...agencies, 'ncb-fr', 'ncb-ke', 'gs', 'ngo-watch'] as const;
  const countryOf = (id: string) => (id.startsWith('fr') || id === 'ncb-fr' ? 'FR' : 'KE');
  /** Who is entitled to issue a command about `subject`; the property also tries everyone else. */
  const authorityOver = (subject: string) => (subject === 'gs' || subject === 'ngo-watch' ? 'gs' : `ncb-${countryOf(subject).toLowerCase()}`);
  const sharedKeys = new Map(['k1', 'k2', 'k3'].map((id) => [id, freshKey(id)]));
  const ownKeys = new Map<string, PublicKeyEntry>(principals.flatMap((id) => [id, `${id}-next`]).map((id) => [id, freshKey(`${id}-own`)]));
  const keyOf = (choice: string, subject: string) => sharedKeys.get(choice) ?? ownKeys.get(subject)!;

  const step = fc.record({
    // Accreditation changes weigh more: each needs an accreditation granted earlier in the same run.
    kind: fc.constantFrom('register', 'accredit', 'accredit', 'suspend', 'suspend', 'reinstate', 'reinstate', 'revoke-accreditation', 'rotate', 'revoke-key', 'register-source'),
    agency: fc.constantFrom('fr-ofb', 'fr-ofb', 'fr-ofb', ...agencies),
    subject: fc.constantFrom(...principals),
    accreditation: fc.constantFrom('latest', 'latest', 'acc-1', 'acc-2'),
    key: fc.constantFrom('own', 'k1', 'k2', 'k3'),
    retired: fc.constantFrom('current', 'k1', 'k2', 'ncb-fr-k1', 'gs-k1'),
    start: fc.integer({ min: -3, max: 5 }),
    length: fc.integer({ min: -1, max: 20 }),
    compromisedSince: fc.option(fc.integer({ min: -5, max: 1 }), { nil: undefined }),
    // Mostly the principal entitled to the command (undefined), sometimes anyone.
    issuer: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 4 },
      { arbitrary: fc.constantFrom('ncb-fr', 'ncb-ke', 'gs', 'gs-analyst-1', 'fr-ofb', 'ngo-watch'), weight: 1 },
    ),
    advance: fc.constantFrom(0, 0.5, 1, 2),
  });
  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

  function commandOf(s: Step, clock: number, state: RegistryState): RegistryCommand {
    const latest = state.accreditationsByAgency.get(s.agency)?.at(-1);
    const accreditationId = s.accreditation === 'latest' ? (latest ?? `${s.agency}-acc-1`) : `${s.agency}-${s.accreditation}`;
    const change = { agencyId: s.agency, accreditationId, reason: 'because' };
    const current = [...state.keys.values()].find((key) => key.principalId === s.subject && key.retiredAt === undefined)?.keyId ?? 'none';
    const keyId = s.retired === 'current' ? current : s.retired;
    switch (s.kind) {
      case 'register':
        return { command: 'register-agency', body: { agencyId: s.agency, country: countryOf(s.agency), name: s.agency, key: keyOf(s.key, s.agency) } };
      case 'accredit':
        return accreditAt(s.agency, accreditationId, day(clock + s.start), day(clock + s.start + s.length));
      case 'suspend':
        return { command: 'suspend-accreditation', body: change };
      case 'reinstate':
        return { command: 'reinstate-accreditation', body: change };
      case 'revoke-accreditation':
        return { command: 'revoke-accreditation', body: change };
      case 'rotate':
        return { command: 'rotate-key', body: { principalId: s.subject, retiredKeyId: keyId, newKey: keyOf(s.key, `${s.subject}-next`) } };
      case 'revoke-key':
        return s.compromisedSince === undefined
          ? { command: 'revoke-key', body: { principalId: s.subject, keyId, reason: 'superseded' } }
          : { command: 'revoke-key', body: { principalId: s.subject, keyId, reason: 'compromised', compromisedSince: day(clock + s.compromisedSince) } };
      case 'register-source':
        return { command: 'register-external-source', body: { sourceId: 'ngo-watch', name: 'Watch', key: keyOf(s.key, 'ngo-watch') } };
    }
  }
  const accreditAt = (agencyId: string, accreditationId: string, validFrom: string, validUntil: string): RegistryCommand => ({
    command: 'accredit-agency',
    body: { agencyId, accreditationId, scope: ['expert-network'], validFrom, validUntil },
  });

  it('never decides a fact that evolve cannot apply, and keeps facts in time order', () => {
    const accepted = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 25, maxLength: 40 }), (steps) => {
        let state: RegistryState = registryWithAgencies();
        let clock = 0;
        let lastAt = '';
        for (const s of steps) {
          clock += s.advance;
          const command = commandOf(s, clock, state);
          const subject = s.kind === 'rotate' || s.kind === 'revoke-key' ? s.subject : s.kind === 'register-source' ? 'gs' : s.agency;
          const decision = decide(state, command, { by: s.issuer ?? authorityOver(subject), at: day(clock) });
          if (!decision.accepted) continue;
          accepted.set(command.command, (accepted.get(command.command) ?? 0) + 1);
          for (const fact of decision.facts) {
            expect(fact.at >= lastAt).toBe(true);
            lastAt = fact.at;
            state = evolve(state, fact);
          }
        }
        expect(state.inapplicable).toEqual([]);
      }),
      { numRuns: 150 },
    );
    // The property is only as good as the commands it saw accepted: every kind must have been.
    expect([...accepted.keys()].sort()).toEqual([...REGISTRY_COMMAND_NAMES].filter((name) => name !== 'register-auditor').sort());
  });
});
