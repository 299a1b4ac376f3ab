import type { KeyObject } from 'node:crypto';
import { CoveredComponentIsUnavailable } from '../message/covered-components.js';
import type { HttpRequestView } from '../message/http-request.js';
import { readReceivedSignature, SignatureIsMissing, type ReceivedSignature } from '../message/received-signature.js';
import { buildSignatureBase, type SignatureBase } from '../message/signature-base.js';
import { ed25519SignatureVerifies, isValidEd25519Signature } from './ed25519-check.js';
import { verificationFailure, type VerificationFailure } from './verification-failure.js';

export interface VerifiedMessageSignature {
  readonly ok: true;
  readonly received: ReceivedSignature;
  readonly base: SignatureBase;
}

/** Reads the labelled (or first) signature of a request, as a failure rather than an exception. */
export function receivedSignatureOf(request: HttpRequestView, label?: string): ReceivedSignature | VerificationFailure {
  try {
    return readReceivedSignature(request.headers, label);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return verificationFailure(error instanceof SignatureIsMissing ? 'signature_missing' : 'signature_malformed', reason);
  }
}

/** Rebuilds the signature base of `received` from `request` and checks the Ed25519 signature over it. */
export function checkReceivedSignature(
  request: HttpRequestView,
  received: ReceivedSignature,
  publicKey: KeyObject,
): VerifiedMessageSignature | VerificationFailure {
  const base = signatureBaseOf(request, received);
  if ('ok' in base) return base;
  return isValidEd25519Signature(publicKey, base.bytes, received.signature) ? { ok: true, received, base } : signatureDoesNotVerify();
}

/** `checkReceivedSignature` with the Ed25519 check on libuv's thread pool (ed25519SignatureVerifies). */
export async function checkReceivedSignatureInThreadPool(
  request: HttpRequestView,
  received: ReceivedSignature,
  publicKey: KeyObject,
): Promise<VerifiedMessageSignature | VerificationFailure> {
  const base = signatureBaseOf(request, received);
  if ('ok' in base) return base;
  return (await ed25519SignatureVerifies(publicKey, base.bytes, received.signature)) ? { ok: true, received, base } : signatureDoesNotVerify();
}

const signatureDoesNotVerify = (): VerificationFailure => verificationFailure('signature_invalid', 'the signature does not verify with the given key');

function signatureBaseOf(request: HttpRequestView, received: ReceivedSignature): SignatureBase | VerificationFailure {
  try {
    return buildSignatureBase(request, received.input.components, received.input.serialised);
  } catch (error) {
    if (error instanceof CoveredComponentIsUnavailable) return verificationFailure('signature_invalid', error.message);
    throw error;
  }
}

/**
 * The cryptographic check alone: the labelled (or first) signature is well-formed and is a valid
 * Ed25519 signature of the request's RFC 9421 signature base under `publicKey`. No coverage,
 * freshness, digest or replay policy is applied: to authenticate a request, use `verifyRequest`.
 * Never throws.
 */
export function verifyMessageSignature(
  request: HttpRequestView,
  publicKey: KeyObject,
  label?: string,
): VerifiedMessageSignature | VerificationFailure {
  const received = receivedSignatureOf(request, label);
  if ('ok' in received) return received;
  return checkReceivedSignature(request, received, publicKey);
}
