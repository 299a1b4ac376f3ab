import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { leafHash } from '@wildlife/provenance-log';
import { exportFileSource, writeExportFile } from '../src/sources/export-file.io.js';
import type { LeafRecord } from '../src/verification/leaf-record.js';

/** Reads every entry the file holds through the source, as an audit does. */
async function readBack(path: string): Promise<LeafRecord[]> {
  const read: LeafRecord[] = [];
  for await (const leaf of exportFileSource(path).entries(0, Number.MAX_SAFE_INTEGER)) read.push(leaf);
  return read;
}

describe('an export file read back as a log source', () => {
  let dir: string;
  let path: string;
  let leaves: LeafRecord[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-file-'));
    path = join(dir, 'log.jsonl');
    // ~5 MiB of lines of every length, one of them longer than a whole read chunk (1 MiB), so that
    // lines start, end and span at every place relative to the chunks.
    const sizes = [...Array.from({ length: 2_500 }, (_, i) => 1 + ((i * 977) % 2_900)), 1_200_000, 1, 5_000];
    leaves = sizes.map((size, sequence) => {
      const leafBytes = randomBytes(size);
      return { sequence, leafBytes, leafHash: leafHash(leafBytes) };
    });
    async function* entries() {
      yield* leaves;
    }
    const header = { origin: 'test.example/log', verifierKey: 'test.example/log+00000000+AAAA', checkpoint: 'unused\n', size: leaves.length };
    await writeExportFile(path, header, entries());
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives every entry, byte for byte, across the chunks it is read in', async () => {
    const read = await readBack(path);
    expect(read).toHaveLength(leaves.length);
    expect(read.every((leaf, i) => leaf.sequence === i && Buffer.compare(leaf.leafBytes, leaves[i]!.leafBytes) === 0)).toBe(true);
    expect(read.map((leaf) => Buffer.from(leaf.leafHash!).toString('hex'))).toEqual(leaves.map((leaf) => Buffer.from(leaf.leafHash!).toString('hex')));
  });

  it('reads the same entries from the file with CRLF line ends', async () => {
    const crlf = join(dir, 'crlf.jsonl');
    await writeFile(crlf, (await readFile(path, 'utf8')).replaceAll('\n', '\r\n'));
    const read = await readBack(crlf);
    expect(read).toHaveLength(leaves.length);
    expect(read.every((leaf, i) => leaf.sequence === i && Buffer.compare(leaf.leafBytes, leaves[i]!.leafBytes) === 0)).toBe(true);
  });
});
