import type { LoggableRecord } from '../classification/log-entry-of.js';
import type { PlannedEntry } from '../classification/plan-entries.js';

interface Waiting {
  readonly record: LoggableRecord;
  readonly settle: (error?: unknown) => void;
}

/**
 * Group commit in front of the log writer: records handed in while a write is running are written
 * together by the next one (at most `maxBatch` per transaction), so many partitions feeding the log
 * share transactions and checkpoints instead of queueing one by one. `append` resolves once the
 * record's transaction committed (its entry is in the log, or it was already), and rejects with the
 * write's error otherwise (the caller retries; the log deduplicates by record id). While a batch is
 * written, the records that will most likely form the next one are handed to `prepare` (work that
 * does not depend on the write, done while it waits on the database).
 */
export class LogAppender {
  private waiting: Waiting[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (records: readonly LoggableRecord[]) => Promise<PlannedEntry[]>,
    private readonly maxBatch: number,
    private readonly prepare?: (records: readonly LoggableRecord[]) => void,
  ) {}

  append(record: LoggableRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.draining) {
        this.draining = true;
        this.drained = this.drain();
      }
    });
  }

  /** Resolves when nothing is waiting or being written. */
  async idle(): Promise<void> {
    while (this.draining) await this.drained;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const written = this.write(batch.map((w) => w.record));
          if (this.prepare !== undefined && this.waiting.length > 0) this.prepare(this.waiting.slice(0, this.maxBatch).map((w) => w.record));
          await written;
          for (const w of batch) w.settle();
        } catch (error) {
          for (const w of batch) w.settle(error ?? new Error('the log write failed'));
        }
      }
    } finally {
      // Cleared in the same turn as the last check of `waiting`: an append after it starts a new drain.
      this.draining = false;
    }
  }
}
