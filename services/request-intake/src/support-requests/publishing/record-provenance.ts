import type { Principal, RecordProvenance } from '@wildlife/contracts';
import type { ActingPrincipal, SignatureMaterial } from '../domain/acting-principal.js';

/** The public form of a registered principal (`country` only when it has one). */
export function publicPrincipalOf(principal: ActingPrincipal): Principal {
  return {
    id: principal.principalId,
    kind: principal.kind,
    ...(principal.country !== undefined && { country: principal.country }),
  };
}

/** The public `provenance` of a signed record: its signer beside the material that proves the signature. */
export function recordProvenanceOf(signer: ActingPrincipal, material: SignatureMaterial): RecordProvenance {
  return { principal: publicPrincipalOf(signer), ...material };
}
