import {
  chmod,
  copyFile,
  mkdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { machine, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchmarkTarget } from '../cargo/artifacts.js';
import { BenchmarkError, InputError } from '../errors.js';
import type { Logger } from '../system/logger.js';
import { isMissingProgram, type ProcessRunner } from '../system/process.js';
import type { CachegrindParserOptions, ParsedProfile } from './parse.js';
import { parseCachegrindFile } from './parse-file.js';
import { cachegrindArgs } from './valgrind.js';

/** How every benchmark runs: the same for the base and the head, on any checkout. */
export interface RunSetup {
  valgrind: string;
  /** `setarch <arch> -R` to turn address space randomisation off, or nothing. */
  aslrOff: string[];
  env: Record<string, string>;
}

export interface RunDeps {
  log: Logger;
  processes: ProcessRunner;
  signal?: AbortSignal;
}

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

/**
 * Runs `work` with every target staged at paths that are the same for every build and
 * checkout: the executable copied to `<tmpdir>/rust-perf/bin/<name>`, so that `argv[0]` is
 * the same, and its working directory reached through the symlink `<tmpdir>/rust-perf/cwd/<name>`,
 * which becomes `PWD`. (Shells, such as the wrapper script some distributions install as
 * `valgrind`, export `PWD`; its length shifts the stack and with it the counts of start-up code.)
 * One rust-perf process at a time uses these directories; others wait for it.
 *
 * The targets are staged one after another while `work` runs: it gets, in the targets' order,
 * a promise of each staged target, so that a benchmark starts as soon as its own executable is
 * in place instead of after every copy.
 */
export async function withStagedExecutables<T>(
  targets: BenchmarkTarget[],
  deps: { log: Logger; signal?: AbortSignal },
  work: (staged: Promise<BenchmarkTarget>[]) => Promise<T>,
): Promise<T> {
  const root = join(tmpdir(), 'rust-perf');
  const release = await acquireLock(join(root, 'lock'), deps);
  try {
    await Promise.all([
      mkdir(join(root, 'bin'), { recursive: true }),
      mkdir(join(root, 'cwd'), { recursive: true }),
    ]);
    const staged: Promise<BenchmarkTarget>[] = [];
    for (const target of targets) {
      const previous = staged.at(-1) ?? Promise.resolve();
      staged.push(previous.then(() => stage(target, root)));
    }
    // Observed from the start, so that a failure `work` never awaits (it stopped at an earlier
    // one) is not an unhandled rejection; awaited before the lock goes, so that no copy
    // outlives it.
    const everyStaging = Promise.allSettled(staged);
    try {
      return await work(staged);
    } finally {
      await everyStaging;
    }
  } finally {
    await release();
  }
}

/** Copies one target's executable to `<root>/bin` and links its working directory in `<root>/cwd`. */
async function stage(target: BenchmarkTarget, root: string): Promise<BenchmarkTarget> {
  const executable = join(root, 'bin', target.name);
  const cwd = join(root, 'cwd', target.name);
  // Removed first: a file that another process still executes cannot be overwritten.
  await Promise.all([rm(executable, { force: true }), rm(cwd, { force: true })]);
  await Promise.all([
    copyFile(target.executable, executable)
      .catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        throw new InputError(`'${target.name}' runs ${target.executable}, which does not exist`);
      })
      .then(() => chmod(executable, 0o755)),
    symlink(target.cwd, cwd),
  ]);
  return { ...target, executable, cwd, built: { executable: target.executable, cwd: target.cwd } };
}

/** A lock directory holding the owner's pid; a lock whose owner is gone is taken over. */
async function acquireLock(
  lock: string,
  deps: { log: Logger; signal?: AbortSignal },
): Promise<() => Promise<void>> {
  await mkdir(dirname(lock), { recursive: true });
  let waiting = false;
  for (;;) {
    deps.signal?.throwIfAborted();
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lock)) {
      // Moved aside before removal: of two processes that both found the lock stale, only one
      // rename succeeds, so neither removes a lock the other has just taken.
      const abandoned = `${lock}.stale-${process.pid}`;
      try {
        await rename(lock, abandoned);
        await rm(abandoned, { recursive: true, force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      continue;
    }
    if (!waiting) {
      deps.log.info(`Waiting for another rust-perf process to release ${lock}`);
      waiting = true;
    }
    await sleep(250, undefined, { signal: deps.signal });
  }
}

async function isStale(lock: string): Promise<boolean> {
  const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
  if (!Number.isSafeInteger(owner) || owner <= 0) {
    // No pid (yet): being created right now, or its creator died in between.
    const created = await stat(lock).catch(() => undefined);
    return created !== undefined && Date.now() - created.mtimeMs > 10_000;
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface BenchmarkRun {
  target: BenchmarkTarget;
  /** 1-based. */
  run: number;
  runs: number;
  outFile: string;
}

/** Runs one benchmark once under Cachegrind and parses what it wrote with `parserOptions`. */
export async function runUnderCachegrind(
  benchmarkRun: BenchmarkRun,
  setup: RunSetup,
  deps: RunDeps,
  parserOptions: CachegrindParserOptions,
): Promise<ParsedProfile> {
  const { target, run, runs, outFile } = benchmarkRun;
  const label = `bench ${target.name}${runs > 1 ? ` (run ${run}/${runs})` : ''}`;
  const [program, ...args] = [
    ...setup.aslrOff,
    setup.valgrind,
    ...cachegrindArgs(outFile),
    target.executable,
    ...target.args,
  ];
  const started = performance.now();
  const result = await deps.processes.run(program!, args, {
    cwd: target.cwd,
    env: { ...setup.env, PWD: target.cwd },
    signal: deps.signal,
  });
  if (result.exitCode !== 0) {
    const built = target.built ?? target;
    const how =
      result.signal === null
        ? `exited with status ${result.exitCode}`
        : `was killed by ${result.signal}`;
    throw new BenchmarkError(
      `${label} ${how}. The end of its output:\n${benchmarkStderrTail(result.stderr)}`,
      `Run it without rust-perf to see the problem: ${[built.executable, ...target.args].join(' ')} (in ${built.cwd}).`,
    );
  }
  const parsed = await parseCachegrindFile(outFile, parserOptions);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  deps.log.info(
    `${label}: ${(parsed.totals[0] ?? 0).toLocaleString('en-US')} ${parsed.events[0] ?? ''} in ${seconds}s`,
  );
  return parsed;
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
