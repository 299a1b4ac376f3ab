import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { AgencyAccreditedV1 } from './agency-accredited.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const ncbFrance = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const body = {
  accreditationId: 'fr-ofb-2025',
  scope: ['information-sharing', 'operational-support'],
  validFrom: '2025-03-03T09:05:00.000Z',
  validUntil: '2027-03-03T09:05:00.000Z',
} as const;

/** A complete ncb-endorsement.AgencyAccredited.v1 event, equal to its golden fixture. */
export const agencyAccreditedV1Example: CloudEvent<AgencyAccreditedV1> = {
  specversion: '1.0',
  id: 'f0933bbe-eacc-4b60-a8c5-d5080ab1bba3',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.AgencyAccredited.v1',
  subject: 'fr-ofb',
  time: '2025-03-03T09:05:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.AgencyAccredited.v1',
  traceparent: '00-6bae9fccb3fb6a013ee2db45abf042fb-345627af6e728790-01',
  correlationid: 'fr-ofb',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    agencyId: 'fr-ofb',
    accreditationId: body.accreditationId,
    scope: [...body.scope],
    validFrom: body.validFrom,
    validUntil: body.validUntil,
    by: 'ncb-fr',
    at: '2025-03-03T09:05:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: ncbFrance,
      keyId: 'ncb-fr-2025-01',
      path: 'agencies/fr-ofb/accreditations',
      body,
      created: 1740992700,
      nonce: '345627af6e7287909c451d5f',
    }),
  },
};
