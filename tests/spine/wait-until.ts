import { setTimeout as sleep } from 'node:timers/promises';

export class ConditionWasNotMetInTime extends Error {
  constructor(what: string, timeoutMs: number, progress: string) {
    super(`timed out after ${timeoutMs} ms waiting until ${what}${progress ? ` (${progress})` : ''}`);
    this.name = 'ConditionWasNotMetInTime';
  }
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  /** Says how far things got, for the timeout's message. */
  readonly progress?: () => Promise<string> | string;
}

/** Polls `condition` until it holds; throws ConditionWasNotMetInTime after `timeoutMs` (default 30 s). */
export async function waitUntil(what: string, condition: () => Promise<boolean> | boolean, options: WaitOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new ConditionWasNotMetInTime(what, timeoutMs, (await options.progress?.()) ?? '');
    await sleep(options.pollMs ?? 20);
  }
}
