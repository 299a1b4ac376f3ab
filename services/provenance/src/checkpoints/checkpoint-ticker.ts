import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, SETTINGS } from '@wildlife/service-kit';
import type { Logger } from 'pino';
import { ProvenanceLogWriter } from '../log/provenance-log-writer.js';
import type { TrustRoots } from '@wildlife/registry';
import type { ProvenanceConfig } from '../provenance.config.js';
import { TRUST_ROOTS } from '../provenance.tokens.js';

/**
 * Every `PROVENANCE_CHECKPOINT_INTERVAL_MS` (at most 5 s) and once at start: an empty log write,
 * which loads or catches up with the log and signs a checkpoint when the latest one does not cover
 * every entry (the very first, of size 0, included). Each append already signs one in its own
 * transaction; this covers whatever else committed entries (another instance, an older version).
 * Ticks never overlap: the next is timed from the end of the one before, so a slow database gets
 * one write at a time rather than a queue of them, and shutdown awaits the one in flight.
 */
@Injectable()
export class CheckpointTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly writer: ProvenanceLogWriter,
    @Inject(SETTINGS) private readonly settings: Pick<ProvenanceConfig, 'PROVENANCE_CHECKPOINT_INTERVAL_MS'>,
    @Inject(LOGGER) private readonly logger: Pick<Logger, 'error'>,
    @Inject(TRUST_ROOTS) private readonly trustRoots: TrustRoots | undefined,
  ) {}

  onApplicationBootstrap(): void {
    if (this.trustRoots === undefined) return;
    this.tick = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tick;
  }

  private async run(): Promise<void> {
    try {
      await this.writer.write([]);
    } catch (err) {
      this.logger.error({ err }, 'the provenance log could not be checkpointed');
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => (this.tick = this.run()), this.settings.PROVENANCE_CHECKPOINT_INTERVAL_MS).unref();
  }
}
