import type { KeyObject } from 'node:crypto';
import { verifyRequest, type RequestVerification, type ResolvedKey } from '@wildlife/signatures';

/** Verifies a request as a service would: `keyId` resolves to `publicKey`, nonces are single-use, now is the clock. */
export function signatureChecker(keyId: string, publicKey: KeyObject, principalId = 'agency-tz') {
  const nonces = new Set<string>();
  return (request: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body?: Uint8Array }): Promise<RequestVerification<ResolvedKey>> =>
    verifyRequest(
      { ...request, body: request.body !== undefined && request.body.byteLength > 0 ? request.body : undefined },
      {
        now: Math.floor(Date.now() / 1000),
        resolveKey: async (id) => (id === keyId ? { publicKey, principalId } : undefined),
        claimNonce: async (id, nonce) => !nonces.has(`${id} ${nonce}`) && nonces.add(`${id} ${nonce}`).size > 0,
      },
    );
}
