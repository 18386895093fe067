import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type BenchmarkTarget, resolveCommand, selectBenches } from '../cargo/artifacts.js';
import { buildBenchmarks, checkManifestExists, workspaceRoot } from '../cargo/cargo.js';
import { rustcVersion, targetTriple } from '../cargo/toolchain.js';
import { BenchmarkError, InputError } from '../errors.js';
import { type NamedCommand, splitCommandLine } from '../inputs/command-line.js';
import { serialiseProfileDocument } from '../profile/document.js';
import {
  type BenchmarkProfile,
  PROFILE_VERSION,
  type ProfileDocument,
} from '../profile/profile.js';
import { allInOrder, allOrNone, Slots } from '../system/concurrency.js';
import { definedEnvironment, type ProcessDeps, type ProcessRunner } from '../system/process.js';
import { TOOL_NAME } from '../version.js';
import { type NormalisedProfile, normaliseProfile, parserOptions } from './normalise.js';
import {
  aslrOffPrefix,
  benchmarkEnvironment,
  type CachegrindSetup,
  runUnderCachegrind,
} from './run.js';
import { combineRuns, unnamedShare } from './runs.js';
import { withStagedExecutables } from './staging.js';
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

/** Above this share of instructions in functions without a name, a profile says nothing. */
const MAX_UNNAMED_SHARE = 0.5;

/**
 * Builds the benchmarks, runs each `runs` times under Cachegrind and returns their profile,
 * also written to `outDir/profile.json` next to the raw files (`<bench>.cachegrind.out`, or
 * `<bench>.<run>.cachegrind.out` with several runs).
 */
export async function measure(
  settings: MeasureSettings,
  deps: ProcessDeps,
): Promise<ProfileDocument> {
  const { log } = deps;
  const manifestPath = resolve(settings.manifestPath);
  checkManifestExists(manifestPath);
  for (const command of settings.commands) splitCommandLine(command.command);
  const env = benchmarkEnvironment(deps.env);
  // Side by side, and before the build: a missing valgrind should not cost a full build to
  // find out.
  const [valgrind, root, aslrOff] = await allInOrder([
    detectValgrind(deps.processes, deps.env),
    settings.workspaceRoot ?? workspaceRoot(manifestPath, deps),
    aslrOffPrefix(deps.processes, env),
  ]);
  if (aslrOff.length === 0) {
    log.info('Address space randomisation stays on: `setarch -R` does not work on this machine.');
  }
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
  const outDir = resolve(settings.outDir);
  await mkdir(outDir, { recursive: true });
  await removeEarlierOutput(outDir);

  // After the build, which installs the toolchain a rust-toolchain.toml names; the executables
  // are staged meanwhile, and the benchmarks wait for it so that a failure costs no runs.
  const rustcProbe = rustcVersion(
    deps.processes,
    definedEnvironment(deps.env),
    dirname(manifestPath),
  );
  const setup: CachegrindSetup = { valgrind: valgrind.path, aslrOff, env };
  const [rustc, benchmarks] = await allInOrder([
    rustcProbe,
    log.group('Running benchmarks under Cachegrind', () =>
      withStagedExecutables(targets, deps, async (staged) => {
        await rustcProbe;
        return runAll(staged, settings.runs, outDir, setup, root, deps);
      }),
    ),
  ]);

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

/**
 * Every run of every benchmark, in parallel up to the number of cores, each as soon as its
 * executable is staged; profiles by name. A benchmark's runs are combined as soon as its last
 * run ends, while other benchmarks still run.
 */
async function runAll(
  staged: Promise<BenchmarkTarget>[],
  runs: number,
  outDir: string,
  setup: CachegrindSetup,
  root: string,
  deps: ProcessDeps,
): Promise<BenchmarkProfile[]> {
  const jobs = staged.flatMap((target, targetIndex) =>
    Array.from({ length: runs }, (_, index) => ({ target, targetIndex, runNumber: index + 1 })),
  );
  const runsOf = staged.map(() => ({ profiles: [] as NormalisedProfile[], ended: 0 }));
  const benchmarks: BenchmarkProfile[] = [];
  const normalisation = { workspaceRoot: root };
  const parsing = parserOptions(normalisation);
  // Every job starts at once and waits for its executable, then for a slot.
  const slots = new Slots(availableParallelism());
  await allOrNone(jobs.length, deps.signal, async (index, signal) => {
    const job = jobs[index]!;
    const target = await job.target;
    const outFile = join(
      outDir,
      runs > 1 ? `${target.name}.${job.runNumber}.cachegrind.out` : `${target.name}.cachegrind.out`,
    );
    const release = await slots.acquire(signal);
    // valgrind's exit frees the slot: the next run starts while this one's output is read.
    const processes: ProcessRunner = {
      run: (command, args, options) => deps.processes.run(command, args, options).finally(release),
    };
    const parsed = await runUnderCachegrind(
      { target, runNumber: job.runNumber, runs, outFile },
      setup,
      { ...deps, processes, signal },
      parsing,
    ).finally(release);
    const ofTarget = runsOf[job.targetIndex]!;
    ofTarget.profiles[job.runNumber - 1] = normaliseProfile(parsed, normalisation);
    ofTarget.ended += 1;
    if (ofTarget.ended === runs) {
      const command = [target.executable, ...target.args];
      const benchmark = combineRuns(target.name, command, ofTarget.profiles);
      checkSymbols(benchmark);
      benchmarks.push(benchmark);
    }
  });
  return benchmarks.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
 * Removes what an earlier measurement wrote to `outDir`: raw files of benchmarks or runs that this
 * one does not measure would otherwise sit next to a profile.json that no longer lists them.
 * Only rust-perf's own names go: `profile.json` and `*.cachegrind.out`.
 */
async function removeEarlierOutput(outDir: string): Promise<void> {
  const earlier = (await readdir(outDir)).filter(
    (name) => name === 'profile.json' || name.endsWith('.cachegrind.out'),
  );
  await Promise.all(earlier.map((name) => rm(join(outDir, name), { force: true })));
}
