import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '../problem.js';
import { idempotencyKeyOf, submissionFingerprint } from './idempotency-key.js';
import { replayOf } from './idempotent-replay.js';

describe('the Idempotency-Key header', () => {
  it('is optional', () => {
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
  });

  it('is read bare or as a structured-field string', () => {
    expect(idempotencyKeyOf('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(idempotencyKeyOf('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
  });

  it('is read without the SP and HTAB around it, as its signature covers it', () => {
    expect(idempotencyKeyOf(' \tk-1\t ')).toBe('k-1');
  });

  it.each([
    ['empty', ''],
    ['over 255 characters', 'k'.repeat(256)],
    ['with a space inside', 'two words'],
    ['not ASCII', 'clé'],
    ['sent twice', ['a', 'b']],
    // The signature covers these with the key (RFC 9421 strips only SP and HTAB): not stripped here either.
    ['with a NBSP before it', '\u00a0k-1'],
    ['with a form feed after it', 'k-1\u000c'],
  ])('is refused with 400 when %s', (_case, header) => {
    expect(() => idempotencyKeyOf(header)).toThrow(expect.objectContaining({ status: 400, code: 'idempotency-key-invalid' }) as unknown as Error);
  });
});

describe('the fingerprint of a submission', () => {
  const body = (text: string) => Buffer.from(text, 'utf8');

  it('is the same for the same JSON, whatever its spacing and key order', () => {
    expect(submissionFingerprint('POST', '/v1/support-requests', body('{"a":1,"b":[1,2]}'))).toBe(
      submissionFingerprint('post', '/v1/support-requests', body('{ "b": [1, 2],\n "a": 1 }')),
    );
  });

  it('differs for another body, another route or another method', () => {
    const fingerprint = submissionFingerprint('POST', '/v1/support-requests', body('{"a":1}'));

    expect(submissionFingerprint('POST', '/v1/support-requests', body('{"a":2}'))).not.toBe(fingerprint);
    expect(submissionFingerprint('POST', '/v1/external-information', body('{"a":1}'))).not.toBe(fingerprint);
    expect(submissionFingerprint('PUT', '/v1/support-requests', body('{"a":1}'))).not.toBe(fingerprint);
  });
});

describe('answering a retry', () => {
  const stored = { fingerprint: 'f1', status: 202, body: { requestId: 'r' } };

  it('gives the stored first answer for the same fingerprint', () => {
    expect(replayOf(stored, { key: 'k', fingerprint: 'f1' })).toEqual({ status: 202, body: { requestId: 'r' } });
  });

  it('refuses a key reused for another request with 422', () => {
    expect(() => replayOf(stored, { key: 'k', fingerprint: 'f2' })).toThrow(ProblemError);
    expect(() => replayOf(stored, { key: 'k', fingerprint: 'f2' })).toThrow(expect.objectContaining({ status: 422, code: 'idempotency-key-reused' }) as unknown as Error);
  });
});
