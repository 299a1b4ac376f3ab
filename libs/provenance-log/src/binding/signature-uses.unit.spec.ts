import { describe, expect, it } from '@jest/globals';
import type { LogEntry, LoggedSignatureMaterial } from '../entry/log-entry.js';
import { SIGNATURE_REUSE_WINDOW_SECONDS, SignatureUses } from './signature-uses.js';

const TYPE = 'request-intake.SupportRequestSubmitted.v1';
const T = 1_741_946_739;

const evidence = (nonce: string, created = T, keyId = 'k-1') => ({ keyId, nonce, created }) as LoggedSignatureMaterial;

function entry(id: string, material: LoggedSignatureMaterial, changes: Partial<LogEntry> = {}) {
  return { record: { id, type: TYPE, subject: null, time: null }, classification: 'official' as const, evidence: material, ...changes };
}

describe('one signed request makes one record', () => {
  it('refuses a signature that already made another record, naming it', () => {
    const uses = new SignatureUses();
    uses.note(entry('record-a', evidence('n-1')));
    expect(uses.problemOf({ id: 'record-b', type: TYPE }, evidence('n-1'))).toMatchObject({ code: 'signature-reused', text: expect.stringContaining('"record-a"') });
    expect(uses.problemOf({ id: 'record-b', type: TYPE }, evidence('n-2'))).toBeUndefined();
    expect(uses.problemOf({ id: 'record-b', type: TYPE }, evidence('n-1', T, 'k-2'))).toBeUndefined();
  });

  it('takes a nonce sent again with another created time for another signature, as the live guard does once it forgot the nonce', () => {
    const uses = new SignatureUses();
    uses.note(entry('record-a', evidence('n-1')));
    expect(uses.problemOf({ id: 'record-b', type: TYPE }, evidence('n-1', T + 600))).toBeUndefined();
    expect(uses.problemOf({ id: 'record-b', type: TYPE }, evidence('n-1', T))).toMatchObject({ code: 'signature-reused' });
  });

  it('lets a signature stand again for its own record', () => {
    const uses = new SignatureUses();
    uses.note(entry('record-a', evidence('n-1')));
    expect(uses.problemOf({ id: 'record-a', type: TYPE }, evidence('n-1'))).toBeUndefined();
  });

  it('counts only records the log did not reject, and no change of classification', () => {
    const uses = new SignatureUses();
    uses.note(entry('record-a', evidence('n-1'), { classification: 'rejected' }));
    uses.note(entry('record-c', evidence('n-2'), { supersedes: 0 }));
    expect(uses.problemOf({ id: 'record-b', type: TYPE }, evidence('n-1'))).toBeUndefined();
    expect(uses.problemOf({ id: 'record-b', type: TYPE }, evidence('n-2'))).toBeUndefined();
  });

  it('remembers a window behind the newest signature of the key, and refuses what is older than that', () => {
    const uses = new SignatureUses();
    uses.note(entry('record-a', evidence('n-old', T)));
    uses.note(entry('record-b', evidence('n-late', T + SIGNATURE_REUSE_WINDOW_SECONDS)));
    expect(uses.problemOf({ id: 'record-x', type: TYPE }, evidence('n-old', T))).toMatchObject({ code: 'signature-reused' });
    uses.note(entry('record-c', evidence('n-new', T + SIGNATURE_REUSE_WINDOW_SECONDS + 1)));
    // n-old is forgotten now: any record signed that long before the key's newest is refused.
    expect(uses.problemOf({ id: 'record-x', type: TYPE }, evidence('n-old', T))).toMatchObject({ code: 'signature-reuse-unverifiable' });
    expect(uses.problemOf({ id: 'record-x', type: TYPE }, evidence('n-other', T + 1))).toBeUndefined();
  });

  it('keeps a bounded number of uses however long the log', () => {
    const uses = new SignatureUses();
    for (let i = 0; i < 10_000; i += 1) uses.note(entry(`record-${i}`, evidence(`n-${i}`, T + i * 60)));
    // A day holds 1440 signatures a minute apart: older ones are forgotten, and refused if seen again.
    expect(uses.problemOf({ id: 'record-x', type: TYPE }, evidence('n-0', T))).toMatchObject({ code: 'signature-reuse-unverifiable' });
    expect(uses.problemOf({ id: 'record-x', type: TYPE }, evidence('n-9000', T + 9000 * 60))).toMatchObject({ code: 'signature-reused' });
    expect(uses.size).toBe(SIGNATURE_REUSE_WINDOW_SECONDS / 60 + 1);
  });
});
