import { open, readFile } from 'node:fs/promises';
import { parseKeyFile, serialiseKeyFile, type LoadedSigningKey, type SigningKeyToStore } from './key-file.js';

/**
 * The only file I/O of this library. Reads and checks a key file (see `parseKeyFile`). File-system
 * errors propagate; content problems throw `KeyFileIsInvalid`.
 */
export async function readKeyFile(path: string): Promise<LoadedSigningKey> {
  return parseKeyFile(await readFile(path, 'utf8'));
}

/**
 * Writes a key file readable by its owner only (mode 0600, also enforced on an overwritten file).
 * Refuses to replace an existing file unless `overwrite` is set, so a private key is never lost by
 * accident.
 */
export async function writeKeyFile(path: string, key: SigningKeyToStore, options: { overwrite?: boolean } = {}): Promise<void> {
  const text = serialiseKeyFile(key);
  const file = await open(path, options.overwrite ? 'w' : 'wx', 0o600);
  try {
    await file.chmod(0o600);
    await file.writeFile(text, 'utf8');
  } finally {
    await file.close();
  }
}
