import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EventSchemaViolation, type CloudEvent } from '@wildlife/contracts';
import { PermanentMessageError } from '@wildlife/messaging';
import { PG_POOL, type ReactionHandler } from '@wildlife/service-kit';
import type pg from 'pg';

/**
 * The reaction of the spine tests. It records the events it is handed in `effects`, all of one call in
 * one statement, on the inbox transaction's client (so the effects commit with the inbox rows or not
 * at all). Before that, it notes each attempt in `effect_attempts`, with the call it came in, on a
 * connection of its own (so the attempt outlives a rollback). It refuses, as a permanent failure, a
 * call that holds an event listed in `refused_events`: a test lists one to see what the pipeline does
 * with a reaction that fails. And it stumbles on an event listed in `stumbles`, as many times as
 * listed, with an `EventSchemaViolation` of its own making (as a reaction whose outgoing event broke
 * its contract would): a bug in the reaction, which must hold the message, not dead-letter it. For an
 * event listed in `times_to_store`, it reads the listed text as a timestamptz in the inbox transaction,
 * as a reaction storing a time from the event would: PostgreSQL's data exceptions come from there.
 */
@Injectable()
export class EffectRecorder implements ReactionHandler {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void> {
    await this.handleAll([event], client);
  }

  async handleAll(events: readonly CloudEvent<unknown>[], client: pg.PoolClient): Promise<void> {
    const ids = events.map((e) => e.id);
    await this.pool.query('INSERT INTO effect_attempts (event_id, attempted_by, call) SELECT unnest($1::text[]), $2, $3', [ids, process.pid, randomUUID()]);
    const { rows } = await client.query<{ event_id: string }>('SELECT event_id FROM refused_events WHERE event_id = ANY($1::text[])', [ids]);
    if (rows.length > 0) throw new PermanentMessageError(`the test refuses event ${rows[0]!.event_id}`);
    const stumbled = await this.pool.query(
      'UPDATE stumbles SET remaining = remaining - 1 WHERE event_id = ANY($1::text[]) AND remaining > 0 RETURNING event_id',
      [ids],
    );
    if ((stumbled.rowCount ?? 0) > 0) throw new EventSchemaViolation('ncb-endorsement.SomethingOutgoing.v1', [{ path: '/', reason: 'a bug in the reaction' }]);
    await client.query('SELECT value::timestamptz FROM times_to_store WHERE event_id = ANY($1::text[])', [ids]);
    await client.query(
      `INSERT INTO effects (event_id, subject, applied_by)
       SELECT id, subject, $3 FROM unnest($1::text[], $2::text[]) AS e(id, subject)
       ON CONFLICT (event_id) DO UPDATE SET applications = effects.applications + 1`,
      [ids, events.map((e) => e.subject), process.pid],
    );
  }
}
