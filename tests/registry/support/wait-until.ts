import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `condition` every `pollMs` until it holds; throws naming `what` after `timeoutMs`. Resolves with the time it took. */
export async function waitUntil(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30_000, pollMs = 20): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(pollMs);
  }
  return Date.now() - started;
}
