import type pg from 'pg';

export interface EffectTally {
  /** Rows in `effects`: events acted on. */
  readonly events: number;
  /** Sum of `applications`: effects applied, a second effect of one event included. */
  readonly applications: number;
  /** Rows in `effect_attempts`: calls of the handler, rolled-back ones included. */
  readonly attempts: number;
}

export async function countEffects(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM effects');
  return rows[0]!.n;
}

export async function tallyEffects(pool: pg.Pool): Promise<EffectTally> {
  const { rows } = await pool.query<EffectTally>(
    `SELECT (SELECT count(*)::int FROM effects) AS events,
            (SELECT coalesce(sum(applications), 0)::int FROM effects) AS applications,
            (SELECT count(*)::int FROM effect_attempts) AS attempts`,
  );
  return rows[0]!;
}

/** Ids of events with an effect, each with how often it was applied and by which process. */
export async function effectsById(pool: pg.Pool): Promise<Map<string, { applications: number; appliedBy: number }>> {
  const { rows } = await pool.query<{ event_id: string; applications: number; applied_by: number }>(
    'SELECT event_id, applications, applied_by FROM effects',
  );
  return new Map(rows.map((r) => [r.event_id, { applications: r.applications, appliedBy: r.applied_by }]));
}

export async function attemptsOf(pool: pg.Pool, eventId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM effect_attempts WHERE event_id = $1', [eventId]);
  return rows[0]!.n;
}
