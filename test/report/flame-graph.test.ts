/** Which flame graphs a comparison gets, and the files they are written to. */
import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import type { BenchmarkProfile } from '../../src/profile/profile.js';
import { movedFlameGraphs } from '../../src/report/flame-graph.js';
import { benchmark, document } from '../compare/documents.js';

const OPTIONS = { threshold: 0.01, functionThreshold: 0.001 };

/** A benchmark with a call graph: `main` calls `work`, which costs `cost`. */
function graphed(name: string, cost: number): BenchmarkProfile {
  return {
    ...benchmark(name, { main: 100, work: cost }),
    calls: [{ caller: 'main', callee: 'work', calls: 1, inclusive: cost }],
  };
}

describe('movedFlameGraphs', () => {
  it('draws the benchmarks that regressed or improved, each in a file of its own, however alike their names', () => {
    const base = document([
      graphed('parse/fib 10', 1_000),
      graphed('parse_fib_10', 1_000),
      graphed('..', 1_000),
      graphed('steady', 1_000),
      benchmark('no-graph', { main: 100, work: 1_000 }),
    ]);
    const head = document([
      graphed('parse/fib 10', 2_000),
      graphed('parse_fib_10', 500),
      graphed('..', 2_000),
      graphed('steady', 1_000),
      benchmark('no-graph', { main: 100, work: 2_000 }),
    ]);
    const files = movedFlameGraphs(base, head, compareProfiles(base, head, OPTIONS));
    expect(files.map(({ benchmark, fileName }) => [benchmark, fileName])).toEqual([
      ['parse/fib 10', 'parse_fib_10.flamegraph.html'],
      ['parse_fib_10', 'parse_fib_10-2.flamegraph.html'],
      ['..', '_.flamegraph.html'],
    ]);
    expect(files[0]!.html).toContain('<title>parse/fib 10: base → head</title>');
  });
});
