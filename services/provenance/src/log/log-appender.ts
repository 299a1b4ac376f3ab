import type { LoggableRecord } from '../classification/log-entry-of.js';
import type { PlannedEntry } from '../classification/plan-entries.js';

interface Waiting {
  readonly record: LoggableRecord;
  readonly settle: (error?: unknown) => void;
}

/** Writes handed to the log writer at a time: one being committed while the next is planned. */
const WRITES_IN_FLIGHT = 2;

/**
 * Group commit in front of the log writer: records handed in while writes are running are written
 * together by the next one (at most `maxBatch` per transaction), so many partitions feeding the log
 * share transactions and checkpoints instead of queueing one by one. Up to two writes are handed to
 * the writer at a time, in order, so that it can plan the next while the database commits the
 * previous (it commits them one after the other). `append` resolves once the record's transaction
 * committed (its entry is in the log, or it was already), and rejects with the write's error
 * otherwise (the caller retries; the log deduplicates by record id). When a write is handed over,
 * the records that will most likely form the next one are handed to `prepare` (work that does not
 * depend on the write, done while it waits on the database).
 */
export class LogAppender {
  private waiting: Waiting[] = [];
  private writing = 0;
  private whenIdle: (() => void)[] = [];

  constructor(
    private readonly write: (records: readonly LoggableRecord[]) => Promise<PlannedEntry[]>,
    private readonly maxBatch: number,
    private readonly prepare?: (records: readonly LoggableRecord[]) => void,
  ) {}

  append(record: LoggableRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      this.handOver();
    });
  }

  /** Resolves when nothing is waiting or being written. */
  idle(): Promise<void> {
    if (this.writing === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.whenIdle.push(resolve));
  }

  private handOver(): void {
    while (this.writing < WRITES_IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.writing += 1;
      let written: Promise<unknown>;
      try {
        written = this.write(batch.map((w) => w.record));
      } catch (error) {
        written = Promise.reject(error as Error);
      }
      if (this.prepare !== undefined && this.waiting.length > 0) this.prepare(this.waiting.slice(0, this.maxBatch).map((w) => w.record));
      void written.then(
        () => this.settled(batch),
        (error: unknown) => this.settled(batch, error ?? new Error('the log write failed')),
      );
    }
  }

  private settled(batch: readonly Waiting[], error?: unknown): void {
    for (const w of batch) w.settle(error);
    this.writing -= 1;
    this.handOver();
    if (this.writing === 0 && this.waiting.length === 0) for (const resolve of this.whenIdle.splice(0)) resolve();
  }
}
