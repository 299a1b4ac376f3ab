import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '@wildlife/service-kit';
import { decodeCursor, encodeCursor } from './list-cursor.js';

describe('the list cursor', () => {
  const position = { submittedAt: '2026-11-28T18:00:00.123Z', requestId: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04' };

  it('names the position it was made from', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('is opaque and safe in a query string', () => {
    expect(encodeCursor(position)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON of another shape', Buffer.from('{"a":1}').toString('base64url')],
    ['a bad time', Buffer.from(JSON.stringify(['yesterday', position.requestId])).toString('base64url')],
    ['a time Date.parse takes and PostgreSQL does not ("1")', Buffer.from(JSON.stringify(['1', position.requestId])).toString('base64url')],
    ['a time beyond the years PostgreSQL takes', Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', position.requestId])).toString('base64url')],
    ['year 0000, which toISOString writes and PostgreSQL refuses', Buffer.from(JSON.stringify(['0000-06-01T00:00:00.000Z', position.requestId])).toString('base64url')],
    ['a day that does not exist', Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', position.requestId])).toString('base64url')],
    ['a request id that is no UUID', Buffer.from(JSON.stringify([position.submittedAt, "x' OR 1=1"])).toString('base64url')],
  ])('refuses %s with a 400 problem', (_case, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ProblemError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'cursor-invalid' });
    }
  });
});
