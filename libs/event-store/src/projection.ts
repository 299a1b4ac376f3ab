import type pg from 'pg';
import type { RecordedEvent } from './event.types.js';

/**
 * A read model built from the log. `apply` and `reset` run inside the runner's transaction on the
 * given client, together with the checkpoint update, so the read model and its checkpoint never
 * disagree. `apply` is called in global-position order, once per event the projection `handles`.
 */
export interface Projection {
  /** Unique per database: names the checkpoint row. */
  readonly name: string;
  handles(type: string): boolean;
  apply(client: pg.PoolClient, event: RecordedEvent): Promise<void>;
  /** Empties the read model, for a rebuild from position 0. */
  reset(client: pg.PoolClient): Promise<void>;
}
