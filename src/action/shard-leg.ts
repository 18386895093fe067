/**
 * One leg of a sharded matrix (`shard: K/N`): it measures its share of the bench targets,
 * compares that share with the same share of the base (of a pull request or a merge group), and
 * uploads both profiles as the artifact `<prefix>-shard-K-of-N` for the `mode: merge` job, which
 * alone comments, saves the baseline and gates. Without a base (a push), a leg records the commit
 * checked out, as an unsharded run does, so that the merge job saves a baseline under
 * `GITHUB_SHA` only when every leg measured that commit. The shares are balanced by the costs of
 * the cached baseline (the merged one, under the unsharded identity), restored once after the
 * build tells the conditions: every leg restores the same one, so every leg computes the same
 * assignment, and the base is the leg's share of it. It is restored before the build all the
 * same, from the fingerprint found without building, so that none of a pull request's code has
 * run yet. Without a cached baseline the shares go by count, and a measured base is cut the
 * same way.
 */
import { compareProfiles } from '../compare/compare.js';
import { comparedBase } from '../inputs/context.js';
import { type ShardSpec, shardName } from '../inputs/shard.js';
import type { ShardSelection } from '../measure/measure.js';
import { baselineIdentity, fingerprintHash } from '../profile/identity.js';
import { profileShare } from '../profile/merge.js';
import type { ProfileDocument } from '../profile/profile.js';
import { shardAssignment, targetCosts } from '../profile/shard-assignment.js';
import type { RestoredBaseline } from '../publish/baseline-cache.js';
import { shardArtifactName } from '../publish/shard-artifacts.js';
import { plural, shortCommit } from '../report/format.js';
import type { ActionStep, Outcome, StepFlow } from './step.js';

export async function measureShard(
  step: ActionStep,
  spec: ShardSpec,
  flow: StepFlow,
): Promise<Outcome> {
  const { settings, context, services, deps } = step;
  const pullRequest = context.pullRequest;
  const baseSha = comparedBase(context);
  const baseline = new BaselineOnce(step, baseSha ?? context.sha);
  const selection: ShardSelection = {
    spec,
    // `rebuild` measures the base, which no baseline's costs may cut otherwise than the head.
    ...(settings.baseline === 'rebuild'
      ? {}
      : { costs: (fingerprint) => baseline.costs(fingerprint) }),
  };
  const leg: ActionStep = { ...step, shard: selection };
  // Without a base the merged profile may become GITHUB_SHA's baseline: as an unsharded run, a
  // leg records the commit checked out, and the merge job saves nothing that is not GITHUB_SHA.
  const commit = baseSha === undefined ? await flow.checkedOutCommit(step) : context.sha;
  const headSettings = flow.measureSettings(leg, 'head', commit);
  if (settings.baseline !== 'rebuild') {
    await baseline.costs(await deps.profiler.fingerprint(headSettings, step.processDeps));
  }
  const head = await deps.profiler.measure(headSettings, step.processDeps);
  const base =
    baseSha === undefined ? undefined : await baseShare(leg, baseSha, baseline.restored, flow);
  const name = shardArtifactName(settings.cacheKeyPrefix, spec);
  await services.shards.upload({
    shard: spec,
    headSha: context.sha,
    identity: baselineIdentity(fingerprintHash(head.fingerprint), settings),
    head,
    ...(base === undefined ? {} : { base }),
    ...(baseSha === undefined ? {} : { baseSha }),
    ...(pullRequest === undefined ? {} : { prNumber: pullRequest.number }),
    ...(baseline.restored === undefined ? {} : { balancedBy: baseline.restored.key }),
  });
  const measured = `shard ${shardName(spec)} measured ${plural(head.benchmarks.length, 'benchmark')} at ${commit === undefined ? 'an unknown commit' : shortCommit(commit)} and uploaded them as ${name} for the merge job`;
  if (baseSha === undefined || base === undefined) {
    const notSaved =
      baseSha === undefined && commit !== context.sha
        ? ` The checkout is ${commit ?? 'an unknown commit'}, not ${context.sha}, the commit of this ${context.eventName} event: the merge job will not save it as a baseline.`
        : '';
    await deps.results.appendSummary(`### rust-perf\n\nThe ${measured}.${notSaved}\n`);
    return { regressed: false, summary: measured };
  }
  const comparison = compareProfiles(base, head, {
    threshold: settings.threshold,
    functionThreshold: settings.functionThreshold,
    allocationThreshold: settings.allocationThreshold,
  });
  // Its share's report and summary, but no comment: the merge job posts the one comment.
  const { delivery: _comment, ...outcome } = await flow.publishComparison(
    step,
    comparison,
    pullRequest,
    [
      `This is ${measured}, which compares and ${pullRequest === undefined ? 'gates' : 'comments on'} the whole suite.`,
    ],
  );
  return { ...outcome, summary: `${measured}; its share: ${outcome.summary}` };
}

/** The leg's share of the base: cut from the cached baseline, or measured. */
async function baseShare(
  leg: ActionStep,
  baseSha: string,
  restored: RestoredBaseline | undefined,
  flow: StepFlow,
): Promise<ProfileDocument | undefined> {
  const { settings, deps } = leg;
  const spec = leg.shard!.spec;
  if (restored !== undefined) {
    deps.log.info(
      `Comparing shard ${shardName(spec)} with its share of the cached baseline ${restored.key}${restored.exact ? '' : `, of ${restored.profile.commit ?? 'an unrecorded commit'}, the newest measured under the same conditions`}.`,
    );
    const costs = targetCosts(restored.profile);
    return profileShare(restored.profile, spec, shardAssignment(spec.count, costs));
  }
  if (settings.baseline === 'cache') return undefined;
  deps.log.info(
    `No usable cached baseline of the base commit ${baseSha}: measuring shard ${shardName(spec)} of it in a temporary worktree.`,
  );
  return flow.measureBase(leg, baseSha);
}

/**
 * The cached baseline, restored at the first question (the head's build decides its identity)
 * and kept: the base's build asks again, and must get the head's answer.
 */
class BaselineOnce {
  restored: RestoredBaseline | undefined;
  #asked = false;

  constructor(
    private readonly step: ActionStep,
    private readonly sha: string,
  ) {}

  async costs(fingerprint: ProfileDocument['fingerprint']) {
    if (!this.#asked) {
      this.#asked = true;
      const identity = baselineIdentity(fingerprintHash(fingerprint), this.step.settings);
      this.restored = await this.step.services.baselines.restore(this.sha, identity);
    }
    return this.restored === undefined ? undefined : targetCosts(this.restored.profile);
  }
}
