import type pg from 'pg';
import { EventStore, OutboxRelay, type RelayedMessage } from '@wildlife/event-store';
import { waitUntil } from '@wildlife/testing';
import { aStreamId } from './event-store.fixtures.js';
import { appendWithLateCommits } from './late-commit-writers.js';

/**
 * Where the relay publishes, and how the test reads back what arrived. The in-memory sink below
 * collects `publish` calls; a Kafka sink would produce in `publish` and consume the topic in
 * `delivered`, so the same scenario checks the real pipeline.
 */
export interface DeliverySink {
  publish(messages: RelayedMessage[]): Promise<void>;
  /** Everything delivered so far, in arrival order (per partition order is what matters). */
  delivered(): Promise<readonly RelayedMessage[]>;
}

export function collectingSink(): DeliverySink & { readonly batches: number } {
  const received: RelayedMessage[] = [];
  let batches = 0;
  return {
    async publish(messages) {
      batches += 1;
      received.push(...messages);
    },
    async delivered() {
      return received;
    },
    get batches() {
      return batches;
    },
  };
}

export interface DeliveryReport {
  readonly appended: number;
  /** Message ids of committed events never delivered. */
  readonly missing: string[];
  /** Message ids delivered more than once. */
  readonly duplicated: string[];
  /** Streams whose events arrived out of stream order (first arrival of each id counts). */
  readonly outOfOrderStreams: string[];
}

/**
 * Concurrent writers append with late commits (outbox message per event, keyed by stream) while a
 * relay publishes to `sink`; waits until every committed event was delivered (or `timeoutMs`), then
 * reports what went wrong, if anything.
 */
export async function runOutboxOrderingScenario(options: {
  pool: pg.Pool;
  sink: DeliverySink;
  topic: string;
  writers?: number;
  transactionsPerWriter?: number;
  eventsPerTransaction?: number;
  streamCount?: number;
  timeoutMs?: number;
}): Promise<DeliveryReport> {
  const { pool, sink, topic } = options;
  const streams = Array.from({ length: options.streamCount ?? 40 }, () => aStreamId('ordered'));
  const relay = new OutboxRelay({ pool, publish: (m) => sink.publish(m) });
  await relay.start();
  try {
    const appended = await appendWithLateCommits(new EventStore(pool), pool, {
      writers: options.writers ?? 8,
      transactionsPerWriter: options.transactionsPerWriter ?? 125,
      eventsPerTransaction: options.eventsPerTransaction ?? 5,
      streams,
      maxCommitDelayMs: 20,
      topic,
    });
    const ours = async () => (await sink.delivered()).filter((m) => m.topic === topic && streams.includes(m.key!));
    const allDelivered = async () => new Set((await ours()).map((m) => m.messageId)).size >= appended;
    // On timeout the report below says what is missing, which beats a bare timeout.
    await waitUntil('every committed event is delivered', allDelivered, { timeoutMs: options.timeoutMs ?? 30_000 }).catch(() => undefined);
    return { appended, ...(await compare(pool, streams, await ours())) };
  } finally {
    await relay.stop();
  }
}

async function compare(pool: pg.Pool, streams: string[], delivered: readonly RelayedMessage[]) {
  const { rows } = await pool.query<{ event_id: string; stream_id: string; stream_position: number }>(
    'SELECT event_id, stream_id, stream_position FROM events WHERE stream_id = ANY($1)',
    [streams],
  );
  const positionOf = new Map(rows.map((r) => [r.event_id, r]));
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  const lastPosition = new Map<string, number>();
  const outOfOrder = new Set<string>();
  for (const message of delivered) {
    if (seen.has(message.messageId)) {
      duplicated.add(message.messageId);
      continue;
    }
    seen.add(message.messageId);
    const event = positionOf.get(message.messageId);
    if (!event) continue;
    if (event.stream_position !== (lastPosition.get(event.stream_id) ?? 0) + 1) outOfOrder.add(event.stream_id);
    lastPosition.set(event.stream_id, event.stream_position);
  }
  return {
    missing: rows.filter((r) => !seen.has(r.event_id)).map((r) => r.event_id),
    duplicated: [...duplicated],
    outOfOrderStreams: [...outOfOrder],
  };
}
