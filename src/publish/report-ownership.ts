/**
 * Whose report a downloaded artifact is: the pull request it names must agree with the run
 * GitHub says produced it.
 */
import { InputError } from '../errors.js';

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
