import type { CloudEvent } from '../../envelope/cloud-event.js';
import type { SupportRequestSubmittedV1 } from './support-request-submitted.v1.js';

/** A complete request-intake.SupportRequestSubmitted.v1 event,
 * equal to its golden fixture `fixtures/request-intake.SupportRequestSubmitted.v1.json`.
 * The signature bytes are placeholders: the event is valid, not cryptographically verifiable. */
export const supportRequestSubmittedV1Example: CloudEvent<SupportRequestSubmittedV1> = {
  specversion: '1.0',
  id: 'aa3d46e4-0240-471e-96ec-09a05b3b8408',
  source: '/wildlife/request-intake',
  type: 'request-intake.SupportRequestSubmitted.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-14T09:26:53.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:wildlife:schema:request-intake.SupportRequestSubmitted.v1',
  traceparent: '00-419f8ce2410a7e04db77897f1a4ef9c2-e9cc43c1d6f8c199-01',
  correlationid: 'b3f0d6a2-7c41-4e5b-8d2a-91c7e4f05a13',
  principalid: 'agency-fr-ofb',
  principalkind: 'agency',
  principalcountry: 'FR',
  data: {
    requestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
    submittedAt: '2025-03-14T09:26:53.000Z',
    requestingAgency: {
      principalId: 'agency-fr-ofb',
      country: 'FR',
    },
    submittedBy: 'requesting-agency',
    capabilities: [
      'information-sharing',
      'operational-support',
    ],
    generalServices: [
      'diffusions',
      'database-searches',
    ],
    operationalSupport: {
      istDeployment: false,
      coordinationMeeting: true,
    },
    natureOfHelp: [
      'investigation-support',
      'criminal-intelligence-analysis',
    ],
    caseSummary: 'Juvenile African grey parrots offered for sale on a classifieds platform operated from the Netherlands; sellers in France, buyers in France and Belgium. We ask for intelligence on the sellers\' accounts and a coordination meeting with the NCBs concerned.',
    urgency: 'urgent',
    species: [
      {
        scientificName: 'Psittacus erithacus',
        citesAppendix: 'I',
      },
    ],
    platforms: [
      {
        name: 'Example Classifieds',
        url: 'https://classifieds.example/listing/48213',
        countryOfOperation: 'NL',
      },
    ],
    countriesConcerned: [
      'FR',
      'NL',
      'BE',
    ],
    evidenceReferences: [
      {
        reference: 'OFB-2025-0412/PV-3',
        heldBy: 'agency-fr-ofb',
        description: 'Archived copies of 14 listings and seller profiles',
      },
    ],
    provenance: {
      principal: {
        id: 'agency-fr-ofb',
        kind: 'agency',
        country: 'FR',
      },
      keyId: 'agency-fr-ofb-2025-01',
      label: 'sig1',
      signatureInput: '("@method" "@target-uri" "content-digest");created=1741944412;keyid="agency-fr-ofb-2025-01";nonce="525230519ee2beb240f02c26"',
      signature: 'sdkxBMweHyCUdVLvouT+VN51fFG5GGX2aG1d+RN9NPFUW2GMUmhmxowVmEMRNnqpPfMNafAtEsZTVGwMxUbApw==',
      coveredComponents: [
        '"@method"',
        '"@target-uri"',
        '"content-digest"',
      ],
      componentValues: {
        '"@method"': 'POST',
        '"@target-uri"': 'https://intake.wildlife.example/v1/support-requests',
        '"content-digest"': 'sha-256=:LC2Nxuv5+7nNs2UJ23kyLHZ5dfYitRd1w21j8NQSjh4=:',
      },
      method: 'POST',
      targetUri: 'https://intake.wildlife.example/v1/support-requests',
      bodyBase64: 'eyJjYXBhYmlsaXRpZXMiOlsiaW5mb3JtYXRpb24tc2hhcmluZyIsIm9wZXJhdGlvbmFsLXN1cHBvcnQiXSwiZ2VuZXJhbFNlcnZpY2VzIjpbImRpZmZ1c2lvbnMiLCJkYXRhYmFzZS1zZWFyY2hlcyJdLCJvcGVyYXRpb25hbFN1cHBvcnQiOnsiaXN0RGVwbG95bWVudCI6ZmFsc2UsImNvb3JkaW5hdGlvbk1lZXRpbmciOnRydWV9LCJuYXR1cmVPZkhlbHAiOlsiaW52ZXN0aWdhdGlvbi1zdXBwb3J0IiwiY3JpbWluYWwtaW50ZWxsaWdlbmNlLWFuYWx5c2lzIl0sImNhc2VTdW1tYXJ5IjoiSnV2ZW5pbGUgQWZyaWNhbiBncmV5IHBhcnJvdHMgb2ZmZXJlZCBmb3Igc2FsZSBvbiBhIGNsYXNzaWZpZWRzIHBsYXRmb3JtIG9wZXJhdGVkIGZyb20gdGhlIE5ldGhlcmxhbmRzOyBzZWxsZXJzIGluIEZyYW5jZSwgYnV5ZXJzIGluIEZyYW5jZSBhbmQgQmVsZ2l1bS4gV2UgYXNrIGZvciBpbnRlbGxpZ2VuY2Ugb24gdGhlIHNlbGxlcnMnIGFjY291bnRzIGFuZCBhIGNvb3JkaW5hdGlvbiBtZWV0aW5nIHdpdGggdGhlIE5DQnMgY29uY2VybmVkLiIsInVyZ2VuY3kiOiJ1cmdlbnQiLCJzcGVjaWVzIjpbeyJzY2llbnRpZmljTmFtZSI6IlBzaXR0YWN1cyBlcml0aGFjdXMiLCJjaXRlc0FwcGVuZGl4IjoiSSJ9XSwicGxhdGZvcm1zIjpbeyJuYW1lIjoiRXhhbXBsZSBDbGFzc2lmaWVkcyIsInVybCI6Imh0dHBzOi8vY2xhc3NpZmllZHMuZXhhbXBsZS9saXN0aW5nLzQ4MjEzIiwiY291bnRyeU9mT3BlcmF0aW9uIjoiTkwifV0sImNvdW50cmllc0NvbmNlcm5lZCI6WyJGUiIsIk5MIiwiQkUiXSwiZXZpZGVuY2VSZWZlcmVuY2VzIjpbeyJyZWZlcmVuY2UiOiJPRkItMjAyNS0wNDEyL1BWLTMiLCJoZWxkQnkiOiJhZ2VuY3ktZnItb2ZiIiwiZGVzY3JpcHRpb24iOiJBcmNoaXZlZCBjb3BpZXMgb2YgMTQgbGlzdGluZ3MgYW5kIHNlbGxlciBwcm9maWxlcyJ9XX0=',
      created: 1741944412,
      nonce: '525230519ee2beb240f02c26',
    },
  },
};
