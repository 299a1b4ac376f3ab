import type { EvidenceReference, PlatformConcerned, SpeciesConcerned } from '@wildlife/contracts';
import type { CaseFacts, SupportRequestFacts } from '../domain/support-request.facts.js';
import type { EvidenceReferenceBody, PlatformConcernedBody, SpeciesConcernedBody } from './case-facts.request.dto.js';
import type { SubmitSupportRequestBody } from './submit-support-request/submit-support-request.request.dto.js';

// Validated bodies as plain facts: class instances and fields left out (undefined) never reach an
// event, so the stored event, the published data and their JSON Schemas all see the same object.

const species = (body: SpeciesConcernedBody): SpeciesConcerned => ({
  scientificName: body.scientificName,
  ...(body.citesAppendix !== undefined && { citesAppendix: body.citesAppendix }),
});

const platform = (body: PlatformConcernedBody): PlatformConcerned => ({
  name: body.name,
  ...(body.url !== undefined && { url: body.url }),
  countryOfOperation: body.countryOfOperation,
});

const evidence = (body: EvidenceReferenceBody): EvidenceReference => ({
  reference: body.reference,
  heldBy: body.heldBy,
  ...(body.description !== undefined && { description: body.description }),
});

export interface CaseFactsBody {
  readonly species: readonly SpeciesConcernedBody[];
  readonly platforms: readonly PlatformConcernedBody[];
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences: readonly EvidenceReferenceBody[];
}

export function caseFactsOf(body: CaseFactsBody): CaseFacts {
  return {
    species: body.species.map(species),
    platforms: body.platforms.map(platform),
    countriesConcerned: [...body.countriesConcerned],
    evidenceReferences: body.evidenceReferences.map(evidence),
  };
}

export function supportRequestFactsOf(body: SubmitSupportRequestBody): SupportRequestFacts {
  const { operationalSupport } = body;
  return {
    capabilities: [...body.capabilities],
    generalServices: [...body.generalServices],
    ...(operationalSupport !== undefined && {
      operationalSupport: { istDeployment: operationalSupport.istDeployment, coordinationMeeting: operationalSupport.coordinationMeeting },
    }),
    natureOfHelp: [...body.natureOfHelp],
    caseSummary: body.caseSummary,
    urgency: body.urgency,
    ...caseFactsOf(body),
  };
}
