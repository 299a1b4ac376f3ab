import type { ApiTransport } from './api-transport.js';
import type { ServiceUrl } from './endpoints.js';
import type { Acknowledgement, Decline, Endorsement, EndorsementGranted, EndorsementView, Permit, PermitRevocation } from './endorsement.types.js';
import { ifMatch, segment } from './request-preconditions.js';

/** Calls an NCB makes on its agencies' requests, and the revocation of a direct-contact permit. */
export interface EndorsementClient {
  acknowledge(requestId: string, acknowledgement: Acknowledgement): Promise<EndorsementView>;
  endorse(requestId: string, endorsement: Endorsement): Promise<EndorsementGranted>;
  decline(requestId: string, decline: Decline): Promise<EndorsementView>;
  getEndorsement(requestId: string): Promise<EndorsementView>;
  getPermit(permitId: string): Promise<Permit>;
  revokePermit(permitId: string, revocation: PermitRevocation): Promise<Permit>;
}

export function endorsementClient(call: ApiTransport, url: ServiceUrl): EndorsementClient {
  // The endorsement's version travels as If-Match only; the body holds the decision itself. Async, so
  // that a version ifMatch refuses rejects the returned promise rather than throwing.
  const decide = async <T>(requestId: string, action: string, { version, ...decision }: { version: Acknowledgement['version'] }) =>
    call<T>({
      method: 'POST',
      url: url(`v1/support-requests/${segment(requestId)}/${action}`),
      json: decision,
      headers: { 'if-match': ifMatch(version) },
    });
  return {
    acknowledge: (requestId, acknowledgement) => decide(requestId, 'acknowledge', acknowledgement),
    endorse: (requestId, endorsement) => decide(requestId, 'endorse', endorsement),
    decline: (requestId, decline) => decide(requestId, 'decline', decline),
    getEndorsement: (requestId) => call({ method: 'GET', url: url(`v1/support-requests/${segment(requestId)}/endorsement`) }),
    getPermit: (permitId) => call({ method: 'GET', url: url(`v1/permits/${segment(permitId)}`) }),
    revokePermit: async (permitId, { reason, version }) =>
      call({
        method: 'POST',
        url: url(`v1/permits/${segment(permitId)}/revoke`),
        json: { reason },
        headers: version === undefined ? {} : { 'if-match': ifMatch(version) },
      }),
  };
}
