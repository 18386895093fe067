/**
 * End to end: the example crate's heap allocations under real valgrind (DHAT), without and with
 * its `alloc` feature (one more allocation per parsed line in `textbench::parse::parse_line`),
 * measured twice and in another directory, compared and rendered as the pull request comment.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { parseLimits } from '../../src/inputs/limits-file.js';
import { measure } from '../../src/measure/measure.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { nodeProcessRunner } from '../../src/system/process.js';
import { memoryLogger } from '../support/memory-logger.js';

const exampleCrate = fileURLToPath(new URL('../../examples/textbench', import.meta.url));

let scratch: string;
let base: ProfileDocument;
let again: ProfileDocument;
let moved: ProfileDocument;
let head: ProfileDocument;

async function measured(directory: string, out: string, cargoArgs: string[] = []) {
  const crate = join(scratch, directory, 'textbench');
  await cp(exampleCrate, crate, {
    recursive: true,
    filter: (source) => basename(source) !== 'target',
    force: false,
  });
  return measure(
    {
      manifestPath: join(crate, 'Cargo.toml'),
      benches: ['parse', 'hash'],
      commands: [],
      cargoArgs,
      runs: 1,
      metrics: ['instructions', 'allocations'],
      outDir: join(scratch, out),
    },
    { log: memoryLogger(), processes: nodeProcessRunner, env: process.env },
  );
}

/** The line of `textbench::parse::parse_line` that the `alloc` feature adds, read from the source. */
async function allocFeatureLine(): Promise<number> {
  const source = await readFile(join(exampleCrate, 'src', 'parse.rs'), 'utf8');
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.includes('black_box(line.to_owned())'));
  expect(lines[index - 1]).toContain('#[cfg(feature = "alloc")]');
  return index + 1;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-allocations-'));
  base = await measured('a', 'base');
  again = await measured('a', 'again');
  moved = await measured('somewhere/else', 'moved');
  head = await measured('a', 'head', ['--features', 'alloc']);
}, 900_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('allocations', () => {
  it("count what DHAT's own file counts, per benchmark", async () => {
    for (const [profile, out] of [
      [base, 'base'],
      [head, 'head'],
    ] as const) {
      for (const benchmark of profile.benchmarks) {
        const dhat = JSON.parse(
          await readFile(join(scratch, out, `${benchmark.name}.dhat.json`), 'utf8'),
        ) as { pps: { tbk: number; tb: number; gb: number }[] };
        const sum = (field: 'tbk' | 'tb' | 'gb') =>
          dhat.pps.reduce((total, point) => total + point[field], 0);
        expect(benchmark.allocations).toMatchObject({
          allocations: sum('tbk'),
          bytes: sum('tb'),
          peakBytes: sum('gb'),
        });
      }
    }
  });

  it('agree between two runs and with an identical build in another directory', () => {
    const figures = (profile: ProfileDocument) =>
      profile.benchmarks.map((benchmark) => [benchmark.name, benchmark.allocations]);
    expect(figures(again)).toEqual(figures(base));
    expect(figures(moved)).toEqual(figures(base));
    const comparison = compareProfiles(base, moved, { threshold: 0.01, functionThreshold: 0.001 });
    for (const benchmark of comparison.benchmarks) {
      expect(benchmark.allocations).toMatchObject({ status: 'unchanged', change: 0, sites: [] });
    }
  });

  it("name the `alloc` feature's regression, its site and its counts in the comment", async () => {
    const line = await allocFeatureLine();
    const comparison = compareProfiles(base, head, { threshold: 0.01, functionThreshold: 0.001 });
    const parse = comparison.benchmarks.find((benchmark) => benchmark.name === 'parse')!;
    const hash = comparison.benchmarks.find((benchmark) => benchmark.name === 'hash')!;
    const before = base.benchmarks.find((benchmark) => benchmark.name === 'parse')!.allocations!;
    expect(comparison.regressed).toBe(true);
    expect(parse.allocations!.status).toBe('regressed');
    expect(parse.allocations!.head!.allocations - parse.allocations!.base!.allocations).toBe(3000);
    expect(parse.allocations!.base!.allocations).toBe(before.allocations);
    expect(parse.allocations!.sites).toEqual([
      {
        function: 'textbench::parse::parse_line',
        file: 'src/parse.rs',
        line,
        base: { allocations: 0, bytes: 0 },
        head: { allocations: 3000, bytes: expect.any(Number) },
      },
    ]);
    expect(hash.allocations).toMatchObject({ status: 'unchanged', sites: [] });

    const comment = renderMarkdown(comparison, { target: 'comment' });
    expect(comment).toContain('**1 allocation regression**');
    expect(comment).toContain(
      `Allocation sites of <code>parse</code> that changed (🔴 regressed ${parse.allocations!.change! > 0 ? '+' : ''}`,
    );
    expect(comment).toMatch(
      new RegExp(
        `\\| <code>textbench::parse::parse&#95;line</code> \\| <code>src/parse.rs:${line}</code> \\| 0 \\| 3,000 \\| \\+3,000 \\|`,
      ),
    );
  });

  it("hold the `alloc` feature's head to a budget of allocations in rust-perf.toml", () => {
    const before = base.benchmarks.find((benchmark) => benchmark.name === 'parse')!.allocations!;
    const limit = before.allocations + 1_500;
    const limits = parseLimits(
      `[[benchmark]]\nname = "parse"\nmax-allocations = ${limit}\n`,
      'rust-perf.toml',
    );
    const options = { threshold: 0.01, functionThreshold: 0.001, limits };
    const within = compareProfiles(base, again, options);
    expect(within.regressed).toBe(false);
    const over = compareProfiles(base, head, options);
    const parse = over.benchmarks.find((benchmark) => benchmark.name === 'parse')!;
    expect(parse.overBudget).toEqual([
      { metric: 'allocations', limit, count: before.allocations + 3000 },
    ]);
    expect(renderMarkdown(over, { target: 'comment' })).toContain(
      `- <code>parse</code>: ${(before.allocations + 3000).toLocaleString('en-US')} allocations, budget ${limit.toLocaleString('en-US')}`,
    );
  });
});
