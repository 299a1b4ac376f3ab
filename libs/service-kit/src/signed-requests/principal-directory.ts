import type { KeyObject } from 'node:crypto';

/** Who a verified request comes from: what handlers see, never anything a body claims. */
export interface VerifiedPrincipal {
  readonly id: string;
  readonly kind: 'ncb' | 'agency' | 'general-secretariat' | 'external-source' | 'auditor';
  /** ISO 3166-1 alpha-2, for NCBs and agencies. */
  readonly country?: string;
}

export type KeyRefusal = 'key_unknown' | 'key_revoked' | 'key_rotated_out' | 'key_not_yet_valid';

export type KeyLookup = { readonly principal: VerifiedPrincipal; readonly publicKey: KeyObject } | { readonly refused: KeyRefusal };

/**
 * Where signed-request verification finds keys: the registry as this service knows it (trust roots
 * plus the registry events it consumed). Lookups are local and fast; they must not do I/O per request.
 */
export interface PrincipalDirectory {
  resolveKey(keyId: string, at: Date): KeyLookup;
  /** A registered principal by id (e.g. the agency an NCB submits for), or undefined. */
  principal(id: string): VerifiedPrincipal | undefined;
}
