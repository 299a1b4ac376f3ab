import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { EventStore } from './event-store.js';
import { silentLogger, type EventStoreLogger } from './logger.types.js';
import { advanceCheckpoint, ensureCheckpoint, readCheckpoint, resetCheckpoint } from './projection-checkpoints.js';
import { ProjectionDidNotCatchUpInTime } from './projection.errors.js';
import type { Projection } from './projection.js';
import type { ReadAllPage } from './read-events.js';
import { retryDelay } from './retry-delay.js';
import { inTransaction } from './transaction.js';

export interface ProjectionRunnerOptions {
  readonly pool: pg.Pool;
  readonly store: EventStore;
  /** What `start()` keeps up to date. */
  readonly projections?: readonly Projection[];
  readonly batchSize?: number;
  readonly idlePollMs?: number;
  readonly logger?: EventStoreLogger;
}

interface BatchOutcome {
  readonly page: ReadAllPage;
  /** False when another runner moved the checkpoint first; nothing was applied. */
  readonly won: boolean;
}

/**
 * Feeds projections from `EventStore.readAll`, each batch in one transaction with its checkpoint, so
 * a projection sees every event exactly once and in global-position order (readAll never skips a late
 * commit). Several runners, in one process or many, may run the same projection: the checkpoint is
 * compare-and-set, so a batch applies only if nobody advanced it meanwhile.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly logger: EventStoreLogger;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly checkpointsCreated = new Set<string>();

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.idlePollMs = options.idlePollMs ?? 200;
    this.logger = options.logger ?? silentLogger;
  }

  /** The global position of the last event the projection has seen (0 before the first). */
  position(projection: Projection): Promise<number> {
    return readCheckpoint(this.options.pool, projection.name);
  }

  /**
   * Applies events until the projection includes every event committed before this call; throws
   * `ProjectionDidNotCatchUpInTime` if the log does not become final that far within `timeoutMs`.
   */
  async catchUp(projection: Projection, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let target: number | undefined;
    for (;;) {
      const { page, won } = await this.applyNextBatch(projection);
      target ??= page.head;
      if (!won || page.events.length === this.batchSize) continue;
      if (page.horizon >= target) return;
      if (Date.now() > deadline) throw new ProjectionDidNotCatchUpInTime(projection.name, target, page.horizon, timeoutMs);
      await sleep(5);
    }
  }

  /** Empties the projection and its checkpoint in one transaction, then replays the log from 0. */
  async rebuild(projection: Projection, timeoutMs = 30_000): Promise<void> {
    await this.ensureCheckpoint(projection);
    await inTransaction(this.options.pool, async (client) => {
      await resetCheckpoint(client, projection.name);
      await projection.reset(client);
    });
    await this.catchUp(projection, timeoutMs);
  }

  /**
   * Keeps `options.projections` up to date in the background, polling every `idlePollMs` when idle.
   * A projection whose `apply` throws is retried with backoff and holds only itself back.
   */
  start(): void {
    this.loop ??= this.run();
  }

  /** Waits for the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const projections = this.options.projections ?? [];
    const failures = new Map<string, number>();
    const retryAt = new Map<string, number>();
    while (!this.stopping.signal.aborted) {
      let busy = false;
      for (const projection of projections) {
        if ((retryAt.get(projection.name) ?? 0) > Date.now()) continue;
        try {
          const { page } = await this.applyNextBatch(projection);
          busy ||= page.events.length === this.batchSize;
          failures.delete(projection.name);
        } catch (error) {
          const count = (failures.get(projection.name) ?? 0) + 1;
          failures.set(projection.name, count);
          retryAt.set(projection.name, Date.now() + retryDelay(count, 100, 5_000));
          this.logger.error({ err: error, projection: projection.name, failures: count }, 'projection batch failed');
        }
      }
      if (!busy) await sleep(this.idlePollMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    }
  }

  private async ensureCheckpoint(projection: Projection): Promise<void> {
    if (this.checkpointsCreated.has(projection.name)) return;
    await ensureCheckpoint(this.options.pool, projection.name);
    this.checkpointsCreated.add(projection.name);
  }

  private async applyNextBatch(projection: Projection): Promise<BatchOutcome> {
    await this.ensureCheckpoint(projection);
    const from = await readCheckpoint(this.options.pool, projection.name);
    const page = await this.options.store.readAllPage(from, this.batchSize);
    const last = page.events.at(-1);
    if (!last) return { page, won: true };
    const won = await inTransaction(this.options.pool, async (client) => {
      if (!(await advanceCheckpoint(client, projection.name, from, last.globalPosition))) return false;
      for (const event of page.events) {
        if (projection.handles(event.type)) await projection.apply(client, event);
      }
      return true;
    });
    return { page, won };
  }
}
