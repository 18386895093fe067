/** The temporary directory, said plainly when it is missing. */
import { EnvironmentError } from '../errors.js';

/**
 * The error for a temporary directory (TMPDIR, RUNNER_TEMP) that does not exist: rust-perf
 * never creates it, since a path the user set wrongly should be fixed, not filled.
 */
export function missingTempDirectory(tempDir: string, purpose: string): EnvironmentError {
  return new EnvironmentError(
    `The temporary directory ${tempDir} does not exist, so rust-perf has nowhere to ${purpose}`,
    'Create it, or set TMPDIR to a directory that exists.',
  );
}

/** Whether a file-system error says a directory on the path is missing. */
export function isMissingPath(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
