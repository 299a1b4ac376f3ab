import { randomUUID } from 'node:crypto';

/** A valid support request body; `overrides` replace or add fields. */
export function supportRequestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    capabilities: ['information-sharing', 'operational-support'],
    generalServices: ['diffusions'],
    operationalSupport: { istDeployment: false, coordinationMeeting: true },
    natureOfHelp: ['investigation-support'],
    caseSummary: `Juvenile African grey parrots offered on a classifieds platform (case ${randomUUID()}).`,
    urgency: 'urgent',
    species: [{ scientificName: 'Psittacus erithacus', citesAppendix: 'I' }],
    platforms: [{ name: 'Example Classifieds', url: 'https://classifieds.example/listing/48213', countryOfOperation: 'NL' }],
    countriesConcerned: ['FR', 'NL', 'BE'],
    evidenceReferences: [{ reference: 'OFB-2025-0412/PV-3', heldBy: 'agency-fr-ofb' }],
    ...overrides,
  };
}

/** A valid external-information body. */
export function externalInformationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: `The same seller offers African grey parrots in two private groups (${randomUUID()}).`,
    species: [{ scientificName: 'Psittacus erithacus' }],
    platforms: [{ name: 'Example Messenger', countryOfOperation: 'US' }],
    countriesConcerned: ['FR'],
    evidenceReferences: [{ reference: 'WW-2025-117', heldBy: 'external-wildwatch' }],
    ...overrides,
  };
}
