import { Worker } from 'node:worker_threads';
import { compiledWorkerScript } from '@wildlife/service-kit';
import type { reverify } from '@wildlife/signatures';

export type Reverified = ReturnType<typeof reverify>;

export interface ReverifyJob {
  readonly registryKey: string;
  readonly material: unknown;
}

interface Waiting {
  readonly resolve: (outcomes: (Reverified | undefined)[]) => void;
  readonly reject: (error: Error) => void;
}

/** The re-verification thread stopped (it crashed or was closed): what it had not answered is lost. */
export class ReverifyThreadStopped extends Error {
  constructor() {
    super('The signature re-verification thread stopped');
    this.name = 'ReverifyThreadStopped';
  }
}

/**
 * Ed25519 re-verification on a worker thread, so that it runs on another core than the log writer's
 * event loop. Only from compiled code: run from TypeScript sources (a test runner) there is no
 * worker script, and `start` returns undefined (callers verify on their own thread). Once stopped
 * it refuses every job; it never keeps the process alive.
 */
export class ReverifyThread {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private stopped = false;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on('message', ({ id, outcomes }: { id: number; outcomes: (Reverified | undefined)[] }) => {
      this.waiting.get(id)?.resolve(outcomes);
      this.waiting.delete(id);
    });
    worker.on('error', () => this.stop());
    worker.on('exit', () => this.stop());
  }

  static start(): ReverifyThread | undefined {
    const script = compiledWorkerScript('./reverify-worker.js', import.meta.url);
    return script === undefined ? undefined : new ReverifyThread(new Worker(script));
  }

  /** The outcomes of `jobs`, in order; rejects with `ReverifyThreadStopped` once the thread is gone. */
  reverify(jobs: readonly ReverifyJob[]): Promise<(Reverified | undefined)[]> {
    if (this.stopped) return Promise.reject(new ReverifyThreadStopped());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, jobs });
    });
  }

  async close(): Promise<void> {
    this.stop();
    await this.worker.terminate();
  }

  private stop(): void {
    this.stopped = true;
    for (const waiting of this.waiting.values()) waiting.reject(new ReverifyThreadStopped());
    this.waiting.clear();
  }
}
