/**
 * End to end on real profiles: the example crate built by cargo and measured under valgrind,
 * then compared with the default thresholds (a benchmark beyond 1%, a function from 0.1%).
 * Three builds: the crate as it is, the same copy with its `slow` feature (which slows exactly
 * `textbench::parse::parse_field`, called by every bench but `hash`), and an unchanged copy in
 * another directory with another version, which must compare as no change at all.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import type { BenchmarkComparison, Comparison } from '../../src/compare/comparison.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { expectCallTreeAddsUp } from '../support/call-tree.js';
import { copyExampleCrate, measureExampleCrate } from '../support/measure-textbench.js';

const DEFAULTS = { threshold: 0.01, functionThreshold: 0.001 };
const SLOWED = 'textbench::parse::parse_field';

let scratch: string;
let base: ProfileDocument;
let slow: ProfileDocument;
let rebuilt: ProfileDocument;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-compare-'));
  const crate = await copyExampleCrate(join(scratch, 'a', 'textbench'));
  const copy = await copyExampleCrate(join(scratch, 'somewhere', 'else', 'textbench'), {
    version: '0.2.0',
  });
  base = await measureExampleCrate(crate, join(scratch, 'base'));
  slow = await measureExampleCrate(crate, join(scratch, 'slow'), {
    cargoArgs: ['--features', 'slow'],
  });
  rebuilt = await measureExampleCrate(copy, join(scratch, 'rebuilt'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const bench = (comparison: Comparison, name: string): BenchmarkComparison => {
  const found = comparison.benchmarks.find((benchmark) => benchmark.name === name);
  if (!found) throw new Error(`no benchmark ${name}`);
  return found;
};

/** The first function row of the table under a benchmark's heading in a Markdown report. */
function firstFunctionRow(markdown: string, heading: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  expect(start, heading).toBeGreaterThan(0);
  return lines.slice(start + 1).find((line) => line.startsWith('| <code>'));
}

describe('comparing real profiles of the example crate', () => {
  it('finds parse_field, and nothing else, behind the regression the `slow` feature causes', () => {
    const comparison = compareProfiles(base, slow, DEFAULTS);
    expect(comparison.regressed).toBe(true);
    expect(comparison.fingerprintDifferences).toEqual([]);
    const parse = bench(comparison, 'parse');
    expect(parse.status).toBe('regressed');
    expect(parse.functions[0]).toMatchObject({
      name: SLOWED,
      status: 'regressed',
      significant: true,
    });
    expect(parse.functions[0]!.delta).toBeGreaterThan(parse.base! * 0.1);
    // `format` and `sort` parse their input too; `hash` does not.
    expect(comparison.benchmarks.map(({ name, status }) => [name, status])).toEqual([
      ['format', 'regressed'],
      ['hash', 'unchanged'],
      ['parse', 'regressed'],
      ['sort', 'regressed'],
    ]);
    for (const benchmark of comparison.benchmarks) {
      const significant = benchmark.functions.filter((change) => change.significant);
      expect(
        significant.map((change) => change.name),
        benchmark.name,
      ).toEqual(benchmark.name === 'hash' ? [] : [SLOWED]);
    }
  });

  it('names parse_field first under the `parse` heading of the pull request comment', () => {
    const markdown = renderMarkdown(compareProfiles(base, slow, DEFAULTS), { target: 'comment' });
    expect(markdown.split('\n')[0]).toBe(
      '🔴 **3 regressions** in 4 benchmarks · instructions (Ir)',
    );
    expect(firstFunctionRow(markdown, '#### 🔴 regressed: <code>parse</code> +')).toMatch(
      /^\| <code>textbench::parse::parse&#95;field<\/code><br><sub><code>parse<\/code> → <code>parse::main<\/code> → <code>textbench::parse::parse&#95;log<\/code> → .* → <code>textbench::parse::parse&#95;line<\/code> → <code>textbench::parse::parse&#95;field<\/code><\/sub> \| .* \| 🔴 regressed \|$/,
    );
  });

  it('gives parse_field the path of calls from each benchmark through the crate’s own functions', () => {
    const comparison = compareProfiles(base, slow, DEFAULTS);
    for (const name of ['format', 'parse', 'sort']) {
      const change = bench(comparison, name).functions[0]!;
      const path = change.callPath!;
      expect(path[0]).toBe(name);
      expect(path[1]).toBe(`${name}::main`);
      expect(path.at(-2)).toBe('textbench::parse::parse_line');
      expect(path.at(-1)).toBe(SLOWED);
      // Every frame between the benchmark and parse_field is one of the crate's own.
      const head = slow.benchmarks.find((benchmark) => benchmark.name === name)!;
      const files = new Map(head.functions.map((fn) => [fn.name, fn.file]));
      for (const frame of path.slice(1)) {
        expect(files.get(frame), frame).toMatch(/^(src|benches)\//);
      }
      // The slow feature does more work per call, not more calls.
      expect(change.calledMoreBy).toBeUndefined();
      expect(change.inclusive!.head - change.inclusive!.base).toBe(change.delta);
    }
    expect(bench(comparison, 'parse').functions[0]!.callPath).toContain(
      'textbench::parse::parse_log',
    );
    // On both sides of the pair, the call tree adds up to each benchmark's total.
    for (const benchmark of [...base.benchmarks, ...slow.benchmarks]) {
      expectCallTreeAddsUp(benchmark);
    }
  });

  it('reports nothing for the unchanged crate rebuilt in another directory with another version', () => {
    const comparison = compareProfiles(base, rebuilt, DEFAULTS);
    expect(comparison.regressed).toBe(false);
    expect(comparison.fingerprintDifferences).toEqual([]);
    expect(comparison.benchmarks.map(({ name, status }) => [name, status])).toEqual([
      ['format', 'unchanged'],
      ['hash', 'unchanged'],
      ['parse', 'unchanged'],
      ['sort', 'unchanged'],
    ]);
    const significant = comparison.benchmarks.flatMap((benchmark) =>
      benchmark.functions.filter((change) => change.significant).map((change) => change.name),
    );
    expect(significant).toEqual([]);
    expect(renderText(comparison, { color: false }).split('\n')[0]).toBe(
      'No significant change in 4 benchmarks · instructions (Ir)',
    );
  });
});

/**
 * The README's quick start shows what `npm run demo` prints on a terminal: this comparison,
 * rendered as text. Words, columns and statuses must be exactly the README's; the counts only
 * close to them. Valgrind and glibc versions change the start-up code's counts, and so does the
 * size of the environment (PATH, HOME), which shifts the stack: the totals of a real run differ
 * from the README's by some hundreds of instructions, on another machine by more.
 */
describe("the README's quick start", () => {
  const NUMBER = /[+-]?\d[\d,]*(?:\.\d+)?%?/g;
  const numbers = (text: string) =>
    [...text.matchAll(NUMBER)].map((match) => Number(match[0].replace(/[,%+]/g, '')));
  const shape = (line: string) => line.replace(NUMBER, '#').replace(/ +/g, ' ').trimEnd();

  it('shows the start of the text report of the demo, numbers within 0.5% or 0.05 points', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const quickStart = readme.slice(readme.indexOf('<!-- section: quick-start -->'));
    const block = /```text\n([\s\S]*?)\n…\n```/.exec(quickStart)?.[1];
    expect(block).toBeDefined();
    const shown = block!.split('\n');
    const printed = renderText(compareProfiles(base, slow, DEFAULTS), { color: false })
      .split('\n')
      .slice(0, shown.length);
    expect(printed.map(shape)).toEqual(shown.map(shape));
    for (const [index, line] of shown.entries()) {
      const [expected, actual] = [numbers(line), numbers(printed[index]!)];
      for (const [position, value] of expected.entries()) {
        // Percentages (a change) within 0.05 points, counts within 0.5%.
        const tolerance = /%/.test(line.match(NUMBER)![position]!) ? 0.05 : Math.abs(value) * 0.005;
        expect(
          Math.abs(actual[position]! - value),
          `${line}\n${printed[index]}`,
        ).toBeLessThanOrEqual(tolerance);
      }
    }
  });
});
