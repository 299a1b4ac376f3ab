import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { RecordVerifiedV1 } from './record-verified.v1.js';

/** A complete provenance.RecordVerified.v1 event,
 * equal to its golden fixture `fixtures/provenance.RecordVerified.v1.json`. */
export const recordVerifiedV1Example: CloudEvent<RecordVerifiedV1> = {
  specversion: '1.0',
  id: '8e2cbc8b-98b8-43fc-b11c-f5284e832c47',
  source: '/wildlife/provenance',
  type: 'provenance.RecordVerified.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-14T09:26:54.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:provenance.RecordVerified.v1',
  traceparent: '00-e58cb36131ed51fb5a980cdfe3610853-4dfffb1816f08729-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  causationid: 'aa3d46e4-0240-471e-96ec-09a05b3b8408',
  principalid: 'agency-fr-ofb',
  principalkind: 'agency',
  principalcountry: 'FR',
  data: {
    recordId: 'aa3d46e4-0240-471e-96ec-09a05b3b8408',
    recordType: 'request-intake.SupportRequestSubmitted.v1',
    classification: 'official',
    reason: 'agency-fr-ofb is accredited by ncb-fr for wildlife crime; signature verified with key agency-fr-ofb-2025-01.',
    logIndex: 1042,
    verifiedAt: '2025-03-14T09:26:54.000Z',
  },
};
