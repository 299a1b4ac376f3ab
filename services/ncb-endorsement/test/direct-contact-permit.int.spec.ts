import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { startEndorsementWorld, type EndorsementWorld } from './support/endorsement-world.js';

const DAY_MS = 86_400_000;

describe('the direct-contact permit an endorsement issues', () => {
  let world: EndorsementWorld;

  beforeAll(async () => {
    world = await startEndorsementWorld('endorsement-permits');
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  const typesPublishedAbout = (requestId: string) => world.published.about(requestId).map((event) => event.type);

  it('is shown to the NCB, the requesting agency and the GS, active, for 180 days by default', async () => {
    const { requestId, permitId } = await world.endorsedRequest();

    for (const reader of ['ncbFr', 'agencyFr', 'gs'] as const) {
      const answer = await world.as(reader).get(`/v1/permits/${permitId}`);
      expect(answer).toMatchObject({ status: 200, etag: '"4"', body: { permitId, requestId, status: 'active', version: 4 } });
      const { issuedAt, expiresAt } = answer.body as { issuedAt: string; expiresAt: string };
      expect(Date.parse(expiresAt) - Date.parse(issuedAt)).toBe(180 * DAY_MS);
    }
  });

  it('can be revoked by the NCB, which is published, and not revoked twice', async () => {
    // Given an endorsed request and its permit
    const { requestId, permitId } = await world.endorsedRequest();

    // When the NCB revokes the permit
    const revoked = await world.as('ncbFr').post(`/v1/permits/${permitId}/revoke`, { reason: 'The case was closed.' });

    // Then the permit is revoked, the request stays endorsed, and the revocation is published
    expect(revoked).toMatchObject({ status: 200, etag: '"5"', body: { permitId, status: 'revoked', revokedBy: 'ncb-fr', revocationReason: 'The case was closed.' } });
    const request = await world.as('agencyFr').get(`/v1/support-requests/${requestId}/endorsement`);
    expect(request.body).toMatchObject({ status: 'endorsed', version: 5, permit: { permitId, status: 'revoked' } });
    await waitUntil('the revocation is published', () => typesPublishedAbout(requestId).includes('ncb-endorsement.DirectContactPermitRevoked.v1'));
    expect(world.published.about(requestId).at(-1)!.data).toMatchObject({ permitId, requestId, reason: 'The case was closed.' });
    // And a second revocation is refused
    const again = await world.as('ncbFr').post(`/v1/permits/${permitId}/revoke`, { reason: 'Again.' });
    expect(again).toMatchObject({ status: 409, body: { currentState: 'endorsed', permitStatus: 'revoked' } });
  });

  it('honours If-Match on a revocation when it is sent', async () => {
    const { permitId } = await world.endorsedRequest();

    const stale = await world.as('ncbFr').post(`/v1/permits/${permitId}/revoke`, { reason: 'Closed.' }, { 'if-match': '"3"' });
    const current = await world.as('ncbFr').post(`/v1/permits/${permitId}/revoke`, { reason: 'Closed.' }, { 'if-match': '"4"' });

    expect(stale.status).toBe(412);
    expect(current.status).toBe(200);
  });
});
