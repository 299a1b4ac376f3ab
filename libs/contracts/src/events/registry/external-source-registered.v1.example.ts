import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { ExternalSourceRegisteredV1 } from './external-source-registered.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const generalSecretariat = { id: 'gs', kind: 'general-secretariat' } as const;
const body = {
  sourceId: 'ngo-traffic-watch',
  name: 'Traffic Watch (NGO)',
  keyId: 'ngo-traffic-watch-2025-01',
  publicKey: 'VycgMIO9pBRP42lfjkIk36JHOykJrVx4_lnovVZHh6U',
};

/** A complete ncb-endorsement.ExternalSourceRegistered.v1 event, equal to its golden fixture. */
export const externalSourceRegisteredV1Example: CloudEvent<ExternalSourceRegisteredV1> = {
  specversion: '1.0',
  id: 'fff7dec8-a62e-4739-b390-6a6a0f7864e8',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.ExternalSourceRegistered.v1',
  subject: 'ngo-traffic-watch',
  time: '2025-03-04T11:00:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.ExternalSourceRegistered.v1',
  traceparent: '00-27c9436ccda59d97d5160d8354b27642-56faa6c71e696105-01',
  correlationid: 'ngo-traffic-watch',
  principalid: 'gs',
  principalkind: 'general-secretariat',
  data: {
    sourceId: body.sourceId,
    name: body.name,
    key: { keyId: body.keyId, publicKey: body.publicKey },
    by: 'gs',
    at: '2025-03-04T11:00:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: generalSecretariat,
      keyId: 'gs-2025-01',
      path: 'external-sources',
      body,
      created: 1741086000,
      nonce: '56faa6c71e6961058968a38f',
    }),
  },
};
