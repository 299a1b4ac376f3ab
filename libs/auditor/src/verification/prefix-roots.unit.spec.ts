import { describe, expect, it } from '@jest/globals';
import { evenlySpacedSizes } from './prefix-roots.js';

describe('spreading prefix sizes over a log', () => {
  it('spreads them evenly and ends at the last size', () => {
    expect(evenlySpacedSizes(0, 100, 4)).toEqual([25, 50, 75, 100]);
    expect(evenlySpacedSizes(10, 20, 3)).toEqual([14, 17, 20]);
  });

  it('gives each size once when there are fewer sizes than slices', () => {
    expect(evenlySpacedSizes(0, 3, 64)).toEqual([1, 2, 3]);
    expect(evenlySpacedSizes(5, 5, 64)).toEqual([]);
  });
});
