import { describe, expect, it } from '@jest/globals';
import { officialEntry } from './log-entry.examples.js';
import type { LogEntry } from './log-entry.js';
import { RecordsAwaitingRequest } from './records-awaiting-request.js';

const DAY = 86_400_000;
const start = Date.parse('2026-11-01T00:00:00Z');
const at = (days: number) => new Date(start + days * DAY).toISOString();
const entry = (sequence: number, days: number): LogEntry => ({ ...officialEntry, sequence, time: at(days) });
const heldSequences = (records: RecordsAwaitingRequest) => [...records].map(([id, entries]) => [id, entries.map((e) => e.sequence)]);

describe('the records waiting for their request', () => {
  it('forgets each record a week after it was logged, also behind a request whose older records went first', () => {
    // Request A waits with records of day 0 and day 2; request B with one of day 5.
    const records = new RecordsAwaitingRequest();
    records.add('a', entry(1, 0));
    records.add('a', entry(2, 2));
    records.add('b', entry(3, 5));

    records.forgetOlderThan(start + 7.1 * DAY - 7 * DAY);
    expect(heldSequences(records)).toEqual([['a', [2]], ['b', [3]]]);

    // Day 9.2: A's day-2 record is past its week, though B's (day 5) is not.
    records.forgetOlderThan(start + 9.2 * DAY - 7 * DAY);
    expect(heldSequences(records)).toEqual([['b', [3]]]);
  });

  it('leaves alone what was taken off the map meanwhile (a request logged, a record rejected)', () => {
    const records = new RecordsAwaitingRequest();
    records.add('a', entry(1, 0));
    records.add('b', entry(2, 1));
    records.add('b', entry(3, 1));
    records.delete('a');
    records.set('b', records.get('b')!.slice(1));

    records.forgetOlderThan(start + 0.5 * DAY);
    expect(heldSequences(records)).toEqual([['b', [3]]]);
    records.forgetOlderThan(start + 2 * DAY);
    expect(records.size).toBe(0);
  });
});
