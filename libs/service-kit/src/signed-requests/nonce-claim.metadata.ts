/** Route metadata set by `@NonceClaimedWithTheWrite()`, read by SignedRequestGuard. */
export const NONCE_CLAIMED_WITH_THE_WRITE = 'wildlife:nonce-claimed-with-the-write';
