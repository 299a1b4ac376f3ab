import type { PrincipalKind, RecordProvenance } from '@wildlife/contracts';

/** The registered principal whose verified signature is on a call, as the registry knows it. */
export interface ActingPrincipal {
  readonly principalId: string;
  readonly kind: PrincipalKind;
  /** ISO 3166-1 alpha-2; NCBs and agencies always have one. */
  readonly country?: string;
}

/**
 * What an auditor needs to check the signature of the call again later (RFC 9421 material). The
 * domain never reads it: it is kept beside the facts it vouches for and published with them.
 */
export type SignatureMaterial = Omit<RecordProvenance, 'principal'>;
