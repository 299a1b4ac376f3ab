import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readAllEndorsementRecords } from '../src/endorsements/projections/endorsement-read-model.js';
import { holdEndorsementWrites, releaseEndorsementWrites } from '../src/endorsements/projections/read-model-fence.js';
import { rebuildEndorsementReadModel } from '../src/endorsements/projections/rebuild-endorsement-read-model.js';
import { waitUntil } from '@wildlife/testing';
import { startEndorsementWorld, type EndorsementWorld } from './support/endorsement-world.js';
import { aRejectionOf, aSubmission } from './support/upstream-events.js';

describe('the read models of the endorsement', () => {
  let world: EndorsementWorld;

  beforeAll(async () => {
    world = await startEndorsementWorld('endorsement-read-model');
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  it('pauses decisions with a 503 while the read models are rebuilt, storing nothing, and takes them after', async () => {
    // Given a submitted request, and a rebuild holding the endorsement's writes
    const requestId = await world.receivedRequest();
    const before = await world.storedFor(requestId);
    const fence = await world.service.pool.connect();
    await holdEndorsementWrites(fence);
    let paused;
    try {
      // When the NCB acknowledges it
      paused = await world.as('ncbFr').post(`/v1/support-requests/${requestId}/acknowledge`, {}, { 'if-match': '"1"' });
    } finally {
      await releaseEndorsementWrites(fence);
      fence.release();
    }

    // Then it is told to retry, nothing was stored, and the same decision goes through once the rebuild is done
    expect(paused).toMatchObject({ status: 503, body: { status: 503 } });
    expect(await world.storedFor(requestId)).toEqual(before);
    const retried = await world.as('ncbFr').post(`/v1/support-requests/${requestId}/acknowledge`, {}, { 'if-match': '"1"' });
    expect(retried.status).toBe(200);
  });

  it('rebuilds from the events alone read models equal to the live ones, for a request in every state', async () => {
    // Given requests submitted, acknowledged, declined, endorsed, with a revoked permit, rejected, rejected before
    // submission, and endorsed again after its first endorsement was set aside (a void permit and one in force)
    await world.receivedRequest();
    await world.acknowledgedRequest();
    const declined = await world.acknowledgedRequest();
    await world.as('ncbFr').post(`/v1/support-requests/${declined}/decline`, { reason: 'Out of scope.' }, { 'if-match': '"2"' });
    await world.endorsedRequest();
    const revoked = await world.endorsedRequest();
    await world.as('ncbFr').post(`/v1/permits/${revoked.permitId}/revoke`, { reason: 'Closed.' });
    const rejected = aSubmission();
    const rejectedFirst = aSubmission();
    await world.upstream.publish(rejected, aRejectionOf(rejected), aRejectionOf(rejectedFirst));
    await world.streamReaches(rejected.subject, 2);
    await world.streamReaches(rejectedFirst.subject, 1);
    const setAside = await world.endorsedRequest();
    await waitUntil('the endorsement is published', async () => world.published.about(setAside.requestId).some((e) => e.type === 'ncb-endorsement.RequestEndorsed.v1'));
    const endorsement = world.published.about(setAside.requestId).find((e) => e.type === 'ncb-endorsement.RequestEndorsed.v1')!;
    await world.upstream.publish(aRejectionOf(endorsement));
    await world.streamReaches(setAside.requestId, 5);
    await world.as('ncbFr').post(`/v1/support-requests/${setAside.requestId}/endorse`, {}, { 'if-match': '"5"' });
    const live = await readAllEndorsementRecords(world.service.pool);
    expect(new Set(live.endorsements.map((e) => e.status))).toEqual(new Set(['submitted', 'acknowledged', 'declined', 'endorsed', 'rejected']));
    expect(live.permits.map((p) => (p.revokedAt !== undefined ? 'revoked' : p.voidedAt !== undefined ? 'void' : 'in force')).sort()).toEqual([
      'in force',
      'in force',
      'revoked',
      'void',
    ]);

    // When they are rebuilt from the event log
    const rebuilt = await rebuildEndorsementReadModel(world.service.pool, world.service.eventStore);

    // Then they hold the very same rows
    expect(rebuilt).toBe(live.endorsements.length);
    expect(await readAllEndorsementRecords(world.service.pool)).toEqual(live);
  });
});
