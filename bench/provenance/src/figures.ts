/** Percentiles of latencies in milliseconds, rounded to 0.01 ms. */
export function percentiles(samplesMs: readonly number[]): { p50Ms: number; p99Ms: number; maxMs: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted[sorted.length - 1]!) };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const perSecond = (count: number, elapsedMs: number): number => Math.round((count / elapsedMs) * 1_000);
