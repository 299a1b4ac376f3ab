import { randomBytes, sign, type KeyObject } from 'node:crypto';
import { contentDigest } from '../content-digest.js';
import { fieldValue, type HttpRequestView, type HttpRequestWithBody } from '../message/http-request.js';
import { buildSignatureBase } from '../message/signature-base.js';
import { writeSignatureInput, type SignatureParameters } from '../message/signature-input.js';
import { serialiseDictionary } from '../structured-field/structured-field.serialise.js';
import { ByteSequence, item } from '../structured-field/structured-field.types.js';

export interface SigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

export interface SignOptions {
  /** Dictionary key of the signature. Default `sig1`. */
  readonly label?: string;
  /**
   * Covered components, in order. Default `@method`, `@target-uri`, then `content-digest` when a body
   * is given, then each of `content-type`, `if-match` and `idempotency-key` that the request has.
   */
  readonly components?: readonly string[];
  /** Unix seconds. Default now. */
  readonly created?: number;
  /** Default 16 random bytes, base64url. */
  readonly nonce?: string;
  readonly expires?: number;
  readonly tag?: string;
}

/** Header fields to add to the request (lower-case names). */
export interface SignatureFields {
  readonly 'content-digest'?: string;
  readonly 'signature-input': string;
  readonly signature: string;
}

/** The key given to sign with is not an Ed25519 private key. */
export class SigningKeyIsNotEd25519 extends Error {
  constructor() {
    super('Signing key must be an Ed25519 private key');
    this.name = 'SigningKeyIsNotEd25519';
  }
}

/**
 * Signs a request with RFC 9421 (`alg="ed25519"`; parameters in the order `writeSignatureInput`
 * writes them: created, expires when given, keyid, alg, nonce, tag when given). When
 * `content-digest` is covered, its value is computed here from `body` (empty when absent) and
 * returned; any Content-Digest already in `headers` is ignored.
 * The returned fields replace any Signature / Signature-Input already present.
 *
 * Throws `SigningKeyIsNotEd25519`, `CoveredComponentIsUnavailable` (e.g. a relative URL or a covered
 * header that is absent), `SignatureInputIsMalformed` (an unsupported component) or
 * `StructuredFieldIsUnserialisable` (a label, keyid or nonce outside the structured-field grammar).
 */
export function signRequest(request: HttpRequestWithBody, key: SigningKey, options: SignOptions = {}): SignatureFields {
  const components = options.components ?? defaultComponents(request);
  const digest = components.includes('content-digest') ? contentDigest(request.body ?? new Uint8Array(0)) : undefined;
  const headers: Record<string, string | readonly string[] | undefined> = {};
  for (const name in request.headers) {
    if (name.toLowerCase() !== 'content-digest') headers[name] = request.headers[name];
  }
  if (digest !== undefined) headers['content-digest'] = digest;

  const fields = signWithParameters({ method: request.method, url: request.url, headers }, key.privateKey, {
    label: options.label ?? 'sig1',
    components,
    parameters: {
      created: options.created ?? Math.floor(Date.now() / 1000),
      expires: options.expires,
      keyid: key.keyId,
      alg: 'ed25519',
      nonce: options.nonce ?? randomBytes(16).toString('base64url'),
      tag: options.tag,
    },
  });
  return digest === undefined ? fields : { 'content-digest': digest, ...fields };
}

/**
 * The signing step alone: signs exactly the given components and parameters (no defaults, no
 * Content-Digest computed; a covered content-digest is taken from `headers`). `signRequest` is the
 * usual entry point; this one exists to reproduce signatures of other profiles, such as the RFC's
 * examples. Throws as `signRequest` does.
 */
export function signWithParameters(
  request: HttpRequestView,
  privateKey: KeyObject,
  signature: { readonly label: string; readonly components: readonly string[]; readonly parameters: SignatureParameters },
): Omit<SignatureFields, 'content-digest'> {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyIsNotEd25519();
  const input = writeSignatureInput(signature.components, signature.parameters);
  const base = buildSignatureBase(request, signature.components, input.serialised);
  const bytes = sign(null, base.bytes, privateKey);
  return {
    signature: serialiseDictionary(new Map([[signature.label, item(new ByteSequence(bytes))]])),
    'signature-input': `${signature.label}=${input.serialised}`,
  };
}

function defaultComponents(request: HttpRequestWithBody): string[] {
  const components = ['@method', '@target-uri'];
  if (request.body !== undefined) components.push('content-digest');
  // Headers that change what a state-changing call does are covered when present, so a relay cannot
  // swap the version an NCB decided on or the idempotency key of a submission.
  for (const header of ['content-type', 'if-match', 'idempotency-key']) {
    if (fieldValue(request.headers, header) !== undefined) components.push(header);
  }
  return components;
}
