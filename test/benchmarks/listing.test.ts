import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listedBenchmarks } from '../../src/benchmarks/listing.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/harness/${name}`, import.meta.url), 'utf8');

describe('listedBenchmarks', () => {
  it('reads criterion 0.3.6’s --bench --list, past its warnings, in run order', () => {
    expect(listedBenchmarks(fixture('criterion-0.3.6.list.txt'))).toEqual([
      'fib 15',
      'sum_squares 1000',
      'words/count/10',
      'words/count/100',
      'batched',
    ]);
  });

  it('reads libtest’s --list: benchmarks only, not tests or the summary', () => {
    expect(listedBenchmarks(`${fixture('libtest.list.txt')}a_test: test\n`)).toEqual([
      'bench_fib',
      'bench_sum',
      'nested::words',
    ]);
  });

  it('reads the older `: bench` form and ids containing colons', () => {
    expect(listedBenchmarks('group: a: bench\r\nplain: bench\n')).toEqual(['group: a', 'plain']);
  });
});
