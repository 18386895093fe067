import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type BuiltExecutable,
  executablesFromCargoJson,
  resolveCommand,
  selectBenches,
} from '../../src/cargo/artifacts.js';
import { BuildError, InputError } from '../../src/errors.js';

/**
 * Recorded from `cargo bench --no-run` and `cargo build --profile bench --bins --examples`
 * (both `--message-format=json-render-diagnostics`) on the example crate with an extra
 * `src/bin/tool.rs`, paths rewritten to /home/dev/textbench.
 */
const recorded = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/crates/${name}`, import.meta.url)), 'utf8');

const root = '/home/dev/textbench';
const deps = `${root}/target/release/deps`;

describe('executablesFromCargoJson', () => {
  it('finds the benches and the plain binary, not the lib or bin test harnesses', () => {
    expect(executablesFromCargoJson(recorded('textbench-cargo-bench.jsonl'))).toEqual([
      { name: 'sort', kind: 'bench', path: `${deps}/sort-a178c432f632f653`, packageRoot: root },
      { name: 'parse', kind: 'bench', path: `${deps}/parse-916f9b4d1f22ad7c`, packageRoot: root },
      { name: 'hash', kind: 'bench', path: `${deps}/hash-66bcd9fb572e4e5a`, packageRoot: root },
      { name: 'tool', kind: 'bin', path: `${root}/target/release/tool`, packageRoot: root },
      { name: 'format', kind: 'bench', path: `${deps}/format-de60e742f6b8003c`, packageRoot: root },
    ]);
  });

  it('finds binaries and examples built as plain programs', () => {
    expect(executablesFromCargoJson(recorded('textbench-cargo-build.jsonl'))).toEqual([
      { name: 'tool', kind: 'bin', path: `${root}/target/release/tool`, packageRoot: root },
      {
        name: 'report',
        kind: 'example',
        path: `${root}/target/release/examples/report`,
        packageRoot: root,
      },
    ]);
  });

  it('skips lines that are not JSON messages and fails on a broken message', () => {
    expect(
      executablesFromCargoJson(
        '\nwarning: something\n{"reason":"build-finished","success":true}\n',
      ),
    ).toEqual([]);
    expect(() => executablesFromCargoJson('{"reason":"compiler-art')).toThrow(BuildError);
  });
});

const built: BuiltExecutable[] = [
  ...executablesFromCargoJson(recorded('textbench-cargo-bench.jsonl')),
  ...executablesFromCargoJson(recorded('textbench-cargo-build.jsonl')),
];

describe('selectBenches', () => {
  it('takes every bench target, sorted by name, when none is named', () => {
    expect(selectBenches(built, []).map((target) => target.name)).toEqual([
      'format',
      'hash',
      'parse',
      'sort',
    ]);
  });

  it('takes the named ones, once each, to run in the package root without arguments', () => {
    expect(selectBenches(built, ['sort', 'parse', 'sort'])).toEqual([
      { name: 'parse', executable: `${deps}/parse-916f9b4d1f22ad7c`, args: [], cwd: root },
      { name: 'sort', executable: `${deps}/sort-a178c432f632f653`, args: [], cwd: root },
    ]);
  });

  it('names the bench targets there are when asked for one that is not', () => {
    expect(() => selectBenches(built, ['parse', 'prase'])).toThrow(InputError);
    expect(() => selectBenches(built, ['parse', 'prase'])).toThrow(
      "there is no bench target named 'prase'",
    );
    try {
      selectBenches(built, ['tool']);
    } catch (error) {
      expect((error as InputError).hint).toBe('The bench targets are: format, hash, parse, sort.');
    }
    expect.assertions(3);
  });

  it('says how to add a bench target to a package that has none', () => {
    const onlyBinaries = built.filter((executable) => executable.kind !== 'bench');
    expect(selectBenches(onlyBinaries, [])).toEqual([]);
    try {
      selectBenches(onlyBinaries, ['parse']);
    } catch (error) {
      expect((error as InputError).hint).toContain('harness = false');
    }
    expect.assertions(2);
  });

  it('refuses a name that two packages of a workspace both use', () => {
    const other = { ...built[1]!, packageRoot: '/home/dev/other', path: '/home/dev/other/parse' };
    expect(() => selectBenches([...built, other], ['parse'])).toThrow(
      "more than one package has a bench target named 'parse'",
    );
  });
});

describe('resolveCommand', () => {
  it('runs a binary or example cargo built, by target name, with the arguments', () => {
    expect(
      resolveCommand({ name: 'big', command: "report --lines '2 000'" }, built, '/elsewhere'),
    ).toEqual({
      name: 'big',
      executable: `${root}/target/release/examples/report`,
      args: ['--lines', '2 000'],
      cwd: root,
    });
  });

  it('does not take a bench target for a program', () => {
    expect(() => resolveCommand({ name: 'p', command: 'parse' }, built, root)).toThrow(
      "the command 'p' runs 'parse', which is not a binary or example that cargo built",
    );
  });

  it('resolves a path relative to the package root, and keeps an absolute one', () => {
    expect(resolveCommand({ name: 'script', command: './run.sh fast' }, built, root)).toEqual({
      name: 'script',
      executable: `${root}/run.sh`,
      args: ['fast'],
      cwd: root,
    });
    expect(resolveCommand({ name: 'abs', command: '/opt/tool' }, built, root).executable).toBe(
      '/opt/tool',
    );
  });

  it('lists what cargo built when the program is unknown', () => {
    try {
      resolveCommand({ name: 'x', command: 'reprot' }, built, root);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).hint).toBe(
        'Cargo built: tool (bin), report (example). To build another, add e.g. `--example reprot --benches` to the cargo arguments.',
      );
    }
    expect.assertions(2);
  });
});
