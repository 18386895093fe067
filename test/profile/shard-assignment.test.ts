import { describe, expect, it } from 'vitest';
import { parseShard } from '../../src/inputs/shard.js';
import { shardAssignment, shareOf } from '../../src/profile/shard-assignment.js';

const names = (count: number) => Array.from({ length: count }, (_, index) => `bench_${index}`);

/** A deterministic spread of costs from 1 to 1000, as a suite's targets differ. */
function syntheticCosts(units: string[]): Map<string, number> {
  let seed = 12345;
  return new Map(
    units.map((unit) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return [unit, 1 + Math.floor((seed / 2 ** 31) ** 3 * 1000)];
    }),
  );
}

function moved(before: (unit: string) => number, after: (unit: string) => number, units: string[]) {
  return units.filter((unit) => before(unit) !== after(unit));
}

describe('shard assignment', () => {
  it('gives every unit exactly one shard, the same in every leg', () => {
    const units = names(40);
    const shares = [1, 2, 3].map((index) => shareOf({ index, count: 3 }, units));
    expect(shares.flat().sort()).toEqual([...units].sort());
    expect(shares.every((share) => share.length > 0)).toBe(true);
    expect(shareOf({ index: 2, count: 3 }, [...units].reverse())).toEqual(
      [...shares[1]!].reverse(),
    );
  });

  it('moves no other benchmark when one is added, without a baseline', () => {
    const units = names(100);
    const shardOf = shardAssignment(4);
    expect(moved(shardOf, shardAssignment(4), [...units, 'bench_new'])).toEqual([]);
    expect(shareOf({ index: 1, count: 4 }, [...units, 'bench_new'])).toEqual(
      expect.arrayContaining(shareOf({ index: 1, count: 4 }, units)),
    );
  });

  it('moves no other benchmark when one the baseline lacks is added', () => {
    const units = names(100);
    const costs = syntheticCosts(units);
    const before = shardAssignment(4, costs);
    const withNew = [...units, 'bench_new'];
    expect(moved(before, shardAssignment(4, costs), withNew)).toEqual([]);
    // Removed ones stay in the baseline's costs until the next baseline: nothing moves either.
    expect(shareOf({ index: 3, count: 4 }, units.slice(1), costs)).toEqual(
      shareOf({ index: 3, count: 4 }, units, costs).filter((unit) => unit !== 'bench_0'),
    );
  });

  it('balances a 100-benchmark suite by cost within 20% of the mean', () => {
    const units = names(100);
    const costs = syntheticCosts(units);
    const total = [...costs.values()].reduce((sum, cost) => sum + cost, 0);
    for (const count of [2, 4, 8]) {
      const loads = Array.from({ length: count }, (_, index) =>
        shareOf({ index: index + 1, count }, units, costs).reduce(
          (sum, unit) => sum + costs.get(unit)!,
          0,
        ),
      );
      const mean = total / count;
      for (const load of loads) expect(Math.abs(load - mean) / mean).toBeLessThan(0.2);
    }
  });

  it('reads K/N and refuses anything else, naming the option', () => {
    expect(parseShard(' 2/4 ', '--shard')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/257', '-1/2']) {
      expect(() => parseShard(bad, "Input 'shard'")).toThrow(
        `Input 'shard' must be K/N, shard K of N with 1 <= K <= N <= 256, not '${bad}'`,
      );
    }
  });
});
