import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describeError, EnvironmentError, GitError } from '../errors.js';
import { FULL_COMMIT_SHA } from './commit-id.js';
import type { Logger } from './logger.js';
import {
  definedEnvironment,
  isMissingProgram,
  type ProcessRunner,
  type RunResult,
} from './process.js';
import { isMissingPath, missingTempDirectory } from './temp-dir.js';

/** The git operations rust-perf needs, on one repository: small, so tests and callers can fake it. */
export interface Git {
  /** The top-level directory of the repository (as git prints it: symlinks resolved). */
  topLevel(): Promise<string>;
  /** The full sha of the commit `ref` names; GitError when there is no such commit. */
  resolveCommit(ref: string): Promise<string>;
  /**
   * Fetches the commit `sha` (in full) from `origin` without its history, for a shallow clone
   * that lacks it; GitError, quoting git, when origin cannot serve it.
   */
  fetchCommit(sha: string): Promise<void>;
  /**
   * The text of the file at `path` (relative to the directory git runs in) in the commit `sha`
   * (in full), or undefined when that commit has no such file.
   */
  readFileAt(sha: string, path: string): Promise<string | undefined>;
  /** Whether the working tree differs from HEAD (staged, unstaged or untracked files). */
  hasUncommittedChanges(): Promise<boolean>;
  /** Checks `sha` out, detached, into a new worktree at `path` (absent or an empty directory). */
  addWorktree(path: string, sha: string): Promise<void>;
  /** Removes the worktree at `path`, uncommitted changes and all. */
  removeWorktree(path: string): Promise<void>;
  /** Forgets worktrees whose directories no longer exist. */
  pruneWorktrees(): Promise<void>;
}

export interface GitOptions {
  /** Any directory inside the repository. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A Git that runs the `git` executable through `processes`. */
export function createGit(processes: ProcessRunner, options: GitOptions): Git {
  const env = definedEnvironment(options.env);

  async function git(args: string[]): Promise<RunResult> {
    try {
      return await processes.run('git', args, { cwd: options.cwd, env });
    } catch (error) {
      if (isMissingProgram(error)) {
        throw new EnvironmentError(
          'git is not installed or not on PATH.',
          'Install git (e.g. `sudo apt-get install -y git`) and try again.',
        );
      }
      throw error;
    }
  }

  /** Runs git and returns its trimmed stdout; a failure is a GitError quoting git's own reason. */
  async function gitOutput(args: string[]): Promise<string> {
    const result = await git(args);
    if (result.exitCode !== 0) throw new GitError(failureMessage(args, result));
    return result.stdout.trim();
  }

  /**
   * The repository's branches, origin's default and the checked-out one first, as a sentence
   * ending in a space; nothing when there are none. A ref that does not
   * exist is most often `main` in a repository whose default branch is `master`, or the reverse.
   */
  async function branchesHint(): Promise<string> {
    const [listed, originHead, current] = await Promise.all([
      git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/']),
      git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']),
      git(['symbolic-ref', '--quiet', '--short', 'HEAD']),
    ]);
    const branches = listed.exitCode === 0 ? lines(listed.stdout) : [];
    if (branches.length === 0) return '';
    const fromOrigin =
      originHead.exitCode === 0 ? originHead.stdout.trim().replace(/^origin\//, '') : '';
    const checkedOut = current.exitCode === 0 ? current.stdout.trim() : '';
    const first = [fromOrigin, checkedOut].filter((name) => branches.includes(name));
    const ordered = [...new Set([...first, ...branches])];
    const label = (name: string) =>
      name === fromOrigin
        ? `${name} (origin's default)`
        : name === checkedOut
          ? `${name} (checked out)`
          : name;
    const shown = ordered.slice(0, 6).map(label);
    const more = ordered.length > shown.length ? ` and ${ordered.length - shown.length} more` : '';
    return `Branches here: ${shown.join(', ')}${more}. `;
  }

  return {
    async topLevel() {
      const result = await git(['rev-parse', '--show-toplevel']);
      if (result.exitCode !== 0) {
        throw new GitError(
          `${options.cwd} is not inside a git repository (${gitReason(result.stderr)}).`,
        );
      }
      return result.stdout.trim();
    },

    async resolveCommit(ref) {
      // `--end-of-options` keeps a ref that starts with `-` from being read as an option.
      const result = await git([
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `${ref}^{commit}`,
      ]);
      if (result.exitCode !== 0) {
        throw new GitError(
          `'${ref}' does not name a commit in this repository.`,
          `${await branchesHint()}Use a branch, tag or commit that exists locally (run \`git fetch\` for remote ones).`,
        );
      }
      return result.stdout.trim();
    },

    async fetchCommit(sha) {
      // Only a full sha: anything else could be read as a refspec or, with a `-`, an option.
      if (!FULL_COMMIT_SHA.test(sha)) {
        throw new GitError(`'${sha}' is not a full commit sha, so it cannot be fetched by itself.`);
      }
      await gitOutput(['fetch', '--no-tags', '--depth=1', 'origin', sha]);
    },

    async readFileAt(sha, path) {
      if (!FULL_COMMIT_SHA.test(sha)) {
        throw new GitError(`'${sha}' is not a full commit sha, so no file is read from it.`);
      }
      await gitOutput(['cat-file', '-e', `${sha}^{commit}`]);
      // `./` reads the path relative to the working directory, as the caller sees it.
      const object = `${sha}:./${path}`;
      if ((await git(['cat-file', '-e', object])).exitCode !== 0) return undefined;
      const result = await git(['cat-file', 'blob', object]);
      if (result.exitCode !== 0)
        throw new GitError(failureMessage(['cat-file', 'blob', object], result));
      return result.stdout;
    },

    async hasUncommittedChanges() {
      return (await gitOutput(['status', '--porcelain'])) !== '';
    },

    async addWorktree(path, sha) {
      await gitOutput(['worktree', 'add', '--detach', '--quiet', path, sha]);
    },

    async removeWorktree(path) {
      await gitOutput(['worktree', 'remove', '--force', path]);
    },

    async pruneWorktrees() {
      await gitOutput(['worktree', 'prune']);
    },
  };
}

/**
 * The commit the working tree at `cwd` is, when it has no uncommitted changes; undefined when it
 * has some, or is in no git repository (or git is missing, or there is no commit yet).
 */
export async function cleanWorkingTreeCommit(
  processes: ProcessRunner,
  options: GitOptions,
): Promise<string | undefined> {
  const git = createGit(processes, options);
  try {
    await git.topLevel();
    return (await git.hasUncommittedChanges()) ? undefined : await git.resolveCommit('HEAD');
  } catch (error) {
    if (error instanceof GitError || error instanceof EnvironmentError) return undefined;
    throw error;
  }
}

/**
 * Runs `work` on a temporary detached worktree of `sha` and removes the worktree afterwards,
 * whether `work` succeeds, throws or is aborted. The directory is named after the repository
 * so that tools which print the package directory see a familiar name.
 */
export async function withTemporaryWorktree<T>(
  git: Git,
  sha: string,
  log: Logger,
  work: (worktree: string) => Promise<T>,
): Promise<T> {
  const repository = basename(await git.topLevel());
  const parent = await mkdtemp(join(tmpdir(), 'rust-perf-worktree-')).catch((error: unknown) => {
    throw isMissingPath(error) ? missingTempDirectory(tmpdir(), 'check out the base') : error;
  });
  const worktree = join(parent, repository);
  let added = false;
  try {
    await git.addWorktree(worktree, sha);
    added = true;
    return await work(worktree);
  } finally {
    // Every step is tried even when one fails (a build may leave files git refuses to remove);
    // a failure must not hide the outcome of `work`, so it is reported, not thrown.
    const failures: string[] = [];
    const attempt = (step: () => Promise<unknown>) =>
      step().catch((error: unknown) => failures.push(describeError(error)));
    if (added) await attempt(() => git.removeWorktree(worktree));
    await attempt(() => rm(parent, { recursive: true, force: true }));
    await attempt(() => git.pruneWorktrees());
    if (failures.length > 0) {
      log.warn(
        `cleaning up the temporary worktree ${worktree} failed: ${failures.join('; ')}. ` +
          'If it is still there, delete that directory and run `git worktree prune`.',
      );
    }
  }
}

function failureMessage(args: string[], result: RunResult): string {
  const status = result.signal === null ? `exit ${result.exitCode}` : `signal ${result.signal}`;
  const reason = gitReason(result.stderr);
  return `git ${args.join(' ')} failed (${status})${reason ? `: ${reason}` : ''}`;
}

/**
 * The reason git gives: its first `fatal:` or `error:` line (later ones and advice such as
 * "Please make sure you have the correct access rights" follow from it), else its last line.
 */
function gitReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.at(-1) ?? '';
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
