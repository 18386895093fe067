/**
 * The result of comparing two profiles. It is also the JSON report (`rust-perf compare
 * --format json`, the action's `report-json` output and the artifact of the two-phase mode),
 * so every renderer can be re-run from the JSON alone. See "JSON report" in the README.
 */
import type { Harness } from '../harness.js';
import type { ShardSpec } from '../inputs/shard.js';
import type { Fingerprint } from '../profile/profile.js';

/** 2: each benchmark names its target, id and harness. */
export const COMPARISON_VERSION = 2;

export const BENCHMARK_STATUSES = [
  'regressed',
  'improved',
  'unchanged',
  'added',
  'removed',
] as const;
export type BenchmarkStatus = (typeof BENCHMARK_STATUSES)[number];
/** A function is noisy where its counts differed between the runs of one measurement. */
export const FUNCTION_STATUSES = [...BENCHMARK_STATUSES, 'noisy'] as const;
export type FunctionStatus = (typeof FUNCTION_STATUSES)[number];

export interface FunctionChange {
  name: string;
  /** Its location as in the profile (head side, or base side for a removed function). */
  file: string;
  line: number;
  /** Counts of the primary event; 0 on the side where the function does not exist. */
  base: number;
  head: number;
  delta: number;
  /** Percent; null where base is 0. */
  change: number | null;
  status: FunctionStatus;
  /** |delta| reaches the function threshold and the function is deterministic. */
  significant: boolean;
  /**
   * Set when the cost did not change but moved between functions (inlining decisions):
   * the names of the functions on the other side of the move.
   */
  movedFrom?: string[];
  movedTo?: string[];
  /**
   * Inclusive costs of the primary event (the function and everything it called, from
   * Callgrind's call graph), where every side the benchmark exists on has a call graph; 0 on a
   * side where the function does not exist.
   */
  inclusive?: { base: number; head: number };
  /**
   * For a significant change in a regressed or improved benchmark with a call graph: the
   * benchmark's name, then the workspace's own functions on the heaviest path of calls down to
   * this function (the head's, or the base's for a removed function), then the function.
   */
  callPath?: string[];
  /** Set when its cost grew and it was called more often: its caller whose calls grew most. */
  calledMoreBy?: CallGrowth;
}

/** A caller's calls to a function on each side. */
export interface CallGrowth {
  caller: string;
  base: number;
  head: number;
}

export interface BenchmarkComparison {
  /** `target/id`, or the target's name for a whole program. */
  name: string;
  target: string;
  /** Its id in its harness; absent for a whole program. */
  id?: string;
  /** How it was measured (the head's, or the base's for a removed benchmark). */
  harness: Harness;
  status: BenchmarkStatus;
  /** Totals of the primary event; null on the side where the benchmark does not exist. */
  base: number | null;
  head: number | null;
  /** Percent; null where base is null or 0. */
  change: number | null;
  /** Totals of the other recorded events, carried along. */
  otherEvents: Record<string, { base: number | null; head: number | null }>;
  /** Every function whose count changed, by |delta|, largest first, then by name. */
  functions: FunctionChange[];
  /** Heap allocations, when both sides measured them (or the one side there is). */
  allocations?: AllocationComparison;
  /**
   * Its totals in the baselines saved before the base, oldest first, when the base carries a
   * history (a baseline saved by the action does).
   */
  trend?: number[];
  /** The threshold rust-perf.toml set for it, when it set one. */
  threshold?: number;
  /** The allocation threshold rust-perf.toml set for it, when it set one. */
  allocationThreshold?: number;
  /** rust-perf.toml ignores it: whatever its status, it does not fail the gate. */
  ignored?: true;
  /** Budgets of rust-perf.toml the head exceeds; a benchmark over budget regressed. */
  overBudget?: ExceededBudget[];
  /** Allocation budgets rust-perf.toml set that were not checked: the head measured no allocations. */
  uncheckedBudgets?: AllocationBudgetKey[];
}

/** The keys of rust-perf.toml that budget allocations. */
export const ALLOCATION_BUDGET_KEYS = ['max-allocations', 'max-allocated-bytes'] as const;
export type AllocationBudgetKey = (typeof ALLOCATION_BUDGET_KEYS)[number];

/** What a budget counts besides instructions: allocations, or bytes allocated. */
export const BUDGET_METRICS = ['allocations', 'bytes'] as const;
export type BudgetMetric = (typeof BUDGET_METRICS)[number];

/** A budget of rust-perf.toml and the head's count above it. */
export interface ExceededBudget {
  /** The function over its budget; absent for the benchmark's total. */
  function?: string;
  /** What the budget counts; absent: instructions. */
  metric?: BudgetMetric;
  limit: number;
  count: number;
}

/**
 * Whether a benchmark fails the gate: it regressed (in instructions or allocations) or went over
 * a budget, and is not ignored (an ignored benchmark's allocations are ignored too).
 */
export function benchmarkFails(benchmark: BenchmarkComparison): boolean {
  if (benchmark.ignored) return false;
  return (
    benchmark.status === 'regressed' ||
    benchmark.allocations?.status === 'regressed' ||
    (benchmark.overBudget?.length ?? 0) > 0
  );
}

/** A benchmark's heap figures on one side. */
export interface AllocationTotals {
  allocations: number;
  bytes: number;
  peakBytes: number;
}

export interface AllocationComparison {
  /** By the count of allocations against `allocationThreshold`, as `status` is by instructions. */
  status: BenchmarkStatus;
  /** null on the side where the benchmark does not exist. */
  base: AllocationTotals | null;
  head: AllocationTotals | null;
  /** Percent change of the count of allocations; null where there is no base or it is 0. */
  change: number | null;
  /** Every allocation site whose count or bytes changed, largest change in count first. */
  sites: AllocationSiteChange[];
}

/** Blocks and bytes allocated at one site on one side (0 where the site does not exist). */
export interface SiteCounts {
  allocations: number;
  bytes: number;
}

export interface AllocationSiteChange {
  function: string;
  /** The head's location, or the base's for a site that is gone. */
  file: string;
  line: number;
  base: SiteCounts;
  head: SiteCounts;
}

export interface ProfileSide {
  commit?: string;
  fingerprint?: Fingerprint;
}

export interface FingerprintDifference {
  field: string;
  base: string;
  head: string;
}

export interface Comparison {
  version: typeof COMPARISON_VERSION;
  /** A benchmark regressed, in instructions or in allocations. */
  regressed: boolean;
  /** The primary event, `Ir` (instructions) unless a profile lacks it. */
  event: string;
  /** Fractions: 0.01 is 1%. */
  threshold: number;
  functionThreshold: number;
  /** Present when allocations were compared: a benchmark's count regresses beyond it. */
  allocationThreshold?: number;
  /**
   * The side that did not measure allocations when the other did (a baseline measured with
   * instructions alone): no allocation is compared, and the reports say why.
   */
  allocationsUnmeasured?: 'base' | 'head';
  base: ProfileSide;
  head: ProfileSide;
  /** Non-empty when the two profiles were not measured under the same conditions. */
  fingerprintDifferences: FingerprintDifference[];
  /** Where the limits came from, e.g. `rust-perf.toml at 1a2b3c4d5e`, when a file set any. */
  limits?: string;
  /** The head is one shard of a measurement (`measure --shard K/N`): this compares its share. */
  shard?: ShardSpec;
  benchmarks: BenchmarkComparison[];
  /**
   * The pull-request label that accepted the regressions: the gate passes. Set only when a
   * benchmark regressed.
   */
  acceptedBy?: string;
}

/** The comparison with its regressions accepted by `label`, if there are any to accept. */
export function acceptRegressions(comparison: Comparison, label: string): Comparison {
  return comparison.regressed ? { ...comparison, acceptedBy: label } : comparison;
}
