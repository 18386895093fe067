import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serialiseProfileDocument } from '../../src/profile/document.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { runCli } from '../support/cli.js';
import { sampleDocument } from '../support/sample-profile.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const BASE = 'profiles/textbench-base.json';
const HEAD = 'profiles/textbench-head.json';

/** Runs `rust-perf ...args` in-process from the fixtures directory. */
const run = (args: string[], options: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}) =>
  runCli(args, { cwd: FIXTURES, ...options });

/** One benchmark of `functions` functions, each `scale` times its base count. */
function wideProfile(functions: number, scale: number): ProfileDocument {
  const counts = Array.from({ length: functions }, (_, index) => (1000 + index) * scale);
  const total = counts.reduce((sum, count) => sum + count, 0);
  return {
    ...sampleDocument(),
    benchmarks: [
      {
        name: 'wide',
        target: 'wide',
        harness: 'plain',
        command: ['/bin/wide'],
        events: ['Ir'],
        totals: { Ir: total },
        nondeterministic: [],
        functions: counts.map((count, index) => ({
          name: `wide::module_${index}::function_with_a_long_name_${index}`,
          file: `src/module_${index}.rs`,
          line: index + 1,
          counts: { Ir: count },
        })),
      },
    ],
  };
}

describe('rust-perf compare', () => {
  it('prints the comment-sized Markdown with --format comment, within what a GitHub comment holds', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'rust-perf-wide-'));
    try {
      await writeFile(
        join(directory, 'base.json'),
        serialiseProfileDocument(wideProfile(10_000, 1)),
      );
      await writeFile(
        join(directory, 'head.json'),
        serialiseProfileDocument(wideProfile(10_000, 3)),
      );
      const args = ['compare', 'base.json', 'head.json', '--format'];
      const summary = await runCli([...args, 'markdown'], { cwd: directory });
      const comment = await runCli([...args, 'comment'], { cwd: directory });

      expect(summary.stdout.length).toBeGreaterThan(65_536);
      expect(comment.exitCode).toBe(0);
      expect(comment.stdout.length).toBeLessThanOrEqual(65_536);
      expect(comment.stdout).toContain('**1 regression** in 1 benchmark');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('reports a regression as JSON and exits 0 unless asked to fail', async () => {
    const { exitCode, stdout } = await run(['compare', BASE, HEAD, '--format', 'json']);
    expect(exitCode).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ regressed: true, threshold: 0.01, functionThreshold: 0.001 });
    expect(report.benchmarks.map((benchmark: { status: string }) => benchmark.status)).toEqual([
      'regressed',
      'unchanged',
      'improved',
      'unchanged',
      'removed',
      'added',
    ]);
  });

  it('exits 1 on a regression with --fail-on-regression, 0 when the threshold tolerates it', async () => {
    expect((await run(['compare', BASE, HEAD, '--fail-on-regression'])).exitCode).toBe(1);
    const tolerant = await run([
      'compare',
      BASE,
      HEAD,
      '--fail-on-regression',
      '--threshold',
      '30%',
      '--format',
      'json',
    ]);
    expect(tolerant.exitCode).toBe(0);
    expect(JSON.parse(tolerant.stdout)).toMatchObject({ regressed: false, threshold: 0.3 });
  });

  it('applies --function-threshold', async () => {
    const { stdout } = await run([
      'compare',
      BASE,
      HEAD,
      '--function-threshold',
      '30',
      '--format',
      'json',
    ]);
    const parse = JSON.parse(stdout).benchmarks[0];
    expect(
      parse.functions.filter((change: { significant: boolean }) => change.significant),
    ).toEqual([]);
  });

  it('writes colour text on a terminal, plain text with NO_COLOR, Markdown into a pipe', async () => {
    expect((await run(['compare', BASE, HEAD], { isTTY: true })).stdout).toContain(
      '\u001b[31mparse      4,812,345  6,016,008  +25.01%  regressed\u001b[0m',
    );
    const plain = (await run(['compare', BASE, HEAD], { isTTY: true, env: { NO_COLOR: '1' } }))
      .stdout;
    expect(plain.split('\n')[0]).toBe(
      '1 regression, 1 improvement, 1 added, 1 removed in 6 benchmarks · instructions (Ir)',
    );
    const piped = (await run(['compare', BASE, HEAD])).stdout;
    expect(piped.split('\n')[0]).toBe(
      '🔴 **1 regression**, 1 improvement, 1 added, 1 removed in 6 benchmarks · instructions (Ir)',
    );
  });

  it('compares two raw Cachegrind files with each other whatever their names', async () => {
    const { exitCode, stdout, log } = await run([
      'compare',
      'cachegrind/3.19-legacy-names.cachegrind.out',
      'cachegrind/3.24-legacy-names.cachegrind.out',
      '--format',
      'json',
    ]);
    expect(exitCode).toBe(0);
    expect(log).toEqual([
      "Comparing benchmark '3.24-legacy-names' with '3.19-legacy-names', the only one on each side.",
    ]);
    const report = JSON.parse(stdout);
    expect(report.fingerprintDifferences).toEqual([]);
    expect(
      report.benchmarks.map(
        ({ name, status }: { name: string; status: string }) => `${name} ${status}`,
      ),
    ).toEqual(['3.19-legacy-names unchanged']);
  });

  it.each([
    [
      ['compare', BASE],
      'rust-perf compare: expected two files, BASE and HEAD, got 1.\nRun `rust-perf compare --help` for usage.',
    ],
    [
      ['compare', BASE, HEAD, HEAD],
      'rust-perf compare: expected two files, BASE and HEAD, got 3.\nRun `rust-perf compare --help` for usage.',
    ],
    [
      ['compare', BASE, HEAD, '--threshold=-1%'],
      "rust-perf compare: --threshold must be a percentage from 0% to 100% such as '1%' or '0.1%', got '-1%'.",
    ],
    [
      ['compare', BASE, HEAD, '--format', 'html'],
      "rust-perf compare: --format must be one of markdown, comment, text, json, got 'html'.",
    ],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { exitCode, stdout, log } = await run(args);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(log).toEqual([message]);
  });

  it('holds each benchmark to the limits of --limits, and names the line of a mistake', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rust-perf-limits-'));
    try {
      const limits = join(dir, 'rust-perf.toml');
      await writeFile(limits, '[[benchmark]]\nname = "pars*"\nthreshold = "30%"\n');
      const loose = await run(['compare', BASE, HEAD, '--limits', limits, '--format', 'json']);
      expect(loose.exitCode).toBe(0);
      const report = JSON.parse(loose.stdout);
      expect(report).toMatchObject({ regressed: false, limits });
      expect(report.benchmarks[0]).toMatchObject({ name: 'parse', threshold: 0.3 });

      // Profiles without allocations: a budget of them is named as not checked, and passes.
      await writeFile(
        limits,
        '[[benchmark]]\nname = "pars*"\nthreshold = "30%"\nmax-allocations = 0\n',
      );
      const unchecked = await run(['compare', BASE, HEAD, '--limits', limits, '--format', 'text']);
      expect(unchecked.exitCode).toBe(0);
      expect(unchecked.stdout).toMatch(
        /^parse .* unchanged \(threshold 30%, allocation budget not checked\)$/m,
      );

      await writeFile(limits, '[[benchmark]]\nname = "parse"\nignore = "yes"\n');
      const wrong = await run(['compare', BASE, HEAD, '--limits', limits]);
      expect(wrong.exitCode).toBe(2);
      expect(wrong.log[0]).toContain(
        `${limits}:3: benchmark[0].ignore: must be true or false, got "yes"`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unknown option and on a file that is not a profile', async () => {
    expect((await run(['compare', BASE, HEAD, '--treshold', '1%'])).exitCode).toBe(2);
    const missing = await run(['compare', BASE, 'profiles/missing.json']);
    expect(missing.exitCode).toBe(2);
    expect(missing.log[0]).toContain('missing.json');
  });

  it('prints its full help', async () => {
    const { exitCode, stdout } = await run(['compare', '--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Usage: rust-perf compare BASE HEAD [options]');
    expect(stdout).toContain('--fail-on-regression');
  });
});
