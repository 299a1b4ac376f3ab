import type { MigrationSource } from './migration-files.js';

/**
 * This library's own tables (events, outbox, inbox, projection checkpoints). Pass it to `migrate`
 * before a service's own folder. The URL is relative to this module, so it finds
 * `libs/event-store/migrations/` both from `src/` (tests) and from `dist/` (runtime).
 */
export const eventStoreMigrations: MigrationSource = {
  namespace: 'event-store',
  directory: new URL('../migrations/', import.meta.url),
};
