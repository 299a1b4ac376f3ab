import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { externalInformationBody, supportRequestBody } from './support/intake-examples.js';
import { startIntake, storedCounts, type RunningIntake } from './support/intake-service.js';

describe('bad input at the edge', () => {
  let intake: RunningIntake;

  beforeAll(async () => {
    intake = await startIntake('intake-bad-input');
  });
  afterAll(async () => {
    await intake?.stop();
  });

  /** Runs `refused` and checks that it stored nothing and queued nothing for publication. */
  async function storesNothing<T extends { status: number }>(refused: () => Promise<T>): Promise<T> {
    const before = await storedCounts(intake.service);
    const answer = await refused();
    expect(await storedCounts(intake.service)).toEqual(before);
    return answer;
  }

  it('answers 400 with an RFC 9457 problem listing every bad field and why', async () => {
    const body = supportRequestBody({
      urgency: 'whenever',
      caseSummary: '',
      countriesConcerned: ['FR', 'fr', 'ZZ'],
      capabilities: ['mind-reading'],
      platforms: [{ name: 'Example', countryOfOperation: 'XX' }],
    });

    const refused = await storesNothing(() => intake.client.post('frenchAgency', '/v1/support-requests', body));

    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = refused.body as { type: string; status: number; errors: { pointer: string; reason: string }[] };
    expect(problem).toMatchObject({ type: expect.stringMatching(/\/validation-failed$/), status: 400 });
    expect([...new Set(problem.errors.map((error) => error.pointer))].sort()).toEqual([
      '/capabilities',
      '/caseSummary',
      '/countriesConcerned',
      '/platforms/0/countryOfOperation',
      '/urgency',
    ]);
    expect(problem.errors.every((error) => error.reason.length > 0)).toBe(true);
  });

  it.each([
    ['a field the contract does not know', { priority: 'high' }, '/priority'],
    ['an agency chosen by the body', { requestingAgency: { principalId: 'agency-ke-kws', country: 'KE' } }, '/requestingAgency'],
    ['evidence content instead of a reference', { evidenceReferences: [{ reference: 'R-1', heldBy: 'agency-fr-ofb', content: 'base64…' }] }, '/evidenceReferences/0/content'],
  ])('refuses %s as an unknown field', async (_case, extra, pointer) => {
    const refused = await storesNothing(() => intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody(extra)));

    expect(refused).toMatchObject({ status: 400, body: { errors: [{ pointer }] } });
  });

  it.each([
    ['a NUL in the case summary', { caseSummary: 'Parrots\u0000 offered online.' }, '/caseSummary'],
    ['half of a surrogate pair in a platform name', { platforms: [{ name: 'Shop \uD83D', countryOfOperation: 'NL' }] }, '/platforms/0/name'],
  ])('refuses %s with 400 naming the field, storing nothing (PostgreSQL could not store it)', async (_case, change, pointer) => {
    const refused = await storesNothing(() => intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody(change)));

    expect(refused).toMatchObject({ status: 400, body: { errors: [{ pointer, reason: expect.any(String) }] } });
  });

  it('refuses a body nested more than 64 deep with 400 naming where, storing nothing', async () => {
    // 30,000 arrays deep, 60 KB: under the body limit, and enough to overflow any recursive walk (a 500 before)
    const text = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;

    const refused = await storesNothing(() => intake.client.postText('frenchAgency', '/v1/support-requests', text));

    expect(refused).toMatchObject({
      status: 400,
      body: { type: expect.stringMatching(/\/validation-failed$/), errors: [{ pointer: '/0'.repeat(64), reason: expect.stringContaining('more than 64 deep') }] },
    });
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses a body over 64 KiB with 413, storing nothing', async () => {
    const body = supportRequestBody({ caseSummary: 'x'.repeat(70 * 1024) });

    const refused = await storesNothing(() => intake.client.post('frenchAgency', '/v1/support-requests', body));

    expect(refused.status).toBe(413);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('accepts a body just under the limit when every field is within its own length', async () => {
    const evidence = Array.from({ length: 100 }, (_, i) => ({ reference: `R-${i}-${'r'.repeat(400)}`, heldBy: 'agency-fr-ofb' }));
    const body = supportRequestBody({ caseSummary: 's'.repeat(10_000), evidenceReferences: evidence });
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(50 * 1024);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(64 * 1024);

    const accepted = await intake.client.post('frenchAgency', '/v1/support-requests', body);

    expect(accepted.status).toBe(202);
  });

  it.each([
    ['POST /v1/support-requests', 'POST', '/v1/support-requests', supportRequestBody()],
    ['POST /v1/external-information', 'POST', '/v1/external-information', externalInformationBody()],
    ['GET /v1/support-requests', 'GET', '/v1/support-requests', undefined],
    ['GET /v1/support-requests/{id}', 'GET', '/v1/support-requests/6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04', undefined],
    ['GET /v1/external-information/{id}', 'GET', '/v1/external-information/6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04', undefined],
  ])('refuses an unsigned %s with 401, storing nothing', async (_route, method, path, body) => {
    const refused = await storesNothing(async () => {
      const response = await fetch(`${intake.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });

    expect(refused).toMatchObject({ status: 401, body: { check: 'signature_missing' } });
  });

  it('refuses bad external information field by field, and its attempts to call itself official', async () => {
    const body = externalInformationBody({ summary: '', countriesConcerned: ['fr'], external: false, caveat: 'Verified.' });

    const refused = await storesNothing(() => intake.client.post('wildWatch', '/v1/external-information', body));

    const pointers = (refused.body as { errors: { pointer: string }[] }).errors.map((error) => error.pointer);
    expect(refused.status).toBe(400);
    expect([...new Set(pointers)].sort()).toEqual(['/caveat', '/countriesConcerned', '/external', '/summary']);
  });

  it('refuses unknown query parameters and bad paging', async () => {
    const unknown = await intake.client.get('generalSecretariat', '/v1/support-requests?country=FR');
    const tooMany = await intake.client.get('generalSecretariat', '/v1/support-requests?limit=1000');
    const badStatus = await intake.client.get('generalSecretariat', '/v1/support-requests?status=lost');
    const forgedCursor = await intake.client.get('generalSecretariat', '/v1/support-requests?cursor=not-a-cursor');
    const numericTimeCursor = await intake.client.get(
      'generalSecretariat',
      `/v1/support-requests?cursor=${Buffer.from(JSON.stringify(['1', '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04'])).toString('base64url')}`,
    );

    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ pointer: '/country' }] } });
    expect(tooMany).toMatchObject({ status: 400, body: { errors: [{ pointer: '/limit' }] } });
    expect(badStatus).toMatchObject({ status: 400, body: { errors: [{ pointer: '/status' }] } });
    expect(forgedCursor).toMatchObject({ status: 400, body: { type: expect.stringMatching(/\/cursor-invalid$/) } });
    expect(numericTimeCursor).toMatchObject({ status: 400, body: { type: expect.stringMatching(/\/cursor-invalid$/) } });
  });
});
