import type { AccessDecision } from '@wildlife/registry';
import { ProblemError } from '@wildlife/service-kit';

/**
 * Lets the call go on when `decision` is `allow`. Otherwise throws: for `hide`, `notFound()` when
 * given (the very answer for a resource that does not exist, so nothing leaks); else 403 `forbidden`.
 */
export function assertAllowed(decision: AccessDecision, forbidden: string, notFound?: () => ProblemError): void {
  if (decision === 'allow') return;
  if (decision === 'hide' && notFound) throw notFound();
  throw new ProblemError(403, 'forbidden', 'Forbidden', forbidden);
}

export const supportRequestNotFound = (requestId: string) =>
  new ProblemError(404, 'support-request-not-found', 'Not Found', `There is no support request ${requestId} that you may see.`);

export const externalInformationNotFound = (informationId: string) =>
  new ProblemError(404, 'external-information-not-found', 'Not Found', `There is no external information ${informationId} that you may see.`);
