import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { saveBaseline } from '../../src/publish/local-baselines.js';
import { runCli } from '../support/cli.js';
import { sampleDocument } from '../support/sample-profile.js';

let targetDir: string;
beforeEach(async () => {
  targetDir = await mkdtemp(join(tmpdir(), 'rust-perf-history-'));
});
afterEach(async () => {
  await rm(targetDir, { recursive: true, force: true });
});

function measured(commit: string, parse: number, rustc?: string): ProfileDocument {
  const doc = sampleDocument();
  doc.commit = commit.repeat(40);
  doc.benchmarks[0]!.totals.Ir = parse;
  // Its functions' counts add up to its total, as a reader checks.
  doc.benchmarks[0]!.functions[0]!.counts.Ir = parse - 100;
  if (rustc !== undefined) doc.fingerprint.rustc = rustc;
  return doc;
}

describe('rust-perf history', () => {
  it('prints the trend of each benchmark of a baseline saved again and again under one name', async () => {
    for (const [commit, parse] of [
      ['a', 1000],
      ['b', 1000],
      ['c', 1200],
      ['d', 1500],
    ] as const) {
      await saveBaseline(targetDir, 'main', measured(commit, parse));
    }
    const file = join(targetDir, 'rust-perf', 'baselines', 'main', 'profile.json');

    const text = await runCli(['history', file], { cwd: targetDir });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toBe(
      [
        'benchmark  trend  first   last   change  commits',
        'ops/parse  ▁▁▄█   1,000  1,500  +50.00%  aaaaaaaaaa … dddddddddd',
        'empty      ▄▄▄▄       0      0           aaaaaaaaaa … dddddddddd',
        '',
      ].join('\n'),
    );

    const markdown = await runCli(['history', file, '--format', 'markdown'], { cwd: targetDir });
    expect(markdown.stdout).toContain('  line [1000, 1000, 1200, 1500]');
  });

  it('starts a new history when the toolchain changed, and says when there is none', async () => {
    await saveBaseline(targetDir, 'main', measured('a', 1000));
    await saveBaseline(targetDir, 'main', measured('b', 900, 'rustc 1.96.0'));
    const file = join(targetDir, 'rust-perf', 'baselines', 'main', 'profile.json');

    const result = await runCli(['history', file], { cwd: targetDir });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.log).toEqual([
      `${file} carries no history: no baseline of an earlier commit was saved before it under its name and conditions.`,
    ]);
  });

  it('refuses a file that is not a profile', async () => {
    const result = await runCli(['history', 'missing.json'], { cwd: targetDir });
    expect(result.exitCode).toBe(2);
    expect(result.log).toEqual(['rust-perf history: cannot read missing.json: no such file']);
  });
});
