import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CallgrindPart } from '../../src/measure/callgrind-part.js';
import { CallgrindParser } from '../../src/measure/parse-callgrind.js';
import { parseCallgrindFile } from '../../src/measure/parse-file.js';
import { routineProfile } from '../../src/measure/routine.js';
import { withRows } from '../support/parsed-functions.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/callgrind/${name}`, import.meta.url));

/** The clock reads criterion and libtest make around the iterations they time. */
const TIMING = new Set([
  '<criterion::measurement::WallTime as criterion::measurement::Measurement>::start',
  '<criterion::measurement::WallTime as criterion::measurement::Measurement>::end',
  '<std::time::Instant>::now',
  '<std::time::Instant>::elapsed',
]);
const isTiming = (name: string) => TIMING.has(name) || name.startsWith('clock_gettime');
const isCriterionIter = (name: string) => name.startsWith('<criterion::bencher::Bencher>::iter::<');
const isLibtestBench = (name: string) =>
  name.endsWith(' as core::ops::function::FnOnce<(&mut test::bench::Bencher,)>>::call_once');

const ITER_FIB =
  '<criterion::bencher::Bencher>::iter::<u64, ops::bench_fib::{closure#0}::{closure#0}>';
const ITER_WORDS =
  '<criterion::bencher::Bencher>::iter::<usize, ops::bench_words::{closure#0}::{closure#0}>';

function parseText(text: string): CallgrindPart {
  const parser = new CallgrindParser('test.callgrind.out');
  parser.write(Buffer.from(text));
  const [part] = parser.finish();
  return part!;
}

describe('routineProfile on criterion benchmarks', () => {
  it('keeps fib 15: the routine and fib, without the 242 Ir of clock reads', async () => {
    const [part] = await parseCallgrindFile(fixture('criterion-0.3.6.parts.callgrind.out'));
    const routine = routineProfile(part!, isCriterionIter, isTiming)!;
    expect(withRows(routine)).toEqual({
      command: 'target/release/deps/ops-f05f1c41e9277fbd',
      events: ['Ir'],
      totals: [20014],
      functions: [
        {
          name: ITER_FIB,
          file: '/usr/share/cargo/registry/criterion-0.3.6/src/bencher.rs',
          line: 80,
          counts: [47],
        },
        {
          name: 'critbench::fib',
          file: '/home/runner/work/critbench/src/lib.rs',
          line: 1,
          counts: [19967],
        },
      ],
    });
    // What the part counted: the routine plus the clock reads it made.
    expect(part!.profile.totals).toEqual([20014 + 28 + 29 + 96 + 89]);
  });

  it('keeps each benchmark of the file in its own part', async () => {
    const parts = await parseCallgrindFile(fixture('criterion-0.3.6.parts.callgrind.out'));
    const routines = [4, 8, 10].map((index) =>
      routineProfile(parts[index]!, isCriterionIter, isTiming),
    );
    expect(routines.map((routine) => routine!.totals)).toEqual([[63], [2307], [22287]]);
    expect(routines.map((routine) => routine!.functions.names)).toEqual([
      [
        '<criterion::bencher::Bencher>::iter::<u64, ops::bench_sum::{closure#0}::{closure#0}>',
        'critbench::sum_squares',
      ],
      [ITER_WORDS, 'critbench::count_words'],
      [ITER_WORDS, 'critbench::count_words'],
    ]);
  });

  it('keeps everything the routine ran when nothing is excluded: all the part counted', async () => {
    const [part] = await parseCallgrindFile(fixture('criterion-0.3.6.parts.callgrind.out'));
    const routine = routineProfile(part!, isCriterionIter, () => false)!;
    expect(routine.totals).toEqual([20256]);
    expect(routine.functions.length).toBe(9);
  });

  it('returns undefined for a part without the root, such as one between benchmarks', async () => {
    const parts = await parseCallgrindFile(fixture('criterion-0.3.6.parts.callgrind.out'));
    expect(routineProfile(parts[1]!, isCriterionIter, isTiming)).toBeUndefined();
    expect(routineProfile(parts[18]!, isCriterionIter, isTiming)).toBeUndefined();
  });
});

describe('routineProfile on libtest benchmarks', () => {
  it('keeps each #[bench] function with what it calls, without Instant::now and elapsed', async () => {
    const parts = await parseCallgrindFile(fixture('libtest.parts.callgrind.out'));
    const routines = parts
      .slice(0, 3)
      .map((part) => routineProfile(part, isLibtestBench, isTiming));
    expect(routines.map((routine) => routine!.totals)).toEqual([[20000], [7040], [7493]]);
    expect(routines[0]!.functions.names).toEqual([
      '<ops::bench_fib::{closure#0} as core::ops::function::FnOnce<(&mut test::bench::Bencher,)>>::call_once',
      'ltbench::fib',
    ]);
    // nested::words builds its text before iterating: malloc and free are part of the bench.
    expect(
      Object.fromEntries(withRows(routines[2]!).functions.map((row) => [row.name, row.counts])),
    ).toEqual({
      '__rustc::__rust_no_alloc_shim_is_unstable_v2': [1],
      '__rustc::__rust_dealloc': [1],
      '__rustc::__rdl_dealloc': [1],
      '__rustc::__rust_alloc': [1],
      '__rustc::__rdl_alloc': [9],
      '<ops::nested::words::{closure#0} as core::ops::function::FnOnce<(&mut test::bench::Bencher,)>>::call_once':
        [89],
      'test::bench::ns_iter_inner::<usize, ops::nested::words::{closure#0}>': [7101],
      malloc: [66],
      free: [32],
      _int_malloc: [124],
      alloc_perturb: [4],
      _int_free: [64],
    });
  });
});

describe('routineProfile on the shape of the call graph', () => {
  // root calls clock (excluded) and work; clock calls shared and vdso; work calls shared.
  const part = parseText(
    'events: Ir\nfl=a.rs\nfn=root\n1 1\ncfn=clock\ncalls=1 1\n1 13\ncfn=work\ncalls=1 1\n1 102\n' +
      'fn=clock\n2 10\ncfn=shared\ncalls=1 1\n2 2\ncfn=vdso\ncalls=1 1\n2 1\n' +
      'fn=work\n3 100\ncfn=shared\ncalls=1 1\n3 2\nfn=shared\n4 4\nfn=vdso\n5 1\n' +
      'fn=outside\n6 1000\ntotals: 1116\n',
  );
  const isRoot = (name: string) => name === 'root';

  it('does not enter an excluded function, but keeps what it calls when reached another way', () => {
    const routine = routineProfile(part, isRoot, (name) => name === 'clock')!;
    expect(routine.functions.names).toEqual(['root', 'work', 'shared']);
    expect(routine.totals).toEqual([1 + 100 + 4]);
  });

  it('keeps a root even when it is excluded too', () => {
    const routine = routineProfile(
      part,
      (name) => name === 'clock',
      (name) => name === 'clock',
    )!;
    expect(routine.functions.names).toEqual(['clock', 'shared', 'vdso']);
    expect(routine.totals).toEqual([15]);
  });

  it('keeps every root and what each calls', () => {
    const routine = routineProfile(
      part,
      (name) => name === 'work' || name === 'vdso',
      () => false,
    )!;
    expect(routine.functions.names).toEqual(['work', 'shared', 'vdso']);
    expect(routine.totals).toEqual([105]);
  });

  it('leaves out functions not called from a root', () => {
    const routine = routineProfile(part, isRoot, () => false)!;
    expect(routine.functions.names).not.toContain('outside');
    expect(routine.totals).toEqual([116]);
  });
});
