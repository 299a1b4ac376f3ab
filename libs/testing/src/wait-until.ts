import { setTimeout as sleep } from 'node:timers/promises';

/** A wait that ran out of time: says what it waited for, how long, and how far things got. */
export class ConditionWasNotMetInTime extends Error {
  constructor(what: string, timeoutMs: number, progress: string) {
    super(`timed out after ${timeoutMs} ms waiting until ${what}${progress ? ` (${progress})` : ''}`);
    this.name = 'ConditionWasNotMetInTime';
  }
}

export interface WaitOptions {
  /** How long to wait before failing (default 30 s). */
  readonly timeoutMs?: number;
  /** How long to sleep between two polls (default 20 ms). */
  readonly pollMs?: number;
  /** Says how far things got, for the timeout's message. */
  readonly progress?: () => Promise<string> | string;
}

/**
 * Polls `probe` until it returns something other than undefined, and resolves with that; throws
 * ConditionWasNotMetInTime naming `what` after `timeoutMs`. An error the probe throws ends the wait:
 * a probe that may fail while things settle catches that itself.
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new ConditionWasNotMetInTime(what, timeoutMs, (await options.progress?.()) ?? '');
    await sleep(options.pollMs ?? 20);
  }
}

/** Polls `condition` until it holds, as `eventually` does; resolves with the milliseconds that took. */
export async function waitUntil(what: string, condition: () => Promise<boolean> | boolean, options: WaitOptions = {}): Promise<number> {
  const started = Date.now();
  await eventually(what, async () => ((await condition()) ? true : undefined), options);
  return Date.now() - started;
}
