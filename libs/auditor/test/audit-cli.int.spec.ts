import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { leafHash } from '@wildlife/provenance-log';
import { main } from '../src/cli/main.js';
import { writeExportFile } from '../src/sources/export-file.io.js';
import { auditedScenario, type Scenario } from './support/audited-scenario.js';
import { capturedIo } from './support/captured-io.js';
import { LOG_ORIGIN } from './support/signed-log.js';

describe('the audit CLI on an exported file', () => {
  let dir: string;
  let scenario: Scenario;
  let trustRoots: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-cli-'));
    scenario = await auditedScenario();
    trustRoots = join(dir, 'trust-roots.json');
    await writeFile(trustRoots, JSON.stringify(scenario.trustRoots));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Exports `leaves` under a checkpoint over `checkpointLeaves` to a new file. */
  async function exported(name: string, leaves: readonly Uint8Array[], checkpointLeaves = leaves): Promise<string> {
    const path = join(dir, `${name}.jsonl`);
    async function* entries() {
      for (const [sequence, leafBytes] of leaves.entries()) yield { sequence, leafBytes, leafHash: leafHash(leafBytes) };
    }
    const header = { origin: LOG_ORIGIN, verifierKey: scenario.log.noteKey.verifierKey, checkpoint: scenario.log.checkpoint([...checkpointLeaves]), size: checkpointLeaves.length };
    await writeExportFile(path, header, entries());
    return path;
  }

  const audit = async (...args: string[]) => {
    const io = capturedIo(join(dir, 'default-state.json'));
    const status = await main(args, io);
    return { status, out: io.out, err: io.err };
  };

  it('verifies a whole log, records its checkpoint, then accepts the same log grown', async () => {
    const leaves = scenario.log.leaves();
    const state = join(dir, 'grown-state.json');
    const first = await audit('verify', '--trust-roots', trustRoots, '--file', await exported('first', leaves.slice(0, 6)), '--state', state);
    expect(first).toMatchObject({ status: 0, err: '' });
    expect(first.out).toMatch(/verified: 6 entries .*first audit of this log/);
    expect(JSON.parse(await readFile(state, 'utf8')).logs[LOG_ORIGIN]).toMatchObject({ size: 6 });

    const second = await audit('verify', '--trust-roots', trustRoots, '--file', await exported('grown', leaves), '--state', state);
    expect(second).toMatchObject({ status: 0 });
    expect(second.out).toMatch(/verified: 10 entries \(6 official, 1 pending-ncb, 1 external, 1 rejected, 1 reclassified\).*consistent with the 6 entries verified before/);
  });

  it('exits 1 naming the first of two swapped entries, and leaves the state file alone', async () => {
    const leaves = scenario.log.leaves();
    const swapped = [...leaves];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    const state = join(dir, 'swapped-state.json');
    const result = await audit('verify', '--trust-roots', trustRoots, '--file', await exported('swapped', swapped, leaves), '--state', state);
    expect(result).toMatchObject({ status: 1, out: '' });
    expect(result.err).toMatch(/^audit: provenance\.test\.example\/log: entry 2: entry-out-of-place: /);
    await expect(readFile(state)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('exits 1 when a log verified before comes back rewritten under a new checkpoint', async () => {
    const leaves = scenario.log.leaves();
    const state = join(dir, 'rewritten-state.json');
    expect((await audit('verify', '--trust-roots', trustRoots, '--file', await exported('honest', leaves), '--state', state)).status).toBe(0);
    const rewritten = scenario.log.leaves(scenario.log.entries.map((e) => (e.sequence === 9 ? { ...e, reason: { ...e.reason, text: 'Other words.' } } : e)));
    const result = await audit('verify', '--trust-roots', trustRoots, '--file', await exported('rewritten', rewritten), '--state', state);
    expect(result).toMatchObject({ status: 1 });
    expect(result.err).toMatch(/entry 9: history-rewritten: /);
  });

  it('checks only the tree when asked, and refuses to mix that with --no-signatures', async () => {
    const file = await exported('tree', scenario.log.leaves());
    const state = join(dir, 'tree-state.json');
    expect((await audit('verify', '--trust-roots', trustRoots, '--file', file, '--state', state, '--tree-only')).out).toMatch(/checked tree and checkpoints/);
    expect(await audit('verify', '--trust-roots', trustRoots, '--file', file, '--tree-only', '--no-signatures')).toMatchObject({ status: 2 });
  });

  it('exits 2 on a command line without a source or with two', async () => {
    expect(await audit('verify', '--trust-roots', trustRoots)).toMatchObject({ status: 2, err: expect.stringContaining('exactly one source') });
    expect(await audit('verify', '--trust-roots', trustRoots, '--file', 'a', '--api', 'http://b')).toMatchObject({ status: 2 });
    expect(await audit('verify', '--file', 'a')).toMatchObject({ status: 2, err: expect.stringContaining('--trust-roots') });
  });

  it('exits 3 when the export file cannot be read', async () => {
    const result = await audit('verify', '--trust-roots', trustRoots, '--file', join(dir, 'absent.jsonl'), '--state', join(dir, 'absent-state.json'));
    expect(result).toMatchObject({ status: 3, err: expect.stringContaining('cannot read the log from') });
  });
});
