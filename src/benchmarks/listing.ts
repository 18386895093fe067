/**
 * The benchmark ids a harness lists: criterion's `--bench --list` and libtest's `--list` print
 * one `<id>: bench` (libtest since 1.7x: `<id>: benchmark`) line per benchmark, in the order
 * they run; libtest's tests (`<path>: test`), criterion's warnings and summary lines are not.
 */
const LISTED_BENCHMARK = /^(.+): bench(?:mark)?$/;

export function listedBenchmarks(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((line) => LISTED_BENCHMARK.exec(line)?.[1])
    .filter((id): id is string => id !== undefined);
}
