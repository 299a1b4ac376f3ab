import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { TrustRoots } from '@wildlife/registry';
import type { ProvenanceLogWriter } from '../log/provenance-log-writer.js';
import { CheckpointTicker } from './checkpoint-ticker.js';

describe('the checkpoint ticker', () => {
  let writes: Array<() => void>;
  let inFlight: number;
  let ticker: CheckpointTicker;

  beforeEach(() => {
    jest.useFakeTimers();
    writes = [];
    inFlight = 0;
    const write = () => {
      inFlight += 1;
      return new Promise<[]>((resolve) => writes.push(() => (inFlight -= 1, resolve([]))));
    };
    const writer = { write } as unknown as ProvenanceLogWriter;
    ticker = new CheckpointTicker(writer, { PROVENANCE_CHECKPOINT_INTERVAL_MS: 100 }, { error: () => undefined }, {} as TrustRoots);
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('starts no write while the one before is still running, and the next one an interval after it ends', async () => {
    ticker.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(writes).toHaveLength(1);
    writes[0]!();
    await jest.advanceTimersByTimeAsync(99);
    expect(writes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(writes).toHaveLength(2);
  });

  it('waits at shutdown for the write in flight, and starts none after it', async () => {
    ticker.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(350);
    let stopped = false;
    const stopping = ticker.onApplicationShutdown().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(500);
    expect(stopped).toBe(false);
    writes.at(-1)!();
    await stopping;
    expect(inFlight).toBe(0);
    await jest.advanceTimersByTimeAsync(500);
    expect(writes).toHaveLength(1);
  });
});
