// Fakes of what recordSubmission talks to, for the handlers' unit specs: a pool that answers its one
// statement, and an event store whose relay publishes in this process. The `.spec.ts` suffix keeps
// this file out of the build; it holds no tests itself.
import type { EventStore } from '@wildlife/event-store';
import type pg from 'pg';

export interface Statement {
  readonly text: string;
  readonly values: unknown[];
}

/** The answer a key holds, as the statement returns it. */
export interface StoredAnswerRow {
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
}

/** A database that answers the submission statement with `outcome` (and `stored`) and remembers each statement. */
export function fakeDatabase(outcome = 'appended', stored?: StoredAnswerRow) {
  const statements: Statement[] = [];
  const query = async (config: { text: string; values: unknown[] }) => {
    statements.push({ text: config.text, values: config.values });
    return { rows: [{ outcome, stored: stored ?? null }], rowCount: 1 };
  };
  return { pool: { query } as unknown as pg.Pool, statements };
}

/** An event store whose relay publishes in this process: no NOTIFY, a wake-up after each commit. */
export function fakeEventStore() {
  const wakeUps: string[] = [];
  const eventStore = { outboxWakeUp: () => ({ notifyRelay: false, committed: () => wakeUps.push('committed') }) } as unknown as EventStore;
  return { eventStore, wakeUps };
}

/** A JSON parameter of the statement, parsed. */
export const json = (value: unknown) => JSON.parse(value as string) as Record<string, unknown>;
