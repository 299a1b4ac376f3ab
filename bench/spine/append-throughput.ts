import { EventStore, eventStoreMigrations, migrate } from '@wildlife/event-store';
import { createTestDatabase } from '@wildlife/testing';
import { appendOf, benchEvent } from './bench-event.js';
import { closedLoop, round, summarize, type LatencySummary } from './latency.js';

export interface WriteFigures {
  readonly opsPerSecond: number;
  readonly latency: LatencySummary;
}

export interface AppendFigures {
  readonly concurrency: number;
  readonly synchronousCommit: string;
  /** `EventStore.append` of one event with its outbox message, each in its own transaction. */
  readonly eventStoreAppend: WriteFigures;
  /** One single-row `INSERT` of the same JSON, autocommitted: the least a durable write costs. */
  readonly rawInsert: WriteFigures;
  /** eventStoreAppend / rawInsert throughput. */
  readonly throughputRatio: number;
}

/**
 * Appends against raw inserts on a fresh database, at the same concurrency and durability (the
 * server's `synchronous_commit`), in alternating rounds so that a neighbour's load on this shared
 * machine falls on both alike.
 */
export async function measureAppends(options: { concurrency: number; rounds: number; operationsPerRound: number }): Promise<AppendFigures> {
  const db = await createTestDatabase('bench_spine_append');
  const pool = db.pool({ max: options.concurrency });
  try {
    await migrate(pool, [eventStoreMigrations]);
    await pool.query('CREATE TABLE raw_rows (id uuid PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL, recorded_at timestamptz NOT NULL)');
    const synchronousCommit = (await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]!.synchronous_commit;
    const store = new EventStore(pool);
    // Inputs are made before the clock starts: the figures are the database's, not the event factory's.
    const prepared = (count: number) =>
      Array.from({ length: count }, () => {
        const event = benchEvent();
        return { streamId: `bench-${event.id}`, data: JSON.stringify(event.data), ...appendOf(event, 'bench.spine.append') };
      });
    const appendEach = (inputs: ReturnType<typeof prepared>) => async (i: number) => {
      const { streamId, event, outbox } = inputs[i]!;
      await store.append(streamId, 'no_stream', [event], { outbox: [outbox] });
    };
    const insertEach = (inputs: ReturnType<typeof prepared>) => async (i: number) => {
      const { event, streamId, data } = inputs[i]!;
      await pool.query('INSERT INTO raw_rows (id, stream_id, data, recorded_at) VALUES ($1, $2, $3, $4)', [event.eventId, streamId, data, new Date()]);
    };
    const measure = async (
      operation: (inputs: ReturnType<typeof prepared>) => (i: number) => Promise<void>,
      into: { ms: number; latencies: number[] },
      count = options.operationsPerRound,
    ) => {
      const inputs = prepared(count);
      const started = performance.now();
      into.latencies.push(...(await closedLoop(count, options.concurrency, operation(inputs))));
      into.ms += performance.now() - started;
    };
    // Warm-up: connections opened, plans cached, first pages allocated.
    const warmUp = { ms: 0, latencies: [] as number[] };
    await measure(insertEach, warmUp, options.concurrency * 20);
    await measure(appendEach, warmUp, options.concurrency * 20);
    const raw = { ms: 0, latencies: [] as number[] };
    const appends = { ms: 0, latencies: [] as number[] };
    for (let round = 0; round < options.rounds; round++) {
      await measure(insertEach, raw);
      await measure(appendEach, appends);
    }
    const figures = (m: typeof raw): WriteFigures => ({ opsPerSecond: round((m.latencies.length / m.ms) * 1_000, 0), latency: summarize(m.latencies) });
    const eventStoreAppend = figures(appends);
    const rawInsert = figures(raw);
    return {
      concurrency: options.concurrency,
      synchronousCommit,
      eventStoreAppend,
      rawInsert,
      throughputRatio: round(eventStoreAppend.opsPerSecond / rawInsert.opsPerSecond),
    };
  } finally {
    await db.drop();
  }
}
