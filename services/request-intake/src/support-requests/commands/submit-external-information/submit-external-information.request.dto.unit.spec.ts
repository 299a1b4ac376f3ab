import { describe, expect, it } from '@jest/globals';
import { externalInformationReceivedV1Example } from '@wildlife/contracts';
import { badFieldsOf, validatedBody } from '@wildlife/service-kit';
import { SubmitExternalInformationBody } from './submit-external-information.request.dto.js';

// The body of the contract's golden example, exactly as the external source signed it.
const exampleBody = JSON.parse(
  Buffer.from(externalInformationReceivedV1Example.data.provenance.bodyBase64, 'base64').toString('utf8'),
) as Record<string, unknown>;
const withField = (name: string, value: unknown) => ({ ...exampleBody, [name]: value });

describe('the body of external information', () => {
  it('accepts the body of the contract example', async () => {
    expect(await badFieldsOf(SubmitExternalInformationBody, exampleBody)).toEqual([]);
  });

  it('accepts a summary alone, with the lists left out read as empty', async () => {
    const { body, problems } = await validatedBody(SubmitExternalInformationBody, { summary: 'A seller moved to another platform.' });

    expect(problems).toEqual([]);
    expect(body).toMatchObject({ species: [], platforms: [], countriesConcerned: [], evidenceReferences: [] });
  });

  it.each([
    ['no summary', { ...exampleBody, summary: undefined }, '/summary'],
    ['a summary over 10000 characters', withField('summary', 's'.repeat(10_001)), '/summary'],
    ['a related request that is not a UUID', withField('relatedRequestId', 'REQ-1'), '/relatedRequestId'],
    ['a null related request', withField('relatedRequestId', null), '/relatedRequestId'],
    ['a platform country in lower case', withField('platforms', [{ name: 'Example Messenger', countryOfOperation: 'us' }]), '/platforms/0/countryOfOperation'],
    ['a country concerned that does not exist', withField('countriesConcerned', ['ZZ']), '/countriesConcerned'],
    ['a species with no name', withField('species', [{}]), '/species/0/scientificName'],
  ])('reports %s', async (_case, body, pointer) => {
    expect(await badFieldsOf(SubmitExternalInformationBody, body)).toEqual([pointer]);
  });

  it.each([
    ['a claim to be official', withField('external', false), '/external'],
    ['a caveat of its own', withField('caveat', 'Verified by us.'), '/caveat'],
    ['the name of its source', withField('externalSource', { principalId: 'ncb-fr', name: 'NCB France' }), '/externalSource'],
  ])('refuses %s as an unknown field', async (_case, body, pointer) => {
    expect(await badFieldsOf(SubmitExternalInformationBody, body)).toEqual([pointer]);
  });
});
