import type { FastifyRequest } from 'fastify';
import type { SignatureMaterial } from '@wildlife/signatures';
import type { VerifiedPrincipal } from './principal-directory.js';

/** What a verified request carries for the handlers: its principal and the evidence of its signature. */
export interface SignedRequestContext {
  readonly principal: VerifiedPrincipal;
  /** Everything needed to re-verify the signature later (kept with the event the request causes). */
  readonly material: SignatureMaterial;
  /**
   * On a route marked `@NonceClaimedWithTheWrite()`, the signature's nonce, verified but not claimed
   * yet: the route's write claims it in its own transaction (see that decorator). Undefined elsewhere,
   * where the guard claimed it before the handler ran.
   */
  readonly pendingNonce?: PendingNonce;
}

/** A signature's nonce to claim: unique per key, kept until `expiresAtUnix` (unix seconds). */
export interface NonceToClaim {
  readonly keyId: string;
  readonly nonce: string;
  readonly expiresAtUnix: number;
}

/**
 * A verified signature's nonce that its route's write claims, in the write's own transaction.
 * `handOver()` gives it to that write; one never handed over is claimed when the route ends
 * (NonceClaimedWithTheWrite), so every verified request claims its nonce once.
 */
export class PendingNonce implements NonceToClaim {
  private given = false;

  constructor(
    readonly keyId: string,
    readonly nonce: string,
    readonly expiresAtUnix: number,
  ) {}

  /**
   * The nonce, for a write that claims it atomically with its changes (and refuses the request with
   * `nonceReusedProblem` when it was claimed before). From then on only that write claims it.
   */
  handOver(): NonceToClaim {
    this.given = true;
    return { keyId: this.keyId, nonce: this.nonce, expiresAtUnix: this.expiresAtUnix };
  }

  get handedOver(): boolean {
    return this.given;
  }
}

export type SignedFastifyRequest = FastifyRequest & { signed?: SignedRequestContext; rawBody?: Buffer };
