/**
 * The differential flame graphs of a pull request's run, uploaded as one artifact of the run,
 * `<cache-key-prefix>-<job>[-<working-directory>]-flamegraphs`: one self-contained HTML file per
 * benchmark that regressed or improved, which the comment and the job summary link to.
 */
import { DefaultArtifactClient } from '@actions/artifact';
import { ServiceError } from '../errors.js';
import type { FlameGraphFile } from '../report/flame-graph.js';
import type { Logger } from '../system/logger.js';
import { uploadArtifactFiles } from './artifact-transfer.js';

export interface FlameGraphArtifacts {
  /** Uploads `files` as this run's flame graph artifact; returns its name and id. */
  upload(files: readonly FlameGraphFile[]): Promise<{ name: string; id: number }>;
}

/** Who uploads the flame graphs: the parts of the sticky comment's identity a run can repeat. */
export interface FlameGraphArtifactOwner {
  prefix: string;
  /** The job's id (`GITHUB_JOB`). */
  job: string;
  workingDirectory: string;
}

/**
 * `<prefix>-<job>[-<working-directory>]-flamegraphs`. A run holds one artifact of a name, so the
 * name carries what tells the run's sticky comments apart (the workflow is the run's own): two
 * jobs, or two crates of one job, never collide; matrix legs of one job differ by prefix, as
 * their comments do. Characters an artifact name may not hold (`/`, `:`, …) become `_`.
 */
export function flameGraphArtifactName(owner: FlameGraphArtifactOwner): string {
  const parts = [owner.prefix, owner.job];
  if (owner.workingDirectory !== '.') parts.push(owner.workingDirectory);
  const safe = parts.filter((part) => part !== '').map((part) => part.replace(/[^\w.-]+/g, '_'));
  return `${safe.join('-')}-flamegraphs`;
}

/** Where the artifact of a run is found on GitHub. */
export function artifactUrl(
  run: { serverUrl: string; owner: string; repo: string; runId: number },
  id: number,
): string {
  return `${run.serverUrl}/${run.owner}/${run.repo}/actions/runs/${run.runId}/artifacts/${id}`;
}

interface GitHubFlameGraphArtifactsOptions {
  log: Logger;
  owner: FlameGraphArtifactOwner;
  /** A directory private to this job (`RUNNER_TEMP` on a runner). */
  tempDir: string;
}

/** FlameGraphArtifacts over `@actions/artifact`. */
export class GitHubFlameGraphArtifacts implements FlameGraphArtifacts {
  readonly #options: GitHubFlameGraphArtifactsOptions;
  readonly #client = new DefaultArtifactClient();

  constructor(options: GitHubFlameGraphArtifactsOptions) {
    this.#options = options;
  }

  async upload(files: readonly FlameGraphFile[]): Promise<{ name: string; id: number }> {
    const name = flameGraphArtifactName(this.#options.owner);
    const id = await uploadArtifactFiles(
      this.#client,
      name,
      new Map(files.map((file) => [file.fileName, file.html])),
      {
        tempDir: this.#options.tempDir,
        hint: 'A workflow run holds one artifact of a name: matrix legs of one job that each compare a suite need their own cache-key-prefix.',
      },
    );
    if (id === undefined) {
      throw new ServiceError(
        `The artifact service did not say which id the ${name} artifact has, so it cannot be linked.`,
      );
    }
    this.#options.log.info(`Uploaded ${files.length} flame graphs as artifact ${name} (id ${id}).`);
    return { name, id };
  }
}
