/**
 * Baselines in the GitHub Actions cache: the profile measured on the default branch is saved under
 * a key naming the commit, and a pull request restores the one of its base commit, or else the
 * newest one measured under the same conditions. The cache is an optimisation: when the cache
 * service fails, the caller measures the base itself, so no cache failure fails a step (only the
 * runner's own disk failing under the temporary directory does).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as cache from '@actions/cache';
import { CorruptFileError } from '../errors.js';
import { parseProfileDocument, serialiseProfileDocument } from '../profile/document.js';
import type { ProfileDocument } from '../profile/profile.js';
import type { Logger } from '../system/logger.js';
import { baselineCacheKey, baselineRestoreKeys } from './baseline-keys.js';

export interface RestoredBaseline {
  profile: ProfileDocument;
  /** The cache key it was restored from. */
  key: string;
  /** True when it is the baseline of exactly the requested commit. */
  exact: boolean;
}

type SaveOutcome =
  | { status: 'saved'; key: string }
  | { status: 'skipped'; key: string; reason: string };

/** Where baselines are kept between runs; the action depends on this, tests fake it. */
export interface BaselineStore {
  restore(baseSha: string, identity: string): Promise<RestoredBaseline | undefined>;
  save(profile: ProfileDocument, sha: string, identity: string): Promise<SaveOutcome>;
}

interface ActionsCacheBaselineStoreOptions {
  prefix: string;
  os: string;
  log: Logger;
  /** A directory private to this job (`RUNNER_TEMP` on a runner). */
  tempDir: string;
}

/** The directory cached; constant so that the cache version (a hash of the paths) never varies. */
const BASELINE_DIR = 'rust-perf-baseline';
const PROFILE_FILE = 'profile.json';

/**
 * A BaselineStore over `@actions/cache`. Cache failures (service down, conflicts, corrupt or
 * foreign entries) are logged warnings, never thrown; a local file-system error is.
 */
export class ActionsCacheBaselineStore implements BaselineStore {
  readonly #prefix: string;
  readonly #os: string;
  readonly #log: Logger;
  readonly #dir: string;

  constructor(options: ActionsCacheBaselineStoreOptions) {
    this.#prefix = options.prefix;
    this.#os = options.os;
    this.#log = options.log;
    this.#dir = join(options.tempDir, BASELINE_DIR);
  }

  async restore(baseSha: string, identity: string): Promise<RestoredBaseline | undefined> {
    const [primaryKey = '', ...restoreKeys] = baselineRestoreKeys({
      prefix: this.#prefix,
      os: this.#os,
      identity,
      sha: baseSha,
    });
    if (!cache.isFeatureAvailable()) {
      this.#log.warn(
        'The Actions cache is not available to this job, so no baseline can be restored.',
      );
      return undefined;
    }
    // An earlier save or restore may have left a profile here; it must not pass for this one.
    await rm(this.#dir, { recursive: true, force: true });
    // The library reports its own failures (service down, broken archive) as warnings and
    // returns undefined, exactly as for a miss.
    const key = await cache.restoreCache([this.#dir], primaryKey, restoreKeys);
    if (key === undefined) {
      this.#log.info(
        `No baseline restored from the cache for ${baseSha} or any other commit measured under the same conditions (${identity}).`,
      );
      return undefined;
    }
    const file = join(this.#dir, PROFILE_FILE);
    const source = `baseline cache entry ${key}`;
    let profile: ProfileDocument;
    try {
      profile = parseProfileDocument(await readFile(file, 'utf8'), source);
    } catch (error) {
      if (error instanceof CorruptFileError) {
        this.#log.warn(`Ignoring the cached baseline: ${error.message}`);
        return undefined;
      }
      if (isMissingFile(error)) {
        this.#log.warn(`Ignoring the cached baseline: ${source} holds no ${PROFILE_FILE}.`);
        return undefined;
      }
      throw error;
    }
    return { profile, key, exact: key === primaryKey };
  }

  async save(profile: ProfileDocument, sha: string, identity: string): Promise<SaveOutcome> {
    const key = baselineCacheKey({ prefix: this.#prefix, os: this.#os, identity, sha });
    if (!cache.isFeatureAvailable()) {
      const reason = 'the Actions cache is not available to this job';
      this.#log.warn(`The baseline was not saved: ${reason}.`);
      return { status: 'skipped', key, reason };
    }
    await rm(this.#dir, { recursive: true, force: true });
    await mkdir(this.#dir, { recursive: true });
    await writeFile(join(this.#dir, PROFILE_FILE), serialiseProfileDocument(profile));
    // -1 means the library could not save and has said why (reservation conflict, service error).
    const cacheId = await cache.saveCache([this.#dir], key);
    if (cacheId === -1) {
      const reason =
        'the cache service did not take it (see the cache message above; another job may be saving the same key)';
      this.#log.warn(`The baseline was not saved as ${key}: ${reason}.`);
      return { status: 'skipped', key, reason };
    }
    this.#log.info(`Saved the baseline as ${key}.`);
    return { status: 'saved', key };
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
