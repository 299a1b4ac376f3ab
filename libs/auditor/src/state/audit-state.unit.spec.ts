import { describe, expect, it } from '@jest/globals';
import { AuditStateIsUnreadable, EMPTY_AUDIT_STATE, parseAuditState, serialiseAuditState, withAuditedLog } from './audit-state.js';

describe('the audit state file', () => {
  it('keeps each log\'s pinned key, checkpoint and prefix roots across a write and a read', () => {
    const log = {
      verifierKey: 'log.example/one+01234567+AQ==',
      checkpoint: 'note',
      size: 5,
      rootHash: new Uint8Array(32).fill(1),
      prefixRoots: [{ size: 3, rootHash: new Uint8Array(32).fill(2) }],
      verifiedAt: '2025-03-01T10:00:00.000Z',
    };
    const state = withAuditedLog(EMPTY_AUDIT_STATE, 'log.example/one', log);
    expect(parseAuditState(serialiseAuditState(state))).toEqual(state);
  });

  it.each([
    ['text that is not JSON', 'nope'],
    ['another version', '{"version":2,"logs":{}}'],
    ['a root hash of the wrong length', '{"version":1,"logs":{"a":{"verifierKey":"k","checkpoint":"c","size":1,"rootHash":"AA==","prefixRoots":[]}}}'],
    ['a negative size', `{"version":1,"logs":{"a":{"verifierKey":"k","checkpoint":"c","size":-1,"rootHash":"${Buffer.alloc(32).toString('base64')}","prefixRoots":[]}}}`],
  ])('refuses %s', (_, text) => {
    expect(() => parseAuditState(text)).toThrow(AuditStateIsUnreadable);
  });
});
