import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@wildlife/contracts';
import { PermanentMessageError } from '@wildlife/messaging';
import { PG_POOL, type ReactionHandler } from '@wildlife/service-kit';
import type pg from 'pg';

/**
 * The reaction of the spine tests. It records the events it is handed in `effects`, all of one call in
 * one statement, on the inbox transaction's client (so the effects commit with the inbox rows or not
 * at all). Before that, it notes each attempt in `effect_attempts`, with the call it came in, on a
 * connection of its own (so the attempt outlives a rollback). It refuses, as a permanent failure, a
 * call that holds an event listed in `refused_events`: a test lists one to see what the pipeline does
 * with a reaction that fails.
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
    await client.query(
      `INSERT INTO effects (event_id, subject, applied_by)
       SELECT id, subject, $3 FROM unnest($1::text[], $2::text[]) AS e(id, subject)
       ON CONFLICT (event_id) DO UPDATE SET applications = effects.applications + 1`,
      [ids, events.map((e) => e.subject), process.pid],
    );
  }
}
