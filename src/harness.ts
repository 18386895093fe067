/**
 * The benchmark harnesses rust-perf knows: how a bench target runs its benchmarks, which decides
 * what a benchmark's counts cover:
 * - `plain`: a program with its own `main` (a `harness = false` target or a command): the whole
 *   program is one benchmark;
 * - `criterion`, `libtest`: one benchmark per id, counting only its measured routine;
 * - `divan`: measured as one whole program, for now;
 * - `gungraun`: Gungraun or iai-callgrind, which run valgrind themselves: never measured.
 */
export const HARNESSES = ['plain', 'criterion', 'libtest', 'divan', 'gungraun'] as const;
export type Harness = (typeof HARNESSES)[number];
