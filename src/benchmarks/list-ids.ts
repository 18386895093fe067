import { BenchmarkError } from '../errors.js';
import type { ProcessRunner } from '../system/process.js';
import { listedBenchmarks } from './listing.js';
import type { RoutineCut } from './routine-cut.js';

export interface ListedProgram {
  /** The target's name, for messages. */
  name: string;
  executable: string;
  cwd: string;
}

/**
 * The ids of a target's benchmarks, in the order they run, as its harness lists them. The
 * program runs natively (not under valgrind) in the benchmarks' own environment.
 */
export async function listBenchmarkIds(
  program: ListedProgram,
  cut: RoutineCut,
  env: Record<string, string>,
  deps: { processes: ProcessRunner; signal?: AbortSignal },
): Promise<string[]> {
  const result = await deps.processes.run(program.executable, cut.listArgs, {
    cwd: program.cwd,
    env: { ...env, PWD: program.cwd },
    signal: deps.signal,
  });
  if (result.exitCode !== 0) {
    const how =
      result.signal === null
        ? `exited with status ${result.exitCode}`
        : `was killed by ${result.signal}`;
    throw new BenchmarkError(
      `bench ${program.name} ${how} when asked to list its benchmarks (${cut.listArgs.join(' ')}):\n${result.stderr.trimEnd().split('\n').slice(-20).join('\n')}`,
      `rust-perf found the ${cut.harness} harness in it; if that is wrong, say which harness it uses with the harness setting (e.g. ${program.name}=plain).`,
    );
  }
  return listedBenchmarks(result.stdout);
}
