// Log entries for the publishing specs. The `.spec.ts` suffix keeps this file out of the build.
import type { LogEntry } from '@wildlife/provenance-log';

export const officialEntryForTests: LogEntry = {
  v: 1,
  sequence: 7,
  time: '2025-03-14T09:27:00.000Z',
  record: { id: 'aa3d46e4-0240-471e-96ec-09a05b3b8408', type: 'request-intake.SupportRequestSubmitted.v1', subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04', time: '2025-03-14T09:26:53.000Z' },
  source: { id: 'fr-ofb', kind: 'agency', country: 'FR' },
  classification: 'official',
  reason: { code: 'accredited-agency', text: '"fr-ofb" was accredited by its NCB at that time.' },
  basis: [0, 1],
  evidence: {
    label: 'sig1',
    keyId: 'fr-ofb-k1',
    signatureInput: '("@method");created=1;keyid="fr-ofb-k1";nonce="n"',
    signature: 'AA==',
    coveredComponents: ['"@method"'],
    componentValues: { '"@method"': 'POST' },
    method: 'POST',
    targetUri: 'https://intake.example/v1/support-requests',
    bodyBase64: '',
    created: 1,
    nonce: 'n',
  },
};

const { basis: _rejectionsRestOnNothing, ...unclassified } = officialEntryForTests;

export const rejectedEntryForTests: LogEntry = {
  ...unclassified,
  sequence: 8,
  classification: 'rejected',
  reason: { code: 'signature-invalid', text: 'The signature does not verify.' },
};
