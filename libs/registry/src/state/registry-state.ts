import type { Capability } from '../principals/capabilities.js';
import type { Principal } from '../principals/principal.js';
import type { KeyRevocationReason, RegistryFact } from '../facts/registry-facts.js';

// The registry as a value: built from the trust roots, then `evolve`d fact by fact. Times are
// milliseconds since the epoch. Maps are never mutated: `evolve` copies the ones it changes.

export interface PrincipalEntry {
  readonly principal: Principal;
  /** Undefined for a trust root, which has always been registered. */
  readonly registeredAt?: number;
  readonly registeredBy?: string;
}

export interface KeyEntry {
  readonly keyId: string;
  readonly publicKey: string;
  readonly principalId: string;
  /** Undefined for a trust-root key: valid from the beginning. */
  readonly validFrom?: number;
  readonly retiredAt?: number;
  readonly revocation?: KeyRevocation;
}

export interface KeyRevocation {
  readonly at: number;
  readonly reason: KeyRevocationReason;
  readonly compromisedSince?: number;
}

export type AccreditationChangeKind = 'suspended' | 'reinstated' | 'revoked';

export interface AccreditationChange {
  readonly change: AccreditationChangeKind;
  readonly at: number;
}

export interface AccreditationEntry {
  readonly accreditationId: string;
  readonly agencyId: string;
  readonly scope: readonly Capability[];
  readonly validFrom: number;
  readonly validUntil: number;
  readonly grantedAt: number;
  readonly grantedBy: string;
  /** In the order they happened. */
  readonly changes: readonly AccreditationChange[];
}

/** A fact `evolve` could not apply (it names an unknown principal, or reuses a key id): kept for diagnosis. */
export interface InapplicableFact {
  readonly fact: RegistryFact;
  readonly why: string;
}

export interface RegistryState {
  readonly principals: ReadonlyMap<string, PrincipalEntry>;
  readonly keys: ReadonlyMap<string, KeyEntry>;
  /** Public key (registry form) → the key id it is registered under: one key, one owner. */
  readonly keyIdsByPublicKey: ReadonlyMap<string, string>;
  readonly accreditations: ReadonlyMap<string, AccreditationEntry>;
  /** Agency id → its accreditation ids, in the order they were granted. */
  readonly accreditationsByAgency: ReadonlyMap<string, readonly string[]>;
  /** The latest `at` among the facts applied so far. */
  readonly latestFactAt?: number;
  readonly inapplicable: readonly InapplicableFact[];
}

/** The accreditation's first counting moment: never before it was granted. */
export function effectiveStartOf(accreditation: AccreditationEntry): number {
  return Math.max(accreditation.validFrom, accreditation.grantedAt);
}
