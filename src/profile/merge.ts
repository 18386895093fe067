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
  const [first] = parts;
  if (first === undefined) throw new InputError('there are no shards to merge');
  const count = shardOf(first).count;
  const seen = new Map<number, string>();
  const benchmarkSources = new Map<string, string>();
  for (const part of parts) {
    const shard = shardOf(part);
    if (shard.count !== count) {
      throw refused(part, `is shard ${shardName(shard)}, but ${first.source} is one of ${count}`);
    }
    const earlier = seen.get(shard.index);
    if (earlier !== undefined) {
      throw refused(part, `is shard ${shardName(shard)}, as is ${earlier}`);
    }
    seen.set(shard.index, part.source);
    if (part.profile.commit !== first.profile.commit) {
      throw refused(
        part,
        `measured commit ${part.profile.commit ?? 'unknown'}, but ${first.source} measured ${first.profile.commit ?? 'an unknown one'}`,
      );
    }
    if (JSON.stringify(part.profile.fingerprint) !== JSON.stringify(first.profile.fingerprint)) {
      throw refused(part, `was measured under other conditions (fingerprint) than ${first.source}`);
    }
    for (const benchmark of part.profile.benchmarks) {
      const other = benchmarkSources.get(benchmark.name);
      if (other !== undefined) {
        throw refused(
          part,
          `measured ${benchmark.name}, as did ${other}: the legs did not share the benchmarks out alike`,
        );
      }
      benchmarkSources.set(benchmark.name, part.source);
    }
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter(
    (index) => !seen.has(index),
  );
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
  return { profile, count, missing };
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

function refused(part: ShardProfile, reason: string): InputError {
  return new InputError(
    `cannot merge ${part.source}: it ${reason}`,
    'Merge the shards of one run, measured with one rust-perf version and one set of inputs.',
  );
}
