import { eventStoreMigrations, migrate, OutboxRelay } from '@wildlife/event-store';
import { createTestDatabase, latencySummary, markWal, type LatencySummary } from '@wildlife/testing';
import type pg from 'pg';
import { closedLoop, round } from './latency.js';
import { RAW_ROWS_TABLE, writeInputs, writeVariants, type WriteVariant } from './write-variants.js';

export interface WriteFigures {
  readonly opsPerSecond: number;
  readonly latency: LatencySummary;
  /**
   * WAL the server wrote during the variant's rounds, per operation (server-wide, so anything else it
   * wrote meanwhile counts too; for the appends, the relay's deletes are included). Every durable
   * commit waits to flush it, and it does not move with the machine's speed as rates do.
   */
  readonly walBytesPerOp: number;
}

export interface AppendFigures {
  readonly concurrency: number;
  readonly synchronousCommit: string;
  readonly eventStoreAppend: WriteFigures;
  readonly rawInsert: WriteFigures;
  /** eventStoreAppend / rawInsert throughput. */
  readonly throughputRatio: number;
  /** What a NOTIFY per commit would cost: the raw INSERT with one, and the append of a process whose relay stands by. */
  readonly diagnostics: { readonly rawInsertWithNotify: WriteFigures; readonly eventStoreAppendNotifying: WriteFigures };
}

interface Tally {
  ms: number;
  walBytes: number;
  readonly latencies: number[];
}

/**
 * Single-event appends against single-row inserts on a fresh database, at the same concurrency and
 * durability (the server's `synchronous_commit`), in alternating rounds so that a neighbour's load
 * on this shared machine falls on every variant alike. An outbox relay publishes the outbox
 * throughout (to nowhere: Kafka is the one-hop figure's business), reading and deleting the rows the
 * appends write, as in a service.
 */
export async function measureAppends(options: { concurrency: number; rounds: number; operationsPerRound: number }): Promise<AppendFigures> {
  const db = await createTestDatabase('bench_spine_append');
  const pool = db.pool({ max: options.concurrency + 1 });
  const relay = new OutboxRelay({ pool, publish: async () => undefined });
  try {
    await migrate(pool, [eventStoreMigrations]);
    await pool.query(RAW_ROWS_TABLE);
    const synchronousCommit = (await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]!.synchronous_commit;
    await relay.start();
    if (!relay.isPublishing) throw new Error('the bench relay did not take the lead on its own fresh database');
    const variants = writeVariants(pool, relay);

    // A round ends once the relay has emptied the outbox, and that wait counts in the round's time:
    // otherwise the relay's work left over from an append round ran in the next round (a raw INSERT
    // one, as often as not), slowing the baseline and sparing the appends. A raw round finds the
    // outbox empty at once.
    const run = async (variant: WriteVariant, tally: Tally, count = options.operationsPerRound) => {
      const inputs = writeInputs(count);
      const wal = await markWal(pool);
      const started = performance.now();
      tally.latencies.push(...(await closedLoop(count, options.concurrency, (i) => variant(inputs[i]!))));
      await outboxEmptied(pool);
      tally.ms += performance.now() - started;
      tally.walBytes += await wal.bytesSince();
    };
    const tallies = { append: newTally(), raw: newTally(), rawNotify: newTally(), appendNotifying: newTally() };
    // Warm-up: connections opened, plans cached, first pages allocated.
    await run(variants.rawInsert, newTally(), options.concurrency * 20);
    await run(variants.eventStoreAppend, newTally(), options.concurrency * 20);
    for (let r = 0; r < options.rounds; r++) {
      await run(variants.rawInsert, tallies.raw);
      await run(variants.eventStoreAppend, tallies.append);
      await run(variants.rawInsertWithNotify, tallies.rawNotify);
      await run(variants.eventStoreAppendNotifying, tallies.appendNotifying);
    }
    const eventStoreAppend = figures(tallies.append);
    const rawInsert = figures(tallies.raw);
    return {
      concurrency: options.concurrency,
      synchronousCommit,
      eventStoreAppend,
      rawInsert,
      throughputRatio: round(eventStoreAppend.opsPerSecond / rawInsert.opsPerSecond),
      diagnostics: { rawInsertWithNotify: figures(tallies.rawNotify), eventStoreAppendNotifying: figures(tallies.appendNotifying) },
    };
  } finally {
    await relay.stop();
    await db.drop();
  }
}

async function outboxEmptied(pool: pg.Pool): Promise<void> {
  while ((await pool.query<{ left: boolean }>('SELECT EXISTS (SELECT 1 FROM outbox) AS left')).rows[0]!.left) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function newTally(): Tally {
  return { ms: 0, walBytes: 0, latencies: [] };
}

function figures(tally: Tally): WriteFigures {
  return {
    opsPerSecond: round((tally.latencies.length / tally.ms) * 1_000, 0),
    latency: latencySummary(tally.latencies),
    walBytesPerOp: Math.round(tally.walBytes / Math.max(1, tally.latencies.length)),
  };
}
