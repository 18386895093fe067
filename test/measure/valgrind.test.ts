import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { machine, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { measurementFingerprint } from '../../src/measure/measure.js';
import { aslrOffPrefix, benchmarkEnvironment, benchmarkStderrTail } from '../../src/measure/run.js';
import { detectValgrind } from '../../src/measure/valgrind.js';
import { nodeProcessRunner, type ProcessRunner } from '../../src/system/process.js';
import { memoryLogger } from '../support/memory-logger.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-valgrind-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('detectValgrind', () => {
  it('finds the installed valgrind and its version', async () => {
    const valgrind = await detectValgrind(nodeProcessRunner, process.env);
    expect(valgrind.version).toMatch(/^3\.\d+\.\d+$/);
    expect(valgrind.path).toMatch(/^\/.*\/valgrind$/);
  });

  it('says how to install valgrind when it is not on PATH', async () => {
    const detection = detectValgrind(nodeProcessRunner, { PATH: `${scratch}:/nonexistent` });
    await expect(detection).rejects.toThrow(EnvironmentError);
    await expect(detection).rejects.toThrow('valgrind was not found on PATH');
    await expect(detection).rejects.toHaveProperty(
      'hint',
      expect.stringContaining('`sudo apt-get install -y valgrind`'),
    );
  });

  it('says valgrind needs Linux elsewhere', async () => {
    await expect(detectValgrind(nodeProcessRunner, process.env, 'darwin')).rejects.toThrow(
      'valgrind runs on Linux only, and this is darwin',
    );
  });

  it('refuses a valgrind that does not print a version', async () => {
    const fake = join(scratch, 'fake-bin');
    await mkdir(fake);
    await writeFile(join(fake, 'valgrind'), '#!/bin/sh\necho "not valgrind"\n');
    await chmod(join(fake, 'valgrind'), 0o755);
    await expect(detectValgrind(nodeProcessRunner, { PATH: fake })).rejects.toThrow(
      `\`${fake}/valgrind --version\` did not print a valgrind version (exit 0): not valgrind`,
    );
  });
});

describe('benchmarkEnvironment', () => {
  it('passes only PATH, HOME, TMPDIR and a C locale: never tokens, inputs or CI variables', () => {
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
      TMPDIR: '/scratch',
      LANG: 'de_DE.UTF-8',
      GITHUB_TOKEN: 'ghp_secret',
      ACTIONS_RUNTIME_TOKEN: 'secret',
      INPUT_GITHUB_TOKEN: 'secret',
      RUSTFLAGS: '-Ctarget-cpu=native',
      CARGO_HOME: '/home/runner/.cargo',
    };
    expect(benchmarkEnvironment(env)).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
      TMPDIR: '/scratch',
      LANG: 'C',
      LC_ALL: 'C',
    });
  });

  it('fills in PATH and HOME when the user environment lacks them, and leaves TMPDIR out', () => {
    expect(benchmarkEnvironment({})).toEqual({
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: '/',
      LANG: 'C',
      LC_ALL: 'C',
    });
  });
});

describe('aslrOffPrefix', () => {
  const answering = (outcome: () => Promise<number>): ProcessRunner => ({
    run: async () => ({ exitCode: await outcome(), signal: null, stdout: '', stderr: '' }),
  });

  it('uses setarch -R for this machine when the probe succeeds', async () => {
    expect(
      await aslrOffPrefix(
        answering(async () => 0),
        {},
      ),
    ).toEqual(['setarch', machine(), '-R']);
  });

  it('falls back to nothing when setarch fails or is missing', async () => {
    expect(
      await aslrOffPrefix(
        answering(async () => 1),
        {},
      ),
    ).toEqual([]);
    const missing = Object.assign(new Error('spawn setarch ENOENT'), { code: 'ENOENT' });
    expect(
      await aslrOffPrefix(
        answering(() => Promise.reject(missing)),
        {},
      ),
    ).toEqual([]);
  });

  it('does not hide other failures', async () => {
    const broken = new Error('EMFILE');
    await expect(
      aslrOffPrefix(
        answering(() => Promise.reject(broken)),
        {},
      ),
    ).rejects.toBe(broken);
  });
});

describe('benchmarkStderrTail', () => {
  it("drops valgrind's own lines and keeps the benchmark's last lines, indented", () => {
    const stderr = [
      '==123== Cachegrind, a cache and branch-prediction profiler',
      '--123-- warning: L3 cache found, using its data for the LL simulation.',
      ...Array.from({ length: 25 }, (_, index) => `line ${index + 1}`),
      "thread 'main' panicked at benches/boom.rs:7:23:",
      '==123== ',
      '==123== I refs:        1,234',
      '',
    ].join('\n');
    const tail = benchmarkStderrTail(stderr).split('\n');
    expect(tail).toHaveLength(20);
    expect(tail[0]).toBe('  line 7');
    expect(tail.at(-1)).toBe("  thread 'main' panicked at benches/boom.rs:7:23:");
  });

  it("shows valgrind's lines when the benchmark wrote nothing", () => {
    const stderr = '==9== Memcheck\n==9== valgrind: failed to start tool\n';
    expect(benchmarkStderrTail(stderr)).toBe(
      '  ==9== Memcheck\n  ==9== valgrind: failed to start tool',
    );
  });
});

describe('measurementFingerprint', () => {
  it('finds what measure records without building: toolchain, flags and codegen settings from the environment', async () => {
    const manifestPath = new URL('../../examples/textbench/Cargo.toml', import.meta.url).pathname;
    const env = { ...process.env, CARGO_PROFILE_BENCH_OPT_LEVEL: '1', RUSTFLAGS: '--cfg probe' };
    const fingerprint = await measurementFingerprint(
      { manifestPath, cargoArgs: [], runs: 3 },
      { log: memoryLogger(), processes: nodeProcessRunner, env },
    );
    expect(fingerprint).toEqual({
      valgrind: (await detectValgrind(nodeProcessRunner, process.env)).version,
      rustc: expect.stringMatching(/^rustc \d/),
      target: expect.stringMatching(/-linux-/),
      rustflags: ['--cfg', 'probe', '-Csymbol-mangling-version=v0'],
      mangling: 'v0',
      codegen: ['CARGO_PROFILE_BENCH_OPT_LEVEL=1'],
      runs: 3,
    });
  });
});
