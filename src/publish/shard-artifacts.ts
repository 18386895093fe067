/**
 * The artifacts of a sharded matrix: each leg uploads `<prefix>-shard-K-of-N` holding its share
 * of the head's profile (and of the base's, on a pull request) with what it was measured
 * against; the `mode: merge` job of the same run downloads them all. Legs run the code under
 * test, so the merge job reads what they left as untrusted: bounded sizes, exactly the expected
 * files, strict schemas, a name that agrees with the content.
 */

import { DefaultArtifactClient } from '@actions/artifact';
import { CorruptFileError } from '../errors.js';
import { parseShard, type ShardSpec, shardName } from '../inputs/shard.js';
import { parseProfileDocument, serialiseProfileDocument } from '../profile/document.js';
import type { ProfileDocument } from '../profile/profile.js';
import { FULL_COMMIT_SHA } from '../system/commit-id.js';
import type { Logger } from '../system/logger.js';
import {
  describeJsonValue,
  type JsonProblem,
  parseJson,
  StrictJsonReader,
} from '../system/strict-json.js';
import {
  downloadArtifactZip,
  type ListedArtifact,
  listingFailure,
  uploadArtifactFiles,
} from './artifact-transfer.js';
import { unzipExactly } from './zip.js';

const METADATA_FILE = 'metadata.json';
const HEAD_FILE = 'head.json';
const BASE_FILE = 'base.json';
const METADATA_VERSION = 1;
const METADATA_FIELDS = ['version', 'shard', 'headSha', 'identity'];
const OPTIONAL_FIELDS = ['baseSha', 'prNumber', 'balancedBy'];
/** Bound on one shard's zip and on what it unpacks to: two profiles of a share of a suite. */
const MAX_SHARD_BYTES = 64 * 1024 * 1024;
const BASELINE_IDENTITY = /^[0-9a-f]{16}-[0-9a-f]{8}$/;

/** What a leg measured its share against, so that the merge job can tell the legs agree. */
export interface ShardMetadata {
  shard: ShardSpec;
  /** The commit the leg measured. */
  headSha: string;
  /** The pull request's base commit; absent on other events. */
  baseSha?: string;
  prNumber?: number;
  /** The baseline identity (conditions and measured set) the leg's profiles are of. */
  identity: string;
  /** The cache key of the baseline whose costs balanced the shares; absent: by count. */
  balancedBy?: string;
}

export interface ShardEnvelope extends ShardMetadata {
  head: ProfileDocument;
  /** The leg's share of the base: cut from the cached baseline, or measured. */
  base?: ProfileDocument;
}

/** A shard's artifact as downloaded, named for messages. */
export interface DownloadedShard extends ShardEnvelope {
  source: string;
}

export interface ShardArtifacts {
  upload(shard: ShardEnvelope): Promise<void>;
  /** Every shard artifact of workflow run `runId`, validated, in shard order. */
  downloadAll(runId: number): Promise<DownloadedShard[]>;
}

/** `<prefix>-shard-K-of-N`: the one name a leg uploads under. */
export function shardArtifactName(prefix: string, { index, count }: ShardSpec): string {
  return `${prefix}-shard-${index}-of-${count}`;
}

interface GitHubShardArtifactsOptions {
  log: Logger;
  /** Artifact names start with it: `cache-key-prefix`, which tells suites of one run apart. */
  prefix: string;
  tempDir: string;
  /** A token that may read this repository's Actions artifacts (`actions: read`). */
  token: string;
  owner: string;
  repo: string;
}

/** ShardArtifacts over `@actions/artifact`. */
export class GitHubShardArtifacts implements ShardArtifacts {
  readonly #options: GitHubShardArtifactsOptions;
  readonly #client = new DefaultArtifactClient();

  constructor(options: GitHubShardArtifactsOptions) {
    this.#options = options;
  }

  async upload(shard: ShardEnvelope): Promise<void> {
    const name = shardArtifactName(this.#options.prefix, shard.shard);
    const files = new Map([
      [METADATA_FILE, serialiseShardMetadata(shard)],
      [HEAD_FILE, serialiseProfileDocument(shard.head)],
    ]);
    if (shard.base !== undefined) files.set(BASE_FILE, serialiseProfileDocument(shard.base));
    const id = await uploadArtifactFiles(this.#client, name, files, {
      tempDir: this.#options.tempDir,
      hint: 'Each leg of the matrix needs its own `shard: K/N`, and suites measured in one workflow run their own cache-key-prefix; otherwise re-run the job.',
    });
    this.#options.log.info(
      `Uploaded shard ${shardName(shard.shard)} as artifact ${name} (id ${id}).`,
    );
  }

  async downloadAll(runId: number): Promise<DownloadedShard[]> {
    const { token, owner, repo, tempDir, prefix } = this.#options;
    const findBy = { token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo };
    let listed: ListedArtifact[];
    try {
      // The newest artifact of each name: a re-run leg replaces its earlier attempt's.
      ({ artifacts: listed } = await this.#client.listArtifacts({ latest: true, findBy }));
    } catch (error) {
      throw listingFailure(error, runId, 'the shard artifacts');
    }
    const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}-shard-(\\d+)-of-(\\d+)$`);
    const shards: DownloadedShard[] = [];
    for (const artifact of listed) {
      const match = pattern.exec(artifact.name);
      if (match === null) continue;
      const source = `artifact ${artifact.name} of workflow run ${runId}`;
      const zip = await downloadArtifactZip(this.#client, artifact, {
        findBy,
        tempDir,
        source,
        maxBytes: MAX_SHARD_BYTES,
      });
      const shard = readShardZip(zip, source);
      if (shardArtifactName(prefix, shard.shard) !== artifact.name) {
        throw new CorruptFileError(
          source,
          undefined,
          `holds shard ${shardName(shard.shard)}, not the one its name says`,
        );
      }
      shards.push({ ...shard, source });
    }
    this.#options.log.info(
      `Downloaded ${shards.length} shard artifact${shards.length === 1 ? '' : 's'} of workflow run ${runId}.`,
    );
    return shards.sort((a, b) => a.shard.index - b.shard.index || a.shard.count - b.shard.count);
  }
}

/** The files of a shard's zip, each read by its strict reader. */
export function readShardZip(zip: Buffer, source: string): ShardEnvelope {
  const files = unzipExactly(zip, [METADATA_FILE, HEAD_FILE], MAX_SHARD_BYTES, source, [BASE_FILE]);
  const profile = (file: string, bytes: Buffer) =>
    parseProfileDocument(bytes.toString('utf8'), `${source}: ${file}`);
  const base = files.get(BASE_FILE);
  return {
    ...parseShardMetadata(files.get(METADATA_FILE)!, `${source}: ${METADATA_FILE}`),
    head: profile(HEAD_FILE, files.get(HEAD_FILE)!),
    ...(base === undefined ? {} : { base: profile(BASE_FILE, base) }),
  };
}

export function serialiseShardMetadata(metadata: ShardMetadata): string {
  const { shard, headSha, baseSha, prNumber, identity, balancedBy } = metadata;
  const record = { version: METADATA_VERSION, shard: shardName(shard), headSha, identity };
  return `${JSON.stringify({ ...record, baseSha, prNumber, balancedBy })}\n`;
}

export function parseShardMetadata(bytes: Buffer, source: string): ShardMetadata {
  const corrupt = (reason: string) => new CorruptFileError(source, undefined, reason);
  const value = parseJson(bytes.toString('utf8'), (reason) =>
    corrupt(`is not valid JSON (${reason})`),
  );
  const reader = new StrictJsonReader((path, problem) => corrupt(metadataProblem(path, problem)));
  const record = reader.object(value, '', { required: METADATA_FIELDS, optional: OPTIONAL_FIELDS });
  reader.expect(record.version, 'version', (version) => version === METADATA_VERSION, '1');
  const commit = (path: string, sha: unknown) =>
    reader.expect<string>(
      sha,
      path,
      (item) => typeof item === 'string' && FULL_COMMIT_SHA.test(item),
      'a commit hash',
    );
  const shardText = reader.expect<string>(
    record.shard,
    'shard',
    (item) => typeof item === 'string' && /^\d{1,3}\/\d{1,3}$/.test(item),
    'K/N',
  );
  let shard: ShardSpec;
  try {
    shard = parseShard(shardText, 'shard');
  } catch {
    return reader.refuse('shard', 'is not a shard of at most 256', shardText);
  }
  const metadata: ShardMetadata = {
    shard,
    headSha: commit('headSha', record.headSha),
    identity: reader.expect(
      record.identity,
      'identity',
      (item) => typeof item === 'string' && BASELINE_IDENTITY.test(item),
      'a baseline identity',
    ),
  };
  if (record.baseSha !== undefined) metadata.baseSha = commit('baseSha', record.baseSha);
  if (record.prNumber !== undefined) {
    metadata.prNumber = reader.expect(
      record.prNumber,
      'prNumber',
      (number) => Number.isSafeInteger(number) && (number as number) >= 1,
      'a positive whole number',
    );
  }
  if (record.balancedBy !== undefined) {
    metadata.balancedBy = reader.expect(
      record.balancedBy,
      'balancedBy',
      (key) => typeof key === 'string' && /^[\x21-\x7e]{1,512}$/.test(key),
      'a cache key',
    );
  }
  return metadata;
}

function metadataProblem(path: string, problem: JsonProblem): string {
  switch (problem.kind) {
    case 'missing':
    case 'unknown-field':
      return `has the fields ${Object.keys(problem.object).sort().join(', ')}, expected ${METADATA_FIELDS.join(', ')} and optionally ${OPTIONAL_FIELDS.join(', ')}`;
    case 'expected':
      return path === ''
        ? 'is not a JSON object'
        : `has ${path} ${describeJsonValue(problem.found)}, expected ${problem.expected}`;
    case 'rule':
      return `has ${path} ${describeJsonValue(problem.found)}: it ${problem.rule}`;
  }
}
