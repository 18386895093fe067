import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/errors.js';
import { GitHubCommentPublisher, stickyCommentMarker } from '../../src/publish/comment.js';
import { createGitHubClient } from '../../src/publish/github-client.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';
import { memoryLogger } from '../support/memory-logger.js';

const TOKEN = 'ghs_fakeInstallationToken';
const BOT = { login: 'github-actions[bot]', type: 'Bot' } as const;
const target = { owner: 'owner', repo: 'repo', issueNumber: 7 };
const defaults = { workingDirectory: '.', cacheKeyPrefix: 'rust-perf' };
const marker = stickyCommentMarker('Perf', 'bench', defaults);

let github: GitHubApiServer;
let log: ReturnType<typeof memoryLogger>;
let publisher: GitHubCommentPublisher;

beforeEach(async () => {
  github = await startGitHubApiServer({ token: TOKEN, viewer: BOT, maxPerPage: 100 });
  log = memoryLogger();
  publisher = new GitHubCommentPublisher(
    createGitHubClient(TOKEN, { baseUrl: github.url, log, retryUnitMs: 10 }),
    marker,
  );
});

afterEach(async () => {
  await github.close();
});

function writes() {
  return github.requests.filter(
    (request) => request.method !== 'GET' && request.path !== '/graphql',
  );
}

describe('stickyCommentMarker', () => {
  it('names the workflow, the job and what it measures in a hidden HTML comment', () => {
    expect(stickyCommentMarker('Perf', 'bench', defaults)).toBe(
      '<!-- rust-perf-action:Perf:bench:.:rust-perf -->',
    );
  });

  it('gives each leg of a matrix its own comment', () => {
    const parser = stickyCommentMarker('Perf', 'bench', {
      ...defaults,
      workingDirectory: 'parser',
    });
    const server = stickyCommentMarker('Perf', 'bench', {
      ...defaults,
      workingDirectory: 'server',
    });
    const nightly = stickyCommentMarker('Perf', 'bench', {
      ...defaults,
      cacheKeyPrefix: 'nightly',
    });
    expect(new Set([parser, server, nightly]).size).toBe(3);
  });

  it('encodes names so that they cannot end the HTML comment or collide at the colon', () => {
    expect(stickyCommentMarker('CI --> <b>x</b>', 'a:b', defaults)).toBe(
      '<!-- rust-perf-action:CI%20--%3E%20%3Cb%3Ex%3C%2Fb%3E:a%3Ab:.:rust-perf -->',
    );
  });
});

describe('GitHubCommentPublisher', () => {
  it('creates the comment once, then updates that same comment in place', async () => {
    const first = await publisher.upsert(target, 'first report', { create: true });
    expect(github.comments).toHaveLength(1);
    const [comment] = github.comments;
    expect(first).toEqual({ action: 'created', url: comment?.html_url });
    expect(comment?.body).toBe(`${marker}\nfirst report`);
    expect(comment?.issueNumber).toBe(7);

    const second = await publisher.upsert(target, 'second report', { create: true });
    expect(second).toEqual({ action: 'updated', url: comment?.html_url });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toBe(`${marker}\nsecond report`);
    expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /repos/owner/repo/issues/7/comments',
      `PATCH /repos/owner/repo/issues/comments/${comment?.id}`,
    ]);
    expect(github.requests.every((request) => request.authorization === `token ${TOKEN}`)).toBe(
      true,
    );
  });

  it('finds its comment on a later page by following the Link headers', async () => {
    for (let index = 0; index < 250; index++) {
      github.addComment(7, `LGTM ${index}`, { login: `reviewer${index % 3}`, type: 'User' });
    }
    const ours = github.addComment(7, `${marker}\nold report`, BOT);

    const outcome = await publisher.upsert(target, 'new report', { create: true });

    expect(outcome).toEqual({ action: 'updated', url: ours.html_url });
    expect(ours.body).toBe(`${marker}\nnew report`);
    const pages = github.requests
      .filter((request) => request.method === 'GET')
      .map((request) => request.query.get('page') ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
  });

  it("ignores the marker in other accounts' comments and other jobs' comments", async () => {
    const quoted = github.addComment(7, `${marker}\nsomeone pasted our marker`, {
      login: 'mallory',
      type: 'User',
    });
    const otherJob = github.addComment(
      7,
      `${stickyCommentMarker('Perf', 'other', defaults)}\nx`,
      BOT,
    );

    const outcome = await publisher.upsert(target, 'report', { create: true });

    expect(outcome.action).toBe('created');
    expect(github.comments).toHaveLength(3);
    expect(quoted.body).toBe(`${marker}\nsomeone pasted our marker`);
    expect(otherJob.body).toBe(`${stickyCommentMarker('Perf', 'other', defaults)}\nx`);
  });

  it('identifies the account of a personal access token too', async () => {
    await github.close();
    const user = { login: 'perf-bot', type: 'User' } as const;
    github = await startGitHubApiServer({ token: 'ghp_personal', viewer: user });
    const ours = github.addComment(7, `${marker}\nold`, user);
    github.addComment(7, `${marker}\nold`, BOT);
    const client = createGitHubClient('ghp_personal', { baseUrl: github.url, log });

    const outcome = await new GitHubCommentPublisher(client, marker).upsert(target, 'new', {
      create: true,
    });

    expect(outcome).toEqual({ action: 'updated', url: ours.html_url });
  });

  it('with create: false, posts nothing when there is no comment yet', async () => {
    const outcome = await publisher.upsert(target, 'report', { create: false });

    expect(outcome).toEqual({ action: 'skipped' });
    expect(writes()).toEqual([]);
    expect(github.comments).toEqual([]);
  });

  it('with create: false, still updates an existing comment', async () => {
    const ours = github.addComment(7, `${marker}\nregressed`, BOT);

    const outcome = await publisher.upsert(target, 'fixed', { create: false });

    expect(outcome).toEqual({ action: 'updated', url: ours.html_url });
    expect(ours.body).toBe(`${marker}\nfixed`);
  });

  it('reports a read-only token as forbidden instead of failing', async () => {
    github.readOnly = true;

    const outcome = await publisher.upsert(target, 'report', { create: true });

    expect(outcome).toEqual({
      action: 'forbidden',
      reason: expect.stringContaining('Resource not accessible by integration'),
    });
    expect(github.comments).toEqual([]);
  });

  it('reports a forbidden update of an existing comment as forbidden too', async () => {
    github.addComment(7, `${marker}\nold`, BOT);
    github.readOnly = true;

    const outcome = await publisher.upsert(target, 'report', { create: true });

    expect(outcome.action).toBe('forbidden');
  });

  it('fails on bad credentials: that is not a read-only token', async () => {
    const client = createGitHubClient('ghp_revoked', { baseUrl: github.url, log });

    const failure = new GitHubCommentPublisher(client, marker).upsert(target, 'report', {
      create: true,
    });
    await expect(failure).rejects.toBeInstanceOf(ServiceError);
    await expect(failure).rejects.toMatchObject({
      message: expect.stringMatching(
        /^Posting the comment on pull request #7 failed: 401 Bad credentials/,
      ),
      hint: 'The github-token was refused: check the github-token input (an expired or revoked token?).',
    });
  });

  it('fails with one message when GitHub keeps answering a server error', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      github.failures.push({
        method: 'POST',
        pathPattern: /\/comments$/,
        status: 503,
        message: 'Service Unavailable',
      });
    }

    await expect(publisher.upsert(target, 'report', { create: true })).rejects.toMatchObject({
      name: 'ServiceError',
      message: 'Posting the comment on pull request #7 failed: 503 Service Unavailable',
      hint: 'The service may be having trouble: re-run the job later (https://www.githubstatus.com).',
    });
  });

  it('retries a transient server error', async () => {
    github.failures.push({
      method: 'POST',
      pathPattern: /\/comments$/,
      status: 502,
      message: 'Bad Gateway',
    });

    const outcome = await publisher.upsert(target, 'report', { create: true });

    expect(outcome.action).toBe('created');
    const creates = github.requests.filter(
      (request) => request.method === 'POST' && request.path.endsWith('/comments'),
    );
    expect(creates).toHaveLength(2);
  });

  it('waits out a primary rate limit and says so', async () => {
    github.failures.push({
      method: 'GET',
      pathPattern: /\/comments$/,
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
      },
      message: 'API rate limit exceeded',
    });

    const outcome = await publisher.upsert(target, 'report', { create: true });

    expect(outcome.action).toBe('created');
    expect(log.lines).toEqual([
      expect.stringMatching(
        /^warning: GitHub's primary rate limit hit by GET .*\/issues\/7\/comments.*: retrying in \d+s$/,
      ),
    ]);
  });

  it('gives up on a secondary rate limit after a bounded number of retries', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      github.failures.push({
        method: 'POST',
        pathPattern: /\/comments$/,
        status: 403,
        headers: { 'retry-after': '1' },
        message: 'You have exceeded a secondary rate limit',
      });
    }

    // A rate limit is a 403 as well, but not a read-only token: after the retries it fails.
    await expect(publisher.upsert(target, 'report', { create: true })).rejects.toMatchObject({
      name: 'ServiceError',
      message: expect.stringMatching(
        /^Posting the comment on pull request #7 failed: 403 You have exceeded a secondary rate limit/,
      ),
      hint: "GitHub's rate limit was still reached after the retries: re-run the job later.",
    });
    expect(log.lines.filter((line) => line.includes('secondary rate limit'))).toEqual([
      expect.stringMatching(/retrying in 1s$/),
      expect.stringMatching(/retrying in 1s$/),
      expect.stringMatching(/giving up after 2 retries$/),
    ]);
  });
});
