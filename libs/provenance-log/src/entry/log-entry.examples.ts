import type { LogEntry } from './log-entry.js';

// Entries as the provenance service writes them; shared by the format's tests and documentation.

/** An accredited agency's support request: official, resting on its registration and accreditation entries. */
export const officialEntry: LogEntry = {
  v: 1,
  sequence: 7,
  time: '2025-03-01T10:00:02.000Z',
  record: {
    id: '0195f0e4-7c1a-7e4b-9f00-3b1f2c4d5e6f',
    type: 'request-intake.SupportRequestSubmitted.v1',
    subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
    time: '2025-03-01T10:00:01.000Z',
  },
  source: { id: 'agency-ke-kws', kind: 'agency', country: 'KE' },
  classification: 'official',
  reason: { code: 'accredited-agency', text: 'agency-ke-kws is accredited by ncb-ke for this scope' },
  basis: [2, 3],
  evidence: {
    label: 'sig1',
    keyId: 'agency-ke-kws-2025-01',
    signatureInput: '("@method" "@target-uri" "content-digest");created=1740823201;keyid="agency-ke-kws-2025-01";nonce="n-1"',
    signature: 'c2lnbmF0dXJl',
    coveredComponents: ['"@method"', '"@target-uri"', '"content-digest"'],
    componentValues: { '"@method"': 'POST', '"@target-uri"': 'https://intake.example/v1/requests', '"content-digest"': 'sha-256=:AA==:' },
    method: 'POST',
    targetUri: 'https://intake.example/v1/requests',
    bodyBase64: 'e30=',
    created: 1740823201,
    nonce: 'n-1',
  },
  recordData: { requestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04', requestingAgency: { principalId: 'agency-ke-kws', country: 'KE' } },
};

/** A message that never parsed: no source, no evidence, identified by the hash of its bytes. */
export const unparsedEntry: LogEntry = {
  v: 1,
  sequence: 8,
  time: '2025-03-01T10:00:03.000Z',
  record: { id: 'unparsed:' + 'ab'.repeat(32), type: 'unknown', subject: null, time: null },
  source: null,
  classification: 'rejected',
  reason: { code: 'record-malformed', text: 'the message is not a CloudEvent: not JSON' },
  evidence: null,
};
