import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type RunContext, readRunContext } from '../../src/inputs/context.js';

const dir = mkdtempSync(join(tmpdir(), 'rust-perf-context-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = 'b'.repeat(40);
const HEAD = 'c'.repeat(40);
const MERGE = 'a'.repeat(40);

let files = 0;
function env(eventName: string, payload: unknown, extra: Record<string, string> = {}) {
  const path = join(dir, `event-${files++}.json`);
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'octo/engine',
    GITHUB_SHA: MERGE,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_WORKFLOW: 'Perf',
    GITHUB_JOB: 'bench',
    GITHUB_RUN_ID: '123456',
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_API_URL: 'https://api.github.example',
    GITHUB_WORKSPACE: '/runner/work/engine',
    RUNNER_TEMP: '/runner/temp',
    RUNNER_OS: 'Linux',
    ...extra,
  };
}

function pullRequestPayload(headRepo: string | null) {
  return {
    repository: { default_branch: 'main' },
    pull_request: {
      number: 7,
      base: { sha: BASE, repo: { full_name: 'octo/engine' } },
      head: { sha: HEAD, repo: headRepo === null ? null : { full_name: headRepo } },
      labels: [{ name: 'perf-accepted', color: 'ededed' }, { name: 'bug' }],
    },
  };
}

describe('readRunContext', () => {
  it('reads a pull request from the same repository', () => {
    expect(readRunContext(env('pull_request', pullRequestPayload('octo/engine')))).toEqual({
      eventName: 'pull_request',
      sha: MERGE,
      ref: 'refs/pull/7/merge',
      owner: 'octo',
      repo: 'engine',
      defaultBranch: 'main',
      pullRequest: {
        number: 7,
        baseSha: BASE,
        headSha: HEAD,
        fromFork: false,
        labels: ['perf-accepted', 'bug'],
      },
      mergeGroup: undefined,
      triggeringRun: undefined,
      workflow: 'Perf',
      job: 'bench',
      runId: 123456,
      serverUrl: 'https://github.example',
      apiUrl: 'https://api.github.example',
      workspace: '/runner/work/engine',
      tempDir: '/runner/temp',
      runnerOs: 'Linux',
    } satisfies RunContext);
  });

  it('tells a pull request from a fork, also a deleted one', () => {
    const fork = readRunContext(env('pull_request', pullRequestPayload('mallory/engine')));
    expect(fork.pullRequest?.fromFork).toBe(true);
    const deleted = readRunContext(env('pull_request_target', pullRequestPayload(null)));
    expect(deleted.pullRequest?.fromFork).toBe(true);
  });

  it('refuses a label without a name', () => {
    const payload = pullRequestPayload('octo/engine');
    payload.pull_request.labels = [{ name: 'bug' }, { color: 'ededed' } as never];
    expect(() => readRunContext(env('pull_request', payload))).toThrow(
      "The event payload has no valid 'pull_request.labels[1].name'",
    );
  });

  it('reads a merge_group event: the queued commit and the base it lands on', () => {
    const context = readRunContext(
      env(
        'merge_group',
        {
          repository: { default_branch: 'main' },
          merge_group: {
            base_sha: BASE,
            head_sha: MERGE,
            head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${BASE}`,
          },
        },
        { GITHUB_REF: `refs/heads/gh-readonly-queue/main/pr-7-${BASE}` },
      ),
    );
    expect(context.mergeGroup).toEqual({ baseSha: BASE, headSha: MERGE });
    expect(context.pullRequest).toBeUndefined();
    expect(() => readRunContext(env('merge_group', { merge_group: { head_sha: MERGE } }))).toThrow(
      "The event payload has no valid 'merge_group.base_sha'",
    );
  });

  it('reads a push: no pull request', () => {
    const context = readRunContext(
      env(
        'push',
        { repository: { default_branch: 'trunk' }, after: MERGE },
        { GITHUB_REF: 'refs/heads/trunk' },
      ),
    );
    expect(context.pullRequest).toBeUndefined();
    expect(context.mergeGroup).toBeUndefined();
    expect(context.triggeringRun).toBeUndefined();
    expect(context.defaultBranch).toBe('trunk');
    expect(context.ref).toBe('refs/heads/trunk');
  });

  it('reads the triggering run of a workflow_run event', () => {
    const context = readRunContext(
      env('workflow_run', {
        workflow_run: {
          id: 987,
          event: 'pull_request',
          head_sha: HEAD,
          pull_requests: [{ number: 7, head: { sha: HEAD } }],
        },
      }),
    );
    expect(context.triggeringRun).toEqual({
      id: 987,
      event: 'pull_request',
      headSha: HEAD,
      pullRequests: [{ number: 7 }],
    });
  });

  it('reads a workflow_run from a fork, whose pull request list GitHub leaves empty', () => {
    const context = readRunContext(
      env('workflow_run', {
        workflow_run: { id: 988, event: 'pull_request', head_sha: HEAD, pull_requests: [] },
      }),
    );
    expect(context.triggeringRun?.pullRequests).toEqual([]);
  });

  it('falls back to the defaults of github.com where the runner leaves variables unset', () => {
    const {
      GITHUB_SERVER_URL: _server,
      GITHUB_API_URL: _api,
      RUNNER_OS: _os,
      GITHUB_RUN_ID: _run,
      ...rest
    } = env('push', {});
    const context = readRunContext(rest);
    expect(context.serverUrl).toBe('https://github.com');
    expect(context.apiUrl).toBe('https://api.github.com');
    expect(context.runnerOs).toBe('Linux');
    expect(context.defaultBranch).toBeUndefined();
  });

  it.each([
    ['GITHUB_EVENT_NAME', /^GITHUB_EVENT_NAME is not set: rust-perf-action runs as a step/],
    ['GITHUB_EVENT_PATH', /^GITHUB_EVENT_PATH is not set/],
    ['GITHUB_REPOSITORY', /^GITHUB_REPOSITORY is not set/],
    ['GITHUB_SHA', /^GITHUB_SHA is not set/],
  ])('explains that %s is missing outside of a runner', (name, message) => {
    const variables: Record<string, string> = env('push', {});
    delete variables[name];
    expect(() => readRunContext(variables)).toThrow(message);
  });

  it('rejects a repository that is not owner/repo', () => {
    expect(() => readRunContext(env('push', {}, { GITHUB_REPOSITORY: 'a/b/c' }))).toThrow(
      "GITHUB_REPOSITORY is 'a/b/c', not 'owner/repo'",
    );
  });

  it.each([
    ['not JSON', '{"pull_request": ', /^Cannot read the event payload .*event-\d+\.json: /],
    ['an array', '[]', /^The event payload .* is not a JSON object$/],
    [
      'a pull request without a number',
      { pull_request: { base: { sha: BASE }, head: { sha: HEAD } } },
      "The event payload has no valid 'pull_request.number'",
    ],
    [
      'a pull request without a base sha',
      { pull_request: { number: 7, base: {}, head: { sha: HEAD } } },
      "The event payload has no valid 'pull_request.base.sha'",
    ],
    ['no pull request at all', {}, "The event payload has no valid 'pull_request.number'"],
  ])('rejects a pull_request payload that is %s', (_what, payload, message) => {
    const read = () => readRunContext(env('pull_request', payload));
    expect(read).toThrow(InputError);
    expect(read).toThrow(message);
  });

  it('rejects a missing event payload file', () => {
    expect(() =>
      readRunContext(env('push', {}, { GITHUB_EVENT_PATH: join(dir, 'missing.json') })),
    ).toThrow(/^Cannot read the event payload .*missing\.json: ENOENT/);
  });
});
