import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPublicKey, generateSigningKeyPair, KeyFileIsInvalid, readKeyFile, writeKeyFile } from '@wildlife/signatures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signatures-key-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const freshPath = () => join(dir, `${randomUUID()}.json`);

describe('key files on disk', () => {
  it('writes a key file only its owner can read, and reads the same key back', async () => {
    const path = freshPath();
    const { privateKey, publicKey } = generateSigningKeyPair();

    await writeKeyFile(path, { keyId: 'ncb-ke-1', principalId: 'ncb-ke', privateKey });

    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const loaded = await readKeyFile(path);
    expect(loaded).toMatchObject({ keyId: 'ncb-ke-1', principalId: 'ncb-ke', publicKeyRaw: exportPublicKey(publicKey) });
  });

  it('refuses to replace an existing key file', async () => {
    const path = freshPath();
    const { privateKey } = generateSigningKeyPair();
    await writeKeyFile(path, { keyId: 'first', privateKey });

    await expect(writeKeyFile(path, { keyId: 'second', privateKey })).rejects.toMatchObject({ code: 'EEXIST' });
    expect((await readKeyFile(path)).keyId).toBe('first');
  });

  it('replaces one when asked, and tightens its mode to 0600', async () => {
    const path = freshPath();
    await writeFile(path, 'old');
    await chmod(path, 0o644);

    await writeKeyFile(path, { keyId: 'rotated', privateKey: generateSigningKeyPair().privateKey }, { overwrite: true });

    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readKeyFile(path)).keyId).toBe('rotated');
  });

  it('refuses a file that is not a key file', async () => {
    const path = freshPath();
    await writeFile(path, '{"keyId":"k"}');
    await expect(readKeyFile(path)).rejects.toBeInstanceOf(KeyFileIsInvalid);
  });
});
