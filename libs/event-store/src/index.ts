export { EventStore } from './event-store.js';
export { GroupCommit, jsonArrayOf, type GroupedOutcome, type GroupedStatements } from './group-commit.js';
export type { AppendOptions, AppendResult } from './append-events.js';
export type { ReadAllPage } from './read-events.js';
export type { EventMetadata, EventPrincipal, ExpectedVersion, NewEvent, RecordedEvent } from './event.types.js';
export { EventIdIsAlreadyRecorded, OutboxMessageIdIsAlreadyWritten, StreamVersionConflict } from './event-store.errors.js';
export type { InProcessRelay, OutboxMessage, RelayedMessage } from './outbox.types.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
export { WakeSignal } from './wake-signal.js';
export { processBatchOnce, processOnce, type BatchProcessResult, type InboxMessage, type ProcessOnceResult } from './inbox.js';
export type { Projection } from './projection.js';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
export { ProjectionDidNotCatchUpInTime } from './projection.errors.js';
export { migrate, type AppliedMigration } from './migrate.js';
export type { MigrationSource } from './migration-files.js';
export {
  AppliedMigrationWasChanged,
  MigrationFileFailedToApply,
  MigrationFileNameIsInvalid,
  MigrationVersionIsDuplicated,
} from './migration.errors.js';
export { eventStoreMigrations } from './event-store.migrations.js';
export type { EventStoreLogger } from './logger.types.js';
export { inTransaction, runAfterCommit, TransactionWasRolledBack, type TransactionOptions } from './transaction.js';
