/**
 * Moving a few files through the Actions artifact service, for the report, shard and flame graph
 * artifacts (the last are only uploaded). Uploads go to this run (the runtime token); downloads
 * name a run (`findBy`, a REST token) and come back as the zip, unpacked by the caller with
 * `unzipExactly`, so that nothing unbounded or unexpected from another job is ever written to disk.
 */

import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DefaultArtifactClient, FindOptions } from '@actions/artifact';
import { CorruptFileError, EnvironmentError, InputError, type UserError } from '../errors.js';
import { httpStatus, isRateLimit, messageOf, serviceFailure } from './service-errors.js';

export type FindBy = NonNullable<FindOptions['findBy']>;

/** An artifact as the service lists it. */
export interface ListedArtifact {
  id: number;
  name: string;
  size: number;
  digest?: string;
}

/** Runs `work` in a fresh directory under `tempDir` (private to the job), removed after. */
export async function inPrivateDir<T>(tempDir: string, work: (dir: string) => Promise<T>) {
  await mkdir(tempDir, { recursive: true });
  const dir = await mkdtemp(join(tempDir, 'rust-perf-artifact-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Uploads `files` (name → content) as artifact `name` of this run; returns its id. */
export async function uploadArtifactFiles(
  client: DefaultArtifactClient,
  name: string,
  files: ReadonlyMap<string, string>,
  options: { tempDir: string; hint: string },
): Promise<number | undefined> {
  return inPrivateDir(options.tempDir, async (dir) => {
    for (const [file, content] of files) await writeFile(join(dir, file), content);
    try {
      const { id } = await client.uploadArtifact(
        name,
        [...files.keys()].map((file) => join(dir, file)),
        dir,
      );
      return id;
    } catch (error) {
      throw new EnvironmentError(
        `Uploading the ${name} artifact failed: ${messageOf(error)}`,
        options.hint,
      );
    }
  });
}

/** The zip of `artifact`, checked against its size bound and its upload digest. */
export async function downloadArtifactZip(
  client: DefaultArtifactClient,
  artifact: ListedArtifact,
  options: { findBy: FindBy; tempDir: string; source: string; maxBytes: number },
): Promise<Buffer> {
  const { source, maxBytes } = options;
  const tooLarge = (size: number) =>
    new CorruptFileError(
      source,
      undefined,
      `is ${size} bytes, more than the ${maxBytes} such an artifact may take`,
    );
  if (artifact.size > maxBytes) throw tooLarge(artifact.size);
  return inPrivateDir(options.tempDir, async (dir) => {
    const { digestMismatch } = await client
      .downloadArtifact(artifact.id, {
        path: dir,
        findBy: options.findBy,
        skipDecompress: true,
        expectedHash: artifact.digest,
      })
      .catch((error: unknown) => {
        throw serviceFailure(`Downloading ${source}`, error, 'actions: read');
      });
    if (digestMismatch) {
      throw new CorruptFileError(source, undefined, 'does not match the digest recorded at upload');
    }
    const [zipName, ...others] = await readdir(dir);
    if (zipName === undefined || others.length > 0) {
      throw new CorruptFileError(source, undefined, 'did not download as one zip file');
    }
    const zipPath = join(dir, zipName);
    const { size } = await stat(zipPath);
    if (size > maxBytes) throw tooLarge(size);
    return readFile(zipPath);
  });
}

/**
 * Listing the artifacts of workflow run `runId` failed. A token refused for lack of
 * `actions: read` is the user's to fix; a rate limit (also a 403) or an outage is the service's.
 */
export function listingFailure(error: unknown, runId: number, what: string): UserError {
  const status = httpStatus(error);
  if ((status === 401 || status === 403) && !isRateLimit(error)) {
    return new InputError(
      `The github-token may not read the artifacts of workflow run ${runId}: ${messageOf(error)}`,
      'Give the job `permissions: actions: read` (and pull-requests: write to comment).',
    );
  }
  return serviceFailure(`Finding ${what} of workflow run ${runId}`, error, 'actions: read');
}
