import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { DirectContactPermitRevokedV1 } from './direct-contact-permit-revoked.v1.js';

/** A complete ncb-endorsement.DirectContactPermitRevoked.v1 event,
 * equal to its golden fixture `fixtures/ncb-endorsement.DirectContactPermitRevoked.v1.json`.
 * The signature bytes are placeholders: the event is valid, not cryptographically verifiable. */
export const directContactPermitRevokedV1Example: CloudEvent<DirectContactPermitRevokedV1> = {
  specversion: '1.0',
  id: '424c038c-679e-458a-b885-74e0ccc6e066',
  source: '/wildlife/ncb-endorsement',
  type: 'ncb-endorsement.DirectContactPermitRevoked.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-05-02T11:47:30.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:ncb-endorsement.DirectContactPermitRevoked.v1',
  traceparent: '00-c0f37e0975ea361d67a8c1d6f3a9931a-68e5b94aff7c6f60-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  principalid: 'ncb-fr',
  principalkind: 'ncb',
  principalcountry: 'FR',
  data: {
    permitId: '3c7e9b12-8d4f-4a6e-b1c5-7f2d0a9e8b64',
    requestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
    endorsementRecordId: 'd2b7935e-4a5d-4310-a3bc-536f4723075b',
    revokedAt: '2025-05-02T11:47:30.000Z',
    reason: 'The agency officer named in the request has left the case; contact goes through NCB Paris again.',
    provenance: {
      principal: {
        id: 'ncb-fr',
        kind: 'ncb',
        country: 'FR',
      },
      keyId: 'ncb-fr-2025-01',
      label: 'sig1',
      signatureInput: '("@method" "@target-uri" "content-digest");created=1746186449;keyid="ncb-fr-2025-01";nonce="c6a15244ba34b2c30a6bad17"',
      signature: 'GSMXUH/xixA2vWx9XiYHcyPB5x6GX8lPKfjK3kBU1shE1TZiTBuWWIN1unmaf6RdutXa3ZHWMG6wjV0cfrvi9A==',
      coveredComponents: [
        '"@method"',
        '"@target-uri"',
        '"content-digest"',
      ],
      componentValues: {
        '"@method"': 'POST',
        '"@target-uri"': 'https://endorsement.wildlife.example/v1/permits/3c7e9b12-8d4f-4a6e-b1c5-7f2d0a9e8b64/revocation',
        '"content-digest"': 'sha-256=:TbisKovONLmtOTvAInVPCzyJhGZCMlVaLOjY8dP1n3M=:',
      },
      method: 'POST',
      targetUri: 'https://endorsement.wildlife.example/v1/permits/3c7e9b12-8d4f-4a6e-b1c5-7f2d0a9e8b64/revocation',
      bodyBase64: 'eyJyZWFzb24iOiJUaGUgYWdlbmN5IG9mZmljZXIgbmFtZWQgaW4gdGhlIHJlcXVlc3QgaGFzIGxlZnQgdGhlIGNhc2U7IGNvbnRhY3QgZ29lcyB0aHJvdWdoIE5DQiBQYXJpcyBhZ2Fpbi4ifQ==',
      created: 1746186449,
      nonce: 'c6a15244ba34b2c30a6bad17',
    },
  },
};
