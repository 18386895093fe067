/**
 * One part of a Callgrind file as it is read: its functions with their self costs and the
 * calls between them, collected line by line and handed over as columns when the part ends.
 */
import type { ParsedFunctions, ParsedProfile } from './parse.js';

/**
 * The calls between a part's functions, column by column: edge `i` is the calls from function
 * `callers[i]` to function `callees[i]` (indices into the profile's functions), made
 * `calls[i]` times. Calls between the same two functions are one edge, their counts summed.
 */
export interface CallEdges {
  /** How many edges: the length of `callers`, `callees` and `calls`. */
  length: number;
  callers: Uint32Array;
  callees: Uint32Array;
  calls: Float64Array;
  /**
   * The calls' inclusive cost (the callee and everything it called), `events.length` counts
   * per edge: edge `i`'s are `counts[i * events.length ...]`, aligned with the profile's events.
   */
  counts: Float64Array;
}

/** One dump of a Callgrind file: with --dump-after, what one benchmark ran. */
export interface CallgrindPart {
  /** The number of its `part:` line; 1 in a file without one. */
  part: number;
  /** What made Callgrind dump it (`desc: Trigger:`), such as `--dump-after=<function>`. */
  trigger: string;
  /** The functions with their self costs; `totals` is the part's `totals:` line. */
  profile: ParsedProfile;
  calls: CallEdges;
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
    return {
      part,
      trigger,
      profile: { ...profile, functions: this.#functions() },
      calls: {
        length: this.#callers.length,
        callers: Uint32Array.from(this.#callers),
        callees: Uint32Array.from(this.#callees),
        calls: Float64Array.from(this.#calls),
        counts: Float64Array.from(this.#edgeCounts),
      },
    };
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
