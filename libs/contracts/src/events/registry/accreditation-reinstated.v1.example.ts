import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { AccreditationReinstatedV1 } from './accreditation-reinstated.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const ncbFrance = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const body = { note: 'Audit closed: the breach did not reach case data.' };

/** A complete ncb-endorsement.AccreditationReinstated.v1 event, equal to its golden fixture. */
export const accreditationReinstatedV1Example: CloudEvent<AccreditationReinstatedV1> = {
  specversion: '1.0',
  id: 'd14a7c60-00a4-4957-a3f2-463028abb558',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.AccreditationReinstated.v1',
  subject: 'fr-ofb',
  time: '2025-06-24T08:30:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.AccreditationReinstated.v1',
  traceparent: '00-8b3e8eeef0edcbd37e6a150259aaffe7-96b4ca3435234a16-01',
  correlationid: 'fr-ofb',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    agencyId: 'fr-ofb',
    accreditationId: 'fr-ofb-2025',
    note: body.note,
    by: 'ncb-fr',
    at: '2025-06-24T08:30:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: ncbFrance,
      keyId: 'ncb-fr-2025-01',
      path: 'agencies/fr-ofb/accreditations/fr-ofb-2025/reinstate',
      body,
      created: 1750753800,
      nonce: '96b4ca3435234a168b9af83a',
    }),
  },
};
