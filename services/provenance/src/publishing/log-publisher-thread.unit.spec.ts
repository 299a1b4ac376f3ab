import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { LogPublisherThread, type LogPublisherThreadSettings } from './log-publisher-thread.js';

const settings: LogPublisherThreadSettings = {
  service: 'provenance',
  logLevel: 'info',
  databaseUrl: 'postgres://unused',
  applicationName: 'unused',
  brokers: ['unused:9092'],
  clientId: 'unused',
  topicPrefix: '',
  origin: 'test.example/log',
};

/** A worker script written inline (an ES module in a data: URL). */
const script = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

/** A pino logger whose lines the test reads. */
function recordingLogger() {
  const lines: { level: number; msg: string; code?: number; restartInMs?: number }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  return { logger, restarts: () => lines.filter((l) => l.msg.startsWith('the log publisher thread ended')) };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

describe('the log publisher thread', () => {
  it('passes each wake to the thread, and starts a thread that ended unasked again', async () => {
    // Ends with code 7 when woken, so every wake that reaches it shows as a restart.
    const { logger, restarts } = recordingLogger();
    const thread = LogPublisherThread.start(
      settings,
      logger,
      script(`import { parentPort, workerData } from 'node:worker_threads';
        if (workerData.origin !== 'test.example/log') process.exit(1);
        parentPort.on('message', (m) => process.exit(m === 'wake' ? 7 : 0));
        parentPort.postMessage('ready');`),
    )!;
    await sleep(300);
    thread.wake();
    await until(() => restarts().length === 1);
    expect(restarts()[0]).toMatchObject({ level: 50, code: 7, restartInMs: 250 });
    await sleep(600);
    thread.wake();
    await until(() => restarts().length === 2);
    await thread.stop();
    expect(restarts()).toHaveLength(2);
  });

  it('backs off while the thread keeps ending at its start, and stops starting it once stopped', async () => {
    const { logger, restarts } = recordingLogger();
    const thread = LogPublisherThread.start(settings, logger, script('process.exit(3);'))!;
    await until(() => restarts().length === 3);
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

  it('stops a thread that obeys at once, without starting it again', async () => {
    const { logger, restarts } = recordingLogger();
    let stoppedAt = 0;
    const thread = LogPublisherThread.start(
      settings,
      logger,
      script(`import { parentPort } from 'node:worker_threads';
        parentPort.on('message', (m) => { if (m === 'stop') setTimeout(() => process.exit(0), 200); });`),
    )!;
    await sleep(200);
    const asked = Date.now();
    await thread.stop().then(() => (stoppedAt = Date.now()));
    expect(stoppedAt - asked).toBeGreaterThanOrEqual(150);
    await sleep(500);
    expect(restarts()).toHaveLength(0);
  });
});
