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

/** How many events each handler call that attempted `eventIds` was handed, per event, in call order. */
export async function callSizesOf(pool: pg.Pool, eventIds: readonly string[]): Promise<Map<string, number[]>> {
  const { rows } = await pool.query<{ event_id: string; size: number }>(
    `SELECT a.event_id, (SELECT count(*)::int FROM effect_attempts c WHERE c.call = a.call) AS size
       FROM effect_attempts a WHERE a.event_id = ANY($1::text[]) ORDER BY a.attempt`,
    [eventIds],
  );
  const sizes = new Map<string, number[]>(eventIds.map((id) => [id, []]));
  for (const row of rows) sizes.get(row.event_id)!.push(row.size);
  return sizes;
}

/** Makes the spine tests' reaction refuse `eventId` (a permanent failure). */
export async function refuseEvent(pool: pg.Pool, eventId: string): Promise<void> {
  await pool.query('INSERT INTO refused_events (event_id) VALUES ($1)', [eventId]);
}

/** Makes the spine tests' reaction stumble `times` times on `eventId` (a contract error of its own), then succeed. */
export async function stumbleOn(pool: pg.Pool, eventId: string, times: number): Promise<void> {
  await pool.query('INSERT INTO stumbles (event_id, remaining) VALUES ($1, $2)', [eventId, times]);
}

/** Makes the spine tests' reaction store `time` as a timestamptz when it handles `eventId`. */
export async function storeTimeWith(pool: pg.Pool, eventId: string, time: string): Promise<void> {
  await pool.query('INSERT INTO times_to_store (event_id, value) VALUES ($1, $2)', [eventId, time]);
}
