/**
 * Why a signed request (or stored signature material) was refused. One code per failed check, in the
 * order the checks run; `reason` is human text for logs and problem details, never parsed.
 */
export const VERIFICATION_FAILURE_CODES = [
  'signature_missing',
  'signature_malformed',
  'component_not_covered',
  'created_missing',
  'created_too_old',
  'created_in_future',
  'expires_before_created',
  'expired',
  'keyid_missing',
  'alg_unsupported',
  'nonce_missing',
  'nonce_too_long',
  'digest_missing',
  'digest_mismatch',
  'key_unknown',
  'signature_invalid',
  'nonce_reused',
] as const;

export type VerificationFailureCode = (typeof VERIFICATION_FAILURE_CODES)[number];

export interface VerificationFailure {
  readonly ok: false;
  readonly code: VerificationFailureCode;
  readonly reason: string;
}

export function verificationFailure(code: VerificationFailureCode, reason: string): VerificationFailure {
  return { ok: false, code, reason };
}
