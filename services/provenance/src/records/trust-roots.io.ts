import { DEFAULT_TRUST_ROOTS_FILE } from '@wildlife/config';
import { loadTrustRoots, type TrustRoots } from '@wildlife/registry';
import type { Logger } from 'pino';

/**
 * The trust roots the log classifies with (`TRUST_ROOTS_FILE`, the same file the kit's registry
 * reads). Undefined when the development default is absent (no fixture generated yet): the log then
 * classifies nothing, rather than rejecting every record for want of keys, and records wait on their
 * topics. Anywhere else a missing or invalid file fails the start.
 */
export async function loadProvenanceTrustRoots(path: string, logger: Logger): Promise<TrustRoots | undefined> {
  try {
    return await loadTrustRoots(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path !== DEFAULT_TRUST_ROOTS_FILE) throw error;
    logger.warn({ trustRootsFile: path }, 'no trust roots: the provenance log classifies no record until the file exists');
    return undefined;
  }
}
