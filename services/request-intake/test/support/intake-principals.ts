import { generateSigningKeyPair, type SigningKeyPair } from '@wildlife/signatures';
import type { KeyLookup, PrincipalDirectory, VerifiedPrincipal } from '@wildlife/service-kit';

// The cast of the integration tests: two countries, each with its NCB and agencies, the GS, an
// external source, an auditor; one fresh Ed25519 key each, in an in-memory directory.

type CastMember = VerifiedPrincipal & { readonly name?: string };

export const cast = {
  frenchAgency: { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' },
  otherFrenchAgency: { id: 'agency-fr-douane', kind: 'agency', country: 'FR' },
  kenyanAgency: { id: 'agency-ke-kws', kind: 'agency', country: 'KE' },
  frenchNcb: { id: 'ncb-fr', kind: 'ncb', country: 'FR' },
  kenyanNcb: { id: 'ncb-ke', kind: 'ncb', country: 'KE' },
  generalSecretariat: { id: 'gs-environmental-security', kind: 'general-secretariat' },
  wildWatch: { id: 'external-wildwatch', kind: 'external-source', name: 'WildWatch (NGO)' },
  otherSource: { id: 'external-birdlife', kind: 'external-source', name: 'Bird watchers' },
  auditor: { id: 'auditor-1', kind: 'auditor' },
} as const satisfies Record<string, CastMember>;

export type CastName = keyof typeof cast;

export const keyIdOf = (name: CastName) => `${cast[name].id}-2026`;

/** One key pair per member of the cast, and a directory that knows them all. */
export function intakeDirectory(): { directory: PrincipalDirectory; keys: Record<CastName, SigningKeyPair> } {
  const names = Object.keys(cast) as CastName[];
  const keys = Object.fromEntries(names.map((name) => [name, generateSigningKeyPair()])) as Record<CastName, SigningKeyPair>;
  const lookups = new Map<string, KeyLookup>(names.map((name) => [keyIdOf(name), { principal: cast[name], publicKey: keys[name].publicKey }]));
  const byId = new Map<string, CastMember>(names.map((name) => [cast[name].id, cast[name]]));
  return {
    keys,
    directory: {
      resolveKey: (keyId) => lookups.get(keyId) ?? { refused: 'key_unknown' },
      principal: (id) => byId.get(id),
    },
  };
}
