import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { AccreditationSuspendedV1 } from './accreditation-suspended.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const ncbFrance = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const body = { reason: 'The agency reported that its case-management system was breached; suspended pending an audit.' };

/** A complete ncb-endorsement.AccreditationSuspended.v1 event, equal to its golden fixture. */
export const accreditationSuspendedV1Example: CloudEvent<AccreditationSuspendedV1> = {
  specversion: '1.0',
  id: '3f01e234-cea0-4634-987f-69e363ddcbb0',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.AccreditationSuspended.v1',
  subject: 'fr-ofb',
  time: '2025-06-10T14:20:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.AccreditationSuspended.v1',
  traceparent: '00-69077cdc58e4837ada6c828927e550ce-27b0b0a4c41d3882-01',
  correlationid: 'fr-ofb',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    agencyId: 'fr-ofb',
    accreditationId: 'fr-ofb-2025',
    reason: body.reason,
    by: 'ncb-fr',
    at: '2025-06-10T14:20:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: ncbFrance,
      keyId: 'ncb-fr-2025-01',
      path: 'agencies/fr-ofb/accreditations/fr-ofb-2025/suspend',
      body,
      created: 1749565200,
      nonce: '27b0b0a4c41d38824b1ed490',
    }),
  },
};
