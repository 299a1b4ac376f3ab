/**
 * Arrival times of messages by id, with a way to wait for a number of them. Bounded waits only:
 * `until` rejects after `timeoutMs`, so a bench that loses a message stops instead of hanging.
 */
export class Arrivals {
  private readonly at = new Map<string, number>();
  private latest = 0;
  private waiter: { count: number; resolve: () => void } | undefined;

  record(id: string, at = performance.now()): void {
    if (this.at.has(id)) return;
    this.at.set(id, at);
    this.latest = Math.max(this.latest, at);
    if (this.waiter && this.at.size >= this.waiter.count) this.waiter.resolve();
  }

  get size(): number {
    return this.at.size;
  }

  timeOf(id: string): number | undefined {
    return this.at.get(id);
  }

  /** The latest arrival time so far. */
  last(): number {
    return this.latest;
  }

  async until(count: number, timeoutMs: number, what: string): Promise<void> {
    if (this.at.size >= count) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        this.waiter = { count, resolve };
        timer = setTimeout(() => reject(new Error(`${what}: ${this.at.size} of ${count} arrived within ${timeoutMs} ms`)), timeoutMs);
      });
    } finally {
      clearTimeout(timer);
      this.waiter = undefined;
    }
  }
}
