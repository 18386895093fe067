import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { EnvironmentError } from '../errors.js';
import type { ProcessRunner } from '../system/process.js';

export interface Valgrind {
  /** e.g. `3.19.0` */
  version: string;
  /** The executable found on PATH. */
  path: string;
}

const INSTALL_HINT =
  'rust-perf runs benchmarks under Valgrind (Callgrind, and DHAT for allocations). Install it with ' +
  '`sudo apt-get install -y valgrind` on Debian/Ubuntu (or your distribution’s package ' +
  'manager); valgrind runs on Linux only.';

/** Finds valgrind on the PATH of `env` and asks it its version. */
export async function detectValgrind(
  processes: ProcessRunner,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<Valgrind> {
  if (platform !== 'linux') {
    throw new EnvironmentError(
      `valgrind runs on Linux only, and this is ${platform}`,
      'Run rust-perf on a Linux machine, or in a Linux container or CI runner.',
    );
  }
  const path = findOnPath('valgrind', env.PATH ?? '');
  if (path === undefined) {
    throw new EnvironmentError('valgrind was not found on PATH', INSTALL_HINT);
  }
  const result = await processes.run(path, ['--version'], {
    cwd: '/',
    env: { PATH: env.PATH ?? '' },
  });
  const version = result.stdout.trim().match(/^valgrind-(\d+\.\d+\.\d+)/)?.[1];
  if (result.exitCode !== 0 || version === undefined) {
    throw new EnvironmentError(
      `\`${path} --version\` did not print a valgrind version (exit ${result.exitCode ?? result.signal}): ${(result.stdout + result.stderr).trim()}`,
      INSTALL_HINT,
    );
  }
  return { version, path };
}

/** The first executable file called `name` in a PATH-style list of directories. */
function findOnPath(name: string, path: string): string | undefined {
  for (const directory of path.split(delimiter)) {
    if (directory === '') continue;
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory: try the next one.
    }
  }
  return undefined;
}
