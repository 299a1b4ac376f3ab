import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Waits until `path`'s contents are on the disk (fsync). */
export async function synced(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Waits until a rename into `path`'s directory is on the disk (fsync of the directory). A directory
 * cannot be opened for fsync on every platform; where it cannot, the rename stands as is.
 */
export async function renameSynced(path: string): Promise<void> {
  await synced(dirname(resolve(path))).catch(() => undefined);
}
