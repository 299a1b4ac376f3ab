import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { AccreditationRevokedV1 } from './accreditation-revoked.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const ncbFrance = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const body = { reason: 'The agency no longer has a mandate for wildlife crime after the 2025 reorganisation.' };

/** A complete ncb-endorsement.AccreditationRevoked.v1 event, equal to its golden fixture. */
export const accreditationRevokedV1Example: CloudEvent<AccreditationRevokedV1> = {
  specversion: '1.0',
  id: '5e681915-789f-4a69-acf3-e8770df3660b',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.AccreditationRevoked.v1',
  subject: 'fr-ofb',
  time: '2025-09-01T10:00:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.AccreditationRevoked.v1',
  traceparent: '00-88997cf8b8bc47f354d055e1052e61dc-f4ace142959f4bb8-01',
  correlationid: 'fr-ofb',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    agencyId: 'fr-ofb',
    accreditationId: 'fr-ofb-2025',
    reason: body.reason,
    by: 'ncb-fr',
    at: '2025-09-01T10:00:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: ncbFrance,
      keyId: 'ncb-fr-2025-01',
      path: 'agencies/fr-ofb/accreditations/fr-ofb-2025/revoke',
      body,
      created: 1756720800,
      nonce: 'f4ace142959f4bb8b7a30146',
    }),
  },
};
