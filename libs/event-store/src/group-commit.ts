/**
 * A JSON array of JSON texts (null as JSON null), joined without serialising them again: how a
 * grouped statement takes a JSON column, split by `jsonb_array_elements`. A text[] of JSON would make
 * the pg client escape every quote of every text (~3 % of request intake's event loop at saturation).
 */
export const jsonArrayOf = (texts: ReadonlyArray<string | null>): string => `[${texts.map((text) => text ?? 'null').join(',')}]`;

/** One request's outcome in a statement that ran several: its result, or the error its caller gets. */
export type GroupedOutcome<TResult> = { readonly ok: true; readonly value: TResult } | { readonly ok: false; readonly error: unknown };

/** How a GroupCommit writes: several requests in one statement, or one alone. */
export interface GroupedStatements<TRequest, TResult> {
  /**
   * Runs requests with distinct keys in ONE statement (one transaction), in the order given, each
   * with its own outcome. Rejecting means the statement wrote nothing; each request is then run alone.
   */
  together(requests: readonly TRequest[]): Promise<ReadonlyArray<GroupedOutcome<TResult>>>;
  /** Runs one request in a transaction of its own. */
  alone(request: TRequest): Promise<TResult>;
  /** What orders requests: one key never has two in flight, and a statement's requests are sorted by it. */
  keyOf(request: TRequest): string;
}

interface Waiting<TRequest, TResult> {
  readonly request: TRequest;
  readonly key: string;
  readonly resolve: (result: TResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for writes that arrive together or while others are in flight: PostgreSQL already
 * shares one WAL flush among commits that coincide, but each write still costs a round trip, a
 * transaction and, on this kind of machine, a costly socket write on both sides. So at most
 * `maxInFlight` statements run at once; a write that finds them all busy waits, and when one
 * finishes, everything waiting (up to `maxBatch`) goes as the next statement. Writes are sent at the
 * end of the event loop's current turn (`setImmediate`), so the writes of one turn (a batch of
 * appends started together, the requests read in one poll) go as one statement rather than the first
 * alone. Nothing waits on a timer: light load sees no added latency beyond that turn's end.
 *
 * Each caller still gets its own answer, as if alone. Writes with one key (an append's stream) run in
 * the order they were called, one statement after another: a write waits while its key has one in
 * flight (so `append(s, 0, …)` then `append(s, 1, …)` without awaiting the first both succeed). A
 * statement's writes are sorted by key so that concurrent statements lock in one order. If a
 * statement fails as a whole (e.g. a duplicate event id in one append), each of its writes is retried
 * alone, so one bad write cannot fail its neighbours.
 */
export class GroupCommit<TRequest, TResult> {
  private readonly waiting: Array<Waiting<TRequest, TResult>> = [];
  private readonly keysInFlight = new Set<string>();
  private inFlight = 0;
  private dispatchScheduled = false;

  constructor(
    private readonly statements: GroupedStatements<TRequest, TResult>,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 200,
  ) {}

  write(request: TRequest): Promise<TResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, key: this.statements.keyOf(request), resolve, reject });
      if (this.dispatchScheduled) return;
      this.dispatchScheduled = true;
      setImmediate(() => {
        this.dispatchScheduled = false;
        this.dispatch();
      });
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.nextBatch();
      if (batch.length === 0) return; // every waiting write's key has one in flight
      this.inFlight += 1;
      for (const w of batch) this.keysInFlight.add(w.key);
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        for (const w of batch) this.keysInFlight.delete(w.key);
        this.dispatch();
      });
    }
  }

  /**
   * The oldest waiting writes whose key has none in flight, at most one per key (the first called)
   * and `maxBatch` in all, sorted by key. Once a write of a key is passed over, every later one of
   * that key is too, so each key keeps its call order.
   */
  private nextBatch(): Array<Waiting<TRequest, TResult>> {
    const taken = new Set<string>();
    const batch: Array<Waiting<TRequest, TResult>> = [];
    const left: Array<Waiting<TRequest, TResult>> = [];
    for (const waiting of this.waiting) {
      const { key } = waiting;
      if (batch.length < this.maxBatch && !taken.has(key) && !this.keysInFlight.has(key)) batch.push(waiting);
      else left.push(waiting);
      taken.add(key);
    }
    this.waiting.splice(0, this.waiting.length, ...left);
    return batch.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async run(batch: Array<Waiting<TRequest, TResult>>): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]!);
    let outcomes: ReadonlyArray<GroupedOutcome<TResult>>;
    try {
      outcomes = await this.statements.together(batch.map((w) => w.request));
    } catch {
      await Promise.all(batch.map((w) => this.runAlone(w)));
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
  }

  private async runAlone(waiting: Waiting<TRequest, TResult>): Promise<void> {
    try {
      waiting.resolve(await this.statements.alone(waiting.request));
    } catch (error) {
      waiting.reject(error);
    }
  }
}
