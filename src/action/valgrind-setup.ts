/**
 * Valgrind on the runner: GitHub's Ubuntu images do not ship it, so the action installs it
 * from the distribution's packages when it is missing, rather than failing the first run.
 */
import { EnvironmentError } from '../errors.js';
import { detectValgrind } from '../measure/valgrind.js';
import type { Logger } from '../system/logger.js';
import { isMissingProgram, type ProcessRunner } from '../system/process.js';

interface ValgrindSetupDeps {
  processes: ProcessRunner;
  log: Logger;
  platform: NodeJS.Platform;
  isRoot: boolean;
}

const INSTALL_ELSEWHERE =
  'Install valgrind in an earlier step (`sudo apt-get install -y valgrind`), or use an ' +
  'Ubuntu or Debian runner image.';

/** Makes sure valgrind is on PATH, installing it with apt-get on Linux when it is not. */
export async function ensureValgrind(
  env: Record<string, string>,
  deps: ValgrindSetupDeps,
): Promise<void> {
  const { processes, log, platform } = deps;
  if (platform !== 'linux') {
    throw new EnvironmentError(
      `rust-perf measures benchmarks with Valgrind, which runs on Linux only, and this runner runs ${platform}.`,
      'Run the measuring job on a Linux runner, e.g. `runs-on: ubuntu-latest` (`mode: report` runs anywhere).',
    );
  }
  try {
    const valgrind = await detectValgrind(processes, env, platform);
    log.info(`Using valgrind ${valgrind.version} (${valgrind.path})`);
    return;
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
  }
  await log.group('Installing valgrind', async () => {
    const sudo = deps.isRoot ? [] : ['sudo', '--non-interactive'];
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const apt of [
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'valgrind'],
    ]) {
      const [command = '', ...args] = [...sudo, ...apt];
      const commandLine = [command, ...args].join(' ');
      const result = await processes
        .run(command, args, {
          cwd: '/',
          env: aptEnv,
          onStdoutLine: (line) => log.info(line),
          onStderrLine: (line) => log.info(line),
        })
        .catch((error: unknown) => {
          if (!isMissingProgram(error)) throw error;
          throw new EnvironmentError(
            `valgrind is not installed, and it cannot be installed here: ${command} was not found.`,
            INSTALL_ELSEWHERE,
          );
        });
      if (result.exitCode !== 0) {
        const status = result.signal ?? `exit ${result.exitCode}`;
        const reason = result.stderr.trim().split('\n').at(-1) ?? '';
        throw new EnvironmentError(
          `valgrind is not installed, and installing it failed: \`${commandLine}\` (${status}) ${reason}`.trim(),
          INSTALL_ELSEWHERE,
        );
      }
    }
  });
  const valgrind = await detectValgrind(processes, env, platform);
  log.info(`Installed valgrind ${valgrind.version} (${valgrind.path})`);
}
