import { dirname, isAbsolute, resolve } from 'node:path';
import { BuildError, InputError } from '../errors.js';
import { type NamedCommand, splitCommandLine } from '../inputs/command-line.js';

/** An executable cargo built that rust-perf can run. */
export interface BuiltExecutable {
  /** The cargo target's name, e.g. `parse` for `benches/parse.rs`. */
  name: string;
  kind: 'bench' | 'bin' | 'example';
  path: string;
  /** The directory of the package's Cargo.toml: benchmarks run there, as under `cargo bench`. */
  packageRoot: string;
}

/** One program to run under valgrind: a bench target or a `--command`. */
export interface BenchmarkTarget {
  name: string;
  executable: string;
  args: string[];
  cwd: string;
  /** For a target staged at a stable path: where cargo built it, which a user can run by hand. */
  built?: { executable: string; cwd: string };
}

interface CargoArtifactMessage {
  reason: 'compiler-artifact';
  manifest_path: string;
  target: { name: string; kind: string[] };
  profile: { test: boolean };
  executable: string | null;
}

/**
 * The executables in cargo's `--message-format=json` output. Benches are built as test
 * targets (`profile.test`); any other test harness (a lib's, a bin's or an example's, which
 * `cargo bench` also builds) is not a program to measure and is left out.
 */
export function executablesFromCargoJson(output: string): BuiltExecutable[] {
  const executables: BuiltExecutable[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = parseCargoMessage(line);
    if (message.reason !== 'compiler-artifact') continue;
    // Cargo's documented artifact message; only the fields read here are declared.
    const artifact = message as CargoArtifactMessage;
    if (!artifact.executable) continue;
    const kinds = artifact.target.kind;
    const kind = kinds.includes('bench')
      ? 'bench'
      : artifact.profile.test
        ? undefined
        : kinds.includes('bin')
          ? 'bin'
          : kinds.includes('example')
            ? 'example'
            : undefined;
    if (kind === undefined) continue;
    executables.push({
      name: artifact.target.name,
      kind,
      path: artifact.executable,
      packageRoot: dirname(artifact.manifest_path),
    });
  }
  return executables;
}

function parseCargoMessage(line: string): { reason?: unknown } {
  try {
    return JSON.parse(line) as { reason?: unknown };
  } catch {
    throw new BuildError(`cargo printed a line that is not JSON on stdout: ${line.slice(0, 200)}`);
  }
}

/**
 * The bench targets to measure: those named, or all of them when none is named, by name.
 * A name cargo did not build is an error that lists the ones it did.
 */
export function selectBenches(executables: BuiltExecutable[], names: string[]): BenchmarkTarget[] {
  const benches = executables.filter((executable) => executable.kind === 'bench');
  const available = [...new Set(benches.map((bench) => bench.name))].sort();
  const wanted = names.length > 0 ? [...new Set(names)] : available;
  return wanted
    .map((name) => {
      const matches = benches.filter((bench) => bench.name === name);
      if (matches.length === 0) {
        throw new InputError(
          `there is no bench target named '${name}'`,
          available.length > 0
            ? `The bench targets are: ${available.join(', ')}.`
            : 'The package has no bench targets: add one under benches/ (with `harness = false` in a [[bench]] section) or measure a program with --command.',
        );
      }
      if (matches.length > 1) {
        throw new InputError(
          `more than one package has a bench target named '${name}'`,
          'Measure one package at a time: pass `-p PACKAGE` in the cargo arguments.',
        );
      }
      const bench = matches[0]!;
      return { name, executable: bench.path, args: [], cwd: bench.packageRoot };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A `name=command line` to measure. Its program is a binary or example cargo built (by target
 * name), or a path relative to the package root; any other program would have been built
 * without the debug info and symbols rust-perf sets up, so it is refused.
 */
export function resolveCommand(
  command: NamedCommand,
  executables: BuiltExecutable[],
  packageRoot: string,
): BenchmarkTarget {
  const [program, ...args] = splitCommandLine(command.command);
  const built = executables.find(
    (executable) => executable.kind !== 'bench' && executable.name === program,
  );
  if (built) {
    return { name: command.name, executable: built.path, args, cwd: built.packageRoot };
  }
  if (program!.includes('/')) {
    const executable = isAbsolute(program!) ? program! : resolve(packageRoot, program!);
    return { name: command.name, executable, args, cwd: packageRoot };
  }
  const programs = [
    ...new Set(
      executables
        .filter((executable) => executable.kind !== 'bench')
        .map((executable) => `${executable.name} (${executable.kind})`),
    ),
  ];
  throw new InputError(
    `the command '${command.name}' runs '${program}', which is not a binary or example that cargo built`,
    programs.length > 0
      ? `Cargo built: ${programs.join(', ')}. To build another, add e.g. \`--example ${program} --benches\` to the cargo arguments.`
      : `Add e.g. \`--example ${program} --benches\` or \`--bin ${program} --benches\` to the cargo arguments so that cargo builds it, or give a path to the program.`,
  );
}
