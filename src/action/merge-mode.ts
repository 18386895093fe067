/**
 * `mode: merge`, in the job that `needs:` a sharded matrix: it downloads every shard artifact of
 * its own run, checks that they are the shards of one measurement against one base, merges the
 * heads (and the bases) into whole profiles and publishes once, as an unsharded run would: the
 * comment (on a pull request; a merge group has none), the job summary, the outputs, the gate
 * with the base's rust-perf.toml, the baseline on a trusted push. A shard that
 * uploaded nothing is named in the comment and fails the step, and nothing is saved.
 */
import { compareProfiles } from '../compare/compare.js';
import { GitError, InputError } from '../errors.js';
import { comparedBase } from '../inputs/context.js';
import { LIMITS_FILE } from '../inputs/limits-file.js';
import { shardName } from '../inputs/shard.js';
import { fingerprintHash } from '../profile/identity.js';
import { type MergedProfile, mergeShardProfiles } from '../profile/merge.js';
import type { ProfileDocument } from '../profile/profile.js';
import type { DownloadedShard } from '../publish/shard-artifacts.js';
import { plural } from '../report/format.js';
import type { GateLimits } from './gate-limits.js';
import type { ActionStep, Outcome, StepFlow } from './step.js';

const SAME_RUN_HINT =
  'Merge the legs of one matrix of this run: each with `shard: K/N`, the same inputs and the ' +
  'same cache-key-prefix as the merge job, on the same event.';

export async function mergeShards(step: ActionStep, flow: StepFlow): Promise<Outcome> {
  const { settings, context, services, deps } = step;
  const shards = await services.shards.downloadAll(context.runId);
  const [first] = shards;
  if (first === undefined) {
    throw new InputError(
      `Workflow run ${context.runId} has no ${settings.cacheKeyPrefix}-shard-K-of-N artifact: no leg of the matrix uploaded its share.`,
      `mode: merge runs in a job that \`needs:\` the legs and \`if: \${{ !cancelled() }}\`; see the legs for why they uploaded nothing. ${SAME_RUN_HINT}`,
    );
  }
  checkAgreement(step, shards);
  const head = mergeShardProfiles(
    shards.map((shard) => ({ profile: shard.head, source: shard.source })),
  );
  const identity = first.identity;
  if (!identity.startsWith(`${fingerprintHash(head.profile.fingerprint)}-`)) {
    throw new InputError(
      `Cannot merge ${first.source}: its baseline identity ${identity} is not that of the conditions it was measured under.`,
      SAME_RUN_HINT,
    );
  }
  const incomplete = missingShards(head);
  deps.log.info(
    `Merged ${plural(shards.length, 'shard')} of ${head.count}: ${plural(head.profile.benchmarks.length, 'benchmark')}.`,
  );
  const pullRequest = context.pullRequest;
  const baseSha = comparedBase(context);
  if (baseSha === undefined) {
    if (incomplete === undefined) return flow.recordProfile(step, head.profile, identity);
    await deps.results.appendSummary(`### rust-perf\n\n> [!WARNING]\n> ${incomplete.warning}\n`);
    return { regressed: false, summary: incomplete.summary, failure: incomplete.failure };
  }
  const base = mergedBase(shards);
  let outcome: Outcome;
  if (base === undefined) {
    outcome = await flow.noBaseline(step, baseSha);
  } else {
    const { limits, note } = await mergeLimits(step, baseSha, flow);
    outcome = await flow.publishComparison(
      step,
      compareProfiles(base, head.profile, {
        threshold: settings.threshold,
        functionThreshold: settings.functionThreshold,
        allocationThreshold: settings.allocationThreshold,
        ...(limits === undefined ? {} : { limits }),
      }),
      pullRequest,
      [incomplete?.warning, note].filter((warning) => warning !== undefined),
      { base, head: head.profile },
    );
  }
  if (incomplete === undefined) return outcome;
  return {
    ...outcome,
    summary: `${incomplete.summary}; ${outcome.summary}`,
    failure: incomplete.failure,
  };
}

/**
 * The base commit's rust-perf.toml, read by this job from its own checkout: the legs ran the
 * code under test, so limits they uploaded could have been loosened by it. Without a checkout
 * (the job needs none to merge) there is no file to read, and that is said in the log.
 */
async function mergeLimits(step: ActionStep, baseSha: string, flow: StepFlow): Promise<GateLimits> {
  const { context, deps } = step;
  try {
    await deps.openRepository({ cwd: context.workspace, env: step.childEnv }).topLevel();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    deps.log.info(
      `This job has no checkout, so no ${LIMITS_FILE} is read: check out the repository in the merge job to hold the merged comparison to the base's limits.`,
    );
    return {};
  }
  return flow.baseLimits(step, baseSha);
}

/** The shards were measured for this event, of this commit, against one base, cut alike. */
function checkAgreement(step: ActionStep, shards: readonly DownloadedShard[]): void {
  const { context } = step;
  const refuse = (shard: DownloadedShard, reason: string) => {
    throw new InputError(`Cannot merge ${shard.source}: ${reason}.`, SAME_RUN_HINT);
  };
  const first = shards[0]!;
  const baseSha = comparedBase(context);
  for (const shard of shards) {
    if (shard.headSha !== context.sha) {
      refuse(shard, `it measured commit ${shard.headSha}, but this run is of ${context.sha}`);
    }
    if (shard.baseSha !== baseSha) {
      refuse(
        shard,
        `it was compared with ${shard.baseSha === undefined ? 'no base commit' : `the base commit ${shard.baseSha}`}, but this run's base is ${baseSha ?? 'none (no pull request or merge group)'}`,
      );
    }
    if (shard.prNumber !== context.pullRequest?.number) {
      refuse(
        shard,
        `it belongs to ${shard.prNumber === undefined ? 'no pull request' : `pull request #${shard.prNumber}`}, not to this run's`,
      );
    }
    if (shard.identity !== first.identity) {
      refuse(
        shard,
        `it was measured under other conditions or inputs (baseline identity ${shard.identity}) than ${first.source} (${first.identity})`,
      );
    }
    if (shard.balancedBy !== first.balancedBy) {
      refuse(
        shard,
        `its benchmarks were shared out by ${sharedOutBy(shard)}, those of ${first.source} by ${sharedOutBy(first)}, so some may be measured twice or not at all`,
      );
    }
    if ((shard.base === undefined) !== (first.base === undefined)) {
      refuse(
        shard,
        `it ${shard.base === undefined ? 'has no' : 'has a'} base profile, unlike ${first.source}`,
      );
    }
  }
}

function sharedOutBy(shard: DownloadedShard): string {
  return shard.balancedBy === undefined ? 'count' : `the costs of the baseline ${shard.balancedBy}`;
}

function mergedBase(shards: readonly DownloadedShard[]): ProfileDocument | undefined {
  if (shards[0]?.base === undefined) return undefined;
  return mergeShardProfiles(
    shards.map((shard) => ({ profile: shard.base!, source: `${shard.source} (base)` })),
  ).profile;
}

/** What to say when shards are missing: a warning above the report, the summary, the failure. */
function missingShards(merged: MergedProfile) {
  const { missing, count } = merged;
  if (missing.length === 0) return undefined;
  const names = missing.map((index) => shardName({ index, count })).join(', ');
  const one = missing.length === 1;
  const are = one ? 'Shard' : 'Shards';
  return {
    warning:
      `Incomplete: ${are.toLowerCase()} ${names} of this run uploaded no results (the leg failed, was cancelled or did not run), ` +
      `so the benchmarks ${one ? 'it measures are' : 'they measure are'} not compared here, and no baseline is saved. Re-run the failed jobs.`,
    summary: `incomplete: ${are.toLowerCase()} ${names} missing`,
    failure: `${are} ${names} of this run uploaded no results: the merge is incomplete, and no baseline was saved.`,
  };
}
