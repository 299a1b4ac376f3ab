import type { EXTERNAL_INFORMATION_CAVEAT, EvidenceReference, PlatformConcerned, SpeciesConcerned } from '@wildlife/contracts';

/**
 * The body of `POST /v1/external-information`, member for member intake's
 * `SubmitExternalInformationBody`. The source is never in it: it is the signer. Lists left out are
 * empty. Such information is never official: it always travels with the external-source caveat.
 */
export interface ExternalInformationSubmission {
  readonly summary: string;
  /** The support request it relates to, if known (a UUID; intake does not check it). */
  readonly relatedRequestId?: string;
  readonly species?: readonly SpeciesConcerned[];
  readonly platforms?: readonly PlatformConcerned[];
  readonly countriesConcerned?: readonly string[];
  readonly evidenceReferences?: readonly EvidenceReference[];
}

/** What intake answers to external information (202), with the Idempotency-Key it was sent under. */
export interface ExternalInformationAccepted {
  readonly informationId: string;
  /** Always true: external information is never an official record. */
  readonly external: true;
  readonly caveat: typeof EXTERNAL_INFORMATION_CAVEAT;
  /** Where it is read back (`getExternalInformation`). */
  readonly url: string;
  /** Send the same information again with this key and intake answers the same submission, never a second one. */
  readonly idempotencyKey: string;
}

/** External information as intake shows it (its `ExternalInformationView`): the flag and the caveat always come with it. */
export interface ExternalInformation {
  readonly external: true;
  readonly caveat: string;
  readonly informationId: string;
  readonly receivedAt: string;
  /** The source as the registry holds it. */
  readonly externalSource: { readonly principalId: string; readonly name: string };
  readonly summary: string;
  /** As the source named it; not checked. */
  readonly relatedRequestId?: string;
  readonly species: readonly SpeciesConcerned[];
  readonly platforms: readonly PlatformConcerned[];
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences: readonly EvidenceReference[];
}
