/**
 * Turns a parsed Cachegrind profile into names and paths that are the same for two builds of the
 * same code: symbol hashes, LTO suffixes, crate disambiguators and symbol versions change from
 * build to build, and so do the absolute paths of the toolchain, the registry and the checkout.
 */

import { Buffer } from 'node:buffer';
import { inclusiveCosts } from '../profile/call-graph.js';
import type { Counts, FunctionCall, FunctionProfile, FunctionTable } from '../profile/profile.js';
import { EncodedNames } from './encoded-names.js';
import {
  type CachegrindParserOptions,
  type CallEdges,
  isUndecoded,
  type ParsedProfile,
  type UndecodedProfile,
  withDecodedNames,
} from './parse.js';

export interface NormaliseOptions {
  /** Absolute path of the measured workspace; files under it become relative (`src/lib.rs`). */
  workspaceRoot: string;
}

export interface NormalisedProfile {
  events: string[];
  totals: Counts;
  /** By the primary event's count, largest first, then by name; with inclusive costs where calls are known. */
  functions: FunctionProfile[];
  /** The calls between the functions, where the profile records them (Callgrind's). */
  calls?: FunctionCall[];
}

/** ELF symbol versions: `memcpy@@GLIBC_2.14`, `free@GLIBC_2.2.5`. */
const SYMBOL_VERSION = /@@?[A-Za-z0-9_.]+$/;
/** Added to local symbols by (thin) LTO, numbered per build. */
const LLVM_SUFFIX = /\.llvm\.\d+$/;
/** Legacy mangling's hash, demangled (`cgdemo::fib::h0123456789abcdef`)... */
const LEGACY_HASH = /::h[0-9a-f]{16}$/;
/** ...and raw (`_ZN6cgdemo3fib17h0123456789abcdefE`). */
const MANGLED_LEGACY_HASH = /17h[0-9a-f]{16}E$/;
/**
 * v0 crate disambiguators as demangled in verbose mode: `cgdemo[5d2fd4ef8f7d4a0b]::fib`. Only
 * right after an identifier, so that slice types such as `&[f64]` stay intact.
 */
const CRATE_DISAMBIGUATOR = /(?<=[A-Za-z0-9_])\[[0-9a-f]{1,16}\]/g;

export function normaliseName(raw: string): string {
  let name = raw;
  // Each pattern is tried only when its tell-tale character is there: most names need nothing.
  if (name.includes('@')) name = replaceMatch(name, SYMBOL_VERSION, '');
  if (name.includes('.llvm.')) name = replaceMatch(name, LLVM_SUFFIX, '');
  // Both hashes are an `h` and 16 hex digits at the very end (before a closing `E` when mangled).
  if (name.charAt(name.length - 17) === 'h') name = replaceMatch(name, LEGACY_HASH, '');
  if (name.charAt(name.length - 18) === 'h') name = replaceMatch(name, MANGLED_LEGACY_HASH, 'E');
  if (mayHoldDisambiguator(name)) name = replaceMatch(name, CRATE_DISAMBIGUATOR, '');
  return name;
}

/**
 * Whether a `[` in `name` follows an identifier's character and comes before a hex digit, as a
 * crate disambiguator's does: `&[u8]` and `<[T]>` in generic names are far more common, and
 * the regular expression's look-behind is slow to rule them out.
 */
function mayHoldDisambiguator(name: string): boolean {
  for (let at = name.indexOf('['); at !== -1; at = name.indexOf('[', at + 1)) {
    if (isIdentifierCode(name.charCodeAt(at - 1)) && isLowerHexCode(name.charCodeAt(at + 1))) {
      return true;
    }
  }
  return false;
}

/** `[A-Za-z0-9_]`; false for NaN, the code before a string's start. */
function isIdentifierCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/** `[0-9a-f]`; false for NaN, the code after a string's end. */
function isLowerHexCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66);
}

/**
 * `text` with `pattern` replaced, or `text` itself when the pattern does not match: `replace`
 * returns a copy even then, and a large profile's names would all be held twice.
 */
function replaceMatch(text: string, pattern: RegExp, replacement: string): string {
  // A global pattern's `test` moves its lastIndex, which `replace` starts by resetting.
  return pattern.test(text) ? text.replace(pattern, replacement) : text;
}

/** The toolchain's sources: `/rustc/<commit>/library/core/src/...`. */
const RUSTC_SOURCES = /^\/rustc\/[0-9a-f]{40}\//;
/** `~/.cargo/registry/src/index.crates.io-<hash>/serde-1.0.0/...` */
const REGISTRY_SOURCES = /^.*\/registry\/src\/[^/]+-[0-9a-f]{16}\//;
/** Debian's directory registry (librust-*-dev packages): `/usr/share/cargo/registry/serde-1.0.0/...` */
const DEBIAN_REGISTRY_SOURCES = /^\/usr\/share\/cargo\/registry\/(?=[^/]+\/)/;
/**
 * `cargo vendor`'s directory, `<anywhere>/vendor/serde/...`, but not a `vendor` folder inside a
 * crate's own sources (`src/vendor/...`).
 */
const VENDORED_SOURCES = /^(?:\/?(?!src\/)[^/]+\/)*?vendor\/(?=[^/]+\/)/;
/** `~/.cargo/git/checkouts/<name>-<hash>/<revision>/...` */
const GIT_SOURCES = /^.*\/git\/checkouts\/([^/]+)-[0-9a-f]{16}\/[^/]+\//;

/** Where cargo keeps code that is not the workspace's own. */
const DEPENDENCY_SOURCES = [
  RUSTC_SOURCES,
  REGISTRY_SOURCES,
  DEBIAN_REGISTRY_SOURCES,
  VENDORED_SOURCES,
  GIT_SOURCES,
];

export function normalisePath(raw: string, options: NormaliseOptions): string {
  if (RUSTC_SOURCES.test(raw)) return raw.replace(RUSTC_SOURCES, '/rustc/');
  if (REGISTRY_SOURCES.test(raw)) return raw.replace(REGISTRY_SOURCES, '[registry]/');
  if (DEBIAN_REGISTRY_SOURCES.test(raw)) return raw.replace(DEBIAN_REGISTRY_SOURCES, '[registry]/');
  if (VENDORED_SOURCES.test(raw)) return raw.replace(VENDORED_SOURCES, '[vendor]/');
  if (GIT_SOURCES.test(raw)) return raw.replace(GIT_SOURCES, '[git]/$1/');
  const root = options.workspaceRoot.replace(/\/+$/, '');
  if (root !== '' && raw.startsWith(`${root}/`)) return raw.slice(root.length + 1);
  return raw;
}

/**
 * Whether a source path, as Cachegrind writes it, is one of the measured workspace's own files:
 * under its root, or relative without `./`, as rust-perf's `--remap-path-prefix=<root>=` writes
 * the workspace's files (`src/lib.rs`) while glibc's stay `./string/...`. Toolchain, registry and
 * git-checkout sources never are, even when they sit under the root, nor is `???` (no debug info).
 */
export function isOwnFile(raw: string, options: NormaliseOptions): boolean {
  if (raw === '' || raw === '???') return false;
  if (DEPENDENCY_SOURCES.some((sources) => sources.test(raw))) return false;
  if (!raw.startsWith('/')) return !raw.startsWith('./');
  const root = options.workspaceRoot.replace(/\/+$/, '');
  return root !== '' && raw.startsWith(`${root}/`);
}

/** Parser options that place each function's file:line in the workspace's code when it can. */
export function parserOptions(options: NormaliseOptions): CachegrindParserOptions {
  return { isOwnFile: (raw) => isOwnFile(raw, options) };
}

/**
 * Normalises every name and path. Functions whose names become equal (the instantiations of a
 * generic function under legacy mangling) are merged: their counts are summed, and the file and
 * line are those of the one whose line is in the workspace's own files, or else of the one with
 * the larger primary count.
 */
export function normaliseProfile(
  parsed: ParsedProfile,
  options: NormaliseOptions,
): NormalisedProfile {
  return withProfiles(normaliseColumns(parsed, options));
}

/**
 * What `normaliseProfile` gives, column by column and in the order the file first names each
 * function, for a reader that needs neither objects nor an order (a compare): a large profile's
 * function objects would take most of its memory, and sorting them as long as normalising them.
 * Names still bytes stay bytes (`EncodedNames`) when normalisation changes few of them and
 * merges no functions, as in most profiles: then only the changed names are decoded.
 */
export function normaliseColumns(
  parsed: ParsedProfile | UndecodedProfile,
  options: NormaliseOptions,
): NormalisedColumns {
  const pathOf = oncePerPath((raw) => normalisePath(raw, options));
  if (isUndecoded(parsed)) {
    const { nameBytes, nameStarts, nameHashes } = parsed.functions;
    const parsedNames = new EncodedNames(nameBytes, nameStarts, nameHashes);
    const changed = parsed.calls === undefined ? changedNames(parsedNames) : undefined;
    const names = changed === undefined ? undefined : parsedNames.replacing(changed);
    if (names !== undefined) return namedAsParsed(parsed, names, pathOf);
  }
  return aggregate(
    isUndecoded(parsed) ? withDecodedNames(parsed) : parsed,
    normaliseName,
    pathOf,
    oncePerPath((raw) => isOwnFile(raw, options)),
  );
}

/** The columns of a profile whose functions normalisation does not merge: only paths change. */
function namedAsParsed(
  parsed: UndecodedProfile,
  names: EncodedNames,
  pathOf: (raw: string) => string,
): NormalisedColumns {
  const { files, lines, counts } = parsed.functions;
  return columnsOf(parsed, names, files.map(pathOf), lines, counts);
}

/** Normalisation's columns: `names` are distinct, and `totals` are the parsed ones. */
function columnsOf(
  { events, totals }: Pick<ParsedProfile, 'events' | 'totals'>,
  names: readonly string[] | EncodedNames,
  files: readonly string[],
  lines: Float64Array,
  counts: Float64Array,
): NormalisedColumns {
  return {
    events,
    totals: countsByEvent(events, totals),
    functions: new FunctionColumns(events, names, files, lines, counts, true),
  };
}

/**
 * The names `normaliseName` changes, by index, told from their bytes: only a name with one of its
 * tell-tales where `normaliseName` looks for them is decoded and tried. Undefined when names are
 * not all ASCII (so that a character's place is not its byte's), or when more than one in
 * `MOST_CHANGED_NAMES` change (decoding them all together is then as quick).
 */
function changedNames(names: EncodedNames): Map<number, string> | undefined {
  if (!names.isAscii) return undefined;
  const changed = new Map<number, string>();
  const most = names.length / MOST_CHANGED_NAMES;
  /** Tries name `index`; false when too many have changed. */
  const tried = (index: number): boolean => {
    if (changed.has(index)) return true;
    const name = names.name(index);
    const normalised = normaliseName(name);
    if (normalised !== name) changed.set(index, normalised);
    return changed.size <= most;
  };
  const { bytes } = names;
  for (const telltale of [AT_SIGN, LLVM_INFIX]) {
    for (let at = bytes.indexOf(telltale); at !== -1; at = bytes.indexOf(telltale, at + 1)) {
      if (!tried(names.indexAt(at))) return undefined;
    }
  }
  for (let at = bytes.indexOf(OPEN_BRACKET); at !== -1; at = bytes.indexOf(OPEN_BRACKET, at + 1)) {
    // A line feed, the byte between two names, is neither.
    if (isIdentifierCode(bytes[at - 1]!) && isLowerHexCode(bytes[at + 1]!)) {
      if (!tried(names.indexAt(at))) return undefined;
    }
  }
  // Each name ends at the line feed before the next one's start.
  const { starts } = names;
  for (let index = 1; index < starts.length; index++) {
    const end = starts[index]! - 1;
    const length = end - starts[index - 1]!;
    const hashAt =
      (length >= 17 && bytes[end - 17] === LOWER_H) ||
      (length >= 18 && bytes[end - 18] === LOWER_H);
    if (hashAt && !tried(index - 1)) return undefined;
  }
  return changed;
}

/** `changedNames` gives up when more than one name in this many changes. */
const MOST_CHANGED_NAMES = 16;
const AT_SIGN = 0x40;
const OPEN_BRACKET = 0x5b;
const LOWER_H = 0x68;
const LLVM_INFIX = Buffer.from('.llvm.');

/** The same shape as `normaliseProfile`, with names and paths exactly as the file has them. */
export function rawProfile(parsed: ParsedProfile): NormalisedProfile {
  const asWritten = (raw: string): string => raw;
  // Names as written never become equal, so no two functions are merged and no location chosen.
  return withProfiles(aggregate(parsed, asWritten, asWritten, () => false));
}

/** A normalised profile with its functions as columns. */
export interface NormalisedColumns {
  events: string[];
  totals: Counts;
  functions: FunctionColumns;
  /** The calls between the normalised functions, where the profile records them. */
  calls?: CallEdges;
}

/**
 * Normalised functions column by column (normalisation's have distinct names). Function `i` is
 * `names[i]`, at `files[i]`:`lines[i]`, with its counts at `counts[i * events.length ...]`,
 * aligned with `events`.
 */
export class FunctionColumns implements FunctionTable {
  readonly #names: readonly string[] | EncodedNames;
  readonly length: number;
  #decodedNames: readonly string[] | undefined;

  constructor(
    readonly events: readonly string[],
    /** Strings, or bytes decoded name by name when asked for (`EncodedNames`). */
    names: readonly string[] | EncodedNames,
    readonly files: readonly string[],
    readonly lines: Float64Array,
    readonly counts: Float64Array,
    /** Whether no two functions share a name, as normalisation leaves them. */
    readonly distinctNames = false,
  ) {
    this.#names = names;
    this.length = names.length;
  }

  /** Every name, as strings; names kept as bytes are all decoded (once) when first asked for. */
  get names(): readonly string[] {
    const names = this.#names;
    if (!(names instanceof EncodedNames)) return names;
    this.#decodedNames ??= names.all();
    return this.#decodedNames;
  }

  /** The names as bytes, where they are kept so: a reader can compare them without decoding. */
  get encodedNames(): EncodedNames | undefined {
    return this.#names instanceof EncodedNames ? this.#names : undefined;
  }

  name(index: number): string {
    const names = this.#names;
    return names instanceof EncodedNames ? names.name(index) : names[index]!;
  }

  file(index: number): string {
    return this.files[index]!;
  }

  line(index: number): number {
    return this.lines[index]!;
  }

  countsOf(event: string): ArrayLike<number> {
    const width = this.events.length;
    const offset = this.events.indexOf(event);
    if (offset === -1) return new Float64Array(this.length);
    if (width === 1) return this.counts;
    const column = new Float64Array(this.length);
    for (let index = 0; index < column.length; index++) {
      column[index] = this.counts[index * width + offset]!;
    }
    return column;
  }

  /** Function `index` as an object of its own. */
  profile(index: number): FunctionProfile {
    const byEvent: Counts = {};
    const width = this.events.length;
    for (let event = 0; event < width; event++) {
      byEvent[this.events[event]!] = this.counts[index * width + event]!;
    }
    return {
      name: this.name(index),
      file: this.file(index),
      line: this.line(index),
      counts: byEvent,
    };
  }
}

/**
 * Many functions share a file: each distinct path is worked out once. Functions come file by
 * file, so the last path is asked again most often, and is answered without a lookup.
 */
function oncePerPath<T>(of: (raw: string) => T): (raw: string) => T {
  const results = new Map<string, T>();
  let lastRaw: string | undefined;
  let lastResult: T | undefined;
  return (raw) => {
    if (raw !== lastRaw) {
      lastRaw = raw;
      lastResult = results.get(raw);
      if (lastResult === undefined && !results.has(raw)) {
        lastResult = of(raw);
        results.set(raw, lastResult);
      }
    }
    return lastResult as T;
  };
}

/** Where a function that others may be merged into sits, and where its location comes from. */
interface Mergeable {
  index: number;
  /** Primary count of the parsed function whose file and line were kept... */
  locationCount: number;
  /** ...and whether that file is one of the workspace's own. */
  locationOwned: boolean;
}

function aggregate(
  parsed: ParsedProfile,
  nameOf: (raw: string) => string,
  pathOf: (raw: string) => string,
  isOwn: (rawPath: string) => boolean,
): NormalisedColumns {
  const { events } = parsed;
  const parsedFunctions = parsed.functions;
  const width = events.length;
  const parsedNames = parsedFunctions.names.map(nameOf);
  // Parsed names are distinct, so two functions can only meet under a name that normalisation
  // produced: only those names are looked up, the rest are copied straight away.
  const meetingNames = new Set<string>();
  parsedNames.forEach((name, index) => {
    if (name !== parsedFunctions.names[index]) meetingNames.add(name);
  });
  const mergeable = new Map<string, Mergeable>();
  const names: string[] = [];
  const files: string[] = [];
  const lines = new Float64Array(parsedFunctions.length);
  const counts = new Float64Array(parsedFunctions.length * width);
  const indexOf = new Uint32Array(parsedFunctions.length);
  for (let parsedIndex = 0; parsedIndex < parsedFunctions.length; parsedIndex++) {
    const name = parsedNames[parsedIndex]!;
    const file = parsedFunctions.files[parsedIndex]!;
    const parsedCounts = parsedIndex * width;
    const existing = meetingNames.size === 0 ? undefined : mergeable.get(name);
    indexOf[parsedIndex] = existing?.index ?? names.length;
    if (existing === undefined) {
      const index = names.length;
      names.push(name);
      files.push(pathOf(file));
      lines[index] = parsedFunctions.lines[parsedIndex]!;
      for (let event = 0; event < width; event++) {
        counts[index * width + event] = parsedFunctions.counts[parsedCounts + event]!;
      }
      // Not asked of an empty set: asking hashes the name, which nothing else needs.
      if (meetingNames.size > 0 && meetingNames.has(name)) {
        const locationCount = parsedFunctions.counts[parsedCounts] ?? 0;
        mergeable.set(name, { index, locationCount, locationOwned: isOwn(file) });
      }
      continue;
    }
    const { index } = existing;
    for (let event = 0; event < width; event++) {
      counts[index * width + event]! += parsedFunctions.counts[parsedCounts + event]!;
    }
    const primary = parsedFunctions.counts[parsedCounts] ?? 0;
    const owned = isOwn(file);
    if (
      (owned && !existing.locationOwned) ||
      (owned === existing.locationOwned && primary > existing.locationCount)
    ) {
      files[index] = pathOf(file);
      lines[index] = parsedFunctions.lines[parsedIndex]!;
      existing.locationCount = primary;
      existing.locationOwned = owned;
    }
  }
  const length = names.length;
  const columns = columnsOf(
    parsed,
    names,
    files,
    lines.subarray(0, length),
    counts.subarray(0, length * width),
  );
  if (parsed.calls !== undefined) columns.calls = mergedCalls(parsed.calls, indexOf, length, width);
  return columns;
}

/** The calls renumbered by `indexOf`; calls between the same two functions become one. */
function mergedCalls(
  calls: CallEdges,
  indexOf: Uint32Array,
  functions: number,
  width: number,
): CallEdges {
  const edgeOf = new Map<number, number>();
  const callers: number[] = [];
  const callees: number[] = [];
  const counts: number[] = [];
  const callCounts: number[] = [];
  for (let edge = 0; edge < calls.length; edge++) {
    const caller = indexOf[calls.callers[edge]!]!;
    const callee = indexOf[calls.callees[edge]!]!;
    const key = caller * functions + callee;
    let merged = edgeOf.get(key);
    if (merged === undefined) {
      merged = callers.length;
      edgeOf.set(key, merged);
      callers.push(caller);
      callees.push(callee);
      callCounts.push(0);
      for (let event = 0; event < width; event++) counts.push(0);
    }
    callCounts[merged]! += calls.calls[edge]!;
    for (let event = 0; event < width; event++) {
      counts[merged * width + event]! += calls.counts[edge * width + event]!;
    }
  }
  return {
    length: callers.length,
    callers: Uint32Array.from(callers),
    callees: Uint32Array.from(callees),
    calls: Float64Array.from(callCounts),
    counts: Float64Array.from(counts),
  };
}

/** The calls by name, with the primary event's inclusive cost. */
export function namedCalls(calls: CallEdges, functions: FunctionColumns): FunctionCall[] {
  const width = functions.events.length;
  return Array.from({ length: calls.length }, (_, edge) => ({
    caller: functions.name(calls.callers[edge]!),
    callee: functions.name(calls.callees[edge]!),
    calls: calls.calls[edge]!,
    inclusive: calls.counts[edge * width]!,
  }));
}

/**
 * The functions with their inclusive costs (see `inclusiveCosts`), sorted as
 * `NormalisedProfile` keeps them, and the calls between them.
 */
export function withCalls(profile: NormalisedProfile, calls: FunctionCall[]): NormalisedProfile {
  const primary = profile.events[0] ?? '';
  const inclusive = inclusiveCosts(
    profile.functions.map((fn) => ({ name: fn.name, self: fn.counts[primary] ?? 0 })),
    calls,
    profile.totals[primary] ?? 0,
  );
  const functions = profile.functions.map((fn) => ({ ...fn, inclusive: inclusive.get(fn.name)! }));
  return { ...profile, functions, calls: calls.sort(byCallerAndCallee(functions)) };
}

/** Calls in the order of their caller, then callee, in `functions`. */
function byCallerAndCallee(
  functions: readonly FunctionProfile[],
): (a: FunctionCall, b: FunctionCall) => number {
  const position = new Map(functions.map((fn, index) => [fn.name, index]));
  const of = (name: string) => position.get(name) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => of(a.caller) - of(b.caller) || of(a.callee) - of(b.callee);
}

/** The profile with its functions as objects, sorted by count (`NormalisedProfile`). */
function withProfiles({ events, totals, functions, calls }: NormalisedColumns): NormalisedProfile {
  const profiles: FunctionProfile[] = new Array(functions.length);
  for (let index = 0; index < functions.length; index++) profiles[index] = functions.profile(index);
  const sorted = sortedByCount({ events, totals, functions: profiles });
  return calls === undefined ? sorted : withCalls(sorted, namedCalls(calls, functions));
}

/** By the primary event's count, largest first, then by name; in place. */
function sortedByCount(profile: NormalisedProfile): NormalisedProfile {
  const primary = profile.events[0];
  const countOf = (fn: FunctionProfile): number =>
    primary === undefined ? 0 : (fn.counts[primary] ?? 0);
  profile.functions.sort(
    (a, b) => countOf(b) - countOf(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return profile;
}

/** The counts, one per event, by event name. */
function countsByEvent(events: string[], values: ArrayLike<number>): Counts {
  const byEvent: Counts = {};
  for (let index = 0; index < events.length; index++) byEvent[events[index]!] = values[index]!;
  return byEvent;
}
