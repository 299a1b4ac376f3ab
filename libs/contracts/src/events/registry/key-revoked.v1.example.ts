import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { KeyRevokedV1 } from './key-revoked.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const ncbFrance = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const body = { reason: 'compromised', compromisedSince: '2025-08-30T00:00:00.000Z' } as const;

/** A complete ncb-endorsement.KeyRevoked.v1 event, equal to its golden fixture. */
export const keyRevokedV1Example: CloudEvent<KeyRevokedV1> = {
  specversion: '1.0',
  id: '289c8555-e7a4-4d49-a2c2-952ffea1be26',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.KeyRevoked.v1',
  subject: 'fr-ofb',
  time: '2025-09-02T07:50:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.KeyRevoked.v1',
  traceparent: '00-2ce49cbd1cab57e9116789275aca919d-b57685e3895c2213-01',
  correlationid: 'fr-ofb',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    principalId: 'fr-ofb',
    keyId: 'fr-ofb-2025-01',
    reason: body.reason,
    compromisedSince: body.compromisedSince,
    by: 'ncb-fr',
    at: '2025-09-02T07:50:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: ncbFrance,
      keyId: 'ncb-fr-2025-01',
      path: 'principals/fr-ofb/keys/fr-ofb-2025-01/revoke',
      body,
      created: 1756799400,
      nonce: 'b57685e3895c2213b6e97f87',
    }),
  },
};
