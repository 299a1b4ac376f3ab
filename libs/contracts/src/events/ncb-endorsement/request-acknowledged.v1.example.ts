import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { RequestAcknowledgedV1 } from './request-acknowledged.v1.js';

/** A complete ncb-endorsement.RequestAcknowledged.v1 event,
 * equal to its golden fixture `fixtures/ncb-endorsement.RequestAcknowledged.v1.json`.
 * The signature bytes are placeholders: the event is valid, not cryptographically verifiable. */
export const requestAcknowledgedV1Example: CloudEvent<RequestAcknowledgedV1> = {
  specversion: '1.0',
  id: 'd8fa9b64-692f-4c43-81bd-cd106b90cc10',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.RequestAcknowledged.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-14T10:05:40.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.RequestAcknowledged.v1',
  traceparent: '00-b261999a77a4e45dc2eb46dee4d1e8cc-deb016b60e3ec73f-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  causationid: 'aa3d46e4-0240-471e-96ec-09a05b3b8408',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    requestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
    acknowledgedAt: '2025-03-14T10:05:40.000Z',
    ncb: {
      principalId: 'ncb-fr',
      country: 'FR',
    },
    provenance: {
      principal: {
        id: 'ncb-fr',
        kind: 'ncb',
        country: 'FR',
      },
      keyId: 'ncb-fr-2025-01',
      label: 'sig1',
      signatureInput: '("@method" "@target-uri" "content-digest");created=1741946739;keyid="ncb-fr-2025-01";nonce="a30c00513539cec6d5944a65"',
      signature: 'JmOF4S7Hb9JjgzCPAI1km4tcB5HAvw8PH0tzAiG7nrO4lbgfwm37ujtdJbbcfwJs/aIYDKC7qi5klL3Sh2SlGg==',
      coveredComponents: [
        '"@method"',
        '"@target-uri"',
        '"content-digest"',
      ],
      componentValues: {
        '"@method"': 'POST',
        '"@target-uri"': 'https://endorsement.wildlife.example/v1/requests/6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04/acknowledgement',
        '"content-digest"': 'sha-256=:sSbscARFo+m5BvvcyVlVMWI3dLOsE8CScXTQ1J73yt0=:',
      },
      method: 'POST',
      targetUri: 'https://endorsement.wildlife.example/v1/requests/6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04/acknowledgement',
      bodyBase64: 'eyJyZXF1ZXN0SWQiOiI2ZjFjMmE5ZS00YjdkLTRjMWUtOWEyZi0zZDVlOGI3YzFhMDQifQ==',
      created: 1741946739,
      nonce: 'a30c00513539cec6d5944a65',
    },
  },
};
