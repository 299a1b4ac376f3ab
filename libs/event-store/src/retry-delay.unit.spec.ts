import { describe, expect, it } from '@jest/globals';
import { retryDelay } from './retry-delay.js';

describe('retry delays', () => {
  it('start at the base and double with each consecutive failure', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 50, 5_000))).toEqual([50, 100, 200, 400]);
  });

  it('never exceed the cap, even after very many failures', () => {
    expect(retryDelay(8, 50, 5_000)).toBe(5_000);
    expect(retryDelay(10_000, 50, 5_000)).toBe(5_000);
  });
});
