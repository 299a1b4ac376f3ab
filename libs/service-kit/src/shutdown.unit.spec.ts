import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { runShutdownSteps, shutdownBudget, ShutdownWasIncomplete } from './shutdown.js';

function recordingLogger() {
  const lines: { level: number; msg: string; step?: string }[] = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) }), lines };
}

describe('the steps of a shutdown', () => {
  it('runs every step, in order, after one that fails and one that overruns, then names both', async () => {
    const { logger, lines } = recordingLogger();
    const ran: string[] = [];
    const step = (name: string, run: () => Promise<void>, withinMs = 1_000) => ({ name, withinMs, run: () => (ran.push(name), run()) });

    const shutdown = runShutdownSteps(
      [
        step('closing the HTTP server', () => new Promise<void>(() => undefined), 50),
        step('stopping the event pipeline', async () => {
          throw new Error('broker gone');
        }),
        step('closing the database pool', async () => undefined),
      ],
      logger,
    );

    await expect(shutdown).rejects.toEqual(new ShutdownWasIncomplete(['closing the HTTP server timed out', 'stopping the event pipeline failed']));
    expect(ran).toEqual(['closing the HTTP server', 'stopping the event pipeline', 'closing the database pool']);
    expect(lines.map((l) => [l.level, l.step])).toEqual([
      [50, 'closing the HTTP server'],
      [50, 'stopping the event pipeline'],
    ]);
  });

  it('resolves when every step finishes in time, a step that throws at once included as a failure', async () => {
    const { logger } = recordingLogger();
    await expect(runShutdownSteps([{ name: 'a', withinMs: 100, run: async () => undefined }], logger)).resolves.toBeUndefined();
    const throwsAtOnce = () => {
      throw new Error('not even a promise');
    };
    await expect(runShutdownSteps([{ name: 'b', withinMs: 100, run: throwsAtOnce }], logger)).rejects.toThrow('b failed');
  });

  it('gives requests in flight 30 % of the shutdown timeout, and any other part at most half of it', () => {
    expect(shutdownBudget(10_000)).toEqual({ totalMs: 10_000, httpDrainMs: 3_000, partMs: 5_000, settleMs: 1_000 });
  });
});
