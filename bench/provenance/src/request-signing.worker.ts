// One slice of the bench's support requests, signed on a thread of its own (`request-signing.ts`).
import { createPrivateKey } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoggableRecord } from '../../../services/provenance/dist/classification/log-entry-of.js';
import { supportRequestRecord } from './bench-cast.js';
import { SIGNING_INTERVAL_MS, type SigningSlice } from './request-signing.js';

const slice = workerData as SigningSlice;
const agency = { principal: slice.principal, keyId: slice.keyId, privateKey: createPrivateKey(slice.privateKeyPem), publicKey: slice.publicKey };
const records: LoggableRecord[] = [];
for (let n = slice.first; n < slice.first + slice.count; n += 1) records.push(await supportRequestRecord(agency, n, new Date(slice.startMs + n * SIGNING_INTERVAL_MS)));
parentPort!.postMessage(records);
