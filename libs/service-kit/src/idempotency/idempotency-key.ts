import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { trimFieldLine } from '@wildlife/signatures';
import { ProblemError } from '../problem.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** 1 to 255 visible ASCII characters; a UUID is the usual choice. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** What makes a submission a retry of an earlier one: the signer's key and the request's fingerprint. */
export interface IdempotentSubmission {
  readonly key: string;
  /** Hex sha-256 over the method, the route and the canonical (RFC 8785) JSON of the body. */
  readonly fingerprint: string;
}

/**
 * The key a client sent, or undefined when it sent none. A structured-field string (`"abc"`, as
 * the IETF draft writes it) and a bare token are both accepted. Throws a 400 ProblemError
 * (`idempotency-key-invalid`) for a key that is empty, too long, repeated or not visible ASCII.
 * The value is read as its signature covers it (`trimFieldLine`: only SP and HTAB stripped), so a
 * key with a NBSP or another space at its edge is refused rather than acted on as another key.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? undefined : trimFieldLine(header).replace(/^"(.*)"$/, '$1');
  if (value === undefined || !IDEMPOTENCY_KEY_PATTERN.test(value)) {
    throw new ProblemError(
      400,
      'idempotency-key-invalid',
      'Bad Request',
      `${IDEMPOTENCY_KEY_HEADER} must be given once, as 1 to 255 visible ASCII characters.`,
    );
  }
  return value;
}

/**
 * The fingerprint of a submission: equal for the same JSON body sent again, whatever its spacing
 * or key order; different for any other body, or the same body sent to another route.
 */
export function submissionFingerprint(method: string, route: string, rawBody: Buffer | undefined): string {
  const text = rawBody?.toString('utf8') ?? '';
  let canonical: string;
  try {
    canonical = canonicalize(JSON.parse(text));
  } catch {
    canonical = text;
  }
  return createHash('sha256').update(`${method.toUpperCase()} ${route}\n${canonical}`).digest('hex');
}
