import pg from 'pg';
import { inTransaction } from './transaction.js';

export type ProcessOnceResult<T> = { readonly duplicate: true } | { readonly duplicate: false; readonly result: T };

/** Thrown inside the transaction to roll it back; never leaves `processOnce`. */
class MessageWasAlreadyProcessed extends Error {}

/**
 * Runs `effect` at most once per (consumer, message id), however often the message is delivered.
 *
 * In one transaction: the inbox row is inserted first, then the effect runs on the same client, then
 * both commit together. If the row already exists the transaction is rolled back and
 * `{ duplicate: true }` returned without running the effect. Two concurrent deliveries of one id are
 * serialised by the primary key: the second waits for the first and finds its row (or, if the first
 * rolled back, takes over). An effect that throws rolls everything back, inbox row included, so the
 * message can be processed again on redelivery.
 */
export async function processOnce<T>(
  pool: pg.Pool,
  consumer: string,
  messageId: string,
  effect: (client: pg.PoolClient) => Promise<T>,
): Promise<ProcessOnceResult<T>> {
  try {
    return await inTransaction(
      pool,
      async (client, begun) => {
        if (insertedIds(begun).size === 0) throw new MessageWasAlreadyProcessed();
        return { duplicate: false, result: await effect(client) } as const;
      },
      { begin: beginRecordingInInbox(consumer, [messageId]) },
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
 * `processOnce` for a batch in ONE transaction, for throughput: records every id at once, hands the
 * messages not seen before to `effect` in one call (in order; a message repeated within the batch
 * counts once, at its first place), and commits. `effect` is not called when every message was seen
 * before. If it throws, the whole batch is rolled back: retry it, or process its messages one by one
 * to isolate the bad one.
 */
export async function processBatchOnce<M extends { readonly messageId: string }>(
  pool: pg.Pool,
  consumer: string,
  messages: readonly M[],
  effect: (client: pg.PoolClient, fresh: readonly M[]) => Promise<void>,
): Promise<BatchProcessResult<M>> {
  if (messages.length === 0) return { processed: [], duplicates: [] };
  return inTransaction(
    pool,
    async (client, begun) => {
      const fresh = insertedIds(begun);
      const processed: M[] = [];
      const duplicates: M[] = [];
      for (const message of messages) (fresh.delete(message.messageId) ? processed : duplicates).push(message);
      if (processed.length > 0) await effect(client, processed);
      return { processed, duplicates };
    },
    { begin: beginRecordingInInbox(consumer, messages.map((m) => m.messageId)) },
  );
}

/**
 * `BEGIN` and the insert of the inbox rows, as one simple query: one round trip for both, so a
 * consumer's transaction costs three (this, its effect, COMMIT) instead of four. The ids go in as
 * literals escaped by `pg.escapeLiteral` (a simple query has no parameters), sorted, so two batches
 * that share ids lock them in the same order and wait for each other instead of deadlocking.
 */
function beginRecordingInInbox(consumer: string, messageIds: readonly string[]): string {
  const by = pg.escapeLiteral(consumer);
  const rows = [...new Set(messageIds)].sort().map((id) => `(${by}, ${pg.escapeLiteral(id)})`);
  return `BEGIN; INSERT INTO inbox (consumer, message_id) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING message_id`;
}

/** The ids that `beginRecordingInInbox` inserted: those not in the inbox before. */
function insertedIds(begun: readonly pg.QueryResult[]): Set<string> {
  return new Set((begun[1]!.rows as { message_id: string }[]).map((r) => r.message_id));
}
