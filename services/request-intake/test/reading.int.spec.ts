import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CastName } from './support/intake-principals.js';
import { supportRequestBody } from './support/intake-examples.js';
import { startIntake, type RunningIntake } from './support/intake-service.js';

interface Page {
  items: { requestId: string; submittedAt: string; status: string; requestingAgency: { principalId: string } }[];
  nextCursor?: string;
}

describe('reading support requests', () => {
  let intake: RunningIntake;
  const submitted: Record<'french' | 'otherFrench' | 'kenyan', string[]> = { french: [], otherFrench: [], kenyan: [] };

  beforeAll(async () => {
    intake = await startIntake('intake-reading');
    const by: [keyof typeof submitted, CastName][] = [
      ['french', 'frenchAgency'],
      ['otherFrench', 'otherFrenchAgency'],
      ['kenyan', 'kenyanAgency'],
      ['french', 'frenchAgency'],
      ['kenyan', 'kenyanAgency'],
      ['french', 'frenchAgency'],
    ];
    for (const [key, signer] of by) {
      const accepted = await intake.client.post(signer, '/v1/support-requests', supportRequestBody());
      submitted[key].push((accepted.body as { requestId: string }).requestId);
    }
  });
  afterAll(async () => {
    await intake?.stop();
  });

  const list = (as: CastName, query = '') => intake.client.get<Page>(as, `/v1/support-requests${query}`);
  const idsOf = (page: Page) => page.items.map((item) => item.requestId).sort();

  describe('one request', () => {
    it.each([
      ['the requesting agency', 'frenchAgency', 200],
      ['another agency of the same country', 'otherFrenchAgency', 404],
      ['an agency of another country', 'kenyanAgency', 404],
      ['the NCB of the agency’s country', 'frenchNcb', 200],
      ['the NCB of another country', 'kenyanNcb', 404],
      ['the General Secretariat', 'generalSecretariat', 200],
      ['an external source', 'wildWatch', 404],
      ['an auditor', 'auditor', 404],
    ] as const)('answers %s (%s) with %d', async (_who, reader, status) => {
      const requestId = submitted.french[0]!;

      const answer = await intake.client.get(reader, `/v1/support-requests/${requestId}`);

      expect(answer.status).toBe(status);
      if (status === 200) expect(answer.body).toMatchObject({ requestId, status: 'submitted', history: [{ what: 'SupportRequestSubmitted' }] });
    });

    it('hides a request exactly as it answers for one that does not exist', async () => {
      const hidden = await intake.client.get('kenyanNcb', `/v1/support-requests/${submitted.french[0]}`);
      const missing = await intake.client.get('kenyanNcb', `/v1/support-requests/${randomUUID()}`);
      const malformed = await intake.client.get('kenyanNcb', '/v1/support-requests/not-a-uuid');

      const shape = (answer: typeof hidden) => ({ status: answer.status, type: answer.body.type, title: answer.body.title, headers: answer.headers.get('content-type') });
      expect(shape(hidden)).toEqual(shape(missing));
      expect(shape(malformed)).toEqual(shape(missing));
      expect(shape(missing)).toMatchObject({ status: 404, type: expect.stringMatching(/\/support-request-not-found$/) });
    });

    it('shows each history time as UTC to the millisecond, even one stored at year 10000', async () => {
      // Given a request's history lines at times the API must render: one with microseconds, and one
      // at year 10000, as a fact timed 9999-12-31T23:59:60Z was stored before the contracts refused it
      // (PostgreSQL takes the leap second as the next minute); reading that one back was a 500 for good
      const requestId = submitted.french[0]!;
      const submittedAt = (await intake.client.get<{ submittedAt: string }>('frenchAgency', `/v1/support-requests/${requestId}`)).body.submittedAt;
      await intake.service.pool.query(
        `INSERT INTO support_request_history (request_id, position, what, at) VALUES
           ($1, 2, 'RequestAcknowledgedByNcb', '2025-03-14T15:31:02.123456+01:00'), ($1, 3, 'RequestEndorsedByNcb', '9999-12-31T23:59:60Z')`,
        [requestId],
      );
      try {
        // When it is read
        const answer = await intake.client.get<{ history: { at: string }[] }>('frenchAgency', `/v1/support-requests/${requestId}`);

        // Then every time is shown, in UTC, to the millisecond (as toISOString writes the years it can)
        expect(answer.status).toBe(200);
        expect(answer.body.history.map((entry) => entry.at)).toEqual([submittedAt, '2025-03-14T14:31:02.123Z', '10000-01-01T00:00:00.000Z']);
      } finally {
        await intake.service.pool.query('DELETE FROM support_request_history WHERE request_id = $1 AND position > 1', [requestId]);
      }
    });
  });

  describe('the list', () => {
    it('shows an agency its own requests only', async () => {
      expect(idsOf((await list('frenchAgency')).body)).toEqual([...submitted.french].sort());
      expect(idsOf((await list('otherFrenchAgency')).body)).toEqual([...submitted.otherFrench].sort());
    });

    it('shows an NCB its own country’s requests only', async () => {
      expect(idsOf((await list('frenchNcb')).body)).toEqual([...submitted.french, ...submitted.otherFrench].sort());
      expect(idsOf((await list('kenyanNcb')).body)).toEqual([...submitted.kenyan].sort());
    });

    it('shows the General Secretariat every request, newest first', async () => {
      const page = (await list('generalSecretariat')).body;

      expect(idsOf(page)).toEqual([...submitted.french, ...submitted.otherFrench, ...submitted.kenyan].sort());
      const times = page.items.map((item) => item.submittedAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    it.each(['wildWatch', 'auditor'] as const)('gives %s an empty list', async (reader) => {
      expect(await list(reader)).toMatchObject({ status: 200, body: { items: [] } });
    });

    it('filters by status', async () => {
      expect(idsOf((await list('frenchNcb', '?status=submitted')).body)).toEqual([...submitted.french, ...submitted.otherFrench].sort());
      expect((await list('frenchNcb', '?status=endorsed')).body.items).toEqual([]);
    });

    it('pages with an opaque cursor, newest first, every request once', async () => {
      const everything = (await list('generalSecretariat')).body.items.map((item) => item.requestId);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = (await list('generalSecretariat', `?limit=4${cursor ? `&cursor=${cursor}` : ''}`)).body;
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items.map((item) => item.requestId));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== undefined);

      expect(pages).toBe(2);
      expect(seen).toEqual(everything);
    });

    it('keeps a cursor inside the caller’s own scope', async () => {
      const first = (await list('kenyanNcb', '?limit=1')).body;

      const next = (await list('kenyanNcb', `?limit=10&cursor=${first.nextCursor}`)).body;

      expect(next.items.every((item) => submitted.kenyan.includes(item.requestId))).toBe(true);
      expect([...first.items, ...next.items].map((item) => item.requestId).sort()).toEqual([...submitted.kenyan].sort());
    });
  });
});
