import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { RequestDeclinedV1 } from './request-declined.v1.js';

/** A complete ncb-endorsement.RequestDeclined.v1 event,
 * equal to its golden fixture `fixtures/ncb-endorsement.RequestDeclined.v1.json`.
 * The signature bytes are placeholders: the event is valid, not cryptographically verifiable. */
export const requestDeclinedV1Example: CloudEvent<RequestDeclinedV1> = {
  specversion: '1.0',
  id: '1fde188f-57e5-4a82-be9f-cb457920a66f',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.RequestDeclined.v1',
  subject: '9a4d2e71-5c3b-4f08-a6e9-2b7c8d1f0e36',
  time: '2025-03-17T08:12:45.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.RequestDeclined.v1',
  traceparent: '00-58dfae776325ff0fec0b1b6109329270-3aa38e002a48903a-01',
  correlationid: '9a4d2e71-5c3b-4f08-a6e9-2b7c8d1f0e36',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    requestId: '9a4d2e71-5c3b-4f08-a6e9-2b7c8d1f0e36',
    declinedAt: '2025-03-17T08:12:45.000Z',
    ncb: {
      principalId: 'ncb-fr',
      country: 'FR',
    },
    reason: 'The case is already handled through a bilateral channel with the Netherlands; no INTERPOL support is needed.',
    provenance: {
      principal: {
        id: 'ncb-fr',
        kind: 'ncb',
        country: 'FR',
      },
      keyId: 'ncb-fr-2025-01',
      label: 'sig1',
      signatureInput: '("@method" "@target-uri" "content-digest");created=1742199164;keyid="ncb-fr-2025-01";nonce="cc894ea9b5005ccad6508228"',
      signature: 'HMMi8qZgTERfWR80S8nrRdPatTyOkLklODgbi4BIHh2gOeaNxLaikEJJ0y5lIDfmufKCaFx34FiA9nuNKF/oPA==',
      coveredComponents: [
        '"@method"',
        '"@target-uri"',
        '"content-digest"',
      ],
      componentValues: {
        '"@method"': 'POST',
        '"@target-uri"': 'https://endorsement.wildlife.example/v1/requests/9a4d2e71-5c3b-4f08-a6e9-2b7c8d1f0e36/decline',
        '"content-digest"': 'sha-256=:uyy2B1rjGbeeJhc1Y5n3KOSE9rAI4nGavTQDhQXwb1U=:',
      },
      method: 'POST',
      targetUri: 'https://endorsement.wildlife.example/v1/requests/9a4d2e71-5c3b-4f08-a6e9-2b7c8d1f0e36/decline',
      bodyBase64: 'eyJyZXF1ZXN0SWQiOiI5YTRkMmU3MS01YzNiLTRmMDgtYTZlOS0yYjdjOGQxZjBlMzYiLCJyZWFzb24iOiJUaGUgY2FzZSBpcyBhbHJlYWR5IGhhbmRsZWQgdGhyb3VnaCBhIGJpbGF0ZXJhbCBjaGFubmVsIHdpdGggdGhlIE5ldGhlcmxhbmRzOyBubyBJTlRFUlBPTCBzdXBwb3J0IGlzIG5lZWRlZC4ifQ==',
      created: 1742199164,
      nonce: 'cc894ea9b5005ccad6508228',
    },
  },
};
