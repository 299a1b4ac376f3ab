import { topics } from '@wildlife/contracts';
import { inTransaction, WakeSignal } from '@wildlife/event-store';
import type { MessageProducer, OutgoingMessage } from '@wildlife/messaging';
import type { LogEntry } from '@wildlife/provenance-log';
import type pg from 'pg';
import type { Logger } from 'pino';
import { readEntriesWithin, type EntryPrefix, type StoredEntry } from '../log/log-tables.js';
import { publicOutcomeOf } from './public-outcome.js';

/** Most entries read at once. */
const PAGE = 500;
/** Most leaf bytes read at once (and always one entry): entries may be up to MAX_ENTRY_BYTES each. */
const PAGE_LEAF_BYTES = 16 * 1024 * 1024;
/** Pages published in one transaction before its progress is committed (and others may take over). */
const PAGES_PER_PASS = 20;
/**
 * kafkajs sends one record batch per partition and the broker refuses a batch above the topic's
 * max.message.bytes (1 MiB by default): a send carries at most this many bytes of entries and
 * outcomes, and at least one entry. An entry alone always fits: `logEntryOf` bounds every entry at
 * MAX_ENTRY_BYTES (1,000,000 bytes), leaving room for its framing, key and headers, and its outcome
 * (a few hundred bytes) goes to the other topic, in a batch of its own. A page that holds more
 * goes in several sends.
 */
const MAX_SEND_BYTES = 512 * 1024;
const IDLE_POLL_MS = 1_000;
const MAX_BACKOFF_MS = 5_000;

/** Headers of every message on the log topic. */
export const LOG_TOPIC_HEADERS = { sequence: 'log-sequence', leafHash: 'log-leaf-hash', origin: 'log-origin' } as const;

export interface LogPublisherOptions {
  readonly pool: pg.Pool;
  readonly producer: MessageProducer;
  readonly topicPrefix: string;
  /** The log's origin, in the `log-origin` header of every message on the log topic. */
  readonly origin: string;
  readonly logger: Logger;
}

/**
 * Publishes everything the log says, from the log itself:
 * - each entry, in sequence order, on `wildlife.provenance.log`: key = the sequence in decimal,
 *   value = the entry's exact leaf bytes, headers `log-sequence`, `log-leaf-hash` (base64) and
 *   `log-origin`; all on partition 0, so the topic replays in log order;
 * - each entry's outcome (`publicOutcomeOf`: RecordVerified or RecordRejected) on
 *   `wildlife.provenance.events`, in the same send, with an id derived from the leaf hash.
 *
 * Not through the kit's outbox: its payload is stored as jsonb and re-serialised, which would not
 * keep the leaf bytes, and an outcome is a function of its entry, so storing it again (and reading
 * and deleting it) would only cost the log's writes. The log table is the outbox instead: entries
 * commit in sequence order (one writer at a time), so publishing from the last published size never
 * skips one; the size is advanced only after the broker acknowledged, so delivery is at least once
 * (a log consumer keeps the first message of each sequence, an outcome consumer deduplicates by
 * event id). One process publishes at a time (a row lock on the progress).
 *
 * Plain code, with no framework: `LogTopicRelay` runs it on a thread of its own (`log-publisher-worker`)
 * or, from TypeScript sources, on the service's own thread.
 */
export class LogPublisher {
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly woken = new WakeSignal();

  constructor(private readonly options: LogPublisherOptions) {}

  /** Starts publishing (at once, then whenever woken or every second). */
  start(): void {
    this.running ??= this.run();
  }

  /** New entries were committed: publish them now rather than at the next poll. */
  wake(): void {
    this.woken.wake();
  }

  /** Finishes the pass under way (its progress committed), then disconnects the producer. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
    await this.options.producer.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    let backoff = 250;
    let connected = false;
    while (!this.stopped) {
      try {
        if (!connected) {
          await this.options.producer.connect();
          connected = true;
        }
        const more = await this.publishPages();
        backoff = 250;
        if (!more) await this.woken.wait(IDLE_POLL_MS);
      } catch (err) {
        this.options.logger.warn({ err, retryInMs: backoff }, 'publishing the provenance log failed; retrying');
        await this.woken.wait(backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  }

  /**
   * Publishes unpublished entries, page after page, in one transaction holding the progress row:
   * each page in as many sends as its bytes need, its progress recorded once the broker acknowledged
   * them all, and the next page read while this one is being sent. A page is at most PAGE entries
   * and PAGE_LEAF_BYTES of them. Stops after PAGES_PER_PASS pages or at the first page that reached
   * the end of the log; true when there may be more. A failed send ends the pass with the progress
   * of the pages before it committed, then throws.
   */
  private async publishPages(): Promise<boolean> {
    let failure: { readonly error: unknown } | undefined;
    const more = await inTransaction(this.options.pool, async (client): Promise<boolean> => {
      const { rows } = await client.query<{ published_size: string }>('SELECT published_size FROM log_publication FOR UPDATE SKIP LOCKED');
      if (rows.length === 0) return false;
      let from = Number(rows[0]!.published_size);
      const read = (start: number): Promise<EntryPrefix> => readEntriesWithin(client, start, start + PAGE, PAGE_LEAF_BYTES);
      let { entries: page, cut } = await read(from);
      for (let pages = 1; page.length > 0; pages++) {
        const next = from + page.length;
        const full = page.length === PAGE || cut;
        const reading = full && pages < PAGES_PER_PASS ? read(next) : undefined;
        // A failed send ends the pass with this read unawaited: its outcome no longer matters.
        reading?.catch(() => undefined);
        try {
          await this.send(page);
        } catch (error) {
          failure = { error };
          return false;
        }
        await client.query('UPDATE log_publication SET published_size = $1', [next]);
        if (!reading) return full;
        from = next;
        ({ entries: page, cut } = await reading);
      }
      return false;
    });
    if (failure) throw failure.error;
    return more;
  }

  /** One page's entries and outcomes, in as many sends as their bytes need. */
  private async send(page: readonly StoredEntry[]): Promise<void> {
    const messages = page.map((entry) => this.messagesOf(entry));
    for (let start = 0; start < messages.length; ) {
      const part = withinSendLimit(messages.slice(start));
      await this.options.producer.sendBatch(part.flat());
      start += part.length;
    }
  }

  /** The entry on the log topic, then its outcome when it has one. */
  private messagesOf(entry: StoredEntry): OutgoingMessage[] {
    const logged: OutgoingMessage = {
      topic: this.options.topicPrefix + topics.provenanceLog.name,
      partition: 0,
      key: String(entry.sequence),
      value: entry.leafBytes,
      headers: {
        [LOG_TOPIC_HEADERS.sequence]: String(entry.sequence),
        [LOG_TOPIC_HEADERS.leafHash]: entry.leafHash.toString('base64'),
        [LOG_TOPIC_HEADERS.origin]: this.options.origin,
      },
    };
    // The writer made these bytes from a checked entry (entryBytes): read back without checking again.
    const outcome = publicOutcomeOf(JSON.parse(entry.leafBytes.toString('utf8')) as LogEntry, entry.leafHash, this.options.topicPrefix);
    return outcome ? [logged, outcome] : [logged];
  }
}

/** The longest prefix of `page` (each entry's messages) whose values fit in one send (never empty). */
function withinSendLimit(page: readonly OutgoingMessage[][]): OutgoingMessage[][] {
  let bytes = 0;
  let count = 0;
  for (const messages of page) {
    for (const message of messages) bytes += message.value?.length ?? 0;
    if (count > 0 && bytes > MAX_SEND_BYTES) break;
    count++;
  }
  return page.slice(0, count);
}
