/** Nearest-rank percentiles of latencies in milliseconds, rounded to 0.01 ms (NaN when there are none). */
export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** The benchmarks' one way to summarise exact per-request timings. */
export function latencySummary(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const rank = (fraction: number) => roundMs(sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN);
  return { count: sorted.length, p50Ms: rank(0.5), p90Ms: rank(0.9), p99Ms: rank(0.99), maxMs: rank(1) };
}

const roundMs = (value: number) => Math.round(value * 100) / 100;
