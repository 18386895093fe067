/**
 * The sticky pull-request comment: one per workflow and job, found again by a hidden marker,
 * created once and updated in place on every later run.
 */
import type { GitHubClient } from './github-client.js';
import { httpStatus, isRateLimit, serviceFailure } from './service-errors.js';

export interface CommentTarget {
  owner: string;
  repo: string;
  /** The pull request's number (pull requests are issues to the comments API). */
  issueNumber: number;
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; url: string }
  /** No comment exists and `create` was false. */
  | { action: 'skipped' }
  /** The token may not comment (read-only, as on pull requests from forks). */
  | { action: 'forbidden'; reason: string };

export interface CommentPublisher {
  /**
   * Replaces the body of this job's comment on the pull request, or creates the comment when
   * there is none and `create` is true.
   */
  upsert(
    target: CommentTarget,
    body: string,
    options: { create: boolean },
  ): Promise<CommentOutcome>;
}

/**
 * The hidden first line that identifies the comment of one workflow's job. The legs of a matrix
 * share the job's id, so what the leg measures (working directory, cache key prefix) is part of
 * it too: each leg keeps its own comment instead of overwriting another's.
 */
export function stickyCommentMarker(
  workflow: string,
  job: string,
  measured: { workingDirectory: string; cacheKeyPrefix: string },
): string {
  // Encoded so that no name can close the HTML comment early.
  const parts = [workflow, job, measured.workingDirectory, measured.cacheKeyPrefix];
  return `<!-- rust-perf-action:${parts.map(encodeURIComponent).join(':')} -->`;
}

/**
 * Whether a GitHub API error means "this token may not do that": a read-only token gets 403
 * "Resource not accessible by integration", or 404 where it may not even see the repository.
 * A rate limit is a 403 as well, but a failure, not a permission.
 */
function isPermissionError(error: unknown): error is { status: number; message: string } {
  const status = httpStatus(error);
  return (status === 403 || status === 404) && !isRateLimit(error);
}

export class GitHubCommentPublisher implements CommentPublisher {
  private login: Promise<string> | undefined;

  constructor(
    private readonly client: GitHubClient,
    private readonly marker: string,
  ) {}

  async upsert(
    target: CommentTarget,
    body: string,
    options: { create: boolean },
  ): Promise<CommentOutcome> {
    const markedBody = `${this.marker}\n${body}`;
    const request = { owner: target.owner, repo: target.repo };
    try {
      const existing = await this.find(target);
      if (existing !== undefined) {
        const { data } = await this.client.rest.issues.updateComment({
          ...request,
          comment_id: existing,
          body: markedBody,
        });
        return { action: 'updated', url: data.html_url };
      }
      if (!options.create) return { action: 'skipped' };
      const { data } = await this.client.rest.issues.createComment({
        ...request,
        issue_number: target.issueNumber,
        body: markedBody,
      });
      return { action: 'created', url: data.html_url };
    } catch (error) {
      if (isPermissionError(error)) return { action: 'forbidden', reason: error.message };
      throw serviceFailure(
        `Posting the comment on pull request #${target.issueNumber}`,
        error,
        'pull-requests: write',
      );
    }
  }

  /** The id of this job's comment: the oldest one by the token's account carrying the marker. */
  private async find(target: CommentTarget): Promise<number | undefined> {
    const login = await this.authenticatedLogin();
    const pages = this.client.paginate.iterator(this.client.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: 100,
    });
    for await (const page of pages) {
      // Anyone can paste the marker into a comment: only our own account's count.
      const match = page.data.find(
        (comment) => comment.user?.login === login && comment.body?.startsWith(this.marker),
      );
      if (match) return match.id;
    }
    return undefined;
  }

  /**
   * The login of the token's account. `GET /user` refuses installation tokens such as the
   * workflow's GITHUB_TOKEN; GraphQL's `viewer` answers for every kind of token
   * (`github-actions[bot]` for GITHUB_TOKEN, as the REST API spells comment authors).
   */
  private authenticatedLogin(): Promise<string> {
    this.login ??= this.client
      .graphql<{ viewer: { login: string } }>('query { viewer { login } }')
      .then((result) => result.viewer.login);
    return this.login;
  }
}
