import pg from 'pg';
import { inTransaction } from './transaction.js';

export type ProcessOnceResult<T> = { readonly duplicate: true } | { readonly duplicate: false; readonly result: T };

/**
 * What identifies a message to the inbox: its source and its id within that source, as CloudEvents
 * identifies an event (`source`, `id`). The same id from two sources is two messages.
 */
export interface InboxMessage {
  /** Non-empty: the empty source marks rows recorded before the inbox knew sources (migration 0009). */
  readonly source: string;
  readonly messageId: string;
}

/** Thrown inside the transaction to roll it back; never leaves `processOnce`. */
class MessageWasAlreadyProcessed extends Error {}

/**
 * Runs `effect` at most once per (consumer, message source, message id), however often the message is
 * delivered.
 *
 * In one transaction: the inbox row is inserted first, then the effect runs on the same client, then
 * both commit together. If the row already exists the transaction is rolled back and
 * `{ duplicate: true }` returned without running the effect. Two concurrent deliveries of one message
 * are serialised by the primary key: the second waits for the first and finds its row (or, if the first
 * rolled back, takes over). An effect that throws rolls everything back, inbox row included, so the
 * message can be processed again on redelivery.
 */
export async function processOnce<T>(
  pool: pg.Pool,
  consumer: string,
  message: InboxMessage,
  effect: (client: pg.PoolClient) => Promise<T>,
): Promise<ProcessOnceResult<T>> {
  try {
    return await inTransaction(
      pool,
      async (client, begun) => {
        if (insertedKeys(begun).size === 0) throw new MessageWasAlreadyProcessed();
        return { duplicate: false, result: await effect(client) } as const;
      },
      { begin: beginRecordingInInbox(consumer, [message]) },
    );
  } catch (error) {
    if (error instanceof MessageWasAlreadyProcessed) return { duplicate: true };
    throw error;
  }
}

export interface BatchProcessResult<M> {
  readonly processed: M[];
  readonly duplicates: M[];
}

/**
 * `processOnce` for a batch in ONE transaction, for throughput: records every message at once, hands
 * the messages not seen before to `effect` in one call (in order; a message repeated within the batch
 * counts once, at its first place), and commits. `effect` is not called when every message was seen
 * before. If it throws, the whole batch is rolled back: retry it, or process its messages one by one
 * to isolate the bad one.
 */
export async function processBatchOnce<M extends InboxMessage>(
  pool: pg.Pool,
  consumer: string,
  messages: readonly M[],
  effect: (client: pg.PoolClient, fresh: readonly M[]) => Promise<void>,
): Promise<BatchProcessResult<M>> {
  if (messages.length === 0) return { processed: [], duplicates: [] };
  return inTransaction(
    pool,
    async (client, begun) => {
      const fresh = insertedKeys(begun);
      const processed: M[] = [];
      const duplicates: M[] = [];
      for (const message of messages) (fresh.delete(keyOf(message)) ? processed : duplicates).push(message);
      if (processed.length > 0) await effect(client, processed);
      return { processed, duplicates };
    },
    { begin: beginRecordingInInbox(consumer, messages) },
  );
}

/**
 * `BEGIN` and the insert of the inbox rows, as one simple query: one round trip for both, so a
 * consumer's transaction costs three (this, its effect, COMMIT) instead of four. The values go in as
 * literals escaped by `pg.escapeLiteral` (a simple query has no parameters), sorted, so two batches
 * that share messages lock them in the same order and wait for each other instead of deadlocking. A
 * message whose id a row from before migration 0009 holds (empty source) counts as processed.
 */
function beginRecordingInInbox(consumer: string, messages: readonly InboxMessage[]): string {
  const by = pg.escapeLiteral(consumer);
  const unique = new Map<string, InboxMessage>();
  for (const message of messages) {
    if (message.source === '') throw new TypeError(`message ${message.messageId} has an empty source: the inbox keys messages by source and id`);
    unique.set(keyOf(message), message);
  }
  const rows = [...unique.values()]
    .sort((a, b) => compare(a.source, b.source) || compare(a.messageId, b.messageId))
    .map((m) => `(${by}, ${pg.escapeLiteral(m.source)}, ${pg.escapeLiteral(m.messageId)})`);
  return (
    'BEGIN; INSERT INTO inbox (consumer, source, message_id) ' +
    `SELECT m.consumer, m.source, m.message_id FROM (VALUES ${rows.join(', ')}) AS m (consumer, source, message_id) ` +
    "WHERE NOT EXISTS (SELECT FROM inbox o WHERE o.consumer = m.consumer AND o.source = '' AND o.message_id = m.message_id) " +
    'ON CONFLICT DO NOTHING RETURNING source, message_id'
  );
}

/** The messages that `beginRecordingInInbox` inserted, by `keyOf`: those not in the inbox before. */
function insertedKeys(begun: readonly pg.QueryResult[]): Set<string> {
  return new Set((begun[1]!.rows as { source: string; message_id: string }[]).map((r) => keyOf({ source: r.source, messageId: r.message_id })));
}

/** One string per (source, id), unambiguous whatever characters either holds. */
const keyOf = (message: InboxMessage): string => JSON.stringify([message.source, message.messageId]);

/** Code-unit order, the same in every process (no locale). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
