/**
 * The action's flow. `full` measures the checked-out commit; on a pull request it also gets the
 * base's profile (the cache, or by measuring the base commit), compares, and publishes the job
 * summary, the outputs, the JSON report and the sticky comment; on a merge group it compares
 * with the base the same way, without a comment. `measure` does the same but
 * uploads the report as an artifact instead of commenting; `report` publishes such an artifact
 * from a `workflow_run` event. A leg of a sharded matrix (`shard`) measures its share and
 * uploads it (shard-leg.ts); `merge` publishes the shards of its run as one (merge-mode.ts).
 * Every failure a user can cause ends as one clear message.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { targetDirectory } from '../cargo/cargo.js';
import { compareProfiles } from '../compare/compare.js';
import { acceptRegressions, type Comparison } from '../compare/comparison.js';
import { parseComparison } from '../compare/read-comparison.js';
import { describeError, GitError, InputError, ServiceError, UserError } from '../errors.js';
import { type PullRequestContext, type RunContext, readRunContext } from '../inputs/context.js';
import { readSettings } from '../inputs/settings.js';
import type { MeasureSettings } from '../measure/measure.js';
import { withHistory } from '../profile/history.js';
import { baselineIdentity, fingerprintHash } from '../profile/identity.js';
import type { ProfileDocument } from '../profile/profile.js';
import { artifactUrl } from '../publish/flame-graph-artifact.js';
import { verifyReportPullRequest } from '../publish/report-ownership.js';
import { maySaveBaseline, type SaveDecision } from '../publish/save-policy.js';
import { movedFlameGraphs } from '../report/flame-graph.js';
import { plural, shortCommit } from '../report/format.js';
import { renderJson } from '../report/json.js';
import { type MarkdownOptions, renderMarkdown } from '../report/markdown.js';
import { profileSummaryMarkdown } from '../report/profile-summary.js';
import { summaryLine } from '../report/summary-line.js';
import { profileTrends, trendChartsMarkdown } from '../report/trend.js';
import { childEnvironment } from './child-env.js';
import type { ActionDeps } from './deps.js';
import { gateLimits } from './gate-limits.js';
import { mergeShards } from './merge-mode.js';
import { measureShard } from './shard-leg.js';
import type { ActionStep, ComparedProfiles, Delivery, Outcome, StepFlow } from './step.js';
import { ensureValgrind } from './valgrind-setup.js';

const FORK_COMMENT_HINT =
  'To comment on pull requests from forks, use the two-phase setup: `mode: measure` on ' +
  '`pull_request` and `mode: report` on `workflow_run` (see "Pull requests from forks" in the ' +
  'README). The report is in this job summary.';

export async function runAction(deps: ActionDeps): Promise<void> {
  const token = deps.inputs('github-token').trim();
  if (token !== '') deps.results.setSecret(token);
  try {
    const settings = readSettings(deps.inputs);
    const context = readRunContext(deps.env);
    const childEnv = childEnvironment(deps.env, token);
    const actionStep: ActionStep = {
      settings,
      context,
      services: deps.connect(settings, context),
      deps,
      childEnv,
      processDeps: { log: deps.log, processes: deps.processes, env: childEnv, signal: deps.signal },
    };
    const outcome =
      settings.mode === 'report'
        ? await reportArtifact(actionStep)
        : settings.mode === 'merge'
          ? await mergeShards(actionStep, flow)
          : await measureStep(actionStep);
    try {
      if (outcome.delivery) outcome.commentUrl = await deliver(actionStep, outcome.delivery);
    } finally {
      writeOutputs(deps.results, outcome);
    }
    if (outcome.failure !== undefined) {
      deps.results.setFailed(outcome.failure);
    } else if (
      settings.failOnRegression &&
      outcome.regressed &&
      outcome.acceptedBy === undefined &&
      settings.shard === undefined
    ) {
      // A leg's share does not gate: the merge job does, on the whole suite.
      deps.results.setFailed(`Performance regressed (fail-on-regression): ${outcome.summary}`);
    }
  } catch (error) {
    if (!(error instanceof UserError) && error instanceof Error && error.stack) {
      deps.log.debug(error.stack);
    }
    deps.results.setFailed(describeError(error));
  }
}

async function measureStep(step: ActionStep): Promise<Outcome> {
  const { settings, context, deps } = step;
  const pullRequest = context.pullRequest;
  if (settings.mode === 'measure' && pullRequest === undefined) {
    throw new InputError(
      `mode: measure compares a pull request with its base, but this run is for a ${context.eventName} event.`,
      'Run it on pull_request events, or use mode: full.',
    );
  }
  await ensureValgrind(step.childEnv, deps);
  if (settings.shard !== undefined) return measureShard(step, settings.shard, flow);
  if (pullRequest !== undefined) return compareWithBase(step, pullRequest.baseSha, pullRequest);
  // A merge queue's commit is compared like a pull request, but there is no pull request to comment on.
  if (context.mergeGroup !== undefined) return compareWithBase(step, context.mergeGroup.baseSha);
  // The profile may become GITHUB_SHA's baseline: it records the commit checked out now, before
  // the build, so that one of another commit is never saved as its.
  const head = await deps.profiler.measure(
    measureSettings(step, 'head', await checkedOutCommit(step)),
    step.processDeps,
  );
  return recordProfile(step, head, baselineIdentity(fingerprintHash(head.fingerprint), settings));
}

/** The commit the workspace has checked out, or undefined when git cannot tell. */
async function checkedOutCommit(step: ActionStep): Promise<string | undefined> {
  const git = step.deps.openRepository({ cwd: step.context.workspace, env: step.childEnv });
  try {
    return await git.resolveCommit('HEAD');
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    step.deps.log.info(`The checked-out commit is unknown: ${error.message}`);
    return undefined;
  }
}

/** Where each side's build output and raw profiles go, and what they measure. */
function measureSettings(
  step: ActionStep,
  side: 'head' | 'base',
  commit: string | undefined,
): MeasureSettings {
  const { settings, context } = step;
  return {
    manifestPath: join(resolve(context.workspace, settings.workingDirectory), 'Cargo.toml'),
    benches: settings.benches,
    commands: settings.commands,
    harnesses: settings.harnesses,
    cargoArgs: settings.cargoArgs,
    runs: settings.runs,
    timeoutSeconds: settings.timeoutSeconds,
    metrics: settings.metrics,
    outDir: join(context.tempDir, 'rust-perf', side),
    ...(commit === undefined ? {} : { commit }),
    // Paths relative to the repository root, so that the report links them on GitHub.
    workspaceRoot: context.workspace,
    ...(step.shard === undefined ? {} : { shard: step.shard }),
  };
}

/** A run without a pull request (a push): the profile may become the baseline. */
async function recordProfile(
  step: ActionStep,
  head: ProfileDocument,
  identity: string,
): Promise<Outcome> {
  const { settings, context, services, deps } = step;
  const decision = savesAsBaseline(
    maySaveBaseline({
      eventName: context.eventName,
      ref: context.ref,
      defaultBranch: context.defaultBranch ?? '',
      setting: settings.saveBaseline,
    }),
    head,
    context,
  );
  let baselineNote: string;
  let recorded = head;
  if (decision.save) {
    // The newest baseline before this one hands on its history: the trend costs no storage.
    const previous = await services.baselines.restore(context.sha, identity);
    recorded = withHistory(head, previous?.profile);
    const saved = await services.baselines.save(recorded, context.sha, identity);
    baselineNote =
      saved.status === 'saved'
        ? `saved as the baseline ${saved.key}`
        : `not saved as a baseline: ${saved.reason}`;
  } else {
    deps.log.info(`Not saving a baseline: ${decision.reason}.`);
    baselineNote = `not saved as a baseline: ${decision.reason}`;
  }
  await deps.results.appendSummary(
    [
      profileSummaryMarkdown(recorded, baselineNote),
      ...trendChartsMarkdown(profileTrends(recorded)),
    ].join('\n'),
  );
  const summary = `measured ${plural(head.benchmarks.length, 'benchmark')} at ${shortCommit(context.sha)}; ${baselineNote}`;
  return { regressed: false, summary };
}

/**
 * The event's decision, and besides that a baseline is saved under `GITHUB_SHA` only if it
 * measured that commit: a workflow may check out another ref.
 */
function savesAsBaseline(
  decision: SaveDecision,
  head: ProfileDocument,
  context: RunContext,
): SaveDecision {
  if (!decision.save || head.commit === context.sha) return decision;
  return {
    save: false,
    reason: `the checkout is ${head.commit ?? 'an unknown commit'}, not ${context.sha}, the commit of this ${context.eventName} event that a baseline is saved under`,
  };
}

/**
 * Compares the measured head with the profile of `baseSha`; the comparison is delivered to the
 * pull request, when there is one (a merge group has none).
 */
async function compareWithBase(
  step: ActionStep,
  baseSha: string,
  pullRequest?: PullRequestContext,
): Promise<Outcome> {
  const { settings, context, deps } = step;
  const headSettings = measureSettings(step, 'head', context.sha);
  // The cache is restored before any of the pull request's code runs: a build script could
  // otherwise put a program on PATH that the cache client runs with the runner's credentials.
  const fingerprint = await deps.profiler.fingerprint(headSettings, step.processDeps);
  const identity = baselineIdentity(fingerprintHash(fingerprint), settings);
  const restored =
    settings.baseline === 'rebuild' ? undefined : await restoreBaseline(step, baseSha, identity);
  const head = await deps.profiler.measure(headSettings, step.processDeps);
  const { limits, note } = await baseLimits(step, baseSha);
  if (restored === undefined && settings.baseline === 'cache') return noBaseline(step, baseSha);
  if (restored === undefined && settings.baseline === 'auto') {
    deps.log.info(
      `No usable cached baseline of the base commit ${baseSha}: measuring it in a temporary worktree.`,
    );
  }
  const base = restored ?? (await measureBase(step, baseSha));
  const comparison = compareProfiles(base, head, {
    threshold: settings.threshold,
    functionThreshold: settings.functionThreshold,
    allocationThreshold: settings.allocationThreshold,
    ...(limits === undefined ? {} : { limits }),
  });
  return publishComparison(step, comparison, pullRequest, note === undefined ? [] : [note], {
    base,
    head,
  });
}

/** The rust-perf.toml of the base commit, which the comparison with `baseSha` is held to. */
function baseLimits(step: ActionStep, baseSha: string) {
  const { settings, context, deps } = step;
  return gateLimits(
    { workspace: context.workspace, workingDirectory: settings.workingDirectory },
    checkoutRepository(step),
    baseSha,
    () => fetchBaseCommitIfMissing(step, baseSha),
    deps.log,
  );
}

/** No base to compare with (`baseline: cache` on a miss): said, and nothing compared. */
async function noBaseline(step: ActionStep, baseSha: string): Promise<Outcome> {
  const summary = `no comparison: no cached baseline for the base commit ${shortCommit(baseSha)}`;
  const message =
    `No cached baseline for the base commit ${baseSha}, nor for any earlier ` +
    'commit measured under the same conditions, and `baseline: cache` does not measure the ' +
    'base itself: nothing was compared. A push to the default branch saves a baseline; ' +
    '`baseline: auto` measures the base when there is none.';
  step.deps.results.notice(message);
  await step.deps.results.appendSummary(`### rust-perf\n\n${message}\n`);
  return { regressed: false, summary };
}

/** The cached baseline of the base commit, or of the newest comparable one (`auto`, `cache`). */
async function restoreBaseline(
  step: ActionStep,
  baseSha: string,
  identity: string,
): Promise<ProfileDocument | undefined> {
  const { services, deps } = step;
  const restored = await services.baselines.restore(baseSha, identity);
  if (restored === undefined) return undefined;
  const commit = restored.profile.commit ?? 'an unrecorded commit';
  deps.log.info(
    restored.exact
      ? `Comparing with the cached baseline of the base commit ${baseSha} (${restored.key}).`
      : `There is no cached baseline of the base commit ${baseSha}; comparing with the newest one measured under the same conditions, of ${commit} (${restored.key}).`,
  );
  return restored.profile;
}

/** The base commit measured in a temporary worktree, fetched first if the checkout lacks it. */
async function measureBase(step: ActionStep, baseSha: string): Promise<ProfileDocument> {
  const { deps } = step;
  const baseSettings = measureSettings(step, 'base', baseSha);
  await fetchBaseCommitIfMissing(step, baseSha);
  try {
    return await deps.profiler.measureRevision(
      baseSha,
      {
        ...baseSettings,
        // The head's target directory, so that dependencies build once.
        targetDir: await targetDirectory(baseSettings.manifestPath, step.processDeps),
      },
      { ...step.processDeps, repoRoot: step.context.workspace },
    );
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new GitError(`Cannot measure the base commit ${baseSha}: ${error.message}`, error.hint);
  }
}

/**
 * actions/checkout fetches only the commit it checks out unless told otherwise
 * (`fetch-depth: 1`), so the base commit of a pull request is usually missing: it is fetched
 * from origin, without its history, which is all a worktree of it needs.
 */
async function fetchBaseCommitIfMissing(step: ActionStep, baseSha: string): Promise<void> {
  const git = checkoutRepository(step);
  try {
    await git.resolveCommit(baseSha);
    return;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
  }
  step.deps.log.info(`The base commit ${baseSha} is not in the checkout: fetching it from origin.`);
  try {
    await git.fetchCommit(baseSha);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new GitError(
      `Cannot use the base commit ${baseSha}: it is not in the checkout, and fetching it from origin failed: ${error.message}`,
      'Check out the history with actions/checkout `fetch-depth: 0`, so that the base commit is ' +
        'there to measure, or let a push to the default branch save a baseline first.',
    );
  }
}

function checkoutRepository(step: ActionStep) {
  return step.deps.openRepository({ cwd: step.context.workspace, env: step.childEnv });
}

/** The `report` phase: the comparison a `mode: measure` run uploaded, published on its PR. */
async function reportArtifact(step: ActionStep): Promise<Outcome> {
  const { context, services, deps } = step;
  const triggering = context.triggeringRun;
  if (triggering === undefined) {
    throw new InputError(
      `mode: report publishes the report of a pull request's \`mode: measure\` run, on a workflow_run event, but this run is for a ${context.eventName} event.`,
      'See "Pull requests from forks" in the README for the two workflows.',
    );
  }
  if (triggering.event !== 'pull_request') {
    const summary = `nothing to report: workflow run ${triggering.id} ran for a ${triggering.event} event, not a pull request`;
    deps.log.info(`${summary}.`);
    return { regressed: false, summary };
  }
  const envelope = await services.artifacts.download(triggering.id);
  const prNumber = await verifyReportPullRequest(
    { head_sha: triggering.headSha, pull_requests: triggering.pullRequests },
    envelope,
    (number) => services.pullRequestHeadSha(number),
  );
  const comparison = parseComparison(
    envelope.comparisonJson,
    `the report of workflow run ${triggering.id}`,
  );
  return publishComparison(step, comparison, { number: prNumber, headSha: envelope.headSha });
}

/**
 * Publishes a comparison where the step's results go: the JSON report and the job summary; the
 * comment (or, in `measure` mode, the artifact) is left to `deliver`, when there is a pull request.
 */
async function publishComparison(
  step: ActionStep,
  compared: Comparison,
  pullRequest: Pick<PullRequestContext, 'number' | 'headSha'> | undefined,
  given: string[] = [],
  profiles?: ComparedProfiles,
): Promise<Outcome> {
  const { context, deps } = step;
  const comparison = withAcceptance(step, compared);
  const uploaded =
    profiles === undefined ? {} : await uploadFlameGraphs(step, profiles, comparison);
  const warnings = uploaded.warning === undefined ? given : [...given, uploaded.warning];
  const flameGraphs = uploaded.link;
  const json = renderJson(comparison);
  const reportPath = join(context.tempDir, 'rust-perf', 'report.json');
  await mkdir(join(context.tempDir, 'rust-perf'), { recursive: true });
  await writeFile(reportPath, json);

  const repository =
    comparison.head.commit === undefined
      ? undefined
      : {
          url: `${context.serverUrl}/${context.owner}/${context.repo}`,
          sha: comparison.head.commit,
        };
  await deps.results.appendSummary(
    renderMarkdown(comparison, { target: 'summary', repository, warnings, flameGraphs }),
  );
  const summary = summaryLine(comparison);
  deps.log.info(summary);
  return {
    regressed: comparison.regressed,
    summary,
    reportJson: reportPath,
    baselineSha: comparison.base.commit,
    ...(flameGraphs === undefined ? {} : { flameGraphsUrl: flameGraphs.url }),
    ...(comparison.acceptedBy === undefined ? {} : { acceptedBy: comparison.acceptedBy }),
    ...(pullRequest === undefined
      ? {}
      : { delivery: { comparison, json, pullRequest, repository, warnings, flameGraphs } }),
  };
}

/**
 * Uploads the differential flame graphs of the benchmarks that regressed or improved (not in
 * `measure` mode: its report is published by another run, which could not link them).
 * A failed upload costs the link, not the report: it is warned of, and the report says why.
 */
async function uploadFlameGraphs(
  step: ActionStep,
  profiles: ComparedProfiles,
  comparison: Comparison,
): Promise<{ link?: MarkdownOptions['flameGraphs']; warning?: string }> {
  if (step.settings.mode === 'measure') return {};
  const files = movedFlameGraphs(profiles.base, profiles.head, comparison);
  if (files.length === 0) return {};
  try {
    const { name, id } = await step.services.flameGraphs.upload(files);
    const { context } = step;
    return { link: { url: artifactUrl(context, id), name, benchmarks: files.length } };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const warning = `The flame graphs of ${plural(files.length, 'benchmark')} that moved were not uploaded, so there is no link to them: ${describeError(error).replace(/\n/g, ' ')}`;
    step.deps.log.warn(warning);
    return { warning };
  }
}

/**
 * The comparison with its regressions accepted when the pull request of this event carries the
 * accept label. (A report phase has no pull request in its event: the measuring run decided.)
 */
function withAcceptance(step: ActionStep, comparison: Comparison): Comparison {
  const label = step.settings.acceptLabel;
  if (label === '' || step.context.pullRequest?.labels.includes(label) !== true) return comparison;
  const accepted = acceptRegressions(comparison, label);
  if (accepted.acceptedBy !== undefined) {
    step.deps.log.info(`The regressions are accepted by the label '${label}'.`);
  }
  return accepted;
}

/** Uploads the comparison (`measure` mode) or posts the comment; returns the comment's URL. */
async function deliver(step: ActionStep, delivery: Delivery): Promise<string | undefined> {
  const { settings, context, services, deps } = step;
  const { comparison, pullRequest, repository, warnings } = delivery;
  if (settings.mode === 'measure') {
    await services.artifacts.upload({
      prNumber: pullRequest.number,
      headSha: pullRequest.headSha,
      comparisonJson: delivery.json,
    });
    return undefined;
  }
  if (settings.comment === 'never') return undefined;
  const outcome = await services.comments.upsert(
    { owner: context.owner, repo: context.repo, issueNumber: pullRequest.number },
    renderMarkdown(comparison, {
      target: 'comment',
      repository,
      warnings,
      flameGraphs: delivery.flameGraphs,
    }),
    { create: settings.comment === 'always' || comparison.regressed },
  );
  if (outcome.action === 'forbidden' && settings.mode === 'report') {
    // The reporting workflow runs in the base repository: a refusal is its own permissions.
    throw new ServiceError(
      `Could not comment on pull request #${pullRequest.number}: the token may not (${outcome.reason}).`,
      'Give the reporting workflow `permissions: pull-requests: write` (and `actions: read`), as in "Pull requests from forks" in the README.',
    );
  }
  if (outcome.action === 'forbidden') {
    deps.log.warn(
      `Could not comment on pull request #${pullRequest.number}: the token may not (${outcome.reason}), as on pull requests from forks. ${FORK_COMMENT_HINT}`,
    );
    return undefined;
  }
  if (outcome.action === 'skipped') {
    deps.log.info('No regression and `comment: on-regression`: no comment posted.');
    return undefined;
  }
  deps.log.info(`Comment ${outcome.action}: ${outcome.url}`);
  return outcome.url;
}

/** What a leg and the merge job reuse of this flow. */
const flow: StepFlow = {
  measureSettings,
  checkedOutCommit,
  measureBase,
  baseLimits,
  recordProfile,
  noBaseline,
  publishComparison,
};

/** The one place the step's outputs are set (action.yml declares them). */
function writeOutputs(results: ActionDeps['results'], outcome: Outcome): void {
  results.setOutput('regressed', String(outcome.regressed));
  results.setOutput('summary', outcome.summary);
  if (outcome.reportJson !== undefined) results.setOutput('report-json', outcome.reportJson);
  if (outcome.baselineSha !== undefined) results.setOutput('baseline-sha', outcome.baselineSha);
  if (outcome.commentUrl !== undefined) results.setOutput('comment-url', outcome.commentUrl);
  if (outcome.flameGraphsUrl !== undefined) {
    results.setOutput('flame-graphs-url', outcome.flameGraphsUrl);
  }
}
