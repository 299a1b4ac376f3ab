import { describe, expect, it } from '@jest/globals';
import type { EventStore, NewEvent, OutboxMessage } from '@wildlife/event-store';
import type { PrincipalDirectory, VerifiedPrincipal } from '@wildlife/service-kit';
import { plainToInstance } from 'class-transformer';
import type pg from 'pg';
import { signatureMaterial } from '../../domain/support-request.examples.spec.js';
import { SubmitSupportRequestCommand } from './submit-support-request.command.js';
import { SubmitSupportRequestHandler } from './submit-support-request.handler.js';
import { SubmitSupportRequestBody } from './submit-support-request.request.dto.js';

// The handler's own logic, over fakes of the database and the event store: what it appends, in
// which transaction, and what it refuses before touching either.

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

/** A database that answers every statement and remembers them; the key is free unless `stored` is given. */
function fakeDatabase(stored?: { fingerprint: string }) {
  const statements: string[] = [];
  const query = async (text: string) => {
    statements.push(text.trim().split(/\s+/).slice(0, 3).join(' '));
    if (text.includes('INSERT INTO idempotency_keys')) return { rows: [], rowCount: stored ? 0 : 1 };
    if (text.includes('FROM idempotency_keys')) {
      return { rows: [{ request_hash: stored!.fingerprint, response_status: 202, response_body: { requestId: 'first', status: 'submitted', statusUrl: '/v1/support-requests/first' } }] };
    }
    return { rows: [], rowCount: 1 };
  };
  const client = { query, release: () => undefined };
  const pool = { query, connect: async () => client } as unknown as pg.Pool;
  return { pool, statements };
}

function fakeEventStore() {
  const appends: { streamId: string; expected: unknown; events: readonly NewEvent[]; outbox: readonly OutboxMessage[] }[] = [];
  const eventStore = {
    appendWith: async (_client: unknown, streamId: string, expected: unknown, events: readonly NewEvent[], options: { outbox?: readonly OutboxMessage[] } = {}) => {
      appends.push({ streamId, expected, events, outbox: options.outbox ?? [] });
      return { nextExpectedVersion: 1, events: [] };
    },
  } as unknown as EventStore;
  return { eventStore, appends };
}

function given(stored?: { fingerprint: string }) {
  const database = fakeDatabase(stored);
  const store = fakeEventStore();
  const handler = new SubmitSupportRequestHandler(database.pool, store.eventStore, 'p.', directory);
  return { handler, ...database, ...store };
}

describe('the submission handler', () => {
  it('appends the submission with its public event on the prefixed topic, and the read model, in one transaction', async () => {
    const { handler, statements, appends } = given();

    const outcome = await handler.execute(new SubmitSupportRequestCommand({ principal: frenchAgency, material: signatureMaterial }, body(), undefined));

    expect(outcome).toMatchObject({ status: 202, replayed: false, body: { status: 'submitted' } });
    const { requestId } = outcome.body;
    expect(appends).toHaveLength(1);
    const [append] = appends;
    expect(append).toMatchObject({ streamId: `support-request-${requestId}`, expected: 'no_stream' });
    expect(append!.events[0]).toMatchObject({ type: 'SupportRequestSubmitted', data: { requestingAgency: { principalId: 'agency-fr-ofb', country: 'FR' } } });
    expect(append!.outbox).toEqual([expect.objectContaining({ topic: 'p.wildlife.request-intake.events', messageId: append!.events[0]!.eventId, key: requestId })]);
    expect(statements[0]).toBe('BEGIN');
    expect(statements.at(-1)).toBe('COMMIT');
    expect(statements).toContain('WITH request AS');
  });

  it('keeps the key’s answer before it appends, in the same transaction', async () => {
    const { handler, statements } = given();

    await handler.execute(new SubmitSupportRequestCommand({ principal: frenchAgency, material: signatureMaterial }, body(), { key: 'k-1', fingerprint: 'f' }));

    expect(statements.slice(0, 2)).toEqual(['BEGIN', 'INSERT INTO idempotency_keys']);
  });

  it('answers with the stored first answer, and appends nothing, when the key already holds one', async () => {
    const { handler, statements, appends } = given({ fingerprint: 'f' });

    const outcome = await handler.execute(new SubmitSupportRequestCommand({ principal: frenchAgency, material: signatureMaterial }, body(), { key: 'k-1', fingerprint: 'f' }));

    expect(outcome).toEqual({ status: 202, replayed: true, body: { requestId: 'first', status: 'submitted', statusUrl: '/v1/support-requests/first' } });
    expect(appends).toEqual([]);
    expect(statements).toContain('ROLLBACK');
  });

  it('refuses a key used before for another body with 422', async () => {
    const { handler } = given({ fingerprint: 'another' });

    const outcome = handler.execute(new SubmitSupportRequestCommand({ principal: frenchAgency, material: signatureMaterial }, body(), { key: 'k-1', fingerprint: 'f' }));

    await expect(outcome).rejects.toMatchObject({ status: 422, code: 'idempotency-key-reused' });
  });

  it.each([
    ['an NCB acting for another country’s agency', kenyanNcb, { onBehalfOfAgency: 'agency-fr-ofb' }, 403],
    ['an agency the registry does not hold', kenyanNcb, { onBehalfOfAgency: 'agency-ke-nobody' }, 422],
    ['an agency naming an agency', frenchAgency, { onBehalfOfAgency: 'agency-fr-ofb' }, 403],
  ])('refuses %s before touching the database', async (_case, principal, extra, status) => {
    const { handler, statements, appends } = given();

    const outcome = handler.execute(new SubmitSupportRequestCommand({ principal, material: signatureMaterial }, body(extra), undefined));

    await expect(outcome).rejects.toMatchObject({ status });
    expect(statements).toEqual([]);
    expect(appends).toEqual([]);
  });
});
