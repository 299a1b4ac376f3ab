import { readFile } from 'node:fs/promises';
import type { TrustRoots } from './trust-roots.js';
import { parseTrustRoots } from './trust-roots.parse.js';

/**
 * Reads and checks the trust-roots file given at deployment (see `parseTrustRoots`). File-system
 * errors propagate as they are; content problems throw `TrustRootsAreInvalid`.
 */
export async function loadTrustRoots(path: string): Promise<TrustRoots> {
  return parseTrustRoots(await readFile(path, 'utf8'));
}
