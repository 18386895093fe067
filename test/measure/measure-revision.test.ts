import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildError, GitError, InputError } from '../../src/errors.js';
import type { MeasureSettings } from '../../src/measure/measure.js';
import { measureRevision, settingsInWorktree } from '../../src/measure/measure-revision.js';
import {
  nodeProcessRunner,
  type ProcessRunner,
  type RunOptions,
  type RunResult,
} from '../../src/system/process.js';
import { createExampleCrateRepository, type GitRepository } from '../support/git-fixture.js';
import { memoryLogger } from '../support/memory-logger.js';

const settings: MeasureSettings = {
  manifestPath: '/repo/crates/bench/Cargo.toml',
  benches: ['parse'],
  commands: [{ name: 'report', command: 'report --lines 10' }],
  cargoArgs: ['--features', 'slow'],
  runs: 3,
  outDir: '/out/base',
  targetDir: '/repo/target',
};

describe('settingsInWorktree', () => {
  it('moves the manifest and workspace root into the worktree and records the commit', () => {
    const sha = 'a'.repeat(40);
    expect(
      settingsInWorktree({ ...settings, workspaceRoot: '/repo' }, '/repo', {
        worktree: '/tmp/w/repo',
        sha,
      }),
    ).toEqual({
      ...settings,
      manifestPath: '/tmp/w/repo/crates/bench/Cargo.toml',
      workspaceRoot: '/tmp/w/repo',
      commit: sha,
    });
  });

  it('keeps an unset workspace root unset', () => {
    const mapped = settingsInWorktree(settings, '/repo', { worktree: '/w', sha: 'b'.repeat(40) });
    expect(mapped.workspaceRoot).toBeUndefined();
    expect(mapped.targetDir).toBe('/repo/target');
  });

  it('refuses a manifest outside the repository', () => {
    for (const manifestPath of ['/elsewhere/Cargo.toml', '/repository/Cargo.toml']) {
      expect(() =>
        settingsInWorktree({ ...settings, manifestPath }, '/repo', { worktree: '/w', sha: 'c' }),
      ).toThrow(new InputError(`${manifestPath} is outside the git repository /repo.`));
    }
  });
});

/** The real runner, except for `cargo bench`, which `onBuild` answers instead. */
function interceptBuild(
  onBuild: (args: string[], options: RunOptions) => Promise<RunResult>,
): ProcessRunner & { builds: number } {
  const runner = {
    builds: 0,
    run(command: string, args: string[], options: RunOptions) {
      if (command === 'cargo' && args[0] === 'bench') {
        runner.builds += 1;
        return onBuild(args, options);
      }
      return nodeProcessRunner.run(command, args, options);
    },
  };
  return runner;
}

describe('measureRevision', () => {
  let repository: GitRepository;
  let before: string;
  let head: string;

  beforeAll(async () => {
    repository = await createExampleCrateRepository();
    before = repository.git('rev-parse', 'HEAD');
    const manifest = await readFile(join(repository.dir, 'Cargo.toml'), 'utf8');
    await repository.write(
      'Cargo.toml',
      manifest.replace('version = "0.1.0"', 'version = "0.2.0"'),
    );
    head = repository.commitAll('0.2.0');
    // An uncommitted change: the revision is measured as committed, never with it.
    await repository.write('Cargo.toml', `${manifest}\n# uncommitted\n`);
  });

  afterAll(async () => {
    await repository.remove();
  });

  function revisionSettings(): MeasureSettings {
    return {
      manifestPath: join(repository.dir, 'Cargo.toml'),
      benches: [],
      commands: [],
      cargoArgs: ['--features', 'slow'],
      runs: 1,
      outDir: join(repository.dir, 'target', 'rust-perf-test'),
    };
  }

  it('builds the committed revision in a worktree, in the shared target dir, then removes it', async () => {
    let worktree = '';
    let committedManifest = '';
    const failure = 'error[E0425]: cannot find value `x` in this scope';
    const processes = interceptBuild(async (args, options) => {
      const manifestPath = args[args.indexOf('--manifest-path') + 1]!;
      worktree = dirname(manifestPath);
      committedManifest = await readFile(manifestPath, 'utf8');
      expect(options.cwd).toBe(worktree);
      expect(repository.worktrees()).toEqual([repository.dir, worktree]);
      expect(args).toContain('--features');
      expect(options.env.CARGO_TARGET_DIR).toBe(join(repository.dir, 'target'));
      return { exitCode: 101, signal: null, stdout: '', stderr: `${failure}\n` };
    });
    const log = memoryLogger();

    const error = await measureRevision('HEAD~1', revisionSettings(), {
      log,
      processes,
      env: repository.env,
      repoRoot: repository.dir,
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).message).toContain(failure);
    expect(processes.builds).toBe(1);
    expect(committedManifest).toContain('version = "0.1.0"');
    expect(committedManifest).not.toContain('# uncommitted');
    expect(log.lines).toContain(
      `Measuring HEAD~1 (${before.slice(0, 12)}) in a temporary worktree ${worktree}`,
    );
    expect(existsSync(dirname(worktree))).toBe(false);
    expect(repository.worktrees()).toEqual([repository.dir]);
  });

  it('builds in a relative target dir of the repository, never one inside the worktree', async () => {
    let targetDir: string | undefined;
    const processes = interceptBuild(async (_, options) => {
      targetDir = options.env.CARGO_TARGET_DIR;
      return { exitCode: 101, signal: null, stdout: '', stderr: 'error: stop here\n' };
    });
    await expect(
      measureRevision(
        'HEAD',
        { ...revisionSettings(), targetDir: 'shared-target' },
        { log: memoryLogger(), processes, env: repository.env, repoRoot: repository.dir },
      ),
    ).rejects.toBeInstanceOf(BuildError);
    expect(targetDir).toBe(join(repository.dir, 'shared-target'));
  });

  it('removes the worktree when aborted during the build', async () => {
    const controller = new AbortController();
    let worktree = '';
    const processes = interceptBuild((args) => {
      worktree = dirname(args[args.indexOf('--manifest-path') + 1]!);
      controller.abort();
      // What the real runner does once the signal has killed cargo.
      return Promise.reject(controller.signal.reason);
    });

    await expect(
      measureRevision(head, revisionSettings(), {
        log: memoryLogger(),
        processes,
        env: repository.env,
        repoRoot: repository.dir,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(worktree).not.toBe('');
    expect(existsSync(dirname(worktree))).toBe(false);
    expect(repository.worktrees()).toEqual([repository.dir]);
  });

  it('fails before any build for a ref that does not exist', async () => {
    const processes = interceptBuild(() => Promise.reject(new Error('must not build')));
    await expect(
      measureRevision('no-such-ref', revisionSettings(), {
        log: memoryLogger(),
        processes,
        env: repository.env,
        repoRoot: repository.dir,
      }),
    ).rejects.toMatchObject({
      name: 'GitError',
      message: "'no-such-ref' does not name a commit in this repository.",
    });
    expect(processes.builds).toBe(0);
  });

  it('says so when the crate does not exist at the revision', async () => {
    // A crate that is only in the working tree, not yet committed.
    await mkdir(join(repository.dir, 'later'));
    await writeFile(join(repository.dir, 'later', 'Cargo.toml'), '');
    const processes = interceptBuild(() => Promise.reject(new Error('must not build')));
    const error = await measureRevision(
      'HEAD',
      {
        ...revisionSettings(),
        manifestPath: join(repository.dir, 'later', 'Cargo.toml'),
        targetDir: join(repository.dir, 'target'),
      },
      { log: memoryLogger(), processes, env: repository.env, repoRoot: repository.dir },
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toBe(
      `HEAD (${head.slice(0, 12)}) has no later/Cargo.toml: the crate does not exist at that commit.`,
    );
    expect(processes.builds).toBe(0);
    expect(repository.worktrees()).toEqual([repository.dir]);
  });
});
