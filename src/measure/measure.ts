import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type BenchTarget, findBenchTargets } from '../benchmarks/bench-targets.js';
import { criterionVersionWarning } from '../benchmarks/harness.js';
import { listBenchmarkIds } from '../benchmarks/list-ids.js';
import { type RoutineCut, routineCut } from '../benchmarks/routine-cut.js';
import { type BenchmarkTarget, resolveCommand, selectBenches } from '../cargo/artifacts.js';
import {
  buildBenchmarks,
  buildRustflags,
  cargoMetadata,
  checkManifestExists,
  codegenSettings,
} from '../cargo/cargo.js';
import type { CargoMetadata } from '../cargo/metadata.js';
import { rustcVersion, targetTriple } from '../cargo/toolchain.js';
import { BenchmarkError, InputError } from '../errors.js';
import type { Harness } from '../harness.js';
import { type NamedCommand, splitCommandLine } from '../inputs/command-line.js';
import { DEFAULT_METRICS, type Metric } from '../inputs/metrics.js';
import { type ShardSpec, shardName } from '../inputs/shard.js';
import { serialiseProfileDocument } from '../profile/document.js';
import {
  type AllocationProfile,
  type BenchmarkProfile,
  type Fingerprint,
  type Mangling,
  PROFILE_VERSION,
  type ProfileDocument,
} from '../profile/profile.js';
import { shareOf } from '../profile/shard-assignment.js';
import { allInOrder, allOrNone, Slots } from '../system/concurrency.js';
import type { Logger } from '../system/logger.js';
import { definedEnvironment, type ProcessDeps, type ProcessRunner } from '../system/process.js';
import { compareText } from '../system/text-order.js';
import { TOOL_NAME } from '../version.js';
import { benchmarksOfParts } from './benchmark-parts.js';
import type { CallgrindPart } from './callgrind-part.js';
import { allocationsText } from './dhat.js';
import { type NormalisedProfile, normaliseProfile, parserOptions } from './normalise.js';
import type { ParsedProfile } from './parse.js';
import {
  aslrOffPrefix,
  benchmarkEnvironment,
  runUnderCallgrind,
  runUnderDhat,
  type ValgrindSetup,
} from './run.js';
import { type BenchmarkIdentity, combineRuns, unnamedShare } from './runs.js';
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
  /** The longest one run of a benchmark may take, in seconds; none: no limit. */
  timeoutSeconds?: number;
  /** Receives profile.json and the raw Callgrind (and DHAT) files. */
  outDir: string;
  targetDir?: string;
  commit?: string;
  /** Source paths under it are recorded relative to it; default: the cargo workspace root. */
  workspaceRoot?: string;
  /** The harness of a bench target where rust-perf should not detect it, by target name. */
  harnesses?: ReadonlyMap<string, Harness>;
  /** Measure only this shard's share of the targets. */
  shard?: ShardSelection;
  /** What to measure; default: instructions only. */
  metrics?: readonly Metric[];
}

/**
 * One shard of the targets. Every target is built (the build is native and shared by the
 * benchmarks); the valgrind runs, which cost 10 to 50 times more, are what is shared out.
 */
export interface ShardSelection {
  spec: ShardSpec;
  /**
   * The costs of the targets to balance by, from a baseline measured under `fingerprint`
   * (which the build decides); undefined: balance by count.
   */
  costs?: (fingerprint: Fingerprint) => Promise<ReadonlyMap<string, number> | undefined>;
}

/** Above this share of instructions in functions without a name, a profile says nothing. */
const MAX_UNNAMED_SHARE = 0.5;

/**
 * Builds the benchmarks, runs each bench target `runs` times under Callgrind and returns their
 * profile, also written to `outDir/profile.json` next to the raw files. A plain target (or a
 * command) is one benchmark, counted whole; a criterion or libtest target is one benchmark per
 * id, each counting only its routine, from one run cut into parts. Each run writes
 * `<name>.callgrind.out` (`<name>.<run>.callgrind.out` with several runs), with the call graph
 * that gives each function its inclusive cost.
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
  // Side by side, and before the build: a missing valgrind or an unknown bench target should
  // not cost a full build to find out.
  const [valgrind, metadata, aslrOff] = await allInOrder([
    detectValgrind(deps.processes, deps.env),
    cargoMetadata(manifestPath, deps),
    aslrOffPrefix(deps.processes, env),
  ]);
  if (aslrOff.length === 0) {
    log.info('Address space randomisation stays on: `setarch -R` does not work on this machine.');
  }
  const benches = chooseBenchTargets(metadata, manifestPath, settings, log);
  // Before the build: a crate without benchmarks should not cost one to find out.
  if (benches.length === 0 && settings.commands.length === 0) throw nothingToMeasure();
  const root = settings.workspaceRoot ?? metadata.workspaceRoot;
  const build = await buildBenchmarks(
    {
      manifestPath,
      workspaceRoot: root,
      cargoArgs: settings.cargoArgs,
      benches: settings.benches,
      targetDir: settings.targetDir ?? metadata.targetDirectory,
      buildPrograms: settings.commands.length > 0,
    },
    deps,
  );
  const harnessOf = new Map(benches.map((bench) => [bench.name, bench.harness]));
  const targets = [
    ...selectBenches(build.executables, [...harnessOf.keys()]),
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
  const fingerprintProbe = rustcProbe.then((rustc) =>
    fingerprintOf(
      { valgrind: valgrind.version, rustc, rustflags: build.rustflags, mangling: build.mangling },
      settings,
      deps.env,
    ),
  );
  const measured =
    settings.shard === undefined
      ? targets
      : await shareOfTargets(targets, settings.shard, await fingerprintProbe, log);
  const setup: ValgrindSetup = {
    valgrind: valgrind.path,
    aslrOff,
    env,
    timeoutSeconds: settings.timeoutSeconds,
  };
  const allocations = (settings.metrics ?? DEFAULT_METRICS).includes('allocations');
  const measuring = { runs: settings.runs, outDir, setup, root, harnessOf, allocations };
  const [fingerprint, benchmarks] = await allInOrder([
    fingerprintProbe,
    log.group('Running benchmarks under valgrind', () =>
      withStagedExecutables(measured, deps, async (staged) => {
        await rustcProbe;
        return runAll(staged, measuring, deps);
      }),
    ),
  ]);

  const document: ProfileDocument = {
    version: PROFILE_VERSION,
    tool: TOOL_NAME,
    ...(settings.commit === undefined ? {} : { commit: settings.commit }),
    createdAt: new Date().toISOString(),
    fingerprint,
    ...(settings.shard === undefined ? {} : { shard: settings.shard.spec }),
    benchmarks,
  };
  const profilePath = join(outDir, 'profile.json');
  await writeFile(profilePath, serialiseProfileDocument(document));
  log.info(`Wrote ${profilePath}`);
  return document;
}

/** The targets of one shard, said in the log. */
async function shareOfTargets(
  targets: BenchmarkTarget[],
  shard: ShardSelection,
  fingerprint: Fingerprint,
  log: Logger,
): Promise<BenchmarkTarget[]> {
  const costs = await shard.costs?.(fingerprint);
  const names = shareOf(
    shard.spec,
    targets.map((target) => target.name),
    costs,
  );
  log.info(
    `Shard ${shardName(shard.spec)} measures ${names.length === 0 ? 'no target' : names.join(', ')} of ${targets.length} (balanced by ${costs === undefined ? 'count' : "the baseline's costs"}).`,
  );
  return targets.filter((target) => names.includes(target.name));
}

/**
 * The fingerprint `measure` records for these settings, found without building or running
 * anything of the package (valgrind's version, `rustc -vV` in the package's directory, flags
 * and settings read from files and the environment), so that a pull request's baseline can be
 * restored before any of its code runs.
 */
export async function measurementFingerprint(
  settings: Pick<MeasureSettings, 'manifestPath' | 'cargoArgs' | 'runs'>,
  deps: ProcessDeps,
): Promise<Fingerprint> {
  const manifestPath = resolve(settings.manifestPath);
  checkManifestExists(manifestPath);
  const [valgrind, rustc] = await allInOrder([
    detectValgrind(deps.processes, deps.env),
    rustcVersion(deps.processes, definedEnvironment(deps.env), dirname(manifestPath)),
  ]);
  const { rustflags, mangling } = buildRustflags(manifestPath, deps.env);
  return fingerprintOf(
    { valgrind: valgrind.version, rustc, rustflags, mangling },
    settings,
    deps.env,
  );
}

function fingerprintOf(
  toolchain: { valgrind: string; rustc: string; rustflags: string[]; mangling: Mangling },
  settings: Pick<MeasureSettings, 'cargoArgs' | 'runs'>,
  env: NodeJS.ProcessEnv,
): Fingerprint {
  const codegen = codegenSettings(env);
  return {
    valgrind: toolchain.valgrind,
    rustc: toolchain.rustc,
    target: targetTriple(toolchain.rustc, settings.cargoArgs),
    rustflags: toolchain.rustflags,
    mangling: toolchain.mangling,
    ...(codegen.length > 0 ? { codegen } : {}),
    runs: settings.runs,
  };
}

/**
 * The bench targets to measure with their harnesses, said in the log; Gungraun targets, which
 * run valgrind themselves, are left out with a warning. Only when nothing else is left to
 * measure is that an error.
 */
function chooseBenchTargets(
  metadata: CargoMetadata,
  manifestPath: string,
  settings: MeasureSettings,
  log: Logger,
): BenchTarget[] {
  const found = findBenchTargets(
    metadata,
    manifestPath,
    settings.benches,
    settings.harnesses ?? new Map(),
    (path) => readFileSync(path, 'utf8'),
  );
  for (const bench of found) log.info(`bench ${bench.name}: ${bench.harness} (${bench.evidence})`);
  const measured = found.filter((bench) => bench.harness !== 'gungraun');
  const refused = found.filter((bench) => bench.harness === 'gungraun').map((bench) => bench.name);
  if (refused.length > 0) {
    const message = `${refused.join(', ')} ${refused.length === 1 ? 'is a Gungraun (or iai-callgrind) benchmark, which starts' : 'are Gungraun (or iai-callgrind) benchmarks, which start'} valgrind itself: rust-perf does not measure ${refused.length === 1 ? 'it' : 'them'}`;
    if (measured.length === 0 && settings.commands.length === 0) {
      throw new InputError(
        message,
        'Measure them with Gungraun; rust-perf measures plain, criterion and libtest #[bench] targets.',
      );
    }
    log.warn(message);
  }
  if (found.some((bench) => bench.harness === 'criterion')) {
    const devDependencies = metadata.packages.flatMap((pkg) => pkg.dependencies);
    const warning = criterionVersionWarning(
      devDependencies.filter((dependency) => dependency.kind === 'dev'),
    );
    if (warning !== undefined) log.warn(warning);
  }
  if (found.some((bench) => bench.harness === 'divan')) {
    log.warn(
      'divan targets are measured as one whole program each: rust-perf does not yet count divan benchmarks one by one',
    );
  }
  return measured;
}

function nothingToMeasure(): InputError {
  return new InputError(
    'there is nothing to measure: the package has no bench targets and no command was given',
    'Add a benchmark under benches/ (a criterion or libtest #[bench] target, or a main with `harness = false`), or measure a program with a command.',
  );
}

function checkTargets(targets: BenchmarkTarget[]): void {
  if (targets.length === 0) throw nothingToMeasure();
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

interface Measuring {
  runs: number;
  outDir: string;
  setup: ValgrindSetup;
  root: string;
  /** The harness of each bench target; commands have none (they are plain). */
  harnessOf: ReadonlyMap<string, Harness>;
  /**
   * Also run each whole program once under DHAT, and each benchmark of a harness target once on
   * its own. Once: allocation counts do not vary from run to run as instruction counts can.
   */
  allocations: boolean;
}

/** One target's runs: each run's profile of each of its benchmarks, by id ('' for a whole program). */
interface TargetRuns {
  ended: number;
  profiles: Map<string, NormalisedProfile[]>;
  /** Each benchmark's allocations, by id as `profiles`, from its DHAT run. */
  allocations: Map<string, AllocationProfile>;
}

/**
 * Runs `run`, with the deps it is given (aborted by `signal`), once it holds a slot of the
 * machine's cores.
 */
type InSlot = <T>(signal: AbortSignal, run: (deps: ProcessDeps) => Promise<T>) => Promise<T>;

/** How a job runs valgrind: in a slot, stopped by the signal of the job. */
interface Running {
  inSlot: InSlot;
  signal: AbortSignal;
}

/**
 * One step of a target: run `runNumber` of its instructions (one valgrind run), or its
 * allocations (one DHAT run per benchmark).
 */
interface Job {
  plan: Promise<TargetPlan>;
  targetIndex: number;
  runNumber: number;
  metric: Metric;
}

/**
 * Every run of every target, in parallel up to the number of cores, each as soon as its
 * executable is staged (and, for a harness with ids, listed). A target's benchmarks are
 * combined as soon as its last run ends, while other targets still run.
 */
async function runAll(
  staged: Promise<BenchmarkTarget>[],
  measuring: Measuring,
  deps: ProcessDeps,
): Promise<BenchmarkProfile[]> {
  const { runs } = measuring;
  const plans = staged.map((target) => planTarget(target, measuring, deps));
  const jobs: Job[] = plans.flatMap((plan, targetIndex) => [
    ...Array.from({ length: runs }, (_, index) => ({
      plan,
      targetIndex,
      runNumber: index + 1,
      metric: 'instructions' as const,
    })),
    ...(measuring.allocations
      ? [{ plan, targetIndex, runNumber: 1, metric: 'allocations' as const }]
      : []),
  ]);
  const jobsPerTarget = jobs.length / Math.max(plans.length, 1);
  const ofTargets: TargetRuns[] = plans.map(() => ({
    ended: 0,
    profiles: new Map(),
    allocations: new Map(),
  }));
  const benchmarks: BenchmarkProfile[] = [];
  // Every job starts at once and waits for its executable, then for a slot per valgrind run.
  const slots = new Slots(availableParallelism());
  const inSlot: InSlot = async (signal, run) => {
    const release = await slots.acquire(signal);
    // valgrind's exit frees the slot: the next run starts while this one's output is read.
    const processes: ProcessRunner = {
      run: (command, args, options) => deps.processes.run(command, args, options).finally(release),
    };
    return run({ ...deps, processes, signal }).finally(release);
  };
  await allOrNone(jobs.length, deps.signal, async (index, signal) => {
    const job = jobs[index]!;
    const plan = await job.plan;
    if (plan.ids?.length === 0) return;
    const ofTarget = ofTargets[job.targetIndex]!;
    await runJob(job, plan, ofTarget, measuring, { inSlot, signal });
    ofTarget.ended += 1;
    if (ofTarget.ended === jobsPerTarget) {
      for (const [id, profiles] of ofTarget.profiles) {
        const benchmark = combineRuns(identity(plan, id), profiles);
        checkSymbols(benchmark);
        const allocations = ofTarget.allocations.get(id);
        if (allocations !== undefined && plan.cut !== undefined) {
          checkRanAlone(benchmark, allocations, plan.cut);
        }
        benchmarks.push(allocations === undefined ? benchmark : { ...benchmark, allocations });
      }
    }
  });
  return benchmarks.sort((a, b) => compareText(a.name, b.name));
}

/** Runs one job, each valgrind run in a slot, and keeps what it measured in `ofTarget`. */
async function runJob(
  job: Job,
  plan: TargetPlan,
  ofTarget: TargetRuns,
  measuring: Measuring,
  running: Running,
): Promise<void> {
  const { target, cut } = plan;
  const normalisation = { workspaceRoot: measuring.root };
  if (job.metric === 'allocations') {
    await measureAllocations(plan, ofTarget, measuring, running);
    return;
  }
  const { runs } = measuring;
  const outFile = join(
    measuring.outDir,
    runs > 1 ? `${target.name}.${job.runNumber}.callgrind.out` : `${target.name}.callgrind.out`,
  );
  const parsing = parserOptions(normalisation);
  const benchmarkRun = { target, runNumber: job.runNumber, runs, outFile };
  const parts = await running.inSlot(running.signal, (deps) =>
    runUnderCallgrind(benchmarkRun, cut, measuring.setup, deps, parsing),
  );
  const parsed = cut
    ? benchmarksOfParts(parts, plan.ids!, cut, target.name)
    : new Map([['', wholeProgramProfile(parts, target.name)]]);
  for (const [id, profile] of parsed) {
    const profiles = ofTarget.profiles.get(id) ?? [];
    profiles[job.runNumber - 1] = normaliseProfile(profile, normalisation);
    ofTarget.profiles.set(id, profiles);
  }
}

/**
 * A target's allocations: a whole program in one DHAT run (`<target>.dhat.json`); a harness
 * target one DHAT run per benchmark, side by side, each running that benchmark alone with the
 * harness's own filter and counting what its routine allocated
 * (`<target>.<id, URI-encoded>.dhat.json`). DHAT cannot be switched on and off around a routine
 * as Callgrind is: the routine's frame on each allocation's stack tells them apart instead.
 */
async function measureAllocations(
  plan: TargetPlan,
  ofTarget: TargetRuns,
  measuring: Measuring,
  { inSlot, signal }: Running,
): Promise<void> {
  const { target, cut, ids } = plan;
  const { outDir, setup } = measuring;
  const normalisation = { workspaceRoot: measuring.root };
  if (cut === undefined || ids === undefined) {
    const outFile = join(outDir, `${target.name}.dhat.json`);
    const dhatRun = { target, runNumber: 1, runs: 1, outFile };
    const allocations = await inSlot(signal, (deps) =>
      runUnderDhat(dhatRun, setup, deps, normalisation),
    );
    ofTarget.allocations.set('', allocations);
    return;
  }
  // Side by side, each in a slot of its own; the first to fail stops the others.
  await allOrNone(ids.length, signal, async (index, idSignal) => {
    const id = ids[index]!;
    const outFile = join(outDir, `${target.name}.${encodeURIComponent(id)}.dhat.json`);
    const step = `allocations ${index + 1}/${ids.length}`;
    const dhatRun = { target, runNumber: 1, runs: 1, outFile, id, step };
    const routineRun = { programArgs: [...cut.runArgs, ...cut.onlyArgs(id)], routine: cut };
    const allocations = await inSlot(idSignal, (deps) =>
      runUnderDhat(dhatRun, setup, deps, normalisation, routineRun),
    );
    ofTarget.allocations.set(id, allocations);
  });
}

/** A whole program's one part: Callgrind ran without cutting it. */
function wholeProgramProfile(parts: CallgrindPart[], target: string): ParsedProfile {
  const [part, ...others] = parts;
  if (part === undefined || others.length > 0) {
    throw new Error(
      `bench ${target}: Callgrind wrote ${parts.length} parts of a whole program, not one`,
    );
  }
  return part.profile;
}

interface TargetPlan {
  target: BenchmarkTarget;
  harness: Harness;
  /** How a harness with ids is cut into benchmarks; none for a whole program. */
  cut?: RoutineCut;
  /** The benchmark ids, in the order they run, for a cut target. */
  ids?: string[];
}

/**
 * How a staged target is measured: whole, or cut into its listed benchmarks. A target whose
 * harness lists no benchmark is left out with a warning (libtest's default harness around a
 * plain `main` that forgot `harness = false` is the usual cause).
 */
async function planTarget(
  staged: Promise<BenchmarkTarget>,
  measuring: Measuring,
  deps: ProcessDeps,
): Promise<TargetPlan> {
  const target = await staged;
  const harness = measuring.harnessOf.get(target.name) ?? 'plain';
  const cut = routineCut(harness);
  if (cut === undefined) return { target, harness };
  const ids = await listBenchmarkIds(target, cut, measuring.setup.env, deps);
  if (ids.length === 0) {
    deps.log.warn(
      harness === 'libtest'
        ? `bench ${target.name} uses libtest's harness (its [[bench]] section does not say \`harness = false\`) but has no #[bench] function, so it measures nothing. ` +
            'If it has a main of its own, add `harness = false` to its [[bench]] section in Cargo.toml.'
        : `bench ${target.name} lists no ${harness} benchmark, so it measures nothing.`,
    );
  }
  return { target, harness, cut, ids };
}

function identity(plan: TargetPlan, id: string): BenchmarkIdentity {
  const { target, harness, cut } = plan;
  const command = [target.executable, ...target.args, ...(cut?.runArgs ?? [])];
  return id === ''
    ? { name: target.name, target: target.name, harness, command }
    : { name: `${target.name}/${id}`, target: target.name, id, harness, command };
}

/** The C library's allocation functions, which DHAT counts and Callgrind names as they are. */
const ALLOCATORS = new Set([
  'malloc',
  'calloc',
  'realloc',
  'memalign',
  'posix_memalign',
  'aligned_alloc',
  'valloc',
]);

/**
 * A harness benchmark's DHAT run, which ran it alone through the harness's filter, and its
 * Callgrind part must agree on whether its routine allocates: a filter that selected no
 * benchmark (or another) would otherwise pass for a routine that allocates nothing.
 */
function checkRanAlone(
  benchmark: BenchmarkProfile,
  allocations: AllocationProfile,
  cut: RoutineCut,
): void {
  const callsAllocator = benchmark.functions.some((entry) => ALLOCATORS.has(entry.name));
  if (callsAllocator === allocations.allocations > 0) return;
  throw new BenchmarkError(
    `bench ${benchmark.name}: run alone under DHAT its routine made ${allocationsText(allocations.allocations)}, while its instruction count ${callsAllocator ? 'calls' : 'never calls'} the allocator: the ${cut.harness} filter (${cut.onlyArgs(benchmark.id ?? '').join(' ')}) did not run this benchmark alone`,
    `Please report the harness version. Measure the target as one whole program instead with the harness setting \`${benchmark.target}=plain\`, or measure instructions alone.`,
  );
}

function checkSymbols(benchmark: BenchmarkProfile): void {
  const share = unnamedShare(benchmark);
  if (share > MAX_UNNAMED_SHARE) {
    throw new BenchmarkError(
      `bench ${benchmark.name}: ${Math.round(share * 100)}% of its instructions are in functions without a name (??? or an address): ` +
        'the executable has no symbols, so its profile would be useless',
      'Check `strip` in the [profile.release] and [profile.bench] sections of Cargo.toml, and `-C strip` in RUSTFLAGS or build.rustflags: ' +
        'rust-perf sets CARGO_PROFILE_BENCH_STRIP=none, but an explicit `-C strip=…` rustflag wins.',
    );
  }
}

/**
 * Removes what an earlier measurement wrote to `outDir`: raw files of benchmarks or runs that this
 * one does not measure would otherwise sit next to a profile.json that no longer lists them.
 * Only rust-perf's own names go: `profile.json`, `*.cachegrind.out`, `*.callgrind.out` and
 * `*.dhat.json`.
 */
async function removeEarlierOutput(outDir: string): Promise<void> {
  const earlier = (await readdir(outDir)).filter(
    (name) =>
      name === 'profile.json' ||
      name.endsWith('.cachegrind.out') ||
      name.endsWith('.callgrind.out') ||
      name.endsWith('.dhat.json'),
  );
  await Promise.all(earlier.map((name) => rm(join(outDir, name), { force: true })));
}
