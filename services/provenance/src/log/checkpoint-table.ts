import type pg from 'pg';

export interface StoredCheckpoint {
  readonly treeSize: number;
  readonly rootHash: Buffer;
  /** The C2SP signed note, exactly as signed. */
  readonly note: string;
}

/** The checkpoint of the largest tree size, if any. */
export async function latestCheckpoint(client: pg.ClientBase | pg.Pool): Promise<StoredCheckpoint | undefined> {
  const { rows } = await client.query<{ tree_size: string; root_hash: Buffer; note: string }>(
    'SELECT tree_size, root_hash, note FROM checkpoints ORDER BY tree_size DESC LIMIT 1',
  );
  const row = rows[0];
  return row === undefined ? undefined : { treeSize: Number(row.tree_size), rootHash: row.root_hash, note: row.note };
}
