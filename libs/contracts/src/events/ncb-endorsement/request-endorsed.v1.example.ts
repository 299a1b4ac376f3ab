import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { RequestEndorsedV1 } from './request-endorsed.v1.js';

/** A complete ncb-endorsement.RequestEndorsed.v1 event,
 * equal to its golden fixture `fixtures/ncb-endorsement.RequestEndorsed.v1.json`.
 * The signature bytes are placeholders: the event is valid, not cryptographically verifiable. */
export const requestEndorsedV1Example: CloudEvent<RequestEndorsedV1> = {
  specversion: '1.0',
  id: 'd2b7935e-4a5d-4310-a3bc-536f4723075b',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.RequestEndorsed.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-14T14:31:02.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.RequestEndorsed.v1',
  traceparent: '00-dc011a0b9629d0b1b7246648f5f4b89c-8f367bb002c07f88-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  causationid: 'aa3d46e4-0240-471e-96ec-09a05b3b8408',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    requestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
    endorsedAt: '2025-03-14T14:31:02.000Z',
    ncb: {
      principalId: 'ncb-fr',
      country: 'FR',
    },
    requestingAgency: {
      principalId: 'agency-fr-ofb',
      country: 'FR',
    },
    note: 'Endorsed. Please keep NCB Paris in copy of all exchanges.',
    provenance: {
      principal: {
        id: 'ncb-fr',
        kind: 'ncb',
        country: 'FR',
      },
      keyId: 'ncb-fr-2025-01',
      label: 'sig1',
      signatureInput: '("@method" "@target-uri" "content-digest");created=1741962661;keyid="ncb-fr-2025-01";nonce="77d6944e568073bba40603ac"',
      signature: '482Mo6f9bH+eCP+Jj0dYmK6v6D/ZhWwg/Sl0KKcxjpmfbtcGIiVx2Kdn7ECNVGgcgjvB0uQ1fiQFhWkwHYrj5A==',
      coveredComponents: [
        '"@method"',
        '"@target-uri"',
        '"content-digest"',
      ],
      componentValues: {
        '"@method"': 'POST',
        '"@target-uri"': 'https://endorsement.wildlife.example/v1/requests/6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04/endorsement',
        '"content-digest"': 'sha-256=:L1lZyJ3XZ6E0AHBIqewIGEkomwxRVaCfm9Gq2qYRyVg=:',
      },
      method: 'POST',
      targetUri: 'https://endorsement.wildlife.example/v1/requests/6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04/endorsement',
      bodyBase64: 'eyJyZXF1ZXN0SWQiOiI2ZjFjMmE5ZS00YjdkLTRjMWUtOWEyZi0zZDVlOGI3YzFhMDQiLCJub3RlIjoiRW5kb3JzZWQuIFBsZWFzZSBrZWVwIE5DQiBQYXJpcyBpbiBjb3B5IG9mIGFsbCBleGNoYW5nZXMuIn0=',
      created: 1741962661,
      nonce: '77d6944e568073bba40603ac',
    },
  },
};
