import type { AgencyReference } from '@wildlife/contracts';
import type { ActingPrincipal, SignatureMaterial } from './acting-principal.js';
import type { SupportRequestFacts } from './support-request.facts.js';

/** Submit a support request. The id and time are made by the caller; the domain invents neither. */
export interface SubmitSupportRequest {
  readonly requestId: string;
  /** RFC 3339. */
  readonly submittedAt: string;
  /** The verified signer, as registered: its kind and country come from the registry, never the body. */
  readonly submitter: ActingPrincipal;
  /**
   * The agency the body names in `onBehalfOfAgency`, resolved from the registry by the handler
   * (which refuses an id that is not a registered agency); undefined when the body names none.
   */
  readonly onBehalfOfAgency: AgencyReference | undefined;
  readonly facts: SupportRequestFacts;
  readonly signatureMaterial: SignatureMaterial;
}
