/**
 * Turns a parsed Cachegrind profile into names and paths that are the same for two builds of the
 * same code: symbol hashes, LTO suffixes, crate disambiguators and symbol versions change from
 * build to build, and so do the absolute paths of the toolchain, the registry and the checkout.
 */
import type { CachegrindParserOptions, ParsedProfile } from './parse.js';
import type { Counts, FunctionProfile } from './profile.js';

export interface NormaliseOptions {
  /** Absolute path of the measured workspace; files under it become relative (`src/lib.rs`). */
  workspaceRoot: string;
}

export interface NormalisedProfile {
  events: string[];
  totals: Counts;
  /** By the primary event's count, largest first, then by name. */
  functions: FunctionProfile[];
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
  if (name.includes('@')) name = name.replace(SYMBOL_VERSION, '');
  if (name.includes('.llvm.')) name = name.replace(LLVM_SUFFIX, '');
  if (name.includes('h')) name = name.replace(LEGACY_HASH, '').replace(MANGLED_LEGACY_HASH, 'E');
  if (name.includes('[')) name = name.replace(CRATE_DISAMBIGUATOR, '');
  return name;
}

/** The toolchain's sources: `/rustc/<commit>/library/core/src/...`. */
const RUSTC_SOURCES = /^\/rustc\/[0-9a-f]{40}\//;
/** `~/.cargo/registry/src/index.crates.io-<hash>/serde-1.0.0/...` */
const REGISTRY_SOURCES = /^.*\/registry\/src\/[^/]+-[0-9a-f]{16}\//;
/** `~/.cargo/git/checkouts/<name>-<hash>/<revision>/...` */
const GIT_SOURCES = /^.*\/git\/checkouts\/([^/]+)-[0-9a-f]{16}\/[^/]+\//;

export function normalisePath(raw: string, options: NormaliseOptions): string {
  if (RUSTC_SOURCES.test(raw)) return raw.replace(RUSTC_SOURCES, '/rustc/');
  if (REGISTRY_SOURCES.test(raw)) return raw.replace(REGISTRY_SOURCES, '[registry]/');
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
  if (RUSTC_SOURCES.test(raw) || REGISTRY_SOURCES.test(raw) || GIT_SOURCES.test(raw)) return false;
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
  return aggregate(
    parsed,
    normaliseName,
    oncePerPath((raw) => normalisePath(raw, options)),
    oncePerPath((raw) => isOwnFile(raw, options)),
  );
}

/** The same shape as `normaliseProfile`, with names and paths exactly as the file has them. */
export function rawProfile(parsed: ParsedProfile): NormalisedProfile {
  const asWritten = (raw: string): string => raw;
  // Names as written never become equal, so no two functions are merged and no location chosen.
  return aggregate(parsed, asWritten, asWritten, () => false);
}

/** Many functions share a file: each distinct path is worked out once. */
function oncePerPath<T>(of: (raw: string) => T): (raw: string) => T {
  const results = new Map<string, T>();
  return (raw) => {
    if (results.has(raw)) return results.get(raw) as T;
    const result = of(raw);
    results.set(raw, result);
    return result;
  };
}

interface Merged {
  name: string;
  file: string;
  line: number;
  counts: number[];
  /** `counts[0]`, kept apart for sorting. */
  primary: number;
  /** Primary count of the function whose file and line were kept... */
  lineOwnerCount: number;
  /** ...and whether that file is one of the workspace's own. */
  lineOwned: boolean;
}

function aggregate(
  parsed: ParsedProfile,
  nameOf: (raw: string) => string,
  pathOf: (raw: string) => string,
  isOwn: (rawPath: string) => boolean,
): NormalisedProfile {
  const { events } = parsed;
  const merged = new Map<string, Merged>();
  for (const parsedFunction of parsed.functions) {
    const name = nameOf(parsedFunction.name);
    const counts = events.map((_, index) => parsedFunction.counts[index] ?? 0);
    const primary = counts[0]!;
    const owned = isOwn(parsedFunction.file);
    const existing = merged.get(name);
    if (existing === undefined) {
      const file = pathOf(parsedFunction.file);
      merged.set(name, {
        name,
        file,
        line: parsedFunction.line,
        counts,
        primary,
        lineOwnerCount: primary,
        lineOwned: owned,
      });
      continue;
    }
    for (let index = 0; index < counts.length; index++) {
      existing.counts[index] = existing.counts[index]! + counts[index]!;
    }
    existing.primary = existing.counts[0]!;
    if (
      (owned && !existing.lineOwned) ||
      (owned === existing.lineOwned && primary > existing.lineOwnerCount)
    ) {
      existing.file = pathOf(parsedFunction.file);
      existing.line = parsedFunction.line;
      existing.lineOwnerCount = primary;
      existing.lineOwned = owned;
    }
  }
  const functions = [...merged.values()]
    .sort((a, b) => b.primary - a.primary || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(
      (entry): FunctionProfile => ({
        name: entry.name,
        file: entry.file,
        line: entry.line,
        counts: countsByEvent(events, entry.counts),
      }),
    );
  return { events, totals: countsByEvent(events, parsed.totals), functions };
}

function countsByEvent(events: string[], counts: number[]): Counts {
  const byEvent: Counts = {};
  for (let index = 0; index < events.length; index++) byEvent[events[index]!] = counts[index] ?? 0;
  return byEvent;
}
