/**
 * A fake GitHub REST API on 127.0.0.1, faithful to what the action uses: issue comments (list
 * with Link-header pagination, create, update), a pull request's head commit, GraphQL `viewer`,
 * GitHub's error shapes, and switches for a read-only token, injected failures and rate limits. Every request is recorded.
 *
 * Other fake routes (e.g. the artifact downloads of the fake Actions services) are mounted
 * through `routes`, tried in order before the built-in ones and before the token check: each
 * returns true when it answered the request. The request body has been read (and recorded) by
 * then, so mounted routes serve body-less requests such as GETs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/repos/o/r/issues/7/comments`. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  /** The parsed JSON body, when there is one. */
  body: unknown;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
  html_url: string;
}

export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => boolean | Promise<boolean>;

/** A response given instead of the normal one, to the next request matching `method path`. */
export interface InjectedFailure {
  method: string;
  pathPattern: RegExp;
  status: number;
  headers?: Record<string, string>;
  message: string;
}

export interface GitHubApiServerOptions {
  /** The token the fake accepts; any other gets 401 Bad credentials. */
  token: string;
  /** The account the token belongs to (`viewer` in GraphQL, author of created comments). */
  viewer: { login: string; type: 'User' | 'Bot' };
  /** Page size cap, as GitHub's `per_page` maximum (100); lower it to test pagination. */
  maxPerPage?: number;
  routes?: RouteHandler[];
}

export interface GitHubApiServer {
  /** The API root, for GITHUB_API_URL. */
  url: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  /**
   * Head commit of each pull request, by number, for `GET /repos/{owner}/{repo}/pulls/{number}`;
   * any other number answers 404.
   */
  pullRequestHeads: Map<number, string>;
  /** When true, writes answer 403 "Resource not accessible by integration" (fork tokens). */
  readOnly: boolean;
  /** Consumed in order, one per matching request. */
  failures: InjectedFailure[];
  /** Adds a comment as if someone else had posted it. */
  addComment(issueNumber: number, body: string, user: FakeComment['user']): FakeComment;
  close(): Promise<void>;
}

const FORBIDDEN = 'Resource not accessible by integration';

export async function startGitHubApiServer(
  options: GitHubApiServerOptions,
): Promise<GitHubApiServer> {
  const maxPerPage = options.maxPerPage ?? 100;
  let nextCommentId = 1000;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sendJson(response, 500, { message: `fake GitHub API: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const state: GitHubApiServer = {
    url,
    requests: [],
    comments: [],
    pullRequestHeads: new Map(),
    readOnly: false,
    failures: [],
    addComment(issueNumber, body, user) {
      const id = nextCommentId++;
      const comment = { id, issueNumber, body, user, html_url: commentUrl(issueNumber, id) };
      state.comments.push(comment);
      return comment;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };

  function commentUrl(issueNumber: number, id: number): string {
    return `https://github.example/owner/repo/pull/${issueNumber}#issuecomment-${id}`;
  }

  function toJson(comment: FakeComment) {
    return {
      id: comment.id,
      body: comment.body,
      user: comment.user,
      html_url: comment.html_url,
      issue_url: `${url}/repos/owner/repo/issues/${comment.issueNumber}`,
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestUrl = new URL(request.url ?? '/', url);
    const text = await readBody(request);
    const method = request.method ?? 'GET';
    state.requests.push({
      method,
      path: requestUrl.pathname,
      query: requestUrl.searchParams,
      authorization: request.headers.authorization,
      body: text === '' ? undefined : JSON.parse(text),
    });

    for (const route of options.routes ?? []) {
      if (await route(request, response, requestUrl)) return;
    }
    if (request.headers.authorization !== `token ${options.token}`) {
      sendJson(response, 401, { message: 'Bad credentials' });
      return;
    }
    const failureIndex = state.failures.findIndex(
      (failure) => failure.method === method && failure.pathPattern.test(requestUrl.pathname),
    );
    if (failureIndex >= 0) {
      const [failure] = state.failures.splice(failureIndex, 1);
      if (failure) {
        sendJson(response, failure.status, { message: failure.message }, failure.headers);
        return;
      }
    }

    if (method === 'POST' && requestUrl.pathname === '/graphql') {
      const query = (JSON.parse(text) as { query: string }).query;
      if (/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
        sendJson(response, 200, { data: { viewer: { login: options.viewer.login } } });
      } else {
        sendJson(response, 200, { errors: [{ message: `fake GitHub API: unsupported ${query}` }] });
      }
      return;
    }

    const list = requestUrl.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/);
    if (list && method === 'GET') {
      const issueNumber = Number(list[1]);
      const perPage = Math.min(Number(requestUrl.searchParams.get('per_page') ?? 30), maxPerPage);
      const page = Number(requestUrl.searchParams.get('page') ?? 1);
      const all = state.comments.filter((comment) => comment.issueNumber === issueNumber);
      const lastPage = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < lastPage) {
        const link = (target: number) => {
          const next = new URL(requestUrl);
          next.searchParams.set('page', String(target));
          return next.toString();
        };
        headers.link = `<${link(page + 1)}>; rel="next", <${link(lastPage)}>; rel="last"`;
      }
      const slice = all.slice((page - 1) * perPage, page * perPage);
      sendJson(response, 200, slice.map(toJson), headers);
      return;
    }
    if (list && method === 'POST') {
      if (state.readOnly) return sendJson(response, 403, { message: FORBIDDEN });
      const { body } = JSON.parse(text) as { body: string };
      const comment = state.addComment(Number(list[1]), body, options.viewer);
      sendJson(response, 201, toJson(comment));
      return;
    }

    const pull = requestUrl.pathname.match(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/);
    if (pull && method === 'GET') {
      const number = Number(pull[1]);
      const sha = state.pullRequestHeads.get(number);
      if (sha === undefined) return sendJson(response, 404, { message: 'Not Found' });
      sendJson(response, 200, { number, state: 'open', head: { sha } });
      return;
    }

    const single = requestUrl.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/);
    if (single && method === 'PATCH') {
      if (state.readOnly) return sendJson(response, 403, { message: FORBIDDEN });
      const comment = state.comments.find((candidate) => candidate.id === Number(single[1]));
      if (!comment) return sendJson(response, 404, { message: 'Not Found' });
      if (comment.user.login !== options.viewer.login) {
        return sendJson(response, 403, { message: 'You cannot edit this comment' });
      }
      comment.body = (JSON.parse(text) as { body: string }).body;
      sendJson(response, 200, toJson(comment));
      return;
    }

    sendJson(response, 404, { message: `Not Found (fake GitHub API has no ${method} route)` });
  }

  return state;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
