import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { DirectContactPermitIssuedV1 } from './direct-contact-permit-issued.v1.js';

/** A complete ncb-endorsement.DirectContactPermitIssued.v1 event,
 * equal to its golden fixture `fixtures/ncb-endorsement.DirectContactPermitIssued.v1.json`. */
export const directContactPermitIssuedV1Example: CloudEvent<DirectContactPermitIssuedV1> = {
  specversion: '1.0',
  id: '32cd0883-be52-43d1-8836-a22df6caa438',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.DirectContactPermitIssued.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-14T14:31:02.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.DirectContactPermitIssued.v1',
  traceparent: '00-5d1b745414eb0ce6484a2a18a9fc6bbf-2b44923b048bde7c-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  causationid: 'd2b7935e-4a5d-4310-a3bc-536f4723075b',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    permitId: '3c7e9b12-8d4f-4a6e-b1c5-7f2d0a9e8b64',
    requestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
    agency: {
      principalId: 'agency-fr-ofb',
      country: 'FR',
    },
    gsTeam: 'gs-environmental-security',
    issuedAt: '2025-03-14T14:31:02.000Z',
    expiresAt: '2025-09-14T14:31:02.000Z',
  },
};
