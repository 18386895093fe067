import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { targetDirectory } from '../cargo/cargo.js';
import { GitError, InputError } from '../errors.js';
import type { ProfileDocument } from '../profile/profile.js';
import { createGit, withTemporaryWorktree } from '../system/git.js';
import type { ProcessDeps } from '../system/process.js';
import { type MeasureSettings, measure } from './measure.js';

export interface RevisionDeps extends ProcessDeps {
  /** A directory inside the repository; relative paths in the settings are relative to it. */
  repoRoot: string;
}

/**
 * Measures the commit `ref` names, as committed, whatever the state of the working tree: it is
 * checked out into a temporary worktree, measured with `settings` (paths inside the repository
 * mapped into the worktree) and the worktree is removed afterwards, also on failure or abort.
 * It builds in `settings.targetDir`, by default the working tree's own target directory, so
 * that dependencies are built once for both sides and the build outlives the worktree. Give
 * it an `outDir` of its own: the head's profile and raw files would be overwritten.
 */
export async function measureRevision(
  ref: string,
  settings: MeasureSettings,
  deps: RevisionDeps,
): Promise<ProfileDocument> {
  const git = createGit(deps.processes, { cwd: deps.repoRoot, env: deps.env });
  // The top level first: outside a repository, "not a git repository" is the error to see.
  const topLevel = await git.topLevel();
  const sha = await git.resolveCommit(ref);
  const manifestPath = await existingPath(resolve(deps.repoRoot, settings.manifestPath));
  const workspaceRoot =
    settings.workspaceRoot === undefined
      ? undefined
      : await existingPath(resolve(deps.repoRoot, settings.workspaceRoot));
  // Absolute: relative to cargo's working directory, it would be inside the worktree.
  const targetDir =
    settings.targetDir === undefined
      ? await targetDirectory(manifestPath, deps)
      : resolve(deps.repoRoot, settings.targetDir);
  deps.signal?.throwIfAborted();
  return withTemporaryWorktree(git, sha, deps.log, async (worktree) => {
    const shared = { ...settings, manifestPath, workspaceRoot, targetDir };
    const mapped = settingsInWorktree(shared, topLevel, { worktree, sha });
    if (!existsSync(mapped.manifestPath)) {
      throw new GitError(
        `${ref} (${sha.slice(0, 12)}) has no ${relative(topLevel, manifestPath)}: ` +
          'the crate does not exist at that commit.',
      );
    }
    deps.log.info(`Measuring ${ref} (${sha.slice(0, 12)}) in a temporary worktree ${worktree}`);
    return measure(mapped, deps);
  });
}

/**
 * The settings for measuring a worktree of the repository at `topLevel`: the manifest and the
 * workspace root (absolute, symlinks resolved) moved to the same place inside the worktree,
 * and the commit recorded. Everything else, the shared target directory included, is kept.
 */
export function settingsInWorktree(
  settings: MeasureSettings,
  topLevel: string,
  checkout: { worktree: string; sha: string },
): MeasureSettings {
  const intoWorktree = (path: string) => {
    const inside = relative(topLevel, path);
    if (inside.split(sep)[0] === '..' || isAbsolute(inside)) {
      throw new InputError(`${path} is outside the git repository ${topLevel}.`);
    }
    return join(checkout.worktree, inside);
  };
  return {
    ...settings,
    manifestPath: intoWorktree(settings.manifestPath),
    workspaceRoot:
      settings.workspaceRoot === undefined ? undefined : intoWorktree(settings.workspaceRoot),
    commit: checkout.sha,
  };
}

/** The path with symlinks resolved, as git reports the top level; InputError when missing. */
async function existingPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(`${path} does not exist.`);
    }
    throw error;
  }
}
