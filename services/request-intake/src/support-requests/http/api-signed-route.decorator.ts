import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ProblemResponse } from '@wildlife/service-kit';

/**
 * OpenAPI for a route behind the signed-request guard: the RFC 9421 headers it needs and its 401.
 * A read without a body signs no Content-Digest.
 */
export function ApiSignedRoute(options: { withBody: boolean }): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Signature-Input', required: true, description: 'RFC 9421: covers at least @method, @target-uri' + (options.withBody ? ', content-digest' : '') + '; with created, keyid, alg="ed25519" and a nonce' }),
    ApiHeader({ name: 'Signature', required: true, description: 'RFC 9421 Ed25519 signature by a key registered to the caller' }),
    ...(options.withBody ? [ApiHeader({ name: 'Content-Digest', required: true, description: 'RFC 9530 sha-256 digest of the body' })] : []),
    ApiResponse({ status: 401, type: ProblemResponse, description: 'The signature was missing or refused (unknown, revoked or rotated-out key, stale, replayed nonce, digest mismatch); `check` names the failed check' }),
  );
}
