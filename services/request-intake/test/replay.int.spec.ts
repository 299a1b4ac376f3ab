import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CastName } from './support/intake-principals.js';
import { externalInformationBody, supportRequestBody } from './support/intake-examples.js';
import { startIntake, storedCounts, type RunningIntake } from './support/intake-service.js';

// A submission's nonce is claimed in the statement that records it, not by the guard beforehand
// (NonceClaimedWithTheWrite): a replay must still be refused with 401 whatever the first answer was.

const submissions = [
  { what: 'a support request', route: '/v1/support-requests', signer: 'frenchAgency', body: supportRequestBody, stored: 'requests' },
  { what: 'external information', route: '/v1/external-information', signer: 'wildWatch', body: externalInformationBody, stored: 'external' },
] as const;

describe('replaying a signed submission', () => {
  let intake: RunningIntake;

  beforeAll(async () => {
    intake = await startIntake('intake-replay');
  });
  afterAll(async () => {
    await intake?.stop();
  });

  const nonceReused = { status: 401, body: { check: 'nonce_reused' } };

  describe.each(submissions)('of $what', ({ route, signer, body, stored }) => {
    it('refuses the replay of an accepted submission with 401, storing nothing more', async () => {
      const request = intake.client.signedOnce(signer, route, body());

      expect((await request.send()).status).toBe(202);
      const before = await storedCounts(intake.service);
      const replay = await request.send();

      expect(replay).toMatchObject(nonceReused);
      expect(await storedCounts(intake.service)).toEqual(before);
    });

    it('refuses the replay of a retry with the same Idempotency-Key with 401, not with the first answer', async () => {
      const key = randomUUID();
      const sent = body();
      const request = intake.client.signedOnce(signer, route, sent, { 'Idempotency-Key': key });

      expect((await intake.client.post(signer, route, sent, { 'Idempotency-Key': key })).status).toBe(202);
      expect((await request.send()).status).toBe(202);
      expect(await request.send()).toMatchObject(nonceReused);
    });

    it('refuses with 409 record-id-already-used, storing nothing more, a replay whose nonce claim was lost (review 13)', async () => {
      // Ids are derived from (keyId, created, nonce): a second acceptance of the same signature would
      // make the same record id. The nonce claims rule that out while they hold; here the claim is
      // gone, as a sweep by an instance whose clock runs more than its 300 s grace ahead would leave
      // it, and the answer must be a clear refusal, not a 500.
      const request = intake.client.signedOnce(signer, route, body());
      expect((await request.send()).status).toBe(202);
      await intake.service.pool.query('DELETE FROM request_nonces');
      const before = await storedCounts(intake.service);

      const replay = await request.send();

      expect(replay).toMatchObject({ status: 409, body: { status: 409, type: expect.stringMatching(/\/record-id-already-used$/) } });
      expect(await storedCounts(intake.service)).toEqual(before);
    });

    it('lets exactly one of concurrent copies of one signed submission through', async () => {
      const request = intake.client.signedOnce(signer, route, body());
      const before = await storedCounts(intake.service);

      const answers = await Promise.all(Array.from({ length: 4 }, () => request.send()));

      expect(answers.map((answer) => answer.status).sort()).toEqual([202, 401, 401, 401]);
      expect((await storedCounts(intake.service))[stored]).toBe(before[stored] + 1);
    });
  });

  it.each([
    ['a support request refused by validation (400)', 'frenchAgency', '/v1/support-requests', supportRequestBody({ urgency: 'whenever' }), 400],
    ['a support request refused by a rule (422)', 'frenchAgency', '/v1/support-requests', supportRequestBody({ onBehalfOfAgency: 'agency-fr-nobody' }), 422],
    ['a support request refused by access (403)', 'frenchAgency', '/v1/support-requests', supportRequestBody({ onBehalfOfAgency: 'agency-fr-douane' }), 403],
    ['external information refused by validation (400)', 'wildWatch', '/v1/external-information', externalInformationBody({ summary: '' }), 400],
    ['external information refused by access (403)', 'frenchAgency', '/v1/external-information', externalInformationBody(), 403],
  ] as [string, CastName, string, Record<string, unknown>, number][])(
    'refuses the replay of %s with 401, as the guard did before any other check',
    async (_case, signer, route, body, status) => {
      const request = intake.client.signedOnce(signer, route, body);

      expect((await request.send()).status).toBe(status);
      expect(await request.send()).toMatchObject(nonceReused);
    },
  );
});
