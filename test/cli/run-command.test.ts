/**
 * `rust-perf run` end to end: real git, real cargo, real valgrind, on a repository made of the
 * example crate whose second commit turns on its `slow` feature (which slows exactly
 * `textbench::parse::parse_field`). Only the `parse` bench is measured, to keep it quick.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/comparison.js';
import { parseProfileDocument } from '../../src/profile/document.js';
import { runCli } from '../support/cli.js';
import {
  createExampleCrateRepository,
  exampleCrateDir,
  type GitRepository,
} from '../support/git-fixture.js';

const SLOWED = 'textbench::parse::parse_field';

let repository: GitRepository;
let withoutSlow: string;
let withSlow: string;
let manifest: string;
/** The example crate copied outside any git repository. */
let plainCrateManifest: string;

beforeAll(async () => {
  const outside = await realpath(await mkdtemp(join(tmpdir(), 'rust-perf-plain-')));
  await cp(exampleCrateDir, join(outside, 'textbench'), {
    recursive: true,
    filter: (source) => source !== join(exampleCrateDir, 'target'),
  });
  plainCrateManifest = join(outside, 'textbench', 'Cargo.toml');

  repository = await createExampleCrateRepository();
  withoutSlow = repository.git('rev-parse', 'HEAD');
  manifest = await readFile(join(repository.dir, 'Cargo.toml'), 'utf8');
  await repository.write('Cargo.toml', withSlowByDefault(manifest));
  withSlow = repository.commitAll('Make parse_field slow');
});

afterAll(async () => {
  await repository.remove();
  await rm(dirname(dirname(plainCrateManifest)), { recursive: true, force: true });
});

function withSlowByDefault(text: string): string {
  expect(text).toContain('slow = []');
  return text.replace('slow = []', 'slow = []\ndefault = ["slow"]');
}

/** Runs the CLI in-process in `cwd`, as a user in a terminal-less shell would. */
const run = (args: string[], cwd = repository.dir) => runCli(args, { cwd, env: repository.env });

// Relative to the repository (the CLI's cwd), and ignored by git: the tree stays clean.
const measureParse = ['--bench', 'parse', '--out', 'target/rust-perf-out'];

/** `rust-perf run ARGS` on the `parse` bench, with its JSON report read back. */
async function runWithReport(...args: string[]) {
  const result = await run(['run', ...args, ...measureParse, '--format', 'json']);
  try {
    return { ...result, comparison: JSON.parse(result.stdout) as Comparison };
  } catch {
    throw new Error(`rust-perf run printed no JSON report; it logged:\n${result.log.join('\n')}`);
  }
}

/** The worktree a run measured its base in, from its progress output. */
function worktreeOf(log: string[]): string {
  const line = log.find((entry) => entry.includes('in a temporary worktree '));
  expect(line).toBeDefined();
  return line!.split('in a temporary worktree ')[1]!;
}

describe('rust-perf run --base-ref', () => {
  it('finds the slowed function as the top regression, and removes its worktree', async () => {
    const result = await runWithReport('--base-ref', 'HEAD~1', '--fail-on-regression');
    expect(result.exitCode).toBe(1);
    const { comparison } = result;
    expect(comparison.regressed).toBe(true);
    expect(comparison.base.commit).toBe(withoutSlow);
    expect(comparison.head.commit).toBe(withSlow);
    expect(comparison.fingerprintDifferences).toEqual([]);
    const [parse, ...others] = comparison.benchmarks;
    expect(others).toEqual([]);
    expect(parse).toMatchObject({ name: 'parse', status: 'regressed' });
    expect(parse!.functions[0]).toMatchObject({ name: SLOWED, status: 'regressed' });
    expect(parse!.functions[0]!.delta).toBeGreaterThan(0);

    expect(result.log).toContain(
      `Comparing the working tree (no uncommitted changes) with HEAD~1 (${withoutSlow.slice(0, 12)}).`,
    );
    const worktree = worktreeOf(result.log);
    expect(existsSync(dirname(worktree))).toBe(false);
    expect(repository.worktrees()).toEqual([repository.dir]);
    // Both sides built in the repository's own target directory.
    expect(existsSync(join(repository.dir, 'target', 'release'))).toBe(true);
    const out = join(repository.dir, 'target', 'rust-perf-out');
    expect(existsSync(join(out, 'base', 'profile.json'))).toBe(true);
    expect(existsSync(join(out, 'head', 'profile.json'))).toBe(true);
    // Next to them, the regressed benchmark's differential flame graph, named on stderr.
    const flameGraph = join(out, 'parse.flamegraph.html');
    expect(result.log).toContain(`Flame graph: ${flameGraph}`);
    const html = await readFile(flameGraph, 'utf8');
    expect(html).toContain('<title>parse: base → head</title>');
    expect(html).toContain(`"name":"${SLOWED}"`);
    expect(repository.git('status', '--porcelain')).toBe('');
  });

  it('measures a dirty working tree as it is, against the committed ref, and says so', async () => {
    // Undo the slow default without committing: the tree now matches HEAD~1 again.
    await repository.write('Cargo.toml', manifest);
    try {
      const result = await runWithReport('--base-ref', 'HEAD~1');
      expect(result.exitCode).toBe(0);
      const { comparison } = result;
      expect(comparison.regressed).toBe(false);
      expect(comparison.base.commit).toBe(withoutSlow);
      expect(comparison.head.commit).toBeUndefined();
      expect(comparison.benchmarks[0]!.status).toBe('unchanged');
      expect(comparison.benchmarks[0]!.functions.filter((f) => f.significant)).toEqual([]);
      expect(result.log).toContain(
        `The working tree has uncommitted changes: it is measured as it is, against HEAD~1 (${withoutSlow.slice(0, 12)}) as committed.`,
      );
      expect(repository.worktrees()).toEqual([repository.dir]);
    } finally {
      await repository.write('Cargo.toml', withSlowByDefault(manifest));
    }
  });

  it('stops at a ref that does not exist, before building anything', async () => {
    const result = await run(['run', '--base-ref', 'no-such-branch', ...measureParse]);
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      log: [
        "rust-perf run: 'no-such-branch' does not name a commit in this repository.\n" +
          'Branches here: main (checked out). Use a branch, tag or commit that exists locally (run `git fetch` for remote ones).',
      ],
    });
  });

  it('says when the crate is not in a git repository', async () => {
    const result = await run(['run', '--base-ref', 'HEAD', '--manifest-path', plainCrateManifest]);
    expect(result.exitCode).toBe(2);
    expect(result.log).toEqual([
      `rust-perf run: ${dirname(plainCrateManifest)} is not inside a git repository ` +
        '(fatal: not a git repository (or any of the parent directories): .git).',
    ]);
  });
});

describe('rust-perf run with named baselines', () => {
  it('saves a baseline and finds nothing significant against it when nothing changed', async () => {
    const saved = await run(['run', '--save-baseline', 'before', ...measureParse]);
    expect(saved.exitCode).toBe(0);
    const file = join(repository.dir, 'target', 'rust-perf', 'baselines', 'before', 'profile.json');
    expect(saved.log).toContain(`Saved baseline 'before': ${file}`);
    expect(saved.stdout).toMatch(
      /^bench +instructions +functions +nondeterministic\nparse +[\d,]+ Ir +\d+ +0\n$/,
    );
    const baseline = parseProfileDocument(await readFile(file, 'utf8'), file);
    expect(baseline.benchmarks.map((benchmark) => benchmark.name)).toEqual(['parse']);
    // The working tree has no uncommitted changes: the baseline is its commit.
    expect(baseline.commit).toBe(repository.git('rev-parse', 'HEAD'));

    const compared = await runWithReport('--baseline', 'before');
    expect(compared.exitCode).toBe(0);
    const { comparison } = compared;
    expect(comparison.regressed).toBe(false);
    expect(comparison.benchmarks).toMatchObject([
      { name: 'parse', status: 'unchanged', change: 0 },
    ]);
    expect(comparison.benchmarks[0]!.functions).toEqual([]);
    expect(compared.log).toContain("Comparing the working tree with baseline 'before'.");
  });

  it('names the saved baselines when asked for one that was never saved, before building', async () => {
    const result = await run(['run', '--baseline', 'after', ...measureParse]);
    const file = join(repository.dir, 'target', 'rust-perf', 'baselines', 'after', 'profile.json');
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      log: [
        `rust-perf run: there is no baseline named 'after' (no ${file}).\n` +
          'Saved baselines: before. Save a new one with `--save-baseline after`.',
      ],
    });
  });

  it('says that no baseline was saved yet, for a crate without any', async () => {
    const result = await run(['run', '--baseline', 'main', '--manifest-path', plainCrateManifest]);
    const file = join(dirname(plainCrateManifest), 'target/rust-perf/baselines/main/profile.json');
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      log: [
        `rust-perf run: there is no baseline named 'main' (no ${file}).\n` +
          'No baseline has been saved yet: save one with `--save-baseline main`.',
      ],
    });
  });

  it('refuses a baseline file that is not a profile document, before building', async () => {
    const file = join(repository.dir, 'target', 'rust-perf', 'baselines', 'broken', 'profile.json');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '{"version": 1, "tool": "rust-perf 0.1.0"');
    const result = await run(['run', '--baseline', 'broken', ...measureParse]);
    expect(result.exitCode).toBe(2);
    expect(result.log).toHaveLength(1);
    expect(result.log[0]).toMatch(
      new RegExp(`^rust-perf run: ${file}: not a profile document: invalid JSON \\(`),
    );
  });

  it.each([
    ['--baseline', '../escape'],
    ['--save-baseline', 'a/b'],
    ['--save-baseline', '..'],
    ['--baseline', ''],
    ['--save-baseline', 'name with spaces'],
  ])('refuses %s %j before building', async (option, name) => {
    const result = await run(['run', option, name, ...measureParse]);
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      log: [
        `rust-perf run: '${name}' is not a valid baseline name: use 1 to 100 letters, digits, '-', '_' or '.' (not only dots).`,
      ],
    });
  });

  it('refuses two bases at once', async () => {
    const result = await run(['run', '--base-ref', 'HEAD~1', '--baseline', 'before']);
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      log: ['rust-perf run: --base-ref and --baseline both name the base: give one of them.'],
    });
  });
});

describe('rust-perf run --head-cargo-args (npm run demo)', () => {
  it('compares the crate without and with the extra cargo arguments, no git needed', async () => {
    const result = await run([
      'run',
      '--manifest-path',
      plainCrateManifest,
      '--head-cargo-args=--features slow',
      '--bench',
      'parse',
      '--out',
      join(dirname(plainCrateManifest), 'rust-perf-out'),
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.log).toContain(
      'Comparing the working tree built with `--features slow` against without.',
    );
    // Markdown, as stdout is no terminal: the verdict, then the slowed function on top.
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^🔴 \*\*1 regression\*\* in 1 benchmark/);
    const firstFunctionRow = lines.find((line) => line.startsWith('| <code>textbench::'));
    expect(firstFunctionRow).toContain('<code>textbench::parse::parse&#95;field</code>');
  });
});
