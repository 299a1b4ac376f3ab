import type pg from 'pg';
import { writeExportFile } from '../../../libs/auditor/dist/index.js';

const PAGE = 5_000;

/** The smallest signed tree size at or above `size`. */
export async function checkpointSizeFrom(pool: pg.Pool, size: number): Promise<number> {
  const { rows } = await pool.query<{ tree_size: string }>('SELECT min(tree_size) AS tree_size FROM checkpoints WHERE tree_size >= $1', [size]);
  return Number(rows[0]!.tree_size);
}

/** Writes the log up to its signed checkpoint of `size` in the auditor's export format, page by page. */
export async function exportAt(pool: pg.Pool, size: number, file: string, origin: string, verifierKey: string): Promise<void> {
  const { rows } = await pool.query<{ note: string }>('SELECT note FROM checkpoints WHERE tree_size = $1', [size]);
  async function* leaves() {
    for (let start = 0; start < size; start += PAGE) {
      const page = await pool.query<{ sequence: string; leaf_bytes: Buffer; leaf_hash: Buffer }>(
        'SELECT sequence, leaf_bytes, leaf_hash FROM log_entries WHERE sequence >= $1 AND sequence < $2 ORDER BY sequence',
        [start, Math.min(size, start + PAGE)],
      );
      for (const row of page.rows) yield { sequence: Number(row.sequence), leafBytes: row.leaf_bytes, leafHash: row.leaf_hash };
    }
  }
  await writeExportFile(file, { origin, verifierKey, checkpoint: rows[0]!.note, size }, leaves());
}
