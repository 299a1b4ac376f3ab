import type { KeyObject } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustRoots } from '@wildlife/registry';
import { exportPublicKey, generateSigningKeyPair } from '@wildlife/signatures';

/** A principal's key pair as a test holds it. */
export interface Signer {
  readonly principalId: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  /** The registry form: unpadded base64url of the raw public key. */
  readonly publicKey: string;
}

/** A fresh key for `principalId` under a key id of its own. */
export function aSigner(principalId: string): Signer {
  const { privateKey, publicKey } = generateSigningKeyPair();
  return { principalId, keyId: `${principalId}-${randomBytes(4).toString('hex')}`, privateKey, publicKey: exportPublicKey(publicKey) };
}

export const uniqueId = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export const keyOf = (signer: Signer) => ({ keyId: signer.keyId, publicKey: signer.publicKey });

/** The trust roots of these tests: the GS and France's NCB, written to a fresh temporary file. */
export async function trustRootsFile(roots: { gs: Signer; ncbFr: Signer }): Promise<string> {
  const document: TrustRoots = {
    version: 1,
    generalSecretariat: { principalId: 'gs', keys: [keyOf(roots.gs)] },
    ncbs: [{ country: 'FR', principalId: 'ncb-fr', keys: [keyOf(roots.ncbFr)] }],
  };
  const path = join(await mkdtemp(join(tmpdir(), 'wildlife-trust-roots-')), 'trust-roots.json');
  await writeFile(path, JSON.stringify(document));
  return path;
}
