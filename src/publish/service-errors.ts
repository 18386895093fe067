/**
 * Failures of the GitHub and Actions services, after their clients' own retries, said as one
 * message with what to do: wait and re-run, or fix the token or the workflow's permissions.
 */
import { ServiceError } from '../errors.js';

/** The HTTP status an Octokit or service error carries, if any. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A rate limit is answered as a 403 or 429, but is a failure to wait out, not a permission. */
export function isRateLimit(error: unknown): boolean {
  const status = httpStatus(error);
  return (status === 403 || status === 429) && /rate limit/i.test(messageOf(error));
}

/**
 * `what` failed: GitHub's own words, and a hint by cause. `permission` names what the
 * workflow's `permissions:` must grant for `what`.
 */
export function serviceFailure(what: string, error: unknown, permission: string): ServiceError {
  const status = httpStatus(error);
  const reason = `${status === undefined ? '' : `${status} `}${messageOf(error)}`;
  const hint = isRateLimit(error)
    ? "GitHub's rate limit was still reached after the retries: re-run the job later."
    : status === 401
      ? 'The github-token was refused: check the github-token input (an expired or revoked token?).'
      : status === 403 || status === 404
        ? `The github-token may not do this: give the job \`permissions: ${permission}\`.`
        : 'The service may be having trouble: re-run the job later (https://www.githubstatus.com).';
  return new ServiceError(`${what} failed: ${reason}`, hint);
}
