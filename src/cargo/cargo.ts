import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { BuildError, EnvironmentError, InputError } from '../errors.js';
import type { Mangling } from '../profile/profile.js';
import type { Logger } from '../system/logger.js';
import {
  definedEnvironment,
  isMissingProgram,
  type ProcessDeps,
  type RunResult,
} from '../system/process.js';
import { type BuiltExecutable, executablesFromCargoJson } from './artifacts.js';
import { type CargoMetadata, parseCargoMetadata } from './metadata.js';
import { writePathRemapWrapper } from './path-remap.js';
import { userRustflags, withV0Mangling } from './rustflags.js';

interface BuildSettings {
  manifestPath: string;
  /** The cargo workspace root: removed from every path compiled into the executables. */
  workspaceRoot: string;
  /** Passed through to cargo, e.g. `--features slow`, `-p crate`, `--target triple`. */
  cargoArgs: string[];
  /** Only these bench targets are built; none named: every one. */
  benches: string[];
  /** Where cargo builds: the user's choice, else cargo's own (see `cargoMetadata`). */
  targetDir: string;
  /**
   * Also build the package's binaries and examples as plain programs (`cargo bench` builds
   * examples only as test harnesses), for commands that run them.
   */
  buildPrograms: boolean;
}

interface BuildResult {
  executables: BuiltExecutable[];
  /**
   * The rustflags every crate was built with, rust-perf's own included, except the path remap
   * (it names the checkout, which is meant to differ between two builds that compare).
   */
  rustflags: string[];
  mangling: Mangling;
}

/**
 * Builds the benchmarks (`cargo bench --no-run`) with line tables and symbols, and v0 symbol
 * names, all set through the environment so the user's Cargo.toml is never touched. The
 * workspace root is remapped out of the debug info of the workspace's crates: valgrind's own
 * memory use grows with the length of those paths, and the Rust start-up code that reads
 * /proc/self/maps (which lists valgrind's mappings) executes more or fewer instructions with it,
 * so two checkouts at different paths would not count the same.
 */
export async function buildBenchmarks(
  settings: BuildSettings,
  deps: ProcessDeps,
): Promise<BuildResult> {
  const { log } = deps;
  const manifestPath = resolve(settings.manifestPath);
  const { user, rustflags, mangling } = buildRustflags(manifestPath, deps.env);
  for (const setting of user.ignored) {
    log.warn(
      `rust-perf does not read ${setting}: those flags are not used. Set them in RUSTFLAGS or build.rustflags instead.`,
    );
  }
  const env = cargoEnvironment(deps.env, rustflags, settings.targetDir);
  env.RUSTC_WORKSPACE_WRAPPER = await writePathRemapWrapper(
    settings.targetDir,
    settings.workspaceRoot,
    env.RUSTC_WORKSPACE_WRAPPER,
  );
  const build = async (subcommand: string[]) => {
    const args = [
      ...subcommand,
      '--manifest-path',
      manifestPath,
      '--message-format=json-render-diagnostics',
      ...settings.cargoArgs,
    ];
    const progress = progressUntilErrors(log);
    const result = await runCargo(args, manifestPath, env, deps, progress.line);
    if (result.exitCode !== 0) {
      throw new BuildError(
        `\`cargo ${args.join(' ')}\` failed (${result.signal ?? `exit ${result.exitCode}`}):\n${cargoErrors(result.stderr)}`,
        'Fix these build errors; `cargo bench --no-run` shows them too.',
      );
    }
    progress.flush();
    return executablesFromCargoJson(result.stdout);
  };
  return log.group('Building benchmarks', async () => {
    log.info(`rustflags: ${rustflags.join(' ')} (user flags from ${user.source})`);
    const only = settings.benches.flatMap((name) => ['--bench', name]);
    const executables = await build(['bench', '--no-run', ...only]);
    if (settings.buildPrograms) {
      executables.push(...(await build(['build', '--profile', 'bench', '--bins', '--examples'])));
    }
    return { executables, rustflags, mangling };
  });
}

/**
 * The rustflags a build of the manifest's package gets: the user's, read where cargo reads them
 * (files and variables only: nothing of the package runs), with v0 mangling unless the user
 * chose a scheme.
 */
export function buildRustflags(manifestPath: string, env: NodeJS.ProcessEnv) {
  const user = userRustflags({
    env,
    cwd: dirname(resolve(manifestPath)),
    home: homedir(),
    readFile: readTextIfExists,
  });
  return { user, ...withV0Mangling(user.flags) };
}

/** What rust-perf sets itself in the bench and release profiles, and so never the user's. */
const FORCED_PROFILE_SETTINGS = /^CARGO_PROFILE_(BENCH|RELEASE)_(DEBUG|STRIP)$/;

/**
 * The bench profile's settings the environment gives (`CARGO_PROFILE_BENCH_OPT_LEVEL=1`, and
 * the release profile's, which it inherits), sorted: they change the code that is measured, so
 * the fingerprint records them, and a matrix leg that sets them keeps its own baselines.
 */
export function codegenSettings(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(
      ([name, value]) =>
        value !== undefined &&
        /^CARGO_PROFILE_(BENCH|RELEASE)_/.test(name) &&
        !FORCED_PROFILE_SETTINGS.test(name),
    )
    .map(([name, value]) => `${name}=${value}`)
    .sort();
}

/**
 * The root of the cargo workspace the manifest belongs to (its own directory for a lone
 * package): source paths under it are recorded relative to it.
 */
export async function workspaceRoot(manifestPath: string, deps: ProcessDeps): Promise<string> {
  const args = ['locate-project', '--workspace', '--message-format', 'plain'];
  const path = resolve(manifestPath);
  const result = await runCargo(
    [...args, '--manifest-path', path],
    path,
    definedEnvironment(deps.env),
    deps,
  );
  if (result.exitCode !== 0) {
    throw new BuildError(`cargo could not read ${path}:\n${cargoErrors(result.stderr)}`);
  }
  return dirname(result.stdout.trim());
}

/**
 * The workspace's packages, their targets and dependencies, and the target directory cargo
 * builds in (`CARGO_TARGET_DIR`, else `build.target-dir` from cargo's config files, else
 * `target` in the workspace root), as `cargo metadata` reports them without building anything.
 */
export async function cargoMetadata(
  manifestPath: string,
  deps: ProcessDeps,
): Promise<CargoMetadata> {
  const path = resolve(manifestPath);
  const args = ['metadata', '--no-deps', '--format-version', '1', '--manifest-path', path];
  const result = await runCargo(args, path, definedEnvironment(deps.env), deps);
  if (result.exitCode !== 0) {
    throw new BuildError(`cargo could not read ${path}:\n${cargoErrors(result.stderr)}`);
  }
  return parseCargoMetadata(result.stdout);
}

/** The target directory cargo builds the manifest's package in (see `cargoMetadata`). */
export async function targetDirectory(manifestPath: string, deps: ProcessDeps): Promise<string> {
  return (await cargoMetadata(manifestPath, deps)).targetDirectory;
}

/**
 * The environment cargo runs in: the user's, with debug info (line tables suffice and keep the
 * build fast) and symbols forced for the bench profile and the release profile it inherits
 * from, and the rustflags encoded so that flags containing spaces survive.
 */
function cargoEnvironment(
  env: NodeJS.ProcessEnv,
  rustflags: string[],
  targetDir: string,
): Record<string, string> {
  const result = definedEnvironment(env);
  delete result.RUSTFLAGS;
  for (const profile of ['BENCH', 'RELEASE']) {
    result[`CARGO_PROFILE_${profile}_DEBUG`] = 'line-tables-only';
    result[`CARGO_PROFILE_${profile}_STRIP`] = 'none';
  }
  result.CARGO_ENCODED_RUSTFLAGS = rustflags.join('\x1f');
  result.CARGO_TARGET_DIR = targetDir;
  return result;
}

/**
 * Runs cargo in the manifest's directory, so that its config files and toolchain apply. The
 * manifest is checked first: without its directory, starting cargo fails as if cargo were missing.
 */
function runCargo(
  args: string[],
  manifestPath: string,
  env: Record<string, string>,
  deps: ProcessDeps,
  onStderrLine?: (line: string) => void,
): Promise<RunResult> {
  checkManifestExists(manifestPath);
  deps.log.debug(`cargo ${args.join(' ')} (in ${dirname(manifestPath)})`);
  return deps.processes
    .run('cargo', args, { cwd: dirname(manifestPath), env, signal: deps.signal, onStderrLine })
    .catch((error: unknown) => {
      if (!isMissingProgram(error)) throw error;
      throw new EnvironmentError(
        'cargo was not found on PATH',
        'Install Rust with rustup (https://rustup.rs); on GitHub Actions, add a toolchain step such as dtolnay/rust-toolchain before this one.',
      );
    });
}

/** InputError when there is no file at `manifestPath`. */
export function checkManifestExists(manifestPath: string): void {
  if (!existsSync(manifestPath)) {
    throw new InputError(
      `there is no Cargo.toml at ${manifestPath}`,
      'Point the manifest path at the Cargo.toml of the crate whose benchmarks to measure.',
    );
  }
}

/**
 * Shows cargo's progress as it comes, up to its first error: that and what follows are the
 * BuildError's message, which should not show them twice. `flush` shows what was held back
 * when the build succeeded after all.
 */
function progressUntilErrors(log: Logger): { line: (line: string) => void; flush: () => void } {
  const held: string[] = [];
  return {
    line(line) {
      if (held.length > 0 || ERROR_LINE.test(line)) held.push(line);
      else log.info(line);
    },
    flush() {
      for (const line of held.splice(0)) log.info(line);
    },
  };
}

const ERROR_LINE = /^error(\[\w+\])?:/;

/** Cargo's rendered errors: from the first `error` line on, or the end of its output. */
function cargoErrors(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  const firstError = lines.findIndex((line) => ERROR_LINE.test(line));
  const errors = firstError === -1 ? lines.slice(-40) : lines.slice(firstError);
  return errors.length > 80 ? [...errors.slice(0, 80), '…'].join('\n') : errors.join('\n');
}

function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
