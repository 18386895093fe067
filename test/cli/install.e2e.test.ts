/**
 * The `rust-perf` command as a user installs it: the packed package, installed into an empty
 * prefix with the network forbidden, runs from there. dist/cli.js is a bundle, so the package
 * needs nothing at run time: no dependency to fetch, no node_modules of its own.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const run = promisify(execFile);
const repository = fileURLToPath(new URL('../..', import.meta.url));

describe('the packed rust-perf package', () => {
  let scratch: string;
  let prefix: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'rust-perf-install-'));
    prefix = join(scratch, 'prefix');
    const packed = await run('npm', ['pack', '--json', '--pack-destination', scratch], {
      cwd: repository,
    });
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    // --offline: a runtime dependency would have to come from the network, and fail here.
    await run(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', filename],
      { cwd: scratch },
    );
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('declares no runtime dependencies and installs none', async () => {
    const installed = join(prefix, 'lib', 'node_modules', 'rust-perf-action');
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    expect(await readdir(join(prefix, 'lib', 'node_modules'))).toEqual(['rust-perf-action']);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it('puts a working rust-perf on the prefix PATH, away from the repository', async () => {
    const { stdout } = await run(join(prefix, 'bin', 'rust-perf'), ['--help'], {
      cwd: scratch,
      env: { PATH: process.env.PATH },
    });
    const help = (await runCli(['--help'], { cwd: scratch })).stdout;
    expect(stdout).toBe(help);
  });
});
