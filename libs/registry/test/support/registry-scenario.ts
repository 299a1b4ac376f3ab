import { exportPublicKey, generateSigningKeyPair } from '@wildlife/signatures';
import {
  decide,
  evolve,
  registryFromTrustRoots,
  type Capability,
  type CommandDecision,
  type PublicKeyEntry,
  type RegistryCommand,
  type RegistryState,
  type TrustRoots,
} from '../../src/index.js';

// Shared by the registry's unit tests: a small world of trust roots and a way to walk it forward
// through decide and evolve, as a service's command handler would.

/** Midnight UTC, `days` after 1 March 2026 (fractions allowed). */
export function day(days: number): string {
  return new Date(Date.UTC(2026, 2, 1) + days * 86_400_000).toISOString();
}

export function freshKey(keyId: string): PublicKeyEntry {
  return { keyId, publicKey: exportPublicKey(generateSigningKeyPair().publicKey) };
}

/** NCBs of France and Kenya, the GS and one analyst, each with one key `<id>-k1`. */
export function trustRoots(): TrustRoots {
  return {
    version: 1,
    generalSecretariat: {
      principalId: 'gs',
      keys: [freshKey('gs-k1')],
      analysts: [{ principalId: 'gs-analyst-1', keys: [freshKey('gs-analyst-1-k1')] }],
    },
    ncbs: [
      { country: 'FR', principalId: 'ncb-fr', keys: [freshKey('ncb-fr-k1')] },
      { country: 'KE', principalId: 'ncb-ke', keys: [freshKey('ncb-ke-k1')] },
    ],
  };
}

/** `trustRoots()` with a second key `<id>-k2` for each NCB and the GS, so each may revoke one of its own keys. */
export function trustRootsWithSecondKeys(): TrustRoots {
  const roots = trustRoots();
  const withSecond = <R extends { principalId: string; keys: readonly PublicKeyEntry[] }>(root: R): R => ({ ...root, keys: [...root.keys, freshKey(`${root.principalId}-k2`)] });
  return { ...roots, generalSecretariat: withSecond(roots.generalSecretariat), ncbs: roots.ncbs.map(withSecond) };
}

export class CommandWasRefusedInSetUp extends Error {}

/** Applies each command in turn, as `by` at `at`; a refused one fails the test's set-up. */
export function given(state: RegistryState, ...steps: [command: RegistryCommand, by: string, at: string][]): RegistryState {
  let current = state;
  for (const [command, by, at] of steps) {
    const decision: CommandDecision = decide(current, command, { by, at });
    if (!decision.accepted) throw new CommandWasRefusedInSetUp(`${command.command}: ${decision.refusal.name}: ${decision.refusal.message}`);
    for (const fact of decision.facts) current = evolve(current, fact);
    if (current.inapplicable.length > 0) throw new CommandWasRefusedInSetUp(`${command.command} produced a fact evolve could not apply`);
  }
  return current;
}

export function initialRegistry(roots: TrustRoots = trustRoots()): RegistryState {
  return registryFromTrustRoots(roots);
}

export function registerAgency(agencyId: string, country: string, keyId = `${agencyId}-k1`): RegistryCommand {
  return { command: 'register-agency', body: { agencyId, country, name: `Agency ${agencyId}`, key: freshKey(keyId) } };
}

export function accredit(agencyId: string, accreditationId: string, validFrom: string, validUntil: string, scope: readonly Capability[] = ['information-sharing', 'operational-support']): RegistryCommand {
  return { command: 'accredit-agency', body: { agencyId, accreditationId, scope: [...scope], validFrom, validUntil } };
}

/** France's NCB with two agencies registered on day 0: `fr-ofb` and `fr-douane`; Kenya's with `ke-kws`. */
export function registryWithAgencies(roots: TrustRoots = trustRoots()): RegistryState {
  return given(
    initialRegistry(roots),
    [registerAgency('fr-ofb', 'FR'), 'ncb-fr', day(0)],
    [registerAgency('fr-douane', 'FR'), 'ncb-fr', day(0)],
    [registerAgency('ke-kws', 'KE'), 'ncb-ke', day(0)],
  );
}
