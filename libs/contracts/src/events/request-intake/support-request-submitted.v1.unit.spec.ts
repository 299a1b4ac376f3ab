import { describe, expect, it } from '@jest/globals';
import { supportRequestSubmittedV1 } from './support-request-submitted.v1.js';
import { supportRequestSubmittedV1Example } from './support-request-submitted.v1.example.js';

const valid = supportRequestSubmittedV1Example.data;
const signedBy = (principal: object) => ({ ...valid.provenance, principal });
const pathsOf = (data: unknown) => supportRequestSubmittedV1.violationsOf(data).map((violation) => violation.path);

describe('the SupportRequestSubmitted v1 schema', () => {
  it('accepts a request put in by the NCB on behalf of its agency, signed by the NCB', () => {
    const onBehalf = { ...valid, submittedBy: 'ncb-on-behalf', provenance: signedBy({ id: 'ncb-fr', kind: 'ncb', country: 'FR' }) };

    expect(pathsOf(onBehalf)).toEqual([]);
  });

  it('accepts a request with no optional detail', () => {
    const { operationalSupport: _detail, ...minimal } = valid;

    const bare = {
      ...minimal,
      capabilities: ['expert-network'],
      generalServices: [],
      natureOfHelp: [],
      species: [],
      platforms: [],
      evidenceReferences: [],
    };

    expect(pathsOf(bare)).toEqual([]);
  });

  it.each([
    ['no capability', { capabilities: [] }, '/capabilities'],
    ['the same capability twice', { capabilities: ['information-sharing', 'information-sharing'] }, '/capabilities'],
    ['an unknown capability', { capabilities: ['surveillance'] }, '/capabilities/0'],
    ['an unknown general service', { generalServices: ['extradition'] }, '/generalServices/0'],
    ['an unknown nature of help', { natureOfHelp: ['funding'] }, '/natureOfHelp/0'],
    ['operational detail without the operational-support capability', { capabilities: ['information-sharing'] }, '/capabilities'],
    ['an empty case summary', { caseSummary: '' }, '/caseSummary'],
    ['a case summary over 10000 characters', { caseSummary: 'x'.repeat(10_001) }, '/caseSummary'],
    ['an unknown urgency', { urgency: 'whenever' }, '/urgency'],
    ['a request id that is not a UUID', { requestId: 'REQ-1' }, '/requestId'],
    ['a submission time without a time zone', { submittedAt: '2025-03-14 09:26:53' }, '/submittedAt'],
    ['a lower-case country concerned', { countriesConcerned: ['fr'] }, '/countriesConcerned/0'],
    ['no country concerned', { countriesConcerned: [] }, '/countriesConcerned'],
    [
      'a CITES appendix that does not exist',
      { species: [{ scientificName: 'Psittacus erithacus', citesAppendix: 'IV' }] },
      '/species/0/citesAppendix',
    ],
    [
      'a platform URL that is not a URI',
      { platforms: [{ name: 'X', url: 'not a url', countryOfOperation: 'NL' }] },
      '/platforms/0/url',
    ],
    [
      'evidence itself instead of a reference',
      { evidenceReferences: [{ reference: 'R', heldBy: 'agency-fr-ofb', content: 'base64...' }] },
      '/evidenceReferences/0/content',
    ],
  ])('refuses %s', (_case, change, path) => {
    expect(pathsOf({ ...valid, ...change })).toContain(path);
  });

  it.each([
    ['an agency request signed by an NCB', 'requesting-agency', { id: 'ncb-fr', kind: 'ncb', country: 'FR' }],
    ['an on-behalf request signed by an agency', 'ncb-on-behalf', { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' }],
    ['a request signed by an external source', 'requesting-agency', { id: 'external-wildwatch', kind: 'external-source' }],
  ])('refuses %s', (_case, submittedBy, principal) => {
    expect(pathsOf({ ...valid, submittedBy, provenance: signedBy(principal) })).toContain('/provenance/principal/kind');
  });

  it('refuses signature material without its body bytes or nonce', () => {
    const { bodyBase64: _body, nonce: _nonce, ...stripped } = valid.provenance;

    expect(pathsOf({ ...valid, provenance: stripped })).toEqual(['/provenance/bodyBase64', '/provenance/nonce']);
  });
});
