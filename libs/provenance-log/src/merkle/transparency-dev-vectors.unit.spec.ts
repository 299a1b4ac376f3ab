import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { verifyConsistency } from './consistency-verification.js';
import { verifyInclusion } from './inclusion-verification.js';

// The vectors live in shared/, beside the repository root (CI clones the repo next to it).
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const vectorsRoot = join(repositoryRoot, '..', 'shared', 'test-vectors', 'rfc6962-transparency-dev-merkle');

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFilesUnder(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

function load(kind: 'inclusion' | 'consistency'): [string, Record<string, unknown>][] {
  return jsonFilesUnder(join(vectorsRoot, kind)).map((path) => [
    relative(vectorsRoot, path),
    JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>,
  ]);
}

const bytes = (base64: unknown): Uint8Array => new Uint8Array(Buffer.from(base64 as string, 'base64'));
const hashes = (list: unknown): Uint8Array[] => ((list as string[] | null) ?? []).map(bytes);

function outcome(check: () => void): 'verifies' | 'is refused' {
  try {
    check();
    return 'verifies';
  } catch {
    return 'is refused';
  }
}

const inclusionCases = load('inclusion');
const consistencyCases = load('consistency');

describe('the transparency-dev/merkle inclusion vectors', () => {
  it('are all found', () => {
    expect(inclusionCases.length).toBeGreaterThanOrEqual(98);
  });

  it.each(inclusionCases)('%s: verifies exactly when wantErr is false', (_path, vector) => {
    const result = outcome(() =>
      verifyInclusion({
        leafIndex: vector['leafIdx'] as number,
        treeSize: vector['treeSize'] as number,
        leafHash: bytes(vector['leafHash']),
        proof: hashes(vector['proof']),
        rootHash: bytes(vector['root']),
      }),
    );
    expect(result).toBe(vector['wantErr'] ? 'is refused' : 'verifies');
  });
});

describe('the transparency-dev/merkle consistency vectors', () => {
  it('are all found', () => {
    expect(consistencyCases.length).toBeGreaterThanOrEqual(98);
  });

  it.each(consistencyCases)('%s: verifies exactly when wantErr is false', (_path, vector) => {
    const result = outcome(() =>
      verifyConsistency({
        size1: vector['size1'] as number,
        size2: vector['size2'] as number,
        root1: bytes(vector['root1']),
        root2: bytes(vector['root2']),
        proof: hashes(vector['proof']),
      }),
    );
    expect(result).toBe(vector['wantErr'] ? 'is refused' : 'verifies');
  });
});
