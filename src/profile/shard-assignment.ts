/**
 * Which shard measures which unit of work. The unit is a bench target (or a command): one
 * valgrind process per run, so a shard runs whole targets. The assignment is a function of the
 * unit's name, the shard count and the costs of the baseline alone, never of the other units
 * measured now, so that every leg of a matrix computes the same one and a target added or
 * removed elsewhere moves no other:
 *
 * - targets the baseline measured are spread greedily by their cost, largest first, each to the
 *   least loaded shard (longest processing time first), ties broken by a hash of the name;
 * - other targets (new ones, or no baseline at all) go where rendezvous hashing puts them: the
 *   shard with the highest hash of (name, shard), which no other target's presence changes.
 */
import { createHash } from 'node:crypto';
import type { ShardSpec } from '../inputs/shard.js';
import type { ProfileDocument } from './profile.js';

/** Shard (from 1) of each unit name, for a given count and baseline costs. */
export type ShardAssignment = (unit: string) => number;

export function shardAssignment(
  count: number,
  costs: ReadonlyMap<string, number> = new Map(),
): ShardAssignment {
  const loads = new Array<number>(count).fill(0);
  const costed = new Map<string, number>();
  const byCost = [...costs].sort(
    ([a, costA], [b, costB]) => costB - costA || hashOf(a, 0) - hashOf(b, 0) || (a < b ? -1 : 1),
  );
  for (const [unit, cost] of byCost) {
    let best = 0;
    for (let shard = 1; shard < count; shard++) {
      const lighter = loads[shard]! < loads[best]!;
      const tie = loads[shard] === loads[best] && hashOf(unit, shard) > hashOf(unit, best);
      if (lighter || tie) best = shard;
    }
    loads[best]! += cost;
    costed.set(unit, best + 1);
  }
  return (unit) => costed.get(unit) ?? rendezvous(unit, count);
}

/** The units of `units` that shard `spec` measures. */
export function shareOf(
  spec: ShardSpec,
  units: readonly string[],
  costs?: ReadonlyMap<string, number>,
): string[] {
  const shardOf = shardAssignment(spec.count, costs);
  return units.filter((unit) => shardOf(unit) === spec.index);
}

/**
 * What each bench target of a profile cost, as the sum of its benchmarks' totals of the first
 * event (instructions): a proxy for the time valgrind takes to run it.
 */
export function targetCosts(profile: ProfileDocument): Map<string, number> {
  const costs = new Map<string, number>();
  for (const benchmark of profile.benchmarks) {
    const total = benchmark.totals[benchmark.events[0]!] ?? 0;
    costs.set(benchmark.target, (costs.get(benchmark.target) ?? 0) + total);
  }
  return costs;
}

function rendezvous(unit: string, count: number): number {
  let best = 0;
  for (let shard = 1; shard < count; shard++) {
    if (hashOf(unit, shard) > hashOf(unit, best)) best = shard;
  }
  return best + 1;
}

function hashOf(unit: string, shard: number): number {
  return createHash('sha256').update(`${unit}\0${shard}`).digest().readUIntBE(0, 6);
}
