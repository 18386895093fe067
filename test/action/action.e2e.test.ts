/**
 * The bundled action (dist/index.js, rebuilt by `npm run bundle`), run as the GitHub runner runs
 * it, on a git repository of the example crate, with real cargo and valgrind, the real
 * @actions/cache and Octokit against fake Actions and GitHub services on 127.0.0.1.
 *
 * One story, in order: a push to main saves the baseline; a pull request that slows
 * `textbench::parse::parse_field` restores it and comments; the next run updates that comment;
 * a fork's read-only token cannot comment but the run still succeeds; with the cache service
 * down the run measures the base commit itself, fetching it into a shallow checkout that lacks it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stickyCommentMarker } from '../../src/publish/comment.js';
import { type ActionsServices, startActionsServices } from '../support/actions-services.js';
import { createExampleCrateRepository, type GitRepository } from '../support/git-fixture.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';
import { type ActionResult, runAction } from '../support/run-action.js';

const REPOSITORY = 'octo-org/octo-repo';
const MARKER = stickyCommentMarker('Perf', 'bench', {
  workingDirectory: '.',
  cacheKeyPrefix: 'rust-perf',
});
/** The slowed function as the comment shows it (Markdown-escaped underscore). */
const SLOWED = '<code>textbench::parse::parse&#95;field</code>';

let repository: GitRepository;
let services: ActionsServices;
let github: GitHubApiServer;
let scratch: string;
let baseSha: string;
let headSha: string;

beforeAll(async () => {
  repository = await createExampleCrateRepository();
  baseSha = repository.git('rev-parse', 'HEAD');
  services = await startActionsServices({ repository: REPOSITORY });
  github = await startGitHubApiServer({
    token: services.githubToken,
    viewer: { login: 'github-actions[bot]', type: 'Bot' },
    routes: [services.handleRestRoute],
  });
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-action-e2e-'));
});

afterAll(async () => {
  await github?.close();
  await services?.close();
  await repository?.remove();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/**
 * One step of a job, as the runner starts it. RUNNER_TEMP is the same path in every job (the
 * cache version hashes the cached path) and empty at its start.
 */
async function runStep(
  event: { name: string; payload: unknown; sha: string; ref: string },
  inputs: Record<string, string> = {},
  workspace = repository.dir,
): Promise<ActionResult> {
  const runnerTemp = join(scratch, 'runner-temp');
  await rm(runnerTemp, { recursive: true, force: true });
  await mkdir(runnerTemp);
  return runAction({
    eventName: event.name,
    payload: event.payload,
    inputs: { 'github-token': services.githubToken, ...inputs },
    env: {
      ...services.env,
      GITHUB_API_URL: github.url,
      GITHUB_SHA: event.sha,
      GITHUB_REF: event.ref,
      GITHUB_WORKFLOW: 'Perf',
      GITHUB_JOB: 'bench',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: 'Linux',
      // Shared by every run, as a cached target directory would be: dependencies build once.
      CARGO_TARGET_DIR: join(scratch, 'target'),
    },
  });
}

function pullRequestEvent(headRepository: string) {
  return {
    name: 'pull_request',
    sha: headSha,
    ref: 'refs/pull/7/merge',
    payload: {
      repository: { default_branch: 'main' },
      pull_request: {
        number: 7,
        base: { sha: baseSha, repo: { full_name: REPOSITORY } },
        head: { sha: headSha, repo: { full_name: headRepository } },
      },
    },
  };
}

function expectSucceeded(result: ActionResult) {
  expect(result.errors, result.stdout).toEqual([]);
  expect(result.exitCode, result.stdout).toBe(0);
}

describe('the action on the runner', () => {
  it('saves the baseline on a push to the default branch', async () => {
    const result = await runStep({
      name: 'push',
      sha: baseSha,
      ref: 'refs/heads/main',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
    });

    expectSucceeded(result);
    const key = services.cacheEntries[0]?.key ?? '';
    expect(key).toMatch(new RegExp(`^rust-perf-Linux-[0-9a-f]{16}-${baseSha}$`));
    expect(services.cacheEntries.map((entry) => entry.key)).toEqual([key]);
    expect(result.outputs).toEqual({
      regressed: 'false',
      summary: `measured 4 benchmarks at ${baseSha.slice(0, 10)}; saved as the baseline ${key}`,
    });
    expect(result.summary).toContain(`The profile was saved as the baseline ${key}.`);
    expect(github.requests).toEqual([]);
  });

  it('compares a pull request with the cached baseline and comments on the slowed function', async () => {
    const manifest = join(repository.dir, 'Cargo.toml');
    const original = await readFile(manifest, 'utf8');
    await writeFile(manifest, original.replace('slow = []', 'default = ["slow"]\nslow = []'));
    headSha = repository.commitAll('Validate every prefix of each field');

    const result = await runStep(pullRequestEvent(REPOSITORY));

    expectSucceeded(result);
    expect(result.stdout).toContain(
      `Comparing with the cached baseline of the base commit ${baseSha}`,
    );
    expect(result.stdout).not.toContain('temporary worktree');
    expect(result.outputs.regressed).toBe('true');
    expect(result.outputs.summary).toMatch(
      /^regressed: (.*, )?parse \+\d+\.\d\d% \(textbench::parse::parse_field \+\d+\.\d\d%\)/,
    );
    expect(result.outputs['baseline-sha']).toBe(baseSha);

    expect(github.comments).toHaveLength(1);
    const [comment] = github.comments;
    expect(result.outputs['comment-url']).toBe(comment?.html_url);
    expect(comment?.issueNumber).toBe(7);
    expect(comment?.body.startsWith(`${MARKER}\n`)).toBe(true);
    // The slowed function is the first row of the regressed benchmark's table.
    const parseSection = comment?.body.split('#### 🔴 regressed: <code>parse</code>')[1] ?? '';
    const firstRow = parseSection.split('\n').find((line) => line.startsWith('| <code>'));
    expect(firstRow).toContain(SLOWED);
    expect(firstRow).toContain('🔴 regressed');

    expect(result.summary).toContain(SLOWED);
    const report = JSON.parse(readFileSync(result.outputs['report-json'] ?? '', 'utf8'));
    expect(report.regressed).toBe(true);
    expect(report.base.commit).toBe(baseSha);
    expect(report.head.commit).toBe(headSha);
  });

  it('updates the same comment on the next run', async () => {
    const before = github.comments.map((comment) => ({ ...comment }));
    github.requests.length = 0;

    const result = await runStep(pullRequestEvent(REPOSITORY));

    expectSucceeded(result);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.id).toBe(before[0]?.id);
    expect(result.outputs['comment-url']).toBe(before[0]?.html_url);
    const writes = github.requests.filter(
      (request) =>
        request.method === 'PATCH' || (request.method === 'POST' && request.path !== '/graphql'),
    );
    expect(writes.map((request) => `${request.method} ${request.path}`)).toEqual([
      `PATCH /repos/${REPOSITORY}/issues/comments/${before[0]?.id}`,
    ]);
    expect(github.comments[0]?.body).toContain(SLOWED);
  });

  it("succeeds with its job summary when a fork's token may not comment", async () => {
    github.readOnly = true;
    try {
      const result = await runStep(pullRequestEvent('someone/octo-repo'));

      expectSucceeded(result);
      expect(result.warnings).toEqual([
        expect.stringContaining(
          'Could not comment on pull request #7: the token may not (Resource not accessible by integration',
        ),
      ]);
      expect(result.summary).toContain(SLOWED);
      expect(result.outputs.regressed).toBe('true');
      expect(result.outputs).not.toHaveProperty('comment-url');
    } finally {
      github.readOnly = false;
    }
  });

  it('fetches the base commit into a shallow checkout and measures it when the cache is down', async () => {
    // As actions/checkout's default fetch-depth: 1 leaves it: the pull request's commit only.
    const checkout = join(scratch, 'shallow-checkout');
    repository.git('clone', '--quiet', '--depth=1', `file://${repository.dir}`, checkout);
    const inCheckout = (...args: string[]) => repository.git('-C', checkout, ...args);
    expect(inCheckout('rev-parse', 'HEAD')).toBe(headSha);
    expect(() => inCheckout('cat-file', '-e', baseSha)).toThrow();
    services.down = true;
    try {
      const result = await runStep(pullRequestEvent(REPOSITORY), {}, checkout);

      expectSucceeded(result);
      expect(result.warnings).toEqual([
        expect.stringMatching(/^Failed to restore: Failed to GetCacheEntryDownloadURL: /),
      ]);
      expect(result.stdout).toContain(
        `No usable cached baseline of the base commit ${baseSha}: measuring it in a temporary worktree.`,
      );
      expect(result.stdout).toContain(
        `The base commit ${baseSha} is not in the checkout: fetching it from origin.`,
      );
      expect(result.outputs.regressed).toBe('true');
      expect(result.outputs['baseline-sha']).toBe(baseSha);
      expect(github.comments).toHaveLength(1);
      expect(github.comments[0]?.body).toContain(SLOWED);
      // Fetched without its history; the temporary worktree is gone.
      expect(inCheckout('rev-parse', '--is-shallow-repository')).toBe('true');
      expect(inCheckout('worktree', 'list', '--porcelain').split('\n')[0]).toBe(
        `worktree ${checkout}`,
      );
      expect(inCheckout('worktree', 'list').split('\n')).toHaveLength(1);
    } finally {
      services.down = false;
      await rm(checkout, { recursive: true, force: true });
    }
  });

  it('leaves the checkout as it found it', () => {
    expect(repository.git('status', '--porcelain')).toBe('');
    expect(existsSync(join(repository.dir, 'target'))).toBe(false);
  });
});
