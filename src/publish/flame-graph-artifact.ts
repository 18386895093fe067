/**
 * The differential flame graphs of a pull request's run, uploaded as one artifact of the run,
 * `<cache-key-prefix>-flamegraphs`: one self-contained HTML file per benchmark that regressed or
 * improved, which the comment and the job summary link to.
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

/** `<prefix>-flamegraphs`: suites measured in one run tell theirs apart by cache-key-prefix. */
export function flameGraphArtifactName(prefix: string): string {
  return `${prefix}-flamegraphs`;
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
  prefix: string;
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
    const name = flameGraphArtifactName(this.#options.prefix);
    const id = await uploadArtifactFiles(
      this.#client,
      name,
      new Map(files.map((file) => [file.fileName, file.html])),
      {
        tempDir: this.#options.tempDir,
        hint: 'A workflow run holds one artifact of a name: jobs of one run that each compare a suite need their own cache-key-prefix.',
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
