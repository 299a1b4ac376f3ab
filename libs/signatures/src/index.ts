/**
 * HTTP Message Signatures (RFC 9421, Ed25519 only) with Content-Digest (RFC 9530, sha-256), for
 * signing requests as a client, verifying them in a service, and re-verifying stored signature
 * material offline as an auditor. Pure `node:crypto`; the only file I/O is `readKeyFile` /
 * `writeKeyFile`.
 *
 * Guarantees:
 * - `verifyRequest` never throws for anything about the request; it returns the first failed check
 *   as a machine code. It claims the nonce only after every other check passed.
 * - `signRequest` then `verifyRequest` (same key, policy within the time window) accepts; changing
 *   any covered part (method, target URI, body, a covered header) or the signature makes it refuse.
 * - `reverify(material, key)` accepts the material `verifyRequest` returned for a request it accepted
 *   with that key, and refuses it once any field that was signed, or the body, is changed.
 * - Structured-field parsers throw only `StructuredFieldIsMalformed`.
 */
export { contentDigest, checkContentDigest, type ContentDigestCheck } from './content-digest.js';

export {
  Token,
  Decimal,
  ByteSequence,
  StructuredFieldIsMalformed,
  StructuredFieldIsUnserialisable,
  item,
  innerList,
  type BareItem,
  type Parameters,
  type Item,
  type InnerList,
  type DictionaryMember,
  type Dictionary,
} from './structured-field/structured-field.types.js';
export { parseDictionary, parseItemOrInnerList } from './structured-field/structured-field.parse.js';
export { serialiseDictionary, serialiseMember, serialiseItem } from './structured-field/structured-field.serialise.js';

export { fieldValue, trimFieldLine, type HeaderFields, type HttpRequestView, type HttpRequestWithBody } from './message/http-request.js';
export { targetUriToSend } from './message/target-uri.js';
export { DERIVED_COMPONENTS, CoveredComponentIsUnavailable } from './message/covered-components.js';
export { buildSignatureBase, type SignatureBase } from './message/signature-base.js';
export {
  readSignatureInput,
  writeSignatureInput,
  SignatureInputIsMalformed,
  type SignatureInput,
  type SignatureParameters,
} from './message/signature-input.js';
export {
  readReceivedSignature,
  SignatureIsMissing,
  SignatureIsMalformed,
  type ReceivedSignature,
} from './message/received-signature.js';

export {
  signRequest,
  signWithParameters,
  SigningKeyIsNotEd25519,
  type SigningKey,
  type SignOptions,
  type SignatureFields,
} from './signing/sign-request.js';

export {
  VERIFICATION_FAILURE_CODES,
  type VerificationFailure,
  type VerificationFailureCode,
} from './verification/verification-failure.js';
export {
  DEFAULT_MAX_AGE_SECONDS,
  DEFAULT_MAX_FUTURE_SKEW_SECONDS,
  HEADERS_COVERED_WHEN_PRESENT,
  type ResolvedKey,
  type VerificationPolicy,
} from './verification/verification-policy.js';
export { verifyRequest, type RequestVerification, type VerifiedRequest } from './verification/verify-request.js';
export { RECORD_STAMP_MARGIN_SECONDS, recordTimeWindowOf, SIGNED_REQUEST_WINDOW, type RecordTimeWindow } from './verification/record-time-window.js';
export { isValidEd25519Signature } from './verification/ed25519-check.js';
export { verifyMessageSignature, type VerifiedMessageSignature } from './verification/message-signature.js';
export type { SignatureMaterial } from './verification/signature-material.js';
export { isSignatureMaterial, signatureMaterialShapeProblem } from './verification/signature-material.read.js';
export { reverify, type ReverifiedSignature } from './verification/reverify.js';

export {
  generateSigningKeyPair,
  exportPublicKey,
  publicKeyToJwk,
  importPublicKey,
  importPublicKeyJwk,
  PublicKeyIsMalformed,
  type Ed25519Jwk,
  type SigningKeyPair,
} from './keys/ed25519-keys.js';
export { createPublicKeyCache, type PublicKeyCache } from './keys/public-key-cache.js';
export {
  parseKeyFile,
  serialiseKeyFile,
  KeyFileIsInvalid,
  type KeyFileContents,
  type LoadedSigningKey,
  type SigningKeyToStore,
} from './keys/key-file.js';
export { readKeyFile, writeKeyFile } from './keys/key-file.io.js';

export {
  createSignedFetch,
  type SignedFetch,
  type SignedFetchOptions,
  type SignedRequestInit,
} from './client/signed-fetch.js';

export {
  DERIVED_ID_LABELS,
  MINTED_ACCREDITATION_ID_PREFIX,
  derivedId,
  signatureDerivedId,
  recordIdLabel,
  recordIdOf,
  permitIdOf,
  type SignatureIdentity,
} from './identity/derived-id.js';
