import { Worker } from 'node:worker_threads';
import type { LevelWithSilent, Logger } from 'pino';

/** What the log publisher's thread is started with (plain data: it crosses to the thread). */
export interface LogPublisherThreadSettings {
  readonly service: string;
  readonly logLevel: LevelWithSilent;
  /** The service's database. */
  readonly databaseUrl: string;
  /** `application_name` of the thread's own PostgreSQL connections. */
  readonly applicationName: string;
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topicPrefix: string;
  readonly origin: string;
}

/** Messages from the service's thread to the publisher's. */
export type ToLogPublisher = 'wake' | 'stop';

const FIRST_RESTART_MS = 250;
const MAX_RESTART_MS = 10_000;
/** How long a stop waits for the thread to commit its progress and disconnect before ending it. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * The log publisher (`LogPublisher`) on a worker thread of its own, so that reading the log,
 * building each entry's outcome and encoding both for Kafka run beside the log writer's event loop
 * rather than in it. Only from compiled code: run from TypeScript sources (a test runner) there is
 * no worker script, and `start` returns undefined. A thread that ends unasked (it threw) is logged
 * and started again, after 250 ms doubling to 10 s; entries it had not published are published by
 * the next one, from the progress committed in the database.
 */
export class LogPublisherThread {
  private worker: Worker | undefined;
  private restart: NodeJS.Timeout | undefined;
  private restartDelay = FIRST_RESTART_MS;
  private stopping = false;

  private constructor(
    private readonly script: URL,
    private readonly settings: LogPublisherThreadSettings,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts `script` (by default the compiled `log-publisher-worker.js` beside this file; undefined
   * when there is none) on a thread with `settings` as its `workerData`, and keeps it running.
   */
  static start(settings: LogPublisherThreadSettings, logger: Logger, script?: URL): LogPublisherThread | undefined {
    if (script === undefined && !import.meta.url.endsWith('.js')) return undefined;
    const thread = new LogPublisherThread(script ?? new URL('./log-publisher-worker.js', import.meta.url), settings, logger);
    thread.spawn();
    logger.info({ component: 'log-publisher', thread: 'worker' }, 'publishing the provenance log from a worker thread');
    return thread;
  }

  wake(): void {
    this.worker?.postMessage('wake' satisfies ToLogPublisher);
  }

  /** Asks the thread to finish its pass and disconnect; ends it after STOP_TIMEOUT_MS if it has not. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    const worker = this.worker;
    if (worker === undefined) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop' satisfies ToLogPublisher);
    const timer = setTimeout(() => {
      this.logger.warn({ component: 'log-publisher', timeoutMs: STOP_TIMEOUT_MS }, 'the log publisher thread did not stop in time; ending it');
      void worker.terminate();
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): void {
    const worker = new Worker(this.script, { workerData: this.settings });
    this.worker = worker;
    const started = Date.now();
    worker.on('error', (err) => this.logger.error({ err, component: 'log-publisher' }, 'the log publisher thread failed'));
    worker.on('exit', (code) => {
      this.worker = undefined;
      if (this.stopping) return;
      // A thread that ran a while before it ended starts again after the first delay; one that keeps
      // ending soon after its start waits longer each time.
      if (Date.now() - started > MAX_RESTART_MS) this.restartDelay = FIRST_RESTART_MS;
      this.logger.error({ component: 'log-publisher', code, restartInMs: this.restartDelay }, 'the log publisher thread ended; starting it again');
      this.restart = setTimeout(() => this.spawn(), this.restartDelay);
      this.restartDelay = Math.min(MAX_RESTART_MS, this.restartDelay * 2);
    });
  }
}
