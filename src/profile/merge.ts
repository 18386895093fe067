/**
 * Joining the shards of one measurement back into one profile document, and cutting a whole
 * profile (a merged baseline) down to one shard's share. A merge is refused unless the parts are
 * shards of one measurement: the same shard count, each shard at most once, the same commit and
 * conditions, and no benchmark in two of them (legs that disagreed on the assignment).
 */
import { InputError } from '../errors.js';
import { type ShardSpec, shardName } from '../inputs/shard.js';
import { compareText } from '../system/text-order.js';
import type { ProfileDocument } from './profile.js';
import type { ShardAssignment } from './shard-assignment.js';

export interface ShardProfile {
  profile: ProfileDocument;
  /** Names the part in errors, e.g. its path or artifact. */
  source: string;
}

export interface MergedProfile {
  profile: ProfileDocument;
  /** The count of shards the parts were cut into. */
  count: number;
  /** Shards (from 1) of that count that no part holds, in order. */
  missing: number[];
}

/** Merges shards of one measurement; shards that are absent are listed, not an error. */
export function mergeShardProfiles(parts: readonly ShardProfile[]): MergedProfile {
  const tally = tallyShards(parts, shardOf, (part) => part.profile.benchmarks);
  const first = parts[0]!;
  for (const part of parts) {
    if (part.profile.commit !== first.profile.commit) {
      throw refusedShard(
        part.source,
        `measured commit ${part.profile.commit ?? 'unknown'}, but ${first.source} measured ${first.profile.commit ?? 'an unknown one'}`,
      );
    }
    if (JSON.stringify(part.profile.fingerprint) !== JSON.stringify(first.profile.fingerprint)) {
      throw refusedShard(
        part.source,
        `was measured under other conditions (fingerprint) than ${first.source}`,
      );
    }
  }
  const { shard: _shard, ...whole } = first.profile;
  const profile: ProfileDocument = {
    ...whole,
    createdAt: parts
      .map((part) => part.profile.createdAt)
      .sort(compareText)
      .at(-1)!,
    benchmarks: parts
      .flatMap((part) => part.profile.benchmarks)
      .sort((a, b) => compareText(a.name, b.name)),
  };
  return { profile, count: tally.count, missing: tally.missing() };
}

/** `parts` checked as the shards of one measurement, in a tally; refused when there are none. */
export function tallyShards<Part extends { source: string }>(
  parts: readonly Part[],
  shardOf: (part: Part) => ShardSpec,
  benchmarks: (part: Part) => readonly { name: string }[],
): ShardTally {
  const [first] = parts;
  if (first === undefined) throw new InputError('there are no shards to merge');
  const tally = new ShardTally(first.source, shardOf(first));
  for (const part of parts) {
    tally.add(
      part.source,
      shardOf(part),
      benchmarks(part).map((benchmark) => benchmark.name),
    );
  }
  return tally;
}

/**
 * The shards of one measurement, checked as they are added: one count of shards, each shard at
 * most once, no benchmark in two of them (legs that disagreed on the assignment). Profiles and
 * comparison reports of shards are both merged through it.
 */
export class ShardTally {
  readonly count: number;
  readonly #seen = new Map<number, string>();
  readonly #benchmarks = new Map<string, string>();

  constructor(
    private readonly firstSource: string,
    first: ShardSpec,
  ) {
    this.count = first.count;
  }

  add(source: string, shard: ShardSpec, benchmarks: readonly string[]): void {
    if (shard.count !== this.count) {
      throw refusedShard(
        source,
        `is shard ${shardName(shard)}, but ${this.firstSource} is one of ${this.count}`,
      );
    }
    const earlier = this.#seen.get(shard.index);
    if (earlier !== undefined) {
      throw refusedShard(source, `is shard ${shardName(shard)}, as is ${earlier}`);
    }
    this.#seen.set(shard.index, source);
    for (const name of benchmarks) {
      const other = this.#benchmarks.get(name);
      if (other !== undefined) {
        throw refusedShard(
          source,
          `measured ${name}, as did ${other}: the legs did not share the benchmarks out alike`,
        );
      }
      this.#benchmarks.set(name, source);
    }
  }

  /** Shards (from 1) that no part holds, in order. */
  missing(): number[] {
    return Array.from({ length: this.count }, (_, index) => index + 1).filter(
      (index) => !this.#seen.has(index),
    );
  }
}

/** The share of a whole profile (a merged baseline) that shard `spec` measures. */
export function profileShare(
  profile: ProfileDocument,
  spec: ShardSpec,
  shardOf: ShardAssignment,
): ProfileDocument {
  return {
    ...profile,
    shard: { index: spec.index, count: spec.count },
    benchmarks: profile.benchmarks.filter((benchmark) => shardOf(benchmark.target) === spec.index),
  };
}

function shardOf(part: ShardProfile): ShardSpec {
  if (part.profile.shard === undefined) {
    throw new InputError(
      `${part.source} is not a shard: it holds a whole measurement`,
      'Merge the profiles that `rust-perf measure --shard K/N` (or the action with `shard`) wrote.',
    );
  }
  return part.profile.shard;
}

/** A part that is not a shard of the same measurement as the others. */
export function refusedShard(source: string, reason: string): InputError {
  return new InputError(
    `cannot merge ${source}: it ${reason}`,
    'Merge the shards of one run, measured with one rust-perf version and one set of inputs.',
  );
}
