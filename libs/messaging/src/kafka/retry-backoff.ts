import { setTimeout as sleep } from 'node:timers/promises';

/** Exponential backoff between attempts at a message that failed transiently. */
export interface RetryBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** 100 ms doubling to 5 s: quick recovery from a blip, and under the heartbeat budget of a session. */
export const defaultRetryBackoff: RetryBackoff = { initialMs: 100, maxMs: 5_000 };

/** The wait after `previousMs`: double it, never above `maxMs`. */
export function nextBackoff(previousMs: number, backoff: RetryBackoff): number {
  return Math.min(previousMs * 2, backoff.maxMs);
}

/** Waits `ms`, or less if `signal` aborts; never rejects. */
export async function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
