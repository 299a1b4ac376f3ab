/**
 * A queue between a producer that must wait when the consumer falls behind and a consumer that
 * waits for items: holds at most about `capacity` items, so reading a topic of any length takes
 * bounded memory.
 */
export class BoundedQueue<T> {
  readonly #items: T[] = [];
  #head = 0;
  #ended = false;
  #failure: unknown;
  #readable: (() => void) | undefined;
  #writable: (() => void) | undefined;

  constructor(private readonly capacity: number) {}

  /** Adds items; resolves once there is room again (or the queue was ended). */
  async put(items: readonly T[]): Promise<void> {
    this.#items.push(...items);
    this.#wake('readable');
    while (!this.#ended && this.#items.length - this.#head > this.capacity) {
      await new Promise<void>((resolve) => (this.#writable = resolve));
    }
  }

  /** No more items: readers get what is left, then the end. With a failure, readers get it after what is left. */
  end(failure?: unknown): void {
    this.#ended = true;
    this.#failure ??= failure;
    this.#wake('readable');
    this.#wake('writable');
  }

  /** The next item, or undefined at the end. */
  async take(): Promise<T | undefined> {
    while (this.#head === this.#items.length) {
      if (this.#ended) {
        if (this.#failure !== undefined) throw this.#failure;
        return undefined;
      }
      await new Promise<void>((resolve) => (this.#readable = resolve));
    }
    return this.#next();
  }

  /**
   * The next item, waiting at most `ms` for one: `ended` at the end, `timedOut` when none came in
   * time (the queue stays as it was: no item is lost to a reader that gave up).
   */
  async takeWithin(ms: number): Promise<{ readonly item: T } | { readonly ended: true } | { readonly timedOut: true }> {
    const deadline = Date.now() + ms;
    while (this.#head === this.#items.length) {
      if (this.#ended) {
        if (this.#failure !== undefined) throw this.#failure;
        return { ended: true };
      }
      const left = deadline - Date.now();
      if (left <= 0) return { timedOut: true };
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.#readable = resolve;
        timer = setTimeout(resolve, left);
      });
      clearTimeout(timer);
    }
    return { item: this.#next() };
  }

  #next(): T {
    const item = this.#items[this.#head++]!;
    if (this.#head > this.capacity) {
      this.#items.splice(0, this.#head);
      this.#head = 0;
    }
    this.#wake('writable');
    return item;
  }

  #wake(which: 'readable' | 'writable'): void {
    const resolve = which === 'readable' ? this.#readable : this.#writable;
    if (which === 'readable') this.#readable = undefined;
    else this.#writable = undefined;
    resolve?.();
  }
}
