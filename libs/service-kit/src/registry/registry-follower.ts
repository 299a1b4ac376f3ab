import pg from 'pg';
import type { Logger } from 'pino';
import type { RegistryDirectory } from './registry-directory.js';
import { registryFactsAfter } from './registry-facts.table.js';

/**
 * Keeps a `RegistryDirectory` up to date with `registry_facts`: `catchUp` applies every row after the
 * last one it applied, in `seq` order (which is commit order, see the migration); `start` then follows
 * the table on a dedicated session that LISTENs for the insert trigger's notifications, with a poll as
 * fallback. So a fact consumed by any instance of the service reaches every instance within
 * milliseconds of its commit, and at most `pollMs` late if a notification is lost.
 */
export class RegistryFollower {
  private lastSeq = 0;
  private passes: Promise<unknown> = Promise.resolve();
  private session: pg.Client | undefined;
  private loop: Promise<void> | undefined;
  private stopped = false;
  private pendingWake = false;
  private wakeWaiter: (() => void) | undefined;

  constructor(
    private readonly o: {
      readonly pool: pg.Pool;
      readonly directory: RegistryDirectory;
      readonly logger: Logger;
      /** Fallback poll when no notification arrives. Default 1 s. */
      readonly pollMs?: number;
    },
  ) {}

  /** Applies every fact recorded since the last pass; resolves with how many were read. Passes never overlap. */
  catchUp(): Promise<number> {
    const pass = this.passes.then(() => this.applyRecorded());
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  /** Follows the table until `stop()`. Errors (a lost session, a failed read) are logged and retried. */
  start(): void {
    this.loop ??= (async () => {
      while (!this.stopped) {
        try {
          await this.listening();
          await this.catchUp();
        } catch (err) {
          if (!this.stopped) this.o.logger.warn({ err }, 'could not follow the registry facts yet; retrying');
          await this.dropSession();
          // A failure is retried after a full poll interval, not at once on the lost session's wake-up.
          this.pendingWake = false;
        }
        await this.nextWake();
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await this.dropSession();
    await this.passes;
  }

  private async applyRecorded(): Promise<number> {
    let read = 0;
    for (;;) {
      const rows = await registryFactsAfter(this.o.pool, this.lastSeq);
      for (const row of rows) {
        this.o.directory.apply(row.eventId, row.fact);
        this.lastSeq = row.seq;
      }
      read += rows.length;
      if (rows.length === 0) return read;
    }
  }

  /** LISTEN before reading, so a fact committed during a pass wakes the next one. */
  private async listening(): Promise<void> {
    if (this.session) return;
    const session = new pg.Client(this.o.pool.options);
    session.on('notification', () => this.wake());
    session.on('error', (err) => {
      this.o.logger.warn({ err }, 'registry follower session lost');
      if (this.session === session) this.session = undefined;
      this.wake();
    });
    try {
      await session.connect();
      await session.query('LISTEN registry_facts');
    } catch (error) {
      await session.end().catch(() => undefined);
      throw error;
    }
    this.session = session;
  }

  private async dropSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }

  private wake(): void {
    if (this.wakeWaiter) this.wakeWaiter();
    else this.pendingWake = true;
  }

  private nextWake(): Promise<void> {
    if (this.pendingWake || this.stopped) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeWaiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.o.pollMs ?? 1_000);
      this.wakeWaiter = done;
    });
  }
}
