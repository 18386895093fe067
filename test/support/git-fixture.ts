/**
 * Temporary git repositories for tests, independent of the machine's git configuration and
 * identity (so they run the same on a fresh CI machine).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example crate, copied into repositories by the end-to-end tests. */
export const exampleCrateDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'examples',
  'textbench',
);

/** Environment for git in tests: a fixed identity, no system or user configuration. */
export const gitTestEnv: Record<string, string> = {
  GIT_AUTHOR_NAME: 'rust-perf tests',
  GIT_AUTHOR_EMAIL: 'tests@rust-perf.invalid',
  GIT_COMMITTER_NAME: 'rust-perf tests',
  GIT_COMMITTER_EMAIL: 'tests@rust-perf.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export interface GitRepository {
  /** The repository's top-level directory (symlinks resolved, as git reports it). */
  dir: string;
  /** process.env plus gitTestEnv: what tests pass as the CLI's or measure's env. */
  env: NodeJS.ProcessEnv;
  /** Runs git in the repository and returns its trimmed stdout; throws on failure. */
  git(...args: string[]): string;
  write(path: string, text: string): Promise<void>;
  /** Stages everything and commits; returns the new commit's sha. */
  commitAll(message: string): string;
  /** Worktree paths as `git worktree list` reports them, the main one first. */
  worktrees(): string[];
  remove(): Promise<void>;
}

/** An empty repository on branch `main` in a new temporary directory. */
export async function createGitRepository(): Promise<GitRepository> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'rust-perf-test-repo-')));
  const env = { ...process.env, ...gitTestEnv };
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  git('init', '--quiet', '--initial-branch=main');
  return {
    dir,
    env,
    git,
    write: (path, text) => writeFile(join(dir, path), text),
    commitAll(message) {
      git('add', '--all');
      git('commit', '--quiet', '--message', message);
      return git('rev-parse', 'HEAD');
    },
    worktrees: () =>
      git('worktree', 'list', '--porcelain')
        .split('\n')
        .filter((line) => line.startsWith('worktree '))
        .map((line) => line.slice('worktree '.length)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A repository whose first commit is the example crate (without its build output). */
export async function createExampleCrateRepository(): Promise<GitRepository> {
  const repository = await createGitRepository();
  await cp(exampleCrateDir, repository.dir, {
    recursive: true,
    filter: (source) => source !== join(exampleCrateDir, 'target'),
  });
  repository.commitAll('textbench');
  return repository;
}
