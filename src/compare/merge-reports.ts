/**
 * Joining the comparison reports of the shards of one measurement (`rust-perf compare --format
 * json` of each shard's base and head) into the report of the whole suite. Refused unless the
 * parts are shards of one comparison: the same shard count, each shard at most once, no benchmark
 * in two of them, the same base and head (commit and conditions) and the same thresholds, event
 * and limits.
 */
import { InputError } from '../errors.js';
import { refusedShard, tallyShards } from '../profile/merge.js';
import { compareText } from '../system/text-order.js';
import { type BenchmarkComparison, benchmarkFails, type Comparison } from './comparison.js';

export interface ShardReport {
  comparison: Comparison;
  /** Names the part in errors, e.g. its path. */
  source: string;
}

export interface MergedReport {
  comparison: Comparison;
  count: number;
  /** Shards (from 1) of that count that no part holds, in order. */
  missing: number[];
}

/** What every shard's report must agree on, by the name messages give it. */
const SHARED_FIELDS = {
  'another base (commit or conditions)': (report: Comparison) => report.base,
  'another head (commit or conditions)': (report: Comparison) => report.head,
  'other thresholds or another event': ({ event, threshold, functionThreshold }: Comparison) => ({
    event,
    threshold,
    functionThreshold,
  }),
  'other limits': (report: Comparison) => report.limits ?? null,
};

export function mergeShardReports(parts: readonly ShardReport[]): MergedReport {
  const tally = tallyShards(parts, shardOf, (part) => part.comparison.benchmarks);
  const first = parts[0]!.comparison;
  for (const part of parts) {
    for (const [what, field] of Object.entries(SHARED_FIELDS)) {
      if (JSON.stringify(field(part.comparison)) !== JSON.stringify(field(first))) {
        throw refusedShard(part.source, `has ${what} than ${parts[0]!.source}`);
      }
    }
  }
  // Present only where a share compared allocations, or regressed: the parts that have them agree.
  const allocationThreshold = agreedOn(parts, 'allocationThreshold');
  const allocationsUnmeasured = agreedOn(parts, 'allocationsUnmeasured');
  const label = agreedOn(parts, 'acceptedBy');
  const benchmarks = inComparisonOrder(parts.flatMap((part) => part.comparison.benchmarks));
  const regressed = benchmarks.some(benchmarkFails);
  // In the order of compareProfiles' fields, so that the JSON report reads the same.
  const comparison: Comparison = {
    version: first.version,
    regressed,
    event: first.event,
    threshold: first.threshold,
    functionThreshold: first.functionThreshold,
    ...(allocationThreshold === undefined ? {} : { allocationThreshold }),
    ...(allocationsUnmeasured === undefined ? {} : { allocationsUnmeasured }),
    base: first.base,
    head: first.head,
    fingerprintDifferences: first.fingerprintDifferences,
    ...(first.limits === undefined ? {} : { limits: first.limits }),
    benchmarks,
    ...(regressed && label !== undefined ? { acceptedBy: label } : {}),
  };
  return { comparison, count: tally.count, missing: tally.missing() };
}

/**
 * A field that a part's report has only when its share had something to say (allocations
 * compared, a regression accepted by a label): the value of the parts that have it, which agree.
 */
function agreedOn<Key extends 'allocationThreshold' | 'allocationsUnmeasured' | 'acceptedBy'>(
  parts: readonly ShardReport[],
  key: Key,
): Comparison[Key] {
  const having = parts.filter((part) => part.comparison[key] !== undefined);
  const [first] = having;
  for (const part of having) {
    if (part.comparison[key] !== first!.comparison[key]) {
      throw refusedShard(
        part.source,
        `has ${key} ${JSON.stringify(part.comparison[key])}, ${first!.source} ${JSON.stringify(first!.comparison[key])}`,
      );
    }
  }
  return first?.comparison[key] as Comparison[Key];
}

/**
 * As one comparison lists them: each target's benchmarks together, the targets of the base in
 * name order (a profile is in name order), then the targets only the head has.
 */
function inComparisonOrder(benchmarks: BenchmarkComparison[]): BenchmarkComparison[] {
  const inBase = new Set(
    benchmarks.filter((benchmark) => benchmark.base !== null).map((benchmark) => benchmark.target),
  );
  return benchmarks.sort(
    (a, b) =>
      Number(!inBase.has(a.target)) - Number(!inBase.has(b.target)) ||
      compareText(a.target, b.target),
  );
}

function shardOf(part: ShardReport) {
  if (part.comparison.shard === undefined) {
    throw new InputError(
      `${part.source} is not a shard's report: it compares whole measurements`,
      'Merge the reports that `rust-perf compare --format json` wrote for the profiles of `rust-perf measure --shard K/N`.',
    );
  }
  return part.comparison.shard;
}
