import type { LoadedSigningKey } from '@wildlife/signatures';
import type { CliIo } from './cli-io.js';
import { KeyFileCannotBeRead, reasonOf } from './command.errors.js';

/** Key ids travel unescaped in the signature's `keyid` parameter and in the registry: no spaces or quotes. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The key in `path`; any failure, from a missing file to a key that is not Ed25519, is a `KeyFileCannotBeRead`. */
export async function loadSigningKey(io: CliIo, path: string): Promise<LoadedSigningKey> {
  try {
    return await io.readKeyFile(path);
  } catch (error) {
    const reason = error instanceof Error && error.name === 'KeyFileIsInvalid' ? (error as { reason?: string }).reason : undefined;
    throw new KeyFileCannotBeRead(path, reason ?? reasonOf(error));
  }
}

/** The registry form of a key, as one JSON line: what an integrator hands to its NCB. */
export function publicKeyLine(key: { readonly keyId: string; readonly publicKey: string }): string {
  return `${JSON.stringify({ keyId: key.keyId, publicKey: key.publicKey })}\n`;
}
