/**
 * The report artifact of the two-phase, fork-safe mode. `mode: measure` runs on `pull_request`
 * with a read-only token and uploads the comparison; `mode: report` runs on `workflow_run` with a
 * token that may comment and downloads it. The artifact was produced by pull-request code, so
 * the report phase treats it as hostile: bounded sizes, exactly the expected files, strict
 * schemas, and a pull request number that must agree with the run that produced it.
 */

import { ArtifactNotFoundError, DefaultArtifactClient } from '@actions/artifact';
import { parseComparison } from '../compare/read-comparison.js';
import { CorruptFileError, InputError } from '../errors.js';
import type { Logger } from '../system/logger.js';
import {
  downloadArtifactZip,
  type ListedArtifact,
  listingFailure,
  uploadArtifactFiles,
} from './artifact-transfer.js';
import { parseMetadata, type ReportMetadata, serialiseMetadata } from './report-metadata.js';
import { unzipExactly } from './zip.js';

const REPORT_ARTIFACT_NAME = 'rust-perf-report';
const METADATA_FILE = 'metadata.json';
const COMPARISON_FILE = 'comparison.json';
const REPORT_FILES = [METADATA_FILE, COMPARISON_FILE] as const;
const CORRUPT_ARTIFACT_HINT =
  "Nothing was posted. The artifact was not written by this version of rust-perf's `mode: measure`, " +
  'or was changed after its upload: re-run the measuring workflow.';
/** Bound on the zip and on everything it unpacks to; real reports are a few hundred KiB. */
const MAX_REPORT_BYTES = 32 * 1024 * 1024;

export interface ReportEnvelope extends ReportMetadata {
  /** The comparison as JSON (the JSON report). */
  comparisonJson: string;
}

/** Hands the report from the measuring run to the reporting run. */
export interface ReportArtifacts {
  upload(report: ReportEnvelope): Promise<void>;
  /** The report uploaded by workflow run `runId`, validated. */
  download(runId: number): Promise<ReportEnvelope>;
}

interface GitHubReportArtifactsOptions {
  log: Logger;
  /** A directory private to this job (`RUNNER_TEMP` on a runner). */
  tempDir: string;
  /** A token that may read the repository's Actions artifacts; used by `download`. */
  token: string;
  owner: string;
  repo: string;
}

/** ReportArtifacts over `@actions/artifact`. */
export class GitHubReportArtifacts implements ReportArtifacts {
  readonly #options: GitHubReportArtifactsOptions;
  readonly #client = new DefaultArtifactClient();

  constructor(options: GitHubReportArtifactsOptions) {
    this.#options = options;
  }

  async upload(report: ReportEnvelope): Promise<void> {
    const files = new Map([
      [METADATA_FILE, serialiseMetadata(report)],
      [COMPARISON_FILE, report.comparisonJson],
    ]);
    const id = await uploadArtifactFiles(this.#client, REPORT_ARTIFACT_NAME, files, {
      tempDir: this.#options.tempDir,
      hint: 'A workflow run holds one such artifact, so run mode: measure in a single job per workflow; otherwise re-run the job.',
    });
    this.#options.log.info(
      `Uploaded the report of pull request #${report.prNumber} as artifact ${REPORT_ARTIFACT_NAME} (id ${id}).`,
    );
  }

  async download(runId: number): Promise<ReportEnvelope> {
    const { token, owner, repo, tempDir } = this.#options;
    const findBy = { token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo };
    const source = `artifact ${REPORT_ARTIFACT_NAME} of workflow run ${runId}`;
    let artifact: ListedArtifact;
    try {
      ({ artifact } = await this.#client.getArtifact(REPORT_ARTIFACT_NAME, { findBy }));
    } catch (error) {
      if (error instanceof ArtifactNotFoundError) {
        throw new InputError(
          `Workflow run ${runId} has no ${REPORT_ARTIFACT_NAME} artifact.`,
          'The workflow that triggers mode: report must run rust-perf with mode: measure on pull_request and reach its end; see that run for why it did not.',
        );
      }
      throw listingFailure(error, runId, 'the report artifact');
    }
    try {
      const zip = await downloadArtifactZip(this.#client, artifact, {
        findBy,
        tempDir,
        source,
        maxBytes: MAX_REPORT_BYTES,
      });
      const files = unzipExactly(zip, REPORT_FILES, MAX_REPORT_BYTES, source);
      const metadata = parseMetadata(files.get(METADATA_FILE)!, `${source}: ${METADATA_FILE}`);
      const comparisonJson = files.get(COMPARISON_FILE)!.toString('utf8');
      parseComparison(comparisonJson, `${source}: ${COMPARISON_FILE}`);
      this.#options.log.info(
        `Downloaded the report of pull request #${metadata.prNumber} from workflow run ${runId}.`,
      );
      return { ...metadata, comparisonJson };
    } catch (error) {
      if (!(error instanceof CorruptFileError) || error.hint) throw error;
      throw new CorruptFileError(error.file, error.lineNumber, error.reason, CORRUPT_ARTIFACT_HINT);
    }
  }
}
