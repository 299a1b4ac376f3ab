import type pg from 'pg';
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
    return await inTransaction(pool, async (client) => {
      const inserted = await recordInInbox(client, consumer, [messageId]);
      if (inserted.size === 0) throw new MessageWasAlreadyProcessed();
      return { duplicate: false, result: await effect(client) } as const;
    });
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
  return inTransaction(pool, async (client) => {
    const fresh = await recordInInbox(client, consumer, messages.map((m) => m.messageId));
    const processed: M[] = [];
    const duplicates: M[] = [];
    for (const message of messages) (fresh.delete(message.messageId) ? processed : duplicates).push(message);
    if (processed.length > 0) await effect(client, processed);
    return { processed, duplicates };
  });
}

/**
 * Inserts inbox rows; returns the ids that were not there yet. Ids go in sorted, so two batches that
 * share ids lock them in the same order and wait for each other instead of deadlocking.
 */
async function recordInInbox(client: pg.ClientBase, consumer: string, messageIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ message_id: string }>(
    `INSERT INTO inbox (consumer, message_id)
     SELECT $1, id FROM unnest($2::text[]) AS id
     ON CONFLICT DO NOTHING
     RETURNING message_id`,
    [consumer, [...new Set(messageIds)].sort()],
  );
  return new Set(rows.map((r) => r.message_id));
}
