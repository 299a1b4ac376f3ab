import type { Logger } from 'pino';

/**
 * How a service shares out SHUTDOWN_TIMEOUT_MS, after which `runService` exits whatever is still
 * running. Requests in flight get `httpDrainMs` (30 %) to finish, then their connections are closed.
 * Each part that stops on its own clock (a consumer, which commits what it processed and leaves its
 * group; a module's worker thread; the outbox relay) gets at most `partMs` (50 %). Consumers start
 * stopping with the drain, so at the 10 s default: requests 3 s, then the modules' own shutdown hooks
 * (≤ 5 s), then the relay and the pool, within the bound.
 */
export interface ShutdownBudget {
  readonly totalMs: number;
  readonly httpDrainMs: number;
  readonly partMs: number;
  /**
   * What a step that waits on parts with their own `partMs` clocks gets beyond `partMs` (10 %): the
   * part gives up at `partMs` and the step still has its own work to finish after that (the pipeline
   * stops the relay once its consumers are stopped or left). With the same bound for both, the
   * step's timer and the part's raced, and a consumer left as designed counted as a failed shutdown.
   */
  readonly settleMs: number;
}

export function shutdownBudget(totalMs: number): ShutdownBudget {
  return { totalMs, httpDrainMs: Math.round(totalMs * 0.3), partMs: Math.round(totalMs * 0.5), settleMs: Math.round(totalMs * 0.1) };
}

/** True if `work` settles (resolved or rejected) within `ms`, false otherwise. Never rejects. */
export async function settlesWithin(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([work.then(() => true, () => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ShutdownStep {
  /** What the step does, for the log: "stopping the event pipeline". */
  readonly name: string;
  readonly run: () => Promise<void>;
  /** How long the next step waits for this one. */
  readonly withinMs: number;
}

/** What `runShutdownSteps` throws when a step failed or did not finish in time; the others ran. */
export class ShutdownWasIncomplete extends Error {
  constructor(readonly steps: readonly string[]) {
    super(`shutdown incomplete: ${steps.join('; ')}`);
    this.name = 'ShutdownWasIncomplete';
  }
}

/**
 * Runs `steps` one after the other, each waited for at most its `withinMs`. A step that fails, or
 * overruns (it goes on in the background, unawaited), is logged and the next one runs anyway: a
 * stuck request or a broken dependency never keeps consumers from committing or the pool from
 * closing. Resolves once every step has run; rejects with `ShutdownWasIncomplete` naming those that
 * failed or overran.
 */
export async function runShutdownSteps(steps: readonly ShutdownStep[], logger: Logger): Promise<void> {
  const incomplete: string[] = [];
  for (const step of steps) {
    const outcome = Promise.resolve()
      .then(step.run)
      .then(
        () => ({ failed: false as const }),
        (err: unknown) => ({ failed: true as const, err }),
      );
    if (!(await settlesWithin(step.withinMs, outcome))) {
      logger.error({ step: step.name, withinMs: step.withinMs }, `shutdown: ${step.name} did not finish in time; going on`);
      incomplete.push(`${step.name} timed out`);
      continue;
    }
    const settled = await outcome;
    if (settled.failed) {
      logger.error({ err: settled.err, step: step.name }, `shutdown: ${step.name} failed; going on`);
      incomplete.push(`${step.name} failed`);
    }
  }
  if (incomplete.length > 0) throw new ShutdownWasIncomplete(incomplete);
}
