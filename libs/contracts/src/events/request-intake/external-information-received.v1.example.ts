import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { ExternalInformationReceivedV1 } from './external-information-received.v1.js';

/** A complete request-intake.ExternalInformationReceived.v1 event,
 * equal to its golden fixture `fixtures/request-intake.ExternalInformationReceived.v1.json`.
 * The signature bytes are placeholders: the event is valid, not cryptographically verifiable. */
export const externalInformationReceivedV1Example: CloudEvent<ExternalInformationReceivedV1> = {
  specversion: '1.0',
  id: 'a4019aef-ec0e-40d2-beba-8932e806c1df',
  source: '/wildlife/request-intake',
  type: 'request-intake.ExternalInformationReceived.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-15T16:02:11.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:request-intake.ExternalInformationReceived.v1',
  traceparent: '00-475259076cadc7f42626683d5b8ad350-8c1e7649817eae27-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  principalid: 'external-wildwatch',
  principalkind: 'external-source',
  data: {
    informationId: '0d8e5c3b-2a61-4f9e-b7d4-6c1a9e2f3b85',
    receivedAt: '2025-03-15T16:02:11.000Z',
    external: true,
    caveat: 'Information from an external source: INTERPOL is not its source and has not independently verified it.',
    externalSource: {
      principalId: 'external-wildwatch',
      name: 'WildWatch (NGO)',
    },
    summary: 'Our volunteers found the same seller offering African grey parrots in two private groups of a messaging service.',
    relatedRequestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
    species: [
      {
        scientificName: 'Psittacus erithacus',
      },
    ],
    platforms: [
      {
        name: 'Example Messenger',
        countryOfOperation: 'US',
      },
    ],
    countriesConcerned: [
      'FR',
    ],
    evidenceReferences: [
      {
        reference: 'WW-2025-117',
        heldBy: 'external-wildwatch',
      },
    ],
    provenance: {
      principal: {
        id: 'external-wildwatch',
        kind: 'external-source',
      },
      keyId: 'external-wildwatch-2024-02',
      label: 'sig1',
      signatureInput: '("@method" "@target-uri" "content-digest");created=1742054530;keyid="external-wildwatch-2024-02";nonce="87efd8dca331be6228c97f68"',
      signature: '9GGUtDnT2S6kur5J1H+hr6ns1GCyLV8eV+yPQqodATeX86P4mwwrtW12SBePK+ysQ0HVYpZcQjAsQqypFoEpSA==',
      coveredComponents: [
        '"@method"',
        '"@target-uri"',
        '"content-digest"',
      ],
      componentValues: {
        '"@method"': 'POST',
        '"@target-uri"': 'https://intake.wildlife.example/v1/external-information',
        '"content-digest"': 'sha-256=:+UK73pYGg0a0o4MaFoyC+iWl0qNSf6Upn9EiNHl8A6Q=:',
      },
      method: 'POST',
      targetUri: 'https://intake.wildlife.example/v1/external-information',
      bodyBase64: 'eyJzdW1tYXJ5IjoiT3VyIHZvbHVudGVlcnMgZm91bmQgdGhlIHNhbWUgc2VsbGVyIG9mZmVyaW5nIEFmcmljYW4gZ3JleSBwYXJyb3RzIGluIHR3byBwcml2YXRlIGdyb3VwcyBvZiBhIG1lc3NhZ2luZyBzZXJ2aWNlLiIsInJlbGF0ZWRSZXF1ZXN0SWQiOiI2ZjFjMmE5ZS00YjdkLTRjMWUtOWEyZi0zZDVlOGI3YzFhMDQiLCJzcGVjaWVzIjpbeyJzY2llbnRpZmljTmFtZSI6IlBzaXR0YWN1cyBlcml0aGFjdXMifV0sInBsYXRmb3JtcyI6W3sibmFtZSI6IkV4YW1wbGUgTWVzc2VuZ2VyIiwiY291bnRyeU9mT3BlcmF0aW9uIjoiVVMifV0sImNvdW50cmllc0NvbmNlcm5lZCI6WyJGUiJdLCJldmlkZW5jZVJlZmVyZW5jZXMiOlt7InJlZmVyZW5jZSI6IldXLTIwMjUtMTE3IiwiaGVsZEJ5IjoiZXh0ZXJuYWwtd2lsZHdhdGNoIn1dfQ==',
      created: 1742054530,
      nonce: '87efd8dca331be6228c97f68',
    },
  },
};
