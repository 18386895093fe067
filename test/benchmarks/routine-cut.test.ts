import { describe, expect, it } from 'vitest';
import { escapeRegex, matcher, routineCut } from '../../src/benchmarks/routine-cut.js';

describe('routineCut', () => {
  it('measures plain, divan and Gungraun targets otherwise', () => {
    expect(routineCut('plain')).toBeUndefined();
    expect(routineCut('divan')).toBeUndefined();
    expect(routineCut('gungraun')).toBeUndefined();
  });

  describe('criterion', () => {
    const cut = routineCut('criterion')!;
    it('runs in test mode and lists with --bench --list', () => {
      expect(cut.runArgs).toEqual([]);
      expect(cut.listArgs).toEqual(['--bench', '--list']);
    });
    it('runs one benchmark alone with an anchored, escaped filter, which criterion 0.3 reads as a regex', () => {
      expect(cut.onlyArgs('fib 15')).toEqual(['^fib 15$']);
      expect(cut.onlyArgs('words/count/(10)')).toEqual(['^words/count/\\(10\\)$']);
    });
    it('toggles collection on the timing loops before any dump pattern', () => {
      const toggles = cut.callgrindArgs.findLastIndex((arg) => arg.startsWith('--toggle-collect='));
      const dumps = cut.callgrindArgs.findIndex((arg) => arg.startsWith('--dump-after='));
      expect(toggles).toBeLessThan(dumps);
      expect(cut.callgrindArgs).toContain('--collect-atstart=no');
      expect(cut.callgrindArgs).toContain('--combine-dumps=yes');
    });
    it('takes the timing loops for routines, and not the closures in them', () => {
      expect(
        cut.isRoutine(
          '<criterion::bencher::Bencher>::iter::<u64, ops::bench_fib::{closure#0}::{closure#0}>',
        ),
      ).toBe(true);
      expect(
        cut.isRoutine(
          '<criterion::bencher::Bencher>::iter_batched::<alloc::vec::Vec<u64>, u64, ops::b::{closure#0}::{closure#0}, ops::b::{closure#0}::{closure#1}>',
        ),
      ).toBe(true);
      expect(cut.isRoutine('<criterion::bencher::AsyncBencher>::iter_custom::<F>')).toBe(true);
      expect(cut.isRoutine('<criterion::bencher::Bencher>::iter_with_setup::<I, O, S, R>')).toBe(
        false,
      );
      expect(cut.isRoutine('ops::bench_fib::{closure#0}::{closure#0}')).toBe(false);
    });
    it('takes criterion’s wall-clock measurement and std’s Instant for timing', () => {
      expect(
        cut.isTiming(
          '<criterion::measurement::WallTime as criterion::measurement::Measurement>::end',
        ),
      ).toBe(true);
      expect(cut.isTiming('<std::time::Instant>::now')).toBe(true);
      expect(cut.isTiming('critbench::fib')).toBe(false);
    });
  });

  describe('libtest', () => {
    const cut = routineCut('libtest')!;
    const frame = (path: string) =>
      `<${path}::{closure#0} as core::ops::function::FnOnce<(&mut test::bench::Bencher,)>>::call_once`;
    it('runs each benchmark once as a test, on one thread', () => {
      expect(cut.runArgs).toEqual(['--test-threads=1']);
      expect(cut.listArgs).toEqual(['--list']);
    });
    it('runs one benchmark alone with its exact path', () => {
      expect(cut.onlyArgs('words::count_100')).toEqual(['--exact', 'words::count_100']);
    });
    it('names the benchmark of a routine frame by its path in the target', () => {
      expect(cut.isRoutine(frame('ops::nested::words'))).toBe(true);
      expect(cut.idOfRoutine!(frame('ops::nested::words'), 'ops')).toBe('nested::words');
      expect(cut.idOfRoutine!(frame('my_bench::fib'), 'my-bench')).toBe('fib');
      expect(cut.idOfRoutine!(frame('other::fib'), 'ops')).toBeUndefined();
    });
  });
});

describe('escapeRegex', () => {
  it("escapes every metacharacter of Rust's regex crate, and only those", () => {
    const special = '\\.+*?()|[]{}^$';
    expect(escapeRegex(special)).toBe([...special].map((char) => `\\${char}`).join(''));
    expect(escapeRegex('group/fn name-1#&~,:"')).toBe('group/fn name-1#&~,:"');
  });
  it('makes a pattern that matches the text itself (checked with JavaScript’s equal syntax)', () => {
    for (const id of ['a.b', 'x+(y)|z', 'size [10]', '^$', 'back\\slash', '{1,2}*?']) {
      expect(new RegExp(`^${escapeRegex(id)}$`).test(id), id).toBe(true);
      expect(new RegExp(`^${escapeRegex(id)}$`).test(`${id}x`), id).toBe(false);
    }
  });
});

describe('matcher', () => {
  it('reads valgrind’s patterns: * any text, ? one character, the whole name', () => {
    const matches = matcher(['a*c', 'x?z', '<(v)>[.]']);
    expect(matches('abbc')).toBe(true);
    expect(matches('ac')).toBe(true);
    expect(matches('abcd')).toBe(false);
    expect(matches('xyz')).toBe(true);
    expect(matches('xz')).toBe(false);
    expect(matches('<(v)>[.]')).toBe(true);
    expect(matches('<(v)>[x]')).toBe(false);
  });
});
