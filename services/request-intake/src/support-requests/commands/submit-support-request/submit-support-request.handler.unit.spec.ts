import { describe, expect, it } from '@jest/globals';
import type { EventStore } from '@wildlife/event-store';
import { PendingNonce, type PrincipalDirectory, type VerifiedPrincipal } from '@wildlife/service-kit';
import { plainToInstance } from 'class-transformer';
import type pg from 'pg';
import { signatureMaterial } from '../../domain/support-request.examples.spec.js';
import { SubmitSupportRequestCommand } from './submit-support-request.command.js';
import { SubmitSupportRequestHandler } from './submit-support-request.handler.js';
import { SubmitSupportRequestBody } from './submit-support-request.request.dto.js';

// The handler's own logic, over a fake of the database: what its one statement records, how it
// answers each outcome of that statement, and what it refuses before touching the database.

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

interface Statement {
  readonly text: string;
  readonly values: unknown[];
}

/** A database that answers the submission statement with `outcome` (and `stored`) and remembers each statement. */
function fakeDatabase(outcome = 'appended', stored?: { requestHash: string }) {
  const statements: Statement[] = [];
  const query = async (config: { text: string; values: unknown[] }) => {
    statements.push({ text: config.text, values: config.values });
    const answer = stored && { ...stored, status: 202, body: { requestId: 'first', status: 'submitted', statusUrl: '/v1/support-requests/first' } };
    return { rows: [{ outcome, stored: answer ?? null }], rowCount: 1 };
  };
  return { pool: { query } as unknown as pg.Pool, statements };
}

/** An event store whose relay publishes in this process: no NOTIFY, a wake-up after each commit. */
function fakeEventStore() {
  const wakeUps: string[] = [];
  const eventStore = { outboxWakeUp: () => ({ notifyRelay: false, committed: () => wakeUps.push('committed') }) } as unknown as EventStore;
  return { eventStore, wakeUps };
}

function given(outcome?: string, stored?: { requestHash: string }) {
  const database = fakeDatabase(outcome, stored);
  const store = fakeEventStore();
  const handler = new SubmitSupportRequestHandler(database.pool, store.eventStore, 'p.', directory);
  return { handler, ...database, ...store };
}

const json = (value: unknown) => JSON.parse(value as string) as Record<string, unknown>;
const signedBy = (principal: VerifiedPrincipal, pendingNonce?: PendingNonce) => ({ principal, material: signatureMaterial, ...(pendingNonce && { pendingNonce }) });

describe('the submission handler', () => {
  it('records the submission, its public event on the prefixed topic and the read model in one statement, then wakes the relay', async () => {
    const { handler, statements, wakeUps } = given();

    const outcome = await handler.execute(new SubmitSupportRequestCommand(signedBy(frenchAgency), body(), undefined));

    expect(outcome).toMatchObject({ status: 202, replayed: false, body: { status: 'submitted' } });
    const { requestId } = outcome.body;
    expect(statements).toHaveLength(1);
    const [nonce, answer, streamId, events, outbox, , notifyRelay, view] = statements[0]!.values;
    expect(statements[0]!.text).toContain('submit_support_request(');
    expect([nonce, answer, streamId, notifyRelay]).toEqual([null, null, `support-request-${requestId}`, false]);
    expect(wakeUps).toEqual(['committed']);
    const [event] = JSON.parse(events as string) as { eventId: string }[];
    expect(event).toMatchObject({ type: 'SupportRequestSubmitted', data: { requestingAgency: { principalId: 'agency-fr-ofb', country: 'FR' } } });
    expect(JSON.parse(outbox as string)).toEqual([expect.objectContaining({ topic: 'p.wildlife.request-intake.events', messageId: event!.eventId, key: requestId })]);
    expect(json(view)).toMatchObject({ request: { request_id: requestId, status: 'submitted', submission_event_id: event!.eventId, version: 1 }, history: [{ position: 1 }] });
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
