/**
 * The bundled action (dist/index.js, rebuilt by `npm run bundle`), run as the GitHub runner runs
 * it, on a git repository of the example crate, with real cargo and valgrind, the real
 * @actions/cache and Octokit against fake Actions and GitHub services on 127.0.0.1.
 *
 * One story, in order: a push to main saves the baseline; a pull request that slows
 * `textbench::parse::parse_field` restores it and comments; the next run updates that comment;
 * a label accepts the regression; a merge group's run fails on it without commenting; a pull
 * request that loosens its own rust-perf.toml is held to the base's;
 * a fork's read-only token cannot comment but the run still succeeds; with the cache service
 * down the run measures the base commit itself, fetching it into a shallow checkout that lacks it.
 * Then the two-phase, fork-safe mode: `mode: measure` uploads a fork's pull request report as
 * an artifact, `mode: report` on the `workflow_run` event downloads it through the REST API and
 * comments, and refuses artifacts that name another pull request or do not validate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stickyCommentMarker } from '../../src/publish/comment.js';
import { unzipExactly } from '../../src/publish/zip.js';
import { type ActionsServices, startActionsServices, zipOf } from '../support/actions-services.js';
import { createExampleCrateRepository, type GitRepository } from '../support/git-fixture.js';
import {
  type GitHubApiServer,
  type RecordedRequest,
  startGitHubApiServer,
} from '../support/github-api-server.js';
import { type ActionResult, runAction } from '../support/run-action.js';

const REPOSITORY = 'octo-org/octo-repo';
const MARKER = stickyCommentMarker('Perf', 'bench', {
  workingDirectory: '.',
  cacheKeyPrefix: 'rust-perf',
});
/** The slowed function as the comment shows it (Markdown-escaped underscore). */
const SLOWED = '<code>textbench::parse::parse&#95;field</code>';
/** The reporting workflow of the two-phase setup, as the README names it. */
const REPORT_WORKFLOW = {
  GITHUB_WORKFLOW: 'Perf report',
  GITHUB_JOB: 'report',
  GITHUB_RUN_ID: '5151',
};
const REPORT_MARKER = stickyCommentMarker('Perf report', 'report', {
  workingDirectory: '.',
  cacheKeyPrefix: 'rust-perf',
});
/** The fork's pull request of the two-phase scenarios. */
const FORK_PR = 8;

let repository: GitRepository;
let services: ActionsServices;
let github: GitHubApiServer;
let scratch: string;
let baseSha: string;
let headSha: string;
/** What one unsharded run concluded, for the sharded runs to match. */
let unshardedPush: Record<string, string>;
let unshardedPull: { outputs: Record<string, string>; comment: string };

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

interface StepOptions {
  inputs?: Record<string, string>;
  workspace?: string;
  /** Variables that differ from the measuring workflow's, e.g. another workflow's name and run. */
  env?: Record<string, string>;
}

/**
 * One step of a job, as the runner starts it. RUNNER_TEMP is the same path in every job (the
 * cache version hashes the cached path) and empty at its start.
 */
type StepEvent = { name: string; payload: unknown; sha: string; ref: string };

async function runStep(
  event: StepEvent,
  { inputs = {}, workspace = repository.dir, env = {} }: StepOptions = {},
): Promise<ActionResult> {
  // Each step stands for a job of a new workflow run, which has none of the flame graphs an
  // earlier one uploaded (the fake service keeps one run's artifacts, and names are unique in it).
  const earlier = services.artifacts.filter((artifact) => artifact.name.endsWith('-flamegraphs'));
  for (const artifact of earlier)
    services.artifacts.splice(services.artifacts.indexOf(artifact), 1);
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
      ...env,
    },
  });
}

function pullRequestEvent(headRepository: string, number = 7) {
  return {
    name: 'pull_request',
    sha: headSha,
    ref: `refs/pull/${number}/merge`,
    payload: {
      repository: { default_branch: 'main' },
      pull_request: {
        number,
        base: { sha: baseSha, repo: { full_name: REPOSITORY } },
        head: { sha: headSha, repo: { full_name: headRepository } },
      },
    },
  };
}

/**
 * A step of the reporting workflow: `mode: report` on the `workflow_run` event of a measuring
 * run. It runs on the default branch and needs no checkout, so its workspace is empty.
 */
async function reportStep(triggeringRun: {
  id: number;
  headSha: string;
  pullRequests: number[];
}): Promise<ActionResult> {
  const workspace = join(scratch, 'report-workspace');
  await mkdir(workspace, { recursive: true });
  return runStep(
    {
      name: 'workflow_run',
      sha: baseSha,
      ref: 'refs/heads/main',
      payload: {
        repository: { default_branch: 'main' },
        workflow_run: {
          id: triggeringRun.id,
          name: 'Perf',
          event: 'pull_request',
          conclusion: 'success',
          head_sha: triggeringRun.headSha,
          pull_requests: triggeringRun.pullRequests.map((number) => ({ number })),
        },
      },
    },
    { inputs: { mode: 'report' }, workspace, env: REPORT_WORKFLOW },
  );
}

function expectSucceeded(result: ActionResult) {
  expect(result.errors, result.stdout).toEqual([]);
  expect(result.exitCode, result.stdout).toBe(0);
}

/**
 * A step failed with exactly this message (`::error::` escapes the newline before the hint), or
 * one that matches: what JSON.parse says varies with the Node version.
 */
function expectFailed(result: ActionResult, message: string | RegExp) {
  const expected =
    typeof message === 'string' ? message.replace(/\n/g, '%0A') : expect.stringMatching(message);
  expect(result.errors, result.stdout).toEqual([expected]);
  expect(result.exitCode, result.stdout).toBe(1);
}

/** Requests that change something on GitHub: every POST but GraphQL queries, every PATCH. */
function writesOf(requests: RecordedRequest[]): string[] {
  return requests
    .filter(
      (request) =>
        request.method === 'PATCH' || (request.method === 'POST' && request.path !== '/graphql'),
    )
    .map((request) => `${request.method} ${request.path}`);
}

/** The first function row of the `parse` benchmark's table, where the slowed function belongs. */
function firstParseRow(commentBody: string): string | undefined {
  const parseSection = commentBody.split('#### 🔴 regressed: <code>parse</code>')[1] ?? '';
  return parseSection.split('\n').find((line) => line.startsWith('| <code>'));
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
    expect(key).toMatch(new RegExp(`^rust-perf-Linux-[0-9a-f]{16}-[0-9a-f]{8}-${baseSha}$`));
    expect(services.cacheEntries.map((entry) => entry.key)).toEqual([key]);
    expect(result.outputs).toEqual({
      regressed: 'false',
      summary: `measured 4 benchmarks at ${baseSha.slice(0, 10)}; saved as the baseline ${key}`,
    });
    expect(result.summary).toContain(`The profile was saved as the baseline ${key}.`);
    expect(github.requests).toEqual([]);
    unshardedPush = result.outputs;
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
    const firstRow = firstParseRow(comment?.body ?? '');
    expect(firstRow).toContain(SLOWED);
    expect(firstRow).toContain('🔴 regressed');

    expect(result.summary).toContain(SLOWED);
    const report = JSON.parse(readFileSync(result.outputs['report-json'] ?? '', 'utf8'));
    expect(report.regressed).toBe(true);
    expect(report.base.commit).toBe(baseSha);
    expect(report.head.commit).toBe(headSha);

    // The flame graphs of the three benchmarks the slowed function regressed, as one artifact
    // of the run, linked from the comment, the job summary and the output.
    const uploaded = services.artifacts.filter((artifact) =>
      artifact.name.endsWith('-flamegraphs'),
    );
    expect(uploaded.map(({ name, workflowRunId }) => ({ name, workflowRunId }))).toEqual([
      { name: 'rust-perf-bench-flamegraphs', workflowRunId: services.workflowRunId },
    ]);
    const names = ['format.flamegraph.html', 'parse.flamegraph.html', 'sort.flamegraph.html'];
    const files = unzipExactly(uploaded[0]!.zip!, names, 64 * 1024 * 1024, 'the artifact');
    for (const name of names) {
      const html = files.get(name)!.toString('utf8');
      expect(html).toContain(`<title>${name.split('.')[0]}: base → head</title>`);
      expect(html).toContain('"name":"textbench::parse::parse_field"');
    }
    const url = `https://github.com/${REPOSITORY}/actions/runs/${services.workflowRunId}/artifacts/${uploaded[0]!.id}`;
    const link =
      '🔥 Differential flame graphs of the 3 benchmarks that regressed or improved: ' +
      `[<code>rust-perf-bench-flamegraphs</code>](${url}), an artifact of this run`;
    expect(comment?.body).toContain(link);
    expect(result.summary).toContain(link);
    expect(result.outputs['flame-graphs-url']).toBe(url);
    unshardedPull = { outputs: result.outputs, comment: comment?.body ?? '' };
  });

  it('updates the same comment on the next run', async () => {
    const before = github.comments.map((comment) => ({ ...comment }));
    github.requests.length = 0;

    const result = await runStep(pullRequestEvent(REPOSITORY));

    expectSucceeded(result);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.id).toBe(before[0]?.id);
    expect(result.outputs['comment-url']).toBe(before[0]?.html_url);
    expect(writesOf(github.requests)).toEqual([
      `PATCH /repos/${REPOSITORY}/issues/comments/${before[0]?.id}`,
    ]);
    expect(github.comments[0]?.body).toContain(SLOWED);
  });

  it('passes a labelled pull request that regressed, saying in its comment what was accepted', async () => {
    const event = pullRequestEvent(REPOSITORY);
    const labelled = {
      ...event,
      payload: {
        ...event.payload,
        pull_request: { ...event.payload.pull_request, labels: [{ name: 'perf-accepted' }] },
      },
    };

    const result = await runStep(labelled, { inputs: { 'fail-on-regression': 'true' } });

    expectSucceeded(result);
    expect(result.outputs.regressed).toBe('true');
    expect(result.outputs.summary).toMatch(/; accepted by the label perf-accepted$/);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toMatch(
      /^> Accepted by the label <code>perf-accepted<\/code>: the \d+ regressions? of .*<code>parse<\/code>.* not fail the check\.$/m,
    );
  });

  it("fails a merge group's regression against the base's baseline, calling no GitHub API", async () => {
    github.requests.length = 0;
    const commentsBefore = github.comments.map((comment) => ({ ...comment }));

    const result = await runStep(
      {
        name: 'merge_group',
        sha: headSha,
        ref: `refs/heads/gh-readonly-queue/main/pr-7-${baseSha}`,
        payload: {
          repository: { default_branch: 'main' },
          merge_group: {
            base_sha: baseSha,
            head_sha: headSha,
            head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${baseSha}`,
          },
        },
      },
      { inputs: { 'fail-on-regression': 'true' } },
    );

    expectFailed(
      result,
      /^Performance regressed \(fail-on-regression\): regressed: (.*, )?parse \+/,
    );
    expect(result.stdout).toContain(
      `Comparing with the cached baseline of the base commit ${baseSha}`,
    );
    expect(result.outputs['baseline-sha']).toBe(baseSha);
    expect(result.outputs.regressed).toBe('true');
    expect(result.outputs).not.toHaveProperty('comment-url');
    expect(result.summary).toContain(SLOWED);
    expect(github.requests).toEqual([]);
    expect(github.comments).toEqual(commentsBefore);
  });

  it("holds a pull request that raises its own threshold to the base's limits", async () => {
    await repository.write(
      'rust-perf.toml',
      '# Tolerate anything\n[[benchmark]]\nname = "*"\nthreshold = "90%"\n',
    );
    const loosening = repository.commitAll('Raise the threshold');
    try {
      const event = pullRequestEvent(REPOSITORY);
      const result = await runStep(
        { ...event, sha: loosening },
        { inputs: { 'fail-on-regression': 'true' } },
      );

      expectFailed(
        result,
        /^Performance regressed \(fail-on-regression\): regressed: (.*, )?parse \+/,
      );
      expect(github.comments[0]?.body).toContain(
        '> rust-perf.toml differs in this change: it is compared with the limits of the base (none); the new ones take effect once it is merged.',
      );
      expect(github.comments[0]?.body).not.toContain('threshold 90%');
    } finally {
      repository.git('reset', '--quiet', '--hard', headSha);
    }
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
      const result = await runStep(pullRequestEvent(REPOSITORY), { workspace: checkout });

      expectSucceeded(result);
      const flameGraphsLost =
        'The flame graphs of 3 benchmarks that moved were not uploaded, so there is no link to them: Uploading the rust-perf-bench-flamegraphs artifact failed: ';
      expect(result.warnings).toEqual([
        expect.stringMatching(/^Failed to restore: Failed to GetCacheEntryDownloadURL: /),
        expect.stringContaining(flameGraphsLost),
      ]);
      // The comment is posted all the same, and says why it has no link.
      expect(github.comments[0]?.body).toContain(`> [!WARNING]\n> ${flameGraphsLost}`);
      expect(github.comments[0]?.body).not.toContain('🔥');
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

  describe('in the two-phase, fork-safe mode', () => {
    /** The JSON report of the measuring run, which the report phase must publish unchanged. */
    let measuredReport: string;
    /** The sticky comment the first report run posted on the fork's pull request. */
    let reportComment: { id: number; html_url: string };
    const forkComments = () => github.comments.filter((c) => c.issueNumber === FORK_PR);

    it('measures a fork pull request and uploads its report as an artifact, commenting nowhere', async () => {
      const commentsBefore = github.comments.map((comment) => ({ ...comment }));
      github.requests.length = 0;

      const result = await runStep(pullRequestEvent('someone/octo-repo', FORK_PR), {
        inputs: { mode: 'measure' },
      });

      expectSucceeded(result);
      expect(result.warnings).toEqual([]);
      expect(result.stdout).toContain(
        `Comparing with the cached baseline of the base commit ${baseSha}`,
      );
      expect(result.outputs.regressed).toBe('true');
      expect(result.outputs.summary).toMatch(
        /^regressed: (.*, )?parse \+\d+\.\d\d% \(textbench::parse::parse_field \+\d+\.\d\d%\)/,
      );
      expect(result.outputs['baseline-sha']).toBe(baseSha);
      expect(result.outputs).not.toHaveProperty('comment-url');
      expect(result.summary).toContain(SLOWED);
      // Not one GitHub API call: a fork's read-only token is enough (uploads use the runtime token).
      expect(github.requests).toEqual([]);
      expect(github.comments).toEqual(commentsBefore);

      expect(services.artifacts).toEqual([
        {
          id: expect.any(Number),
          workflowRunId: services.workflowRunId,
          name: 'rust-perf-report',
          zip: expect.any(Buffer),
          digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        },
      ]);
      expect(result.stdout).toContain(
        `Uploaded the report of pull request #${FORK_PR} as artifact rust-perf-report (id ${services.artifacts[0]?.id}).`,
      );
      measuredReport = readFileSync(result.outputs['report-json'] ?? '', 'utf8');
      expect(JSON.parse(measuredReport).head.commit).toBe(headSha);
    });

    it('posts the sticky comment from the workflow_run event, with the artifact downloaded through the REST API', async () => {
      github.requests.length = 0;

      const result = await reportStep({
        id: services.workflowRunId,
        headSha,
        pullRequests: [FORK_PR],
      });

      expectSucceeded(result);
      expect(result.warnings).toEqual([]);
      expect(result.stdout).toContain(
        `Downloaded the report of pull request #${FORK_PR} from workflow run ${services.workflowRunId}.`,
      );
      const [comment, ...others] = forkComments();
      expect(others).toEqual([]);
      expect(comment?.body.startsWith(`${REPORT_MARKER}\n`)).toBe(true);
      expect(firstParseRow(comment?.body ?? '')).toContain(SLOWED);
      expect(result.outputs['comment-url']).toBe(comment?.html_url);
      expect(result.outputs.regressed).toBe('true');
      expect(result.summary).toContain(SLOWED);
      // The comparison crossed from one workflow to the other unchanged.
      expect(readFileSync(result.outputs['report-json'] ?? '', 'utf8')).toBe(measuredReport);
      expect(writesOf(github.requests)).toEqual([
        `POST /repos/${REPOSITORY}/issues/${FORK_PR}/comments`,
      ]);
      expect(github.requests.map((request) => request.path)).toContain(
        `/repos/${REPOSITORY}/actions/runs/${services.workflowRunId}/artifacts`,
      );
      reportComment = { id: comment?.id ?? 0, html_url: comment?.html_url ?? '' };
    });

    it('updates that comment on the next report, finding a fork pull request the event does not list by its head', async () => {
      // GitHub lists no pull requests in the workflow_run event of a fork's pull request.
      github.pullRequestHeads.set(FORK_PR, headSha);
      github.requests.length = 0;

      const result = await reportStep({ id: services.workflowRunId, headSha, pullRequests: [] });

      expectSucceeded(result);
      expect(result.warnings).toEqual([]);
      expect(forkComments().map((comment) => comment.id)).toEqual([reportComment.id]);
      expect(result.outputs['comment-url']).toBe(reportComment.html_url);
      expect(github.requests.map((request) => `${request.method} ${request.path}`)).toContain(
        `GET /repos/${REPOSITORY}/pulls/${FORK_PR}`,
      );
      expect(writesOf(github.requests)).toEqual([
        `PATCH /repos/${REPOSITORY}/issues/comments/${reportComment.id}`,
      ]);
      expect(forkComments()[0]?.body).toContain(SLOWED);
    });

    const OTHER_SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
    it.each([
      {
        refusal: 'a run that belongs to another pull request',
        pullRequests: [9],
        runHead: () => headSha,
        message: () =>
          `The report artifact names pull request #${FORK_PR}, but the workflow run that uploaded it belongs to #9; it is not published.`,
      },
      {
        refusal: 'a run on another commit than the artifact claims',
        pullRequests: [FORK_PR],
        runHead: () => OTHER_SHA,
        message: () =>
          `The report artifact claims to measure commit ${headSha}, but the workflow run that uploaded it ran on ${OTHER_SHA}; it is not published.`,
      },
      {
        refusal: 'a fork pull request whose head has moved on',
        pullRequests: [],
        runHead: () => headSha,
        pullRequestHead: OTHER_SHA,
        message: () =>
          `The report artifact names pull request #${FORK_PR}, whose head is ${OTHER_SHA}, not the measured commit ${headSha}; it is not published.\n` +
          'If the pull request was updated since, the run for its new head will publish a report.',
      },
    ])(
      'publishes nothing for $refusal',
      async ({ pullRequests, runHead, pullRequestHead, message }) => {
        github.pullRequestHeads.set(FORK_PR, pullRequestHead ?? headSha);
        const commentsBefore = github.comments.map((comment) => ({ ...comment }));
        github.requests.length = 0;

        const result = await reportStep({
          id: services.workflowRunId,
          headSha: runHead(),
          pullRequests,
        });

        expectFailed(result, message());
        expect(writesOf(github.requests)).toEqual([]);
        expect(github.comments).toEqual(commentsBefore);
        expect(result.outputs).not.toHaveProperty('comment-url');
      },
    );

    it('publishes nothing from an artifact whose comparison is not valid JSON', async () => {
      const runId = services.workflowRunId + 1;
      const metadata = { version: 1, prNumber: FORK_PR, headSha };
      services.plantArtifact(
        runId,
        'rust-perf-report',
        zipOf([
          { name: 'metadata.json', content: Buffer.from(`${JSON.stringify(metadata)}\n`) },
          { name: 'comparison.json', content: Buffer.from('{"version": 1, "regressed": tru') },
        ]),
      );
      const commentsBefore = github.comments.map((comment) => ({ ...comment }));
      github.requests.length = 0;

      const result = await reportStep({ id: runId, headSha, pullRequests: [FORK_PR] });

      expectFailed(
        result,
        new RegExp(
          `^artifact rust-perf-report of workflow run ${runId}: comparison\\.json: is not valid JSON \\(.+\\)%0ANothing was posted\\. .+ re-run the measuring workflow\\.$`,
        ),
      );
      expect(writesOf(github.requests)).toEqual([]);
      expect(github.comments).toEqual(commentsBefore);
      expect(result.outputs).toEqual({});
    });
  });

  describe('sharded over a matrix of two legs and merged', () => {
    const SHARDED = { 'cache-key-prefix': 'sharded' };
    const SHARDED_PR = 11;
    /** The merge job: it needs no checkout, so its workspace is empty. */
    const mergeWorkspace = () => join(scratch, 'merge-workspace');
    /**
     * The comment after its marker (the prefix differs), with instruction counts masked: they
     * move by a few instructions from one process to the next (`hash`, seeded at random, by
     * hundreds, and with them how many of its functions changed below the threshold), sharded
     * or not. Benchmarks, functions, changes to 0.01% and statuses remain.
     */
    const comparable = (body: string) =>
      body
        .slice(body.indexOf('\n') + 1)
        .replace(/[+-]?\d{1,3}(,\d{3})+/g, '#')
        .replace(/^\| <code>hash<\/code> \|.*$/m, '| hash |')
        .replace(/\d+ smaller changes? below/g, '# smaller changes below')
        // Each suite's flame graphs are an artifact of its own name and id.
        .replace(/\[<code>[a-z-]+-flamegraphs<\/code>\]\([^)]+\)/, '[flame graphs](URL)');
    const shardedComments = () => github.comments.filter((c) => c.issueNumber === SHARDED_PR);

    async function legs(
      event: StepEvent,
      shards: string[],
      { workspace = repository.dir, inputs = {} }: StepOptions = {},
    ) {
      for (const shard of shards) {
        const started = Date.now();
        const result = await runStep(event, {
          inputs: { ...SHARDED, ...inputs, shard },
          workspace,
        });
        expectSucceeded(result);
        expect(result.outputs).not.toHaveProperty('comment-url');
        timings.push({ step: `leg ${shard}`, ms: Date.now() - started });
      }
    }

    async function merge(event: StepEvent): Promise<ActionResult> {
      await mkdir(mergeWorkspace(), { recursive: true });
      const started = Date.now();
      const result = await runStep(event, {
        inputs: { ...SHARDED, mode: 'merge' },
        workspace: mergeWorkspace(),
      });
      timings.push({ step: 'merge', ms: Date.now() - started });
      return result;
    }

    /** A new run: the legs' artifacts of the one before are gone. */
    const newRun = () => services.artifacts.splice(0);
    const timings: { step: string; ms: number }[] = [];
    afterAll(() => {
      console.log(`sharded steps: ${JSON.stringify(timings)}`);
    });

    it('saves the same baseline on a push as one unsharded run', async () => {
      newRun();
      const checkout = join(scratch, 'base-checkout');
      repository.git('clone', '--quiet', `file://${repository.dir}`, checkout);
      repository.git('-C', checkout, 'checkout', '--quiet', '--detach', baseSha);
      const push = {
        name: 'push',
        sha: baseSha,
        ref: 'refs/heads/main',
        payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      };
      try {
        await legs(push, ['1/2', '2/2'], { workspace: checkout });
      } finally {
        await rm(checkout, { recursive: true, force: true });
      }
      expect(services.artifacts.map((artifact) => artifact.name)).toEqual([
        'sharded-shard-1-of-2',
        'sharded-shard-2-of-2',
      ]);
      expect(services.cacheEntries.filter((e) => e.key.startsWith('sharded-'))).toEqual([]);

      const result = await merge(push);

      expectSucceeded(result);
      const unshardedKey = services.cacheEntries[0]?.key ?? '';
      const key = unshardedKey.replace(/^rust-perf-/, 'sharded-');
      expect(services.cacheEntries.at(-1)?.key).toBe(key);
      expect(result.outputs).toEqual({
        ...unshardedPush,
        summary: unshardedPush.summary?.replace(unshardedKey, key),
      });
    });

    it('posts the same comment and outputs on a pull request as one unsharded run', async () => {
      newRun();
      const event = pullRequestEvent(REPOSITORY, SHARDED_PR);
      await legs(event, ['1/2', '2/2']);
      github.requests.length = 0;

      const result = await merge(event);

      expectSucceeded(result);
      expect(result.stdout).toContain(
        `Downloaded 2 shard artifacts of workflow run ${services.workflowRunId}.`,
      );
      const [comment, ...others] = shardedComments();
      expect(others).toEqual([]);
      expect(comparable(comment?.body ?? '')).toBe(comparable(unshardedPull.comment));
      expect(result.outputs).toEqual({
        ...unshardedPull.outputs,
        'comment-url': comment?.html_url,
        'report-json': expect.any(String),
        'flame-graphs-url': expect.stringMatching(
          new RegExp(
            `^https://github\\.com/${REPOSITORY}/actions/runs/${services.workflowRunId}/artifacts/\\d+$`,
          ),
        ),
      });
      expect(writesOf(github.requests)).toEqual([
        `POST /repos/${REPOSITORY}/issues/${SHARDED_PR}/comments`,
      ]);
    });

    it('gates a merge group in the merge job, commenting nowhere', async () => {
      newRun();
      const event = {
        name: 'merge_group',
        sha: headSha,
        ref: `refs/heads/gh-readonly-queue/main/pr-7-${baseSha}`,
        payload: {
          repository: { default_branch: 'main' },
          merge_group: { base_sha: baseSha, head_sha: headSha },
        },
      };
      await legs(event, ['1/2', '2/2'], { inputs: { 'fail-on-regression': 'true' } });
      github.requests.length = 0;
      const commentsBefore = github.comments.map((comment) => ({ ...comment }));
      const entries = services.cacheEntries.length;

      const result = await runStep(event, {
        inputs: { ...SHARDED, mode: 'merge', 'fail-on-regression': 'true' },
        workspace: mergeWorkspace(),
      });

      expectFailed(
        result,
        /^Performance regressed \(fail-on-regression\): regressed: (.*, )?parse \+/,
      );
      expect(result.outputs['baseline-sha']).toBe(baseSha);
      expect(result.outputs).not.toHaveProperty('comment-url');
      expect(result.summary).toContain(SLOWED);
      expect(writesOf(github.requests)).toEqual([]);
      expect(github.comments).toEqual(commentsBefore);
      expect(services.cacheEntries).toHaveLength(entries);
    });

    it('names a missing shard in the comment, fails, and saves nothing', async () => {
      newRun();
      const event = pullRequestEvent(REPOSITORY, SHARDED_PR);
      await legs(event, ['2/2']);
      const entries = services.cacheEntries.length;

      const result = await merge(event);

      expectFailed(
        result,
        'Shard 1/2 of this run uploaded no results: the merge is incomplete, and no baseline was saved.',
      );
      const [comment] = shardedComments();
      expect(comment?.body).toContain(
        '> Incomplete: shard 1/2 of this run uploaded no results (the leg failed, was cancelled or did not run)',
      );
      expect(result.outputs.summary).toMatch(/^incomplete: shard 1\/2 missing; /);
      expect(services.cacheEntries).toHaveLength(entries);
    });

    it('refuses shards compared with another base', async () => {
      newRun();
      const event = pullRequestEvent(REPOSITORY, SHARDED_PR);
      const otherBase = 'c0ffee00'.repeat(5);
      const moved = structuredClone(event);
      moved.payload.pull_request.base.sha = otherBase;
      await legs(event, ['1/2']);
      // `cache`: no baseline of that base, and nothing to measure it from.
      await legs(moved, ['2/2'], { inputs: { baseline: 'cache' } });
      const commentsBefore = github.comments.map((c) => ({ ...c }));

      const result = await merge(event);

      expectFailed(
        result,
        `Cannot merge artifact sharded-shard-2-of-2 of workflow run ${services.workflowRunId}: it was compared with the base commit ${otherBase}, but this run's base is ${baseSha}.\n` +
          'Merge the legs of one matrix of this run: each with `shard: K/N`, the same inputs and the same cache-key-prefix as the merge job, on the same event.',
      );
      expect(github.comments).toEqual(commentsBefore);
    });
  });

  it("shows in the comment the trend of each benchmark, from the totals of the pushes' baselines", async () => {
    const manifest = join(repository.dir, 'Cargo.toml');
    const slowManifest = await readFile(manifest, 'utf8');
    const push = (sha: string) =>
      runStep({
        name: 'push',
        sha,
        ref: 'refs/heads/main',
        payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      });
    /** The `parse` total a push's job summary reports, as its baseline records it. */
    const parseTotal = (summary: string) =>
      Number(/^\| `parse` \| ([\d,]+) instructions/m.exec(summary)?.[1]?.replace(/,/g, ''));
    // The slowed commit lands on main, then a fix: two more baselines after the first.
    const slowPush = await push(headSha);
    expectSucceeded(slowPush);
    await writeFile(manifest, slowManifest.replace('default = ["slow"]\n', ''));
    const fixed = repository.commitAll('Validate each field once');
    const fixedPush = await push(fixed);
    expectSucceeded(fixedPush);
    // A pull request slows it down again.
    await writeFile(manifest, slowManifest);
    const slowedAgain = repository.commitAll('Validate every prefix again');

    const result = await runStep({
      name: 'pull_request',
      sha: slowedAgain,
      ref: 'refs/pull/12/merge',
      payload: {
        repository: { default_branch: 'main' },
        pull_request: {
          number: 12,
          base: { sha: fixed, repo: { full_name: REPOSITORY } },
          head: { sha: slowedAgain, repo: { full_name: REPOSITORY } },
        },
      },
    });

    expectSucceeded(result);
    const report = JSON.parse(readFileSync(result.outputs['report-json'] ?? '', 'utf8')) as {
      benchmarks: { name: string; base: number; head: number; trend?: number[] }[];
    };
    const parse = report.benchmarks.find((benchmark) => benchmark.name === 'parse');
    // The baselines before the base: the first push's (fast), the slowed commit's; the base is
    // the fix's. (Counts of one build move by a few instructions between processes.)
    expect(parse?.base).toBe(parseTotal(fixedPush.summary));
    expect(parse?.trend).toEqual([expect.any(Number), parseTotal(slowPush.summary)]);
    expect(Math.abs((parse?.trend?.[0] ?? 0) - (parse?.base ?? 0))).toBeLessThan(1_000);
    const comment = github.comments.find((entry) => entry.issueNumber === 12)?.body ?? '';
    expect(comment).toContain('| Benchmark | Base | Head | Change | Status | Trend |');
    expect(comment).toMatch(/^\| <code>parse<\/code> \|.*\| ▁█▁█ <sub>2 earlier<\/sub> \|$/m);
    expect(result.summary).toMatch(/```mermaid\nxychart-beta\n {2}title "parse"\n/);
  });

  it('leaves the checkout as it found it', () => {
    expect(repository.git('status', '--porcelain')).toBe('');
    expect(existsSync(join(repository.dir, 'target'))).toBe(false);
  });
});
