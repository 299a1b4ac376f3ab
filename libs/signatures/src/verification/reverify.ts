import type { KeyObject } from 'node:crypto';
import { decodeCanonicalBase64 } from '../canonical-base64.js';
import { checkContentDigest } from '../content-digest.js';
import { CoveredComponentIsUnavailable } from '../message/covered-components.js';
import type { HeaderFields } from '../message/http-request.js';
import { buildSignatureBase } from '../message/signature-base.js';
import { readSignatureInput, SignatureInputIsMalformed, type SignatureParameters } from '../message/signature-input.js';
import { parseItemOrInnerList } from '../structured-field/structured-field.parse.js';
import { StructuredFieldIsMalformed } from '../structured-field/structured-field.types.js';
import { isValidEd25519Signature } from './ed25519-check.js';
import type { SignatureMaterial } from './signature-material.js';
import { signatureMaterialShapeProblem } from './signature-material.read.js';
import { verificationFailure, type VerificationFailure } from './verification-failure.js';
import { defaultRequiredComponents } from './verification-policy.js';

export interface ReverifiedSignature {
  readonly ok: true;
  readonly keyId: string;
  readonly created: number;
}

/**
 * Checks stored signature material again, offline: the material is self-consistent (its signature
 * input names the same components, keyid, created and nonce; derived component values agree with
 * its method and target URI), it covers what the live guard requires (`defaultRequiredComponents`:
 * `@method`, `@target-uri`, and `content-digest` for a body; otherwise the stored method, URI or
 * body would be unsigned text anyone could change), the body matches the covered Content-Digest,
 * and the Ed25519 signature over the rebuilt base verifies with `publicKey`.
 *
 * Time windows and nonces are not checked: they were the receiving service's job. The caller checks
 * that `publicKey` belonged to `keyId` at `created`. `material` may be untrusted JSON (its shape is
 * checked); never throws.
 */
export function reverify(material: unknown, publicKey: KeyObject): ReverifiedSignature | VerificationFailure {
  const shapeProblem = signatureMaterialShapeProblem(material);
  if (shapeProblem !== undefined) return verificationFailure('signature_malformed', shapeProblem);
  const m = material as SignatureMaterial;

  let input;
  try {
    input = readSignatureInput(parseItemOrInnerList(m.signatureInput));
  } catch (error) {
    if (error instanceof StructuredFieldIsMalformed || error instanceof SignatureInputIsMalformed) {
      return verificationFailure('signature_malformed', error.message);
    }
    throw error;
  }
  const inconsistency = describeInconsistency(m, input.serialised, input.components, input.parameters);
  if (inconsistency !== undefined) return verificationFailure('signature_malformed', inconsistency);

  const signature = decodeCanonicalBase64(m.signature);
  const body = decodeCanonicalBase64(m.bodyBase64);
  if (signature === undefined || body === undefined) {
    return verificationFailure('signature_malformed', 'signature or bodyBase64 is not canonical base64');
  }
  const uncovered = defaultRequiredComponents(body).filter((name) => !m.coveredComponents.includes(name));
  if (uncovered.length > 0) {
    return verificationFailure('component_not_covered', `the signature must cover ${uncovered.map((name) => `"${name}"`).join(', ')}`);
  }

  const headers: Record<string, string> = Object.create(null);
  for (const name of m.coveredComponents) {
    if (!name.startsWith('@')) headers[name] = m.componentValues[name] ?? '';
  }
  if (m.coveredComponents.includes('content-digest')) {
    const digest = checkContentDigest(headers['content-digest'], body);
    if (digest === 'missing') return verificationFailure('digest_missing', 'the covered Content-Digest has no sha-256');
    if (digest !== 'match') return verificationFailure('digest_mismatch', `the body does not match the covered Content-Digest (${digest})`);
  } else if (body.byteLength > 0) {
    return verificationFailure('digest_missing', 'the body is not covered by a signed Content-Digest');
  }

  let base;
  try {
    base = buildSignatureBase({ method: m.method, url: m.targetUri, headers: headers as HeaderFields }, m.coveredComponents, input.serialised);
  } catch (error) {
    if (error instanceof CoveredComponentIsUnavailable) return verificationFailure('signature_malformed', error.message);
    throw error;
  }
  for (const name of m.coveredComponents) {
    if (base.componentValues[name] !== m.componentValues[name]) {
      return verificationFailure('signature_malformed', `stored value of "${name}" disagrees with the request it describes`);
    }
  }
  if (!isValidEd25519Signature(publicKey, base.bytes, signature)) {
    return verificationFailure('signature_invalid', `the signature does not verify with the key given for "${m.keyId}"`);
  }
  return { ok: true, keyId: m.keyId, created: m.created };
}

function describeInconsistency(
  m: SignatureMaterial,
  serialised: string,
  components: readonly string[],
  parameters: SignatureParameters,
): string | undefined {
  if (serialised !== m.signatureInput) return 'signatureInput is not in canonical form';
  if (components.join('\n') !== m.coveredComponents.join('\n')) return 'coveredComponents differ from the signature input';
  const stored = Object.keys(m.componentValues);
  if (stored.length !== components.length || !components.every((c) => Object.hasOwn(m.componentValues, c))) {
    return 'componentValues does not hold exactly the covered components';
  }
  if (parameters.keyid !== m.keyId) return 'keyId differs from the signed keyid';
  if (parameters.created !== m.created) return 'created differs from the signed created';
  if (parameters.nonce !== m.nonce) return 'nonce differs from the signed nonce';
  if (parameters.alg !== undefined && parameters.alg !== 'ed25519') return `alg "${parameters.alg}" is not ed25519`;
  return undefined;
}
