import type { Harness } from '../harness.js';

/**
 * How one run of a harness's bench target is cut into one profile per benchmark, counting only
 * each benchmark's routine. The harness runs in its test mode (every benchmark once, no timing
 * loop, no statistics); Callgrind collects only inside the routine's frame
 * (`--toggle-collect`) and writes one part per benchmark (`--dump-after` a frame around one
 * benchmark, which is never inside a routine). Timing calls the harness makes inside the frame
 * are left out afterwards, with everything only they call.
 */
export interface RoutineCut {
  harness: Harness;
  /** How to list the benchmarks, in the order they run. */
  listArgs: string[];
  /** How to run every benchmark once, one after another. */
  runArgs: string[];
  /** What to add to `runArgs` to run only the benchmark `id` (its id exactly, no other). */
  onlyArgs(id: string): string[];
  /** Callgrind's options, without the output file. */
  callgrindArgs: string[];
  /** Whether a function is a benchmark's routine frame, the root of what it counts. */
  isRoutine(name: string): boolean;
  /** Whether a function is one of the harness's timing calls. */
  isTiming(name: string): boolean;
  /**
   * The benchmark a routine frame belongs to, for harnesses whose frame names it (libtest);
   * else parts follow the listed order (criterion).
   */
  idOfRoutine?: (name: string, target: string) => string | undefined;
}

/**
 * Criterion's timing loops are `#[inline(never)]` so that profilers see them: `iter`,
 * `iter_custom`, `iter_batched` and `iter_batched_ref` (the other `iter_with_*` call these),
 * on `Bencher` and `AsyncBencher`, in v0 symbol names. No two of these frames are nested, which
 * toggling needs. Callgrind keeps its patterns in a prefix tree that mishandles two patterns
 * with the same text before a shared `*`: each pattern here has its one `*` at the end.
 */
const CRITERION_ROUTINES = ['Bencher', 'AsyncBencher'].flatMap((bencher) =>
  ['iter', 'iter_custom', 'iter_batched', 'iter_batched_ref'].map(
    (method) => `<criterion::bencher::${bencher}>::${method}::<*`,
  ),
);
/** Frames that hold exactly one benchmark (and, around them, none): a dump after each. */
const CRITERION_BOUNDARIES = [
  '*criterion::routine::*',
  '*criterion::benchmark_group::BenchmarkGroup*',
];
const CRITERION_TIMING = [
  '<criterion::measurement::WallTime as criterion::measurement::Measurement>::*',
  '<std::time::Instant>::*',
  'std::time::Instant::*',
];

/** libtest calls each `#[bench]` function through the closure its macro writes around it. */
const LIBTEST_ROUTINE =
  '<*::{closure#*} as core::ops::function::FnOnce<(&mut test::bench::Bencher,)>>::call_once';
const LIBTEST_ROUTINE_PATH =
  /^<(.+)::\{closure#\d+\} as core::ops::function::FnOnce<\(&mut test::bench::Bencher,\)>>::call_once$/;
const LIBTEST_BOUNDARY = 'test::__rust_begin_short_backtrace*';
const LIBTEST_TIMING = ['<std::time::Instant>::*', 'std::time::Instant::*'];

/** The cut for a harness whose benchmarks rust-perf measures one by one, else undefined. */
export function routineCut(harness: Harness): RoutineCut | undefined {
  switch (harness) {
    case 'criterion':
      return {
        harness,
        listArgs: ['--bench', '--list'],
        // Without --bench, criterion runs in test mode.
        runArgs: [],
        // Criterion's filter is a regular expression (0.4 and later also take `--exact`, 0.3
        // refuses it): the id, anchored and escaped, matches that id alone.
        onlyArgs: (id) => [`^${escapeRegex(id)}$`],
        callgrindArgs: callgrindArgs(CRITERION_ROUTINES, CRITERION_BOUNDARIES),
        isRoutine: matcher(CRITERION_ROUTINES),
        isTiming: matcher(CRITERION_TIMING),
      };
    case 'libtest':
      return {
        harness,
        listArgs: ['--list'],
        // Without --bench, libtest runs each benchmark once as a test; one thread keeps the
        // parts in order and the counts free of scheduling.
        runArgs: ['--test-threads=1'],
        onlyArgs: (id) => ['--exact', id],
        callgrindArgs: callgrindArgs([LIBTEST_ROUTINE], [LIBTEST_BOUNDARY]),
        isRoutine: matcher([LIBTEST_ROUTINE]),
        isTiming: matcher(LIBTEST_TIMING),
        idOfRoutine(name, target) {
          const path = LIBTEST_ROUTINE_PATH.exec(name)?.[1];
          const crate = `${target.replace(/-/g, '_')}::`;
          return path?.startsWith(crate) ? path.slice(crate.length) : undefined;
        },
      };
    default:
      return undefined;
  }
}

/**
 * Routine frames first: where a function matches several of Callgrind's patterns only the
 * first given applies, and the boundaries never match a routine frame.
 */
function callgrindArgs(routines: string[], boundaries: string[]): string[] {
  return [
    '--tool=callgrind',
    '--collect-atstart=no',
    ...routines.map((pattern) => `--toggle-collect=${pattern}`),
    ...boundaries.map((pattern) => `--dump-after=${pattern}`),
    '--combine-dumps=yes',
  ];
}

/**
 * `text` as a regular expression of Rust's regex crate that matches it literally: a backslash
 * before each of its metacharacters (outside verbose mode, `#`, `&`, `-` and `~` are literal).
 */
export function escapeRegex(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Valgrind's patterns (`*` any text, `?` one character, whole name) as one test. */
export function matcher(patterns: string[]): (name: string) => boolean {
  const expression = new RegExp(
    `^(?:${patterns
      .map((pattern) =>
        pattern
          .split('')
          .map((char) =>
            char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join(''),
      )
      .join('|')})$`,
    's',
  );
  return (name) => expression.test(name);
}
