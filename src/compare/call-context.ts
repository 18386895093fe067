/**
 * Where a changed function sits in its benchmark's call graph (Callgrind's calls between
 * functions): its inclusive cost on each side, the path of the workspace's own functions from
 * the benchmark down to it, and, when it was called more often, the caller that called it more.
 * A reader then sees which of their functions to look at, not only the leaf whose cost changed.
 */
import { inclusiveCosts } from '../profile/call-graph.js';
import type { FunctionCall, FunctionTable } from '../profile/profile.js';
import { compareText } from '../system/text-order.js';
import type { BenchmarkStatus, FunctionChange } from './comparison.js';

/** One side's call graph, indexed by function name. */
export interface CallGraphSide {
  inclusive: Map<string, number>;
  /** Where each function's cost sits (as in the profile). */
  files: Map<string, string>;
  /** Each function's calls from other functions. */
  callers: Map<string, FunctionCall[]>;
  /**
   * Whether the calls' counts are the benchmark's own. Callgrind counts every call, collecting
   * or not, so in a part cut from a harness's run (a benchmark with an id) a count also holds the
   * harness's calls since the previous part, outside the routine; its costs are the routine's.
   */
  countsAreOwn: boolean;
}

/**
 * The call graph of one side of a benchmark, when it has one of `event`: a graph's inclusive
 * costs are of the benchmark's primary (first) event only.
 */
export function callGraphSide(
  benchmark: { events: string[]; calls?: readonly FunctionCall[]; id?: string },
  table: FunctionTable,
  event: string,
  total: number,
): CallGraphSide | undefined {
  const { calls } = benchmark;
  if (calls === undefined || benchmark.events[0] !== event) return undefined;
  const counts = table.countsOf(event);
  const functions = Array.from({ length: table.length }, (_, index) => ({
    name: table.name(index),
    self: counts[index]!,
  }));
  const files = new Map<string, string>();
  for (let index = 0; index < table.length; index++) {
    if (!files.has(table.name(index))) files.set(table.name(index), table.file(index));
  }
  const callers = new Map<string, FunctionCall[]>();
  for (const call of calls) {
    if (call.caller === call.callee) continue;
    const into = callers.get(call.callee);
    if (into) into.push(call);
    else callers.set(call.callee, [call]);
  }
  return {
    inclusive: inclusiveCosts(functions, calls, total),
    files,
    callers,
    countsAreOwn: benchmark.id === undefined,
  };
}

/**
 * Adds the call graph's view to `changes`: inclusive costs to every change when each side the
 * benchmark exists on has a graph, and to the significant changes of a regressed or improved
 * benchmark their call path and who called them more.
 */
export function addCallContext(
  changes: FunctionChange[],
  benchmark: { name: string; status: BenchmarkStatus },
  base: CallGraphSide | null | undefined,
  head: CallGraphSide | null | undefined,
): void {
  // null: the side has no benchmark; undefined: it has one without a call graph.
  if (base === undefined || head === undefined || (base === null && head === null)) return;
  const detailed = benchmark.status === 'regressed' || benchmark.status === 'improved';
  for (const change of changes) {
    change.inclusive = {
      base: base?.inclusive.get(change.name) ?? 0,
      head: head?.inclusive.get(change.name) ?? 0,
    };
    if (!detailed || !change.significant) continue;
    const side = head?.inclusive.has(change.name) ? head : base;
    if (side?.inclusive.has(change.name)) {
      change.callPath = callPath(side, change.name, benchmark.name);
    }
    const growth =
      base?.countsAreOwn && head?.countsAreOwn && change.delta > 0
        ? callGrowth(base, head, change.name)
        : undefined;
    if (growth !== undefined) change.calledMoreBy = growth;
  }
}

/**
 * The benchmark, then the workspace's own functions on the heaviest path of calls that reaches
 * `name` (from `name` up, each step to the caller whose calls to it cost the most, until a
 * function nobody called), then `name` itself.
 */
function callPath(graph: CallGraphSide, name: string, benchmark: string): string[] {
  const above: string[] = [];
  const seen = new Set([name]);
  let current = name;
  for (;;) {
    const heaviest = (graph.callers.get(current) ?? [])
      .filter((call) => !seen.has(call.caller))
      .sort(byWeight)[0];
    if (heaviest === undefined) break;
    seen.add(heaviest.caller);
    above.push(heaviest.caller);
    current = heaviest.caller;
  }
  const own = above.reverse().filter((caller) => isOwnFile(graph.files.get(caller) ?? '???'));
  return [benchmark, ...own, name];
}

function byWeight(a: FunctionCall, b: FunctionCall): number {
  return b.inclusive - a.inclusive || b.calls - a.calls || compareText(a.caller, b.caller);
}

/**
 * Whether a profile's (normalised) file is the workspace's own: relative to its root, not a
 * toolchain (`/rustc/…`), registry, vendored or git source (`[registry]/…`), nor unknown.
 */
function isOwnFile(file: string): boolean {
  return !(file === '???' || file.startsWith('/') || file.startsWith('./') || file.startsWith('['));
}

/**
 * When `name` was called more often in head than in base: its caller whose calls to it grew
 * the most, with its calls on each side.
 */
function callGrowth(
  base: CallGraphSide,
  head: CallGraphSide,
  name: string,
): FunctionChange['calledMoreBy'] {
  const before = callsByCaller(base, name);
  const after = callsByCaller(head, name);
  const sum = (calls: Map<string, number>) => [...calls.values()].reduce((a, b) => a + b, 0);
  if (sum(after) <= sum(before)) return undefined;
  let best: FunctionChange['calledMoreBy'];
  for (const [caller, calls] of after) {
    const growth = calls - (before.get(caller) ?? 0);
    const bestGrowth = best === undefined ? 0 : best.head - best.base;
    if (
      growth > bestGrowth ||
      (growth === bestGrowth && best && compareText(caller, best.caller) < 0)
    ) {
      best = { caller, base: before.get(caller) ?? 0, head: calls };
    }
  }
  return best;
}

function callsByCaller(graph: CallGraphSide, name: string): Map<string, number> {
  const calls = new Map<string, number>();
  for (const call of graph.callers.get(name) ?? []) {
    calls.set(call.caller, (calls.get(call.caller) ?? 0) + call.calls);
  }
  return calls;
}
