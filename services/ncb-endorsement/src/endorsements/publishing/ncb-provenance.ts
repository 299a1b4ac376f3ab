import type { NcbReference, Principal, RecordProvenance } from '@wildlife/contracts';
import type { SignatureMaterial } from '../domain/acting-principal.js';

/** The public principal of an NCB. */
export function ncbPrincipalOf(ncb: NcbReference): Principal {
  return { id: ncb.principalId, kind: 'ncb', country: ncb.country };
}

/** The public `provenance` of a record the NCB signed. */
export function signedByNcb(ncb: NcbReference, material: SignatureMaterial): RecordProvenance {
  return { principal: ncbPrincipalOf(ncb), ...material };
}
