import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPublicKey } from '@wildlife/signatures';
import { main } from '../src/cli/main.js';
import { processIo } from '../src/cli/process-io.js';
import type { SupportRequestSubmission } from '../src/sdk/intake.types.js';
import { WildlifeApiError } from '../src/sdk/wildlife-api-error.js';
import { RedirectIsNotFollowed } from '../src/sdk/wildlife-call.errors.js';
import { createWildlifeClient, type WildlifeClient } from '../src/sdk/wildlife-client.js';
import { PROBLEM_HEADERS, startVerifyingService, type Route, type VerifyingService } from './support/verifying-service.js';

// The SDK and the CLI against a real HTTP server on 127.0.0.1 that verifies every signature the way
// the services do, with a key made by `wildlife keygen` on the real file system.

const versionMismatch = { type: 'https://wildlife.example/problems/version-mismatch', title: 'Precondition Failed', status: 412, detail: 'The request is at version 3.' };
const invalidBody = {
  type: 'https://wildlife.example/problems/validation-failed',
  title: 'Bad Request',
  status: 400,
  detail: 'The request has 1 invalid field(s).',
  errors: [{ pointer: '/summary', reason: 'summary should not be empty' }],
};

const route: Route = ({ method, path, headers }) => {
  if (method === 'POST' && path === '/v1/support-requests') {
    return { status: 202, body: { requestId: 'r-1', status: 'submitted', statusUrl: '/v1/support-requests/r-1' } };
  }
  // Intake's version runs ahead of the endorsement's (intake also records provenance's verdict);
  // decisions take the endorsement's.
  if (method === 'GET' && path === '/v1/support-requests/r-1') {
    return { status: 200, body: { requestId: 'r-1', status: 'acknowledged', version: 5, history: [] }, headers: { etag: '"5"' } };
  }
  if (method === 'GET' && path === '/v1/support-requests/r-1/endorsement') {
    return { status: 200, body: { requestId: 'r-1', status: 'acknowledged', version: 3, history: [] }, headers: { etag: '"3"' } };
  }
  if (method === 'POST' && path === '/v1/support-requests/r-1/endorse') {
    return headers['if-match'] === '"3"'
      ? { status: 200, body: { requestId: 'r-1', status: 'endorsed', permit: { permitId: 'p-1' } } }
      : { status: 412, body: versionMismatch, headers: PROBLEM_HEADERS };
  }
  if (method === 'POST' && path === '/v1/external-information') return { status: 400, body: invalidBody, headers: PROBLEM_HEADERS };
  return { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404 }, headers: PROBLEM_HEADERS };
};

const submission: SupportRequestSubmission = {
  capabilities: ['information-sharing'],
  generalServices: [],
  natureOfHelp: ['investigation-support'],
  caseSummary: 'Pangolin scales offered on a social-media marketplace.',
  urgency: 'urgent',
  species: [{ scientificName: 'Manis temminckii', citesAppendix: 'I' }],
  platforms: [{ name: 'Marketplace', countryOfOperation: 'KE' }],
  countriesConcerned: ['TZ', 'KE'],
  evidenceReferences: [],
};

let service: VerifyingService;
let dir: string;
let keyFile: string;
let keygenOutput = '';
let registeredKey: { keyId: string; publicKey: string };
let client: WildlifeClient;

/** The CLI on the real file system and network, its output captured. */
async function wildlife(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { ...processIo(), stdout: (text: string) => void (out += text), stderr: (text: string) => void (err += text) };
  const status = await main(argv, io);
  return { status, out, err };
}

beforeAll(async () => {
  service = await startVerifyingService(route);
  dir = await mkdtemp(join(tmpdir(), 'wildlife-client-'));
  keyFile = join(dir, 'agency-tz.key.json');
  const keygen = await wildlife('keygen', '--principal', 'agency-tz', '--key-id', 'agency-tz-1', '--out', keyFile);
  expect(keygen.status).toBe(0);
  keygenOutput = keygen.out;
  registeredKey = JSON.parse(keygen.out) as { keyId: string; publicKey: string };
  service.register(registeredKey.keyId, 'agency-tz', importPublicKey(registeredKey.publicKey));
  client = createWildlifeClient({ keyFile, endpoints: { intake: service.origin, endorsement: service.origin, provenance: service.origin } });
});

afterAll(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a key made with wildlife keygen', () => {
  it('is stored readable by its owner only, and pubkey prints the line keygen printed', async () => {
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const pubkey = await wildlife('pubkey', keyFile);
    expect(pubkey).toEqual({ status: 0, out: keygenOutput, err: '' });
  });
});

describe('the SDK against a verifying service', () => {
  it('signs a submission and sends a fresh Idempotency-Key, which it returns', async () => {
    const accepted = await client.intake.submitSupportRequest(submission);

    const seen = service.seen.at(-1)!;
    expect(seen).toMatchObject({ method: 'POST', path: '/v1/support-requests', signedBy: 'agency-tz' });
    expect(JSON.parse(seen.body)).toEqual(submission);
    expect(accepted).toEqual({ requestId: 'r-1', status: 'submitted', statusUrl: '/v1/support-requests/r-1', idempotencyKey: seen.headers['idempotency-key'] });
    expect(accepted.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the Idempotency-Key it is given, so a retry is the same submission', async () => {
    const accepted = await client.intake.submitSupportRequest(submission, { idempotencyKey: 'tz-case-2025-017' });

    expect(service.seen.at(-1)!.headers['idempotency-key']).toBe('tz-case-2025-017');
    expect(accepted.idempotencyKey).toBe('tz-case-2025-017');
  });

  it('signs reads too', async () => {
    const view = await client.intake.getSupportRequest('r-1');

    expect(view).toEqual({ requestId: 'r-1', status: 'acknowledged', version: 5, history: [] });
    expect(service.seen.at(-1)).toMatchObject({ method: 'GET', path: '/v1/support-requests/r-1', signedBy: 'agency-tz' });
  });

  it('sends the endorsement’s version it read as If-Match', async () => {
    const { version } = await client.endorsement.getEndorsement('r-1');

    const granted = await client.endorsement.endorse('r-1', { version, permitValidityDays: 30 });

    expect(granted.permit).toEqual({ permitId: 'p-1' });
    expect(service.seen.at(-1)).toMatchObject({ path: '/v1/support-requests/r-1/endorse', signedBy: 'agency-tz' });
    expect(service.seen.at(-1)!.headers['if-match']).toBe('"3"');
    expect(JSON.parse(service.seen.at(-1)!.body)).toEqual({ permitValidityDays: 30 });
  });

  it('throws the 412 problem of a decision taken on intake’s version as a WildlifeApiError', async () => {
    const { version: intakeVersion } = await client.intake.getSupportRequest('r-1');

    const refusal = await client.endorsement.endorse('r-1', { version: intakeVersion }).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(WildlifeApiError);
    expect(refusal).toMatchObject({ status: 412, type: versionMismatch.type, title: versionMismatch.title, detail: versionMismatch.detail });
  });

  it('carries the field errors of a refused body', async () => {
    const refusal = await client.intake
      .submitExternalInformation({ summary: '', species: [], platforms: [], countriesConcerned: [], evidenceReferences: [] })
      .catch((error: unknown) => error);

    expect(refusal).toMatchObject({ name: 'WildlifeApiError', status: 400, errors: invalidBody.errors });
  });

  it('gets the 401 problem when its key is not registered', async () => {
    const dir2 = await mkdtemp(join(tmpdir(), 'wildlife-client-stranger-'));
    const strangerKey = join(dir2, 'stranger.key.json');
    await wildlife('keygen', '--principal', 'stranger', '--out', strangerKey);
    const stranger = createWildlifeClient({ keyFile: strangerKey, endpoints: { intake: service.origin } });

    const refusal = await stranger.intake.getSupportRequest('r-1').catch((error: unknown) => error);

    await rm(dir2, { recursive: true, force: true });
    expect(refusal).toMatchObject({ name: 'WildlifeApiError', status: 401, detail: 'key_unknown' });
  });
});

describe('wildlife request against a verifying service', () => {
  it('sends a signed request and prints the answer', async () => {
    const result = await wildlife('request', 'GET', `${service.origin}/v1/support-requests/r-1`, '--key', keyFile);

    expect(result.status).toBe(0);
    expect(result.out).toMatch(/^200 OK\n\{\n {2}"requestId": "r-1",/);
    expect(service.seen.at(-1)).toMatchObject({ method: 'GET', signedBy: 'agency-tz' });
  });

  it('fails on a refused request and prints its problem in one line', async () => {
    const result = await wildlife('request', 'POST', `${service.origin}/v1/support-requests/r-1/endorse`, '--key', keyFile, '-H', 'if-match: "1"');

    expect(result.status).toBe(1);
    expect(result.out).toMatch(/^412 Precondition Failed\n/);
    expect(result.err).toBe(`wildlife: 412 Precondition Failed: The request is at version 3. (${versionMismatch.type})\n`);
    expect(service.seen.at(-1)).toMatchObject({ signedBy: 'agency-tz' });
  });
});

describe('a service that answers with a redirect to another host', () => {
  let moved: VerifyingService;
  let elsewhere: VerifyingService;

  beforeAll(async () => {
    // Both know the key: had the request been followed, the other host would have taken it.
    elsewhere = await startVerifyingService(route);
    moved = await startVerifyingService(({ path }) => ({ status: 307, headers: { location: `${elsewhere.origin}${path}` } }));
    for (const to of [moved, elsewhere]) to.register(registeredKey.keyId, 'agency-tz', importPublicKey(registeredKey.publicKey));
  });

  afterAll(async () => {
    await moved.close();
    await elsewhere.close();
  });

  it('gets nothing from the SDK there: it throws RedirectIsNotFollowed with the Location and the Idempotency-Key', async () => {
    const redirected = createWildlifeClient({ keyFile, endpoints: { intake: moved.origin } });

    const failure = await redirected.intake.submitSupportRequest(submission).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(RedirectIsNotFollowed);
    expect(failure).toMatchObject({ status: 307, location: `${elsewhere.origin}/v1/support-requests`, idempotencyKey: moved.seen[0]!.headers['idempotency-key'] });
    expect(elsewhere.seen).toEqual([]);
  });

  it('gets nothing from wildlife request there: it prints the redirect and fails in one line naming its Location', async () => {
    const result = await wildlife('request', 'GET', `${moved.origin}/v1/support-requests/r-1`, '--key', keyFile);

    expect(result.status).toBe(1);
    expect(result.out).toMatch(/^307 Temporary Redirect\n/);
    expect(result.err).toMatch(new RegExp(`^wildlife: The 307 answer from .* redirects to ${elsewhere.origin}/v1/support-requests/r-1; redirects are not followed.*\n$`));
    expect(elsewhere.seen).toEqual([]);
  });
});
