import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { KeyRotatedV1 } from './key-rotated.v1.js';
import { exampleRegistryProvenance } from './registry-example-provenance.js';

const ncbFrance = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const body = { keyId: 'fr-ofb-2025-09', publicKey: '9Sq5VECtXTv9fBB06RupQeNXfSu9pcojRsq6GzMedzY', retiredKeyId: 'fr-ofb-2025-01' };

/** A complete ncb-endorsement.KeyRotated.v1 event, equal to its golden fixture. */
export const keyRotatedV1Example: CloudEvent<KeyRotatedV1> = {
  specversion: '1.0',
  id: 'b2d17dea-2204-46db-8ce5-39b970cecd60',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.KeyRotated.v1',
  subject: 'fr-ofb',
  time: '2025-09-02T07:45:01.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.KeyRotated.v1',
  traceparent: '00-2fe4121379cadab60740692d26074243-cb378c4bd1051b98-01',
  correlationid: 'fr-ofb',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    principalId: 'fr-ofb',
    newKey: { keyId: body.keyId, publicKey: body.publicKey },
    retiredKeyId: body.retiredKeyId,
    by: 'ncb-fr',
    at: '2025-09-02T07:45:01.000Z',
    provenance: exampleRegistryProvenance({
      principal: ncbFrance,
      keyId: 'ncb-fr-2025-01',
      path: 'principals/fr-ofb/keys/rotate',
      body,
      created: 1756799100,
      nonce: 'cb378c4bd1051b98f00ea2ab',
    }),
  },
};
