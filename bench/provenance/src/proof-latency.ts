import { signRequest, type SigningKey } from '@wildlife/signatures';
import { HttpConnection, httpRequestBytes, latencySummary } from '@wildlife/testing';

export interface ProofLatency {
  readonly treeSize: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Inclusion proofs of random entries in the tree of `treeSize`, one request at a time as an auditor
 * makes them, each signed (RFC 9421, a nonce of its own) and checked by the service: the latency from
 * writing the request to having the whole answer, which must be a 200 with the proof.
 *
 * The bench's client shares the process and the two cores with the service, so it is kept cheap, as
 * an auditor's client on a machine of its own costs the service nothing: the requests are signed and
 * serialised before the clock starts, and sent over one keep-alive connection (`HttpConnection`).
 * Through fetch, the client's own allocation made the young-generation collections that every
 * hundredth request waited for 2–3× longer than the service's alone.
 */
export async function measureInclusionProofs(url: string, auditor: SigningKey, treeSize: number, requests: number, warmUp: number): Promise<ProofLatency> {
  const prepared = Array.from({ length: warmUp + requests }, () => {
    const target = new URL(`/v1/log/proofs/inclusion?index=${Math.floor(Math.random() * treeSize)}&treeSize=${treeSize}`, url);
    return httpRequestBytes('GET', target, { ...signRequest({ method: 'GET', url: target.href, headers: {} }, auditor) });
  });
  const connection = await HttpConnection.open(new URL(url));
  const samples: number[] = [];
  try {
    for (const [i, request] of prepared.entries()) {
      const started = performance.now();
      const answer = await connection.send(request);
      const elapsed = performance.now() - started;
      const proof = answer === 'error' ? undefined : (JSON.parse(answer.body.toString('utf8')) as { proof?: unknown }).proof;
      if (answer === 'error' || answer.status !== 200 || !Array.isArray(proof)) {
        throw new Error(`inclusion proof request ${i} answered ${answer === 'error' ? 'nothing' : `${answer.status} ${answer.body.toString('utf8')}`}`);
      }
      if (i >= warmUp) samples.push(elapsed);
    }
  } finally {
    connection.close();
  }
  const { p50Ms, p99Ms, maxMs } = latencySummary(samples);
  return { treeSize, requests, p50Ms, p99Ms, maxMs };
}
