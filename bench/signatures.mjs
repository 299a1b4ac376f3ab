#!/usr/bin/env node
// npm run bench:signatures — what signed requests cost, measured in one run on this machine:
//  A. verifyRequest (parse, digest, base, Ed25519) against raw node:crypto Ed25519 verification of the
//     same signature base, in CPU time, alternating batches, median of rounds (aim: ≥ 0.7 of raw);
//  B. the same HTTP route on a live service, unsigned (public) against signed (guard + nonce claim in
//     PostgreSQL), with pre-signed requests (each its own nonce), same connections and amount.
// Needs the build (npm run build) and the infrastructure (started here if needed). Prints the figures;
// the last line is JSON.
import { verify } from 'node:crypto';
import { ensureInfrastructure } from '../infra/index.mjs';
import { buildSignatureBase, generateSigningKeyPair, readReceivedSignature, signRequest, verifyRequest } from '@wildlife/signatures';
import { HttpConnection, httpRequestBytes, latencySummary } from '@wildlife/testing';
import { startBenchService } from './signatures-service.mjs';

const { privateKey, publicKey } = generateSigningKeyPair();

async function cryptoRatio() {
  const now = Math.floor(Date.now() / 1000);
  const body = new TextEncoder().encode(JSON.stringify({ requestId: 'r-1', caseSummary: 'x'.repeat(600) }));
  const request = { method: 'POST', url: 'http://127.0.0.1:3001/v1/support-requests', headers: { 'content-type': 'application/json', host: '127.0.0.1:3001' }, body };
  const signed = { ...request, headers: { ...request.headers, ...signRequest(request, { keyId: 'bench-1', privateKey }, { created: now }) } };
  const received = readReceivedSignature(signed.headers);
  const base = buildSignatureBase(signed, received.input.components, received.input.serialised).bytes;
  const key = { publicKey, principalId: 'bench' };
  const policy = { now, resolveKey: async () => key, claimNonce: async () => true };
  const PER_BATCH = 200;
  const cpuMs = async (run) => {
    const start = process.cpuUsage();
    for (let i = 0; i < PER_BATCH; i++) await run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const raw = () => verify(null, base, publicKey, received.signature);
  const ours = () => verifyRequest(signed, policy);
  for (let i = 0; i < 5; i++) {
    await cpuMs(raw);
    await cpuMs(ours);
  }
  const ratios = [];
  let rawMs = 0;
  let oursMs = 0;
  for (let round = 0; round < 9; round++) {
    let r = 0;
    let o = 0;
    for (let batch = 0; batch < 5; batch++) {
      r += await cpuMs(raw);
      o += await cpuMs(ours);
    }
    ratios.push(r / o);
    rawMs += r;
    oursMs += o;
  }
  const calls = 9 * 5 * PER_BATCH;
  ratios.sort((a, b) => a - b);
  return { rawPerSecond: Math.round((calls / rawMs) * 1000), verifyRequestPerSecond: Math.round((calls / oursMs) * 1000), ratio: Number(ratios[4].toFixed(3)) };
}

/**
 * Sends the prepared requests over `connections` keep-alive connections, each as soon as its
 * connection is free (closed loop): requests per second over the wall time from the first send to the
 * last answer, and each request's latency. The client (HttpConnection) writes prepared bytes and reads
 * the status and body, so it costs the shared cores little.
 */
async function load(url, requests, connections) {
  const base = new URL(url);
  const prepared = requests.map((r) => httpRequestBytes('POST', new URL(r.path, base), r.headers, Buffer.from(r.body)));
  const open = await Promise.all(Array.from({ length: connections }, () => HttpConnection.open(base)));
  const latencies = [];
  let next = 0;
  let non2xx = 0;
  const started = performance.now();
  await Promise.all(
    open.map(async (connection) => {
      while (next < prepared.length) {
        const request = prepared[next++];
        const sentAt = performance.now();
        const answer = await connection.send(request);
        latencies.push(performance.now() - sentAt);
        if (answer === 'error' || answer.status < 200 || answer.status > 299) non2xx += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const connection of open) connection.close();
  const { p50Ms, p99Ms } = latencySummary(latencies);
  return { requestsPerSecond: Math.round(prepared.length / seconds), p50Ms, p99Ms, non2xx };
}

async function httpCost() {
  const infra = await ensureInfrastructure();
  const service = await startBenchService({ databaseUrl: infra.databaseUrl, kafkaBrokers: infra.kafkaBrokers, publicKey });
  try {
    const AMOUNT = 30_000;
    const WARM_UP = 1_000;
    const CONNECTIONS = 16;
    const body = JSON.stringify({ caseSummary: 'Pangolin scales offered on a marketplace', urgency: 'urgent' });
    const bytes = new TextEncoder().encode(body);
    const unsigned = Array.from({ length: AMOUNT }, () => ({ path: '/bench/unsigned', headers: { 'content-type': 'application/json' }, body }));
    const signed = Array.from({ length: WARM_UP + AMOUNT }, () => {
      const headers = { 'content-type': 'application/json' };
      const url = `${service.url}/bench/signed`;
      return { path: '/bench/signed', headers: { ...headers, ...signRequest({ method: 'POST', url, headers, body: bytes }, { keyId: 'bench-1', privateKey }) }, body };
    });
    await load(service.url, unsigned.slice(0, WARM_UP), CONNECTIONS); // warm-up
    await load(service.url, signed.slice(0, WARM_UP), CONNECTIONS);
    const plain = await load(service.url, unsigned, CONNECTIONS);
    const withSignature = await load(service.url, signed.slice(WARM_UP), CONNECTIONS);
    return { unsigned: plain, signed: withSignature, throughputRatio: Number((withSignature.requestsPerSecond / plain.requestsPerSecond).toFixed(3)), addedP99Ms: Number((withSignature.p99Ms - plain.p99Ms).toFixed(2)) };
  } finally {
    await service.close();
  }
}

const crypto = await cryptoRatio();
console.log(`A. verification: raw crypto.verify ${crypto.rawPerSecond}/s, verifyRequest ${crypto.verifyRequestPerSecond}/s, ratio ${crypto.ratio} (aim ≥ 0.7)`);
const http = await httpCost();
console.log(`B. HTTP route unsigned: ${http.unsigned.requestsPerSecond} req/s, p50 ${http.unsigned.p50Ms} ms, p99 ${http.unsigned.p99Ms} ms`);
console.log(`   HTTP route signed:   ${http.signed.requestsPerSecond} req/s, p50 ${http.signed.p50Ms} ms, p99 ${http.signed.p99Ms} ms (non-2xx: ${http.signed.non2xx})`);
console.log(`   a signature costs ${(100 * (1 - http.throughputRatio)).toFixed(1)}% of throughput and adds ${http.addedP99Ms} ms at p99`);
console.log(JSON.stringify({ bench: 'signatures', date: new Date().toISOString(), verification: crypto, http }));
