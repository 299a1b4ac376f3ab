import { describe, expect, it } from '@jest/globals';
import { couldBeRecordId, MAX_RECORD_ID_LENGTH } from './record-id.js';

describe('what could be a record id', () => {
  it('is any storable text of at most the contract’s 200 characters, counted as code points', () => {
    expect(MAX_RECORD_ID_LENGTH).toBe(200);
    expect(['b2c1e0f4-5d6a-4b7c-8d9e-0f1a2b3c4d5e', `unparsed:${'a'.repeat(64)}`, 'x'.repeat(200), '🦜'.repeat(200)].map(couldBeRecordId)).toEqual([true, true, true, true]);
  });

  it('is not an id longer than that, nor one holding a NUL or half of a surrogate pair', () => {
    expect(['x'.repeat(201), 'a\u0000b', 'a\uD800b', '\uDC00'].map(couldBeRecordId)).toEqual([false, false, false, false]);
  });
});
