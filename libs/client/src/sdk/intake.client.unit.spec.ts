import { describe, expect, it } from '@jest/globals';
import { generateSigningKeyPair } from '@wildlife/signatures';
import { WildlifeApiError } from './wildlife-api-error.js';
import { CallGotNoAnswer, ResponseBodyIsNotJson, WildlifeCallError } from './wildlife-call.errors.js';
import { createWildlifeClient, type WildlifeClient } from './wildlife-client.js';

const key = { keyId: 'agency-tz-1', privateKey: generateSigningKeyPair().privateKey };

const submission = {
  capabilities: ['information-sharing'],
  natureOfHelp: ['investigation-support'],
  caseSummary: 'Pangolin scales offered online.',
  urgency: 'urgent',
  countriesConcerned: ['TZ'],
} as const;

const creations: [string, (client: WildlifeClient, idempotencyKey?: string) => Promise<unknown>][] = [
  ['a support request', (client, idempotencyKey) => client.intake.submitSupportRequest(submission, { idempotencyKey })],
  ['external information', (client, idempotencyKey) => client.intake.submitExternalInformation({ summary: 'Ivory listed again.' }, { idempotencyKey })],
];

const connectionReset = () => new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
const bodyCutOff = () =>
  new Response(new ReadableStream({ start: (controller) => controller.error(new TypeError('terminated')) }), { status: 202, headers: { 'content-type': 'application/json' } });

/** A client whose fetch meets each attempt with the next of `outcomes`, and records the Idempotency-Key each was sent under. */
function clientMeeting(...outcomes: (() => Response | Error)[]) {
  const sentKeys: (string | null)[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    sentKeys.push(new Headers(init.headers).get('idempotency-key'));
    const outcome = outcomes[sentKeys.length - 1]!();
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }) as typeof globalThis.fetch;
  return { client: createWildlifeClient({ key, fetch, endpoints: { intake: 'https://intake.example' } }), sentKeys };
}

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe.each(creations)('retrying the creation of %s', (_, create) => {
  it('is possible under the key its error carries when the request got no answer', async () => {
    const { client, sentKeys } = clientMeeting(connectionReset, () => Response.json({ requestId: 'r-1' }, { status: 202 }));

    const failure = await failureOf(create(client));

    expect(failure).toBeInstanceOf(CallGotNoAnswer);
    expect(failure).toMatchObject({ idempotencyKey: sentKeys[0], message: expect.stringContaining('ECONNRESET') });
    expect((failure as Error).cause).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    await create(client, (failure as WildlifeCallError).idempotencyKey);
    expect(sentKeys[1]).toBe(sentKeys[0]);
  });

  it('is possible when the answer was cut off, after the service had taken the request', async () => {
    const { client, sentKeys } = clientMeeting(bodyCutOff);

    const failure = await failureOf(create(client));

    expect(failure).toBeInstanceOf(CallGotNoAnswer);
    expect(failure).toMatchObject({ idempotencyKey: sentKeys[0] });
  });

  it('is possible after a 5xx problem, a 2xx answer that does not parse, and with the caller’s own key', async () => {
    const unavailable = () => Response.json({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, { status: 503 });
    const garbled = () => new Response('{"requestId":', { status: 202, headers: { 'content-type': 'application/json' } });
    const { client, sentKeys } = clientMeeting(unavailable, garbled, unavailable);

    const refused = await failureOf(create(client));
    const unreadable = await failureOf(create(client));
    const refusedWithOwnKey = await failureOf(create(client, 'tz-case-2026-031'));

    expect(refused).toBeInstanceOf(WildlifeApiError);
    expect(refused).toMatchObject({ status: 503, idempotencyKey: sentKeys[0] });
    expect(unreadable).toBeInstanceOf(ResponseBodyIsNotJson);
    expect(unreadable).toMatchObject({ idempotencyKey: sentKeys[1] });
    expect(refusedWithOwnKey).toMatchObject({ idempotencyKey: 'tz-case-2026-031' });
  });
});

describe('a read that got no answer', () => {
  it('throws CallGotNoAnswer without an Idempotency-Key, since it sent none', async () => {
    const { client } = clientMeeting(connectionReset);

    const failure = await failureOf(client.intake.getSupportRequest('r-1'));

    expect(failure).toBeInstanceOf(CallGotNoAnswer);
    expect(failure).toMatchObject({ method: 'GET', url: 'https://intake.example/v1/support-requests/r-1', idempotencyKey: undefined });
  });
});
