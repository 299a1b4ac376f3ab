import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEndorsementWorld, type EndorsementWorld } from './support/endorsement-world.js';

describe('If-Match on the NCB’s decisions: two officers cannot overwrite each other', () => {
  let world: EndorsementWorld;

  beforeAll(async () => {
    world = await startEndorsementWorld('endorsement-preconditions');
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  it.each([
    ['missing', {}, 428],
    ['*, which names no version', { 'if-match': '*' }, 428],
    ['not an entity tag', { 'if-match': '1' }, 400],
    ['stale', { 'if-match': '"0"' }, 412],
    ['weak', { 'if-match': 'W/"1"' }, 412],
  ])('refuses a decision whose If-Match is %s, storing and publishing nothing', async (_case, headers, status) => {
    // Given a submitted request at version 1
    const requestId = await world.receivedRequest();
    const before = await world.storedFor(requestId);

    // When the NCB acknowledges it with that If-Match
    const answer = await world.as('ncbFr').post(`/v1/support-requests/${requestId}/acknowledge`, {}, headers as Record<string, string>);

    // Then it is refused, and nothing was stored (so nothing queued for publication)
    expect(answer.status).toBe(status);
    expect(answer.body.status).toBe(status);
    expect(await world.storedFor(requestId)).toEqual(before);
  });

  it('tells a stale caller the current version', async () => {
    const requestId = await world.acknowledgedRequest();

    const answer = await world.as('ncbFr').post(`/v1/support-requests/${requestId}/decline`, { reason: 'Out of scope.' }, { 'if-match': '"1"' });

    expect(answer).toMatchObject({ status: 412, etag: '"2"', body: { currentVersion: 2 } });
  });

  it('lets only one of two officers deciding on the same version win; the other gets 412', async () => {
    // Given an acknowledged request at version 2
    const requestId = await world.acknowledgedRequest();

    // When two officers of the NCB decide at once on version 2, one endorsing, one declining
    const [endorse, decline] = await Promise.all([
      world.as('ncbFr').post(`/v1/support-requests/${requestId}/endorse`, {}, { 'if-match': '"2"' }),
      world.as('ncbFr').post(`/v1/support-requests/${requestId}/decline`, { reason: 'Duplicate.' }, { 'if-match': '"2"' }),
    ]);

    // Then exactly one decision stands and the other is a 412
    expect([endorse.status, decline.status].sort()).toEqual([200, 412]);
    const current = await world.as('ncbFr').get(`/v1/support-requests/${requestId}/endorsement`);
    expect(current.body.status).toBe(endorse.status === 200 ? 'endorsed' : 'declined');
  });
});
