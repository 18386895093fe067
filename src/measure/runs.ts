import {
  type BenchmarkProfile,
  type Counts,
  countOf,
  type FunctionCall,
  type FunctionProfile,
} from '../profile/profile.js';

/** What a benchmark is, apart from what was measured of it. */
export type BenchmarkIdentity = Pick<
  BenchmarkProfile,
  'name' | 'target' | 'id' | 'harness' | 'command'
>;

import { compareText } from '../system/text-order.js';
import { type NormalisedProfile, withCalls } from './normalise.js';

/**
 * One benchmark's profile from several runs of it. Functions whose counts differ between runs
 * (or that ran in only some of them) are nondeterministic: they keep their smallest counts, a
 * function whose smallest counts are all zero is left out, and the totals are the sums over the
 * functions kept, so that they always add up.
 */
export function combineRuns(
  identity: BenchmarkIdentity,
  runs: NormalisedProfile[],
): BenchmarkProfile {
  const { name } = identity;
  const [first] = runs;
  if (first === undefined) throw new Error(`combineRuns: no runs of ${name}`);
  const { events } = first;
  for (const run of runs) {
    if (run.events.join(' ') !== events.join(' ')) {
      throw new Error(
        `combineRuns: runs of ${name} recorded different events (${events} and ${run.events})`,
      );
    }
  }
  const byName = runs.map((run) => new Map(run.functions.map((entry) => [entry.name, entry])));
  const names = new Set(runs.flatMap((run) => run.functions.map((entry) => entry.name)));
  const functions: FunctionProfile[] = [];
  const nondeterministic: string[] = [];
  for (const functionName of names) {
    const entries = byName.map((run) => run.get(functionName));
    const present = entries.filter((entry) => entry !== undefined);
    const counts: Counts = {};
    let varies = present.length < runs.length;
    for (const event of events) {
      const values = entries.map((entry) => (entry && countOf(entry.counts, event)) ?? 0);
      const smallest = Math.min(...values);
      varies ||= values.some((value) => value !== smallest);
      counts[event] = smallest;
    }
    if (varies) nondeterministic.push(functionName);
    if (events.every((event) => counts[event] === 0)) continue;
    // File and line follow the cost; the run with the smallest count keeps them.
    const kept = present.reduce((a, b) =>
      primaryCount(b, events) < primaryCount(a, events) ? b : a,
    );
    functions.push({ name: functionName, file: kept.file, line: kept.line, counts });
  }
  const primary = events[0] ?? '';
  functions.sort(
    (a, b) => (b.counts[primary] ?? 0) - (a.counts[primary] ?? 0) || compareText(a.name, b.name),
  );
  const totals: Counts = {};
  for (const event of events) {
    totals[event] = functions.reduce((sum, entry) => sum + (countOf(entry.counts, event) ?? 0), 0);
  }
  const combined = { events, totals, functions };
  const calls = combineCalls(runs, new Set(functions.map((entry) => entry.name)));
  return {
    ...identity,
    nondeterministic: nondeterministic.sort(compareText),
    ...(calls === undefined ? combined : withCalls(combined, calls)),
  };
}

/**
 * The calls every run made between the functions kept, each with its smallest count and
 * inclusive cost over the runs; undefined when the runs recorded no calls (Cachegrind's).
 */
function combineCalls(
  runs: NormalisedProfile[],
  kept: ReadonlySet<string>,
): FunctionCall[] | undefined {
  const [first, ...others] = runs;
  if (first?.calls === undefined) return undefined;
  const key = (call: FunctionCall) => `${call.caller}\0${call.callee}`;
  const byKey = others.map((run) => new Map((run.calls ?? []).map((call) => [key(call), call])));
  return first.calls.flatMap((call) => {
    if (!kept.has(call.caller) || !kept.has(call.callee)) return [];
    const same = byKey.map((calls) => calls.get(key(call)));
    if (same.some((other) => other === undefined)) return [];
    return [
      {
        ...call,
        calls: Math.min(call.calls, ...same.map((other) => other!.calls)),
        inclusive: Math.min(call.inclusive, ...same.map((other) => other!.inclusive)),
      },
    ];
  });
}

/**
 * Callgrind names a function without a symbol by its address (`0x000000000001ab70`),
 * Cachegrind `???`.
 */
const UNNAMED = /^(\?\?\?|0x[0-9a-f]+)$/;

/** The share (0–1) of the primary event spent in functions without a name (`UNNAMED`). */
export function unnamedShare(benchmark: BenchmarkProfile): number {
  const primary = benchmark.events[0] ?? '';
  const total = benchmark.totals[primary] ?? 0;
  if (total === 0) return 0;
  const unnamed = benchmark.functions
    .filter((entry) => UNNAMED.test(entry.name))
    .reduce((sum, entry) => sum + (entry.counts[primary] ?? 0), 0);
  return unnamed / total;
}

function primaryCount(entry: FunctionProfile, events: string[]): number {
  return entry.counts[events[0] ?? ''] ?? 0;
}
