import { describe, expect, it } from '@jest/globals';
import { AcknowledgeRequestBody } from './acknowledge-request/acknowledge-request.request.dto.js';
import { badFieldsOf, validatedBody } from '@wildlife/service-kit';
import { DeclineRequestBody } from './decline-request/decline-request.request.dto.js';
import { EndorseRequestBody } from './endorse-request/endorse-request.request.dto.js';
import { RevokePermitBody } from './revoke-permit/revoke-permit.request.dto.js';

describe('the body of an acknowledgement', () => {
  it.each([[{}], [{ note: 'Received; under review.' }], [{ note: 'n'.repeat(2000) }]])('accepts %j', async (body) => {
    expect(await badFieldsOf(AcknowledgeRequestBody, body)).toEqual([]);
  });

  it.each([
    ['an empty note', { note: '' }, '/note'],
    ['a note over 2000 characters', { note: 'n'.repeat(2001) }, '/note'],
    ['a null note', { note: null }, '/note'],
    ['an unknown field', { status: 'endorsed' }, '/status'],
  ])('reports %s', async (_case, body, pointer) => {
    expect(await badFieldsOf(AcknowledgeRequestBody, body)).toEqual([pointer]);
  });
});

describe('the body of an endorsement', () => {
  it('accepts a note and a permit validity in days', async () => {
    const { body, problems } = await validatedBody(EndorseRequestBody, { note: 'Endorsed.', permitValidityDays: 90 });

    expect(problems).toEqual([]);
    expect(body?.permitValidityDays).toBe(90);
  });

  it.each([[{}], [{ permitValidityDays: 1 }], [{ permitValidityDays: 365 }]])('accepts %j', async (body) => {
    expect(await badFieldsOf(EndorseRequestBody, body)).toEqual([]);
  });

  it.each([
    ['a validity of no days', { permitValidityDays: 0 }, '/permitValidityDays'],
    ['a validity over a year', { permitValidityDays: 366 }, '/permitValidityDays'],
    ['a validity in part days', { permitValidityDays: 1.5 }, '/permitValidityDays'],
    ['a validity given as text', { permitValidityDays: '90' }, '/permitValidityDays'],
    ['an empty note', { note: '' }, '/note'],
    ['the GS team to contact', { gsTeam: 'gs-analyst-1' }, '/gsTeam'],
    ['an expiry of its own', { expiresAt: '2099-01-01T00:00:00Z' }, '/expiresAt'],
  ])('reports %s', async (_case, body, pointer) => {
    expect(await badFieldsOf(EndorseRequestBody, body)).toEqual([pointer]);
  });
});

describe.each([
  ['a decline', DeclineRequestBody],
  ['a permit revocation', RevokePermitBody],
] as const)('the body of %s', (_what, Body) => {
  it('accepts a reason of 1 to 2000 characters', async () => {
    expect(await badFieldsOf(Body, { reason: 'r' })).toEqual([]);
    expect(await badFieldsOf(Body, { reason: 'r'.repeat(2000) })).toEqual([]);
  });

  it.each([
    ['no reason', {}, '/reason'],
    ['an empty reason', { reason: '' }, '/reason'],
    ['a reason over 2000 characters', { reason: 'r'.repeat(2001) }, '/reason'],
    ['a reason that is not text', { reason: 42 }, '/reason'],
    ['an unknown field', { reason: 'r', ncb: 'ncb-fr' }, '/ncb'],
  ])('reports %s', async (_case, body, pointer) => {
    expect(await badFieldsOf(Body, body)).toEqual([pointer]);
  });
});
