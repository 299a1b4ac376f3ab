import type pg from 'pg';

export async function ensureCheckpoint(db: pg.Pool | pg.ClientBase, name: string): Promise<void> {
  await db.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
}

/** The global position of the last event the projection has seen; 0 before the first. */
export async function readCheckpoint(db: pg.Pool | pg.ClientBase, name: string): Promise<number> {
  const { rows } = await db.query<{ position: string }>('SELECT position FROM projection_checkpoints WHERE name = $1', [
    name,
  ]);
  return Number(rows[0]?.position ?? 0);
}

/**
 * Moves the checkpoint from `from` to `to` if it is still at `from`; false when another runner moved
 * it first. The row stays locked until the transaction ends, so concurrent runners take turns.
 */
export async function advanceCheckpoint(client: pg.ClientBase, name: string, from: number, to: number): Promise<boolean> {
  const { rowCount } = await client.query(
    'UPDATE projection_checkpoints SET position = $3, updated_at = now() WHERE name = $1 AND position = $2',
    [name, from, to],
  );
  return rowCount === 1;
}

/** Sets the checkpoint back to 0 (locking its row, so an in-flight batch cannot advance it). */
export async function resetCheckpoint(client: pg.ClientBase, name: string): Promise<void> {
  await client.query('UPDATE projection_checkpoints SET position = 0, updated_at = now() WHERE name = $1', [name]);
}
