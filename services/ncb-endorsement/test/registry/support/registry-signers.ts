import type { KeyObject } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustRoots } from '@wildlife/registry';
import { exportPublicKey, generateSigningKeyPair } from '@wildlife/signatures';

/** A principal's key pair, as a test holds it: the private half to sign, the registry form of the public half. */
export interface Signer {
  readonly principalId: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  /** Unpadded base64url of the raw public key. */
  readonly publicKey: string;
}

let serial = 0;

/** A fresh key for `principalId`, under a key id no other test uses. */
export function aSigner(principalId: string): Signer {
  const { privateKey, publicKey } = generateSigningKeyPair();
  return { principalId, keyId: `${principalId}-k${++serial}-${process.pid}`, privateKey, publicKey: exportPublicKey(publicKey) };
}

/** The body fields registering `signer`'s key. */
export const keyOf = (signer: Signer) => ({ keyId: signer.keyId, publicKey: signer.publicKey });

/** The trust roots of the tests: the GS, and the NCBs of France (with two keys) and Kenya (with one). */
export interface TrustRootSigners {
  readonly gs: Signer;
  readonly ncbFr: Signer;
  /** France's NCB's second trust-root key, valid beside `ncbFr`. */
  readonly ncbFrSecond: Signer;
  readonly ncbKe: Signer;
}

export function trustRootSigners(): TrustRootSigners {
  return { gs: aSigner('gs'), ncbFr: aSigner('ncb-fr'), ncbFrSecond: aSigner('ncb-fr'), ncbKe: aSigner('ncb-ke') };
}

/** Writes the trust-roots file of `roots` into a fresh temporary folder; returns its path. */
export async function writeTrustRoots(roots: TrustRootSigners): Promise<string> {
  const document: TrustRoots = {
    version: 1,
    generalSecretariat: { principalId: 'gs', keys: [keyOf(roots.gs)] },
    ncbs: [
      { country: 'FR', principalId: 'ncb-fr', keys: [keyOf(roots.ncbFr), keyOf(roots.ncbFrSecond)] },
      { country: 'KE', principalId: 'ncb-ke', keys: [keyOf(roots.ncbKe)] },
    ],
  };
  const path = join(await mkdtemp(join(tmpdir(), 'wildlife-trust-roots-')), 'trust-roots.json');
  await writeFile(path, JSON.stringify(document));
  return path;
}
