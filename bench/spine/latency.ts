import { setTimeout as sleep } from 'node:timers/promises';

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Starts `send(i, intendedAt)` for i = 0 … count-1 at `ratePerSecond`, each at its own scheduled time
 * whether or not earlier ones have finished (open loop): a slow hop delays no later send, so latency
 * measured from `intendedAt` includes any queueing it causes. A timer may fire up to a millisecond
 * early (libuv keeps whole milliseconds), so a send that starts before its time is given the time it
 * started instead: latencies are never counted from a moment before the message left.
 * Resolves once every send has settled.
 */
export async function openLoop(
  count: number,
  ratePerSecond: number,
  send: (index: number, intendedAt: number) => Promise<void>,
): Promise<void> {
  const intervalMs = 1_000 / ratePerSecond;
  const start = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const intendedAt = start + i * intervalMs;
    const wait = intendedAt - performance.now();
    if (wait > 0) await sleep(wait);
    sends.push(send(i, Math.max(intendedAt, performance.now())));
  }
  await Promise.all(sends);
}

/** Runs `count` operations with at most `concurrency` in flight (closed loop); returns each one's latency in ms. */
export async function closedLoop(count: number, concurrency: number, operation: (index: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const started = performance.now();
        await operation(index);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}
