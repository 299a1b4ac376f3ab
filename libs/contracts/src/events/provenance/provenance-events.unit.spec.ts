import { describe, expect, it } from '@jest/globals';
import { recordRejectedV1 } from './record-rejected.v1.js';
import { recordRejectedV1Example } from './record-rejected.v1.example.js';
import { recordVerifiedV1 } from './record-verified.v1.js';
import { recordVerifiedV1Example } from './record-verified.v1.example.js';

const paths = (violations: readonly { path: string }[]) => violations.map((violation) => violation.path);

describe('the provenance events', () => {
  it('refuses a classification outside official, pending NCB and external', () => {
    expect(paths(recordVerifiedV1.violationsOf({ ...recordVerifiedV1Example.data, classification: 'trusted' }))).toEqual([
      '/classification',
    ]);
  });

  it.each([
    ['a negative log index', { logIndex: -1 }, '/logIndex'],
    ['a fractional log index', { logIndex: 1.5 }, '/logIndex'],
    ['a record type that is not an event type', { recordType: 'support request' }, '/recordType'],
  ])('refuses %s', (_case, change, path) => {
    expect(paths(recordVerifiedV1.violationsOf({ ...recordVerifiedV1Example.data, ...change }))).toEqual([path]);
  });

  it('accepts a rejection code it does not know yet, so new codes do not break older consumers', () => {
    const data = { ...recordRejectedV1Example.data, reason: { code: 'key-revoked-by-ncb', text: 'The key was revoked.' } };

    expect(recordRejectedV1.violationsOf(data)).toEqual([]);
  });

  it('refuses a rejection code that is not kebab-case', () => {
    const data = { ...recordRejectedV1Example.data, reason: { code: 'Bad Signature', text: 'x' } };

    expect(paths(recordRejectedV1.violationsOf(data))).toEqual(['/reason/code']);
  });
});
