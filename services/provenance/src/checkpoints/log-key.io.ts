import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateNoteKeyPair } from '@wildlife/provenance-log';
import { logKeyOf, type LogKey } from './log-key.js';

/**
 * Loads the log key from `path`. When the file does not exist and `createIfMissing` (development:
 * the default path under `.local/`), generates a key named for `origin`, writes it (mode 0600,
 * never over an existing file: of two processes racing, the loser reads the winner's) and keeps
 * using it from then on. Throws `LogKeyIsUnusable` for a key that does not fit; file errors propagate.
 */
export async function loadLogKey(path: string, origin: string, createIfMissing: boolean): Promise<LogKey> {
  try {
    return logKeyOf(await readFile(path, 'utf8'), origin);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !createIfMissing) throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const { signerKey } = generateNoteKeyPair(origin);
  try {
    await writeFile(path, `${signerKey}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return logKeyOf(await readFile(path, 'utf8'), origin);
}
