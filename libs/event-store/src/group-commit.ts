import type { AppendRequest, AppendResult } from './append-events.js';
import { StreamVersionConflict } from './event-store.errors.js';

/** Runs appends to distinct streams together, all in one transaction; see `appendEventsTogether`. */
export type RunTogether = (requests: readonly AppendRequest[]) => Promise<Array<AppendResult | StreamVersionConflict>>;
/** Runs one append in a transaction of its own. */
export type RunAlone = (request: AppendRequest) => Promise<AppendResult>;

interface Waiting {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for appends that arrive while others are in flight: PostgreSQL already shares one WAL
 * flush among commits that coincide, but each append still costs a round trip, a transaction and, on
 * this kind of machine, a costly socket write on both sides. So at most `maxInFlight` statements run at
 * once; an append that finds them all busy waits, and when one finishes, everything waiting (up to
 * `maxBatch`) goes as the next statement. Nothing waits on a timer: an append that finds a free slot
 * goes at once, alone, so light load sees no added latency.
 *
 * Each caller still gets its own answer, as if alone: its events or its `StreamVersionConflict`.
 * Appends to one stream run in the order they were called, one statement after another: an append
 * waits while its stream has one in flight (so `append(s, 0, …)` then `append(s, 1, …)` without
 * awaiting the first both succeed). A statement's appends are sorted by stream id so that concurrent
 * statements lock streams in one order. If a
 * statement fails as a whole (e.g. a duplicate event id in one append), each of its appends is retried
 * alone, so one bad append cannot fail its neighbours.
 */
export class GroupCommit {
  private readonly waiting: Waiting[] = [];
  private readonly streamsInFlight = new Set<string>();
  private inFlight = 0;

  constructor(
    private readonly together: RunTogether,
    private readonly alone: RunAlone,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 200,
  ) {}

  append(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.nextBatch();
      if (batch.length === 0) return; // every waiting append's stream has one in flight
      this.inFlight += 1;
      for (const w of batch) this.streamsInFlight.add(w.request.streamId);
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        for (const w of batch) this.streamsInFlight.delete(w.request.streamId);
        this.dispatch();
      });
    }
  }

  /**
   * The oldest waiting appends whose stream has none in flight, at most one per stream (the first
   * called) and `maxBatch` in all, sorted by stream id. Once an append of a stream is passed over,
   * every later one of that stream is too, so each stream keeps its call order.
   */
  private nextBatch(): Waiting[] {
    const taken = new Set<string>();
    const batch: Waiting[] = [];
    const left: Waiting[] = [];
    for (const waiting of this.waiting) {
      const stream = waiting.request.streamId;
      if (batch.length < this.maxBatch && !taken.has(stream) && !this.streamsInFlight.has(stream)) batch.push(waiting);
      else left.push(waiting);
      taken.add(stream);
    }
    this.waiting.splice(0, this.waiting.length, ...left);
    return batch.sort((a, b) => (a.request.streamId < b.request.streamId ? -1 : a.request.streamId > b.request.streamId ? 1 : 0));
  }

  private async run(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]!);
    let results: Array<AppendResult | StreamVersionConflict>;
    try {
      results = await this.together(batch.map((w) => w.request));
    } catch {
      await Promise.all(batch.map((w) => this.runAlone(w)));
      return;
    }
    batch.forEach((w, i) => {
      const result = results[i]!;
      if (result instanceof StreamVersionConflict) w.reject(result);
      else w.resolve(result);
    });
  }

  private async runAlone(waiting: Waiting): Promise<void> {
    try {
      waiting.resolve(await this.alone(waiting.request));
    } catch (error) {
      waiting.reject(error);
    }
  }
}
