import type { KeyObject } from 'node:crypto';
import type { KeyLookup, PrincipalDirectory, VerifiedPrincipal } from '@wildlife/service-kit';
import { generateSigningKeyPair } from '@wildlife/signatures';

// The principals of the integration tests, each with a key of its own, and the in-memory directory
// the service verifies their signatures with (the registry-backed one is not needed to test this).

export const CAST = {
  ncbFr: { id: 'ncb-fr', kind: 'ncb', country: 'FR' },
  ncbKe: { id: 'ncb-ke', kind: 'ncb', country: 'KE' },
  /** The requesting agency of the contract's example submission. */
  agencyFr: { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' },
  otherAgencyFr: { id: 'agency-fr-douane', kind: 'agency', country: 'FR' },
  agencyKe: { id: 'agency-ke-kws', kind: 'agency', country: 'KE' },
  gs: { id: 'gs', kind: 'general-secretariat' },
  externalSource: { id: 'ext-wildlife-watch', kind: 'external-source' },
  auditor: { id: 'auditor-one', kind: 'auditor' },
} as const satisfies Record<string, VerifiedPrincipal>;

export type CastMember = keyof typeof CAST;

export interface CastKey {
  readonly principal: VerifiedPrincipal;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A fresh key pair for every member of the cast, and the directory that knows them. */
export function castWithKeys(): { keys: Record<CastMember, CastKey>; directory: PrincipalDirectory } {
  const keys = Object.fromEntries(
    Object.entries(CAST).map(([member, principal]) => {
      const { privateKey, publicKey } = generateSigningKeyPair();
      return [member, { principal, keyId: `${principal.id}-key-1`, privateKey, publicKey }];
    }),
  ) as Record<CastMember, CastKey>;
  const byKeyId = new Map(Object.values(keys).map((key) => [key.keyId, key]));
  const directory: PrincipalDirectory = {
    resolveKey: (keyId): KeyLookup => {
      const key = byKeyId.get(keyId);
      return key ? { principal: key.principal, publicKey: key.publicKey } : { refused: 'key_unknown' };
    },
    principal: (id) => Object.values(CAST).find((principal) => principal.id === id),
  };
  return { keys, directory };
}
