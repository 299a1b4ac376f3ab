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

/**
 * The provenance service's auditor API as a log source, every read signed with the auditor's key:
 * `GET /v1/log/checkpoint` (signed note), `GET /v1/log/verifier-key`, `GET /v1/log/entries?start=&end=`
 * (paged, one page fetched ahead while the previous one is checked) and
 * `GET /v1/log/proofs/consistency?first=&second=`.
 */
export function apiSource(baseUrl: string, signedFetch: SignedFetch): LogSource {
  const call = async (path: string): Promise<Response> => {
    let response: Response;
    try {
      response = await signedFetch(path);
    } catch (error) {
      throw new LogSourceFailed(baseUrl, `${path}: ${reasonOf(error)}`);
    }
    return response;
  };
  const ok = async (path: string): Promise<Response> => {
    const response = await call(path);
    if (!response.ok) throw new LogSourceFailed(baseUrl, `${path} answered ${response.status}${await problemDetail(response)}`);
    return response;
  };

  /** A page of entries from `start`; an empty page past the end of what the log holds. */
  const page = async (start: number, end: number): Promise<LeafRecord[]> => {
    const path = `/v1/log/entries?start=${start}&end=${Math.min(end, start + PAGE)}`;
    const response = await call(path);
    if (response.status === 400) {
      // The log holds fewer entries than asked for (it says how many): read what it has.
      const held = ((await response.json().catch(() => ({}))) as { treeSize?: unknown }).treeSize;
      return typeof held === 'number' && held > start && held < end ? page(start, held) : [];
    }
    if (!response.ok) throw new LogSourceFailed(baseUrl, `${path} answered ${response.status}${await problemDetail(response)}`);
    const body = (await response.json()) as { entries?: unknown };
    if (!Array.isArray(body.entries)) throw new LogSourceFailed(baseUrl, `${path} answered without an entries list`);
    return body.entries.map((item: EntryItem) => leafOf(item, baseUrl));
  };

  return {
    description: baseUrl,
    identity: baseUrl,
    async head() {
      const checkpoint = await (await ok('/v1/log/checkpoint')).text();
      const verifierKey = (await (await ok('/v1/log/verifier-key')).text()).trim();
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
      const body = (await (await ok(`/v1/log/proofs/consistency?first=${first}&second=${second}`)).json()) as { proof?: unknown };
      if (!Array.isArray(body.proof) || !body.proof.every((hash) => typeof hash === 'string')) {
        throw new LogSourceFailed(baseUrl, 'the consistency proof is not a list of base64 hashes');
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

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
