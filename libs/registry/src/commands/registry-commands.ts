import type { PublicKeyEntry } from '../keys/public-key-entry.js';
import type { KeyRevocationReason } from '../facts/registry-facts.js';
import type { Capability } from '../principals/capabilities.js';
import type { Instant } from '../time/instant.js';

// The registry commands as signed REST bodies carry them. The issuer (the authenticated signer) and
// the time travel beside the body, in `CommandIssuer`: a body never names its own author.

export interface RegisterAgencyBody {
  readonly agencyId: string;
  readonly country: string;
  readonly name: string;
  readonly key: PublicKeyEntry;
}

export interface AccreditAgencyBody {
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly scope: readonly Capability[];
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface SuspendAccreditationBody {
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly reason: string;
}

export interface ReinstateAccreditationBody {
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly note?: string;
}

export interface RevokeAccreditationBody {
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly reason: string;
}

export interface RotateKeyBody {
  readonly principalId: string;
  readonly newKey: PublicKeyEntry;
  readonly retiredKeyId: string;
}

export interface RevokeKeyBody {
  readonly principalId: string;
  readonly keyId: string;
  readonly reason: KeyRevocationReason;
  /** Only for `compromised`: from when the key is to be distrusted; absent means from its first day. */
  readonly compromisedSince?: string;
  readonly note?: string;
}

export interface RegisterExternalSourceBody {
  readonly sourceId: string;
  readonly name: string;
  readonly key: PublicKeyEntry;
}

export interface RegisterAuditorBody {
  readonly auditorId: string;
  readonly name: string;
  readonly key: PublicKeyEntry;
}

export type RegistryCommand =
  | { readonly command: 'register-agency'; readonly body: RegisterAgencyBody }
  | { readonly command: 'accredit-agency'; readonly body: AccreditAgencyBody }
  | { readonly command: 'suspend-accreditation'; readonly body: SuspendAccreditationBody }
  | { readonly command: 'reinstate-accreditation'; readonly body: ReinstateAccreditationBody }
  | { readonly command: 'revoke-accreditation'; readonly body: RevokeAccreditationBody }
  | { readonly command: 'rotate-key'; readonly body: RotateKeyBody }
  | { readonly command: 'revoke-key'; readonly body: RevokeKeyBody }
  | { readonly command: 'register-external-source'; readonly body: RegisterExternalSourceBody }
  | { readonly command: 'register-auditor'; readonly body: RegisterAuditorBody };

export type RegistryCommandName = RegistryCommand['command'];

export const REGISTRY_COMMAND_NAMES = [
  'register-agency',
  'accredit-agency',
  'suspend-accreditation',
  'reinstate-accreditation',
  'revoke-accreditation',
  'rotate-key',
  'revoke-key',
  'register-external-source',
  'register-auditor',
] as const satisfies readonly RegistryCommandName[];

/** Who issues the command (the principal whose signature the service verified) and when (the service's clock). */
export interface CommandIssuer {
  readonly by: string;
  readonly at: Instant;
}
