import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError, GitError } from '../../src/errors.js';
import {
  cleanWorkingTreeCommit,
  createGit,
  type Git,
  withTemporaryWorktree,
} from '../../src/system/git.js';
import { nodeProcessRunner } from '../../src/system/process.js';
import { createGitRepository, type GitRepository } from '../support/git-fixture.js';
import { memoryLogger } from '../support/memory-logger.js';

let repository: GitRepository;
let git: Git;
let first: string;
let second: string;

beforeEach(async () => {
  repository = await createGitRepository();
  await repository.write('lib.rs', 'pub fn answer() -> u32 { 41 }\n');
  first = repository.commitAll('first');
  await repository.write('lib.rs', 'pub fn answer() -> u32 { 42 }\n');
  second = repository.commitAll('second');
  repository.git('tag', 'v1', first);
  git = createGit(nodeProcessRunner, { cwd: repository.dir, env: repository.env });
});

afterEach(async () => {
  await repository.remove();
});

describe('topLevel', () => {
  it('is the repository root from any directory inside it', async () => {
    await mkdir(join(repository.dir, 'crates', 'inner'), { recursive: true });
    const inner = createGit(nodeProcessRunner, {
      cwd: join(repository.dir, 'crates', 'inner'),
      env: repository.env,
    });
    expect(await inner.topLevel()).toBe(repository.dir);
  });

  it('is a GitError outside any repository', async () => {
    const outside = await realpath(await mkdtemp(join(tmpdir(), 'rust-perf-not-a-repo-')));
    try {
      const none = createGit(nodeProcessRunner, {
        cwd: outside,
        env: { ...repository.env, GIT_CEILING_DIRECTORIES: dirname(outside) },
      });
      const error = await none.topLevel().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).message).toMatch(
        new RegExp(`^${outside} is not inside a git repository \\(fatal: not a git repository`),
      );
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('resolveCommit', () => {
  it('resolves branches, tags, relative refs and abbreviated shas to full shas', async () => {
    expect(await git.resolveCommit('main')).toBe(second);
    expect(await git.resolveCommit('HEAD~1')).toBe(first);
    expect(await git.resolveCommit('v1')).toBe(first);
    expect(await git.resolveCommit(first.slice(0, 8))).toBe(first);
  });

  it('is a GitError that says what to do for a ref that does not exist', async () => {
    for (const ref of ['no-such-branch', 'HEAD~5']) {
      const error = await git.resolveCommit(ref).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GitError);
      expect(error).toMatchObject({
        message: `'${ref}' does not name a commit in this repository.`,
        hint: 'Branches here: main (checked out). Use a branch, tag or commit that exists locally (run `git fetch` for remote ones).',
        exitCode: 2,
      });
    }
  });

  it("names the real default branch when 'main' is missing: origin's first, then the checked-out one", async () => {
    repository.git('branch', '-m', 'main', 'master');
    for (const name of ['topic', 'develop']) repository.git('branch', name);
    const hintFor = async () =>
      ((await git.resolveCommit('main').catch((caught: unknown) => caught)) as GitError).hint;
    expect(await hintFor()).toBe(
      'Branches here: master (checked out), develop, topic. Use a branch, tag or commit that exists locally (run `git fetch` for remote ones).',
    );
    repository.git('checkout', '--quiet', 'topic');
    repository.git('update-ref', 'refs/remotes/origin/develop', 'develop');
    repository.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/develop');
    expect(await hintFor()).toBe(
      "Branches here: develop (origin's default), topic (checked out), master. Use a branch, tag or commit that exists locally (run `git fetch` for remote ones).",
    );
  });

  it('rejects objects that are not commits', async () => {
    const tree = repository.git('rev-parse', 'HEAD^{tree}');
    await expect(git.resolveCommit(tree)).rejects.toBeInstanceOf(GitError);
  });

  it('never reads a ref as an option', async () => {
    const output = join(repository.dir, 'written-by-git');
    await expect(git.resolveCommit(`--output=${output}`)).rejects.toBeInstanceOf(GitError);
    await expect(git.resolveCommit('--all')).rejects.toBeInstanceOf(GitError);
    expect(existsSync(output)).toBe(false);
  });
});

describe('readFileAt', () => {
  it('reads a file as a commit has it, relative to the directory git runs in', async () => {
    await mkdir(join(repository.dir, 'crates', 'inner'), { recursive: true });
    await repository.write('crates/inner/rust-perf.toml', '[[benchmark]]\n');
    const third = repository.commitAll('third');
    await repository.write('crates/inner/rust-perf.toml', 'changed\n');
    const inner = createGit(nodeProcessRunner, {
      cwd: join(repository.dir, 'crates'),
      env: repository.env,
    });

    expect(await git.readFileAt(first, 'lib.rs')).toBe('pub fn answer() -> u32 { 41 }\n');
    expect(await inner.readFileAt(third, 'inner/rust-perf.toml')).toBe('[[benchmark]]\n');
    expect(await inner.readFileAt(second, 'inner/rust-perf.toml')).toBeUndefined();
  });

  it('refuses what is not a full sha, and a commit the repository lacks', async () => {
    await expect(git.readFileAt('HEAD', 'lib.rs')).rejects.toThrow(
      "'HEAD' is not a full commit sha, so no file is read from it.",
    );
    await expect(git.readFileAt(`${'c0ffee'.repeat(6)}c0ff`, 'lib.rs')).rejects.toBeInstanceOf(
      GitError,
    );
  });
});

describe('hasUncommittedChanges', () => {
  it('is false for a clean tree and true for modified, staged or untracked files', async () => {
    expect(await git.hasUncommittedChanges()).toBe(false);

    await repository.write('lib.rs', 'pub fn answer() -> u32 { 43 }\n');
    expect(await git.hasUncommittedChanges()).toBe(true);
    repository.git('add', 'lib.rs');
    expect(await git.hasUncommittedChanges()).toBe(true);
    repository.git('reset', '--hard', '--quiet');
    expect(await git.hasUncommittedChanges()).toBe(false);

    await repository.write('new.rs', '\n');
    expect(await git.hasUncommittedChanges()).toBe(true);
  });
});

describe('worktrees', () => {
  it('adds a detached worktree of a commit, removes it with changes inside, prunes lost ones', async () => {
    const parent = await realpath(await mkdtemp(join(tmpdir(), 'rust-perf-worktree-test-')));
    try {
      const worktree = join(parent, 'base');
      await git.addWorktree(worktree, first);
      expect(repository.worktrees()).toEqual([repository.dir, worktree]);
      expect(await readFile(join(worktree, 'lib.rs'), 'utf8')).toBe(
        'pub fn answer() -> u32 { 41 }\n',
      );
      expect(repository.git('-C', worktree, 'rev-parse', 'HEAD')).toBe(first);
      // Detached: no branch was created or moved.
      expect(repository.git('-C', worktree, 'branch', '--show-current')).toBe('');
      expect(repository.git('branch', '--list')).toBe('* main');

      await writeFile(join(worktree, 'lib.rs'), 'changed\n');
      await writeFile(join(worktree, 'untracked.rs'), 'new\n');
      await git.removeWorktree(worktree);
      expect(existsSync(worktree)).toBe(false);
      expect(repository.worktrees()).toEqual([repository.dir]);

      const lost = join(parent, 'lost');
      await git.addWorktree(lost, second);
      await rm(lost, { recursive: true });
      expect(repository.worktrees()).toEqual([repository.dir, lost]);
      await git.pruneWorktrees();
      expect(repository.worktrees()).toEqual([repository.dir]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('is a GitError quoting git when the worktree path is taken', async () => {
    const parent = await realpath(await mkdtemp(join(tmpdir(), 'rust-perf-worktree-test-')));
    try {
      await writeFile(join(parent, 'file'), 'x');
      const error = await git.addWorktree(parent, first).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).message).toBe(
        `git worktree add --detach --quiet ${parent} ${first} failed (exit 128): fatal: '${parent}' already exists`,
      );
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});

describe('withTemporaryWorktree', () => {
  it('gives work a checkout of the commit named after the repository, then removes it', async () => {
    const log = memoryLogger();
    let seen = '';
    const result = await withTemporaryWorktree(git, first, log, async (worktree) => {
      seen = worktree;
      expect(worktree.endsWith(`/${repository.dir.split('/').at(-1)}`)).toBe(true);
      expect(repository.worktrees()).toEqual([repository.dir, worktree]);
      return readFile(join(worktree, 'lib.rs'), 'utf8');
    });
    expect(result).toBe('pub fn answer() -> u32 { 41 }\n');
    expect(existsSync(dirname(seen))).toBe(false);
    expect(repository.worktrees()).toEqual([repository.dir]);
    expect(log.lines).toEqual([]);
  });

  it('removes the worktree when work fails, and rethrows the failure unchanged', async () => {
    let seen = '';
    const failure = new Error('build failed');
    await expect(
      withTemporaryWorktree(git, first, memoryLogger(), async (worktree) => {
        seen = worktree;
        await writeFile(join(worktree, 'lib.rs'), 'half-written');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(existsSync(dirname(seen))).toBe(false);
    expect(repository.worktrees()).toEqual([repository.dir]);
  });

  it('removes the worktree when the work is aborted', async () => {
    const controller = new AbortController();
    let seen = '';
    const aborted = withTemporaryWorktree(git, second, memoryLogger(), (worktree) => {
      seen = worktree;
      // Work that only ends when aborted, as a child process killed by the signal.
      const stopped = new Promise<never>((_, reject) =>
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason)),
      );
      controller.abort();
      return stopped;
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(dirname(seen))).toBe(false);
    expect(repository.worktrees()).toEqual([repository.dir]);
  });

  it('still deletes the worktree, and warns, when git cannot remove it', async () => {
    const log = memoryLogger();
    let seen = '';
    const stuck: Git = {
      ...git,
      removeWorktree: async () => {
        throw new GitError('fatal: cannot remove');
      },
    };
    const result = await withTemporaryWorktree(stuck, first, log, async (worktree) => {
      seen = worktree;
      return 'measured';
    });
    expect(result).toBe('measured');
    expect(log.lines).toEqual([
      `warning: cleaning up the temporary worktree ${seen} failed: fatal: cannot remove. ` +
        'If it is still there, delete that directory and run `git worktree prune`.',
    ]);
    expect(existsSync(dirname(seen))).toBe(false);
    expect(repository.worktrees()).toEqual([repository.dir]);
  });

  it('leaves nothing behind when the commit cannot be checked out', async () => {
    const before = repository.worktrees();
    await expect(
      withTemporaryWorktree(git, '0'.repeat(40), memoryLogger(), async () => 'never'),
    ).rejects.toBeInstanceOf(GitError);
    expect(repository.worktrees()).toEqual(before);
  });
});

describe('without git', () => {
  it('is an EnvironmentError that says to install git', async () => {
    const missing = createGit(nodeProcessRunner, {
      cwd: repository.dir,
      env: { ...repository.env, PATH: '/nonexistent' },
    });
    const error = await missing.topLevel().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).message).toBe('git is not installed or not on PATH.');
  });
});

describe('fetchCommit', () => {
  /** A bare "origin" holding both commits, and a clone of it with only the newest one. */
  async function shallowClone() {
    const scratch = await realpath(await mkdtemp(join(tmpdir(), 'rust-perf-fetch-test-')));
    const origin = join(scratch, 'origin.git');
    const clone = join(scratch, 'clone');
    repository.git('clone', '--quiet', '--bare', repository.dir, origin);
    repository.git('clone', '--quiet', '--depth=1', `file://${origin}`, clone);
    const shallow = createGit(nodeProcessRunner, { cwd: clone, env: repository.env });
    return { scratch, clone, shallow };
  }

  it('fetches a commit a shallow clone lacks, by its sha, so that it can be checked out', async () => {
    const { scratch, clone, shallow } = await shallowClone();
    try {
      await expect(shallow.resolveCommit(first)).rejects.toBeInstanceOf(GitError);

      await shallow.fetchCommit(first);

      expect(await shallow.resolveCommit(first)).toBe(first);
      const worktree = join(scratch, 'base');
      await shallow.addWorktree(worktree, first);
      expect(await readFile(join(worktree, 'lib.rs'), 'utf8')).toBe(
        'pub fn answer() -> u32 { 41 }\n',
      );
      // Without its history, and without tags: the clone stays shallow.
      expect(repository.git('-C', clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
      expect(repository.git('-C', clone, 'tag', '--list')).toBe('');
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('is a GitError quoting git when origin does not have the commit', async () => {
    const { scratch, shallow } = await shallowClone();
    const unknown = 'f'.repeat(40);
    try {
      const error = await shallow.fetchCommit(unknown).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GitError);
      expect((error as GitError).message).toMatch(
        new RegExp(
          `^git fetch --no-tags --depth=1 origin ${unknown} failed \\(exit 128\\): fatal: .*${unknown}`,
        ),
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('is a GitError when the repository has no origin', async () => {
    const error = await git.fetchCommit(first).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(
      new RegExp(
        `^git fetch --no-tags --depth=1 origin ${first} failed \\(exit 128\\): fatal: 'origin' does not appear to be a git repository$`,
      ),
    );
  });

  it('refuses anything but a full sha, which git could read as a refspec or an option', async () => {
    for (const sha of [first.slice(0, 12), 'main', `--upload-pack=touch ${repository.dir}/x`, '']) {
      const error = await git.fetchCommit(sha).catch((caught: unknown) => caught);
      expect(error, sha).toBeInstanceOf(GitError);
      expect((error as GitError).message).toBe(
        `'${sha}' is not a full commit sha, so it cannot be fetched by itself.`,
      );
    }
    expect(existsSync(join(repository.dir, 'x'))).toBe(false);
  });
});

describe('cleanWorkingTreeCommit', () => {
  it('is HEAD when nothing is uncommitted, and undefined once something is', async () => {
    const options = { cwd: repository.dir, env: repository.env };
    expect(await cleanWorkingTreeCommit(nodeProcessRunner, options)).toBe(second);
    await repository.write('notes.txt', 'untracked\n');
    expect(await cleanWorkingTreeCommit(nodeProcessRunner, options)).toBeUndefined();
  });

  it('is undefined outside a repository and in one without commits', async () => {
    const outside = await realpath(await mkdtemp(join(tmpdir(), 'rust-perf-not-a-repo-')));
    try {
      const env = { ...repository.env, GIT_CEILING_DIRECTORIES: dirname(outside) };
      expect(
        await cleanWorkingTreeCommit(nodeProcessRunner, { cwd: outside, env }),
      ).toBeUndefined();
      const empty = await createGitRepository();
      const inEmpty = { cwd: empty.dir, env: empty.env };
      expect(await cleanWorkingTreeCommit(nodeProcessRunner, inEmpty)).toBeUndefined();
      await empty.remove();
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
