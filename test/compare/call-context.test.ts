/**
 * The call graph's view of a comparison: inclusive costs, the path of the workspace's own
 * functions from the benchmark to a changed function, and who called it more.
 */
import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import type { BenchmarkProfile, FunctionCall } from '../../src/profile/profile.js';
import { benchmark, document } from './documents.js';

const DEFAULTS = { threshold: 0.01, functionThreshold: 0.001 };

const FILES: Record<string, string> = {
  'std::rt::lang_start': '/rustc/library/std/src/rt.rs',
  'parse::main': 'benches/parse.rs',
  'textbench::parse::parse_log': 'src/parse.rs',
  'core::str::<impl str>::split': '/rustc/library/core/src/str/mod.rs',
  'textbench::parse::parse_line': 'src/parse.rs',
  'textbench::report::summary': 'src/report.rs',
  memchr: '[registry]/memchr-2.7.4/src/lib.rs',
};

const call = (caller: string, callee: string, calls: number, inclusive: number): FunctionCall => ({
  caller,
  callee,
  calls,
  inclusive,
});

/**
 * `parse`: lang_start → parse::main → parse_log → str::split → parse_line → memchr, and
 * parse::main → summary → memchr, with `memchr` costing `fromLine` (in `lineCalls` calls) under
 * parse_line and 20 (in 5 calls) under summary.
 */
function parseBenchmark(lineCalls: number, fromLine: number): BenchmarkProfile {
  const self = {
    'std::rt::lang_start': 10,
    'parse::main': 10,
    'textbench::parse::parse_log': 20,
    'core::str::<impl str>::split': 5,
    'textbench::parse::parse_line': 30,
    'textbench::report::summary': 15,
    memchr: fromLine + 20,
  };
  const profile = benchmark('parse', self);
  for (const fn of profile.functions) fn.file = FILES[fn.name]!;
  const line = 30 + fromLine;
  const log = 20 + 5 + line;
  const summary = 15 + 20;
  profile.calls = [
    call('std::rt::lang_start', 'parse::main', 1, 10 + log + summary),
    call('parse::main', 'textbench::parse::parse_log', 1, log),
    call('parse::main', 'textbench::report::summary', 1, summary),
    call('textbench::parse::parse_log', 'core::str::<impl str>::split', 1, 5 + line),
    call('core::str::<impl str>::split', 'textbench::parse::parse_line', 1, line),
    call('textbench::parse::parse_line', 'memchr', lineCalls, fromLine),
    call('textbench::report::summary', 'memchr', 5, 20),
    call('memchr', 'memchr', 3, 7),
  ];
  return profile;
}

/** memchr's heaviest path, str::split (std's) left out. */
const MEMCHR_PATH = [
  'parse',
  'parse::main',
  'textbench::parse::parse_log',
  'textbench::parse::parse_line',
  'memchr',
];

describe('compareProfiles: the call graph', () => {
  it('gives a regressed function its path through the crate’s own functions, its inclusive costs and who called it more', () => {
    const comparison = compareProfiles(
      document([parseBenchmark(10, 80)]),
      document([parseBenchmark(30, 280)]),
      DEFAULTS,
    );
    const [parse] = comparison.benchmarks;
    expect(parse!.status).toBe('regressed');
    expect(parse!.functions).toEqual([
      {
        name: 'memchr',
        file: FILES.memchr,
        line: 7,
        base: 100,
        head: 300,
        delta: 200,
        change: 200,
        status: 'regressed',
        significant: true,
        inclusive: { base: 100, head: 300 },
        callPath: MEMCHR_PATH,
        calledMoreBy: { caller: 'textbench::parse::parse_line', base: 10, head: 30 },
      },
    ]);
  });

  it('names no caller when the function did more work per call, not more calls', () => {
    const [parse] = compareProfiles(
      document([parseBenchmark(10, 80)]),
      document([parseBenchmark(10, 280)]),
      DEFAULTS,
    ).benchmarks;
    const memchr = parse!.functions[0]!;
    expect(memchr).toMatchObject({ name: 'memchr', status: 'regressed' });
    expect(memchr.callPath).toHaveLength(5);
    expect(memchr).not.toHaveProperty('calledMoreBy');
  });

  it('names no caller in a benchmark cut from a harness run, whose call counts include the harness’s', () => {
    const cut = (profile: BenchmarkProfile): BenchmarkProfile => ({
      ...profile,
      name: 'ops/parse',
      target: 'ops',
      id: 'parse',
      harness: 'criterion',
    });
    const [parse] = compareProfiles(
      document([cut(parseBenchmark(10, 80))]),
      document([cut(parseBenchmark(30, 280))]),
      DEFAULTS,
    ).benchmarks;
    const memchr = parse!.functions[0]!;
    expect(memchr).toMatchObject({ name: 'memchr', status: 'regressed' });
    expect(memchr.callPath).toEqual(['ops/parse', ...MEMCHR_PATH.slice(1)]);
    expect(memchr).not.toHaveProperty('calledMoreBy');
  });

  it('gives a removed function of an improved benchmark the base’s path', () => {
    const base = parseBenchmark(10, 80);
    const head = benchmark('parse', {
      'std::rt::lang_start': 10,
      'parse::main': 10,
      'textbench::parse::parse_log': 20,
    });
    head.calls = [
      call('std::rt::lang_start', 'parse::main', 1, 30),
      call('parse::main', 'textbench::parse::parse_log', 1, 20),
    ];
    const [parse] = compareProfiles(document([base]), document([head]), DEFAULTS).benchmarks;
    expect(parse!.status).toBe('improved');
    const memchr = parse!.functions.find((change) => change.name === 'memchr')!;
    expect(memchr).toMatchObject({
      status: 'removed',
      inclusive: { base: 100, head: 0 },
      callPath: MEMCHR_PATH,
    });
    expect(memchr.calledMoreBy).toBeUndefined();
  });

  it('gives only inclusive costs where the benchmark did not move beyond its threshold', () => {
    const [parse] = compareProfiles(
      document([parseBenchmark(10, 80)]),
      document([parseBenchmark(11, 81)]),
      { threshold: 0.5, functionThreshold: 0.001 },
    ).benchmarks;
    expect(parse!.status).toBe('unchanged');
    expect(parse!.functions).toEqual([
      expect.objectContaining({ name: 'memchr', inclusive: { base: 100, head: 101 } }),
    ]);
    expect(parse!.functions[0]).not.toHaveProperty('callPath');
    expect(parse!.functions[0]).not.toHaveProperty('calledMoreBy');
  });

  it('adds nothing where a side has no call graph (a Cachegrind profile)', () => {
    const withoutCalls = benchmark('parse', {
      ...Object.fromEntries(Object.keys(FILES).map((name) => [name, 10])),
    });
    const [parse] = compareProfiles(
      document([withoutCalls]),
      document([parseBenchmark(30, 280)]),
      DEFAULTS,
    ).benchmarks;
    expect(parse!.status).toBe('regressed');
    for (const change of parse!.functions) {
      expect(Object.keys(change)).not.toContain('inclusive');
      expect(Object.keys(change)).not.toContain('callPath');
    }
  });
});
