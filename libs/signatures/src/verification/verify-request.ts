import { checkContentDigest } from '../content-digest.js';
import { encodeBase64 } from '../canonical-base64.js';
import { fieldValue, type HttpRequestWithBody } from '../message/http-request.js';
import { checkReceivedSignature, checkReceivedSignatureInThreadPool, receivedSignatureOf } from './message-signature.js';
import type { SignatureMaterial } from './signature-material.js';
import { verificationFailure, type VerificationFailure } from './verification-failure.js';
import {
  DEFAULT_MAX_AGE_SECONDS,
  DEFAULT_MAX_FUTURE_SKEW_SECONDS,
  defaultRequiredComponents,
  MAX_NONCE_LENGTH,
  type ResolvedKey,
  type VerificationPolicy,
} from './verification-policy.js';

export interface VerifiedRequest<K extends ResolvedKey> {
  readonly ok: true;
  readonly key: K;
  readonly material: SignatureMaterial;
}

export type RequestVerification<K extends ResolvedKey> = VerifiedRequest<K> | VerificationFailure;

const NO_BODY = new Uint8Array(0);

/**
 * Verifies one signed request against `policy`. Checks run in this order and the first failure is
 * returned: signature fields present and well-formed; required components covered; `created` present,
 * not older than `maxAgeSeconds`, not further ahead than `maxFutureSkewSeconds`, `expires` (if any) not
 * before `created` and not passed; `keyid` present; `alg` absent or `ed25519`; `nonce` present; a covered Content-Digest that
 * matches the body (a non-empty body must be covered); key resolves; Ed25519 signature valid over the
 * RFC 9421 signature base; nonce not seen before. The nonce is claimed last, so a request that fails
 * any other check never consumes one, and until `created + maxAgeSeconds` (never less for an earlier
 * `expires`): the whole window in which any signature of that key with that `created` and nonce can
 * be accepted, so `(keyId, created, nonce)`, from which the services derive record ids, is accepted
 * once. A signature whose `expires` is before its `created` is refused (`expires_before_created`):
 * it names no instant at which it could be valid; one that expires at its `created` is valid then.
 *
 * Never throws for anything about the request; errors from `resolveKey` and `claimNonce` propagate.
 *
 * Where the Ed25519 check runs: `policy.offThread` decides; by default on this thread when this is the
 * only verification under way, on libuv's thread pool when others are (`verificationsUnderWay`).
 * Handing a check to the pool costs more CPU in all (bench:signatures: ~0.54 of raw `crypto.verify`
 * against ~0.84 inline) but frees this thread — 21 µs of it instead of 115 µs — and lets the check
 * run beside the thread's other work on another core: that is what request intake needs whenever its
 * event loop is the limit (bench:intake). A lone check gains nothing from the hand-off. An HTTP server
 * knows better than this count whether other work waits (a verification that awaits nothing before
 * its check never overlaps another): the signed-request guard passes `offThread`.
 */
export async function verifyRequest<K extends ResolvedKey>(
  request: HttpRequestWithBody,
  policy: VerificationPolicy<K>,
): Promise<RequestVerification<K>> {
  verificationsUnderWay += 1;
  try {
    return await verifyNow(request, policy);
  } finally {
    verificationsUnderWay -= 1;
  }
}

/** `verifyRequest` calls begun and not yet finished in this process. */
let verificationsUnderWay = 0;

async function verifyNow<K extends ResolvedKey>(request: HttpRequestWithBody, policy: VerificationPolicy<K>): Promise<RequestVerification<K>> {
  const received = receivedSignatureOf(request, policy.label);
  if ('ok' in received) return received;
  const { components, parameters } = received.input;
  const body = request.body ?? NO_BODY;

  const uncovered = (policy.requiredComponents ?? defaultRequiredComponents(body, request.headers)).filter((c) => !components.includes(c));
  if (uncovered.length > 0) {
    return verificationFailure('component_not_covered', `the signature must cover ${uncovered.map((c) => `"${c}"`).join(', ')}`);
  }

  const { now } = policy;
  const maxAge = policy.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const { created, expires, keyid, alg, nonce } = parameters;
  if (created === undefined) return verificationFailure('created_missing', 'the signature has no created parameter');
  if (now - created > maxAge) return verificationFailure('created_too_old', `created ${created} is more than ${maxAge} s before ${now}`);
  const skew = policy.maxFutureSkewSeconds ?? DEFAULT_MAX_FUTURE_SKEW_SECONDS;
  if (created - now > skew) return verificationFailure('created_in_future', `created ${created} is more than ${skew} s after ${now}`);
  if (expires !== undefined && expires < created) return verificationFailure('expires_before_created', `expires ${expires} is before created ${created}`);
  if (expires !== undefined && now > expires) return verificationFailure('expired', `the signature expired at ${expires}`);
  if (!keyid) return verificationFailure('keyid_missing', 'the signature has no keyid parameter');
  if (alg !== undefined && alg !== 'ed25519') return verificationFailure('alg_unsupported', `alg "${alg}" is not ed25519`);
  if (!nonce) return verificationFailure('nonce_missing', 'the signature has no nonce parameter');
  if (nonce.length > MAX_NONCE_LENGTH) return verificationFailure('nonce_too_long', `the nonce is longer than ${MAX_NONCE_LENGTH} characters`);

  if (components.includes('content-digest')) {
    const digest = checkContentDigest(fieldValue(request.headers, 'content-digest'), body);
    if (digest === 'missing') return verificationFailure('digest_missing', 'Content-Digest with sha-256 is missing');
    if (digest !== 'match') return verificationFailure('digest_mismatch', `Content-Digest does not match the body (${digest})`);
  } else if (body.byteLength > 0) {
    return verificationFailure('digest_missing', 'the body is not covered by a signed Content-Digest');
  }

  const key = await policy.resolveKey(keyid);
  if (key === undefined) return verificationFailure('key_unknown', `no valid key "${keyid}"`);

  const signed =
    (policy.offThread ?? verificationsUnderWay > 1)
      ? await checkReceivedSignatureInThreadPool(request, received, key.publicKey)
      : checkReceivedSignature(request, received, key.publicKey);
  if (!signed.ok) return signed;

  // Until `created + maxAge` whatever `expires` says: the claim is what keeps (keyId, created, nonce)
  // from being accepted twice, and another signature with the same three and a later `expires` (or
  // none) is accepted until then. (Until session 13 it lasted until `expires` when that was earlier.)
  if (!(await policy.claimNonce(keyid, nonce, created + maxAge))) {
    return verificationFailure('nonce_reused', `nonce already used with key "${keyid}"`);
  }

  const material: SignatureMaterial = {
    label: received.label,
    keyId: keyid,
    signatureInput: received.input.serialised,
    signature: encodeBase64(received.signature),
    coveredComponents: [...components],
    componentValues: { ...signed.base.componentValues },
    method: request.method,
    targetUri: request.url,
    bodyBase64: encodeBase64(body),
    created,
    nonce,
  };
  return { ok: true, key, material };
}
