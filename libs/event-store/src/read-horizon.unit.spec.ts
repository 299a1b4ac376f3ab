import { describe, expect, it } from '@jest/globals';
import { ReadHorizon } from './read-horizon.js';

describe('the read horizon', () => {
  it('settles a head once no transaction older than its observation runs', () => {
    const horizon = new ReadHorizon();
    horizon.observe(12, 100n);

    expect(horizon.settle(99n)).toBe(0);
    expect(horizon.settle(100n)).toBe(12);
  });

  it('holds a head back until every transaction running when it was read has ended', () => {
    const horizon = new ReadHorizon();
    horizon.observe(12, 100n);
    horizon.observe(15, 103n);

    expect(horizon.settle(101n)).toBe(12);
    expect(horizon.settle(102n)).toBe(12);
    expect(horizon.settle(104n)).toBe(15);
  });

  it('does not pass a position taken by a transaction that started earlier but is still running', () => {
    // A has xid 100. B gets xid 101 and position 6; A then takes 7 and commits. B still runs.
    const horizon = new ReadHorizon();
    horizon.observe(5, 101n); // read before B took its xid
    horizon.observe(7, 103n); // read after A's commit; B (101) is running, so xmin is 101
    expect(horizon.settle(101n)).toBe(5);
    // B commits: only now are 6 and 7 final.
    expect(horizon.settle(104n)).toBe(7);
  });

  it('never moves backwards', () => {
    const horizon = new ReadHorizon();
    horizon.observe(20, 50n);
    horizon.settle(50n);
    horizon.observe(10, 60n);

    expect(horizon.settle(70n)).toBe(20);
    expect(horizon.position).toBe(20);
  });

  it('keeps advancing with a bounded memory when observations pile up', () => {
    const horizon = new ReadHorizon(3);
    for (let i = 1; i <= 10; i++) horizon.observe(i * 10, BigInt(100 + i));

    // Kept: heads 10 and 20, and in the last slot the newest observation (head 100, xid 110).
    expect(horizon.settle(105n)).toBe(20);
    expect(horizon.settle(110n)).toBe(100);
  });
});
