import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { DecisionSetAsideV1 } from './decision-set-aside.v1.js';

/** A complete ncb-endorsement.DecisionSetAside.v1 event,
 * equal to its golden fixture `fixtures/ncb-endorsement.DecisionSetAside.v1.json`. */
export const decisionSetAsideV1Example: CloudEvent<DecisionSetAsideV1> = {
  specversion: '1.0',
  id: '5b0e2f43-91c6-4d7a-8e3b-c2a4f6d81e97',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.DecisionSetAside.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-16T21:03:18.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.DecisionSetAside.v1',
  traceparent: '00-3c2f8e1a6b9d4e7f0a5c2b8d1e6f4a93-7e1d2c3b4a596870-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  causationid: '8a41c7e2-3f5d-4b69-9e0a-7c2d1b6f4e85',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    requestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
    recordId: 'd2b7935e-4a5d-4310-a3bc-536f4723075b',
    recordType: 'ncb-endorsement.RequestEndorsed.v1',
    reason: {
      code: 'signature-invalid',
      text: 'The signature does not verify with key "ncb-fr-2025" as registered.',
    },
    setAsideAt: '2025-03-16T21:03:17.000Z',
    status: 'acknowledged',
    voidedPermitId: '3c7e9b12-8d4f-4a6e-b1c5-7f2d0a9e8b64',
  },
};
