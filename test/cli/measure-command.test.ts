/**
 * `rust-perf measure` as a new user meets it, run in-process through `main`: small crates that
 * fail in the ways real ones do, each to one clear message and the right exit status.
 */
import { accessSync, constants } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';
import { measureSettingsFromOptions } from '../../src/cli/measure-command.js';
import { memoryLogger } from '../support/memory-logger.js';

const fixtures = fileURLToPath(new URL('../fixtures/crates', import.meta.url));

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-measure-cli-'));
  for (const crate of ['broken', 'panicking', 'stripped']) {
    await cp(join(fixtures, crate), join(scratch, crate), { recursive: true });
  }
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Runs `rust-perf measure ARGS` in the scratch directory, building into one shared target. */
async function measure(args: string[], env: NodeJS.ProcessEnv = process.env, cwd = scratch) {
  const stdout: string[] = [];
  const log = memoryLogger();
  const context: CliContext = {
    stdout: (text) => stdout.push(text),
    log,
    isTTY: false,
    cwd,
    env: { ...env, CARGO_TARGET_DIR: join(scratch, 'target') },
    signal: new AbortController().signal,
  };
  const exitCode = await main(['measure', ...args], context);
  const message = log.lines.filter((line) => line.startsWith('rust-perf measure: ')).join('\n');
  return { exitCode, stdout: stdout.join(''), log: log.lines, message };
}

describe('rust-perf measure', () => {
  it('prints its help', async () => {
    const result = await measure(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: rust-perf measure [options]');
    expect(result.stdout).toContain('--runs N');
    expect(result.stdout).toContain('(default: <target dir>/rust-perf/latest)');
  });

  it('measures one bench, prints a summary, and writes into the target directory by default', async () => {
    const result = await measure([
      '--manifest-path',
      'panicking/Cargo.toml',
      '--bench',
      'fine',
      '--runs',
      '1',
    ]);
    expect(result.exitCode).toBe(0);
    const out = join(scratch, 'target', 'rust-perf', 'latest');
    expect(result.stdout).toMatch(
      new RegExp(
        `^bench +instructions +functions +nondeterministic\nfine +[\\d,]+ Ir +\\d+ +0\n\nprofile: ${out}/profile\\.json\n$`,
      ),
    );
    expect((await readdir(out)).sort()).toEqual(['fine.callgrind.out', 'profile.json']);
    expect(result.log).toContain('Building benchmarks');
    expect(result.log.some((line) => /^bench fine: [\d,]+ Ir in \d+\.\ds$/.test(line))).toBe(true);
  });

  it('replaces what an earlier measurement wrote to the output directory, and nothing else', async () => {
    const out = join(scratch, 'reused-out');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'gone.1.cachegrind.out'), 'an earlier run of another bench');
    await writeFile(join(out, 'profile.json'), '{}');
    await writeFile(join(out, 'notes.txt'), 'the user’s own file');
    const result = await measure([
      '--manifest-path',
      'panicking/Cargo.toml',
      '--bench',
      'fine',
      '--runs',
      '1',
      '--out',
      out,
    ]);
    expect(result.exitCode).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'fine.callgrind.out',
      'notes.txt',
      'profile.json',
    ]);
  });

  it('refuses a run count that is not a whole number from 1 to 20', async () => {
    for (const runs of ['0', '21', '2.5', 'two', '-1', '']) {
      const result = await measure([
        '--manifest-path',
        'panicking/Cargo.toml',
        `--runs=${runs}`,
        '--out',
        'x',
      ]);
      expect(result.exitCode, runs).toBe(2);
      expect(result.message, runs).toContain(
        `rust-perf measure: --runs must be a whole number from 1 to 20, not '${runs}'`,
      );
    }
  });

  it('stops a benchmark run at its --timeout and names it, the limit and the option', async () => {
    const result = await measure([
      '--manifest-path',
      'panicking/Cargo.toml',
      '--bench',
      'fine',
      '--command',
      'stall=/bin/sleep 120',
      '--runs',
      '1',
      '--timeout',
      '3s',
      '--out',
      join(scratch, 'timeout-out'),
    ]);
    expect(result.exitCode).toBe(3);
    expect(result.message).toBe(
      [
        'rust-perf measure: bench stall did not finish within its time limit of 3s: valgrind was stopped.',
        "Under valgrind a program runs some 20 to 100 times slower than on its own. Give it more time (`--timeout`, or the action's `timeout` input), or make the benchmark do less work.",
      ].join('\n'),
    );
    const refused = await measure(['--manifest-path', 'panicking/Cargo.toml', '--timeout', 'soon']);
    expect(refused.exitCode).toBe(2);
    expect(refused.message).toContain(
      'rust-perf measure: --timeout must be a whole number of seconds',
    );
  });

  it('refuses unknown options and malformed commands before building anything', async () => {
    expect((await measure(['--frobnicate'])).message).toContain(
      "rust-perf measure: unknown option '--frobnicate' (see `rust-perf measure --help`)",
    );
    const command = await measure(['--command', 'report', '--out', 'x']);
    expect(command.exitCode).toBe(2);
    expect(command.message).toContain(
      "'report' is not a command to measure: expected NAME=COMMAND",
    );
  });

  it('finds the Cargo.toml as cargo does, in the directory it runs in or the nearest above', async () => {
    const result = await measure(
      ['--bench', 'fine', '--runs', '1', '--out', join(scratch, 'found-upward')],
      process.env,
      join(scratch, 'panicking', 'benches'),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^bench +instructions +functions +nondeterministic\nfine +/);
    const nowhere = await measure(['--out', 'x']);
    expect(nowhere.exitCode).toBe(2);
    expect(nowhere.message).toBe(
      `rust-perf measure: there is no Cargo.toml in ${scratch} or any directory above it\n` +
        'Run rust-perf inside the crate whose benchmarks to measure, or name its manifest with --manifest-path PATH/Cargo.toml.',
    );
  });

  it('says that a crate without benchmarks has nothing to measure, before building it', async () => {
    const crate = join(scratch, 'new-lib');
    await mkdir(join(crate, 'src'), { recursive: true });
    await writeFile(
      join(crate, 'Cargo.toml'),
      '[package]\nname = "new-lib"\nversion = "0.1.0"\nedition = "2021"\n',
    );
    await writeFile(join(crate, 'src', 'lib.rs'), 'pub fn add(a: u64, b: u64) -> u64 { a + b }\n');
    const result = await measure(['--out', 'x'], process.env, crate);
    expect(result.exitCode).toBe(2);
    expect(result.message).toBe(
      'rust-perf measure: there is nothing to measure: the package has no bench targets and no command was given\n' +
        'Add a benchmark under benches/ (a criterion or libtest #[bench] target, or a main with `harness = false`), or measure a program with a command.',
    );
    expect(result.log).not.toContain('Building benchmarks');
  });

  it('says when there is no Cargo.toml at --manifest-path, with or without --out', async () => {
    for (const out of [['--out', 'x'], []]) {
      const result = await measure(['--manifest-path', 'nowhere/Cargo.toml', ...out]);
      expect(result.exitCode).toBe(2);
      expect(result.message).toBe(
        `rust-perf measure: there is no Cargo.toml at ${join(scratch, 'nowhere', 'Cargo.toml')}\n` +
          'Point the manifest path at the Cargo.toml of the crate whose benchmarks to measure.',
      );
    }
  });

  it('says how to install valgrind when it is missing, without building first', async () => {
    const path = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((directory) => {
        try {
          accessSync(join(directory, 'valgrind'), constants.X_OK);
          return false;
        } catch {
          return true;
        }
      })
      .join(delimiter);
    const result = await measure(['--manifest-path', 'panicking/Cargo.toml', '--out', 'x'], {
      ...process.env,
      PATH: path,
    });
    expect(result.exitCode).toBe(3);
    expect(result.message).toContain('rust-perf measure: valgrind was not found on PATH\n');
    expect(result.message).toContain('`sudo apt-get install -y valgrind`');
    expect(result.log).not.toContain('Building benchmarks');
  });

  it("shows cargo's own errors when the build fails", async () => {
    const result = await measure(['--manifest-path', 'broken/Cargo.toml', '--out', 'x']);
    expect(result.exitCode).toBe(3);
    expect(result.message).toContain('error[E0308]: mismatched types');
    expect(result.message).toContain('benches/typo.rs:2:22');
    expect(result.message).toContain('Fix these build errors');
    // Shown once: in the message, not also in the build's progress before it.
    const shown = result.log.join('\n').split('error[E0308]: mismatched types').length - 1;
    expect(shown).toBe(1);
  });

  it('lists the bench targets when asked for one that does not exist', async () => {
    const result = await measure([
      '--manifest-path',
      'panicking/Cargo.toml',
      '--bench',
      'fien',
      '--out',
      'x',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.message).toBe(
      "rust-perf measure: there is no bench target named 'fien'\nThe bench targets are: boom, fine.",
    );
  });

  it('names a benchmark that panics, with its exit status and the end of its own output', async () => {
    const result = await measure([
      '--manifest-path',
      'panicking/Cargo.toml',
      '--bench',
      'boom',
      '--runs',
      '1',
      '--out',
      'x',
    ]);
    expect(result.exitCode).toBe(3);
    expect(result.message).toContain(
      'rust-perf measure: bench boom exited with status 101. The end of its output:\n  loading the input\n',
    );
    expect(result.message).toContain('the input has at least one record');
    expect(result.message).not.toMatch(/^ *==\d+==/m);
    // The executable cargo built, not the staged copy that the next measurement replaces.
    expect(result.message).toMatch(
      new RegExp(
        `Run it without rust-perf to see the problem: ${join(scratch, 'target')}/release/deps/boom-[0-9a-f]+ \\(in ${join(scratch, 'panicking')}\\)\\.$`,
      ),
    );
  });

  it('refuses a profile of a binary without symbols, and says what to check', async () => {
    const result = await measure([
      '--manifest-path',
      'stripped/Cargo.toml',
      '--runs',
      '1',
      '--out',
      'x',
    ]);
    expect(result.exitCode).toBe(3);
    expect(result.message).toMatch(
      /^rust-perf measure: bench work: \d+% of its instructions are in functions without a name \(\?\?\? or an address\): the executable has no symbols, so its profile would be useless\n/,
    );
    expect(result.message).toContain('an explicit `-C strip=…` rustflag wins');
    expect(result.log).toContain(
      `rustflags: -Cstrip=symbols -Csymbol-mangling-version=v0 (user flags from ${join(scratch, 'stripped', '.cargo', 'config.toml')})`,
    );
  });

  it("writes by default into the target directory cargo's config file names", async () => {
    const crate = join(scratch, 'configured');
    await cp(join(fixtures, 'panicking'), crate, { recursive: true });
    await mkdir(join(crate, '.cargo'));
    await writeFile(join(crate, '.cargo', 'config.toml'), '[build]\ntarget-dir = "out"\n');
    const { CARGO_TARGET_DIR: _, ...env } = process.env;
    const context: CliContext = {
      stdout: () => {},
      log: memoryLogger(),
      isTTY: false,
      cwd: scratch,
      env,
      signal: new AbortController().signal,
    };
    const settings = await measureSettingsFromOptions(
      { 'manifest-path': 'configured/Cargo.toml' },
      context,
    );
    expect(settings.outDir).toBe(join(crate, 'out', 'rust-perf', 'latest'));
  });
});
