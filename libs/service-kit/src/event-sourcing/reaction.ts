import type { Type } from '@nestjs/common';
import type { CloudEvent } from '@wildlife/contracts';
import type pg from 'pg';

/**
 * A service's reaction to public events of other services (or its own). `handle` runs inside the
 * transaction that records the event (source and id) in the inbox, on `client`: whatever it writes with that
 * client commits together with the inbox row, so a redelivered event has no second effect.
 * The event arrives validated against its contract and upcast to the latest version.
 * Throwing a `PermanentMessageError` sends the message to the dead-letter topic, and so does a
 * PostgreSQL data exception (SQLSTATE class 22: a value from the event that a statement refuses,
 * as `DatabaseRefusedTheEventsData`); any other error is retried with backoff.
 */
export interface ReactionHandler {
  handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void>;
  /**
   * Optional: the effects of several events at once, in one inbox transaction, with the same outcome
   * as `handle` called for each in order (e.g. one multi-row statement instead of one per event: on
   * a busy machine each statement's round trip costs more than its rows). Without it, `handle` runs
   * for each. If it throws, the events are retried one by one through `handle`, so a poison event is
   * still dead-lettered on its own.
   */
  handleAll?(events: readonly CloudEvent<unknown>[], client: pg.PoolClient): Promise<void>;
}

export interface ReactionDefinition {
  /** Consumer group name within the service, e.g. `support-request-status`; the group id is `<prefix><service>.<name>`. */
  name: string;
  /** Topic names as in the registry (unprefixed). */
  topics: string[];
  /** A Nest provider of the service's module implementing ReactionHandler. */
  handler: Type<ReactionHandler>;
}
