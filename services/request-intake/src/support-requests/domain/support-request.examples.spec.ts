// Example commands and facts for the unit specs of request intake. The `.spec.ts` suffix keeps this
// file out of the build; it holds no tests itself.
import { randomUUID } from 'node:crypto';
import { supportRequestSubmittedV1Example, type AgencyReference } from '@wildlife/contracts';
import type { ActingPrincipal, SignatureMaterial } from './acting-principal.js';
import type { SubmitExternalInformation } from './external-information.decide.js';
import type { SubmitSupportRequest } from './support-request.commands.js';
import type { SupportRequestFacts } from './support-request.facts.js';

const { principal: _signer, ...exampleMaterial } = supportRequestSubmittedV1Example.data.provenance;

/** Signature material in the contract's shape; its bytes are placeholders, never verified here. */
export const signatureMaterial: SignatureMaterial = exampleMaterial;

export const frenchAgency: ActingPrincipal = { principalId: 'agency-fr-ofb', kind: 'agency', country: 'FR' };
export const frenchNcb: ActingPrincipal = { principalId: 'ncb-fr', kind: 'ncb', country: 'FR' };
export const kenyanNcb: ActingPrincipal = { principalId: 'ncb-ke', kind: 'ncb', country: 'KE' };
export const frenchAgencyReference: AgencyReference = { principalId: 'agency-fr-ofb', country: 'FR' };
export const wildWatch: ActingPrincipal = { principalId: 'external-wildwatch', kind: 'external-source' };

export const supportRequestFacts: SupportRequestFacts = {
  capabilities: ['information-sharing', 'operational-support'],
  generalServices: ['diffusions'],
  operationalSupport: { istDeployment: false, coordinationMeeting: true },
  natureOfHelp: ['investigation-support'],
  caseSummary: 'Juvenile African grey parrots offered on a classifieds platform operated from the Netherlands.',
  urgency: 'urgent',
  species: [{ scientificName: 'Psittacus erithacus', citesAppendix: 'I' }],
  platforms: [{ name: 'Example Classifieds', url: 'https://classifieds.example/listing/48213', countryOfOperation: 'NL' }],
  countriesConcerned: ['FR', 'NL', 'BE'],
  evidenceReferences: [{ reference: 'OFB-2025-0412/PV-3', heldBy: 'agency-fr-ofb' }],
};

/** A submission by the French agency itself, with a fresh request id. */
export function submissionByTheAgency(overrides: Partial<SubmitSupportRequest> = {}): SubmitSupportRequest {
  return {
    requestId: randomUUID(),
    submittedAt: '2025-03-14T09:26:53.000Z',
    submitter: frenchAgency,
    onBehalfOfAgency: undefined,
    facts: supportRequestFacts,
    signatureMaterial,
    ...overrides,
  };
}

/** A submission by the French NCB on behalf of the French agency, with a fresh request id. */
export function submissionByTheNcb(overrides: Partial<SubmitSupportRequest> = {}): SubmitSupportRequest {
  return submissionByTheAgency({ submitter: frenchNcb, onBehalfOfAgency: frenchAgencyReference, ...overrides });
}

/** External information from WildWatch, a registered external source, with a fresh id. */
export function externalSubmission(overrides: Partial<SubmitExternalInformation> = {}): SubmitExternalInformation {
  return {
    informationId: randomUUID(),
    receivedAt: '2025-03-15T16:02:11.000Z',
    submitter: wildWatch,
    registeredSourceName: 'WildWatch (NGO)',
    summary: 'The same seller offers African grey parrots in two private groups of a messaging service.',
    facts: {
      species: [{ scientificName: 'Psittacus erithacus' }],
      platforms: [{ name: 'Example Messenger', countryOfOperation: 'US' }],
      countriesConcerned: ['FR'],
      evidenceReferences: [{ reference: 'WW-2025-117', heldBy: 'external-wildwatch' }],
    },
    signatureMaterial: { ...signatureMaterial, keyId: 'external-wildwatch-2024-02' },
    ...overrides,
  };
}
