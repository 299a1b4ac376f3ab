import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { RecordRejectedV1 } from './record-rejected.v1.js';

/** A complete provenance.RecordRejected.v1 event,
 * equal to its golden fixture `fixtures/provenance.RecordRejected.v1.json`. */
export const recordRejectedV1Example: CloudEvent<RecordRejectedV1> = {
  specversion: '1.0',
  id: '922ee07a-3754-47cb-a966-45437ee6dafb',
  source: '/wildlife/provenance',
  type: 'provenance.RecordRejected.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-16T21:03:17.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:provenance.RecordRejected.v1',
  traceparent: '00-605088d7bb422e2010d9cb55335a567f-f5752e5b4feed46d-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  causationid: 'fe455016-7488-4afd-8fff-89df2e8231f2',
  principalid: 'ncb-be',
  principalkind: 'ncb',
  principalcountry: 'BE',
  data: {
    recordId: 'fe455016-7488-4afd-8fff-89df2e8231f2',
    recordType: 'ncb-endorsement.RequestEndorsed.v1',
    reason: {
      code: 'acts-outside-its-country',
      text: 'ncb-be signed an endorsement of a request by an agency of FR; an NCB acts for its own country only.',
    },
    logIndex: 1057,
    rejectedAt: '2025-03-16T21:03:17.000Z',
  },
};
