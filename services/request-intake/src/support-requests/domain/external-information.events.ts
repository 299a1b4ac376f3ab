import { EXTERNAL_INFORMATION_CAVEAT } from '@wildlife/contracts';
import type { ActingPrincipal, SignatureMaterial } from './acting-principal.js';
import type { CaseFacts } from './support-request.facts.js';

// The private event of one external submission's stream, `external-information-<informationId>`.

export const externalInformationStreamId = (informationId: string): string => `external-information-${informationId}`;

/**
 * Information from a registered external source (notification 2.1). It is never an official record:
 * `external` is always true and the caveat always travels with it, into every view and event.
 */
export interface ExternalInformationReceived {
  readonly type: 'ExternalInformationReceived';
  readonly informationId: string;
  /** RFC 3339. */
  readonly receivedAt: string;
  readonly external: true;
  readonly caveat: typeof EXTERNAL_INFORMATION_CAVEAT;
  /** The signer, as registered, with the name the registry knows it by. */
  readonly externalSource: ActingPrincipal & { readonly name: string };
  readonly summary: string;
  /** The support request it relates to, when the source named one. */
  readonly relatedRequestId?: string;
  readonly facts: CaseFacts;
  readonly signatureMaterial: SignatureMaterial;
}

export type ExternalInformationEvent = ExternalInformationReceived;
