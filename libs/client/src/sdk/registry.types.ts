import type { SupportCapability } from '@wildlife/contracts';
import type { ResourceVersion } from './request-preconditions.js';

/** Conditions any registry command may be sent with; both optional, both covered by the signature. */
export interface RegistryCommandOptions {
  /**
   * The registry's version the command was decided on (GET of a principal answers it as ETag: the
   * version of the whole registry, not of that principal). The command is then refused (412) if any
   * registry command was recorded since. Officers' UIs should send it; scripts may leave it out.
   */
  readonly ifMatch?: ResourceVersion;
  /** A retry with the same key and body gets the first answer and records nothing (the same key with another body: 422). */
  readonly idempotencyKey?: string;
}

/** A principal's key in the registry form: its `keyid` and the unpadded base64url of the raw 32 bytes. */
export interface RegistryKey {
  readonly keyId: string;
  readonly publicKey: string;
}

/** An NCB registers one of its country's agencies under the agency's first key. */
export interface AgencyRegistration extends RegistryKey {
  readonly agencyId: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2, upper case: the signing NCB's country when left out, and only that one is allowed. */
  readonly country?: string;
}

export interface Accreditation {
  /** Chosen by the service when absent. */
  readonly accreditationId?: string;
  readonly scope: readonly SupportCapability[];
  /** RFC 3339 instants. */
  readonly validFrom: string;
  readonly validUntil: string;
}

/** Why a key is revoked (the X.509 CRL reasons the registry knows) and, for a compromised one, since when. */
export interface KeyRevocation {
  readonly reason: 'compromised' | 'superseded' | 'no-longer-used' | 'unspecified';
  /** Only with `compromised` (RFC 3339): signatures received from then on are refused, even those accepted before. */
  readonly compromisedSince?: string;
  readonly note?: string;
}

/** The agency's NCB lifts a suspension; the note is published with the fact. */
export interface Reinstatement {
  readonly note?: string;
}

export interface KeyRotation extends RegistryKey {
  /** The key the new one replaces. */
  readonly retiredKeyId: string;
}

/** The General Secretariat registers external sources (never official). */
export interface ExternalSourceRegistration extends RegistryKey {
  readonly sourceId: string;
  readonly name: string;
}

export interface AuditorRegistration extends RegistryKey {
  readonly auditorId: string;
  readonly name: string;
}
