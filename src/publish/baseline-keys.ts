/**
 * The cache keys of baselines: a key names the conditions, what was measured and the commit,
 * so that a restore finds the baseline of exactly a commit or else the newest comparable one.
 */
import { InputError } from '../errors.js';

/** What a baseline's key is made of besides the commit; keys differ whenever counts would. */
interface BaselineKeyParts {
  /** The `cache-key-prefix` input, e.g. `rust-perf`. */
  prefix: string;
  /** The runner's OS, e.g. `Linux`. */
  os: string;
  /** What a baseline must match to stand in for another commit's: see `baselineIdentity`. */
  identity: string;
}

/** The longest key the cache service accepts. */
const MAX_KEY_LENGTH = 512;

function keyPrefix({ prefix, os, identity }: BaselineKeyParts): string {
  const keyPrefix = `${prefix}-${os}-${identity}-`;
  if (keyPrefix.includes(',')) {
    throw new InputError(`The cache key prefix '${prefix}' must not contain commas.`);
  }
  return keyPrefix;
}

/** `<prefix>-<os>-<identity>-<sha>`: the key a baseline of commit `sha` is saved under. */
export function baselineCacheKey(parts: BaselineKeyParts & { sha: string }): string {
  const key = `${keyPrefix(parts)}${parts.sha}`;
  if (key.length > MAX_KEY_LENGTH) {
    throw new InputError(
      `The cache key prefix '${parts.prefix}' is too long: cache keys are limited to ${MAX_KEY_LENGTH} characters.`,
    );
  }
  return key;
}

/**
 * The keys to restore with, in order: the baseline of exactly `sha`, then (the cache service
 * matches restore keys by prefix, newest first) the newest baseline with the same fingerprint.
 */
export function baselineRestoreKeys(parts: BaselineKeyParts & { sha: string }): string[] {
  return [baselineCacheKey(parts), keyPrefix(parts)];
}
