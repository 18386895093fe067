/**
 * Whose report a downloaded artifact is: the pull request it names must agree with the run
 * GitHub says produced it.
 */
import { InputError } from '../errors.js';
import type { GitHubClient } from './github-client.js';
import { httpStatus, serviceFailure } from './service-errors.js';

/** The part of the `workflow_run` event payload's `workflow_run` object that the check reads. */
export interface TriggeringRun {
  head_sha: string;
  /** Empty when the pull request comes from a fork: GitHub only lists same-repository ones. */
  pull_requests: { number: number }[];
}

/**
 * The pull request a downloaded report may be published on. The report names one, but it was
 * written by pull-request code, so the number must agree with the run GitHub says produced it:
 * the measured commit must be the run's head commit, and the pull request must be one of the
 * run's, or (for forks, which the payload does not list) one whose head is that commit now.
 * `pullRequestHeadSha` looks up a pull request's current head commit (REST `pulls.get`).
 */
export async function verifyReportPullRequest(
  run: TriggeringRun,
  report: { prNumber: number; headSha: string },
  pullRequestHeadSha: (prNumber: number) => Promise<string>,
): Promise<number> {
  const { prNumber, headSha } = report;
  if (headSha !== run.head_sha) {
    throw new InputError(
      `The report artifact claims to measure commit ${headSha}, but the workflow run that uploaded it ran on ${run.head_sha}; it is not published.`,
    );
  }
  if (run.pull_requests.length > 0) {
    const numbers = run.pull_requests.map((pr) => pr.number);
    if (!numbers.includes(prNumber)) {
      throw new InputError(
        `The report artifact names pull request #${prNumber}, but the workflow run that uploaded it belongs to ${numbers.map((n) => `#${n}`).join(', ')}; it is not published.`,
      );
    }
    return prNumber;
  }
  const currentHead = await pullRequestHeadSha(prNumber);
  if (currentHead !== run.head_sha) {
    throw new InputError(
      `The report artifact names pull request #${prNumber}, whose head is ${currentHead}, not the measured commit ${run.head_sha}; it is not published.`,
      'If the pull request was updated since, the run for its new head will publish a report.',
    );
  }
  return prNumber;
}

/**
 * `pullRequestHeadSha` over the REST API (`pulls.get`): a pull request that does not exist is the
 * report's fault, said as such; any other failure is the service's.
 */
export function pullRequestHeadShaFrom(
  github: GitHubClient,
  repository: { owner: string; repo: string },
): (prNumber: number) => Promise<string> {
  return async (prNumber) => {
    try {
      const { data } = await github.rest.pulls.get({ ...repository, pull_number: prNumber });
      return data.head.sha;
    } catch (error) {
      if (httpStatus(error) === 404) {
        throw new InputError(
          `The report artifact names pull request #${prNumber}, which does not exist in ${repository.owner}/${repository.repo}; it is not published.`,
          'A report names the pull request it measured; this one was not written by a mode: measure run of this repository.',
        );
      }
      throw serviceFailure(`Looking up pull request #${prNumber}`, error, 'pull-requests: read');
    }
  };
}
