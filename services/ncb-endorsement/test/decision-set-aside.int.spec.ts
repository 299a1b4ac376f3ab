import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEvent } from '@wildlife/contracts';
import { waitUntil } from '@wildlife/testing';
import { startEndorsementWorld, type EndorsementWorld } from './support/endorsement-world.js';
import { aRejectionOf } from './support/upstream-events.js';

// Rule 2: only official sources make records. When provenance rejects the record of one of the
// NCB's decisions (its signature does not check out against the registry as it stood), the decision
// no longer counts: the request goes back to where the other decisions leave it, and an endorsement's
// permit is void.

describe('an NCB decision whose record provenance rejected', () => {
  let world: EndorsementWorld;

  beforeAll(async () => {
    world = await startEndorsementWorld('decision-set-aside');
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  const publishedOf = async (requestId: string, type: string): Promise<CloudEvent[]> => {
    await waitUntil(`${type} about ${requestId} is published`, async () => world.published.about(requestId).some((event) => event.type === type));
    return world.published.about(requestId).filter((event) => event.type === type);
  };

  it('takes an endorsement back: acknowledged again, its permit void, published; the NCB may endorse again', async () => {
    // Given an endorsed request with its permit, and the endorsement's published record
    const { requestId, permitId } = await world.endorsedRequest();
    const [endorsement] = await publishedOf(requestId, 'ncb-endorsement.RequestEndorsed.v1');

    // When provenance rejects the endorsement's record
    await world.upstream.publish(aRejectionOf(endorsement!));
    await world.streamReaches(requestId, 5);

    // Then the request is acknowledged again, its permit void, and the history says which decision no longer counts
    const ncb = world.as('ncbFr');
    const read = await ncb.get(`/v1/support-requests/${requestId}/endorsement`);
    expect(read).toMatchObject({ status: 200, etag: '"5"', body: { status: 'acknowledged', version: 5, permit: { permitId, status: 'void' } } });
    expect((read.body.permit as { voidReason: string }).voidReason).toContain('signature-invalid');
    expect((read.body.history as unknown[]).at(-1)).toMatchObject({ version: 5, event: 'set-aside', code: 'signature-invalid', decisionVersion: 3 });
    const [setAside] = await publishedOf(requestId, 'ncb-endorsement.DecisionSetAside.v1');
    expect(setAside).toMatchObject({
      principalid: 'ncb-fr',
      data: { requestId, recordId: endorsement!.id, recordType: endorsement!.type, status: 'acknowledged', voidedPermitId: permitId },
    });

    // And the void permit cannot be revoked; the NCB may endorse again, which issues a new permit in force
    const revokeVoid = await ncb.post(`/v1/permits/${permitId}/revoke`, { reason: 'Void anyway.' });
    expect(revokeVoid).toMatchObject({ status: 409, body: { currentState: 'acknowledged' } });
    const again = await ncb.post(`/v1/support-requests/${requestId}/endorse`, {}, { 'if-match': '"5"' });
    expect(again).toMatchObject({ status: 200, body: { status: 'endorsed', version: 7, permit: { status: 'active' } } });
    const newPermitId = (again.body.permit as { permitId: string }).permitId;
    expect(newPermitId).not.toBe(permitId);
    expect((await ncb.get(`/v1/permits/${permitId}`)).body).toMatchObject({ status: 'void' });
    expect(await ncb.post(`/v1/permits/${permitId}/revoke`, { reason: 'Void anyway.' })).toMatchObject({ status: 409, body: { permitStatus: 'void' } });
    expect(await ncb.post(`/v1/permits/${newPermitId}/revoke`, { reason: 'Closed.' })).toMatchObject({ status: 200, body: { status: 'revoked' } });
  });

  it('takes a decline back to acknowledged, so the NCB may decide again', async () => {
    // Given an acknowledged request its NCB declined
    const requestId = await world.acknowledgedRequest();
    const declined = await world.as('ncbFr').post(`/v1/support-requests/${requestId}/decline`, { reason: 'Out of scope.' }, { 'if-match': '"2"' });
    expect(declined.status).toBe(200);
    const [decline] = await publishedOf(requestId, 'ncb-endorsement.RequestDeclined.v1');

    // When provenance rejects the decline's record
    await world.upstream.publish(aRejectionOf(decline!));
    await world.streamReaches(requestId, 4);

    // Then the request is acknowledged again, and may be endorsed
    expect((await world.as('agencyFr').get(`/v1/support-requests/${requestId}/endorsement`)).body).toMatchObject({ status: 'acknowledged', version: 4 });
    expect(await world.as('ncbFr').post(`/v1/support-requests/${requestId}/endorse`, {}, { 'if-match': '"4"' })).toMatchObject({ status: 200 });
  });

  it('sets a decision aside when the rejection names its request in capitals (the contract takes them)', async () => {
    // Given an acknowledged request, and provenance's rejection of the acknowledgement's record,
    // whose subject spells the request's id in capitals
    const requestId = await world.acknowledgedRequest();
    const [acknowledgement] = await publishedOf(requestId, 'ncb-endorsement.RequestAcknowledged.v1');
    const rejection = aRejectionOf(acknowledgement!);

    // When it is delivered
    await world.upstream.publish({ ...rejection, subject: requestId.toUpperCase() });
    await world.streamReaches(requestId, 3);

    // Then the acknowledgement is set aside on the request's own stream (it went to a stream of its own, unnoticed, before)
    expect((await world.as('ncbFr').get(`/v1/support-requests/${requestId}/endorsement`)).body).toMatchObject({ status: 'submitted', version: 3 });
  });

  it('changes nothing for a rejection delivered again, or one naming a record this stream does not hold', async () => {
    // Given an acknowledged request whose acknowledgement was set aside
    const requestId = await world.acknowledgedRequest();
    const [acknowledgement] = await publishedOf(requestId, 'ncb-endorsement.RequestAcknowledged.v1');
    const rejection = aRejectionOf(acknowledgement!);
    await world.upstream.publish(rejection);
    await world.streamReaches(requestId, 3);
    const before = await world.storedFor(requestId);

    // When the same rejection comes again, then a rejection of a decision record this service never wrote
    const forged = aRejectionOf({ ...acknowledgement!, id: randomUUID() });
    await world.upstream.publish(rejection, forged);
    await waitUntil('the forged record’s rejection is processed', async () =>
      (
        await world.service.pool.query('SELECT 1 FROM inbox WHERE consumer = $1 AND message_id = $2', ['ncb-endorsement.provenance-rejections', forged.id])
      ).rowCount === 1,
    );

    // Then nothing more was stored, and the request is submitted again
    expect(await world.storedFor(requestId)).toEqual(before);
    expect((await world.as('ncbFr').get(`/v1/support-requests/${requestId}/endorsement`)).body).toMatchObject({ status: 'submitted', version: 3 });
  });
});
