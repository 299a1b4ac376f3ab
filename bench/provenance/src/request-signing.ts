import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoggableRecord } from '../../../services/provenance/dist/classification/log-entry-of.js';
import type { BenchSigner } from './bench-cast.js';
import { round } from './figures.js';

/** What `request-signing.worker.js` is given: one slice of the requests, and the agency's key to sign them with. */
export interface SigningSlice {
  readonly principal: BenchSigner['principal'];
  readonly keyId: string;
  readonly privateKeyPem: string;
  readonly publicKey: string;
  /** The number of the slice's first request (each request's case facts name its number). */
  readonly first: number;
  readonly count: number;
  /** ISO time of the records and their signatures' `created`. */
  readonly at: string;
}

export interface SignedRequests {
  readonly records: LoggableRecord[];
  readonly threads: number;
  readonly seconds: number;
}

const worker = new URL('./request-signing.worker.js', import.meta.url);

/**
 * `count` support requests by `agency`, each signed on its own (its route, its body, a nonce of its
 * own) as intake receives them, so that each is logged official. Signing and verifying one costs
 * ~0.25 ms (Ed25519 sign + verify, the verification being how `verifyRequest` hands out the
 * material a service keeps): ~25 s for 100,000 on one core, so the work is split over one worker
 * thread per core. Done before any clock starts.
 */
export async function signSupportRequests(agency: BenchSigner, count: number): Promise<SignedRequests> {
  const started = performance.now();
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(count / 1_000)));
  const at = new Date().toISOString();
  const privateKeyPem = agency.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const slices = Array.from({ length: threads }, (_, i): SigningSlice => {
    const first = Math.floor((count * i) / threads);
    const end = Math.floor((count * (i + 1)) / threads);
    return { principal: agency.principal, keyId: agency.keyId, privateKeyPem, publicKey: agency.publicKey, first, count: end - first, at };
  });
  const signed = await Promise.all(slices.map(signSlice));
  return { records: signed.flat(), threads, seconds: round((performance.now() - started) / 1_000, 1) };
}

function signSlice(slice: SigningSlice): Promise<LoggableRecord[]> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(worker, { workerData: slice });
    thread.once('message', (records: LoggableRecord[]) => resolve(records));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`a signing thread exited (${code}) before handing over its records`)));
  });
}
