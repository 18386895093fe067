/**
 * Generates large, realistic Cachegrind files (`--cache-sim=no`: the single event `Ir`) the way
 * valgrind writes them: one `fl=` block per source file, in it one `fn=` block per function with
 * cost in that file, then `<line> <count>` lines. Functions are Rust-style generic names, many
 * with code inlined from the standard library (the same `fn=` under several `fl=`), and counts
 * follow a heavy tail: a few hot functions, a long tail of cold ones.
 *
 * Everything is derived from a seed, per function, so that the base and head files share all
 * functions except the deliberate changes, and so that the output is identical on every run.
 * Files are written in chunks; a gigabyte file never exists in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { Random, streamFor } from './random.js';

export interface SyntheticShape {
  seed: number;
  functions: number;
  files: number;
  /** Count lines per function, over all its blocks. */
  linesPerFunction: number;
  /** How deep generic arguments nest at most (`Vec<Option<Box<u8>>>`: 3). */
  typeDepth: number;
  /**
   * Where the workspace's own files are: '' for paths relative to it (`src/parse.rs`), as
   * rust-perf's builds write them; else an absolute workspace root with a folder per crate
   * (`<root>/crates/<crate>/src/parse.rs`), as other builds do.
   */
  workspaceRoot: string;
}

/** What the head side changes relative to the base side. */
export interface HeadChanges {
  regressed: number;
  improved: number;
  removed: number;
  added: number;
}

export const HEAD_CHANGES: HeadChanges = { regressed: 200, improved: 80, removed: 10, added: 10 };

export type Side = 'base' | 'head';

export interface WrittenProfile {
  path: string;
  bytes: number;
  countLines: number;
  functions: number;
  /** The `summary:` value: the sum of every count line. */
  total: number;
}

const WORKSPACE_CRATE = 'app';
const REGISTRY = '/home/runner/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f';

const STD_CRATES = ['core', 'alloc', 'std'] as const;
const REGISTRY_CRATES = [
  ['hashbrown', '0.15.2'],
  ['serde', '1.0.219'],
  ['serde_json', '1.0.140'],
  ['regex_automata', '0.4.9'],
  ['regex_syntax', '0.8.5'],
  ['memchr', '2.7.4'],
  ['smallvec', '1.15.0'],
  ['indexmap', '2.9.0'],
  ['itoa', '1.0.15'],
  ['ryu', '1.0.20'],
  ['bytes', '1.10.1'],
  ['tokio', '1.45.0'],
  ['rayon_core', '1.12.1'],
  ['crossbeam_epoch', '0.9.18'],
  ['aho_corasick', '1.1.3'],
  ['unicode_segmentation', '1.12.0'],
  ['chrono', '0.4.41'],
  ['nom', '8.0.0'],
  ['bstr', '1.12.0'],
  ['arrayvec', '0.7.6'],
] as const;

const MODULE_WORDS = (
  'iter adapters map fmt num slice sort str pattern vec raw string collections btree node ' +
  'hash sip io buffered sync once cell ptr mem ops range option result alloc boxed rc parse ' +
  'lexer token ast visit eval codec decode encode table index search cache pool queue ' +
  'worker scan render layout text utf8 float int dec bignum control group bitmask entry set ' +
  'ser de value read write error util dfa nfa meta strategy prefilter'
).split(' ');

const FUNCTION_WORDS = (
  'new with_capacity push extend insert get get_mut remove reserve reserve_rehash find next ' +
  'fold try_fold for_each collect from_iter fmt write_str write_fmt parse parse_field ' +
  'tokenize visit_expr eval decode encode serialize deserialize deserialize_map next_token ' +
  'read_line flush_buf drop_in_place clone eq cmp partial_cmp hash write_u64 finish ' +
  'search_half find_fwd is_match step advance rehash_in_place grow_one sort_by merge ' +
  'partition heapify render_row layout_line index entry or_insert_with call_once to_string ' +
  'from_str_radix format_shortest'
).split(' ');

const TYPE_WORDS = (
  'Parser Lexer Token Record Row Table Cursor Reader Writer Encoder Decoder Visitor Builder ' +
  'State Cache Index Node Entry Slot Buffer Config Matcher Searcher Span Value Map Iter ' +
  'Chunk Frame Worker'
).split(' ');

/** Traits with one of their methods. */
const TRAIT_METHODS = [
  ['core::iter::traits::collect::Extend', 'extend'],
  ['core::iter::traits::collect::FromIterator', 'from_iter'],
  ['core::iter::traits::iterator::Iterator', 'next'],
  ['core::iter::traits::iterator::Iterator', 'fold'],
  ['core::clone::Clone', 'clone'],
  ['core::cmp::PartialEq', 'eq'],
  ['core::cmp::Ord', 'cmp'],
  ['core::hash::Hash', 'hash'],
  ['core::fmt::Display', 'fmt'],
  ['core::fmt::Debug', 'fmt'],
  ['core::ops::drop::Drop', 'drop'],
  ['serde::ser::Serialize', 'serialize'],
  ['serde::de::Deserialize', 'deserialize'],
  ['serde::de::Visitor', 'visit_map'],
  ['alloc::vec::spec_extend::SpecExtend', 'spec_extend'],
  ['alloc::vec::spec_from_iter_nested::SpecFromIterNested', 'from_iter'],
  ['std::io::Write', 'write_all'],
  ['std::io::Read', 'read_to_end'],
] as const;

const LEAF_TYPES = (
  'u8 u32 u64 usize i64 f64 bool char &str &[u8] alloc::string::String ' +
  'std::hash::random::RandomState alloc::alloc::Global core::ops::range::Range<usize> ' +
  'std::path::PathBuf bytes::bytes::Bytes'
).split(' ');

const CONTAINERS = [
  (inner: string) => `alloc::vec::Vec<${inner}>`,
  (inner: string) => `core::option::Option<${inner}>`,
  (inner: string) => `alloc::boxed::Box<${inner}>`,
  (inner: string) => `alloc::vec::into_iter::IntoIter<${inner}>`,
  (inner: string) => `core::slice::iter::Iter<${inner}>`,
  (inner: string) => `&mut ${inner}`,
  (inner: string) => `(u64, ${inner})`,
  (inner: string) => `hashbrown::map::HashMap<${inner}, usize, std::hash::random::RandomState>`,
  (inner: string) => `core::iter::adapters::map::Map<core::slice::iter::Iter<u8>, ${inner}>`,
];

/** A source file: its path as valgrind prints it and the Rust module path its code lives in. */
interface SourceFile {
  path: string;
  module: string;
  /** Standard-library files are where inlined code comes from. */
  isStd: boolean;
}

function moduleWords(random: Random): string[] {
  const depth = 1 + random.below(3);
  return Array.from({ length: depth }, () => random.pick(MODULE_WORDS));
}

/** The crates of a workspace whose root is given (`SyntheticShape.workspaceRoot`). */
const WORKSPACE_CRATES = ['app_core', 'app_storage', 'app_query_planner', 'app_http_server'];

function makeSourceFiles(count: number, workspaceRoot: string, random: Random): SourceFile[] {
  const rustcHash = random.hex(40);
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  while (files.length < count) {
    const words = moduleWords(random);
    const kind = random.next();
    let file: SourceFile;
    if (kind < 0.4) {
      const crate = random.pick(STD_CRATES);
      file = {
        path: `/rustc/${rustcHash}/library/${crate}/src/${words.join('/')}.rs`,
        module: [crate, ...words].join('::'),
        isStd: true,
      };
    } else if (kind < 0.75) {
      const [crate, version] = random.pick(REGISTRY_CRATES);
      file = {
        path: `${REGISTRY}/${crate.replaceAll('_', '-')}-${version}/src/${words.join('/')}.rs`,
        module: [crate, ...words].join('::'),
        isStd: false,
      };
    } else if (workspaceRoot === '') {
      file = {
        path: `src/${words.join('/')}.rs`,
        module: [WORKSPACE_CRATE, ...words].join('::'),
        isStd: false,
      };
    } else {
      const crate = random.pick(WORKSPACE_CRATES);
      file = {
        path: `${workspaceRoot}/crates/${crate.replaceAll('_', '-')}/src/${words.join('/')}.rs`,
        module: [crate, ...words].join('::'),
        isStd: false,
      };
    }
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    files.push(file);
  }
  return files;
}

function typeExpression(random: Random, depth: number): string {
  if (depth === 0 || random.next() < 0.45) return random.pick(LEAF_TYPES);
  const wrap = random.pick(CONTAINERS);
  return wrap(typeExpression(random, depth - 1));
}

function functionName(module: string, depth: number, random: Random): string {
  const shape = random.next();
  const word = random.pick(FUNCTION_WORDS);
  const typeName = `${module}::${random.pick(TYPE_WORDS)}`;
  if (shape < 0.2) return `${module}::${word}`;
  if (shape < 0.35) return `${module}::${word}::<${typeExpression(random, depth)}>`;
  if (shape < 0.5) return `${module}::${word}::{closure#${random.below(4)}}`;
  if (shape < 0.7) return `<${typeName}<${typeExpression(random, depth)}>>::${word}`;
  const [trait, method] = random.pick(TRAIT_METHODS);
  const implementor = `${typeName}<${typeExpression(random, depth - 1)}>`;
  return `<${implementor} as ${trait}<${typeExpression(random, depth)}>>::${method}::<${typeExpression(random, depth)}>`;
}

/** Up to this many blocks (files) per function: its own file plus inlined library code. */
const MAX_BLOCKS = 3;

/**
 * The fixed part of a synthetic program: files, function names, which files each function has
 * cost in, and which functions the head side changes. Counts are regenerated on demand.
 */
export class SyntheticProgram {
  readonly files: SourceFile[];
  /** Base functions first, then the functions only the head side has. */
  readonly names: string[];
  /** `MAX_BLOCKS` file indexes per function, -1 for none; the first is the function's own. */
  private readonly blockFiles: Int32Array;
  /** Per function: 1 = unchanged, otherwise the factor the head side applies to every count. */
  private readonly headFactor: Float64Array;
  private readonly removed = new Set<number>();
  readonly baseFunctions: number;

  constructor(readonly shape: SyntheticShape) {
    const random = new Random(shape.seed);
    this.files = makeSourceFiles(shape.files, shape.workspaceRoot, random);
    const stdFiles = this.files.flatMap((file, index) => (file.isStd ? [index] : []));
    const total = shape.functions + HEAD_CHANGES.added;
    this.baseFunctions = shape.functions;
    this.names = [];
    this.blockFiles = new Int32Array(total * MAX_BLOCKS).fill(-1);
    const seen = new Set<string>();
    for (let fn = 0; fn < total; fn++) {
      const home = random.below(this.files.length);
      const homeFile = this.files[home]!;
      let name = functionName(homeFile.module, shape.typeDepth, random);
      while (seen.has(name)) name = functionName(homeFile.module, shape.typeDepth, random);
      seen.add(name);
      this.names.push(name);
      this.blockFiles[fn * MAX_BLOCKS] = home;
      const inlined = random.next() < 0.3 ? (random.below(4) === 0 ? 2 : 1) : 0;
      for (let block = 1; block <= inlined; block++) {
        let file = random.pick(stdFiles);
        while (file === home) file = random.pick(stdFiles);
        this.blockFiles[fn * MAX_BLOCKS + block] = file;
      }
    }
    this.headFactor = new Float64Array(total).fill(1);
    const changes = new Random(shape.seed ^ 0x5ca1ab1e);
    const pickUnchanged = (): number => {
      for (;;) {
        const fn = changes.below(shape.functions);
        if (this.headFactor[fn] === 1 && !this.removed.has(fn)) return fn;
      }
    };
    for (let index = 0; index < HEAD_CHANGES.regressed; index++) {
      this.headFactor[pickUnchanged()] = 1.02 + changes.next() * 0.58;
    }
    for (let index = 0; index < HEAD_CHANGES.improved; index++) {
      this.headFactor[pickUnchanged()] = 0.5 + changes.next() * 0.48;
    }
    for (let index = 0; index < HEAD_CHANGES.removed; index++) this.removed.add(pickUnchanged());
  }

  private present(fn: number, side: Side): boolean {
    if (side === 'base') return fn < this.baseFunctions;
    return !this.removed.has(fn);
  }

  /** Per file, the (function, block) pairs with cost in it, in function order. */
  private blocksByFile(side: Side): Int32Array[] {
    const perFile: number[][] = this.files.map(() => []);
    for (let fn = 0; fn < this.names.length; fn++) {
      if (!this.present(fn, side)) continue;
      for (let block = 0; block < MAX_BLOCKS; block++) {
        const file = this.blockFiles[fn * MAX_BLOCKS + block]!;
        if (file >= 0) perFile[file]!.push(fn * MAX_BLOCKS + block);
      }
    }
    return perFile.map((entries) => Int32Array.from(entries));
  }

  /**
   * Writes the count lines of one block of a function. The function's whole cost is drawn from
   * its own stream, so every block is the same whichever order blocks are written in.
   */
  private writeBlock(fn: number, block: number, side: Side, out: ChunkWriter, tally: Tally): void {
    const random = streamFor(this.shape.seed, fn);
    const weight = Math.min(2_000_000, 4 / (1 - random.next()) ** 1.4);
    const blocks = this.blockCount(fn);
    const inlinedLines = Math.max(1, Math.round(this.shape.linesPerFunction * 0.15));
    const homeLines = this.shape.linesPerFunction - inlinedLines * (blocks - 1);
    const factor = side === 'head' ? this.headFactor[fn]! : 1;
    for (let current = 0; current <= block; current++) {
      const lines = current === 0 ? homeLines : inlinedLines;
      let line = 1 + random.below(600);
      for (let index = 0; index < lines; index++) {
        const drawn = random.next();
        const count = 1 + Math.floor(weight * drawn * drawn);
        if (current === block) {
          const scaled = factor === 1 ? count : Math.max(1, Math.round(count * factor));
          out.write(`${line} ${scaled}\n`);
          tally.total += scaled;
          tally.countLines++;
        }
        line += 1 + random.below(6);
      }
    }
  }

  private blockCount(fn: number): number {
    let count = 0;
    while (count < MAX_BLOCKS && this.blockFiles[fn * MAX_BLOCKS + count]! >= 0) count++;
    return count;
  }

  /** Writes one side's `cachegrind.out` to `path`. */
  write(path: string, side: Side): WrittenProfile {
    const out = new ChunkWriter(path);
    try {
      out.write(`cmd: /tmp/rust-perf/bin/app-bench --bench\nevents: Ir\n`);
      const tally: Tally = { total: 0, countLines: 0 };
      const functions = new Set<number>();
      const perFile = this.blocksByFile(side);
      for (let file = 0; file < this.files.length; file++) {
        const entries = perFile[file]!;
        if (entries.length === 0) continue;
        out.write(`fl=${this.files[file]!.path}\n`);
        for (const entry of entries) {
          const fn = Math.floor(entry / MAX_BLOCKS);
          const block = entry % MAX_BLOCKS;
          functions.add(fn);
          out.write(`fn=${this.names[fn]}\n`);
          this.writeBlock(fn, block, side, out, tally);
        }
      }
      out.write(`summary: ${tally.total}\n`);
      return { path, bytes: out.close(), functions: functions.size, ...tally };
    } catch (error) {
      out.close();
      throw error;
    }
  }
}

interface Tally {
  total: number;
  countLines: number;
}

/** Buffers text and writes it to a file in large chunks. */
class ChunkWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;
  private written = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 20) this.flush();
  }

  private flush(): void {
    const buffer = Buffer.from(this.pending.join(''), 'utf8');
    writeSync(this.fd, buffer);
    this.written += buffer.length;
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Flushes, closes and returns the number of bytes written. */
  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.written;
  }
}
