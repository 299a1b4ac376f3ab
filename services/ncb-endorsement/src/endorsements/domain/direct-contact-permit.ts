import { PermitValidityIsOutOfRange } from './endorsement.errors.js';

// How long a direct-contact permit lasts. The notification sets no term; half a year lets a GS team
// work a case, and the NCB can revoke sooner or endorse again for a new request.

export const DEFAULT_PERMIT_VALIDITY_DAYS = 180;
export const MAX_PERMIT_VALIDITY_DAYS = 365;

const DAY_MS = 86_400_000;

/**
 * When a permit issued at `issuedAt` (RFC 3339) for `days` whole days expires, as an RFC 3339 UTC
 * instant. Throws PermitValidityIsOutOfRange unless `days` is an integer from 1 to 365.
 */
export function permitExpiryOf(issuedAt: string, days: number = DEFAULT_PERMIT_VALIDITY_DAYS): string {
  if (!Number.isInteger(days) || days < 1 || days > MAX_PERMIT_VALIDITY_DAYS) throw new PermitValidityIsOutOfRange(days);
  return new Date(Date.parse(issuedAt) + days * DAY_MS).toISOString();
}
