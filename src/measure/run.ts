import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { machine } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { RoutineCut } from '../benchmarks/routine-cut.js';
import type { BenchmarkTarget } from '../cargo/artifacts.js';
import { BenchmarkError } from '../errors.js';
import { formatDuration } from '../inputs/timeout.js';
import type { AllocationProfile } from '../profile/profile.js';
import {
  isMissingProgram,
  type ProcessDeps,
  type ProcessRunner,
  type RunResult,
} from '../system/process.js';
import type { CallgrindPart } from './callgrind-part.js';
import {
  allocationProfile,
  allocationsText,
  dhatArgs,
  PROGRAM_STACK_DEPTH,
  parseDhat,
  ROUTINE_STACK_DEPTH,
  type RoutineFrames,
  routinePoints,
} from './dhat.js';
import type { NormaliseOptions } from './normalise.js';
import type { CachegrindParserOptions } from './parse.js';
import { parseCallgrindFile } from './parse-file.js';

/** How every benchmark runs: the same for the base and the head, on any checkout. */
export interface ValgrindSetup {
  valgrind: string;
  /** `setarch <arch> -R` to turn address space randomisation off, or nothing. */
  aslrOff: string[];
  env: Record<string, string>;
  /** The longest one run may take, in seconds; valgrind is stopped then. None: no limit. */
  timeoutSeconds?: number;
}

/** How often a run that is still going says so: a long valgrind run is otherwise silent. */
export const HEARTBEAT_SECONDS = 30;

/**
 * The benchmark's whole environment: a short allow-list, so that nothing else (a token, the
 * action's inputs, CI variables) reaches it or changes its instruction counts.
 */
export function benchmarkEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {
    PATH: env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: env.HOME ?? '/',
    LANG: 'C',
    LC_ALL: 'C',
  };
  if (env.TMPDIR) result.TMPDIR = env.TMPDIR;
  return result;
}

/**
 * `setarch <arch> -R` when it works here (containers may forbid changing the personality),
 * else nothing: randomised addresses change the counts of code that hashes or orders pointers.
 */
export async function aslrOffPrefix(
  processes: ProcessRunner,
  env: Record<string, string>,
): Promise<string[]> {
  const prefix = ['setarch', machine(), '-R'];
  try {
    const probe = await processes.run('setarch', [...prefix.slice(1), 'true'], { cwd: '/', env });
    return probe.exitCode === 0 ? prefix : [];
  } catch (error) {
    if (isMissingProgram(error)) return [];
    throw error;
  }
}

interface BenchmarkRun {
  target: BenchmarkTarget;
  /** 1-based. */
  runNumber: number;
  runs: number;
  outFile: string;
  /** The one benchmark of a harness target the run measures, and its place among them (`3/8`). */
  id?: string;
  step?: string;
}

/** One benchmark of a harness target, run alone: the harness's arguments and its routine. */
export interface RoutineRun {
  programArgs: string[];
  routine: RoutineFrames;
}

/**
 * Runs a whole program once under DHAT (or, given `routineRun`, one benchmark of a harness
 * target, counting only what its routine allocated) and reads its allocations, named as
 * `normalisation` says.
 */
export async function runUnderDhat(
  benchmarkRun: BenchmarkRun,
  setup: ValgrindSetup,
  deps: ProcessDeps,
  normalisation: NormaliseOptions,
  routineRun?: RoutineRun,
): Promise<AllocationProfile> {
  const started = performance.now();
  const { outFile } = benchmarkRun;
  const depth = routineRun === undefined ? PROGRAM_STACK_DEPTH : ROUTINE_STACK_DEPTH;
  const programArgs = routineRun?.programArgs ?? [];
  await runUnderValgrind(benchmarkRun, dhatArgs(outFile, depth), programArgs, setup, deps);
  const points = parseDhat(await readFile(outFile, 'utf8'), outFile);
  const measured =
    routineRun === undefined ? points : routinePoints(points, routineRun.routine, depth);
  if (measured === undefined) {
    throw new BenchmarkError(
      `${runLabel(benchmarkRun)}: an allocation's stack is deeper than ${depth} return addresses and does not reach a benchmark routine, so its allocations cannot be told inside the routine or outside it (${outFile})`,
      `Measure the target as one whole program instead with the harness setting \`${benchmarkRun.target.name}=plain\`, or measure instructions alone.`,
    );
  }
  const allocations = allocationProfile(measured, normalisation);
  deps.log.info(
    `${runLabel(benchmarkRun)}: ${allocationsText(allocations.allocations)} in ${secondsSince(started)}s`,
  );
  return allocations;
}

/**
 * Runs one bench target once under Callgrind, cut into one part per benchmark as `cut` says
 * (one part for the whole program without a cut), and returns the parts, empty ones included.
 * A harness may fork (criterion looks for gnuplot); each process writes its own file, and the
 * one of the process rust-perf started becomes `outFile`.
 */
export async function runUnderCallgrind(
  benchmarkRun: BenchmarkRun,
  cut: RoutineCut | undefined,
  setup: ValgrindSetup,
  deps: ProcessDeps,
  parserOptions: CachegrindParserOptions,
): Promise<CallgrindPart[]> {
  const { outFile } = benchmarkRun;
  const started = performance.now();
  const toolArgs = [
    ...(cut?.callgrindArgs ?? ['--tool=callgrind']),
    '--child-silent-after-fork=yes',
    `--callgrind-out-file=${outFile}.%p`,
  ];
  const result = await runUnderValgrind(benchmarkRun, toolArgs, cut?.runArgs ?? [], setup, deps);
  await keepOwnOutput(outFile, valgrindPid(result.stderr));
  const parts = await parseCallgrindFile(outFile, parserOptions);
  const measured = parts.filter((part) => (part.profile.totals[0] ?? 0) > 0).length;
  const what =
    cut === undefined
      ? `${(parts[0]?.profile.totals[0] ?? 0).toLocaleString('en-US')} ${parts[0]?.profile.events[0] ?? ''}`
      : `${measured} benchmarks`;
  deps.log.info(`${runLabel(benchmarkRun)}: ${what} in ${secondsSince(started)}s`);
  return parts;
}

/**
 * Runs the target under valgrind with `toolArgs`, in the same conditions for every run; a
 * benchmark that fails is a BenchmarkError with the end of its output.
 */
async function runUnderValgrind(
  benchmarkRun: BenchmarkRun,
  toolArgs: string[],
  programArgs: string[],
  setup: ValgrindSetup,
  deps: ProcessDeps,
): Promise<RunResult> {
  const { target } = benchmarkRun;
  const [program, ...args] = [
    ...setup.aslrOff,
    setup.valgrind,
    ...toolArgs,
    target.executable,
    ...target.args,
    ...programArgs,
  ];
  deps.log.debug(`${runLabel(benchmarkRun)}: ${[program, ...args].join(' ')} (in ${target.cwd})`);
  const result = await withTimeLimit(benchmarkRun, setup.timeoutSeconds, deps, (signal) =>
    deps.processes.run(program!, args, {
      cwd: target.cwd,
      env: { ...setup.env, PWD: target.cwd },
      signal,
    }),
  );
  if (result.exitCode !== 0) {
    const built = target.built ?? target;
    const how =
      result.signal === null
        ? `exited with status ${result.exitCode}`
        : `was killed by ${result.signal}`;
    throw new BenchmarkError(
      `${runLabel(benchmarkRun)} ${how}. The end of its output:\n${benchmarkStderrTail(result.stderr)}`,
      `Run it without rust-perf to see the problem: ${[built.executable, ...target.args, ...programArgs].join(' ')} (in ${built.cwd}).`,
    );
  }
  return result;
}

/**
 * Runs `run` with a signal that also aborts after `timeoutSeconds`, which then becomes a
 * BenchmarkError naming the run and the limit; says every HEARTBEAT_SECONDS that it still runs.
 */
async function withTimeLimit<T>(
  benchmarkRun: BenchmarkRun,
  timeoutSeconds: number | undefined,
  deps: ProcessDeps,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeout = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, timeout.signal]) : timeout.signal;
  let heartbeats = 0;
  const heartbeat = setInterval(() => {
    heartbeats += 1;
    deps.log.info(
      `${runLabel(benchmarkRun)}: still running after ${formatDuration(heartbeats * HEARTBEAT_SECONDS)}`,
    );
  }, HEARTBEAT_SECONDS * 1000);
  const timer =
    timeoutSeconds === undefined
      ? undefined
      : setTimeout(() => timeout.abort(), timeoutSeconds * 1000);
  try {
    return await run(signal);
  } catch (error) {
    if (!timeout.signal.aborted || deps.signal?.aborted) throw error;
    const limit = formatDuration(timeoutSeconds!);
    throw new BenchmarkError(
      `${runLabel(benchmarkRun)} did not finish within its time limit of ${limit}: valgrind was stopped.`,
      `Under valgrind a program runs some 20 to 100 times slower than on its own. Give it more time (\`--timeout\`, or the action's \`timeout\` input), or make the benchmark do less work.`,
    );
  } finally {
    clearInterval(heartbeat);
    clearTimeout(timer);
  }
}

function runLabel({ target, runNumber, runs, id, step }: BenchmarkRun): string {
  const name = id === undefined ? target.name : `${target.name}/${id}`;
  const progress =
    runs > 1 ? ` (run ${runNumber}/${runs})` : step === undefined ? '' : ` (${step})`;
  return `bench ${name}${progress}`;
}

function secondsSince(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

/** The process id valgrind prints on its first line of output, `==<pid>== …`. */
function valgrindPid(stderr: string): string {
  const pid = /^==(\d+)==/m.exec(stderr)?.[1];
  if (pid === undefined) throw new Error('valgrind printed no ==pid== line');
  return pid;
}

/** Renames `<outFile>.<pid>` to `outFile` and removes the files of forked processes. */
async function keepOwnOutput(outFile: string, pid: string): Promise<void> {
  const prefix = `${basename(outFile)}.`;
  const directory = dirname(outFile);
  const others = (await readdir(directory)).filter(
    (name) =>
      name.startsWith(prefix) &&
      /^\d+$/.test(name.slice(prefix.length)) &&
      name !== `${prefix}${pid}`,
  );
  await rename(`${outFile}.${pid}`, outFile);
  await Promise.all(others.map((name) => rm(join(directory, name), { force: true })));
}

/**
 * The last lines a failed benchmark wrote, without valgrind's own `==pid==` and `--pid--`
 * lines; valgrind's lines only when the benchmark wrote nothing (valgrind itself failed).
 */
export function benchmarkStderrTail(stderr: string, count = 20): string {
  const lines = stderr.trimEnd().split('\n');
  const own = lines.filter((line) => !/^(==|--)\d+(==|--)/.test(line));
  const shown = (own.some((line) => line.trim() !== '') ? own : lines).slice(-count);
  return shown.map((line) => `  ${line}`).join('\n');
}
