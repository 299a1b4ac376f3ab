import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { generateSigningKeyPair, signRequest, verifyRequest, type HttpRequestWithBody, type VerificationPolicy } from './index.js';

// Property: once signed, flipping any one byte of the body, the method, the URL or the signature
// makes verification fail.
const now = 1_760_000_000;
const { privateKey, publicKey } = generateSigningKeyPair();
const original: HttpRequestWithBody = {
  method: 'POST',
  url: 'https://dissemination.example.org/routes/r-42?priority=high',
  headers: { 'content-type': 'application/json' },
  body: new TextEncoder().encode('{"requestId":"r-42","countries":["KE","TZ","UG"]}'),
};
const fields = signRequest(original, { keyId: 'gs-1', privateKey }, { created: now });
const signedRequest = { ...original, headers: { ...original.headers, ...fields } };
const policy: VerificationPolicy = {
  now,
  resolveKey: async () => ({ publicKey, principalId: 'gs' }),
  claimNonce: async () => true,
};

function flipChar(text: string, at: number, mask: number): string {
  const i = at % text.length;
  return text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) ^ mask) & 0xff) + text.slice(i + 1);
}

const signatureBytesOf = (field: string) => Buffer.from(field.slice('sig1=:'.length, -1), 'base64');

const tamperings: Record<string, (at: number, mask: number) => HttpRequestWithBody> = {
  body: (at, mask) => {
    const body = Uint8Array.from(original.body!);
    body[at % body.length]! ^= mask;
    return { ...signedRequest, body };
  },
  method: (at, mask) => ({ ...signedRequest, method: flipChar(original.method, at, mask) }),
  url: (at, mask) => ({ ...signedRequest, url: flipChar(original.url, at, mask) }),
  'signature bytes': (at, mask) => {
    const bytes = signatureBytesOf(fields.signature);
    bytes[at % bytes.length]! ^= mask;
    return { ...signedRequest, headers: { ...signedRequest.headers, signature: `sig1=:${bytes.toString('base64')}:` } };
  },
  'Signature field text': (at, mask) => ({
    ...signedRequest,
    headers: { ...signedRequest.headers, signature: flipChar(fields.signature, at, mask) },
  }),
};

describe('tampering with a signed request', () => {
  it('leaves the untouched request verifiable', async () => {
    expect(await verifyRequest(signedRequest, policy)).toMatchObject({ ok: true });
  });

  it.each(Object.keys(tamperings))('is detected for any one byte flipped in the %s', async (part) => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const result = await verifyRequest(tamperings[part]!(at, mask), policy);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
