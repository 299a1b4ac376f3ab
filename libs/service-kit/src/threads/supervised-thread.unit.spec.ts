import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { pino } from 'pino';
import { SupervisedThread } from './supervised-thread.js';

/** A worker script written inline (an ES module in a data: URL). */
const script = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

/** A pino logger whose lines the test reads. */
function recordingLogger() {
  const lines: { level: number; msg: string; code?: number; restartInMs?: number; thread?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  return { logger, lines, restarts: () => lines.filter((l) => l.msg === 'the test thread ended; starting it again') };
}

describe('a supervised thread', () => {
  it('starts with its data, passes each wake, and starts again a thread that ended unasked', async () => {
    // Ends with code 7 when woken if it was started with its data (else with 1), so every wake that
    // reaches it shows as a restart with that code.
    const { logger, restarts } = recordingLogger();
    const thread = SupervisedThread.start({
      name: 'test',
      logger,
      workerData: { origin: 'test.example/log' },
      script: script(`import { parentPort, workerData } from 'node:worker_threads';
        parentPort.on('message', (m) => process.exit(m !== 'wake' ? 0 : workerData.origin === 'test.example/log' ? 7 : 1));`),
    });
    await sleep(300);
    thread.wake();
    await waitUntil('the thread was started again', () => restarts().length === 1);
    expect(restarts()[0]).toMatchObject({ level: 50, code: 7, restartInMs: 250, thread: 'test' });
    await sleep(600);
    thread.wake();
    await waitUntil('the thread was started again a second time', () => restarts().length === 2);
    await thread.stop();
    expect(restarts()).toHaveLength(2);
  });

  it('backs off while the thread keeps ending at its start, and stops starting it once stopped', async () => {
    const { logger, restarts } = recordingLogger();
    const thread = SupervisedThread.start({ name: 'test', logger, workerData: null, script: script('process.exit(3);') });
    await waitUntil('the thread was started again three times', () => restarts().length === 3);
    expect(restarts().map((l) => [l.code, l.restartInMs])).toEqual([
      [3, 250],
      [3, 500],
      [3, 1_000],
    ]);
    await thread.stop();
    const after = restarts().length;
    await sleep(2_500);
    expect(restarts()).toHaveLength(after);
  });

  it('waits for a thread that finishes when asked to stop, without starting it again', async () => {
    const { logger, restarts } = recordingLogger();
    const thread = SupervisedThread.start({
      name: 'test',
      logger,
      workerData: null,
      script: script(`import { parentPort } from 'node:worker_threads';
        parentPort.on('message', (m) => { if (m === 'stop') setTimeout(() => process.exit(0), 200); });`),
    });
    await sleep(200);
    const asked = Date.now();
    await thread.stop();
    expect(Date.now() - asked).toBeGreaterThanOrEqual(150);
    await sleep(500);
    expect(restarts()).toHaveLength(0);
  });

  it('ends a thread that does not finish in time when asked to stop', async () => {
    const { logger, lines, restarts } = recordingLogger();
    const thread = SupervisedThread.start({
      name: 'test',
      logger,
      workerData: null,
      stopTimeoutMs: 300,
      script: script(`import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => undefined);`),
    });
    await sleep(200);
    await thread.stop();
    expect(lines.map((l) => l.msg)).toContain('the test thread did not stop in time; ending it');
    expect(restarts()).toHaveLength(0);
  });
});
