/**
 * Reads what valgrind's DHAT writes (`--dhat-out-file`, `dhatFileVersion` 2 from valgrind 3.15
 * on) into a benchmark's allocation figures: its totals, its heap high-water mark and its
 * allocation sites in the workspace's own code, named and located like the functions of an
 * instruction profile so that two builds of the same code match.
 */
import { CorruptFileError } from '../errors.js';
import { type AllocationProfile, type AllocationSite, siteKey } from '../profile/profile.js';
import { parseJson, StrictJsonReader } from '../system/strict-json.js';
import { compareText } from '../system/text-order.js';
import { isOwnFile, type NormaliseOptions, normaliseName, normalisePath } from './normalise.js';

/** Stack depth (return addresses) of a whole program's run: enough to reach its own code. */
export const PROGRAM_STACK_DEPTH = 40;
/**
 * Stack depth of a harness benchmark's run: enough to reach the routine frame from `malloc`
 * through the benchmark's own calls, the standard library's allocation layers and the harness
 * (some 20 addresses in criterion's and libtest's test mode). A deeper stack is cut here.
 */
export const ROUTINE_STACK_DEPTH = 256;

/**
 * DHAT in heap mode, with full source paths (so that the workspace's files are told from glibc's
 * and the toolchain's) and stacks `depth` return addresses deep. Valgrind reads `%` in a file
 * name as the start of `%p` or `%q{…}`: `%%` writes one.
 */
export function dhatArgs(outFile: string, depth = PROGRAM_STACK_DEPTH): string[] {
  return [
    '--tool=dhat',
    '--fullpath-after=',
    `--num-callers=${depth}`,
    `--dhat-out-file=${outFile.replaceAll('%', '%%')}`,
  ];
}

/** One program point: the blocks allocated with one stack, innermost frame first. */
export interface DhatPoint {
  /** Blocks allocated (`tbk`) and their bytes (`tb`). */
  allocations: number;
  bytes: number;
  /** Bytes of these blocks live when the whole heap peaked (`gb`). */
  bytesAtPeak: number;
  /** Frame texts, innermost first, e.g. `0x11E7D0: textbench::parse::parse_line (src/parse.rs:80)`. */
  frames: string[];
}

const POINT_FIELDS = ['tb', 'tbk', 'gb', 'fs'] as const;

/** Parses and validates a DHAT file; `source` names it in errors. */
export function parseDhat(text: string, source: string): DhatPoint[] {
  const invalid = (reason: string) =>
    new CorruptFileError(source, undefined, `not a DHAT heap profile: ${reason}`);
  const data = parseJson(text, (reason) => invalid(`invalid JSON (${reason})`));
  const reader = new StrictJsonReader((path, problem) =>
    invalid(
      `${path === '' ? 'the document' : path}: ${problem.kind === 'expected' ? `expected ${problem.expected}` : problem.kind === 'rule' ? problem.rule : `${problem.kind} ${problem.key}`}`,
    ),
  );
  // DHAT adds fields from version to version: only those read here are checked.
  const document = reader.object(data, '');
  if (document.dhatFileVersion !== 2) {
    reader.refuse('dhatFileVersion', 'expected version 2 (valgrind 3.15 or later)');
  }
  if (document.mode !== 'heap') reader.refuse('mode', 'expected "heap"');
  const table = reader
    .array(document.ftbl, 'ftbl')
    .map((frame, index) => reader.string(frame, `ftbl[${index}]`));
  return reader.array(document.pps, 'pps').map((value, index) => {
    const path = `pps[${index}]`;
    const point = reader.object(value, path);
    for (const field of POINT_FIELDS) {
      if (point[field] === undefined)
        reader.fail(path, { kind: 'missing', key: field, object: point });
    }
    const count = (field: string) =>
      reader.expect<number>(
        point[field],
        `${path}.${field}`,
        (item) => Number.isSafeInteger(item) && (item as number) >= 0,
        'a whole number of at least 0',
      );
    const frames = reader.array(point.fs, `${path}.fs`).map((frame, at) => {
      const text = table[reader.integer(frame, `${path}.fs[${at}]`)];
      return text ?? reader.refuse(`${path}.fs[${at}]`, `no frame ${String(frame)} in ftbl`);
    });
    return { allocations: count('tbk'), bytes: count('tb'), bytesAtPeak: count('gb'), frames };
  });
}

/**
 * `0x11E7D0: name (file:line)`, `0x11E7D0: name (file:line:column)` or `0x4841: name (in lib.so)`;
 * names hold parentheses of their own (`call_once<fn(&str), (&str)>`), paths do not.
 */
const FRAME = /^(0x[0-9A-Fa-f]+): (.*?)(?: \((?:in [^()]*|([^()]+):(\d+)(?::\d+)?)\))?$/;

/** DHAT's name for code inlined from a function whose name the debug info lacks. */
const UNKNOWN_INLINED = 'UnknownInlinedFun';

interface Frame {
  /** Code inlined into a function shares its address: the outermost frame of it names it. */
  address: string;
  name: string;
  /** Empty when DHAT knows no source location. */
  file: string;
  line: number;
}

function readFrame(text: string): Frame {
  const match = FRAME.exec(text);
  if (match === null) return { address: '', name: text, file: '', line: 0 };
  return { address: match[1]!, name: match[2]!, file: match[3] ?? '', line: Number(match[4] ?? 0) };
}

/**
 * Whether a frame is in the workspace's code. glibc's debug info names its files relative too,
 * but through its build directory (`libio/./libio/iofopen.c`): a `/./` is never a workspace path
 * as rustc records one.
 */
function isWorkspaceFrame(frame: Frame, options: NormaliseOptions): boolean {
  return frame.file.includes('/./') ? false : isOwnFile(frame.file, options);
}

/** How a harness benchmark's routine shows on an allocation's stack. */
export interface RoutineFrames {
  /** Whether a function is the routine's frame. */
  isRoutine(name: string): boolean;
  /** Whether a function is one of the harness's timing calls, left out as Callgrind leaves it out. */
  isTiming(name: string): boolean;
}

/**
 * The points of a run of one harness benchmark that its routine allocated: those with the
 * routine's frame on their stack and no timing call of the harness between it and `malloc`.
 * A stack that reaches `depth` return addresses may have been cut by DHAT; without the
 * routine's frame on it, nothing tells whether the routine allocated it, and the run cannot be
 * counted (`undefined`, for the caller to explain) rather than counted short. Frames are counted
 * as return addresses: one address shows as several frames of inlined code, but recursion repeats
 * an address too, so only the frames bound the addresses from above.
 */
export function routinePoints(
  points: readonly DhatPoint[],
  routine: RoutineFrames,
  depth: number,
): DhatPoint[] | undefined {
  const kept: DhatPoint[] = [];
  for (const point of points) {
    const frames = point.frames.map(readFrame);
    const at = frames.findIndex((frame) => routine.isRoutine(frame.name));
    if (at === -1) {
      if (frames.length >= depth) return undefined;
      continue;
    }
    if (!frames.slice(0, at).some((frame) => routine.isTiming(frame.name))) kept.push(point);
  }
  return kept;
}

/** `1 allocation`, `3,000 allocations`: a count for a person to read. */
export function allocationsText(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'allocation' : 'allocations'}`;
}

/**
 * The allocation figures of a whole program's points (or of the points a routine allocated):
 * totals, the peak (the bytes these points had live at the run's heap peak, summed: for a whole
 * program its high-water mark) and the sites. Each point goes to its innermost frame in
 * the workspace's files, else to its innermost frame with a source location, else to `???`; a
 * frame of inlined code DHAT cannot name takes the name of the function it was inlined into.
 */
export function allocationProfile(
  points: readonly DhatPoint[],
  options: NormaliseOptions,
): AllocationProfile {
  const sites = new Map<string, AllocationSite>();
  let allocations = 0;
  let bytes = 0;
  let peakBytes = 0;
  for (const point of points) {
    allocations += point.allocations;
    bytes += point.bytes;
    peakBytes += point.bytesAtPeak;
    if (point.allocations === 0) continue;
    const site = siteOf(point.frames, options);
    const key = siteKey(site);
    const known = sites.get(key);
    if (known === undefined) {
      sites.set(key, { ...site, allocations: point.allocations, bytes: point.bytes });
    } else {
      known.allocations += point.allocations;
      known.bytes += point.bytes;
    }
  }
  return { allocations, bytes, peakBytes, sites: [...sites.values()].sort(bySize) };
}

function siteOf(
  texts: readonly string[],
  options: NormaliseOptions,
): Pick<AllocationSite, 'function' | 'file' | 'line'> {
  const frames = texts.map(readFrame);
  const chosen =
    frames.find((frame) => isWorkspaceFrame(frame, options)) ??
    frames.find((frame) => frame.file !== '');
  if (chosen === undefined) return { function: '???', file: '???', line: 0 };
  const name =
    chosen.name === UNKNOWN_INLINED
      ? frames.findLast((frame) => frame.address === chosen.address)!.name
      : chosen.name;
  return {
    function: normaliseName(name),
    file: normalisePath(chosen.file, options),
    line: chosen.line,
  };
}

function bySize(a: AllocationSite, b: AllocationSite): number {
  return (
    b.allocations - a.allocations ||
    b.bytes - a.bytes ||
    compareText(a.function, b.function) ||
    compareText(a.file, b.file) ||
    a.line - b.line
  );
}
