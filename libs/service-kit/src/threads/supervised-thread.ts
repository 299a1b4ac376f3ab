import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

/** Messages from the service's thread to a supervised one. */
export type ToSupervisedThread = 'wake' | 'stop';

export interface SupervisedThreadOptions {
  /** What the thread does, for logs ("log publisher"). */
  readonly name: string;
  /** The worker script (compiled JavaScript, or a data: URL). */
  readonly script: URL;
  /** Plain data the thread is started with (`workerData`), every time it is started. */
  readonly workerData: unknown;
  readonly logger: Logger;
  /**
   * How long `stop` waits for the thread to finish before ending it. Default 5 s: a part's share of
   * the default shutdown timeout (`shutdownBudget`); a service passes its own share.
   */
  readonly stopTimeoutMs?: number;
}

const FIRST_RESTART_MS = 250;
const MAX_RESTART_MS = 10_000;

/**
 * A worker thread kept running for the whole life of a service: work that would otherwise share the
 * service's event loop (publishing to Kafka) runs beside it on another core. `wake` and `stop` reach
 * the thread as messages (`onSupervisorMessages` on its side). A thread that ends unasked (it threw,
 * or exited) is logged and started again, after 250 ms doubling to 10 s while it keeps ending soon
 * after its start; its work must therefore carry on from what it committed. `stop` asks it to finish
 * and waits for it to exit, ending it after `stopTimeoutMs` if it has not.
 */
export class SupervisedThread {
  private worker: Worker | undefined;
  private restart: NodeJS.Timeout | undefined;
  private restartDelay = FIRST_RESTART_MS;
  private stopping = false;

  private constructor(private readonly o: SupervisedThreadOptions) {}

  static start(options: SupervisedThreadOptions): SupervisedThread {
    const thread = new SupervisedThread(options);
    thread.spawn();
    return thread;
  }

  wake(): void {
    this.worker?.postMessage('wake' satisfies ToSupervisedThread);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    const worker = this.worker;
    if (worker === undefined) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop' satisfies ToSupervisedThread);
    const timeoutMs = this.o.stopTimeoutMs ?? 5_000;
    const timer = setTimeout(() => {
      this.o.logger.warn({ thread: this.o.name, timeoutMs }, `the ${this.o.name} thread did not stop in time; ending it`);
      void worker.terminate();
    }, timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): void {
    const worker = new Worker(this.o.script, { workerData: this.o.workerData });
    this.worker = worker;
    const started = Date.now();
    worker.on('error', (err) => this.o.logger.error({ err, thread: this.o.name }, `the ${this.o.name} thread failed`));
    worker.on('exit', (code) => {
      this.worker = undefined;
      if (this.stopping) return;
      // A thread that ran a while before it ended starts again after the first delay; one that keeps
      // ending soon after its start waits longer each time.
      if (Date.now() - started > MAX_RESTART_MS) this.restartDelay = FIRST_RESTART_MS;
      this.o.logger.error({ thread: this.o.name, code, restartInMs: this.restartDelay }, `the ${this.o.name} thread ended; starting it again`);
      this.restart = setTimeout(() => this.spawn(), this.restartDelay);
      this.restartDelay = Math.min(MAX_RESTART_MS, this.restartDelay * 2);
    });
  }
}

/**
 * The thread's side of `SupervisedThread`: calls `wake` on each wake, and on stop awaits `stop`, then
 * ends the thread (exit code 0) whatever `stop` did.
 */
export function onSupervisorMessages(handlers: { readonly wake: () => void; readonly stop: () => Promise<void> }): void {
  if (parentPort === null) throw new Error('onSupervisorMessages is for a worker thread');
  parentPort.on('message', (message: ToSupervisedThread) => {
    if (message === 'wake') {
      handlers.wake();
      return;
    }
    void handlers.stop().finally(() => process.exit(0));
  });
}

/**
 * The worker script at `path` beside the calling module (`compiledWorkerScript('./x-worker.js',
 * import.meta.url)`) when that module runs compiled; undefined when it runs from TypeScript sources (a
 * test runner), where there is no worker script to start.
 */
export function compiledWorkerScript(path: string, callerUrl: string): URL | undefined {
  return callerUrl.endsWith('.js') ? new URL(path, callerUrl) : undefined;
}

/**
 * Lowers the CPU priority of the calling thread alone (Linux: `setpriority` on its thread id, found
 * through `/proc/thread-self`) to `nice`, so that on a saturated machine the service's own event loop
 * and its database win the cores and this thread takes what is left. False where that cannot be done
 * (no `/proc/thread-self`): the thread then runs at the process's priority.
 */
export function lowerThisThreadPriority(nice: number): boolean {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
    return true;
  } catch {
    return false;
  }
}
