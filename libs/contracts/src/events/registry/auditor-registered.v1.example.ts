import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { AuditorRegisteredV1 } from './auditor-registered.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const generalSecretariat = { id: 'gs', kind: 'general-secretariat' } as const;
const body = {
  auditorId: 'auditor-1',
  name: 'Independent auditor 1',
  keyId: 'auditor-1-2025-01',
  publicKey: 'BU_NxXEPrl3Yuck_umAMusNuZ0KHWI11s2X0Q9-apNA',
};

/** A complete ncb-endorsement.AuditorRegistered.v1 event, equal to its golden fixture. */
export const auditorRegisteredV1Example: CloudEvent<AuditorRegisteredV1> = {
  specversion: '1.0',
  id: '48b14440-a6fa-4ed8-aa31-9aff2175a635',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.AuditorRegistered.v1',
  subject: 'auditor-1',
  time: '2025-03-04T11:10:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.AuditorRegistered.v1',
  traceparent: '00-ea968ea78bfda313450c869a2dc323ff-b695d9dae5600863-01',
  correlationid: 'auditor-1',
  principalid: 'gs',
  principalkind: 'general-secretariat',
  data: {
    auditorId: body.auditorId,
    name: body.name,
    key: { keyId: body.keyId, publicKey: body.publicKey },
    by: 'gs',
    at: '2025-03-04T11:10:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: generalSecretariat,
      keyId: 'gs-2025-01',
      path: 'auditors',
      body,
      created: 1741086600,
      nonce: 'b695d9dae560086369002d4b',
    }),
  },
};
