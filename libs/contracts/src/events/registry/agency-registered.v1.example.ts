import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { AgencyRegisteredV1 } from './agency-registered.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const ncbFrance = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const body = {
  agencyId: 'fr-ofb',
  name: 'Office français de la biodiversité',
  keyId: 'fr-ofb-2025-01',
  publicKey: 'xYyfnbxv1IFqj9QmW1wf__SywyuFopY_vMAxKxSwPWw',
};

/** A complete ncb-endorsement.AgencyRegistered.v1 event, equal to its golden fixture. */
export const agencyRegisteredV1Example: CloudEvent<AgencyRegisteredV1> = {
  specversion: '1.0',
  id: 'd2cecd0b-c874-4cbb-919f-65e5adeab66a',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.AgencyRegistered.v1',
  subject: 'fr-ofb',
  time: '2025-03-03T09:00:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.AgencyRegistered.v1',
  traceparent: '00-2a587d6e8fc5e70ef9f377a6f83411fa-4a22b6204725fa44-01',
  correlationid: 'fr-ofb',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    agencyId: 'fr-ofb',
    country: 'FR',
    name: body.name,
    key: { keyId: body.keyId, publicKey: body.publicKey },
    registeredBy: 'ncb-fr',
    at: '2025-03-03T09:00:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: ncbFrance,
      keyId: 'ncb-fr-2025-01',
      path: 'agencies',
      body,
      created: 1740992400,
      nonce: '4a22b6204725fa44c615b2bc',
    }),
  },
};
