/**
 * Everything the action's flow touches, given rather than reached for, so that the same flow
 * runs on a runner (productionDeps) and in tests with fakes.
 */

import type { RunContext } from '../inputs/context.js';
import type { ActionSettings, InputSource } from '../inputs/settings.js';
import type { MeasureSettings } from '../measure/measure.js';
import type { RevisionDeps } from '../measure/measure-revision.js';
import type { Fingerprint, ProfileDocument } from '../profile/profile.js';
import type { ReportArtifacts } from '../publish/artifact.js';
import type { BaselineStore } from '../publish/baseline-cache.js';
import type { CommentPublisher } from '../publish/comment.js';
import type { FlameGraphArtifacts } from '../publish/flame-graph-artifact.js';
import type { ShardArtifacts } from '../publish/shard-artifacts.js';
import type { Git, GitOptions } from '../system/git.js';
import type { Logger } from '../system/logger.js';
import type { ProcessDeps, ProcessRunner } from '../system/process.js';

/** The outputs declared in action.yml. */
export type ActionOutput =
  | 'regressed'
  | 'report-json'
  | 'comment-url'
  | 'baseline-sha'
  | 'summary'
  | 'flame-graphs-url';

/** Where the step's results go: outputs, the job summary, the step's status. */
interface ActionResults {
  setOutput(name: ActionOutput, value: string): void;
  /** Masks a value in every later log line. */
  setSecret(value: string): void;
  /** A notice annotation: shown on the run's page, not a failure. */
  notice(message: string): void;
  /** Appends Markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
  /** Marks the step failed with one message; the flow carries on to its end. */
  setFailed(message: string): void;
}

/** Measuring, as src/measure does it; tests stand in for the real cargo and valgrind. */
interface Profiler {
  /** The fingerprint `measure` will record, found without running any of the package's code. */
  fingerprint(settings: MeasureSettings, deps: ProcessDeps): Promise<Fingerprint>;
  measure(settings: MeasureSettings, deps: ProcessDeps): Promise<ProfileDocument>;
  measureRevision(
    ref: string,
    settings: MeasureSettings,
    deps: RevisionDeps,
  ): Promise<ProfileDocument>;
}

/** The GitHub and Actions services, which need the settings (token, cache prefix) to exist. */
export interface ActionServices {
  baselines: BaselineStore;
  artifacts: ReportArtifacts;
  /** The shards of a sharded matrix: a leg uploads one, the merge job downloads them all. */
  shards: ShardArtifacts;
  /** The differential flame graphs of a pull request's run, as one artifact of the run. */
  flameGraphs: FlameGraphArtifacts;
  comments: CommentPublisher;
  /** The current head commit of a pull request, to check a downloaded report against. */
  pullRequestHeadSha(prNumber: number): Promise<string>;
}

export interface ActionDeps {
  inputs: InputSource;
  /** The runner's environment: the run context is read from it, children get a scrubbed copy. */
  env: NodeJS.ProcessEnv;
  log: Logger;
  results: ActionResults;
  processes: ProcessRunner;
  /** The git repository of the checkout, to fetch a base commit a shallow clone lacks. */
  openRepository(options: GitOptions): Git;
  profiler: Profiler;
  platform: NodeJS.Platform;
  /** Whether this process runs as root, so that installing a package needs no sudo. */
  isRoot: boolean;
  /** Aborted when the runner cancels the job, so that temporary worktrees are removed. */
  signal?: AbortSignal;
  connect(settings: ActionSettings, context: RunContext): ActionServices;
}
