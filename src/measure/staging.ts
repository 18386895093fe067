/**
 * Benchmarks staged at paths that are the same for every build and checkout, so that two
 * builds of one benchmark execute the same start-up code.
 */
import { chmod, copyFile, lstat, mkdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkTarget } from '../cargo/artifacts.js';
import { EnvironmentError, InputError } from '../errors.js';
import { acquireLock } from '../system/lock.js';
import type { Logger } from '../system/logger.js';
import { isMissingPath, missingTempDirectory } from '../system/temp-dir.js';

/**
 * Runs `work` with every target staged at paths that are the same for every build and
 * checkout: the executable copied to `<root>/bin/<name>`, so that `argv[0]` is the same, and
 * its working directory reached through the symlink `<root>/cwd/<name>`, which becomes `PWD`;
 * `<root>` is the user's private `<tmpdir>/rust-perf-<uid>` (see `privateStagingRoot`).
 * (Shells, such as the wrapper script some distributions install as `valgrind`, export `PWD`;
 * its length shifts the stack and with it the counts of start-up code.)
 * One rust-perf process at a time uses these directories; others wait for it. Both are removed
 * when `work` is done.
 *
 * The targets are staged one after another while `work` runs: it gets, in the targets' order,
 * a promise of each staged target, so that a benchmark starts as soon as its own executable is
 * in place instead of after every copy.
 */
export async function withStagedExecutables<T>(
  targets: BenchmarkTarget[],
  deps: { log: Logger; signal?: AbortSignal; tempDir?: string },
  work: (staged: Promise<BenchmarkTarget>[]) => Promise<T>,
): Promise<T> {
  const root = await privateStagingRoot(deps.tempDir ?? tmpdir());
  const release = await acquireLock(join(root, 'lock'), deps);
  const stagingDirs = [join(root, 'bin'), join(root, 'cwd')];
  try {
    // Left by a run that was killed: nothing of it may pass for this run's.
    await removeAll(stagingDirs);
    await Promise.all(stagingDirs.map((dir) => mkdir(dir, { mode: 0o700 })));
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
    await removeAll(stagingDirs).finally(release);
  }
}

function removeAll(paths: string[]): Promise<unknown> {
  return Promise.all(paths.map((path) => rm(path, { recursive: true, force: true })));
}

/**
 * `<tempDir>/rust-perf-<uid>`, created with mode 0700, and checked each time: a real directory
 * (not a symlink, which is never followed), owned by this user and closed to others. In a
 * shared `/tmp` another user could otherwise create it first and swap a staged executable
 * between its copy and its run; anything else found there is refused with what to do.
 */
export async function privateStagingRoot(tempDir: string): Promise<string> {
  const uid = process.getuid?.();
  const root = join(tempDir, uid === undefined ? 'rust-perf' : `rust-perf-${uid}`);
  const hint = `Remove ${root} if it is yours, or set TMPDIR to a directory only you can write to.`;
  try {
    await mkdir(root, { mode: 0o700 });
  } catch (error) {
    if (isMissingPath(error)) throw missingTempDirectory(tempDir, 'stage the benchmarks');
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new EnvironmentError(
        `Cannot create the staging directory ${root}: ${(error as Error).message}`,
        hint,
      );
    }
  }
  const found = await lstat(root);
  const refusal = found.isSymbolicLink()
    ? 'is a symbolic link, which rust-perf does not follow'
    : !found.isDirectory()
      ? 'is not a directory'
      : uid !== undefined && found.uid !== uid
        ? `belongs to user ${found.uid}, not to you (user ${uid})`
        : (found.mode & 0o077) !== 0
          ? `is open to other users (mode ${(found.mode & 0o777).toString(8)}, not 700)`
          : undefined;
  if (refusal !== undefined) {
    throw new EnvironmentError(`The staging directory ${root} ${refusal}`, hint);
  }
  return root;
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
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw stagingError(error, target);
        throw new InputError(`'${target.name}' runs ${target.executable}, which does not exist`);
      })
      .then(() => chmod(executable, 0o700)),
    symlink(target.cwd, cwd).catch((error: unknown) => {
      throw stagingError(error, target);
    }),
  ]);
  return { ...target, executable, cwd, built: { executable: target.executable, cwd: target.cwd } };
}

/** A file-system refusal while staging (no space left, permissions), said as such. */
function stagingError(error: unknown, target: BenchmarkTarget): EnvironmentError {
  return new EnvironmentError(
    `Cannot stage '${target.name}' (${target.executable}) for its run: ${(error as Error).message}`,
    'Check the space and permissions of the temporary directory (TMPDIR).',
  );
}
