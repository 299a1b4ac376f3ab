/**
 * A first-in, first-out queue of what a replay holds in log order, to forget the oldest first. An
 * item taken off the front is let go at once (its slot cleared), and the spent front is dropped now
 * and then, so the queue holds about what is still in it. Before session 13 the two queues that used
 * this pattern kept a reference to every item taken until the next compaction, up to as many again
 * as they held, and the auditor's live heap grew with the log (bench:provenance: 1.39× for 10× the
 * entries).
 */
export class LogOrderQueue<T extends object> {
  #items: (T | undefined)[] = [];
  #head = 0;

  /** How many items are in the queue. */
  get length(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  /** The oldest item, left in place; undefined when the queue is empty. */
  peek(): T | undefined {
    return this.#items[this.#head];
  }

  /** Takes the oldest item off the queue; undefined when it is empty. */
  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head += 1;
    if (this.#head > 1_024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}
