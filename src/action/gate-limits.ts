/**
 * The limits a pull request or a merge group is held to: rust-perf.toml as the base commit has
 * it, so that a change cannot loosen its own gate. A file the head changes is shown in the
 * report and takes effect once merged.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { GitError, InputError } from '../errors.js';
import { LIMITS_FILE, type Limits, parseLimits } from '../inputs/limits-file.js';
import { shortCommit } from '../report/format.js';
import type { Git } from '../system/git.js';
import type { Logger } from '../system/logger.js';

export interface GateLimits {
  /** The base's limits; undefined when it has no rust-perf.toml. */
  limits?: Limits;
  /** Said in the report when the head's file differs from the base's. */
  note?: string;
}

interface LimitsLocation {
  workspace: string;
  workingDirectory: string;
}

export async function gateLimits(
  location: LimitsLocation,
  git: Git,
  baseSha: string,
  ensureBaseCommit: () => Promise<void>,
  log: Logger,
): Promise<GateLimits> {
  const headPath = join(resolve(location.workspace, location.workingDirectory), LIMITS_FILE);
  const path = relative(location.workspace, headPath).split(sep).join('/');
  const headText = await readIfPresent(headPath);
  try {
    await ensureBaseCommit();
  } catch (error) {
    // Without the base's file, the head's would be the only one: a change could set its own limits.
    if (!(error instanceof GitError) || headText !== undefined) throw error;
    log.warn(`Comparing without limits: ${error.message}`);
    return {};
  }
  const baseText = await git.readFileAt(baseSha, path);
  const source = `${path} at ${shortCommit(baseSha)}`;
  const limits = baseText === undefined ? undefined : parseLimits(baseText, source, source);
  if (headText === baseText) return limits === undefined ? {} : { limits };
  const note =
    `${path} differs in this change: it is compared with the limits of the base ` +
    `(${baseText === undefined ? 'none' : source}); the new ones take effect once it is merged.`;
  if (headText !== undefined) warnOfMistakes(headText, path, log);
  return { ...(limits === undefined ? {} : { limits }), note };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The head's file is not applied yet, but its author learns of its mistakes now. */
function warnOfMistakes(text: string, path: string, log: Logger): void {
  try {
    parseLimits(text, path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    log.warn(`The ${path} of this change will not be read once merged: ${error.message}`);
  }
}
