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
  /** The number of the slice's first request (each request's case facts name its number, and its time follows from it). */
  readonly first: number;
  readonly count: number;
  /** Epoch ms of request 0; request n is timed (and its signature created) `n × SIGNING_INTERVAL_MS` later. */
  readonly startMs: number;
}

/**
 * The time between two of the agency's requests, in the records' time and their signatures'
 * `created`: one every 10 s, 8,640 a day, far more than any agency sends. A log is written over time,
 * and what the log and its auditors remember is bounded by time (one day of the agencies' records,
 * `AccreditationReachBack`), not by the log; signing all 100,000 requests in the same second,
 * as the bench did when records were first bound to their signatures, made the bench's log one
 * day's worth at an impossible rate, and its verifier's memory grow with it.
 */
export const SIGNING_INTERVAL_MS = 10_000;

/** When request 0 of a log of `requests` is timed: so that the last one is timed a minute ago. */
export function firstRequestAt(requests: number, now = Date.now()): number {
  return now - 60_000 - requests * SIGNING_INTERVAL_MS;
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
export async function signSupportRequests(agency: BenchSigner, first: number, count: number, startMs: number): Promise<SignedRequests> {
  const started = performance.now();
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(count / 1_000)));
  const privateKeyPem = agency.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const slices = Array.from({ length: threads }, (_, i): SigningSlice => {
    const from = first + Math.floor((count * i) / threads);
    const end = first + Math.floor((count * (i + 1)) / threads);
    return { principal: agency.principal, keyId: agency.keyId, privateKeyPem, publicKey: agency.publicKey, first: from, count: end - from, startMs };
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
