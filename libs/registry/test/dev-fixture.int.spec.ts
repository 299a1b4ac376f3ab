import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKeyFile } from '@wildlife/signatures';
import {
  DevFixtureFolderHoldsOtherFiles,
  ensureDevFixture,
  loadRegistrySeed,
  loadTrustRoots,
  TrustRootsAreInvalid,
} from '@wildlife/registry';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'registry-dev-fixture-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let counter = 0;
const freshDir = () => join(root, `fixture-${(counter += 1)}`, 'principals');

describe('the development fixture on disk', () => {
  it('writes trust roots, the registry seed and one owner-only key file per principal', async () => {
    const dir = freshDir();

    const files = await ensureDevFixture(dir, { now: new Date('2026-04-01T08:00:00Z') });

    expect(files.created).toBe(true);
    const trustRoots = await loadTrustRoots(files.trustRootsPath);
    const seed = await loadRegistrySeed(files.seedPath);
    const keyFiles = (await readdir(files.keysDir)).sort();
    expect(keyFiles).toHaveLength(16);
    expect(keyFiles).toContain('ncb-fr.key.json');
    for (const name of keyFiles) expect((await stat(join(files.keysDir, name))).mode & 0o777).toBe(0o600);

    const ncbFr = await readKeyFile(join(files.keysDir, 'ncb-fr.key.json'));
    expect(trustRoots.ncbs.find((ncb) => ncb.principalId === 'ncb-fr')?.keys).toEqual([{ keyId: ncbFr.keyId, publicKey: ncbFr.publicKeyRaw }]);
    const ofb = await readKeyFile(join(files.keysDir, 'fr-ofb.key.json'));
    const ofbRegistration = seed.find((entry) => entry.command === 'register-agency' && entry.body.agencyId === 'fr-ofb');
    expect(ofbRegistration).toMatchObject({ signerPrincipalId: 'ncb-fr', body: { key: { keyId: ofb.keyId, publicKey: ofb.publicKeyRaw } } });
    expect(await readdir(join(dir, '..'))).toEqual(['principals']);
  });

  it('leaves an existing fixture exactly as it is', async () => {
    const dir = freshDir();
    const first = await ensureDevFixture(dir);
    const before = await readFile(first.trustRootsPath, 'utf8');
    const keyBefore = await readFile(join(first.keysDir, 'gs.key.json'), 'utf8');

    const second = await ensureDevFixture(dir);

    expect(second.created).toBe(false);
    expect(await readFile(second.trustRootsPath, 'utf8')).toBe(before);
    expect(await readFile(join(second.keysDir, 'gs.key.json'), 'utf8')).toBe(keyBefore);
  });

  it('creates one fixture when several processes start at once, and all of them use it', async () => {
    const dir = freshDir();

    const results = await Promise.all([ensureDevFixture(dir), ensureDevFixture(dir), ensureDevFixture(dir)]);

    expect(results.filter((result) => result.created)).toHaveLength(1);
    const trustRoots = await loadTrustRoots(results[0]!.trustRootsPath);
    const gsKey = await readKeyFile(join(results[0]!.keysDir, 'gs.key.json'));
    expect(trustRoots.generalSecretariat.keys[0]?.publicKey).toBe(gsKey.publicKeyRaw);
    expect((await readdir(join(dir, '..'))).sort()).toEqual(['principals']);
  });

  it('names each cast by a tag of its own, the same every time the fixture is found again', async () => {
    const [first, other] = [freshDir(), freshDir()];
    const created = await ensureDevFixture(first);

    const foundAgain = await ensureDevFixture(first);
    const another = await ensureDevFixture(other);
    await rm(first, { recursive: true });
    const regenerated = await ensureDevFixture(first);

    expect(created.castTag).toMatch(/^[0-9a-f]{8}$/);
    expect(foundAgain.castTag).toBe(created.castTag);
    expect(another.castTag).not.toBe(created.castTag);
    expect(regenerated.created).toBe(true);
    expect(regenerated.castTag).not.toBe(created.castTag);
  });

  it('fills an empty folder', async () => {
    const dir = freshDir();
    await mkdir(dir, { recursive: true });

    expect((await ensureDevFixture(dir)).created).toBe(true);
  });

  it('refuses a folder that holds other files and no trust roots', async () => {
    const dir = freshDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'notes.txt'), 'mine');

    await expect(ensureDevFixture(dir)).rejects.toThrow(DevFixtureFolderHoldsOtherFiles);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});

describe('loading trust roots from a file', () => {
  it('names the bad field of a broken file', async () => {
    const path = join(root, 'broken-trust-roots.json');
    await writeFile(path, JSON.stringify({ version: 1, generalSecretariat: { principalId: 'gs', keys: [] }, ncbs: [] }));

    await expect(loadTrustRoots(path)).rejects.toMatchObject({ name: 'TrustRootsAreInvalid', field: 'generalSecretariat.keys' });
    await expect(loadTrustRoots(path)).rejects.toBeInstanceOf(TrustRootsAreInvalid);
  });
});
