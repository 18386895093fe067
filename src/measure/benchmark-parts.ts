import type { RoutineCut } from '../benchmarks/routine-cut.js';
import { BenchmarkError } from '../errors.js';
import type { CallgrindPart } from './callgrind-part.js';
import type { ParsedProfile } from './parse.js';
import { routineProfile } from './routine.js';

/**
 * One run of a cut bench target as one profile per benchmark id: each part that collected
 * anything is one benchmark's routine, without its timing calls. Parts name their benchmark
 * where the harness's routine frame does (libtest), else follow the listed order (criterion).
 * A part that cannot be placed, or a listed benchmark that never ran, is a BenchmarkError:
 * counts put on the wrong benchmark would be worse than none.
 */
export function benchmarksOfParts(
  parts: CallgrindPart[],
  ids: string[],
  cut: RoutineCut,
  target: string,
): Map<string, ParsedProfile> {
  const measured = parts.filter((part) => (part.profile.totals[0] ?? 0) > 0);
  const profiles = new Map<string, ParsedProfile>();
  measured.forEach((part, index) => {
    const routine = routineProfile(part, cut.isRoutine, cut.isTiming);
    const id = cut.idOfRoutine ? idFromRoutine(part, cut, target) : ids[index];
    if (routine === undefined || id === undefined || !ids.includes(id) || profiles.has(id)) {
      throw misplaced(
        target,
        cut,
        `part ${part.part} (${part.trigger}) matches no listed benchmark`,
      );
    }
    profiles.set(id, routine);
  });
  const missing = ids.filter((id) => !profiles.has(id));
  if (missing.length > 0) {
    throw misplaced(
      target,
      cut,
      `no part was measured for ${missing.map((id) => `'${id}'`).join(', ')}`,
    );
  }
  return profiles;
}

function idFromRoutine(part: CallgrindPart, cut: RoutineCut, target: string): string | undefined {
  const ids = new Set(
    part.profile.functions.names
      .filter((name) => cut.isRoutine(name))
      .map((name) => cut.idOfRoutine!(name, target)),
  );
  return ids.size === 1 ? [...ids][0] : undefined;
}

function misplaced(target: string, cut: RoutineCut, what: string): BenchmarkError {
  return new BenchmarkError(
    `bench ${target}: its ${cut.harness} benchmarks could not be told apart under Callgrind: ${what}`,
    `rust-perf runs each ${cut.harness} benchmark once and counts its routine; a harness version it does not know, or benchmarks that run other benchmarks, can defeat this. ` +
      `Measure the target as one whole program instead with the harness setting \`${target}=plain\`, and please report the harness version.`,
  );
}
