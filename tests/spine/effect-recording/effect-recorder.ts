import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@wildlife/contracts';
import { PG_POOL, type ReactionHandler } from '@wildlife/service-kit';
import type pg from 'pg';

/**
 * The reaction of the spine tests: records each event it is handed in `effects`, on the inbox
 * transaction's client (so the effect commits with the inbox row or not at all), after noting the
 * attempt in `effect_attempts` on a connection of its own (so the attempt outlives a rollback).
 */
@Injectable()
export class EffectRecorder implements ReactionHandler {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void> {
    await this.pool.query('INSERT INTO effect_attempts (event_id, attempted_by) VALUES ($1, $2)', [event.id, process.pid]);
    await client.query(
      `INSERT INTO effects (event_id, subject, applied_by) VALUES ($1, $2, $3)
       ON CONFLICT (event_id) DO UPDATE SET applications = effects.applications + 1`,
      [event.id, event.subject, process.pid],
    );
  }
}
