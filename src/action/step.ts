/**
 * The shapes the action's flow passes around: one step with what it may touch, what it
 * concluded, and the parts of main's flow that the sharded modes (a leg, the merge) reuse.
 */
import type { Comparison } from '../compare/comparison.js';
import type { PullRequestContext, RunContext } from '../inputs/context.js';
import type { ActionSettings } from '../inputs/settings.js';
import type { MeasureSettings, ShardSelection } from '../measure/measure.js';
import type { ProfileDocument } from '../profile/profile.js';
import type { MarkdownOptions } from '../report/markdown.js';
import type { ProcessDeps } from '../system/process.js';
import type { ActionDeps, ActionServices } from './deps.js';
import type { GateLimits } from './gate-limits.js';

/** What the step concluded: its outputs, and the comparison still to deliver, if any. */
export interface Outcome {
  regressed: boolean;
  /** The label that accepted the regressions: `fail-on-regression` then passes. */
  acceptedBy?: string;
  summary: string;
  reportJson?: string;
  baselineSha?: string;
  commentUrl?: string;
  flameGraphsUrl?: string;
  /** A comparison to post as the comment, or to upload in `measure` mode. */
  delivery?: Delivery;
  /** Fails the step with this message once everything is published (an incomplete merge). */
  failure?: string;
}

export interface Delivery {
  comparison: Comparison;
  json: string;
  pullRequest: Pick<PullRequestContext, 'number' | 'headSha'>;
  repository: MarkdownOptions['repository'];
  /** Said above the comparison, in the comment and the summary alike. */
  warnings?: string[];
  /** The uploaded flame graphs, linked from the comment as from the summary. */
  flameGraphs?: MarkdownOptions['flameGraphs'];
}

/** Both sides of a comparison, for the flame graphs of the benchmarks that moved. */
export interface ComparedProfiles {
  base: ProfileDocument;
  head: ProfileDocument;
}

/** One step of the action: its settings, its event, and what it may touch. */
export interface ActionStep {
  settings: ActionSettings;
  context: RunContext;
  services: ActionServices;
  deps: ActionDeps;
  /** The environment of every child process: no inputs, no credentials. */
  childEnv: Record<string, string>;
  processDeps: ProcessDeps;
  /** A leg of a sharded matrix measures this share, of the head and of the base alike. */
  shard?: ShardSelection;
}

/** The parts of the unsharded flow that a leg and the merge job go through as well. */
export interface StepFlow {
  measureSettings(
    step: ActionStep,
    side: 'head' | 'base',
    commit: string | undefined,
  ): MeasureSettings;
  /** The commit the workspace has checked out, or undefined when git cannot tell. */
  checkedOutCommit(step: ActionStep): Promise<string | undefined>;
  /** Measures the base commit in a temporary worktree, fetching it first if it is missing. */
  measureBase(step: ActionStep, baseSha: string): Promise<ProfileDocument>;
  /** The limits of the base commit's rust-perf.toml, and a note when the head's differs. */
  baseLimits(step: ActionStep, baseSha: string): Promise<GateLimits>;
  /** A whole profile of a run without a pull request: saved as the baseline when allowed. */
  recordProfile(step: ActionStep, head: ProfileDocument, identity: string): Promise<Outcome>;
  /** No base to compare with: said in a notice and the job summary. */
  noBaseline(step: ActionStep, baseSha: string): Promise<Outcome>;
  publishComparison(
    step: ActionStep,
    comparison: Comparison,
    /** Absent for a merge group: no comment, no artifact. */
    pullRequest: Pick<PullRequestContext, 'number' | 'headSha'> | undefined,
    warnings?: string[],
    profiles?: ComparedProfiles,
  ): Promise<Outcome>;
}
