import type { KeyObject } from 'node:crypto';
import { fieldValue, type HeaderFields } from '../message/http-request.js';

/** What a key resolver returns: the signer's public key (imported once, cached) and who it belongs to. */
export interface ResolvedKey {
  readonly publicKey: KeyObject;
  readonly principalId: string;
}

/**
 * How a service verifies signed requests. Time is injected (`now`, unix seconds) so the decision is a
 * pure function of the request, the policy and what the two callbacks answer.
 */
export interface VerificationPolicy<K extends ResolvedKey = ResolvedKey> {
  readonly now: number;
  /** Oldest acceptable `created`, in seconds before `now`. Default 300. */
  readonly maxAgeSeconds?: number;
  /** Latest acceptable `created`, in seconds after `now` (clock skew). Default 30. */
  readonly maxFutureSkewSeconds?: number;
  /**
   * Components the signature must cover. Default `defaultRequiredComponents`: `@method`, `@target-uri`;
   * `content-digest` when the request has a non-empty body; and `if-match` and `idempotency-key`
   * when the request carries them. A list given here replaces that default entirely.
   */
  readonly requiredComponents?: readonly string[];
  /** The signature to verify; default the first one in Signature-Input. */
  readonly label?: string;
  /** Looks the key up by `keyid`; undefined when unknown or no longer valid. Its errors propagate. */
  readonly resolveKey: (keyId: string) => Promise<K | undefined>;
  /**
   * Records `nonce` for `keyId` atomically; false when it was already recorded. It must stay recorded
   * at least until `expiresAtUnix` (inclusive): `created + maxAgeSeconds`, after which the time checks
   * refuse any signature with that `created` (whatever its `expires`).
   * Called only for an otherwise valid request. Its errors propagate.
   */
  readonly claimNonce: (keyId: string, nonce: string, expiresAtUnix: number) => Promise<boolean>;
  /**
   * Where the Ed25519 check runs: true for libuv's thread pool, false for the calling thread. The pool
   * frees the calling thread for other work (an HTTP server's other requests) and lets the check run
   * on another core, at more CPU in all; a lone check gains nothing there. Default: the pool while
   * other `verifyRequest` calls are under way in this process.
   */
  readonly offThread?: boolean;
}

export const DEFAULT_MAX_AGE_SECONDS = 300;

/**
 * The longest nonce accepted: it is stored (a replay must find it) and published with the record's
 * signature material, whose contract takes at most 200 characters.
 */
export const MAX_NONCE_LENGTH = 200;
export const DEFAULT_MAX_FUTURE_SKEW_SECONDS = 30;

/**
 * Request headers that change what a request does: when a request carries one, its signature must
 * cover it, or a relay could add or swap it (apply a decision to another version than the signer
 * read with `If-Match`; turn a submission into the replay of another one's answer with
 * `Idempotency-Key`). The signer (`signRequest`) covers each one present.
 */
export const HEADERS_COVERED_WHEN_PRESENT = ['if-match', 'idempotency-key'] as const;

/**
 * What a signature must cover by default: `@method` and `@target-uri`; `content-digest` when there
 * is a body; and each of `HEADERS_COVERED_WHEN_PRESENT` the request carries (`fieldValue`: any
 * case).
 */
export function defaultRequiredComponents(body: Uint8Array | undefined, headers: HeaderFields = {}): readonly string[] {
  return [
    '@method',
    '@target-uri',
    ...(body !== undefined && body.byteLength > 0 ? ['content-digest'] : []),
    ...HEADERS_COVERED_WHEN_PRESENT.filter((name) => fieldValue(headers, name) !== undefined),
  ];
}
