import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { supportRequestBody } from './support/intake-examples.js';
import { startIntake, storedCounts, type RunningIntake } from './support/intake-service.js';

// A submission's nonce is claimed in the statement that records it, not by the guard beforehand
// (NonceClaimedWithTheWrite): a replay must still be refused with 401 whatever the first answer was.

describe('replaying a signed submission', () => {
  let intake: RunningIntake;

  beforeAll(async () => {
    intake = await startIntake('intake-replay');
  });
  afterAll(async () => {
    await intake?.stop();
  });

  const nonceReused = { status: 401, body: { check: 'nonce_reused' } };

  it('refuses the replay of an accepted submission with 401, storing nothing more', async () => {
    const request = intake.client.signedOnce('frenchAgency', '/v1/support-requests', supportRequestBody());

    expect((await request.send()).status).toBe(202);
    const before = await storedCounts(intake.service);
    const replay = await request.send();

    expect(replay).toMatchObject(nonceReused);
    expect(await storedCounts(intake.service)).toEqual(before);
  });

  it('refuses the replay of a retry with the same Idempotency-Key with 401, not with the first answer', async () => {
    const key = randomUUID();
    const body = supportRequestBody();
    const request = intake.client.signedOnce('frenchAgency', '/v1/support-requests', body, { 'Idempotency-Key': key });

    expect((await intake.client.post('frenchAgency', '/v1/support-requests', body, { 'Idempotency-Key': key })).status).toBe(202);
    expect((await request.send()).status).toBe(202);
    expect(await request.send()).toMatchObject(nonceReused);
  });

  it.each([
    ['refused by validation (400)', supportRequestBody({ urgency: 'whenever' }), 400],
    ['refused by a rule (422)', supportRequestBody({ onBehalfOfAgency: 'agency-fr-nobody' }), 422],
    ['refused by access (403)', supportRequestBody({ onBehalfOfAgency: 'agency-fr-douane' }), 403],
  ])('refuses the replay of a submission %s with 401, as the guard did before any other check', async (_case, body, status) => {
    const request = intake.client.signedOnce('frenchAgency', '/v1/support-requests', body);

    expect((await request.send()).status).toBe(status);
    expect(await request.send()).toMatchObject(nonceReused);
  });

  it('lets exactly one of concurrent copies of one signed submission through', async () => {
    const request = intake.client.signedOnce('frenchAgency', '/v1/support-requests', supportRequestBody());
    const before = await storedCounts(intake.service);

    const answers = await Promise.all(Array.from({ length: 4 }, () => request.send()));

    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 401, 401, 401]);
    expect((await storedCounts(intake.service)).requests).toBe(before.requests + 1);
  });
});
