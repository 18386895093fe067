/** What every measured call graph must satisfy, whatever the benchmark. */
import { expect } from 'vitest';
import { foldedStacks } from '../../src/profile/call-graph.js';
import type { BenchmarkProfile } from '../../src/profile/profile.js';
import { benchmarkCallTree } from '../../src/report/flame-graph.js';

/**
 * The inclusive costs of the call tree's root frames add up to the benchmark's total, and so do
 * the counts of its folded stacks.
 */
export function expectCallTreeAddsUp(benchmark: BenchmarkProfile): void {
  const tree = benchmarkCallTree(benchmark)!;
  const roots = tree.children.map((root) => root.value);
  expect(
    roots.reduce((a, b) => a + b, 0),
    benchmark.name,
  ).toBe(benchmark.totals.Ir);
  const folded = foldedStacks([tree]).trimEnd().split('\n');
  const sum = folded.reduce(
    (total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)),
    0,
  );
  expect(sum, benchmark.name).toBe(benchmark.totals.Ir);
}
