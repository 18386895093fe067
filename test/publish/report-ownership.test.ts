import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, ServiceError } from '../../src/errors.js';
import { createGitHubClient } from '../../src/publish/github-client.js';
import { pullRequestHeadShaFrom } from '../../src/publish/report-ownership.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';
import { memoryLogger } from '../support/memory-logger.js';

const TOKEN = 'ghs_fakeInstallationToken';
const HEAD_SHA = 'a'.repeat(40);
const repository = { owner: 'owner', repo: 'repo' };

let github: GitHubApiServer;
let headSha: (prNumber: number) => Promise<string>;

beforeEach(async () => {
  github = await startGitHubApiServer({
    token: TOKEN,
    viewer: { login: 'github-actions[bot]', type: 'Bot' },
  });
  github.pullRequestHeads.set(17, HEAD_SHA);
  const client = createGitHubClient(TOKEN, {
    baseUrl: github.url,
    log: memoryLogger(),
    retryUnitMs: 10,
  });
  headSha = pullRequestHeadShaFrom(client, repository);
});

afterEach(async () => {
  await github.close();
});

describe('pullRequestHeadShaFrom', () => {
  it("answers a pull request's head commit", async () => {
    expect(await headSha(17)).toBe(HEAD_SHA);
  });

  it('says that the report names a pull request that does not exist', async () => {
    const lookup = headSha(99);
    await expect(lookup).rejects.toBeInstanceOf(InputError);
    await expect(lookup).rejects.toThrow(
      'The report artifact names pull request #99, which does not exist in owner/repo; it is not published.',
    );
  });

  it('says what failed when GitHub keeps failing', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      github.failures.push({
        method: 'GET',
        pathPattern: /\/pulls\/17$/,
        status: 500,
        message: 'Internal Server Error',
      });
    }
    const lookup = headSha(17);
    await expect(lookup).rejects.toBeInstanceOf(ServiceError);
    await expect(lookup).rejects.toThrow(
      'Looking up pull request #17 failed: 500 Internal Server Error',
    );
  });
});
