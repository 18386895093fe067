import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type BenchmarkTarget, resolveCommand, selectBenches } from '../build/artifacts.js';
import { buildBenchmarks, checkManifestExists, workspaceRoot } from '../build/cargo.js';
import { type NamedCommand, splitCommandLine } from '../build/command-line.js';
import { BenchmarkError, InputError } from '../errors.js';
import type { Logger } from '../system/logger.js';
import { definedEnvironment, type ProcessRunner } from '../system/process.js';
import { TOOL_NAME } from '../version.js';
import { rustcVersion, targetTriple } from './fingerprint.js';
import { normaliseProfile, parserOptions } from './normalise.js';
import { type BenchmarkProfile, PROFILE_VERSION, type ProfileDocument } from './profile.js';
import { serialiseProfileDocument } from './profile-file.js';
import {
  aslrOffPrefix,
  benchmarkEnvironment,
  type RunSetup,
  runUnderCachegrind,
  withStagedExecutables,
} from './run.js';
import { combineRuns, unnamedShare } from './runs.js';
import { detectValgrind } from './valgrind.js';

export interface MeasureSettings {
  manifestPath: string;
  /** Bench targets to measure; empty: all of them. */
  benches: string[];
  /** Programs to measure as well: a binary or example of the package, with arguments. */
  commands: NamedCommand[];
  cargoArgs: string[];
  /** How many times each benchmark runs (1–20), to find nondeterministic functions. */
  runs: number;
  /** Receives profile.json and the raw Cachegrind files. */
  outDir: string;
  targetDir?: string;
  commit?: string;
  /** Source paths under it are recorded relative to it; default: the cargo workspace root. */
  workspaceRoot?: string;
}

export interface MeasureDeps {
  log: Logger;
  processes: ProcessRunner;
  /** The user's environment: cargo gets it; benchmarks get only a short allow-list of it. */
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export const MAX_RUNS = 20;

/** Above this share of instructions in functions without a name, a profile says nothing. */
const MAX_UNNAMED_SHARE = 0.5;

/**
 * Builds the benchmarks, runs each `runs` times under Cachegrind and returns their profile,
 * also written to `outDir/profile.json` next to the raw files (`<bench>.cachegrind.out`, or
 * `<bench>.<run>.cachegrind.out` with several runs).
 */
export async function measure(
  settings: MeasureSettings,
  deps: MeasureDeps,
): Promise<ProfileDocument> {
  const { log } = deps;
  checkRuns(settings.runs);
  const manifestPath = resolve(settings.manifestPath);
  checkManifestExists(manifestPath);
  for (const command of settings.commands) splitCommandLine(command.command);
  // Before the build: a missing valgrind should not cost a full build to find out.
  const valgrind = await detectValgrind(deps.processes, deps.env);
  const root = settings.workspaceRoot ?? (await workspaceRoot(manifestPath, deps));
  const build = await buildBenchmarks(
    {
      manifestPath,
      workspaceRoot: root,
      cargoArgs: settings.cargoArgs,
      targetDir: settings.targetDir,
      buildPrograms: settings.commands.length > 0,
    },
    deps,
  );
  const targets = [
    ...selectBenches(build.executables, settings.benches),
    ...settings.commands.map((command) =>
      resolveCommand(command, build.executables, dirname(manifestPath)),
    ),
  ];
  checkTargets(targets);
  const rustc = await rustcVersion(
    deps.processes,
    definedEnvironment(deps.env),
    dirname(manifestPath),
  );

  const env = benchmarkEnvironment(deps.env);
  const aslrOff = await aslrOffPrefix(deps.processes, env);
  if (aslrOff.length === 0) {
    log.info('Address space randomisation stays on: `setarch -R` does not work on this machine.');
  }
  const setup: RunSetup = { valgrind: valgrind.path, aslrOff, env };
  const outDir = resolve(settings.outDir);
  await mkdir(outDir, { recursive: true });
  const benchmarks = await log.group('Running benchmarks under Cachegrind', () =>
    withStagedExecutables(targets, deps, (staged) =>
      runAll(staged, settings.runs, outDir, setup, root, deps),
    ),
  );

  const document: ProfileDocument = {
    version: PROFILE_VERSION,
    tool: TOOL_NAME,
    ...(settings.commit === undefined ? {} : { commit: settings.commit }),
    createdAt: new Date().toISOString(),
    fingerprint: {
      valgrind: valgrind.version,
      rustc,
      target: targetTriple(rustc, settings.cargoArgs),
      rustflags: build.rustflags,
      mangling: build.mangling,
      runs: settings.runs,
    },
    benchmarks,
  };
  const profilePath = join(outDir, 'profile.json');
  await writeFile(profilePath, serialiseProfileDocument(document));
  log.info(`Wrote ${profilePath}`);
  return document;
}

/** Reads a run count as written on a command line or in an action input. */
export function parseRuns(value: string, what: string): number {
  const runs = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  checkRuns(runs, what, value);
  return runs;
}

function checkRuns(runs: number, what = 'runs', written: string = String(runs)): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new InputError(
      `${what} must be a whole number from 1 to ${MAX_RUNS}, not '${written}'`,
      'Two runs (the default) are enough to notice functions whose counts vary.',
    );
  }
}

function checkTargets(targets: BenchmarkTarget[]): void {
  if (targets.length === 0) {
    throw new InputError(
      'there is nothing to measure: the package has no bench targets and no command was given',
      'Add a benchmark under benches/ (with `harness = false` in a [[bench]] section of Cargo.toml), or measure a program with a command.',
    );
  }
  const seen = new Set<string>();
  for (const { name } of targets) {
    if (seen.has(name)) {
      throw new InputError(
        `two benchmarks are named '${name}'`,
        'Give each command a name that no bench target has.',
      );
    }
    seen.add(name);
  }
}

/** Every run of every benchmark, in parallel up to the number of cores; profiles by name. */
async function runAll(
  targets: BenchmarkTarget[],
  runs: number,
  outDir: string,
  setup: RunSetup,
  root: string,
  deps: MeasureDeps,
): Promise<BenchmarkProfile[]> {
  const jobs = targets.flatMap((target) =>
    Array.from({ length: runs }, (_, index) => ({
      target,
      run: index + 1,
      runs,
      outFile: join(
        outDir,
        runs > 1 ? `${target.name}.${index + 1}.cachegrind.out` : `${target.name}.cachegrind.out`,
      ),
    })),
  );
  const normalisation = { workspaceRoot: root };
  const parsing = parserOptions(normalisation);
  const profiles = await inParallel(
    jobs.length,
    availableParallelism(),
    deps.signal,
    async (index, signal) => {
      const job = jobs[index]!;
      const parsed = await runUnderCachegrind(job, setup, { ...deps, signal }, parsing);
      return normaliseProfile(parsed, normalisation);
    },
  );
  return targets
    .map((target, targetIndex) => {
      const ofTarget = profiles.slice(targetIndex * runs, (targetIndex + 1) * runs);
      const benchmark = combineRuns(target.name, [target.executable, ...target.args], ofTarget);
      checkSymbols(benchmark);
      return benchmark;
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function checkSymbols(benchmark: BenchmarkProfile): void {
  const share = unnamedShare(benchmark);
  if (share > MAX_UNNAMED_SHARE) {
    throw new BenchmarkError(
      `bench ${benchmark.name}: ${Math.round(share * 100)}% of its instructions are in functions without a name (???): ` +
        'the executable has no symbols, so its profile would be useless',
      'Check `strip` in the [profile.release] and [profile.bench] sections of Cargo.toml, and `-C strip` in RUSTFLAGS or build.rustflags: ' +
        'rust-perf sets CARGO_PROFILE_BENCH_STRIP=none, but an explicit `-C strip=…` rustflag wins.',
    );
  }
}

/**
 * Runs `task(0…count-1)`, at most `limit` at a time. The first failure aborts the tasks still
 * running (through the signal they are given) and is rethrown once they have stopped.
 */
async function inParallel<T>(
  count: number,
  limit: number,
  signal: AbortSignal | undefined,
  task: (index: number, signal: AbortSignal) => Promise<T>,
): Promise<T[]> {
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  const results: T[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < count && !controller.signal.aborted) {
      const index = next;
      next += 1;
      try {
        results[index] = await task(index, controller.signal);
      } catch (error) {
        failure ??= { error };
        controller.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
  }
  if (failure) throw failure.error;
  signal?.throwIfAborted();
  return results;
}
