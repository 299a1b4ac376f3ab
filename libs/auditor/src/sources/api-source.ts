import type { SignedFetch } from '@wildlife/signatures';
import type { LeafRecord } from '../verification/leaf-record.js';
import { LogSourceFailed, type LogSource } from './log-source.js';

/** Most entries the provenance API returns per call (it answers a longer range with its first page). */
const PAGE = 1_000;

interface EntryItem {
  readonly sequence: number;
  readonly leafBytes: string;
  readonly leafHash?: string;
}

/** How long one call to the API may take, answer included, unless told otherwise. */
export const DEFAULT_API_TIMEOUT_MS = 30_000;

export interface ApiSourceOptions {
  /** How long one call may take, its body included. Default `DEFAULT_API_TIMEOUT_MS`. */
  readonly timeoutMs?: number;
}

/**
 * The API's base URL as calls are resolved against it: ending with `/`, so a gateway prefix
 * (`http://gw.example/provenance`) is kept by the relative paths the calls use.
 */
export function apiBaseUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The provenance service's auditor API as a log source, every read signed with the auditor's key:
 * `GET v1/log/checkpoint` (signed note), `GET v1/log/verifier-key`, `GET v1/log/entries?start=&end=`
 * (paged, one page fetched ahead while the previous one is checked) and
 * `GET v1/log/proofs/consistency?first=&second=`, relative to `baseUrl` (a path prefix is kept; the
 * calls are absolute URLs, whatever base `signedFetch` was made with). Anything that is not the
 * API's answer fails the source (`LogSourceFailed`, naming the call), not the log: an error status,
 * a body of the wrong type (a web page at a wrong `--api`), a call that takes longer than the timeout.
 * Only the API's `log-range-invalid` refusal of entries past its end is read as the end of the log.
 */
export function apiSource(baseUrl: string, signedFetch: SignedFetch, options: ApiSourceOptions = {}): LogSource {
  const base = apiBaseUrl(baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;
  const failed = (path: string, reason: string) => new LogSourceFailed(baseUrl, `${path} ${reason}`);
  /** `path` as shown in messages (`/v1/log/...`), called relative to the base. */
  const call = async (path: string): Promise<Response> => {
    try {
      return await signedFetch(new URL(path.slice(1), base).href, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new LogSourceFailed(baseUrl, `${path}: ${reasonOf(error, timeoutMs)}`);
    }
  };
  const ok = async (path: string): Promise<Response> => {
    const response = await call(path);
    if (!response.ok) throw failed(path, `answered ${response.status}${await problemDetail(response)}`);
    return response;
  };
  const text = async (path: string, what: string): Promise<string> => {
    const response = await ok(path);
    const type = response.headers.get('content-type') ?? '';
    if (!/^text\/plain\b/i.test(type)) throw failed(path, `answered ${type || 'a body without a content type'}, not ${what}: is ${baseUrl} the provenance API?`);
    return bodyOf(response, path, 'text', (body) => body.text());
  };
  const json = (response: Response, path: string): Promise<unknown> => bodyOf(response, path, 'JSON', (body) => body.json());
  /** Reads a body (its transfer is under the call's timeout too), naming the call when it is not what it should be. */
  const bodyOf = async <T>(response: Response, path: string, what: string, read: (body: Response) => Promise<T>): Promise<T> => {
    try {
      return await read(response);
    } catch (error) {
      const type = response.headers.get('content-type') ?? 'no content type';
      // By name: the body parser's SyntaxError may come from another realm than this module's.
      if ((error as Error | null)?.name !== 'SyntaxError') throw new LogSourceFailed(baseUrl, `${path}: ${reasonOf(error, timeoutMs)}`);
      throw failed(path, `answered ${response.status} with a body that is not ${what} (${type}): is ${baseUrl} the provenance API?`);
    }
  };

  /** A page of entries from `start`; an empty page past the end of what the log holds. */
  const page = async (start: number, end: number): Promise<LeafRecord[]> => {
    const path = `/v1/log/entries?start=${start}&end=${Math.min(end, start + PAGE)}`;
    const response = await call(path);
    if (response.status === 400) {
      const problem = (await response.json().catch(() => undefined)) as { type?: unknown; treeSize?: unknown; detail?: unknown } | undefined;
      if (typeof problem?.type !== 'string' || !problem.type.endsWith('/log-range-invalid')) {
        throw failed(path, `answered 400${typeof problem?.detail === 'string' ? `: ${problem.detail}` : ''}`);
      }
      // The log holds fewer entries than asked for (it says how many): read what it has.
      const held = problem.treeSize;
      return typeof held === 'number' && held > start && held < end ? page(start, held) : [];
    }
    if (!response.ok) throw failed(path, `answered ${response.status}${await problemDetail(response)}`);
    const body = (await json(response, path)) as { entries?: unknown } | null;
    if (!Array.isArray(body?.entries)) throw failed(path, 'answered without an entries list');
    return body.entries.map((item: EntryItem) => leafOf(item, baseUrl));
  };

  return {
    description: baseUrl,
    identity: baseUrl,
    async head() {
      const checkpoint = await text('/v1/log/checkpoint', 'a signed note');
      const verifierKey = (await text('/v1/log/verifier-key', 'a note verifier key')).trim();
      return { checkpoint, verifierKey };
    },
    async *entries(start, end) {
      let next = start < end ? page(start, end) : Promise.resolve([]);
      for (;;) {
        const leaves = await next;
        if (leaves.length === 0) return;
        const after = leaves[leaves.length - 1]!.sequence + 1;
        next = after > start && after < end ? page(after, end) : Promise.resolve([]);
        next.catch(() => undefined); // awaited on the next turn; never an unhandled rejection meanwhile
        start = after;
        yield* leaves;
      }
    },
    async consistencyProof(first, second) {
      const path = `/v1/log/proofs/consistency?first=${first}&second=${second}`;
      const body = (await json(await ok(path), path)) as { proof?: unknown } | null;
      if (!Array.isArray(body?.proof) || !body.proof.every((hash) => typeof hash === 'string')) {
        throw failed(path, 'answered a consistency proof that is not a list of base64 hashes');
      }
      return body.proof.map((hash: string) => new Uint8Array(Buffer.from(hash, 'base64')));
    },
  };
}

function leafOf(item: EntryItem, baseUrl: string): LeafRecord {
  if (!Number.isSafeInteger(item?.sequence) || typeof item.leafBytes !== 'string') throw new LogSourceFailed(baseUrl, 'an entry lacks its sequence or leaf bytes');
  const leafBytes = Buffer.from(item.leafBytes, 'base64');
  return typeof item.leafHash === 'string' ? { sequence: item.sequence, leafBytes, leafHash: Buffer.from(item.leafHash, 'base64') } : { sequence: item.sequence, leafBytes };
}

async function problemDetail(response: Response): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as { detail?: unknown } | undefined;
  return typeof body?.detail === 'string' ? `: ${body.detail}` : '';
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
