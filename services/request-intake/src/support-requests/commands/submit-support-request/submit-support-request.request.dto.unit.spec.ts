import { describe, expect, it } from '@jest/globals';
import { contracts, supportRequestSubmittedV1Example } from '@wildlife/contracts';
import { decideSubmit } from '../../domain/support-request.decide.js';
import { submissionByTheAgency } from '../../domain/support-request.examples.spec.js';
import type { SupportRequestFacts } from '../../domain/support-request.facts.js';
import { initialSupportRequestState } from '../../domain/support-request.state.js';
import { toPublicEvent } from '../../publishing/to-public-event.js';
import { badFieldsOf, validatedBody } from '@wildlife/service-kit';
import { SubmitSupportRequestBody } from './submit-support-request.request.dto.js';

// The body of the contract's golden example, exactly as the agency signed it.
const exampleBody = JSON.parse(Buffer.from(supportRequestSubmittedV1Example.data.provenance.bodyBase64, 'base64').toString('utf8')) as Record<
  string,
  unknown
>;
const withField = (name: string, value: unknown) => ({ ...exampleBody, [name]: value });
const without = (name: string) => Object.fromEntries(Object.entries(exampleBody).filter(([key]) => key !== name));
const platform = { name: 'Example Classifieds', url: 'https://classifieds.example/listing/48213', countryOfOperation: 'NL' };
const evidence = { reference: 'OFB-2025-0412/PV-3', heldBy: 'agency-fr-ofb' };

describe('the body of a support request', () => {
  it('accepts the body of the contract example', async () => {
    expect(await badFieldsOf(SubmitSupportRequestBody, exampleBody)).toEqual([]);
  });

  it('accepts a minimal body, with the lists left out read as empty', async () => {
    const minimal = { capabilities: ['expert-network'], natureOfHelp: ['advice'], caseSummary: 'x', urgency: 'routine', countriesConcerned: ['KE'] };

    const { body, problems } = await validatedBody(SubmitSupportRequestBody, minimal);

    expect(problems).toEqual([]);
    expect(body).toMatchObject({ generalServices: [], species: [], platforms: [], evidenceReferences: [] });
    expect(body).toBeInstanceOf(SubmitSupportRequestBody);
    expect(body?.operationalSupport).toBeUndefined();
  });

  it('accepts an NCB naming the agency it submits for', async () => {
    expect(await badFieldsOf(SubmitSupportRequestBody, withField('onBehalfOfAgency', 'agency-fr-ofb'))).toEqual([]);
  });

  it('accepts every field at its longest, and so does the contract once it is published', async () => {
    const longest = {
      ...exampleBody,
      caseSummary: 'c'.repeat(10_000),
      species: Array.from({ length: 100 }, () => ({ scientificName: 's'.repeat(200), citesAppendix: 'III' })),
      platforms: [{ name: 'n'.repeat(200), url: `https://example.org/${'p'.repeat(1980)}`, countryOfOperation: 'NL' }],
      evidenceReferences: [{ reference: 'r'.repeat(500), heldBy: 'h'.repeat(200), description: 'd'.repeat(2000) }],
    };

    const { body, problems } = await validatedBody(SubmitSupportRequestBody, longest);
    const facts = JSON.parse(JSON.stringify(body)) as SupportRequestFacts;
    const [submitted] = decideSubmit(submissionByTheAgency({ facts }), initialSupportRequestState);

    expect(problems).toEqual([]);
    expect(() => contracts.decode('request-intake.SupportRequestSubmitted.v1', toPublicEvent(submitted)!.data)).not.toThrow();
  });

  it.each([
    ['no capabilities', without('capabilities'), '/capabilities'],
    ['an empty list of capabilities', withField('capabilities', []), '/capabilities'],
    ['an unknown capability', withField('capabilities', ['surveillance']), '/capabilities'],
    ['the same capability twice', withField('capabilities', ['information-sharing', 'information-sharing']), '/capabilities'],
    ['a capability that is not in a list', withField('capabilities', 'information-sharing'), '/capabilities'],
    ['an unknown general service', withField('generalServices', ['extradition']), '/generalServices'],
    ['a null list of general services', withField('generalServices', null), '/generalServices'],
    ['operational detail that is not a yes or no', withField('operationalSupport', { istDeployment: 'yes', coordinationMeeting: true }), '/operationalSupport/istDeployment'],
    ['operational detail missing a part', withField('operationalSupport', { istDeployment: true }), '/operationalSupport/coordinationMeeting'],
    ['null operational detail', withField('operationalSupport', null), '/operationalSupport'],
    ['no nature of help', withField('natureOfHelp', []), '/natureOfHelp'],
    ['an unknown nature of help', withField('natureOfHelp', ['funding']), '/natureOfHelp'],
    ['no case summary', without('caseSummary'), '/caseSummary'],
    ['an empty case summary', withField('caseSummary', ''), '/caseSummary'],
    ['a case summary over 10000 characters', withField('caseSummary', 'x'.repeat(10_001)), '/caseSummary'],
    ['an unknown urgency', withField('urgency', 'whenever'), '/urgency'],
    ['a species with no name', withField('species', [{ scientificName: '' }]), '/species/0/scientificName'],
    ['a species name over 200 characters', withField('species', [{ scientificName: 's'.repeat(201) }]), '/species/0/scientificName'],
    ['a CITES appendix that does not exist', withField('species', [{ scientificName: 'Psittacus erithacus', citesAppendix: 'IV' }]), '/species/0/citesAppendix'],
    ['more than 100 species', withField('species', Array.from({ length: 101 }, () => ({ scientificName: 'Psittacus erithacus' }))), '/species'],
    ['a species that is not an object', withField('species', ['Psittacus erithacus']), '/species/0'],
    ['a null species', withField('species', [null]), '/species/0'],
    ['a platform address that is not a URL', withField('platforms', [{ ...platform, url: 'not a url' }]), '/platforms/0/url'],
    ['a platform address that is not on the web', withField('platforms', [{ ...platform, url: 'ftp://classifieds.example/x' }]), '/platforms/0/url'],
    ['a platform address with a non-ASCII host', withField('platforms', [{ ...platform, url: 'https://exämple.org/x' }]), '/platforms/0/url'],
    ['a platform address over 2000 characters', withField('platforms', [{ ...platform, url: `https://example.org/${'p'.repeat(1981)}` }]), '/platforms/0/url'],
    ['a platform with no name', withField('platforms', [{ url: platform.url, countryOfOperation: 'NL' }]), '/platforms/0/name'],
    ['a platform country in lower case', withField('platforms', [{ ...platform, countryOfOperation: 'nl' }]), '/platforms/0/countryOfOperation'],
    ['a platform country that does not exist', withField('platforms', [{ ...platform, countryOfOperation: 'XX' }]), '/platforms/0/countryOfOperation'],
    ['no country concerned', withField('countriesConcerned', []), '/countriesConcerned'],
    ['a country concerned in lower case', withField('countriesConcerned', ['fr']), '/countriesConcerned'],
    ['a country concerned that does not exist', withField('countriesConcerned', ['ZZ']), '/countriesConcerned'],
    ['the same country twice', withField('countriesConcerned', ['FR', 'FR']), '/countriesConcerned'],
    ['an evidence reference over 500 characters', withField('evidenceReferences', [{ ...evidence, reference: 'r'.repeat(501) }]), '/evidenceReferences/0/reference'],
    ['evidence with no holder', withField('evidenceReferences', [{ reference: 'R-1' }]), '/evidenceReferences/0/heldBy'],
    ['an empty evidence description', withField('evidenceReferences', [{ ...evidence, description: '' }]), '/evidenceReferences/0/description'],
    ['more than 200 evidence references', withField('evidenceReferences', Array.from({ length: 201 }, () => evidence)), '/evidenceReferences'],
    ['an agency to submit for over 200 characters', withField('onBehalfOfAgency', 'a'.repeat(201)), '/onBehalfOfAgency'],
    ['an empty agency to submit for', withField('onBehalfOfAgency', ''), '/onBehalfOfAgency'],
    ['a null agency to submit for', withField('onBehalfOfAgency', null), '/onBehalfOfAgency'],
  ])('reports %s', async (_case, body, pointer) => {
    expect(await badFieldsOf(SubmitSupportRequestBody, body)).toEqual([pointer]);
  });

  it.each([
    ['the requesting agency', withField('requestingAgency', { principalId: 'agency-fr-ofb', country: 'FR' }), '/requestingAgency'],
    ['the requesting country', withField('country', 'FR'), '/country'],
    ['evidence itself', withField('evidenceReferences', [{ ...evidence, content: 'base64...' }]), '/evidenceReferences/0/content'],
    ['an unknown platform field', withField('platforms', [{ ...platform, owner: 'someone' }]), '/platforms/0/owner'],
  ])('refuses %s as an unknown field', async (_case, body, pointer) => {
    expect(await badFieldsOf(SubmitSupportRequestBody, body)).toEqual([pointer]);
  });

  it('reports every bad field at once', async () => {
    const body = { ...exampleBody, urgency: 'whenever', caseSummary: '', countriesConcerned: ['fr'], extra: true };

    expect((await badFieldsOf(SubmitSupportRequestBody, body)).sort()).toEqual(['/caseSummary', '/countriesConcerned', '/extra', '/urgency']);
  });
});
