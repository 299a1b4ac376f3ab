import { isRecordableInstant } from '@wildlife/contracts';
import { ProblemError } from '@wildlife/service-kit';

/** Where a page ended, in listing order (newest first, then by id): the next page starts after it. */
export interface ListPosition {
  readonly submittedAt: string;
  readonly requestId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What `Date.prototype.toISOString` writes for four-digit years: all encodeCursor writes. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A time exactly as `toISOString` wrote it, at an instant PostgreSQL stores (the contracts' check:
 * not merely one `Date.parse` takes, like "1", year +275760 or year 0000, which PostgreSQL refuses).
 */
const isIsoInstant = (text: string) => ISO_INSTANT.test(text) && isRecordableInstant(text) && new Date(text).toISOString() === text;

/** The opaque cursor handed to clients: base64url JSON. It grants nothing: every page is still scoped to the caller. */
export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.submittedAt, position.requestId]), 'utf8').toString('base64url');
}

/** The position a cursor names. Throws a 400 problem (`cursor-invalid`) for anything `encodeCursor` did not make. */
export function decodeCursor(cursor: string): ListPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [submittedAt, requestId] = parsed as unknown[];
    if (typeof submittedAt === 'string' && isIsoInstant(submittedAt) && typeof requestId === 'string' && UUID.test(requestId)) {
      return { submittedAt, requestId };
    }
  }
  throw new ProblemError(400, 'cursor-invalid', 'Bad Request', 'The cursor is not one this service handed out; start again without it.', {
    errors: [{ pointer: '/cursor', reason: 'cursor must be a nextCursor from an earlier page' }],
  });
}
