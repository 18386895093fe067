/**
 * Benchmarks staged at paths that are the same for every build and checkout, so that two
 * builds of one benchmark execute the same start-up code.
 */
import { chmod, copyFile, mkdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkTarget } from '../cargo/artifacts.js';
import { InputError } from '../errors.js';
import { acquireLock } from '../system/lock.js';
import type { Logger } from '../system/logger.js';

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
