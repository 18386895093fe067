/**
 * One part of a Callgrind file as it is read: its functions with their self costs and the
 * calls between them, collected line by line and handed over as columns when the part ends.
 */
import type { CallEdges, ParsedFunctions, ParsedProfile } from './parse.js';

export type { CallEdges } from './parse.js';

/** One dump of a Callgrind file: with --dump-after, what one benchmark ran. */
export interface CallgrindPart {
  /** The number of its `part:` line; 1 in a file without one. */
  part: number;
  /** What made Callgrind dump it (`desc: Trigger:`), such as `--dump-after=<function>`. */
  trigger: string;
  /** The functions with their self costs and calls; `totals` is the part's `totals:` line. */
  profile: ParsedProfile & { calls: CallEdges };
}

/** A position's line, below 2^32, and its file's index make one number: the key of a line. */
const LINES_PER_FILE = 2 ** 32;

export class CallgrindPartBuilder {
  readonly #isOwnFile: (path: string) => boolean;
  readonly #width: number;
  readonly #fileIndexByPath = new Map<string, number>();
  readonly #filePaths: string[] = [];
  readonly #filesOwn: boolean[] = [];
  readonly #functionIndexByName = new Map<string, number>();
  readonly #names: string[] = [];
  /** The file a function was named in, its file when none of its lines has a cost. */
  readonly #namedIn: number[] = [];
  /**
   * Per function, the primary-event cost of each of its lines by line key: Callgrind writes
   * a line once per basic block and call context, so one line's cost is spread over several.
   */
  readonly #lineCosts: (Map<number, number> | undefined)[] = [];
  readonly #counts: number[] = [];
  /** Per caller, the index of its edge to each callee. */
  readonly #edgesFrom: (Map<number, number> | undefined)[] = [];
  readonly #callers: number[] = [];
  readonly #callees: number[] = [];
  readonly #calls: number[] = [];
  readonly #edgeCounts: number[] = [];

  /** `isOwnFile` is asked once per distinct path of the part. */
  constructor(events: number, isOwnFile: (path: string) => boolean) {
    this.#width = events;
    this.#isOwnFile = isOwnFile;
  }

  /** The index of a source file, for `functionIndex` and `addSelfCost`. */
  fileIndex(path: string): number {
    let index = this.#fileIndexByPath.get(path);
    if (index === undefined) {
      index = this.#filePaths.length;
      this.#fileIndexByPath.set(path, index);
      this.#filePaths.push(path);
      this.#filesOwn.push(this.#isOwnFile(path));
    }
    return index;
  }

  /** The index of the function with this name, added with no cost when it is new. */
  functionIndex(name: string, file: number): number {
    let index = this.#functionIndexByName.get(name);
    if (index === undefined) {
      index = this.#names.length;
      this.#functionIndexByName.set(name, index);
      this.#names.push(name);
      this.#namedIn.push(file);
      this.#lineCosts.push(undefined);
      this.#edgesFrom.push(undefined);
      for (let event = 0; event < this.#width; event++) this.#counts.push(0);
    }
    return index;
  }

  addSelfCost(fn: number, file: number, line: number, costs: Float64Array): void {
    const base = fn * this.#width;
    for (let event = 0; event < this.#width; event++) this.#counts[base + event]! += costs[event]!;
    let lines = this.#lineCosts[fn];
    if (lines === undefined) {
      lines = new Map();
      this.#lineCosts[fn] = lines;
    }
    const key = file * LINES_PER_FILE + line;
    lines.set(key, (lines.get(key) ?? 0) + costs[0]!);
  }

  addCall(caller: number, callee: number, calls: number, costs: Float64Array): void {
    let edges = this.#edgesFrom[caller];
    if (edges === undefined) {
      edges = new Map();
      this.#edgesFrom[caller] = edges;
    }
    let edge = edges.get(callee);
    if (edge === undefined) {
      edge = this.#callers.length;
      edges.set(callee, edge);
      this.#callers.push(caller);
      this.#callees.push(callee);
      this.#calls.push(0);
      for (let event = 0; event < this.#width; event++) this.#edgeCounts.push(0);
    }
    this.#calls[edge]! += calls;
    const base = edge * this.#width;
    for (let event = 0; event < this.#width; event++)
      this.#edgeCounts[base + event]! += costs[event]!;
  }

  /** The self costs of every function added up, per event. */
  selfTotals(): number[] {
    const totals = new Array<number>(this.#width).fill(0);
    this.#counts.forEach((count, index) => {
      totals[index % this.#width]! += count;
    });
    return totals;
  }

  /** The largest number among the calls' counts and inclusive costs, to check it is exact. */
  largestCallNumber(): number {
    let largest = 0;
    for (const count of this.#calls) largest = Math.max(largest, count);
    for (const count of this.#edgeCounts) largest = Math.max(largest, count);
    return largest;
  }

  build(part: number, trigger: string, profile: Omit<ParsedProfile, 'functions'>): CallgrindPart {
    const calls: CallEdges = {
      length: this.#callers.length,
      callers: Uint32Array.from(this.#callers),
      callees: Uint32Array.from(this.#callees),
      calls: Float64Array.from(this.#calls),
      counts: Float64Array.from(this.#edgeCounts),
    };
    return { part, trigger, profile: { ...profile, functions: this.#functions(), calls } };
  }

  #functions(): ParsedFunctions {
    const files: string[] = [];
    const lines = new Float64Array(this.#names.length);
    this.#names.forEach((_, fn) => {
      const key = this.#bestLine(fn);
      if (key === undefined) {
        files.push(this.#filePaths[this.#namedIn[fn]!]!);
      } else {
        files.push(this.#filePaths[Math.floor(key / LINES_PER_FILE)]!);
        lines[fn] = key % LINES_PER_FILE;
      }
    });
    return {
      length: this.#names.length,
      names: this.#names,
      files,
      lines,
      counts: Float64Array.from(this.#counts),
    };
  }

  /**
   * The key of the function's line with the largest primary-event cost among its lines in the
   * user's own files, or among all its lines when none is; the first such line on a tie.
   */
  #bestLine(fn: number): number | undefined {
    let best: number | undefined;
    let bestOwn = false;
    let bestCost = -1;
    for (const [key, cost] of this.#lineCosts[fn] ?? []) {
      const own = this.#filesOwn[Math.floor(key / LINES_PER_FILE)]!;
      if ((own && !bestOwn) || (own === bestOwn && cost > bestCost)) {
        best = key;
        bestOwn = own;
        bestCost = cost;
      }
    }
    return best;
  }
}

/**
 * A Callgrind file's parts as one profile: what the whole run counted. Functions and calls of
 * the same names are summed; a function's file and line are those of the part where it cost most.
 */
export function mergeParts(parts: readonly CallgrindPart[]): ParsedProfile & { calls: CallEdges } {
  const [first, ...others] = parts;
  if (first === undefined) throw new Error('mergeParts: no parts');
  if (others.length === 0) return first.profile;
  const { events, command } = first.profile;
  const width = events.length;
  const indexOf = new Map<string, number>();
  const names: string[] = [];
  const files: string[] = [];
  const lines: number[] = [];
  const counts: number[] = [];
  const locationCost: number[] = [];
  const totals = new Array<number>(width).fill(0);
  const calls: { caller: number; callee: number; calls: number; counts: number[] }[] = [];
  const callOf = new Map<string, number>();
  for (const { profile } of parts) {
    const { functions, calls: edges } = profile;
    profile.totals.forEach((total, event) => {
      totals[event]! += total;
    });
    const merged = functions.names.map((name, fn) => {
      let index = indexOf.get(name);
      if (index === undefined) {
        index = names.length;
        indexOf.set(name, index);
        names.push(name);
        files.push(functions.files[fn]!);
        lines.push(functions.lines[fn]!);
        locationCost.push(-1);
        for (let event = 0; event < width; event++) counts.push(0);
      }
      const own = functions.counts[fn * width] ?? 0;
      if (own > locationCost[index]!) {
        files[index] = functions.files[fn]!;
        lines[index] = functions.lines[fn]!;
        locationCost[index] = own;
      }
      for (let event = 0; event < width; event++) {
        counts[index * width + event]! += functions.counts[fn * width + event]!;
      }
      return index;
    });
    for (let edge = 0; edge < edges.length; edge++) {
      const caller = merged[edges.callers[edge]!]!;
      const callee = merged[edges.callees[edge]!]!;
      const key = `${caller} ${callee}`;
      let call = callOf.get(key);
      if (call === undefined) {
        call = calls.length;
        callOf.set(key, call);
        calls.push({ caller, callee, calls: 0, counts: new Array<number>(width).fill(0) });
      }
      calls[call]!.calls += edges.calls[edge]!;
      for (let event = 0; event < width; event++) {
        calls[call]!.counts[event]! += edges.counts[edge * width + event]!;
      }
    }
  }
  return {
    command,
    events,
    totals,
    functions: {
      length: names.length,
      names,
      files,
      lines: Float64Array.from(lines),
      counts: Float64Array.from(counts),
    },
    calls: {
      length: calls.length,
      callers: Uint32Array.from(calls, (call) => call.caller),
      callees: Uint32Array.from(calls, (call) => call.callee),
      calls: Float64Array.from(calls, (call) => call.calls),
      counts: Float64Array.from(calls.flatMap((call) => call.counts)),
    },
  };
}
