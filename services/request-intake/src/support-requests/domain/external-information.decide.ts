import { EXTERNAL_INFORMATION_CAVEAT } from '@wildlife/contracts';
import type { ActingPrincipal, SignatureMaterial } from './acting-principal.js';
import {
  ExternalInformationAlreadyExists,
  OnlyExternalSourcesSubmitExternalInformation,
  OnlyRegisteredExternalSourcesSubmitExternalInformation,
} from './external-information.errors.js';
import type { ExternalInformationReceived } from './external-information.events.js';
import type { ExternalInformationState } from './external-information.state.js';
import type { CaseFacts } from './support-request.facts.js';

/** Submit external information. The id and time are made by the caller. */
export interface SubmitExternalInformation {
  readonly informationId: string;
  /** RFC 3339. */
  readonly receivedAt: string;
  /** The verified signer, as registered. */
  readonly submitter: ActingPrincipal;
  /** The name the registry holds for the signer as an external source; undefined when it holds none. */
  readonly registeredSourceName: string | undefined;
  readonly summary: string;
  readonly relatedRequestId?: string;
  readonly facts: CaseFacts;
  readonly signatureMaterial: SignatureMaterial;
}

/**
 * Decides an external submission (notification 2.1). Returns exactly one event, always flagged
 * `external: true` with the contract's caveat, or throws:
 * - ExternalInformationAlreadyExists;
 * - OnlyExternalSourcesSubmitExternalInformation: the signer is an agency, an NCB, the GS or an auditor;
 * - OnlyRegisteredExternalSourcesSubmitExternalInformation: the registry holds no external source by that id.
 */
export function decideSubmitExternalInformation(
  command: SubmitExternalInformation,
  state: ExternalInformationState,
): [ExternalInformationReceived] {
  if (state.received) throw new ExternalInformationAlreadyExists(command.informationId);
  if (command.submitter.kind !== 'external-source') throw new OnlyExternalSourcesSubmitExternalInformation(command.submitter.kind);
  if (command.registeredSourceName === undefined) {
    throw new OnlyRegisteredExternalSourcesSubmitExternalInformation(command.submitter.principalId);
  }
  return [
    {
      type: 'ExternalInformationReceived',
      informationId: command.informationId,
      receivedAt: command.receivedAt,
      external: true,
      caveat: EXTERNAL_INFORMATION_CAVEAT,
      externalSource: { ...command.submitter, name: command.registeredSourceName },
      summary: command.summary,
      ...(command.relatedRequestId !== undefined && { relatedRequestId: command.relatedRequestId }),
      facts: command.facts,
      signatureMaterial: command.signatureMaterial,
    },
  ];
}
