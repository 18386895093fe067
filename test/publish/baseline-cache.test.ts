import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cache from '@actions/cache';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { ActionsCacheBaselineStore } from '../../src/publish/baseline-cache.js';
import { baselineCacheKey, baselineRestoreKeys } from '../../src/publish/baseline-keys.js';
import { maySaveBaseline } from '../../src/publish/save-policy.js';
import { type ActionsServices, startActionsServices } from '../support/actions-services.js';
import { memoryLogger } from '../support/memory-logger.js';

const SHA_A = '8f2c1e0a9b7d4c3e2f1a0b9c8d7e6f5a4b3c2d1e';
const SHA_B = '1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e';
const SHA_C = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

async function fixtureProfile(name: string): Promise<ProfileDocument> {
  const text = await readFile(new URL(`../fixtures/profiles/${name}`, import.meta.url), 'utf8');
  return JSON.parse(text) as ProfileDocument;
}

describe('baselineCacheKey', () => {
  it('is prefix, OS, identity and commit, dash-separated', () => {
    expect(
      baselineCacheKey({ prefix: 'rust-perf', os: 'Linux', identity: 'a1b2c3', sha: SHA_A }),
    ).toBe(`rust-perf-Linux-a1b2c3-${SHA_A}`);
  });

  it('rejects a prefix with a comma, which the cache service cannot store', () => {
    expect(() =>
      baselineCacheKey({ prefix: 'perf,x', os: 'Linux', identity: 'a1', sha: SHA_A }),
    ).toThrow("The cache key prefix 'perf,x' must not contain commas.");
  });

  it('rejects a prefix that makes the key longer than the 512 characters the service accepts', () => {
    const prefix = 'p'.repeat(470);
    expect(() => baselineCacheKey({ prefix, os: 'Linux', identity: 'a1', sha: SHA_A })).toThrow(
      /too long: cache keys are limited to 512 characters/,
    );
  });
});

describe('baselineRestoreKeys', () => {
  it('asks for the exact base commit first, then any commit with the same fingerprint', () => {
    expect(
      baselineRestoreKeys({ prefix: 'rp', os: 'Linux', identity: 'f00d', sha: SHA_B }),
    ).toEqual([`rp-Linux-f00d-${SHA_B}`, 'rp-Linux-f00d-']);
  });
});

describe('maySaveBaseline', () => {
  const onMain = 'refs/heads/main';
  const onTopic = 'refs/heads/topic';

  it.each([
    ['auto', 'push', onMain, true, 'push to the default branch main'],
    [
      'auto',
      'push',
      onTopic,
      false,
      'save-baseline: auto saves only on pushes to the default branch main, not to refs/heads/topic',
    ],
    [
      'auto',
      'schedule',
      onMain,
      false,
      'save-baseline: auto saves only on pushes to the default branch, not on schedule events',
    ],
    [
      'auto',
      'workflow_dispatch',
      onMain,
      false,
      'save-baseline: auto saves only on pushes to the default branch, not on workflow_dispatch events',
    ],
    [
      'auto',
      'pull_request',
      onMain,
      false,
      'baselines are never saved from pull_request events: pull-request code could poison the cache',
    ],
    ['true', 'push', onTopic, true, 'save-baseline is true (push event)'],
    ['true', 'schedule', onMain, true, 'save-baseline is true (schedule event)'],
    ['true', 'workflow_dispatch', onTopic, true, 'save-baseline is true (workflow_dispatch event)'],
    [
      'true',
      'pull_request',
      onMain,
      false,
      'baselines are never saved from pull_request events: pull-request code could poison the cache',
    ],
    [
      'true',
      'pull_request_target',
      onMain,
      false,
      'baselines are never saved from pull_request_target events: pull-request code could poison the cache',
    ],
    ['false', 'push', onMain, false, 'save-baseline is false'],
    ['false', 'schedule', onMain, false, 'save-baseline is false'],
  ] as const)(
    'save-baseline %s, %s event on %s, default branch main: %s',
    (setting, eventName, ref, save, reason) => {
      expect(maySaveBaseline({ setting, eventName, ref, defaultBranch: 'main' })).toEqual({
        save,
        reason,
      });
    },
  );
});

describe('ActionsCacheBaselineStore over the Actions cache service', () => {
  let services: ActionsServices;
  let runnerTemp: string;
  let savedEnv: NodeJS.ProcessEnv;
  let log: ReturnType<typeof memoryLogger>;
  let store: ActionsCacheBaselineStore;
  let base: ProfileDocument;
  let head: ProfileDocument;

  beforeEach(async () => {
    services = await startActionsServices();
    runnerTemp = await mkdtemp(join(tmpdir(), 'rust-perf-cache-test-'));
    await mkdir(join(runnerTemp, 'workspace'));
    savedEnv = { ...process.env };
    delete process.env.ACTIONS_CACHE_URL;
    Object.assign(process.env, services.env, {
      RUNNER_TEMP: runnerTemp,
      GITHUB_WORKSPACE: join(runnerTemp, 'workspace'),
    });
    log = memoryLogger();
    store = new ActionsCacheBaselineStore({
      prefix: 'rust-perf',
      os: 'Linux',
      log,
      tempDir: runnerTemp,
    });
    base = await fixtureProfile('textbench-base.json');
    head = await fixtureProfile('textbench-head.json');
    // The cache library reports through @actions/core, which writes workflow commands to stdout.
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    process.env = savedEnv;
    await services.close();
    await rm(runnerTemp, { recursive: true, force: true });
  });

  function stdout(): string {
    return vi
      .mocked(process.stdout.write)
      .mock.calls.map((call) => String(call[0]))
      .join('');
  }

  it('saves a baseline and restores it by its exact commit', async () => {
    expect(await store.save(base, SHA_A, 'fp1')).toEqual({
      status: 'saved',
      key: `rust-perf-Linux-fp1-${SHA_A}`,
    });
    expect(services.cacheEntries.map((e) => e.key)).toEqual([`rust-perf-Linux-fp1-${SHA_A}`]);

    expect(await store.restore(SHA_A, 'fp1')).toEqual({
      profile: base,
      key: `rust-perf-Linux-fp1-${SHA_A}`,
      exact: true,
    });
    expect(log.lines).toEqual([`Saved the baseline as rust-perf-Linux-fp1-${SHA_A}.`]);
  });

  it('prefers the exact commit to a newer baseline with the same fingerprint', async () => {
    await store.save(base, SHA_A, 'fp1');
    await store.save(head, SHA_B, 'fp1');

    const restored = await store.restore(SHA_A, 'fp1');
    expect(restored?.key).toBe(`rust-perf-Linux-fp1-${SHA_A}`);
    expect(restored?.profile).toEqual(base);
  });

  it('falls back to the newest baseline with the same fingerprint when the base commit has none', async () => {
    await store.save(base, SHA_A, 'fp1');
    await store.save(head, SHA_B, 'fp1');
    await store.save(base, SHA_C, 'fp2');

    expect(await store.restore('0'.repeat(40), 'fp1')).toEqual({
      profile: head,
      key: `rust-perf-Linux-fp1-${SHA_B}`,
      exact: false,
    });
  });

  it('misses when only baselines of another fingerprint exist', async () => {
    await store.save(base, SHA_A, 'fp1');

    expect(await store.restore(SHA_A, 'fp2')).toBeUndefined();
    expect(log.lines.at(-1)).toBe(
      `No baseline restored from the cache for ${SHA_A} or any other commit measured under the same conditions (fp2).`,
    );
  });

  it('misses when the baselines were saved by another OS or prefix', async () => {
    await store.save(base, SHA_A, 'fp1');
    const macStore = new ActionsCacheBaselineStore({
      prefix: 'rust-perf',
      os: 'macOS',
      log,
      tempDir: runnerTemp,
    });
    const otherPrefix = new ActionsCacheBaselineStore({
      prefix: 'perf',
      os: 'Linux',
      log,
      tempDir: runnerTemp,
    });

    expect(await macStore.restore(SHA_A, 'fp1')).toBeUndefined();
    expect(await otherPrefix.restore(SHA_A, 'fp1')).toBeUndefined();
  });

  it('warns and misses when the cache service is down, and the library says why', async () => {
    await store.save(base, SHA_A, 'fp1');
    services.down = true;

    expect(await store.restore(SHA_A, 'fp1')).toBeUndefined();
    expect(stdout()).toContain(
      '::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Unable to make request: ECONNRESET',
    );
  });

  it('skips saving with a warning when the cache service is down', async () => {
    services.down = true;

    const outcome = await store.save(base, SHA_A, 'fp1');
    expect(outcome).toEqual({
      status: 'skipped',
      key: `rust-perf-Linux-fp1-${SHA_A}`,
      reason:
        'the cache service did not take it (see the cache message above; another job may be saving the same key)',
    });
    expect(log.lines).toEqual([
      `warning: The baseline was not saved as rust-perf-Linux-fp1-${SHA_A}: ${outcome.status === 'skipped' ? outcome.reason : ''}.`,
    ]);
  });

  it('skips saving a key that already exists (another job saved it first)', async () => {
    await store.save(base, SHA_A, 'fp1');

    expect((await store.save(head, SHA_A, 'fp1')).status).toBe('skipped');
    expect(await store.restore(SHA_A, 'fp1')).toMatchObject({ profile: base });
    expect(stdout()).toContain(`Unable to reserve cache with key rust-perf-Linux-fp1-${SHA_A}`);
  });

  it('misses, rather than reading an earlier profile, when the entry is not an archive', async () => {
    await store.save(base, SHA_A, 'fp1');
    services.corruptCacheEntry(`rust-perf-Linux-fp1-${SHA_A}`, Buffer.from('definitely not zstd'));

    expect(await store.restore(SHA_A, 'fp1')).toBeUndefined();
    expect(stdout()).toContain('::warning::Failed to restore:');
  });

  it('warns and misses when the entry holds a profile that is not valid JSON', async () => {
    // An entry as a broken or hostile writer would leave it: the right path, the wrong content.
    const dir = join(runnerTemp, 'rust-perf-baseline');
    await mkdir(dir);
    await writeFile(join(dir, 'profile.json'), '{"version": 1, "tool": "rust-perf 0.1.0", ');
    expect(await cache.saveCache([dir], `rust-perf-Linux-fp1-${SHA_A}`)).toBeGreaterThan(0);

    expect(await store.restore(SHA_A, 'fp1')).toBeUndefined();
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(
      new RegExp(
        `^warning: Ignoring the cached baseline: baseline cache entry rust-perf-Linux-fp1-${SHA_A}\\b`,
      ),
    );
  });

  it('warns and misses when the entry holds JSON that is not a profile document', async () => {
    const dir = join(runnerTemp, 'rust-perf-baseline');
    await mkdir(dir);
    await writeFile(join(dir, 'profile.json'), JSON.stringify({ ...base, version: 99 }));
    await cache.saveCache([dir], `rust-perf-Linux-fp1-${SHA_A}`);

    expect(await store.restore(SHA_A, 'fp1')).toBeUndefined();
    expect(log.lines[0]).toMatch(/^warning: Ignoring the cached baseline: baseline cache entry /);
  });

  it('misses, saying why, a baseline of an earlier rust-perf that measured whole bench targets', async () => {
    const dir = join(runnerTemp, 'rust-perf-baseline');
    await mkdir(dir);
    await writeFile(join(dir, 'profile.json'), JSON.stringify({ ...base, version: 1 }));
    await cache.saveCache([dir], `rust-perf-Linux-fp1-${SHA_A}`);

    expect(await store.restore(SHA_A, 'fp1')).toBeUndefined();
    expect(log.lines).toEqual([
      `warning: Ignoring the cached baseline: baseline cache entry rust-perf-Linux-fp1-${SHA_A}: not a valid profile document: ` +
        'version: profile version 1 was written by an earlier rust-perf, which measured each bench target as one whole program: ' +
        'its counts do not compare with per-benchmark counts, so measure this side again with this version of rust-perf',
    ]);
  });

  it('warns and misses when the entry holds no profile, even with a profile left from a save', async () => {
    const dir = join(runnerTemp, 'rust-perf-baseline');
    await mkdir(dir);
    await writeFile(join(dir, 'other.txt'), 'hello');
    await cache.saveCache([dir], `rust-perf-Linux-fp1-${SHA_A}`);
    // Leaves a profile.json in the very directory the next restore extracts into.
    await store.save(base, SHA_B, 'fp1');

    expect(await store.restore(SHA_A, 'fp1')).toBeUndefined();
    expect(log.lines.at(-1)).toBe(
      `warning: Ignoring the cached baseline: baseline cache entry rust-perf-Linux-fp1-${SHA_A} holds no profile.json.`,
    );
  });

  it('says so, without calling any service, when the job has no cache service', async () => {
    delete process.env.ACTIONS_RESULTS_URL;

    expect(await store.restore(SHA_A, 'fp1')).toBeUndefined();
    expect(await store.save(base, SHA_A, 'fp1')).toEqual({
      status: 'skipped',
      key: `rust-perf-Linux-fp1-${SHA_A}`,
      reason: 'the Actions cache is not available to this job',
    });
    expect(log.lines).toEqual([
      'warning: The Actions cache is not available to this job, so no baseline can be restored.',
      'warning: The baseline was not saved: the Actions cache is not available to this job.',
    ]);
    expect(services.requests).toEqual([]);
  });
});
