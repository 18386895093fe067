import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { machine, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { aslrOffPrefix, benchmarkEnvironment, benchmarkStderrTail } from '../../src/measure/run.js';
import { withStagedExecutables } from '../../src/measure/staging.js';
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

describe('withStagedExecutables', () => {
  const stagingRoot = join(tmpdir(), 'rust-perf');
  const names = ['rust-perf-test-staged-a', 'rust-perf-test-staged-b'];

  afterAll(async () => {
    for (const name of names) {
      await rm(join(stagingRoot, 'bin', name), { force: true });
      await rm(join(stagingRoot, 'cwd', name), { force: true });
    }
  });

  /** Other rust-perf processes may hold the lock by now, but not this one. */
  async function expectLockReleased(): Promise<void> {
    const owner = await readFile(join(stagingRoot, 'lock', 'pid'), 'utf8').catch(() => 'none');
    expect(owner).not.toBe(String(process.pid));
  }

  it('copies each executable and links its directory at stable paths, in the targets’ order', async () => {
    const built = join(scratch, 'built');
    await mkdir(built, { recursive: true });
    const targets = names.map((name, index) => ({
      name,
      executable: join(built, `${name}-0123abcd`),
      args: ['--lines', String(index)],
      cwd: join(scratch, `package-${index}`),
    }));
    for (const [index, target] of targets.entries()) {
      await writeFile(target.executable, `#!/bin/sh\necho ${index}\n`, { mode: 0o700 });
    }
    const staged = await withStagedExecutables(targets, { log: memoryLogger() }, (promises) =>
      Promise.all(promises),
    );
    expect(staged).toEqual(
      targets.map((target) => ({
        ...target,
        executable: join(stagingRoot, 'bin', target.name),
        cwd: join(stagingRoot, 'cwd', target.name),
        built: { executable: target.executable, cwd: target.cwd },
      })),
    );
    for (const [index, target] of staged.entries()) {
      expect(await readFile(target.executable, 'utf8')).toBe(`#!/bin/sh\necho ${index}\n`);
      expect((await stat(target.executable)).mode & 0o777).toBe(0o755);
      expect(await readlink(target.cwd)).toBe(targets[index]!.cwd);
    }
    await expectLockReleased();
  });

  it.each([
    ['whose owner is gone', '99999999', new Date()],
    ['with no readable pid, left long ago', 'garbage', new Date(Date.now() - 60_000)],
  ])('takes over a lock %s, and says nothing of waiting', async (_, pid, modified) => {
    const lock = join(stagingRoot, 'lock');
    await mkdir(lock, { recursive: true });
    await writeFile(join(lock, 'pid'), pid);
    await utimes(lock, modified, modified);
    const built = join(scratch, 'built-for-stale-lock');
    await mkdir(built, { recursive: true });
    const target = { name: names[0]!, executable: join(built, 'a'), args: [], cwd: scratch };
    await writeFile(target.executable, '#!/bin/sh\n', { mode: 0o700 });
    const log = memoryLogger();

    await withStagedExecutables([target], { log }, (promises) => Promise.all(promises));

    expect(log.lines.filter((line) => line.startsWith('Waiting'))).toEqual([]);
    await expectLockReleased();
  });

  it('rejects a target whose executable is missing, and reports what work made of it', async () => {
    const targets = names.map((name) => ({
      name,
      executable: join(scratch, 'no-such-build', name),
      args: [],
      cwd: scratch,
    }));
    // Work stops at the first target: the second one's failure must not go unhandled.
    const staging = withStagedExecutables(targets, { log: memoryLogger() }, async (staged) => {
      await staged[0];
      return 'unreachable';
    });
    await expect(staging).rejects.toThrow(InputError);
    await expect(staging).rejects.toThrow(
      `'${names[0]}' runs ${targets[0]!.executable}, which does not exist`,
    );
    await expectLockReleased();
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
