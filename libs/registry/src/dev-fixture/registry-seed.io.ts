import { readFile } from 'node:fs/promises';
import { parseRegistrySeed, type SeedCommand } from './registry-seed.js';

/** Reads a registry seed file (see `parseRegistrySeed`). File-system errors propagate. */
export async function loadRegistrySeed(path: string): Promise<SeedCommand[]> {
  return parseRegistrySeed(await readFile(path, 'utf8'));
}
