/**
 * The run the action is part of: the event that triggered it and where it runs, read from the
 * runner's environment and the event payload (GITHUB_EVENT_PATH) into one typed object.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { InputError } from '../errors.js';
import {
  isJsonObject,
  type JsonObject,
  parseJson,
  StrictJsonReader,
} from '../system/strict-json.js';

export interface PullRequestContext {
  number: number;
  /** The tip of the base branch when the event fired: the commit to compare against. */
  baseSha: string;
  headSha: string;
  /** Opened from another repository: its token is read-only, so it cannot comment. */
  fromFork: boolean;
  /** The names of its labels when the event fired (a label added later re-runs `labeled`). */
  labels: string[];
}

/** A `merge_group` event: the queued commit, tested against the commit it will land on. */
export interface MergeGroupContext {
  /** The tip of the target branch the queued changes are merged onto: the commit to compare against. */
  baseSha: string;
  /** The queued merge commit: the commit checked out and measured. */
  headSha: string;
}

/** The run that triggered a `workflow_run` event: where the report phase finds the artifact. */
export interface TriggeringRun {
  id: number;
  /** The event of the triggering run, e.g. `pull_request`. */
  event: string;
  headSha: string;
  /** The pull requests GitHub associates with it; empty for pull requests from forks. */
  pullRequests: { number: number }[];
}

export interface RunContext {
  eventName: string;
  /** The commit checked out and measured (for pull requests, GitHub's merge commit). */
  sha: string;
  ref: string;
  owner: string;
  repo: string;
  /** The repository's default branch, when the payload carries it. */
  defaultBranch: string | undefined;
  pullRequest: PullRequestContext | undefined;
  mergeGroup: MergeGroupContext | undefined;
  triggeringRun: TriggeringRun | undefined;
  workflow: string;
  job: string;
  runId: number;
  serverUrl: string;
  apiUrl: string;
  /** The checkout: where relative paths such as `working-directory` start. */
  workspace: string;
  /** A directory private to this job, emptied after it. */
  tempDir: string;
  /** `Linux`, `macOS` or `Windows`. */
  runnerOs: string;
}

/** The commit the run compares with: a pull request's base, or a merge queue's; none on a push. */
export function comparedBase(context: RunContext): string | undefined {
  return context.pullRequest?.baseSha ?? context.mergeGroup?.baseSha;
}

type Payload = JsonObject;

/** Every value the run context needs from the payload is refused in the same words. */
const payload = new StrictJsonReader(
  (path) => new InputError(`The event payload has no valid '${path}'`),
);

/** Reads the run from the runner's environment. */
export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const eventName = required(env, 'GITHUB_EVENT_NAME');
  const payload = readPayload(required(env, 'GITHUB_EVENT_PATH'));
  const [owner, repo, ...rest] = required(env, 'GITHUB_REPOSITORY').split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new InputError(
      `GITHUB_REPOSITORY is '${env.GITHUB_REPOSITORY}', not 'owner/repo': is this a GitHub Actions run?`,
    );
  }
  return {
    eventName,
    sha: required(env, 'GITHUB_SHA'),
    ref: env.GITHUB_REF ?? '',
    owner,
    repo,
    defaultBranch: optionalString(field(payload, 'repository'), 'default_branch'),
    pullRequest: readPullRequest(eventName, payload),
    mergeGroup: readMergeGroup(eventName, payload),
    triggeringRun: readTriggeringRun(eventName, payload),
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? tmpdir(),
    runnerOs: env.RUNNER_OS ?? 'Linux',
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) {
    throw new InputError(
      `${name} is not set: rust-perf-action runs as a step of a GitHub Actions job ` +
        '(locally, use the rust-perf command line instead).',
    );
  }
  return value;
}

function readPayload(path: string): Payload {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`Cannot read the event payload ${path}: ${(error as Error).message}`);
  }
  const parsed = parseJson(
    text,
    (reason) => new InputError(`Cannot read the event payload ${path}: ${reason}`),
  );
  if (!isJsonObject(parsed)) throw new InputError(`The event payload ${path} is not a JSON object`);
  return parsed;
}

function readPullRequest(eventName: string, event: Payload): PullRequestContext | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined;
  const pullRequest = field(event, 'pull_request');
  const base = field(pullRequest, 'base');
  const head = field(pullRequest, 'head');
  const baseRepo = optionalString(field(base, 'repo'), 'full_name');
  const headRepo = optionalString(field(head, 'repo'), 'full_name');
  return {
    number: requiredNumber(pullRequest, 'number', 'pull_request.number'),
    baseSha: requiredString(base, 'sha', 'pull_request.base.sha'),
    headSha: requiredString(head, 'sha', 'pull_request.head.sha'),
    // A deleted fork has no head repository: still not this repository.
    fromFork: baseRepo !== headRepo,
    labels: readLabels(pullRequest),
  };
}

function readLabels(pullRequest: Payload | undefined): string[] {
  const labels = pullRequest?.labels;
  if (labels === undefined) return [];
  if (!Array.isArray(labels))
    throw new InputError("The event payload has no valid 'pull_request.labels'");
  return labels.map((label, index) =>
    requiredString(
      isJsonObject(label) ? label : undefined,
      'name',
      `pull_request.labels[${index}].name`,
    ),
  );
}

function readMergeGroup(eventName: string, event: Payload): MergeGroupContext | undefined {
  if (eventName !== 'merge_group') return undefined;
  const group = field(event, 'merge_group');
  return {
    baseSha: requiredString(group, 'base_sha', 'merge_group.base_sha'),
    headSha: requiredString(group, 'head_sha', 'merge_group.head_sha'),
  };
}

function readTriggeringRun(eventName: string, event: Payload): TriggeringRun | undefined {
  if (eventName !== 'workflow_run') return undefined;
  const run = field(event, 'workflow_run');
  const pullRequests = Array.isArray(run?.pull_requests) ? run.pull_requests : [];
  return {
    id: requiredNumber(run, 'id', 'workflow_run.id'),
    event: requiredString(run, 'event', 'workflow_run.event'),
    headSha: requiredString(run, 'head_sha', 'workflow_run.head_sha'),
    pullRequests: pullRequests.filter(isJsonObject).map((pullRequest) => ({
      number: requiredNumber(pullRequest, 'number', 'workflow_run.pull_requests[].number'),
    })),
  };
}

/** The object at `name`, or undefined: the payload leaves out what does not apply. */
function field(record: Payload | undefined, name: string): Payload | undefined {
  const value = record?.[name];
  return isJsonObject(value) ? value : undefined;
}

function optionalString(record: Payload | undefined, name: string): string | undefined {
  const value = record?.[name];
  return typeof value === 'string' ? value : undefined;
}

function requiredString(record: Payload | undefined, name: string, path: string): string {
  return payload.expect(
    record?.[name],
    path,
    (value) => typeof value === 'string' && value !== '',
    'a string',
  );
}

function requiredNumber(record: Payload | undefined, name: string, path: string): number {
  return payload.integer(record?.[name], path);
}
