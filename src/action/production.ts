/**
 * The action's dependencies on a real runner: @actions/core for inputs, logs, outputs and the
 * job summary; real processes; the Actions cache and artifact services; the GitHub API.
 */
import * as core from '@actions/core';
import { measure, measurementFingerprint } from '../measure/measure.js';
import { measureRevision } from '../measure/measure-revision.js';
import { GitHubReportArtifacts } from '../publish/artifact.js';
import { ActionsCacheBaselineStore } from '../publish/baseline-cache.js';
import { GitHubCommentPublisher, stickyCommentMarker } from '../publish/comment.js';
import { GitHubFlameGraphArtifacts } from '../publish/flame-graph-artifact.js';
import { createGitHubClient } from '../publish/github-client.js';
import { pullRequestHeadShaFrom } from '../publish/report-ownership.js';
import { GitHubShardArtifacts } from '../publish/shard-artifacts.js';
import { createGit } from '../system/git.js';
import type { Logger } from '../system/logger.js';
import { nodeProcessRunner } from '../system/process.js';
import type { ActionDeps } from './deps.js';

/** The runner's log: warnings become annotations, groups fold, debug lines show with step debug logging. */
const runnerLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warn: (message) => core.warning(message),
  group: (title, work) => core.group(title, work),
};

export function productionDeps(signal: AbortSignal): ActionDeps {
  const log = runnerLogger;
  return {
    inputs: (name) => core.getInput(name),
    env: process.env,
    log,
    results: {
      setOutput: (name, value) => core.setOutput(name, value),
      setSecret: (value) => core.setSecret(value),
      notice: (message) => core.notice(message),
      appendSummary: async (markdown) => {
        await core.summary.addRaw(markdown, true).write();
      },
      setFailed: (message) => core.setFailed(message),
    },
    processes: nodeProcessRunner,
    openRepository: (options) => createGit(nodeProcessRunner, options),
    profiler: { fingerprint: measurementFingerprint, measure, measureRevision },
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    signal,
    connect(settings, context) {
      const github = createGitHubClient(settings.githubToken, { baseUrl: context.apiUrl, log });
      const repository = { owner: context.owner, repo: context.repo };
      const artifactAccess = {
        log,
        tempDir: context.tempDir,
        token: settings.githubToken,
        ...repository,
      };
      return {
        baselines: new ActionsCacheBaselineStore({
          prefix: settings.cacheKeyPrefix,
          os: context.runnerOs,
          log,
          tempDir: context.tempDir,
        }),
        artifacts: new GitHubReportArtifacts(artifactAccess),
        shards: new GitHubShardArtifacts({ ...artifactAccess, prefix: settings.cacheKeyPrefix }),
        flameGraphs: new GitHubFlameGraphArtifacts({
          log,
          owner: {
            prefix: settings.cacheKeyPrefix,
            job: context.job,
            workingDirectory: settings.workingDirectory,
          },
          tempDir: context.tempDir,
        }),
        comments: new GitHubCommentPublisher(
          github,
          stickyCommentMarker(context.workflow, context.job, settings),
        ),
        pullRequestHeadSha: pullRequestHeadShaFrom(github, repository),
      };
    },
  };
}
