/**
 * Keeps one benchmark's routine out of a Callgrind part: what the benchmark's code ran,
 * without the harness around it nor the clock reads the harness makes between iterations.
 */
import type { CallgrindPart } from './callgrind-part.js';
import type { CallEdges, ParsedProfile } from './parse.js';

/**
 * The part's functions reachable over its calls from its root functions (those `isRoot`
 * accepts), without entering a function `isExcluded` accepts (such as
 * `<std::time::Instant>::now`): the excluded function and whatever only it calls are left out.
 * A root is kept even when excluded. Functions keep their self costs and their order; the
 * totals are what the kept functions add up to.
 *
 * Returns undefined when no function of the part is a root: the caller knows which benchmark
 * the part is and says so.
 */
export function routineProfile(
  part: CallgrindPart,
  isRoot: (name: string) => boolean,
  isExcluded: (name: string) => boolean,
): ParsedProfile | undefined {
  const { names } = part.profile.functions;
  const kept = new Uint8Array(names.length);
  const toVisit: number[] = [];
  names.forEach((name, fn) => {
    if (isRoot(name)) {
      kept[fn] = 1;
      toVisit.push(fn);
    }
  });
  if (toVisit.length === 0) return undefined;
  const calleesOf = callees(part.profile.calls, names.length);
  for (let caller = toVisit.pop(); caller !== undefined; caller = toVisit.pop()) {
    for (const callee of calleesOf[caller]!) {
      if (kept[callee] === 0 && !isExcluded(names[callee]!)) {
        kept[callee] = 1;
        toVisit.push(callee);
      }
    }
  }
  return keptFunctions(part.profile, part.profile.calls, kept);
}

/** Per function, the functions it calls. */
function callees(calls: CallEdges, functions: number): number[][] {
  const calleesOf = Array.from({ length: functions }, (): number[] => []);
  for (let edge = 0; edge < calls.length; edge++) {
    calleesOf[calls.callers[edge]!]!.push(calls.callees[edge]!);
  }
  return calleesOf;
}

/** The profile of the functions marked in `kept` and the calls between them, totals recounted. */
function keptFunctions(profile: ParsedProfile, calls: CallEdges, kept: Uint8Array): ParsedProfile {
  const { functions, events } = profile;
  const width = events.length;
  const indices = functions.names.flatMap((_, fn) => (kept[fn] === 1 ? [fn] : []));
  const counts = new Float64Array(indices.length * width);
  const totals = new Array<number>(width).fill(0);
  indices.forEach((fn, index) => {
    const own = functions.counts.subarray(fn * width, (fn + 1) * width);
    counts.set(own, index * width);
    own.forEach((count, event) => {
      totals[event]! += count;
    });
  });
  return {
    command: profile.command,
    events,
    totals,
    functions: {
      length: indices.length,
      names: indices.map((fn) => functions.names[fn]!),
      files: indices.map((fn) => functions.files[fn]!),
      lines: Float64Array.from(indices, (fn) => functions.lines[fn]!),
      counts,
    },
    calls: keptCalls(calls, indices, width),
  };
}

/** The calls between the kept functions (`indices`, old index by new), renumbered. */
function keptCalls(calls: CallEdges, indices: number[], width: number): CallEdges {
  const newIndex = new Map(indices.map((fn, index) => [fn, index]));
  const edges: number[] = [];
  for (let edge = 0; edge < calls.length; edge++) {
    if (newIndex.has(calls.callers[edge]!) && newIndex.has(calls.callees[edge]!)) edges.push(edge);
  }
  const counts = new Float64Array(edges.length * width);
  edges.forEach((edge, index) => {
    counts.set(calls.counts.subarray(edge * width, (edge + 1) * width), index * width);
  });
  return {
    length: edges.length,
    callers: Uint32Array.from(edges, (edge) => newIndex.get(calls.callers[edge]!)!),
    callees: Uint32Array.from(edges, (edge) => newIndex.get(calls.callees[edge]!)!),
    calls: Float64Array.from(edges, (edge) => calls.calls[edge]!),
    counts,
  };
}
