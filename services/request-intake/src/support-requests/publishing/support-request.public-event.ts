import type { SupportRequestSubmittedV1 } from '@wildlife/contracts';
import type { SupportRequestSubmitted } from '../domain/support-request.events.js';
import { recordProvenanceOf } from './record-provenance.js';

/** The public data of a submission; the signer is the record's provenance principal. */
export function supportRequestSubmittedV1Of(event: SupportRequestSubmitted): SupportRequestSubmittedV1 {
  const { facts } = event;
  return {
    requestId: event.requestId,
    submittedAt: event.submittedAt,
    requestingAgency: event.requestingAgency,
    submittedBy: event.channel,
    capabilities: facts.capabilities,
    generalServices: facts.generalServices,
    ...(facts.operationalSupport !== undefined && { operationalSupport: facts.operationalSupport }),
    natureOfHelp: facts.natureOfHelp,
    caseSummary: facts.caseSummary,
    urgency: facts.urgency,
    species: facts.species,
    platforms: facts.platforms,
    countriesConcerned: facts.countriesConcerned,
    evidenceReferences: facts.evidenceReferences,
    provenance: recordProvenanceOf(event.submittedBy, event.signatureMaterial),
  };
}
