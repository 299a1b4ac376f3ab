import { applyDecorators, type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { NONCE_STORE } from '../tokens.js';
import { NONCE_CLAIMED_WITH_THE_WRITE } from './nonce-claim.metadata.js';
import type { NonceStore } from './nonce-store.js';
import { nonceReusedProblem } from './signed-request.guard.js';
import type { PendingNonce, SignedFastifyRequest } from './signed-request.js';

/**
 * Claims a pending nonce its route did not hand over to a write: after a refusal (validation, a rule,
 * access) or a route that wrote nothing. When the nonce was claimed before, the answer becomes the
 * guard's 401 nonce-reused, so a replay is refused as on any other route, whatever else it would get.
 */
@Injectable()
export class ClaimNonceNotHandedOver implements NestInterceptor {
  constructor(@Inject(NONCE_STORE) private readonly nonces: NonceStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const pending = context.switchToHttp().getRequest<SignedFastifyRequest>().signed?.pendingNonce;
    if (pending === undefined) return next.handle();
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        await this.claimUnlessHandedOver(pending);
        return answer;
      }),
      catchError((error: unknown) => from(this.claimUnlessHandedOver(pending).then(() => Promise.reject(error)))),
    );
  }

  private async claimUnlessHandedOver(pending: PendingNonce): Promise<void> {
    if (pending.handedOver) return;
    const { keyId, nonce, expiresAtUnix } = pending.handOver();
    if (!(await this.nonces.claim(keyId, nonce, expiresAtUnix))) throw nonceReusedProblem(keyId);
  }
}

/**
 * Marks a signed route whose write claims the signature's nonce itself, in the write's transaction:
 * one round trip fewer than the guard's own claim, and the claim commits exactly when the write does
 * (durably, with it). The guard checks everything else and leaves the nonce in `signed.pendingNonce`;
 * the route's write takes it with `handOver()` and must refuse with `nonceReusedProblem` when it finds
 * it claimed before. A nonce the route never hands over is claimed when it ends, as the guard would
 * have (ClaimNonceNotHandedOver). Either way a request whose nonce was used is refused with 401 and
 * changes nothing; a replay merely runs validation and the domain decision before it is refused.
 */
export const NonceClaimedWithTheWrite = () => applyDecorators(SetMetadata(NONCE_CLAIMED_WITH_THE_WRITE, true), UseInterceptors(ClaimNonceNotHandedOver));
