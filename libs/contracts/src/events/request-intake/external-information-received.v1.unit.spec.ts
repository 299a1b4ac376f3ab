import { describe, expect, it } from '@jest/globals';
import { externalInformationReceivedV1 } from './external-information-received.v1.js';
import { externalInformationReceivedV1Example } from './external-information-received.v1.example.js';

const valid = externalInformationReceivedV1Example.data;
const pathsOf = (data: unknown) => externalInformationReceivedV1.violationsOf(data).map((violation) => violation.path);

describe('the ExternalInformationReceived v1 schema', () => {
  it('refuses external information not flagged as external', () => {
    expect(pathsOf({ ...valid, external: false })).toEqual(['/external']);
  });

  it('refuses a caveat other than the standard one', () => {
    expect(pathsOf({ ...valid, caveat: 'Verified by INTERPOL.' })).toEqual(['/caveat']);
  });

  it('refuses information without its caveat', () => {
    const { caveat: _caveat, ...uncaveated } = valid;

    expect(pathsOf(uncaveated)).toEqual(['/caveat']);
  });

  it.each([
    ['an NCB', { id: 'ncb-fr', kind: 'ncb', country: 'FR' }],
    ['an agency', { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' }],
  ])('refuses information signed by %s rather than an external source', (_kind, principal) => {
    expect(pathsOf({ ...valid, provenance: { ...valid.provenance, principal } })).toEqual(['/provenance/principal/kind']);
  });
});
