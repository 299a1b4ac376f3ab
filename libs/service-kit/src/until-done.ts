import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

export interface UntilDoneOptions {
  /** Ends the tries: the call then resolves to undefined, at once if it was waiting. */
  readonly signal: AbortSignal;
  readonly logger: Pick<Logger, 'warn'>;
  /** The wait after the n-th failure (`startUpRetryDelayMs` by default). */
  readonly delayMs?: (failures: number) => number;
}

/** The wait after the n-th failed try: 250 ms × n, at most 5 s. */
export const startUpRetryDelayMs = (failures: number): number => Math.min(5_000, 250 * failures);

/**
 * Runs `attempt` until it resolves, and resolves to its result; after each failure logs a warning
 * (`<what> not done yet; retrying`, with the error and how many tries failed) and waits before the
 * next. Resolves to undefined once `signal` is aborted, whether between tries or during one that
 * then fails. For start-up chores that must not be given up while the service runs (topics to
 * create, consumers to start): a broker that is down delays them, never cancels them.
 */
export async function untilDone<T>(what: string, attempt: () => Promise<T>, options: UntilDoneOptions): Promise<T | undefined> {
  const delayMs = options.delayMs ?? startUpRetryDelayMs;
  for (let failures = 0; !options.signal.aborted; ) {
    try {
      return await attempt();
    } catch (err) {
      if (options.signal.aborted) return undefined;
      failures += 1;
      options.logger.warn({ err, attempt: failures }, `${what} not done yet; retrying`);
      await sleep(delayMs(failures), undefined, { signal: options.signal }).catch(() => undefined);
    }
  }
  return undefined;
}
