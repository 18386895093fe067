/**
 * The GitHub REST/GraphQL client: @actions/github's Octokit with retries of transient failures
 * and GitHub's rate limits respected, each retried a bounded number of times.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../system/logger.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

interface GitHubClientOptions {
  /** The REST API root, e.g. `https://api.github.com` (GITHUB_API_URL). */
  baseUrl: string;
  log: Logger;
  /** The unit of the waits between retries of a failed request, in ms; default 1000. */
  retryUnitMs?: number;
}

/** How many times a rate-limited request is retried before it fails. */
const RATE_LIMIT_RETRIES = 2;

export function createGitHubClient(token: string, options: GitHubClientOptions): GitHubClient {
  const { baseUrl, log } = options;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _client: unknown,
      retryCount: number,
    ) => {
      const what = `GitHub's ${kind} rate limit hit by ${request.method} ${request.url}`;
      if (retryCount < RATE_LIMIT_RETRIES) {
        log.warn(`${what}: retrying in ${retryAfter}s`);
        return true;
      }
      log.warn(`${what}: giving up after ${retryCount} retries`);
      return false;
    };
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { retries: 3, retryAfterBaseValue: options.retryUnitMs ?? 1000 },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    },
    retry,
    throttling,
  );
}
