import { Module } from '@nestjs/common';
import type { TrustRoots } from '@wildlife/registry';
import { LOGGER, PG_POOL, SETTINGS } from '@wildlife/service-kit';
import type pg from 'pg';
import type { Logger } from 'pino';
import { CheckpointTicker } from './checkpoints/checkpoint-ticker.js';
import type { LogKey } from './checkpoints/log-key.js';
import { loadLogKey } from './checkpoints/log-key.io.js';
import { LogController } from './http/log.controller.js';
import { LogReads } from './http/log-reads.js';
import { RecordsController } from './http/records.controller.js';
import { LogAppender } from './log/log-appender.js';
import { ProvenanceLogWriter } from './log/provenance-log-writer.js';
import { DEV_LOG_KEY_FILE, type ProvenanceConfig } from './provenance.config.js';
import { LOG_KEY, TRUST_ROOTS } from './provenance.tokens.js';
import { LogTopicRelay } from './publishing/log-topic-relay.js';
import { RecordIntake } from './records/record-intake.js';
import { loadProvenanceTrustRoots } from './records/trust-roots.io.js';

@Module({
  controllers: [LogController, RecordsController],
  providers: [
    {
      provide: TRUST_ROOTS,
      inject: [SETTINGS, LOGGER],
      useFactory: (settings: ProvenanceConfig, logger: Logger) => loadProvenanceTrustRoots(settings.TRUST_ROOTS_FILE, logger),
    },
    {
      provide: LOG_KEY,
      inject: [SETTINGS],
      useFactory: (settings: ProvenanceConfig): Promise<LogKey> =>
        loadLogKey(settings.PROVENANCE_LOG_KEY_FILE, settings.PROVENANCE_LOG_ORIGIN, settings.PROVENANCE_LOG_KEY_FILE === DEV_LOG_KEY_FILE),
    },
    LogTopicRelay,
    {
      provide: ProvenanceLogWriter,
      inject: [PG_POOL, TRUST_ROOTS, LOG_KEY, LogTopicRelay],
      useFactory: (pool: pg.Pool, trustRoots: TrustRoots | undefined, logKey: LogKey, relay: LogTopicRelay) =>
        new ProvenanceLogWriter({ pool, trustRoots, logKey, onAppended: () => relay.wake() }),
    },
    {
      provide: LogAppender,
      inject: [ProvenanceLogWriter, SETTINGS],
      useFactory: (writer: ProvenanceLogWriter, settings: ProvenanceConfig) =>
        new LogAppender((records) => writer.write(records), settings.PROVENANCE_APPEND_BATCH_SIZE, (records) => void writer.prepare(records)),
    },
    RecordIntake,
    CheckpointTicker,
    LogReads,
  ],
})
export class ProvenanceModule {}
