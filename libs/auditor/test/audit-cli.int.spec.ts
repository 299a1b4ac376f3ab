import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { leafHash, type LogEntry } from '@wildlife/provenance-log';
import { writeKeyFile } from '@wildlife/signatures';
import { main } from '../src/cli/main.js';
import { writeExportFile } from '../src/sources/export-file.io.js';
import { auditedScenario, type Scenario } from './support/audited-scenario.js';
import { capturedIo } from './support/captured-io.js';
import { LOG_ORIGIN } from './support/signed-log.js';

describe('the audit CLI on an exported file', () => {
  let dir: string;
  let scenario: Scenario;
  let trustRoots: string;

  let keyFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-cli-'));
    scenario = await auditedScenario();
    trustRoots = join(dir, 'trust-roots.json');
    await writeFile(trustRoots, JSON.stringify(scenario.trustRoots));
    keyFile = join(dir, 'auditor.key');
    await writeKeyFile(keyFile, { keyId: 'auditor-k1', privateKey: generateKeyPairSync('ed25519').privateKey, principalId: 'auditor-1' });
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

  const audit = async (...args: string[]) => auditWith(undefined, ...args);
  /** Runs the CLI with `fetch` as its network, when given. */
  const auditWith = async (fetch: typeof globalThis.fetch | undefined, ...args: string[]) => {
    const io = capturedIo(join(dir, 'default-state.json'));
    const status = await main(args, fetch === undefined ? io : { ...io, fetch });
    return { status, out: io.out, err: io.err };
  };
  /** Writes `text` as an export file of its own. */
  const written = async (name: string, text: string) => {
    const path = join(dir, `${name}.jsonl`);
    await writeFile(path, text);
    return path;
  };

  /**
   * The provenance API as the network shows it under `base`: the scenario's checkpoint and key, and
   * the first `held` entries (a log-range-invalid refusal past them). Keeps the URLs asked for.
   */
  function provenanceApi(base: string, held = 10): typeof globalThis.fetch & { urls: string[] } {
    const leaves = scenario.log.leaves();
    const urls: string[] = [];
    const fetch = async (input: Parameters<typeof globalThis.fetch>[0]) => {
      const url = new URL(String(input));
      urls.push(url.href);
      if (!url.href.startsWith(base)) return new Response('Not Found', { status: 404 });
      const route = url.pathname.slice(new URL(base).pathname.length);
      if (route === 'v1/log/checkpoint') return new Response(scenario.log.checkpoint(leaves), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
      if (route === 'v1/log/verifier-key') return new Response(`${scenario.log.noteKey.verifierKey}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
      const [start, end] = [Number(url.searchParams.get('start')), Number(url.searchParams.get('end'))];
      if (end > held) return Response.json({ type: 'https://wildlife-cybercrime.example/problems/log-range-invalid', status: 400, treeSize: held }, { status: 400 });
      const entries = leaves.slice(start, end).map((leaf, i) => ({ sequence: start + i, leafBytes: Buffer.from(leaf).toString('base64') }));
      return Response.json({ entries });
    };
    return Object.assign(fetch, { urls });
  }

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

  describe('naming the first bad entry of an export that is not whole', () => {
    const honestText = async () => readFile(await exported(`whole-${Math.random()}`, scenario.log.leaves()), 'utf8');

    it('names the entry a file cut short ends in', async () => {
      const text = await honestText();
      const cut = await written('cut', text.slice(0, text.length - 30));
      const result = await audit('verify', '--trust-roots', trustRoots, '--file', cut, '--state', join(dir, 'cut-state.json'));
      expect(result).toMatchObject({ status: 1, err: 'audit: provenance.test.example/log: entry 9: entry-missing: the export is cut short in line 11\n' });
    });

    it('names the entry whose line a flipped line feed merged with the next', async () => {
      const lines = (await honestText()).split('\n');
      const flipped = await written('flipped', [...lines.slice(0, 5), `${lines[5]} ${lines[6]}`, ...lines.slice(7)].join('\n'));
      const result = await audit('verify', '--trust-roots', trustRoots, '--file', flipped, '--state', join(dir, 'flipped-state.json'));
      expect(result).toMatchObject({ status: 1, err: expect.stringMatching(/^audit: provenance\.test\.example\/log: entry 4: entry-malformed: line 6 of the export: not JSON/) });
    });

    it('stops at a line longer than any entry rather than read it whole', async () => {
      const lines = (await honestText()).split('\n');
      const endless = await written('endless', `${lines.slice(0, 4).join('\n')}\n${'A'.repeat(17 << 20)}`);
      const result = await audit('verify', '--trust-roots', trustRoots, '--file', endless, '--state', join(dir, 'endless-state.json'), '--tree-only');
      expect(result).toMatchObject({ status: 1, err: 'audit: provenance.test.example/log: entry 3: entry-malformed: line 5 of the export: longer than 16 MiB, more than any entry\n' });
    });

    it('finds a line with a negative sequence out of place rather than skip it', async () => {
      const lines = (await honestText()).split('\n');
      const negative = await written('negative', [...lines.slice(0, 3), lines[3]!.replace('"sequence":2', '"sequence":-1'), ...lines.slice(4)].join('\n'));
      const result = await audit('verify', '--trust-roots', trustRoots, '--file', negative, '--state', join(dir, 'negative-state.json'));
      expect(result).toMatchObject({ status: 1, err: expect.stringMatching(/: entry 2: entry-out-of-place: the source gives entry -1 here/) });
    });
  });

  it('names an entry changed below the size an earlier audit verified, not the later entry it breaks', async () => {
    const leaves = scenario.log.leaves();
    const state = join(dir, 'scope-state.json');
    expect((await audit('verify', '--trust-roots', trustRoots, '--file', await exported('scope-honest', leaves), '--state', state)).status).toBe(0);
    // Entry 1 (KWS's accreditation) logged as rejected passes by itself; entry 3 then rests on nothing.
    const unaccredited = ({ basis: _basis, ...e }: LogEntry): LogEntry => ({ ...e, classification: 'rejected', reason: { code: 'signature-invalid', text: 'The signature does not verify.' } });
    const narrowed = scenario.log.leaves(scenario.log.entries.map((e) => (e.sequence === 1 ? unaccredited(e) : e)));
    const result = await audit('verify', '--trust-roots', trustRoots, '--file', await exported('scope-changed', narrowed, leaves), '--state', state);
    expect(result).toMatchObject({ status: 1, err: expect.stringMatching(/: entry 1: history-rewritten: /) });
  });

  it('exits 2 on options the chosen source would ignore', async () => {
    const file = await exported('ignored', scenario.log.leaves());
    for (const extra of [['--checkpoint', 'note'], ['--topic', 't'], ['--key', keyFile], ['--kafka-wait', '5'], ['--timeout', '5']]) {
      expect(await audit('verify', '--trust-roots', trustRoots, '--file', file, ...extra)).toMatchObject({ status: 2, err: expect.stringContaining(`${extra[0]} is used only with`) });
    }
  });

  it('exits 2 when a checkpoint file comes without the log key and none is pinned', async () => {
    const note = join(dir, 'checkpoint.note');
    await writeFile(note, scenario.log.checkpoint());
    const result = await audit('verify', '--trust-roots', trustRoots, '--kafka', '127.0.0.1:1', '--checkpoint', note, '--state', join(dir, 'no-pin-state.json'));
    expect(result).toMatchObject({ status: 2, err: expect.stringContaining('verify needs --verifier-key <vkey>') });
  });

  it('keeps the path prefix of an API behind a gateway', async () => {
    const api = provenanceApi('http://gw.test/provenance/');
    const result = await auditWith(api, 'verify', '--trust-roots', trustRoots, '--api', 'http://gw.test/provenance', '--key', keyFile, '--state', join(dir, 'gateway-state.json'));
    expect(result).toMatchObject({ status: 0, out: expect.stringContaining('verified: 10 entries') });
    expect(api.urls[0]).toBe('http://gw.test/provenance/v1/log/checkpoint');
  });

  it('exits 3 naming the source when --api is not the provenance API, and naming the key file when it is unreadable', async () => {
    const page = async () => new Response('<html><body>Welcome</body></html>', { headers: { 'content-type': 'text/html' } });
    const wrong = await auditWith(page, 'verify', '--trust-roots', trustRoots, '--api', 'http://www.test', '--key', keyFile, '--state', join(dir, 'www-state.json'));
    expect(wrong).toMatchObject({ status: 3, err: expect.stringContaining('cannot read the log from http://www.test: /v1/log/checkpoint answered text/html, not a signed note') });

    const badKey = await written('bad-key', 'not a key');
    const result = await auditWith(provenanceApi('http://log.test/'), 'verify', '--trust-roots', trustRoots, '--api', 'http://log.test', '--key', badKey, '--state', join(dir, 'bad-key-state.json'));
    expect(result).toMatchObject({ status: 3, err: expect.stringMatching(new RegExp(`^audit: cannot audit: cannot read the auditor key file ${badKey}: `)) });
  });

  it('exports only a whole log: exit 1 and no file when the API serves fewer entries than its checkpoint covers', async () => {
    const out = join(dir, 'short-export.jsonl');
    const short = await auditWith(provenanceApi('http://log.test/', 7), 'export', '--api', 'http://log.test', '--key', keyFile, '--out', out);
    expect(short).toMatchObject({ status: 1, err: `audit: provenance.test.example/log: entry 7: entry-missing: the API served 7 of the 10 entries its checkpoint covers; nothing written to ${out}\n` });
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });

    const page = async () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
    expect(await auditWith(page, 'export', '--api', 'http://www.test', '--key', keyFile, '--out', out)).toMatchObject({ status: 3, err: expect.stringMatching(/^audit: cannot export: cannot read the log from http:\/\/www\.test: /) });
    expect(await auditWith(provenanceApi('http://log.test/'), 'export', '--api', 'http://log.test', '--key', keyFile, '--out', out)).toMatchObject({ status: 0 });
  });
});
