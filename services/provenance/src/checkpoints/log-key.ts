import { formatVerifierKey, parseSignerKey, publicKeyOf, signCheckpoint, type NoteSigner } from '@wildlife/provenance-log';

/** The log's note key: signs checkpoints under the log's origin, and the verifier key it publishes. */
export interface LogKey {
  readonly origin: string;
  readonly signer: NoteSigner;
  /** C2SP note verifier key: `<origin>+<key id hex>+<base64(0x01 || public key)>`. */
  readonly verifierKey: string;
}

/** The log's signer key does not fit the log (malformed, or named for another origin). */
export class LogKeyIsUnusable extends Error {
  constructor(readonly reason: string) {
    super(`The provenance log key cannot be used: ${reason}`);
    this.name = 'LogKeyIsUnusable';
  }
}

/** Reads a signer key string (`PRIVATE+KEY+<name>+…`). Its name must be the log's origin. */
export function logKeyOf(signerKey: string, origin: string): LogKey {
  let signer: NoteSigner;
  try {
    signer = parseSignerKey(signerKey.trim());
  } catch (error) {
    throw new LogKeyIsUnusable((error as Error).message);
  }
  if (signer.name !== origin) throw new LogKeyIsUnusable(`it is named "${signer.name}", not the log's origin "${origin}"`);
  return { origin, signer, verifierKey: formatVerifierKey(origin, publicKeyOf(signer.privateKey)) };
}

/** The signed checkpoint note of a tree. */
export function signedCheckpointNote(key: LogKey, size: number, rootHash: Uint8Array): string {
  return signCheckpoint({ origin: key.origin, size, rootHash }, key.signer);
}
