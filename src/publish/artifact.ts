/**
 * The report artifact of the two-phase, fork-safe mode. `mode: measure` runs on `pull_request`
 * with a read-only token and uploads the comparison; `mode: report` runs on `workflow_run` with a
 * token that may comment and downloads it. The artifact was produced by pull-request code, so
 * the report phase treats it as hostile: bounded sizes, exactly the expected files, strict
 * schemas, and a pull request number that must agree with the run that produced it.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { ArtifactNotFoundError, DefaultArtifactClient } from '@actions/artifact';
import { parseComparison } from '../compare/read-comparison.js';
import { CorruptFileError, EnvironmentError, InputError } from '../errors.js';
import { FULL_COMMIT_SHA } from '../system/commit-id.js';
import type { Logger } from '../system/logger.js';
import {
  describeJsonValue,
  type JsonProblem,
  parseJson,
  StrictJsonReader,
} from '../system/strict-json.js';

export const REPORT_ARTIFACT_NAME = 'rust-perf-report';
const METADATA_FILE = 'metadata.json';
const COMPARISON_FILE = 'comparison.json';
const REPORT_FILES = [METADATA_FILE, COMPARISON_FILE] as const;
const METADATA_VERSION = 1;
const METADATA_FIELDS = ['version', 'prNumber', 'headSha'];
const CORRUPT_ARTIFACT_HINT =
  "Nothing was posted. The artifact was not written by this version of rust-perf's `mode: measure`, " +
  'or was changed after its upload: re-run the measuring workflow.';
/** Bound on the zip and on everything it unpacks to; real reports are a few hundred KiB. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

export interface ReportEnvelope {
  prNumber: number;
  /** The pull request head commit that was measured. */
  headSha: string;
  /** The comparison as JSON (the JSON report). */
  comparisonJson: string;
}

/** Hands the report from the measuring run to the reporting run. */
export interface ReportArtifacts {
  upload(report: ReportEnvelope): Promise<void>;
  /** The report uploaded by workflow run `runId`, validated. */
  download(runId: number): Promise<ReportEnvelope>;
}

export interface GitHubReportArtifactsOptions {
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
    const dir = await this.#privateDir();
    try {
      const metadata = {
        version: METADATA_VERSION,
        prNumber: report.prNumber,
        headSha: report.headSha,
      };
      await writeFile(join(dir, METADATA_FILE), `${JSON.stringify(metadata)}\n`);
      await writeFile(join(dir, COMPARISON_FILE), report.comparisonJson);
      const files = REPORT_FILES.map((name) => join(dir, name));
      let id: number | undefined;
      try {
        ({ id } = await this.#client.uploadArtifact(REPORT_ARTIFACT_NAME, files, dir));
      } catch (error) {
        throw new EnvironmentError(
          `Uploading the ${REPORT_ARTIFACT_NAME} artifact failed: ${messageOf(error)}`,
          'A workflow run holds one such artifact, so run mode: measure in a single job per workflow; otherwise re-run the job.',
        );
      }
      this.#options.log.info(
        `Uploaded the report of pull request #${report.prNumber} as artifact ${REPORT_ARTIFACT_NAME} (id ${id}).`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async download(runId: number): Promise<ReportEnvelope> {
    const { token, owner, repo } = this.#options;
    const findBy = { token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo };
    const source = `artifact ${REPORT_ARTIFACT_NAME} of workflow run ${runId}`;
    let artifact: { id: number; size: number; digest?: string };
    try {
      ({ artifact } = await this.#client.getArtifact(REPORT_ARTIFACT_NAME, { findBy }));
    } catch (error) {
      if (error instanceof ArtifactNotFoundError) {
        throw new InputError(
          `Workflow run ${runId} has no ${REPORT_ARTIFACT_NAME} artifact.`,
          'The workflow that triggers mode: report must run rust-perf with mode: measure on pull_request and reach its end; see that run for why it did not.',
        );
      }
      if (isDenied(error)) {
        throw new InputError(
          `The github-token may not read the artifacts of workflow run ${runId}: ${messageOf(error)}`,
          'Give the reporting job `permissions: actions: read` (and pull-requests: write to comment).',
        );
      }
      throw error;
    }
    if (artifact.size > MAX_REPORT_BYTES) {
      throw new CorruptFileError(source, undefined, tooLarge(artifact.size));
    }
    const dir = await this.#privateDir();
    try {
      // Unpacked here rather than by the library, so that nothing unbounded or unexpected is
      // ever written to disk.
      const { digestMismatch } = await this.#client.downloadArtifact(artifact.id, {
        path: dir,
        findBy,
        skipDecompress: true,
        expectedHash: artifact.digest,
      });
      if (digestMismatch) {
        throw new CorruptFileError(
          source,
          undefined,
          'does not match the digest recorded at upload',
        );
      }
      const [zipName, ...others] = await readdir(dir);
      if (zipName === undefined || others.length > 0) {
        throw new CorruptFileError(source, undefined, 'did not download as one zip file');
      }
      const zipPath = join(dir, zipName);
      const { size } = await stat(zipPath);
      if (size > MAX_REPORT_BYTES) throw new CorruptFileError(source, undefined, tooLarge(size));
      const files = unzipReport(await readFile(zipPath), source);
      const metadata = parseMetadata(files.metadata, `${source}: ${METADATA_FILE}`);
      const comparisonJson = files.comparison.toString('utf8');
      parseComparison(comparisonJson, `${source}: ${COMPARISON_FILE}`);
      this.#options.log.info(
        `Downloaded the report of pull request #${metadata.prNumber} from workflow run ${runId}.`,
      );
      return { ...metadata, comparisonJson };
    } catch (error) {
      if (!(error instanceof CorruptFileError) || error.hint) throw error;
      throw new CorruptFileError(error.file, error.lineNumber, error.reason, CORRUPT_ARTIFACT_HINT);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async #privateDir(): Promise<string> {
    await mkdir(this.#options.tempDir, { recursive: true });
    return mkdtemp(join(this.#options.tempDir, 'rust-perf-report-'));
  }
}

/** The part of the `workflow_run` event payload's `workflow_run` object that the check reads. */
export interface TriggeringRun {
  head_sha: string;
  /** Empty when the pull request comes from a fork: GitHub only lists same-repository ones. */
  pull_requests: { number: number }[];
}

/**
 * The pull request a downloaded report may be published on. The report names one, but it was
 * written by pull-request code, so the number must agree with the run GitHub says produced it:
 * the measured commit must be the run's head commit, and the pull request must be one of the
 * run's, or (for forks, which the payload does not list) one whose head is that commit now.
 * `pullRequestHeadSha` looks up a pull request's current head commit (REST `pulls.get`).
 */
export async function verifyReportPullRequest(
  run: TriggeringRun,
  report: Pick<ReportEnvelope, 'prNumber' | 'headSha'>,
  pullRequestHeadSha: (prNumber: number) => Promise<string>,
): Promise<number> {
  const { prNumber, headSha } = report;
  if (headSha !== run.head_sha) {
    throw new InputError(
      `The report artifact claims to measure commit ${headSha}, but the workflow run that uploaded it ran on ${run.head_sha}; it is not published.`,
    );
  }
  if (run.pull_requests.length > 0) {
    const numbers = run.pull_requests.map((pr) => pr.number);
    if (!numbers.includes(prNumber)) {
      throw new InputError(
        `The report artifact names pull request #${prNumber}, but the workflow run that uploaded it belongs to ${numbers.map((n) => `#${n}`).join(', ')}; it is not published.`,
      );
    }
    return prNumber;
  }
  const currentHead = await pullRequestHeadSha(prNumber);
  if (currentHead !== run.head_sha) {
    throw new InputError(
      `The report artifact names pull request #${prNumber}, whose head is ${currentHead}, not the measured commit ${run.head_sha}; it is not published.`,
      'If the pull request was updated since, the run for its new head will publish a report.',
    );
  }
  return prNumber;
}

function tooLarge(size: number): string {
  return `is ${size} bytes, more than the ${MAX_REPORT_BYTES} a report may take`;
}

/** A REST error (octokit's RequestError) saying the token lacks a permission. */
function isDenied(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 401 || status === 403;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseMetadata(bytes: Buffer, source: string): { prNumber: number; headSha: string } {
  const corrupt = (reason: string) => new CorruptFileError(source, undefined, reason);
  const value = parseJson(bytes.toString('utf8'), (reason) =>
    corrupt(`is not valid JSON (${reason})`),
  );
  const metadata = new StrictJsonReader((path, problem) => corrupt(metadataProblem(path, problem)));
  const record = metadata.object(value, '', { required: METADATA_FIELDS });
  metadata.expect(record.version, 'version', (version) => version === METADATA_VERSION, '1');
  return {
    prNumber: metadata.expect(
      record.prNumber,
      'prNumber',
      (number) => Number.isSafeInteger(number) && (number as number) >= 1,
      'a positive whole number',
    ),
    headSha: metadata.expect(
      record.headSha,
      'headSha',
      (sha) => typeof sha === 'string' && FULL_COMMIT_SHA.test(sha),
      'a commit hash',
    ),
  };
}

function metadataProblem(path: string, problem: JsonProblem): string {
  switch (problem.kind) {
    case 'missing':
    case 'unknown-field':
      return `has the fields ${Object.keys(problem.object).sort().join(', ')}, expected exactly version, prNumber and headSha`;
    case 'expected':
      return path === ''
        ? 'is not a JSON object'
        : `has ${path} ${describeJsonValue(problem.found)}, expected ${problem.expected}`;
    case 'rule':
      return `has ${path}: ${problem.rule}`;
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Reads the report zip: exactly the two report files, stored or deflated, each checked against
 * its recorded size and CRC, and never inflated past the size bound.
 */
function unzipReport(zip: Buffer, source: string): { metadata: Buffer; comparison: Buffer } {
  const corrupt = (reason: string) => new CorruptFileError(source, undefined, reason);
  const expected = `exactly ${REPORT_FILES.join(' and ')}`;
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw corrupt('is not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  if (count !== REPORT_FILES.length) throw corrupt(`holds ${count} entries, expected ${expected}`);
  const files = new Map<string, Buffer>();
  let unpacked = 0;
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) {
      throw corrupt('has a damaged zip directory');
    }
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);

    if (!(REPORT_FILES as readonly string[]).includes(name) || files.has(name)) {
      throw corrupt(`holds ${JSON.stringify(name)}, expected ${expected}`);
    }
    if (flags & 1) throw corrupt(`holds ${name} encrypted`);
    unpacked += size;
    if (unpacked > MAX_REPORT_BYTES)
      throw corrupt(`unpacks to more than ${MAX_REPORT_BYTES} bytes`);
    if (localHeader + 30 > zip.length || zip.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) {
      throw corrupt(`has a damaged entry for ${name}`);
    }
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) throw corrupt(`is truncated in ${name}`);

    let content: Buffer;
    if (method === STORED) {
      content = data;
    } else if (method === DEFLATED) {
      try {
        // One byte of room beyond the recorded size, so that a lying size is caught, not obeyed.
        content = inflateRawSync(data, { maxOutputLength: size + 1 });
      } catch (error) {
        throw corrupt(
          `holds ${name} compressed in a way that does not unpack (${messageOf(error)})`,
        );
      }
    } else {
      throw corrupt(
        `holds ${name} compressed with zip method ${method}; only stored and deflated are read`,
      );
    }
    if (content.length !== size || crc32(content) !== crc) {
      throw corrupt(
        `holds ${name} with content that does not match its recorded size and checksum`,
      );
    }
    files.set(name, content);
  }
  const metadata = files.get(METADATA_FILE);
  const comparison = files.get(COMPARISON_FILE);
  if (!metadata || !comparison) throw corrupt(`does not hold ${expected}`);
  return { metadata, comparison };
}
