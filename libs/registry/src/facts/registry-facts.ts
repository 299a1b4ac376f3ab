import type { PublicKeyEntry } from '../keys/public-key-entry.js';
import type { Capability } from '../principals/capabilities.js';

// The facts of the registry, in the order they happened. Every time is the normalised UTC ISO form;
// `by` / `registeredBy` is the principal whose signed command produced the fact.

/** An NCB registered a national agency of its own country with the agency's first key. */
export interface AgencyRegistered {
  readonly type: 'AgencyRegistered';
  readonly agencyId: string;
  readonly country: string;
  readonly name: string;
  readonly key: PublicKeyEntry;
  readonly registeredBy: string;
  readonly at: string;
}

/**
 * An NCB accredited one of its agencies for `scope`. It counts from the later of `validFrom` and
 * `at` (never retroactively) until `validUntil` (exclusive), and replaces the agency's earlier
 * accreditation from the moment it starts counting.
 */
export interface AgencyAccredited {
  readonly type: 'AgencyAccredited';
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly scope: readonly Capability[];
  readonly validFrom: string;
  readonly validUntil: string;
  readonly by: string;
  readonly at: string;
}

/** The accreditation stops counting from `at` until it is reinstated. */
export interface AccreditationSuspended {
  readonly type: 'AccreditationSuspended';
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** A suspended accreditation counts again from `at` (within its validity). */
export interface AccreditationReinstated {
  readonly type: 'AccreditationReinstated';
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly note?: string;
  readonly by: string;
  readonly at: string;
}

/** The accreditation never counts again from `at`; what it covered before `at` stands. */
export interface AccreditationRevoked {
  readonly type: 'AccreditationRevoked';
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** `newKey` verifies from `at`; `retiredKeyId` verifies nothing observed at or after `at`. */
export interface KeyRotated {
  readonly type: 'KeyRotated';
  readonly principalId: string;
  readonly newKey: PublicKeyEntry;
  readonly retiredKeyId: string;
  readonly by: string;
  readonly at: string;
}

/**
 * Why a key was revoked, after the X.509 CRL reason codes: `compromised` (someone else may hold the
 * private key), `superseded`, `no-longer-used`, `unspecified`.
 */
export const KEY_REVOCATION_REASONS = ['compromised', 'superseded', 'no-longer-used', 'unspecified'] as const;

export type KeyRevocationReason = (typeof KEY_REVOCATION_REASONS)[number];

/**
 * The key verifies nothing observed at or after `at`. Before `at`: a key revoked for any reason but
 * `compromised` still verifies; a `compromised` key verifies only what was observed before
 * `compromisedSince`, and nothing at all when `compromisedSince` is absent (the compromise may date
 * from the key's first day). See `resolveKey`.
 */
export interface KeyRevoked {
  readonly type: 'KeyRevoked';
  readonly principalId: string;
  readonly keyId: string;
  readonly reason: KeyRevocationReason;
  /** Only with `reason: 'compromised'`; never after `at`. */
  readonly compromisedSince?: string;
  readonly note?: string;
  readonly by: string;
  readonly at: string;
}

/** The General Secretariat registered an external source (never an official source). */
export interface ExternalSourceRegistered {
  readonly type: 'ExternalSourceRegistered';
  readonly sourceId: string;
  readonly name: string;
  readonly key: PublicKeyEntry;
  readonly by: string;
  readonly at: string;
}

/** The General Secretariat registered an auditor. */
export interface AuditorRegistered {
  readonly type: 'AuditorRegistered';
  readonly auditorId: string;
  readonly name: string;
  readonly key: PublicKeyEntry;
  readonly by: string;
  readonly at: string;
}

export type RegistryFact =
  | AgencyRegistered
  | AgencyAccredited
  | AccreditationSuspended
  | AccreditationReinstated
  | AccreditationRevoked
  | KeyRotated
  | KeyRevoked
  | ExternalSourceRegistered
  | AuditorRegistered;

export type RegistryFactType = RegistryFact['type'];

export const REGISTRY_FACT_TYPES = [
  'AgencyRegistered',
  'AgencyAccredited',
  'AccreditationSuspended',
  'AccreditationReinstated',
  'AccreditationRevoked',
  'KeyRotated',
  'KeyRevoked',
  'ExternalSourceRegistered',
  'AuditorRegistered',
] as const satisfies readonly RegistryFactType[];
