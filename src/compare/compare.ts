/**
 * Compares two profile documents benchmark by benchmark and function by function. Pure: the
 * same Comparison feeds every renderer, the action's outputs and the JSON report.
 */
import { InputError } from '../errors.js';
import { type BenchmarkLimits, type Limits, limitsFor } from '../inputs/limits-file.js';
import { FunctionColumns } from '../measure/normalise.js';
import { benchmarkTrend } from '../profile/history.js';
import type {
  ComparableBenchmark,
  ComparableDocument,
  Fingerprint,
  FunctionProfile,
  FunctionTable,
} from '../profile/profile.js';
import { COMPARABLE_FINGERPRINT_FIELDS, countOf } from '../profile/profile.js';
import { compareText } from '../system/text-order.js';
import { compareAllocations } from './allocations.js';
import { addCallContext, callGraphSide } from './call-context.js';
import { benchmarkStatus, percentChange, reachesFraction } from './change.js';
import {
  ALLOCATION_BUDGET_KEYS,
  type AllocationBudgetKey,
  type AllocationComparison,
  type BenchmarkComparison,
  benchmarkFails,
  COMPARISON_VERSION,
  type Comparison,
  type ExceededBudget,
  type FingerprintDifference,
  type FunctionChange,
  type FunctionStatus,
  type ProfileSide,
} from './comparison.js';

export interface CompareOptions {
  /** A benchmark regresses (improves) when its total grows (shrinks) by more than this fraction. */
  threshold: number;
  /** A function's change is significant from this fraction of its benchmark's total on. */
  functionThreshold: number;
  /** A benchmark's allocations regress (improve) when their count changes by more than this. */
  allocationThreshold?: number;
  /** Per-benchmark thresholds, ignores and budgets (rust-perf.toml), over the two above. */
  limits?: Limits;
}

/** Any increase in allocations is listed; beyond 1% more it is a regression. */
export const DEFAULT_ALLOCATION_THRESHOLD = 0.01;

const PREFERRED_EVENT = 'Ir';

/**
 * Cost that leaves one function and reappears in another within this fraction of the amount
 * (or within the function threshold) is taken as moved by an inlining decision.
 */
const MOVE_TOLERANCE = 0.05;

export function compareProfiles(
  base: ComparableDocument,
  head: ComparableDocument,
  options: CompareOptions,
): Comparison {
  const event = primaryEvent(base, head);
  const headByName = new Map(head.benchmarks.map((benchmark) => [benchmark.name, benchmark]));
  const baseNames = new Set(base.benchmarks.map((benchmark) => benchmark.name));
  const withTrend = (benchmark: BenchmarkComparison): BenchmarkComparison => {
    const trend = benchmarkTrend(base.history, benchmark.name);
    return trend.length === 0 || benchmark.base === null ? benchmark : { ...benchmark, trend };
  };
  const benchmarks = groupedByTarget([
    ...base.benchmarks.map((benchmark) =>
      withTrend(compareBenchmark(benchmark, headByName.get(benchmark.name), event, options)),
    ),
    ...head.benchmarks
      .filter((benchmark) => !baseNames.has(benchmark.name))
      .map((benchmark) => compareBenchmark(undefined, benchmark, event, options)),
  ]);
  const comparesAllocations = benchmarks.some((benchmark) => benchmark.allocations !== undefined);
  const unmeasured = allocationsUnmeasured(base, head);
  return {
    version: COMPARISON_VERSION,
    regressed: benchmarks.some(benchmarkFails),
    event,
    threshold: options.threshold,
    functionThreshold: options.functionThreshold,
    ...(comparesAllocations ? { allocationThreshold: allocationThreshold(options) } : {}),
    ...(unmeasured === undefined ? {} : { allocationsUnmeasured: unmeasured }),
    base: profileSide(base),
    head: profileSide(head),
    fingerprintDifferences: fingerprintDifferences(base.fingerprint, head.fingerprint),
    ...(options.limits?.entries.length ? { limits: options.limits.source } : {}),
    ...(head.shard === undefined ? {} : { shard: head.shard }),
    benchmarks,
  };
}

/** The side without allocations when the other measured them, else undefined. */
function allocationsUnmeasured(
  base: ComparableDocument,
  head: ComparableDocument,
): 'base' | 'head' | undefined {
  const measured = (document: ComparableDocument) =>
    document.benchmarks.some((benchmark) => benchmark.allocations !== undefined);
  if (measured(base) === measured(head)) return undefined;
  return measured(base) ? 'head' : 'base';
}

function allocationThreshold(options: CompareOptions): number {
  return options.allocationThreshold ?? DEFAULT_ALLOCATION_THRESHOLD;
}

/** `Ir` when every benchmark on both sides recorded it, else the first event they all share. */
function primaryEvent(base: ComparableDocument, head: ComparableDocument): string {
  const all = [...base.benchmarks, ...head.benchmarks];
  const first = all[0];
  if (!first) return PREFERRED_EVENT;
  const shared = first.events.filter((event) =>
    all.every((benchmark) => benchmark.events.includes(event)),
  );
  if (shared.includes(PREFERRED_EVENT)) return PREFERRED_EVENT;
  const fallback = shared[0];
  if (fallback === undefined) {
    throw new InputError(
      'The two profiles have no valgrind event in common, so their counts cannot be compared.',
      'Measure both with the same valgrind tool and options (rust-perf measure records `Ir`, instructions).',
    );
  }
  return fallback;
}

function profileSide(profile: ComparableDocument): ProfileSide {
  return profile.commit === undefined
    ? { fingerprint: profile.fingerprint }
    : { commit: profile.commit, fingerprint: profile.fingerprint };
}

/** 'unknown' marks a value a raw valgrind file cannot tell: it never counts as a difference. */
const UNKNOWN = 'unknown';

function fingerprintDifferences(base: Fingerprint, head: Fingerprint): FingerprintDifference[] {
  // A raw Cachegrind or Callgrind input knows none of its toolchain; its rustflags and mangling
  // are guesses.
  if (isRawInput(base) || isRawInput(head)) return [];
  const differences: FingerprintDifference[] = [];
  for (const field of COMPARABLE_FINGERPRINT_FIELDS) {
    const baseValue = fingerprintValue(base, field);
    const headValue = fingerprintValue(head, field);
    if (baseValue === UNKNOWN || headValue === UNKNOWN || baseValue === headValue) continue;
    differences.push({ field, base: baseValue, head: headValue });
  }
  return differences;
}

function isRawInput(fingerprint: Fingerprint): boolean {
  return [fingerprint.valgrind, fingerprint.rustc, fingerprint.target].every(
    (value) => value === UNKNOWN,
  );
}

function fingerprintValue(
  fingerprint: Fingerprint,
  field: (typeof COMPARABLE_FINGERPRINT_FIELDS)[number],
): string {
  const value = fingerprint[field] ?? [];
  return Array.isArray(value) ? value.join(' ') : value;
}

/**
 * Every target's benchmarks together, so that every renderer lists them so: targets in the
 * order they first appear (the base's order, then new ones), benchmarks in order within each.
 */
function groupedByTarget(benchmarks: BenchmarkComparison[]): BenchmarkComparison[] {
  const byTarget = new Map<string, BenchmarkComparison[]>();
  for (const benchmark of benchmarks) {
    const group = byTarget.get(benchmark.target);
    if (group) group.push(benchmark);
    else byTarget.set(benchmark.target, [benchmark]);
  }
  return [...byTarget.values()].flat();
}

function compareBenchmark(
  base: ComparableBenchmark | undefined,
  head: ComparableBenchmark | undefined,
  event: string,
  options: CompareOptions,
): BenchmarkComparison {
  const { name, target, id, harness } = (head ?? base)!;
  const baseTotal = base ? (countOf(base.totals, event) ?? 0) : null;
  const headTotal = head ? (countOf(head.totals, event) ?? 0) : null;
  const limits = limitsFor(options.limits, name);
  const baseTable = functionTable(base?.functions ?? []);
  const headTable = functionTable(head?.functions ?? []);
  const overInstructions = head ? exceededBudgets(headTable, headTotal!, event, limits) : [];
  const overAllocations = head ? exceededAllocationBudgets(head, limits) : [];
  const overBudget = [...overInstructions, ...overAllocations];
  const byThreshold = benchmarkStatus(baseTotal, headTotal, limits.threshold ?? options.threshold);
  // A budget is absolute: a benchmark over it regressed, whatever its change.
  const status = overInstructions.length > 0 && baseTotal !== null ? 'regressed' : byThreshold;
  // Function significance is measured against the base total, or the head total for a new
  // benchmark.
  const reference = baseTotal ?? headTotal ?? 0;
  const noisy = new Set([...(base?.nondeterministic ?? []), ...(head?.nondeterministic ?? [])]);
  const functions = new FunctionPairs(baseTable, headTable, event).changes(
    noisy,
    reference,
    options.functionThreshold,
  );
  // A move is only claimed when the total says no cost was gained or lost overall.
  if (status === 'unchanged') markMoves(functions, reference, options.functionThreshold);
  if (functions.length > 0) {
    addCallContext(
      functions,
      { name, status },
      base ? callGraphSide(base, baseTable, event, baseTotal!) : null,
      head ? callGraphSide(head, headTable, event, headTotal!) : null,
    );
  }
  const allocations = withAllocationBudgets(
    compareAllocations(base, head, limits.allocationThreshold ?? allocationThreshold(options)),
    overAllocations.length > 0,
  );
  const unchecked = head === undefined ? [] : uncheckedBudgets(head, limits);
  return {
    name,
    target,
    ...(id === undefined ? {} : { id }),
    harness,
    status,
    base: baseTotal,
    head: headTotal,
    change: percentChange(baseTotal, headTotal),
    otherEvents: otherEvents(base, head, event),
    functions,
    ...(allocations === undefined ? {} : { allocations }),
    ...(limits.threshold === undefined ? {} : { threshold: limits.threshold }),
    ...(limits.allocationThreshold === undefined
      ? {}
      : { allocationThreshold: limits.allocationThreshold }),
    ...(limits.ignore ? { ignored: true as const } : {}),
    ...(overBudget.length > 0 ? { overBudget } : {}),
    ...(unchecked.length > 0 ? { uncheckedBudgets: unchecked } : {}),
  };
}

/** The allocation budgets of `limits` the head exceeds; none where it measured no allocations. */
function exceededAllocationBudgets(
  head: ComparableBenchmark,
  limits: BenchmarkLimits,
): ExceededBudget[] {
  const measured = head.allocations;
  if (measured === undefined) return [];
  const budgets = [
    ['allocations', limits.maxAllocations, measured.allocations],
    ['bytes', limits.maxAllocatedBytes, measured.bytes],
  ] as const;
  return budgets.flatMap(([metric, limit, count]) =>
    limit !== undefined && count > limit ? [{ metric, limit, count }] : [],
  );
}

/** The allocation budgets of `limits` that a head without allocations measured cannot be held to. */
function uncheckedBudgets(
  head: ComparableBenchmark,
  limits: BenchmarkLimits,
): AllocationBudgetKey[] {
  if (head.allocations !== undefined) return [];
  const set = {
    'max-allocations': limits.maxAllocations,
    'max-allocated-bytes': limits.maxAllocatedBytes,
  };
  return ALLOCATION_BUDGET_KEYS.filter((key) => set[key] !== undefined);
}

/** A budget of allocations is absolute: over it, the allocations regressed, whatever their change. */
function withAllocationBudgets(
  allocations: AllocationComparison | undefined,
  overBudget: boolean,
): AllocationComparison | undefined {
  if (allocations === undefined || !overBudget || allocations.base === null) return allocations;
  return { ...allocations, status: 'regressed' };
}

/** The budgets of `limits` the head's total and functions (`table`) exceed. */
function exceededBudgets(
  table: FunctionTable,
  total: number,
  event: string,
  limits: BenchmarkLimits,
): ExceededBudget[] {
  const exceeded: ExceededBudget[] = [];
  if (limits.maxInstructions !== undefined && total > limits.maxInstructions) {
    exceeded.push({ limit: limits.maxInstructions, count: total });
  }
  if (limits.functionBudgets.length === 0) return exceeded;
  const counts = table.countsOf(event);
  for (let index = 0; index < table.length; index++) {
    const name = table.name(index);
    const budget = limits.functionBudgets.findLast((candidate) => candidate.matches(name));
    if (budget !== undefined && counts[index]! > budget.maxInstructions) {
      exceeded.push({ function: name, limit: budget.maxInstructions, count: counts[index]! });
    }
  }
  return exceeded;
}

function otherEvents(
  base: ComparableBenchmark | undefined,
  head: ComparableBenchmark | undefined,
  primary: string,
): BenchmarkComparison['otherEvents'] {
  const events = [...(base?.events ?? []), ...(head?.events ?? [])].filter(
    (event, index, all) => event !== primary && all.indexOf(event) === index,
  );
  return Object.fromEntries(
    events.map((event) => [
      event,
      {
        base: base ? (countOf(base.totals, event) ?? null) : null,
        head: head ? (countOf(head.totals, event) ?? null) : null,
      },
    ]),
  );
}

/** Reads `FunctionProfile` objects as a table, to compare them like any other functions. */
function functionTable(functions: FunctionProfile[] | FunctionTable): FunctionTable {
  if (!Array.isArray(functions)) return functions;
  return {
    length: functions.length,
    name: (index) => functions[index]!.name,
    file: (index) => functions[index]!.file,
    line: (index) => functions[index]!.line,
    countsOf: (event) => functions.map((fn) => countOf(fn.counts, event) ?? 0),
  };
}

/** No function of that name on a side. */
const NONE = -1;

/**
 * How far ahead in the base `FunctionPairs` looks for the next head function's name: a few
 * functions added or removed between two others do not break the pairing in order.
 */
const LOOKAHEAD = 8;

/** One side of `FunctionPairs`: by slot, the summed count and where the cost sits. */
interface Side {
  table: FunctionTable;
  counts: Float64Array;
  /** Index in `table` of the function whose location is reported, or NONE. */
  locations: Int32Array;
}

/**
 * Pairs the functions of a benchmark's two sides by name, giving each name a slot and each side
 * a column by slot, so that a function costs array slots, not objects of its own: most of a
 * large profile is unchanged, and only changed functions become objects.
 *
 * Two profiles of the same program list their functions in much the same order (Cachegrind
 * writes them sorted by file and name), so where both sides' names are distinct each head
 * function is first looked for among the next few base functions: a name found so is in no other
 * function of either side, and needs no hashing. The rest are paired in one Map for both sides.
 *
 * Should a name occur twice on one side, its costs are added up (both entries are the same
 * function as far as a reader of the report can tell), and the location is the entry whose
 * count exceeds what was added up before it.
 */
class FunctionPairs {
  readonly #slotByName = new Map<string, number>();
  #slots = 0;
  readonly #base: Side;
  readonly #head: Side;

  constructor(base: FunctionTable, head: FunctionTable, event: string) {
    const baseSlots = new Int32Array(base.length).fill(NONE);
    const headSlots = new Int32Array(head.length).fill(NONE);
    if (base.distinctNames && head.distinctNames) {
      this.#pairInOrder(base, head, baseSlots, headSlots);
    }
    this.#lookUp(base, baseSlots);
    this.#lookUp(head, headSlots);
    this.#base = sideBySlot(base, baseSlots, event, this.#slots);
    this.#head = sideBySlot(head, headSlots, event, this.#slots);
  }

  /**
   * Gives a slot to each head function whose name is that of one of the next `LOOKAHEAD` base
   * functions after the last one paired so, and to that base function. Only for sides whose
   * names are distinct, and only for a name that pairs as itself (not `???`, not an address,
   * which pair as one).
   */
  #pairInOrder(
    base: FunctionTable,
    head: FunctionTable,
    baseSlots: Int32Array,
    headSlots: Int32Array,
  ): void {
    const partners = partnersInOrder(base, head);
    for (let index = 0; index < partners.length; index++) {
      const partner = partners[index]!;
      if (partner === NONE) continue;
      const slot = this.#slots++;
      baseSlots[partner] = slot;
      headSlots[index] = slot;
    }
  }

  /** Gives every function of `table` not yet in a slot the slot of its name. */
  #lookUp(table: FunctionTable, slots: Int32Array): void {
    for (let index = 0; index < table.length; index++) {
      if (slots[index] !== NONE) continue;
      const name = pairingName(table.name(index));
      let slot = this.#slotByName.get(name);
      if (slot === undefined) {
        slot = this.#slots++;
        this.#slotByName.set(name, slot);
      }
      slots[index] = slot;
    }
  }

  /** Every function whose count differs between the sides, largest change first. */
  changes(noisy: Set<string>, reference: number, functionThreshold: number): FunctionChange[] {
    const changes: FunctionChange[] = [];
    for (let slot = 0; slot < this.#slots; slot++) {
      const baseCount = this.#base.counts[slot]!;
      const headCount = this.#head.counts[slot]!;
      const delta = headCount - baseCount;
      if (delta === 0) continue;
      const before = this.#base.locations[slot]!;
      const after = this.#head.locations[slot]!;
      // Every slot has a function on at least one side, both of the slot's name.
      const [table, index] =
        after === NONE ? [this.#base.table, before] : [this.#head.table, after];
      const name = pairingName(table.name(index));
      const deterministic = !noisy.has(name);
      const significant =
        deterministic && reachesFraction(Math.abs(delta), reference, functionThreshold);
      changes.push({
        name,
        file: table.file(index),
        line: table.line(index),
        base: baseCount,
        head: headCount,
        delta,
        change: percentChange(baseCount, headCount),
        status: functionStatus(before !== NONE, after !== NONE, deterministic, significant, delta),
        significant,
      });
    }
    return changes.sort(byMagnitude);
  }
}

/**
 * For each head function, the base function of the same name among the next `LOOKAHEAD` after
 * the last one found so, or NONE; a name that does not pair as itself (`???`, an address) is
 * not looked for. Names both sides keep as bytes are compared as bytes, so that they need not be
 * decoded; there every name that starts as `???` or an address does is left to the `Map`,
 * which pairs them exactly as their strings would.
 */
function partnersInOrder(base: FunctionTable, head: FunctionTable): Int32Array {
  const baseNames = base instanceof FunctionColumns ? base.encodedNames : undefined;
  const headNames = head instanceof FunctionColumns ? head.encodedNames : undefined;
  if (baseNames !== undefined && headNames !== undefined) {
    return headNames.partnersInOrder(baseNames, LOOKAHEAD, [ADDRESS_PREFIX, UNNAMED]);
  }
  const partners = new Int32Array(head.length).fill(NONE);
  let next = 0;
  for (let index = 0; index < partners.length; index++) {
    const name = head.name(index);
    if (name === UNNAMED || pairingName(name) !== name) continue;
    const end = Math.min(base.length, next + LOOKAHEAD);
    for (let candidate = next; candidate < end; candidate++) {
      if (base.name(candidate) !== name) continue;
      partners[index] = candidate;
      next = candidate + 1;
      break;
    }
  }
  return partners;
}

/** One side's counts and locations by slot, from the slot of each of its functions. */
function sideBySlot(table: FunctionTable, slotOf: Int32Array, event: string, slots: number): Side {
  const side: Side = {
    table,
    counts: new Float64Array(slots),
    locations: new Int32Array(slots).fill(NONE),
  };
  const counts = table.countsOf(event);
  for (let index = 0; index < table.length; index++) {
    const slot = slotOf[index]!;
    const count = counts[index]!;
    if (side.locations[slot] === NONE || count > side.counts[slot]!) side.locations[slot] = index;
    side.counts[slot]! += count;
  }
  return side;
}

function functionStatus(
  inBase: boolean,
  inHead: boolean,
  deterministic: boolean,
  significant: boolean,
  delta: number,
): FunctionStatus {
  if (!deterministic) return 'noisy';
  if (!inBase) return 'added';
  if (!inHead) return 'removed';
  if (!significant) return 'unchanged';
  return delta > 0 ? 'regressed' : 'improved';
}

/** Callgrind's name for code without a symbol: its address, which moves between builds. */
const ADDRESS = /^0x[0-9a-f]+$/;
const ADDRESS_PREFIX = '0x';
/** What code without a symbol is called, as Cachegrind names it. */
const UNNAMED = '???';

/**
 * The name a function is paired by: code without a symbol is one unnamed function, `???`, as
 * Cachegrind names it, since its address would pair nothing between two builds.
 */
function pairingName(name: string): string {
  return name.startsWith(ADDRESS_PREFIX) && ADDRESS.test(name) ? UNNAMED : name;
}

function byMagnitude(a: FunctionChange, b: FunctionChange): number {
  const difference = Math.abs(b.delta) - Math.abs(a.delta);
  if (difference !== 0) return difference;
  return compareText(a.name, b.name);
}

/**
 * Pairs each significant loss of cost with the significant gain closest to it in size (and the
 * other way round), largest first. A paired function is reported as moved, not as a regression
 * or an improvement: inlining decisions shift cost between functions without changing the work.
 */
function markMoves(changes: FunctionChange[], reference: number, functionThreshold: number): void {
  const significant = changes.filter((change) => change.significant);
  const losses = significant.filter((change) => change.delta < 0).reverse();
  const gains = significant.filter((change) => change.delta > 0).reverse();
  const paired = new Set<FunctionChange>();
  const floor = functionThreshold * reference;
  for (const anchor of significant) {
    if (paired.has(anchor)) continue;
    const size = Math.abs(anchor.delta);
    const tolerance = Math.max(size * MOVE_TOLERANCE, floor);
    const partner = closestUnpaired(anchor.delta < 0 ? gains : losses, size, tolerance, paired);
    if (!partner) continue;
    paired.add(anchor);
    paired.add(partner);
    const [from, to] = anchor.delta < 0 ? [anchor, partner] : [partner, anchor];
    from.movedTo = [to.name];
    to.movedFrom = [from.name];
    for (const change of [from, to]) {
      change.significant = false;
      if (change.status === 'regressed' || change.status === 'improved') {
        change.status = 'unchanged';
      }
    }
  }
}

/**
 * The unpaired change in `ascending` (sorted by |delta|, smallest first) whose |delta| is
 * nearest to `size`, if it is within `tolerance`; the first found wins a tie.
 */
function closestUnpaired(
  ascending: FunctionChange[],
  size: number,
  tolerance: number,
  paired: Set<FunctionChange>,
): FunctionChange | undefined {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (Math.abs(ascending[middle]!.delta) < size) low = middle + 1;
    else high = middle;
  }
  let above = low;
  let below = low - 1;
  while (above < ascending.length && paired.has(ascending[above]!)) above++;
  while (below >= 0 && paired.has(ascending[below]!)) below--;
  const up = ascending[above];
  const down = ascending[below];
  const upDistance = up ? Math.abs(up.delta) - size : Number.POSITIVE_INFINITY;
  const downDistance = down ? size - Math.abs(down.delta) : Number.POSITIVE_INFINITY;
  const [best, distance] = upDistance <= downDistance ? [up, upDistance] : [down, downDistance];
  return best && distance <= tolerance ? best : undefined;
}
