import { createSignedFetch, type SigningKey } from '@wildlife/signatures';
import { percentiles } from './figures.js';

export interface ProofLatency {
  readonly treeSize: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Inclusion proofs of random entries in the tree of `treeSize`, one request at a time as an auditor
 * makes them, each signed (RFC 9421) and checked by the service: the latency from sending the
 * request to having the proof.
 */
export async function measureInclusionProofs(url: string, auditor: SigningKey, treeSize: number, requests: number, warmUp: number): Promise<ProofLatency> {
  const get = createSignedFetch({ baseUrl: url, key: auditor, signReads: true });
  const samples: number[] = [];
  for (let i = 0; i < warmUp + requests; i++) {
    const index = Math.floor(Math.random() * treeSize);
    const started = performance.now();
    const response = await get(`/v1/log/proofs/inclusion?index=${index}&treeSize=${treeSize}`);
    const body = (await response.json()) as { proof?: unknown[] };
    if (!response.ok || !Array.isArray(body.proof)) throw new Error(`the inclusion proof of ${index} answered ${response.status}`);
    if (i >= warmUp) samples.push(performance.now() - started);
  }
  return { treeSize, requests, ...percentiles(samples) };
}
