import type { RegistryFact } from '@wildlife/registry';
import type pg from 'pg';

/** A row of `registry_facts` (migration 0002 of the kit). */
export interface RecordedRegistryFact {
  readonly seq: number;
  readonly eventId: string;
  readonly fact: RegistryFact;
}

/**
 * Records a consumed fact on the caller's transaction, once per event id; true when this call
 * inserted it. Takes the table's write lock first, held until the caller commits, so rows commit in
 * `seq` order (see the migration).
 */
export async function recordRegistryFact(client: pg.ClientBase, eventId: string, fact: RegistryFact): Promise<boolean> {
  await client.query('LOCK TABLE registry_facts IN EXCLUSIVE MODE');
  const { rowCount } = await client.query(
    'INSERT INTO registry_facts (event_id, fact_type, fact) VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING',
    [eventId, fact.type, JSON.stringify(fact)],
  );
  return rowCount === 1;
}

/** Up to `limit` recorded facts after `afterSeq` (0 = from the first), in `seq` order. */
export async function registryFactsAfter(db: pg.Pool | pg.ClientBase, afterSeq: number, limit = 1000): Promise<RecordedRegistryFact[]> {
  const { rows } = await db.query<{ seq: string; event_id: string; fact: RegistryFact }>(
    'SELECT seq, event_id, fact FROM registry_facts WHERE seq > $1 ORDER BY seq LIMIT $2',
    [afterSeq, limit],
  );
  return rows.map((row) => ({ seq: Number(row.seq), eventId: row.event_id, fact: row.fact }));
}
