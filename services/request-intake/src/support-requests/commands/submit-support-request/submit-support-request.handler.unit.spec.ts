import { describe, expect, it } from '@jest/globals';
import { PendingNonce, type PrincipalDirectory, type VerifiedPrincipal } from '@wildlife/service-kit';
import { recordIdOf, signatureDerivedId } from '@wildlife/signatures';
import { plainToInstance } from 'class-transformer';
import { signatureMaterial } from '../../domain/support-request.examples.spec.js';
import { fakeDatabase, fakeEventStore, json } from '../record-submission.fakes.spec.js';
import { SubmissionRecorder } from '../record-submission.js';
import { SubmitSupportRequestCommand } from './submit-support-request.command.js';
import { SubmitSupportRequestHandler } from './submit-support-request.handler.js';
import { SubmitSupportRequestBody } from './submit-support-request.request.dto.js';

// The handler's own logic, over a fake of the database: what its one statement records, how it
// answers each outcome of that statement (recordSubmission), and what it refuses before touching
// the database.

const frenchAgency: VerifiedPrincipal = { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' };
const kenyanNcb: VerifiedPrincipal = { id: 'ncb-ke', kind: 'ncb', country: 'KE' };
const registered = new Map<string, VerifiedPrincipal>([[frenchAgency.id, frenchAgency]]);
const directory: PrincipalDirectory = { resolveKey: () => ({ refused: 'key_unknown' }), principal: (id) => registered.get(id) };

const body = (extra: Record<string, unknown> = {}) =>
  plainToInstance(SubmitSupportRequestBody, {
    capabilities: ['expert-network'],
    natureOfHelp: ['advice'],
    caseSummary: 'Pangolin scales offered on a marketplace.',
    urgency: 'routine',
    countriesConcerned: ['FR'],
    ...extra,
  });

const firstAnswer = { status: 202, body: { requestId: 'first', status: 'submitted', statusUrl: '/v1/support-requests/first' } };

function given(outcome?: string, stored?: { requestHash: string }) {
  const database = fakeDatabase(outcome, stored && { ...stored, ...firstAnswer });
  const store = fakeEventStore();
  const handler = new SubmitSupportRequestHandler(new SubmissionRecorder(database.pool, store.eventStore), 'p.', directory);
  return { handler, ...database, ...store };
}

const signedBy = (principal: VerifiedPrincipal, pendingNonce?: PendingNonce) => ({ principal, material: signatureMaterial, ...(pendingNonce && { pendingNonce }) });

describe('the submission handler', () => {
  it('records the submission, its public event on the prefixed topic and the read model in one statement, then wakes the relay', async () => {
    const { handler, statements, wakeUps } = given();

    const outcome = await handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency), body(), undefined));

    expect(outcome).toMatchObject({ status: 202, replayed: false, body: { status: 'submitted' } });
    const { requestId } = outcome.body;
    expect(statements).toHaveLength(1);
    const [nonce, answer, streamId, events, outbox, , notifyRelay, viewKind, view] = statements[0]!.values;
    expect(statements[0]!.text).toContain('record_submission(');
    expect([nonce, answer, streamId, notifyRelay, viewKind]).toEqual([null, null, `support-request-${requestId}`, false, 'support_request']);
    expect(wakeUps).toEqual(['committed']);
    const [event] = JSON.parse(events as string) as { eventId: string }[];
    expect(event).toMatchObject({ type: 'SupportRequestSubmitted', data: { requestingAgency: { principalId: 'agency-fr-ofb', country: 'FR' } } });
    expect(JSON.parse(outbox as string)).toEqual([expect.objectContaining({ topic: 'p.wildlife.request-intake.events', messageId: event!.eventId, key: requestId })]);
    expect(json(view)).toMatchObject({ request: { request_id: requestId, status: 'submitted', submission_event_id: event!.eventId, version: 1 }, history: [{ position: 1 }] });
  });

  it('mints the request id and the record’s event id from the signature, so provenance can check both', async () => {
    const { handler, statements } = given();

    const outcome = await handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency), body(), undefined));

    expect(outcome.body.requestId).toBe(signatureDerivedId('request', signatureMaterial));
    const [event] = JSON.parse(statements[0]!.values[3] as string) as { eventId: string }[];
    expect(event!.eventId).toBe(recordIdOf('request-intake.SupportRequestSubmitted.v1', signatureMaterial));
    const again = given();
    await again.handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency), body(), undefined));
    expect((JSON.parse(again.statements[0]!.values[3] as string) as { eventId: string }[])[0]!.eventId).toBe(event!.eventId);
    const other = given();
    const resigned = await other.handler.execute(new SubmitSupportRequestCommand({ principal: frenchAgency, material: { ...signatureMaterial, nonce: 'another-nonce' } }, body(), undefined));
    expect(resigned.body.requestId).not.toBe(outcome.body.requestId);
  });

  it('keeps the key’s answer in the same statement', async () => {
    const { handler, statements } = given();

    const outcome = await handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency), body(), { key: 'k-1', fingerprint: 'f' }));

    expect(json(statements[0]!.values[1])).toEqual({ principalId: 'agency-fr-ofb', key: 'k-1', requestHash: 'f', status: 202, body: outcome.body });
  });

  it('hands the signature’s nonce over to the statement, which claims it', async () => {
    const { handler, statements } = given();
    const pending = new PendingNonce('agency-fr-ofb-1', 'n-1', 1_700_000_300);

    await handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency, pending), body(), undefined));

    expect(pending.handedOver).toBe(true);
    expect(json(statements[0]!.values[0])).toEqual({ keyId: 'agency-fr-ofb-1', nonce: 'n-1', expiresAt: 1_700_000_300 });
  });

  it('refuses a nonce the statement found claimed before with 401', async () => {
    const { handler } = given('nonce_reused');

    const outcome = handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency, new PendingNonce('k', 'n', 1)), body(), undefined));

    await expect(outcome).rejects.toMatchObject({ status: 401, code: 'signature-nonce-reused', extensions: { check: 'nonce_reused' } });
  });

  it('answers with the stored first answer when the key already holds one, waking nobody', async () => {
    const { handler, wakeUps } = given('key_holds_answer', { requestHash: 'f' });

    const outcome = await handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency), body(), { key: 'k-1', fingerprint: 'f' }));

    expect(outcome).toEqual({ status: 202, replayed: true, body: { requestId: 'first', status: 'submitted', statusUrl: '/v1/support-requests/first' } });
    expect(wakeUps).toEqual([]);
  });

  it('refuses a key used before for another body with 422', async () => {
    const { handler } = given('key_holds_answer', { requestHash: 'another' });

    const outcome = handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency), body(), { key: 'k-1', fingerprint: 'f' }));

    await expect(outcome).rejects.toMatchObject({ status: 422, code: 'idempotency-key-reused' });
  });

  it.each([
    ['an NCB acting for another country’s agency', kenyanNcb, { onBehalfOfAgency: 'agency-fr-ofb' }, 403],
    ['an agency the registry does not hold', kenyanNcb, { onBehalfOfAgency: 'agency-ke-nobody' }, 422],
    ['an agency naming an agency', frenchAgency, { onBehalfOfAgency: 'agency-fr-ofb' }, 403],
  ])('refuses %s before touching the database, leaving its nonce unclaimed', async (_case, principal, extra, status) => {
    const { handler, statements } = given();
    const pending = new PendingNonce('k', 'n', 1);

    const outcome = handler.execute(new SubmitSupportRequestCommand(signedBy(principal, pending), body(extra), undefined));

    await expect(outcome).rejects.toMatchObject({ status });
    expect(statements).toEqual([]);
    expect(pending.handedOver).toBe(false);
  });
});
