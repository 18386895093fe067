import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/parse-command.js';
import { runCli } from '../support/cli.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/cachegrind/${name}`, import.meta.url));

/** Runs the CLI in-process; `cwd` is the workspace root names are made relative to. */
const run = (args: string[], cwd = '/home/runner/work/demo/creq') => runCli(args, { cwd });

describe('rust-perf parse', () => {
  it('prints a header and aligned columns, largest first, with paths made relative to cwd', async () => {
    expect(await run(['parse', fixture('3.24-client-request.cachegrind.out')])).toEqual({
      exitCode: 0,
      stdout: [
        'cmd: ./creq cg  events: Ir  totals: 800028  functions: 2',
        '    Ir        %  function    location',
        // Its largest line is std's uint_macros.rs:2533 (300,000); main.rs:30 (275,001) is in cwd.
        '800013  100.00%  main::hot   main.rs:30',
        '    15    0.00%  main::main  main.rs:7',
        '',
      ].join('\n'),
      log: [],
    });
  });

  it('places a function at its largest line anywhere when none of its files is under cwd', async () => {
    const { stdout } = await run(
      ['parse', fixture('3.24-client-request.cachegrind.out')],
      '/home/runner/work/demo/elsewhere',
    );
    expect(stdout.split('\n').slice(2, 4)).toEqual([
      '800013  100.00%  main::hot   /rustc/library/core/src/num/uint_macros.rs:2533',
      '    15    0.00%  main::main  /home/runner/work/demo/creq/main.rs:7',
    ]);
  });

  it('prints a column per event and leaves out unknown lines', async () => {
    const { exitCode, stdout } = await run(
      ['parse', fixture('3.19-branch-sim.cachegrind.out')],
      '/home/runner/work/demo/slow',
    );
    expect(exitCode).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'cmd: ./slow 1000  events: Ir Bc Bcm Bi Bim  totals: 1144857 144148 8450 14620 374  functions: 310',
      `    Ir     Bc   Bcm    Bi  Bim        %  ${'function'.padEnd(60)}  location`,
      `144488  15936  1015  1000    1   12.62%  ${'<usize as core::fmt::LowerHex>::fmt'.padEnd(60)}  /rustc/library/core/src/fmt/num.rs:42`,
    ]);
    expect(lines).toContain(
      ` 59163   7026     9  1006    3    5.17%  ${'core::fmt::write'.padEnd(60)}  /rustc/library/core/src/fmt/mod.rs`,
    );
    expect(lines).toHaveLength(2 + 310 + 1);
  });

  it('prints JSON with --json', async () => {
    const { exitCode, stdout } = await run([
      'parse',
      '--json',
      fixture('3.24-client-request.cachegrind.out'),
    ]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      events: ['Ir'],
      totals: { Ir: 800028 },
      functions: [
        {
          name: 'main::hot',
          file: 'main.rs',
          line: 30,
          counts: { Ir: 800013 },
        },
        { name: 'main::main', file: 'main.rs', line: 7, counts: { Ir: 15 } },
      ],
    });
  });

  it('keeps names and paths as written with --raw', async () => {
    const { stdout } = await run([
      'parse',
      '--raw',
      '--json',
      fixture('3.19-no-demangle.cachegrind.out'),
    ]);
    const names = JSON.parse(stdout).functions.map((entry: { name: string }) => entry.name);
    expect(names).toContain('_ZN6cgdemo11generic_sum17h1fd66b87c85298d8E');
    expect(names).toContain('_ZN6cgdemo11generic_sum17h3e2e95728424b486E');
    expect(names).toContain('memcpy@@GLIBC_2.14');
    const normalised = await run(['parse', '--json', fixture('3.19-no-demangle.cachegrind.out')]);
    expect(JSON.parse(normalised.stdout).functions).toContainEqual({
      name: '_ZN6cgdemo11generic_sumE',
      file: '/rustc/library/core/src/ops/arith.rs',
      line: 105,
      counts: { Ir: 3163 },
    });
  });

  it('prints only the headers for a profile without functions', async () => {
    const { exitCode, stdout } = await run(['parse', fixture('3.24-empty.cachegrind.out')]);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(
      'cmd: /bin/true  events: Ir  totals: 0  functions: 0\nIr        %  function  location\n',
    );
  });

  it('reads FILE relative to the working directory', async () => {
    const directory = fixture('');
    const { exitCode, stdout } = await run(['parse', '3.24-empty.cachegrind.out'], directory);
    expect(exitCode).toBe(0);
    expect(stdout.startsWith('cmd: /bin/true')).toBe(true);
  });

  it('prints its help', async () => {
    expect(await run(['parse', '--help'])).toEqual({
      exitCode: 0,
      stdout: parseCommand.help,
      log: [],
    });
    expect(parseCommand.help).toContain('Usage: rust-perf parse FILE [--json] [--raw]');
  });

  it.each([
    [[], 'rust-perf parse: expected one FILE, found 0; see `rust-perf parse --help`'],
    [
      ['a.out', 'b.out'],
      'rust-perf parse: expected one FILE, found 2; see `rust-perf parse --help`',
    ],
  ])('exits 2 on a usage error %j', async (args, message) => {
    expect(await run(['parse', ...args])).toEqual({ exitCode: 2, stdout: '', log: [message] });
  });

  it('exits 2 on an unknown option', async () => {
    const { exitCode, stdout, log } = await run(['parse', '--color', 'a.out']);
    expect({ exitCode, stdout }).toEqual({ exitCode: 2, stdout: '' });
    expect(log).toEqual([
      "rust-perf parse: unknown option '--color' (see `rust-perf parse --help`)",
    ]);
  });

  it('prints names, paths and the command with control characters replaced, in the table', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'rust-perf-parse-'));
    try {
      const path = join(directory, 'hostile.cachegrind.out');
      await writeFile(
        path,
        [
          'cmd: ./bench \u001b]0;title\u0007',
          'events: Ir',
          'fl=src/\u202eevil.rs',
          'fn=crate::\u001b[31mred\u001b[0m',
          '3 10',
          'summary: 10',
          '',
        ].join('\n'),
      );
      expect(await run(['parse', path], directory)).toEqual({
        exitCode: 0,
        stdout: [
          'cmd: ./bench \uFFFD]0;title\uFFFD  events: Ir  totals: 10  functions: 1',
          'Ir        %  function             location',
          '10  100.00%  crate::\uFFFD[31mred\uFFFD[0m  src/\uFFFDevil.rs:3',
          '',
        ].join('\n'),
        log: [],
      });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line on a missing file', async () => {
    expect(await run(['parse', 'missing.cachegrind.out'], '/nonexistent')).toEqual({
      exitCode: 2,
      stdout: '',
      log: ['rust-perf parse: cannot read /nonexistent/missing.cachegrind.out: no such file'],
    });
  });

  it('reads a Callgrind file, with each function’s inclusive count', async () => {
    const { exitCode, stdout } = await run(['parse', fixture('3.19.callgrind.out')]);
    expect(exitCode).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[1]).toMatch(/^ +Ir +% +inclusive +function +location$/);
    const json = JSON.parse((await run(['parse', '--json', fixture('3.19.callgrind.out')])).stdout);
    const main = json.functions.find((fn: { name: string }) => fn.name === 'cgdemo::main');
    expect(main.inclusive).toBeGreaterThan(main.counts.Ir);
    expect(json.calls).toContainEqual(
      expect.objectContaining({ caller: 'cgdemo::main', callee: 'cgdemo::fib' }),
    );
  });
});
