import { setTimeout as sleep } from 'node:timers/promises';

/** Whether the log has taken in every registry record the registry topic holds right now. */
export type RegistryProgress = () => Promise<boolean>;

/** The registry records did not reach the log in time: a transient failure, retried with backoff. */
export class RegistryHasNotReachedTheLogYet extends Error {
  constructor(readonly recordTime: string) {
    super(`The log has not yet taken in every registry record published before ${recordTime}; the record waits`);
    this.name = 'RegistryHasNotReachedTheLogYet';
  }
}

/**
 * How far ahead of this service's clock a record's time may be (the producing service's clock
 * running ahead): twice the 30 s the signatures allow a signer's `created`. A record timed later is
 * rejected (`record-time-in-future`) rather than waited for: no registry can be said to have caught
 * up with a time to come, and waiting for it would hold the record's partition until then.
 */
export const MAX_RECORD_TIME_AHEAD_MS = 60_000;

export interface RegistryGateOptions {
  readonly progress: RegistryProgress;
  readonly now?: () => number;
  /** Clock skew allowed between the producing services and this one. */
  readonly marginMs?: number;
  /** How far ahead of now a record's time may be; default `MAX_RECORD_TIME_AHEAD_MS`. */
  readonly maxAheadMs?: number;
  readonly pollMs?: number;
  /** Longest single wait before giving up transiently (stay well inside the consumer session timeout). */
  readonly maxWaitMs?: number;
}

/**
 * Keeps a record from being classified before the registry records it may rest on. Records and
 * registry records come on different topics, consumed side by side in no fixed order; but a service
 * only accepts a signed record once its own registry has the signer's key, so every registry record
 * a record rests on was on the registry topic before the record's time. `reached(time)` resolves once
 * the log has taken in everything the registry topic held at some moment after `time` (plus a
 * margin for clock skew), checking the topic's progress at most once at a time for all waiting
 * records. A record of any type is thus classified with the registry as it stood at its time. A
 * record timed ahead of now (within `maxAheadMs`: `isTooFarAhead` tells the others apart) waits
 * only for the registry as it stands now: the wait never outlasts the margin.
 */
export class RegistryGate {
  private caughtUpAt = Number.NEGATIVE_INFINITY;
  private check: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly marginMs: number;
  private readonly pollMs: number;
  private readonly maxWaitMs: number;
  private readonly maxAheadMs: number;

  constructor(private readonly o: RegistryGateOptions) {
    this.now = o.now ?? Date.now;
    this.marginMs = o.marginMs ?? 500;
    this.pollMs = o.pollMs ?? 100;
    this.maxWaitMs = o.maxWaitMs ?? 10_000;
    this.maxAheadMs = o.maxAheadMs ?? MAX_RECORD_TIME_AHEAD_MS;
  }

  /** Whether the record's time is further ahead of now than any clock skew explains: it is rejected, never waited for. */
  isTooFarAhead(recordTime: string): boolean {
    return Date.parse(recordTime) > this.now() + this.maxAheadMs;
  }

  /** Resolves once the log holds every registry record published before `recordTime`; throws `RegistryHasNotReachedTheLogYet` after `maxWaitMs`. */
  async reached(recordTime: string): Promise<void> {
    const time = Date.parse(recordTime);
    // A record without a readable time is rejected whatever the registry says.
    if (Number.isNaN(time)) return;
    const arrivedAt = this.now();
    // The registry topic cannot hold facts of times to come: a record timed ahead waits for now.
    const needed = Math.min(time, arrivedAt) + this.marginMs;
    const deadline = arrivedAt + this.maxWaitMs;
    while (this.caughtUpAt < needed) {
      if (this.now() > deadline) throw new RegistryHasNotReachedTheLogYet(recordTime);
      const waitUntil = needed - this.now();
      if (waitUntil > 0) await sleep(Math.min(waitUntil, this.pollMs));
      else {
        await (this.check ??= this.checkProgress().finally(() => (this.check = undefined)));
        if (this.caughtUpAt < needed) await sleep(this.pollMs);
      }
    }
  }

  private async checkProgress(): Promise<void> {
    const askedAt = this.now();
    if (await this.o.progress()) this.caughtUpAt = Math.max(this.caughtUpAt, askedAt);
  }
}
