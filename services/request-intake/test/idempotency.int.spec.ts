import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { externalInformationBody, supportRequestBody } from './support/intake-examples.js';
import { startIntake, storedCounts, type RunningIntake } from './support/intake-service.js';

describe('retrying a submission with an Idempotency-Key', () => {
  let intake: RunningIntake;

  beforeAll(async () => {
    intake = await startIntake('intake-idempotency');
  });
  afterAll(async () => {
    await intake?.stop();
  });

  const requestsOf = async (caseSummary: unknown) =>
    (await intake.service.pool.query('SELECT 1 FROM support_requests WHERE facts->>$1 = $2', ['caseSummary', caseSummary])).rowCount;

  it('answers a retry with the first answer, byte for byte, and creates one request', async () => {
    const body = supportRequestBody();
    const key = randomUUID();

    const first = await intake.client.post('frenchAgency', '/v1/support-requests', body, { 'Idempotency-Key': key });
    const before = await storedCounts(intake.service);
    const retry = await intake.client.post('frenchAgency', '/v1/support-requests', body, { 'Idempotency-Key': key });

    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(JSON.stringify(retry.body)).toBe(JSON.stringify(first.body));
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await storedCounts(intake.service)).toEqual(before);
    expect(await requestsOf(body.caseSummary)).toBe(1);
  });

  it('treats the same body with other spacing and key order as the same submission', async () => {
    const body = supportRequestBody();
    const key = randomUUID();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const respaced = `\n  ${JSON.stringify(reordered, null, 4)}  \n`;

    const first = await intake.client.post('frenchAgency', '/v1/support-requests', body, { 'Idempotency-Key': key });
    const before = await storedCounts(intake.service);
    const retry = await intake.client.postText('frenchAgency', '/v1/support-requests', respaced, { 'Idempotency-Key': key });

    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await storedCounts(intake.service)).toEqual(before);
    expect(await requestsOf(body.caseSummary)).toBe(1);
  });

  const countOf = async (sql: string, value: unknown) => (await intake.service.pool.query<{ n: number }>(sql, [value])).rows[0]!.n;

  it.each([
    {
      made: 'one request',
      signer: 'frenchAgency',
      route: '/v1/support-requests',
      body: supportRequestBody,
      marker: 'caseSummary',
      records: "SELECT count(*)::int AS n FROM support_requests WHERE facts->>'caseSummary' = $1",
      events: "SELECT count(*)::int AS n FROM events WHERE data->'facts'->>'caseSummary' = $1",
    },
    {
      made: 'one piece of external information',
      signer: 'wildWatch',
      route: '/v1/external-information',
      body: externalInformationBody,
      marker: 'summary',
      records: 'SELECT count(*)::int AS n FROM external_information WHERE summary = $1',
      events: "SELECT count(*)::int AS n FROM events WHERE data->>'summary' = $1",
    },
  ] as const)('creates $made when concurrent retries race, and gives them all the same answer', async ({ signer, route, body: bodyOf, marker, records, events }) => {
    const body = bodyOf();
    const key = randomUUID();

    const answers = await Promise.all(Array.from({ length: 4 }, () => intake.client.post(signer, route, body, { 'Idempotency-Key': key })));

    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(3);
    expect(await countOf(records, body[marker])).toBe(1);
    expect(await countOf(events, body[marker])).toBe(1);
  });

  it('refuses the same key with a different body with 422, storing nothing', async () => {
    const key = randomUUID();
    await intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody(), { 'Idempotency-Key': key });
    const before = await storedCounts(intake.service);

    const reused = await intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody(), { 'Idempotency-Key': key });

    expect(reused).toMatchObject({ status: 422, body: { type: expect.stringMatching(/\/idempotency-key-reused$/) } });
    expect(reused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await storedCounts(intake.service)).toEqual(before);
  });

  it('keeps keys apart per signer: another agency’s same key is a new submission', async () => {
    const key = randomUUID();

    const french = await intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody(), { 'Idempotency-Key': key });
    const kenyan = await intake.client.post('kenyanAgency', '/v1/support-requests', supportRequestBody(), { 'Idempotency-Key': key });

    expect(kenyan.status).toBe(202);
    expect(kenyan.body).not.toEqual(french.body);
  });

  it('keeps no answer for a refused submission, so a corrected retry with the key is accepted', async () => {
    const key = randomUUID();

    const refused = await intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody({ urgency: 'whenever' }), { 'Idempotency-Key': key });
    const corrected = await intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody(), { 'Idempotency-Key': key });

    expect(refused.status).toBe(400);
    expect(corrected.status).toBe(202);
  });

  it('refuses a malformed key with 400, storing nothing', async () => {
    const before = await storedCounts(intake.service);

    const refused = await intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody(), { 'Idempotency-Key': 'x'.repeat(256) });

    expect(refused).toMatchObject({ status: 400, body: { type: expect.stringMatching(/\/idempotency-key-invalid$/) } });
    expect(await storedCounts(intake.service)).toEqual(before);
  });

  it('makes external information idempotent the same way', async () => {
    const body = externalInformationBody();
    const key = randomUUID();

    const first = await intake.client.post('wildWatch', '/v1/external-information', body, { 'Idempotency-Key': key });
    const before = await storedCounts(intake.service);
    const retry = await intake.client.post('wildWatch', '/v1/external-information', body, { 'Idempotency-Key': key });
    const reused = await intake.client.post('wildWatch', '/v1/external-information', externalInformationBody(), { 'Idempotency-Key': key });

    expect(first.status).toBe(202);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(reused).toMatchObject({ status: 422, body: { type: expect.stringMatching(/\/idempotency-key-reused$/) } });
    expect(await storedCounts(intake.service)).toEqual(before);
    const { rows } = await intake.service.pool.query('SELECT count(*)::int AS n FROM external_information WHERE summary = $1', [body.summary]);
    expect(rows[0].n).toBe(1);
  });
});
