/**
 * Exponential backoff: `baseMs` after the first failure, doubling with each further one, never more
 * than `capMs`.
 */
export function retryDelay(consecutiveFailures: number, baseMs: number, capMs: number): number {
  const exponent = Math.max(0, consecutiveFailures - 1);
  return Math.min(capMs, baseMs * 2 ** Math.min(exponent, 30));
}
