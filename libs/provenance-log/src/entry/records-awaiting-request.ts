import type { LogEntry } from './log-entry.js';
import { LogOrderQueue } from './log-order-queue.js';

/**
 * The records logged before the request they are about, by request id, each request's in log order,
 * and forgotten once older (in log time) than a cutoff. The log and an auditor replaying it hold the
 * same records with this one class.
 *
 * Which records are the oldest is kept apart, in one queue in log order (log time never goes back):
 * the map's own order is by each request's first record, and a request whose first records have gone
 * can hold a record newer than another request's, so a sweep in map order that stopped at the first
 * request still in time left older records behind it, for longer than the rule allows (found by
 * review, session 12).
 */
export class RecordsAwaitingRequest extends Map<string, LogEntry[]> {
  readonly #inLogOrder = new LogOrderQueue<{ readonly requestId: string; readonly entry: LogEntry }>();

  /** Adds `entry`, logged now, to the records waiting for request `requestId`. */
  add(requestId: string, entry: LogEntry): void {
    this.set(requestId, [...(this.get(requestId) ?? []), entry]);
    this.#inLogOrder.push({ requestId, entry });
  }

  /** Forgets every record logged before `cutoff` (epoch ms of log time). */
  forgetOlderThan(cutoff: number): void {
    for (let oldest = this.#inLogOrder.peek(); oldest !== undefined && Date.parse(oldest.entry.time) < cutoff; oldest = this.#inLogOrder.peek()) {
      this.#inLogOrder.shift();
      const { requestId, entry } = oldest;
      const waiting = this.get(requestId);
      if (waiting === undefined || !waiting.includes(entry)) continue;
      const kept = waiting.filter((record) => record !== entry);
      if (kept.length === 0) this.delete(requestId);
      else this.set(requestId, kept);
    }
  }
}
