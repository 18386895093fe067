/**
 * The profile document: what `rust-perf measure` writes to profile.json, what the action stores
 * as a baseline, and what `compare` reads. Plain data, versioned; see "Profile document" in the
 * README for the field-by-field description.
 */
import type { Harness } from '../harness.js';
import type { ShardSpec } from '../inputs/shard.js';

/**
 * 2: each benchmark names its bench target, its id within the target and its harness (version 1
 * measured every bench target as one whole program).
 */
export const PROFILE_VERSION = 2;

/** Every event Cachegrind counts is named like this (`Ir`, `D1mr`, `Bcm`). */
export const EVENT_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Event name → count, e.g. `{ "Ir": 123456 }`. */
export type Counts = Record<string, number>;

/**
 * The count of `event`, if `counts` has one of its own: an event named `constructor` or
 * `toString` must not find Object's methods where a side has no count.
 */
export function countOf(counts: Counts, event: string): number | undefined {
  return Object.hasOwn(counts, event) ? counts[event] : undefined;
}

export interface FunctionProfile {
  /** Normalised name: no symbol hashes, no LTO suffixes, no crate disambiguators. */
  name: string;
  /**
   * Normalised path of the file where most of the function's cost sits in the workspace's own
   * files, else anywhere (`???` when unknown): a reader wants the line of their code to look at.
   */
  file: string;
  /** The line in `file` with the most cost (0 when unknown). */
  line: number;
  /** Self cost for every event, summed over all blocks of the function. */
  counts: Counts;
  /**
   * Inclusive cost of the primary event: its self cost plus everything it called, a recursive
   * call counted once. Present where the benchmark ran under Callgrind (see `calls`).
   */
  inclusive?: number;
}

/**
 * The calls from one function to another in a benchmark, from Callgrind's call graph: how many
 * there were and their inclusive cost of the primary event (the callee and what it called).
 */
export interface FunctionCall {
  caller: string;
  callee: string;
  calls: number;
  inclusive: number;
}

export interface BenchmarkProfile {
  /** `target/id`, or the target's name for a whole program: unique in a document. */
  name: string;
  /** The bench target (or command) that ran it. */
  target: string;
  /** The benchmark's id in its harness (criterion's `group/function/parameter`, libtest's path). */
  id?: string;
  harness: Harness;
  /** The command as run: executable (its stable path) and arguments. */
  command: string[];
  events: string[];
  totals: Counts;
  /** Functions whose counts differed between runs; sorted. Their counts are the minimum. */
  nondeterministic: string[];
  /**
   * Sorted by the primary event's count, largest first, then by name. (A raw Cachegrind file
   * loaded for a comparison is a `ComparableBenchmark` instead: columns, in the file's order.)
   */
  functions: FunctionProfile[];
  /**
   * The call graph between `functions`, one entry per caller and callee, where the benchmark
   * ran under Callgrind; by caller, then callee, in the order of `functions`.
   */
  calls?: FunctionCall[];
  /** Heap allocations, when measured (`metrics` includes `allocations`). */
  allocations?: AllocationProfile;
}

/**
 * A benchmark's heap allocations, from a run under valgrind's DHAT: blocks allocated (by
 * `malloc`, `calloc`, `realloc` and their kin), their bytes, and the most bytes live at once.
 */
export interface AllocationProfile {
  allocations: number;
  bytes: number;
  /**
   * The bytes the measured code had allocated and not yet freed when the heap of its run peaked:
   * for a whole program its high-water mark; for a harness benchmark, run alone, what its
   * routine held then (its own high-water mark when the run peaks inside the routine, which
   * DHAT cannot tell; else often 0).
   */
  peakBytes: number;
  /**
   * Where the blocks were allocated: one entry per call site, the innermost frame of each
   * allocation's stack in the workspace's own files (else the innermost frame with a source
   * location). Largest allocation count first, then by function, file and line.
   */
  sites: AllocationSite[];
}

export interface AllocationSite {
  /** The normalised name of the function the site is in, as DHAT names it. */
  function: string;
  file: string;
  line: number;
  allocations: number;
  bytes: number;
}

/** What tells two allocation sites apart: the function and its file and line. */
export function siteKey(site: Pick<AllocationSite, 'function' | 'file' | 'line'>): string {
  return `${site.function} (${site.file}:${site.line})`;
}

/** What names a benchmark that is a whole program: the target and its name are one. */
export function wholeProgram(name: string): Pick<BenchmarkProfile, 'name' | 'target' | 'harness'> {
  return { name, target: name, harness: 'plain' };
}

/**
 * A benchmark's functions as a comparison reads them, one column at a time: backed by
 * `FunctionProfile` objects (a profile.json) or by normalised columns (a raw Cachegrind file,
 * whose hundreds of thousands of functions then never become objects).
 */
export interface FunctionTable {
  readonly length: number;
  name(index: number): string;
  file(index: number): string;
  line(index: number): number;
  /** Every function's count of `event`, by index; 0 where it has none. */
  countsOf(event: string): ArrayLike<number>;
  /** True when no two functions have the same name, as normalisation's columns. */
  readonly distinctNames?: boolean;
}

/** A benchmark as `compareProfiles` reads it: its functions as objects or as a table. */
export interface ComparableBenchmark extends Omit<BenchmarkProfile, 'functions'> {
  functions: FunctionProfile[] | FunctionTable;
}

/** A profile document as `compareProfiles` reads it; every `ProfileDocument` is one. */
export interface ComparableDocument extends Omit<ProfileDocument, 'benchmarks'> {
  benchmarks: ComparableBenchmark[];
}

/** The symbol mangling schemes rustc knows. */
export const MANGLINGS = ['v0', 'legacy'] as const;
export type Mangling = (typeof MANGLINGS)[number];

/** Everything that decides whether two profiles can be compared count for count. */
export interface Fingerprint {
  /** e.g. `3.19.0` */
  valgrind: string;
  /** `rustc -vV` output, trimmed. */
  rustc: string;
  /** Target triple, e.g. `x86_64-unknown-linux-gnu`. */
  target: string;
  /** The rustflags the benchmarks were built with, as passed to rustc. */
  rustflags: string[];
  mangling: Mangling;
  /**
   * Cargo profile settings given through the environment (`CARGO_PROFILE_BENCH_OPT_LEVEL=1`),
   * sorted; absent when there are none. They change the code as much as rustflags do.
   */
  codegen?: string[];
  /** How many times each benchmark ran. */
  runs: number;
}

export interface ProfileDocument {
  version: typeof PROFILE_VERSION;
  /** Tool that wrote it, e.g. `rust-perf 0.1.0`. */
  tool: string;
  /** Commit measured, when known. */
  commit?: string;
  createdAt: string;
  fingerprint: Fingerprint;
  /** Set when the document holds one shard's share of the benchmarks (`rust-perf merge` joins them). */
  shard?: ShardSpec;
  /**
   * A baseline's memory of the baselines saved before it, oldest first, at most HISTORY_LENGTH:
   * the trend of each benchmark, with no storage but the baseline itself.
   */
  history?: HistoryEntry[];
  benchmarks: BenchmarkProfile[];
}

/** How many earlier baselines a baseline carries the totals of. */
export const HISTORY_LENGTH = 30;

/** The event a history records: instructions. */
export const HISTORY_EVENT = 'Ir';

/** An earlier baseline as a later one remembers it. */
export interface HistoryEntry {
  commit?: string;
  createdAt: string;
  /** Benchmark name → its total of HISTORY_EVENT. */
  totals: Record<string, number>;
}

/** Every field of a fingerprint, in the order a document lists them. */
export const FINGERPRINT_FIELDS = [
  'valgrind',
  'rustc',
  'target',
  'rustflags',
  'mangling',
  'runs',
] as const satisfies readonly (keyof Fingerprint)[];

/** The fields of the fingerprint that must be equal for counts to be comparable. */
export const COMPARABLE_FINGERPRINT_FIELDS = [
  'valgrind',
  'rustc',
  'target',
  'rustflags',
  'mangling',
  'codegen',
] as const satisfies readonly (keyof Fingerprint)[];
