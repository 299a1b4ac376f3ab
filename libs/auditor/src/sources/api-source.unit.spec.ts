import { describe, expect, it } from '@jest/globals';
import type { SignedFetch } from '@wildlife/signatures';
import { apiSource } from './api-source.js';
import { LogSourceFailed } from './log-source.js';

/** A provenance API holding `held` entries, answering pages of at most `page` as the service does. */
function fakeApi(held: number, page: number, gap?: number): SignedFetch & { paths: string[] } {
  const paths: string[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = async (path: string) => {
    paths.push(path);
    const url = new URL(path, 'http://log.test');
    const route = url.pathname.replace(/^\/provenance\//, '/'); // the same API behind a gateway's prefix
    if (route === '/v1/log/checkpoint') return new Response('note\n');
    if (route === '/v1/log/verifier-key') return new Response('log.test/one+01234567+AQ==\n');
    if (route === '/v1/log/proofs/consistency') return json(200, { proof: [Buffer.alloc(32, 7).toString('base64')] });
    const start = Number(url.searchParams.get('start'));
    const end = Number(url.searchParams.get('end'));
    if (end > held) return json(400, { type: 'https://wildlife-cybercrime.example/problems/log-range-invalid', status: 400, detail: 'Beyond the log.', treeSize: held });
    const sequences = Array.from({ length: Math.min(end, start + page) - start }, (_, i) => start + i).filter((s) => s !== gap);
    return json(200, { entries: sequences.map((sequence) => ({ sequence, leafBytes: Buffer.from(`{"n":${sequence}}`).toString('base64'), leafHash: Buffer.alloc(32).toString('base64') })) });
  };
  return Object.assign(fetch, { paths });
}

const collect = async (source: ReturnType<typeof apiSource>, start: number, end: number) => {
  const sequences: number[] = [];
  for await (const leaf of source.entries(start, end)) sequences.push(leaf.sequence);
  return sequences;
};

describe('reading the log from the provenance API', () => {
  it('pages through a range, each page starting after the last entry received', async () => {
    const api = fakeApi(2_500, 1_000);
    expect(await collect(apiSource('http://log.test', api), 0, 2_500)).toEqual(Array.from({ length: 2_500 }, (_, i) => i));
    expect(api.paths).toEqual(['http://log.test/v1/log/entries?start=0&end=1000', 'http://log.test/v1/log/entries?start=1000&end=2000', 'http://log.test/v1/log/entries?start=2000&end=2500']);
  });

  it('hands on a gap as the log has it, for the audit to name', async () => {
    expect(await collect(apiSource('http://log.test', fakeApi(10, 1_000, 4)), 0, 10)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
  });

  it('reads what a log holding fewer entries than its checkpoint still has, then ends', async () => {
    expect(await collect(apiSource('http://log.test', fakeApi(7, 1_000)), 0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('gives the checkpoint with the verifier key, and decodes proofs', async () => {
    const source = apiSource('http://log.test', fakeApi(1, 1));
    expect(await source.head()).toEqual({ checkpoint: 'note\n', verifierKey: 'log.test/one+01234567+AQ==' });
    expect(await source.consistencyProof!(1, 2)).toEqual([new Uint8Array(32).fill(7)]);
  });

  it('fails as a source, naming the call, when the API refuses or cannot be reached', async () => {
    const refusing: SignedFetch = async () => new Response(JSON.stringify({ detail: 'Only auditors may read the log.' }), { status: 403 });
    await expect(apiSource('http://log.test', refusing).head()).rejects.toThrow(new LogSourceFailed('http://log.test', '/v1/log/checkpoint answered 403: Only auditors may read the log.'));
    const unreachable: SignedFetch = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    await expect(collect(apiSource('http://log.test', unreachable), 0, 1)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps the path prefix of an API behind a gateway', async () => {
    const api = fakeApi(3, 1_000);
    await apiSource('http://gw.test/provenance', api).head();
    await collect(apiSource('http://gw.test/provenance/', api), 0, 3);
    expect(api.paths).toEqual(['http://gw.test/provenance/v1/log/checkpoint', 'http://gw.test/provenance/v1/log/verifier-key', 'http://gw.test/provenance/v1/log/entries?start=0&end=3']);
  });

  it('takes only the log\'s own range refusal as the end of the log, and fails as a source on any other 400', async () => {
    const refusing: SignedFetch = async () => new Response(JSON.stringify({ type: 'https://wildlife-cybercrime.example/problems/validation-failed', detail: 'start is not a number' }), { status: 400 });
    await expect(collect(apiSource('http://log.test', refusing), 0, 5)).rejects.toThrow(new LogSourceFailed('http://log.test', '/v1/log/entries?start=0&end=5 answered 400: start is not a number'));
  });

  it('fails as a source, naming the call, when a wrong --api answers a web page', async () => {
    const page: SignedFetch = async () => new Response('<html><body>Welcome</body></html>', { headers: { 'content-type': 'text/html' } });
    await expect(apiSource('http://www.test', page).head()).rejects.toThrow(/^cannot read the log from http:\/\/www\.test: \/v1\/log\/checkpoint answered text\/html, not a signed note: is http:\/\/www\.test the provenance API\?$/);
    await expect(collect(apiSource('http://www.test', page), 0, 5)).rejects.toThrow(/\/v1\/log\/entries\?start=0&end=5 answered 200 with a body that is not JSON \(text\/html\)/);
  });

  it('gives up on a call that does not answer within its timeout', async () => {
    const silent: SignedFetch = (_, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    await expect(apiSource('http://log.test', silent, { timeoutMs: 50 }).head()).rejects.toThrow(new LogSourceFailed('http://log.test', '/v1/log/checkpoint: no answer within 0.05 s'));
  });
});
