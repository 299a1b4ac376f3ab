import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { exportPublicKey, generateSigningKeyPair, writeKeyFile, type SigningKeyPair } from '@wildlife/signatures';
import { DEV_FIXTURE_CAST, principalIdsOf } from './dev-fixture.cast.js';
import { planDevFixture } from './dev-fixture.plan.js';

export interface DevFixtureFiles {
  /** True when this call generated the fixture; false when one was already there (or another process won the race). */
  readonly created: boolean;
  readonly dir: string;
  readonly trustRootsPath: string;
  readonly seedPath: string;
  /** Holds `<principalId>.key.json` for every principal, mode 0600. */
  readonly keysDir: string;
  /**
   * Names this cast among others (8 hex digits of the SHA-256 of its trust-roots file): a cast
   * generated anew, even in the same folder, has another. `npm start` puts it in the names of its
   * databases, so that a cast never meets another cast's registry on a shared server.
   */
  readonly castTag: string;
}

/** The folder meant for the fixture holds other files and no trust roots: nothing is overwritten. */
export class DevFixtureFolderHoldsOtherFiles extends Error {
  constructor(
    readonly dir: string,
    readonly entries: readonly string[],
  ) {
    super(`${dir} holds ${entries.slice(0, 5).join(', ')} but no trust-roots.json; remove it or choose another folder for the dev fixture`);
    this.name = 'DevFixtureFolderHoldsOtherFiles';
  }
}

/**
 * Makes sure `dir` holds the development fixture: `trust-roots.json` (NCBs and the GS),
 * `registry-seed.json` (the registry commands to issue at first start) and `keys/<principalId>.key.json`
 * for every principal of the cast. A folder with a `trust-roots.json` is left exactly as it is.
 * Otherwise the fixture is built in a private staging folder beside `dir` and renamed into place in
 * one step, so `dir` is never seen half-written and, of several processes starting at once, exactly
 * one creates it and the others use it. Refuses (`DevFixtureFolderHoldsOtherFiles`) a non-empty
 * folder without trust roots rather than overwrite it. File-system errors propagate.
 */
export async function ensureDevFixture(dir: string, options: { readonly now?: Date } = {}): Promise<DevFixtureFiles> {
  const target = resolve(dir);
  const files = {
    dir: target,
    trustRootsPath: join(target, 'trust-roots.json'),
    seedPath: join(target, 'registry-seed.json'),
    keysDir: join(target, 'keys'),
  };
  if (await exists(files.trustRootsPath)) return { created: false, ...files, castTag: await castTagOf(files.trustRootsPath) };
  const entries = await readdir(target).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  if (entries.length > 0) throw new DevFixtureFolderHoldsOtherFiles(target, entries);
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(`${target}.staging-`);
  try {
    await writeFixture(staging, options.now ?? new Date());
    try {
      await rename(staging, target);
    } catch (error) {
      const lostTheRace = ['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '') && (await exists(files.trustRootsPath));
      if (lostTheRace) return { created: false, ...files, castTag: await castTagOf(files.trustRootsPath) };
      throw error;
    }
    return { created: true, ...files, castTag: await castTagOf(files.trustRootsPath) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function castTagOf(trustRootsPath: string): Promise<string> {
  return createHash('sha256').update(await readFile(trustRootsPath)).digest('hex').slice(0, 8);
}

async function writeFixture(folder: string, now: Date): Promise<void> {
  const keyPairs = new Map<string, SigningKeyPair>(principalIdsOf(DEV_FIXTURE_CAST).map((id) => [id, generateSigningKeyPair()]));
  const publicKeys = new Map([...keyPairs].map(([id, pair]) => [id, exportPublicKey(pair.publicKey)]));
  const plan = planDevFixture(now, publicKeys);
  await mkdir(join(folder, 'keys'), { mode: 0o700 });
  for (const { principalId, keyId, path } of plan.keyFiles) {
    const pair = keyPairs.get(principalId);
    if (pair !== undefined) await writeKeyFile(join(folder, path), { keyId, principalId, privateKey: pair.privateKey });
  }
  await writeFile(join(folder, 'registry-seed.json'), `${JSON.stringify(plan.seed, null, 2)}\n`);
  await writeFile(join(folder, 'trust-roots.json'), `${JSON.stringify(plan.trustRoots, null, 2)}\n`);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
