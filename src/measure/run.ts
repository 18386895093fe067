import { machine } from 'node:os';
import type { BenchmarkTarget } from '../cargo/artifacts.js';
import { BenchmarkError } from '../errors.js';
import { isMissingProgram, type ProcessDeps, type ProcessRunner } from '../system/process.js';
import type { CachegrindParserOptions, ParsedProfile } from './parse.js';
import { parseCachegrindFile } from './parse-file.js';
import { cachegrindArgs } from './valgrind.js';

/** How every benchmark runs: the same for the base and the head, on any checkout. */
export interface CachegrindSetup {
  valgrind: string;
  /** `setarch <arch> -R` to turn address space randomisation off, or nothing. */
  aslrOff: string[];
  env: Record<string, string>;
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

interface BenchmarkRun {
  target: BenchmarkTarget;
  /** 1-based. */
  runNumber: number;
  runs: number;
  outFile: string;
}

/** Runs one benchmark once under Cachegrind and parses what it wrote with `parserOptions`. */
export async function runUnderCachegrind(
  benchmarkRun: BenchmarkRun,
  setup: CachegrindSetup,
  deps: ProcessDeps,
  parserOptions: CachegrindParserOptions,
): Promise<ParsedProfile> {
  const { target, runNumber, runs, outFile } = benchmarkRun;
  const label = `bench ${target.name}${runs > 1 ? ` (run ${runNumber}/${runs})` : ''}`;
  const [program, ...args] = [
    ...setup.aslrOff,
    setup.valgrind,
    ...cachegrindArgs(outFile),
    target.executable,
    ...target.args,
  ];
  deps.log.debug(`${label}: ${[program, ...args].join(' ')} (in ${target.cwd})`);
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
