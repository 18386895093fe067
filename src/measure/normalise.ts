/**
 * Turns a parsed Cachegrind profile into names and paths that are the same for two builds of the
 * same code: symbol hashes, LTO suffixes, crate disambiguators and symbol versions change from
 * build to build, and so do the absolute paths of the toolchain, the registry and the checkout.
 */
import type { ParsedProfile } from './parse.js';
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
 * Normalises every name and path. Functions whose names become equal (the instantiations of a
 * generic function under legacy mangling) are merged: their counts are summed, and the file and
 * line are those of the one with the larger primary count.
 */
export function normaliseProfile(
  parsed: ParsedProfile,
  options: NormaliseOptions,
): NormalisedProfile {
  const paths = new Map<string, string>();
  const normalisedPath = (raw: string): string => {
    let path = paths.get(raw);
    if (path === undefined) {
      path = normalisePath(raw, options);
      paths.set(raw, path);
    }
    return path;
  };
  return aggregate(parsed, normaliseName, normalisedPath);
}

/** The same shape as `normaliseProfile`, with names and paths exactly as the file has them. */
export function rawProfile(parsed: ParsedProfile): NormalisedProfile {
  const asWritten = (raw: string): string => raw;
  return aggregate(parsed, asWritten, asWritten);
}

interface Merged {
  name: string;
  file: string;
  line: number;
  counts: number[];
  /** `counts[0]`, kept apart for sorting. */
  primary: number;
  /** Primary count of the function whose file and line were kept. */
  lineOwnerCount: number;
}

function aggregate(
  parsed: ParsedProfile,
  nameOf: (raw: string) => string,
  pathOf: (raw: string) => string,
): NormalisedProfile {
  const { events } = parsed;
  const merged = new Map<string, Merged>();
  for (const parsedFunction of parsed.functions) {
    const name = nameOf(parsedFunction.name);
    const counts = events.map((_, index) => parsedFunction.counts[index] ?? 0);
    const primary = counts[0]!;
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
      });
      continue;
    }
    for (let index = 0; index < counts.length; index++) {
      existing.counts[index] = existing.counts[index]! + counts[index]!;
    }
    existing.primary = existing.counts[0]!;
    if (primary > existing.lineOwnerCount) {
      existing.file = pathOf(parsedFunction.file);
      existing.line = parsedFunction.line;
      existing.lineOwnerCount = primary;
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
