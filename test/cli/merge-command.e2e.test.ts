import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfileDocument } from '../../src/profile/document.js';
import { runCli } from '../support/cli.js';
import { copyExampleCrate } from '../support/measure-textbench.js';

describe('rust-perf measure --shard and rust-perf merge on the example crate', () => {
  it('measures each target in exactly one shard and merges them into one profile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rust-perf-shards-'));
    const manifest = await copyExampleCrate(join(dir, 'textbench'));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const shardFiles: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const out = join(dir, `shard-${shard[0]}`);
      const measured = await runCli(
        ['measure', '--manifest-path', manifest, '--runs', '1', '--shard', shard, '--out', out],
        { cwd: dir, env },
      );
      expect(measured.exitCode, measured.log.join('\n')).toBe(0);
      expect(measured.log.some((line) => line.startsWith(`Shard ${shard} measures `))).toBe(true);
      shardFiles.push(join(out, 'profile.json'));
    }
    const shards = await Promise.all(
      shardFiles.map(async (file) => parseProfileDocument(await readFile(file, 'utf8'), file)),
    );
    expect(shards.map((shard) => shard.shard)).toEqual([
      { index: 1, count: 2 },
      { index: 2, count: 2 },
    ]);

    const merged = await runCli(['merge', '--out', 'merged.json', ...shardFiles], { cwd: dir });
    expect(merged.exitCode, merged.log.join('\n')).toBe(0);
    const profile = parseProfileDocument(
      await readFile(join(dir, 'merged.json'), 'utf8'),
      'merged.json',
    );
    expect(profile.shard).toBeUndefined();
    expect(profile.benchmarks.map((benchmark) => benchmark.name)).toEqual([
      'format',
      'hash',
      'parse',
      'sort',
    ]);
    expect(profile.benchmarks).toEqual(
      shards.flatMap((shard) => shard.benchmarks).sort((a, b) => (a.name < b.name ? -1 : 1)),
    );

    const missing = await runCli(['merge', '--out', 'partial.json', shardFiles[1]!], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.log.join('\n')).toContain(
      'rust-perf merge: shard 1/2 is missing: a merge of 2 shards needs every one',
    );
  }, 300_000);
});
