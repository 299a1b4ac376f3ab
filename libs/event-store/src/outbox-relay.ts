import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { deletePublished, readUnpublished } from './outbox-rows.js';
import type { RelayedMessage } from './outbox.types.js';
import { RelayConnection } from './relay-connection.js';
import { retryDelay } from './retry-delay.js';
import { WakeSignal } from './wake-signal.js';
import { silentLogger, type EventStoreLogger } from './logger.types.js';

export interface OutboxRelayOptions {
  /** The outbox's database: the relay opens its own session with these settings. */
  readonly pool: pg.Pool;
  /** Publishes a batch, resolving only once every message is durably accepted (e.g. Kafka acks). */
  readonly publish: (messages: RelayedMessage[]) => Promise<void>;
  readonly batchSize?: number;
  /** Fallback poll when no notification arrives. */
  readonly idlePollMs?: number;
  /** How often a standby relay tries to take over. */
  readonly standbyRetryMs?: number;
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  readonly logger?: EventStoreLogger;
}

/**
 * Publishes the outbox. At most one relay per database publishes at a time: it holds a session
 * advisory lock on a dedicated connection; other instances stand by and retry every `standbyRetryMs`.
 *
 * Each pass reads the oldest rows in seq order, hands them to `publish` as one batch, then deletes
 * them: the outbox only ever holds what is not yet published. There is no high-water mark: a row that
 * commits late is still there for the next pass. A `publish` that throws leaves its rows unpublished; the pass is retried after an
 * exponential backoff (capped at `retryMaxMs`), so a message is never lost, though it may be published
 * more than once (a retry after a partial publish, or a relay whose session died mid-pass while another
 * took over): delivery is at-least-once and consumers deduplicate by message id (inbox).
 *
 * Per-key order: messages of one stream reach `publish` in stream order. An append to a stream runs
 * only after the previous append to it committed (the stream lock and the unique stream position see
 * to that), and its outbox rows are inserted after its events, so their seq values are taken after the
 * previous append's rows were committed and are therefore greater. A pass that sees the later row sees
 * the earlier one too, and passes publish in seq order, whole batches one after another.
 *
 * Latency: a pass starts as soon as a writer commits. Appends in this process wake the relay directly
 * after their commit (`EventStore.wakeRelayInProcess`); appends elsewhere NOTIFY the `outbox` channel
 * at commit, which the relay LISTENs to. `idlePollMs` is only the fallback.
 */
export class OutboxRelay {
  private readonly passRequested = new WakeSignal();
  private readonly stopping = new AbortController();
  private connection: RelayConnection | undefined;
  private publishing = false;
  private loop: Promise<void> | undefined;
  private readonly o: Required<OutboxRelayOptions>;

  constructor(options: OutboxRelayOptions) {
    this.o = {
      pool: options.pool,
      publish: options.publish,
      batchSize: options.batchSize ?? 500,
      idlePollMs: options.idlePollMs ?? 200,
      standbyRetryMs: options.standbyRetryMs ?? 1_000,
      retryBaseMs: options.retryBaseMs ?? 50,
      retryMaxMs: options.retryMaxMs ?? 5_000,
      logger: options.logger ?? silentLogger,
    };
  }

  /** True while this instance holds the lock and publishes. */
  get isPublishing(): boolean {
    return this.publishing;
  }

  /** Starts a pass now, or right after the one in progress: something was committed to the outbox. */
  wake(): void {
    this.passRequested.wake();
  }

  /** Starts the relay; resolves after its first attempt to become the publishing instance. */
  async start(): Promise<void> {
    if (this.loop) return;
    let attempted!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (attempted = resolve));
    this.loop = this.run(attempted);
    await firstAttempt;
  }

  /**
   * Waits for an in-flight pass, releases the lock and closes the connection; leaves no
   * timer or socket behind. A stopped relay is not restarted: make a new one.
   */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping.abort();
    this.passRequested.wake();
    await this.loop;
  }

  private async run(attempted: () => void): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        if (!this.publishing && !(await this.campaign(attempted))) {
          await this.pause(this.o.standbyRetryMs);
          continue;
        }
        const published = await this.pass();
        failures = 0;
        if (published < this.o.batchSize) await this.passRequested.wait(this.o.idlePollMs);
      } catch (error) {
        attempted();
        failures += 1;
        const delayMs = retryDelay(failures, this.o.retryBaseMs, this.o.retryMaxMs);
        this.o.logger.warn({ err: error, failures, delayMs }, 'outbox relay pass failed; retrying');
        if (this.connection?.isLost) await this.resign();
        await this.pause(delayMs);
      }
    }
    await this.resign();
  }

  /** Connects if needed and tries to take the lock; true when this instance now publishes. */
  private async campaign(attempted: () => void): Promise<boolean> {
    this.connection ??= await RelayConnection.open(
      this.o.pool.options,
      () => this.passRequested.wake(),
      (error) => {
        this.o.logger.error({ err: error }, 'outbox relay connection lost');
        this.passRequested.wake();
      },
    );
    this.publishing = await this.connection.tryLead();
    attempted();
    if (this.publishing) this.o.logger.info({}, 'outbox relay is publishing');
    return this.publishing;
  }

  private async pass(): Promise<number> {
    const session = this.connection!.session;
    const batch = await readUnpublished(session, this.o.batchSize);
    if (batch.messages.length === 0) return 0;
    await this.o.publish(batch.messages);
    await deletePublished(session, batch.seqs);
    return batch.messages.length;
  }

  private async resign(): Promise<void> {
    this.publishing = false;
    await this.connection?.close();
    this.connection = undefined;
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }
}
