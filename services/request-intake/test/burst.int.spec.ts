import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { PendingNonce, type SubmissionOutcome, type VerifiedPrincipal } from '@wildlife/service-kit';
import { plainToInstance } from 'class-transformer';
import { SubmitSupportRequestCommand } from '../src/support-requests/commands/submit-support-request/submit-support-request.command.js';
import { SubmitSupportRequestBody } from '../src/support-requests/commands/submit-support-request/submit-support-request.request.dto.js';
import { signatureMaterial } from '../src/support-requests/domain/support-request.examples.spec.js';
import { externalInformationBody, supportRequestBody } from './support/intake-examples.js';
import { startIntake, storedCounts, type RunningIntake } from './support/intake-service.js';

// Submissions that arrive while two others are being written are committed together
// (SubmissionRecorder over GroupCommit): each answer must be exactly the one it would get alone.

describe('a burst of concurrent submissions', () => {
  let intake: RunningIntake;

  beforeAll(async () => {
    intake = await startIntake('intake-burst');
  });
  afterAll(async () => {
    await intake?.stop();
  });

  it('gives each the answer it would get alone: new requests, one request for retries with one key, one of the copies of a signed request', async () => {
    const before = await storedCounts(intake.service);
    const key = randomUUID();
    const keyed = supportRequestBody();
    const replayed = intake.client.signedOnce('frenchAgency', '/v1/support-requests', supportRequestBody());

    const [fresh, external, retries, copies, otherSigner] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, () => intake.client.post('frenchAgency', '/v1/support-requests', supportRequestBody()))),
      Promise.all(Array.from({ length: 10 }, () => intake.client.post('wildWatch', '/v1/external-information', externalInformationBody()))),
      Promise.all(Array.from({ length: 3 }, () => intake.client.post('frenchAgency', '/v1/support-requests', keyed, { 'Idempotency-Key': key }))),
      Promise.all(Array.from({ length: 3 }, () => replayed.send())),
      intake.client.post('kenyanAgency', '/v1/support-requests', supportRequestBody(), { 'Idempotency-Key': key }),
    ]);

    expect(fresh.map((answer) => answer.status)).toEqual(Array(40).fill(202));
    expect(external.map((answer) => answer.status)).toEqual(Array(10).fill(202));
    expect(retries.map((answer) => answer.status)).toEqual([202, 202, 202]);
    expect(new Set(retries.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(retries.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(copies.map((answer) => answer.status).sort()).toEqual([202, 401, 401]);
    expect(otherSigner.status).toBe(202); // another signer's key of the same name is its own
    const accepted = [...fresh, retries[0]!, otherSigner, copies.find((answer) => answer.status === 202)!];
    expect(new Set(accepted.map((answer) => (answer.body as { requestId: string }).requestId)).size).toBe(43);
    expect(await storedCounts(intake.service)).toEqual({
      events: before.events + 53,
      requests: before.requests + 43,
      external: before.external + 10,
      keys: before.keys + 2,
    });
  });

  it('commits submissions that wait for a free statement together, in fewer transactions, with the same answers', async () => {
    // Commands given in one tick: the first two statements go alone, everything else waits for them.
    const agency: VerifiedPrincipal = { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' };
    const expires = Math.floor(Date.now() / 1000) + 300;
    const command = (idempotency?: { key: string; fingerprint: string }, nonce = randomUUID()) =>
      new SubmitSupportRequestCommand(
        // The material names the nonce the guard claims, as the guard's does: intake derives the ids from it.
        { principal: agency, material: { ...signatureMaterial, nonce }, pendingNonce: new PendingNonce('agency-fr-ofb-key', nonce, expires) },
        plainToInstance(SubmitSupportRequestBody, supportRequestBody()),
        idempotency,
      );
    const key = { key: randomUUID(), fingerprint: 'the same body' };
    const sharedNonce = randomUUID();
    const commands = [
      ...Array.from({ length: 30 }, () => command()),
      command(key),
      command(key),
      command(undefined, sharedNonce),
      command(undefined, sharedNonce),
    ];

    const bus = intake.service.app.get(CommandBus);
    const outcomes = await Promise.allSettled(commands.map((c) => bus.execute<SubmitSupportRequestCommand, SubmissionOutcome<{ requestId: string }>>(c)));

    const answered = outcomes.map((o) => (o.status === 'fulfilled' ? (o.value.replayed ? 'replayed' : 'appended') : `refused ${(o.reason as { status?: number }).status}`));
    // A statement runs its submissions sorted by stream id, so which of a pair comes first is open.
    expect(answered.slice(0, 30)).toEqual(Array(30).fill('appended'));
    expect(answered.slice(30, 32).sort()).toEqual(['appended', 'replayed']);
    expect(answered.slice(32).sort()).toEqual(['appended', 'refused 401']);
    const requestIds = outcomes.flatMap((o) => (o.status === 'fulfilled' && !o.value.replayed ? [o.value.body.requestId] : []));
    const { rows } = await intake.service.pool.query<{ events: number; transactions: number }>(
      'SELECT count(*)::int AS events, count(DISTINCT transaction_id)::int AS transactions FROM events WHERE stream_id = ANY($1)',
      [requestIds.map((id) => `support-request-${id}`)],
    );
    expect(rows[0]!.events).toBe(32);
    expect(rows[0]!.transactions).toBeLessThan(32);
  });
});
