import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { externalInformationReceivedV1Example, recordRejectedV1Example } from '@wildlife/contracts';
import { waitUntil } from '@wildlife/testing';
import { startEndorsementWorld, type EndorsementWorld } from './support/endorsement-world.js';
import { aRejectionOf, aSubmission } from './support/upstream-events.js';

const SUBMISSIONS_CONSUMER = 'ncb-endorsement.support-requests-submitted';

describe('what the endorsement learns from intake and provenance', () => {
  let world: EndorsementWorld;

  beforeAll(async () => {
    world = await startEndorsementWorld('endorsement-facts');
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  const streamOf = async (requestId: string) =>
    (await world.service.pool.query<{ type: string }>(`SELECT type FROM events WHERE stream_id = 'endorsement-' || $1 ORDER BY stream_position`, [requestId])).rows.map(
      (row) => row.type,
    );
  const inboxHolds = async (consumer: string, eventId: string) =>
    (await world.service.pool.query('SELECT 1 FROM inbox WHERE consumer = $1 AND message_id = $2', [consumer, eventId])).rowCount === 1;

  it('records a submission delivered again, or published again under another id, as one request', async () => {
    // Given a submission, delivered twice, then the same submission under a new event id
    const submission = aSubmission();
    const republished = { ...submission, id: randomUUID() };

    // When all three reach the service (one request, one partition: in this order)
    await world.upstream.publish(submission, submission, republished);
    await waitUntil('the republished submission is processed', () => inboxHolds(SUBMISSIONS_CONSUMER, republished.id));

    // Then the request was received once
    expect(await streamOf(submission.subject)).toEqual(['RequestReceived']);
    const read = await world.as('ncbFr').get(`/v1/support-requests/${submission.subject}/endorsement`);
    expect(read.body).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('refuses every action on a request provenance rejected, naming the state, storing nothing', async () => {
    // Given an endorsed request (so it has a permit), whose submission record provenance then rejected
    const submission = aSubmission();
    const { requestId, permitId } = await world.endorsedRequest(submission);
    await world.upstream.publish(aRejectionOf(submission));
    await world.streamReaches(requestId, 5);
    const before = await world.storedFor(requestId);

    // When its NCB tries every action on the current version
    const ncb = world.as('ncbFr');
    const answers = [
      await ncb.post(`/v1/support-requests/${requestId}/acknowledge`, {}, { 'if-match': '"5"' }),
      await ncb.post(`/v1/support-requests/${requestId}/endorse`, {}, { 'if-match': '"5"' }),
      await ncb.post(`/v1/support-requests/${requestId}/decline`, { reason: 'Rejected anyway.' }, { 'if-match': '"5"' }),
      await ncb.post(`/v1/permits/${permitId}/revoke`, { reason: 'Rejected.' }),
    ];

    // Then each is a 409 naming the state, and nothing was stored
    for (const answer of answers) expect(answer).toMatchObject({ status: 409, body: { currentState: 'rejected' } });
    expect(answers[0]!.body.detail).toContain('rejected');
    expect(await world.storedFor(requestId)).toEqual(before);
    const read = await ncb.get(`/v1/support-requests/${requestId}/endorsement`);
    expect(read.body).toMatchObject({ status: 'rejected', rejection: { code: 'signature-invalid' }, permit: { permitId, status: 'void' } });
  });

  it('shows the permit of a request provenance rejected after its endorsement as void, to the agency, its NCB and the GS', async () => {
    // Given an endorsed request with its permit
    const submission = aSubmission();
    const { requestId, permitId } = await world.endorsedRequest(submission);
    const activeBefore = await world.as('agencyFr').get(`/v1/permits/${permitId}`);

    // When provenance rejects the request's submission record
    const rejection = aRejectionOf(submission);
    await world.upstream.publish(rejection);
    await world.streamReaches(requestId, 5);

    // Then the permit is void, saying since when and why, under the request's new version
    expect(activeBefore.body).toMatchObject({ status: 'active' });
    for (const reader of ['agencyFr', 'ncbFr', 'gs'] as const) {
      const permit = await world.as(reader).get(`/v1/permits/${permitId}`);
      expect(permit).toMatchObject({ status: 200, etag: '"5"', body: { permitId, status: 'void', voidReason: expect.stringContaining('signature-invalid'), version: 5 } });
      expect((permit.body as { revokedAt?: string }).revokedAt).toBeUndefined();
    }
  });

  it('rejects a request whose rejection names it in capitals, and receives a submission naming it so (the contract takes them)', async () => {
    // Given a received request, and another request's submission spelling its id in capitals
    const submission = aSubmission();
    const requestId = await world.receivedRequest(submission);
    const inCapitals = aSubmission();
    const rejection = aRejectionOf(submission);

    // When provenance's rejection of the first names it in capitals, and the second is delivered
    await world.upstream.publish({ ...rejection, subject: requestId.toUpperCase() });
    await world.upstream.publish({ ...inCapitals, subject: inCapitals.subject.toUpperCase(), data: { ...inCapitals.data, requestId: inCapitals.subject.toUpperCase() } });

    // Then each fact is on the request's own stream, as intake's id names it
    await world.streamReaches(requestId, 2);
    await world.streamReaches(inCapitals.subject, 1);
    expect((await world.as('ncbFr').get(`/v1/support-requests/${requestId}/endorsement`)).body).toMatchObject({ status: 'rejected', version: 2 });
    expect(await streamOf(inCapitals.subject)).toEqual(['RequestReceived']);
  });

  it('keeps a request rejected when the rejection is read before the submission', async () => {
    // Given provenance's rejection, then intake's submission
    const submission = aSubmission();
    await world.upstream.publish(aRejectionOf(submission));
    await world.streamReaches(submission.subject, 1);
    await world.upstream.publish(submission);
    await world.streamReaches(submission.subject, 2);

    // When the NCB reads and acknowledges it
    const read = await world.as('ncbFr').get(`/v1/support-requests/${submission.subject}/endorsement`);
    const acknowledge = await world.as('ncbFr').post(`/v1/support-requests/${submission.subject}/acknowledge`, {}, { 'if-match': '"2"' });

    // Then it stays rejected
    expect(read.body).toMatchObject({ status: 'rejected', version: 2 });
    expect(acknowledge).toMatchObject({ status: 409, body: { currentState: 'rejected' } });
  });

  it('lets a request go on when provenance rejects another submission record under its subject, before or after it is received', async () => {
    // Given two requests: provenance rejects a forged submission naming each (a record that is not
    // intake's), for one before its submission is read, for the other after
    const early = aSubmission();
    const late = aSubmission();
    await world.upstream.publish(aRejectionOf(aSubmission(early.subject)));
    await world.streamReaches(early.subject, 1);
    await world.upstream.publish(early);
    await world.streamReaches(early.subject, 2);
    await world.receivedRequest(late);
    const lateForgery = aRejectionOf({ ...late, id: randomUUID() });
    await world.upstream.publish(lateForgery);
    await waitUntil('the late forgery’s rejection is processed', () => inboxHolds('ncb-endorsement.provenance-rejections', lateForgery.id));

    // When their NCB reads and acknowledges them
    const reads = await Promise.all([early, late].map((s) => world.as('ncbFr').get(`/v1/support-requests/${s.subject}/endorsement`)));
    const acknowledgements = await Promise.all(
      [early, late].map((s, i) => world.as('ncbFr').post(`/v1/support-requests/${s.subject}/acknowledge`, {}, { 'if-match': `"${i === 0 ? 2 : 1}"` })),
    );

    // Then both were submitted, with no rejection shown, and both are acknowledged
    for (const read of reads) expect(read.body).toMatchObject({ status: 'submitted' });
    for (const read of reads) expect(read.body).not.toHaveProperty('rejection');
    expect((reads[0]!.body as { history: { event: string }[] }).history.map((h) => h.event)).toEqual(['received']);
    expect(acknowledgements.map((a) => a.status)).toEqual([200, 200]);
    expect(await streamOf(late.subject)).toEqual(['RequestReceived', 'RequestAcknowledged']);
  });

  it('ignores the rejection of another kind of record, and intake’s other events', async () => {
    // Given a submitted request, then a rejection of an endorsement record about it, and external information about it
    const requestId = await world.receivedRequest();
    const otherRejection = { ...recordRejectedV1Example, id: randomUUID(), subject: requestId };
    const information = { ...externalInformationReceivedV1Example, id: randomUUID(), subject: requestId };
    const marker = aSubmission(requestId);

    // When they are delivered (and, after the information, the same submission again as a marker)
    await world.upstream.publish(otherRejection, information, marker);
    await waitUntil('the marker is processed', () => inboxHolds(SUBMISSIONS_CONSUMER, marker.id));
    await waitUntil('the other rejection is processed', () => inboxHolds('ncb-endorsement.provenance-rejections', otherRejection.id));

    // Then the request is still only received
    expect(await streamOf(requestId)).toEqual(['RequestReceived']);
  });
});
