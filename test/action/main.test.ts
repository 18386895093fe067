/**
 * The action's flow with every edge faked: measuring returns recorded profiles, the cache,
 * artifact and comment services are in memory, child processes are scripted. Compare and render
 * are the real ones, so the comments and summaries checked here are what users get.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionDeps, ActionOutput } from '../../src/action/deps.js';
import { runAction } from '../../src/action/main.js';
import { parseComparison } from '../../src/compare/read-comparison.js';
import { EnvironmentError, GitError } from '../../src/errors.js';
import type { MeasureSettings } from '../../src/measure/measure.js';
import type { RevisionDeps } from '../../src/measure/measure-revision.js';
import { parseProfileDocument } from '../../src/profile/document.js';
import { withHistory } from '../../src/profile/history.js';
import { baselineIdentity, fingerprintHash } from '../../src/profile/identity.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { shareOf } from '../../src/profile/shard-assignment.js';
import type { ReportEnvelope } from '../../src/publish/artifact.js';
import type { BaselineStore, RestoredBaseline } from '../../src/publish/baseline-cache.js';
import type { CommentOutcome, CommentTarget } from '../../src/publish/comment.js';
import type { ShardEnvelope } from '../../src/publish/shard-artifacts.js';
import type { FlameGraphFile } from '../../src/report/flame-graph.js';
import type { Git, GitOptions } from '../../src/system/git.js';
import type { ProcessDeps, RunOptions, RunResult } from '../../src/system/process.js';
import { memoryLogger } from '../support/memory-logger.js';
import { actionInputDefaults } from '../support/run-action.js';

const fixture = (name: string) =>
  parseProfileDocument(
    readFileSync(new URL(`../fixtures/profiles/${name}`, import.meta.url), 'utf8'),
    name,
  );
// Real-looking profiles of the example crate: in the head, `parse` regressed by 25%.
const BASE_PROFILE = fixture('textbench-base.json');
const HEAD_PROFILE = fixture('textbench-head.json');
/** What the action's baselines are keyed by: the toolchain and what the default inputs measure. */
const HASH = baselineIdentity(fingerprintHash(HEAD_PROFILE.fingerprint), {
  workingDirectory: 'crates/textbench',
  benches: [],
  commands: [],
  cargoArgs: [],
  metrics: ['instructions'],
});

const TOKEN = 'ghs_secretInstallationToken';
const BASE_SHA = BASE_PROFILE.commit!;
const MERGE_SHA = HEAD_PROFILE.commit!;
const PR_HEAD_SHA = 'd'.repeat(40);
/** The slowed function's row in the comment, its source linked at the measured commit. */
const PARSE_FIELD_ROW =
  '| <code>textbench::parse::parse&#95;field</code> | ' +
  `[<code>src/parse.rs:31</code>](https://github.com/octo/engine/blob/${MERGE_SHA}/src/parse.rs#L31) | ` +
  '1,650,000 | 2,853,120 | +1,203,120 | +72.92% | 🔴 regressed |';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

class MemoryBaselines implements BaselineStore {
  calls: string[] = [];
  entries: { sha: string; hash: string; profile: ProfileDocument }[] = [];

  constructor(private readonly effects: string[]) {}

  async restore(baseSha: string, hash: string): Promise<RestoredBaseline | undefined> {
    this.effects.push('restore');
    this.calls.push(`restore ${baseSha} ${hash}`);
    const sameConditions = this.entries.filter((entry) => entry.hash === hash);
    const exact = sameConditions.find((entry) => entry.sha === baseSha);
    const found = exact ?? sameConditions.at(-1);
    if (!found) return undefined;
    return { profile: found.profile, key: `rust-perf-Linux-${hash}-${found.sha}`, exact: !!exact };
  }

  async save(profile: ProfileDocument, sha: string, hash: string) {
    this.calls.push(`save ${sha} ${hash}`);
    this.entries.push({ sha, hash, profile });
    return { status: 'saved' as const, key: `rust-perf-Linux-${hash}-${sha}` };
  }
}

interface Setup {
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  isRoot?: boolean;
  valgrindInstalled?: boolean;
  commentOutcome?: CommentOutcome;
  measureRevisionError?: Error;
  /** The commit checked out (HEAD); default: GITHUB_SHA. */
  checkedOut?: string;
  /** The checkout has only the commit it checked out, as actions/checkout's default fetch-depth. */
  shallow?: boolean;
  fetchError?: Error;
  /** What `cargo metadata` reports as the target directory; default: the workspace's `target`. */
  cargoTargetDir?: string;
  artifact?: ReportEnvelope;
  pullRequestHeads?: Record<number, string>;
  /** rust-perf.toml by commit, as git reads it (the head's is also written to the checkout). */
  limitsFiles?: Record<string, string>;
  /** Both sides measured under Callgrind: every benchmark has a call graph. */
  callGraphs?: boolean;
  flameGraphUploadError?: Error;
  /** The shard artifacts of the run, shared by its legs and its merge job. */
  shardArtifacts?: ShardEnvelope[];
  /** The job has no checkout: its workspace is no git repository (a merge job may have none). */
  noCheckout?: boolean;
}

/** The profile with a call graph for every benchmark (one without calls: each function a root). */
function withCallGraphs(profile: ProfileDocument): ProfileDocument {
  return {
    ...profile,
    benchmarks: profile.benchmarks.map((benchmark) => ({ ...benchmark, calls: [] })),
  };
}

function setUp(setup: Setup) {
  const root = mkdtempSync(join(tmpdir(), 'rust-perf-action-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const workspace = join(root, 'workspace');
  const tempDir = join(root, 'temp');
  const bin = join(root, 'bin');
  const eventPath = join(root, 'event.json');
  writeFileSync(eventPath, JSON.stringify(setup.payload));
  const valgrind = join(bin, 'valgrind');
  const installValgrind = async () => {
    await writeFile(valgrind, '#!/bin/sh\n');
    await chmod(valgrind, 0o755);
  };
  mkdirSync(bin);
  // The crate's manifest: cargo, faked below, is only asked about one that exists.
  mkdirSync(join(workspace, 'crates', 'textbench'), { recursive: true });
  writeFileSync(join(workspace, 'crates', 'textbench', 'Cargo.toml'), '');
  if (setup.valgrindInstalled ?? true) writeFileSync(valgrind, '#!/bin/sh\n', { mode: 0o755 });
  const headLimits = setup.limitsFiles?.[MERGE_SHA];
  if (headLimits !== undefined) {
    writeFileSync(join(workspace, 'crates', 'textbench', 'rust-perf.toml'), headLimits);
  }

  const inputs: Record<string, string> = {
    ...actionInputDefaults(),
    'github-token': TOKEN,
    'working-directory': 'crates/textbench',
    ...setup.inputs,
  };
  const env: Record<string, string> = {
    PATH: bin,
    HOME: root,
    GITHUB_EVENT_NAME: setup.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo/engine',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_WORKFLOW: 'Perf',
    GITHUB_JOB: 'bench',
    GITHUB_RUN_ID: '31337',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: tempDir,
    RUNNER_OS: 'Linux',
    ACTIONS_RUNTIME_TOKEN: 'runtime-token',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...setup.env,
  };

  const log = memoryLogger();
  /** Effects in order, to check that failing comes after publishing. */
  const effects: string[] = [];
  const outputs: Partial<Record<ActionOutput, string>> = {};
  const summaries: string[] = [];
  const notices: string[] = [];
  const failures: string[] = [];
  const secrets: string[] = [];
  const measured: { settings: MeasureSettings; deps: ProcessDeps }[] = [];
  const revisions: { ref: string; settings: MeasureSettings; deps: RevisionDeps }[] = [];
  const commands: { line: string; env: Record<string, string> }[] = [];
  const upserts: { target: CommentTarget; body: string; create: boolean }[] = [];
  const uploads: ReportEnvelope[] = [];
  const shardUploads = setup.shardArtifacts ?? [];
  const flameGraphUploads: FlameGraphFile[][] = [];
  const downloads: number[] = [];
  const baselines = new MemoryBaselines(effects);
  const gitCalls: string[] = [];
  const gitOptions: GitOptions[] = [];
  const localCommits = new Set(setup.shallow ? [MERGE_SHA] : [MERGE_SHA, BASE_SHA]);
  const notExpected = (operation: string) => () =>
    Promise.reject(new Error(`unexpected git ${operation}`));
  /** The checkout's repository: only resolving and fetching commits are expected of it. */
  const repository: Git = {
    async resolveCommit(ref) {
      gitCalls.push(`resolve ${ref}`);
      if (ref === 'HEAD') return setup.checkedOut ?? MERGE_SHA;
      if (!localCommits.has(ref)) {
        throw new GitError(`'${ref}' does not name a commit in this repository.`);
      }
      return ref;
    },
    async fetchCommit(sha) {
      effects.push('fetch');
      gitCalls.push(`fetch ${sha}`);
      if (setup.fetchError) throw setup.fetchError;
      localCommits.add(sha);
    },
    async readFileAt(sha, path) {
      gitCalls.push(`read ${sha} ${path}`);
      if (!localCommits.has(sha)) throw new GitError(`no commit ${sha}`);
      return setup.limitsFiles?.[sha];
    },
    async topLevel() {
      gitCalls.push('top level');
      if (setup.noCheckout) throw new GitError(`${workspace} is not inside a git repository.`);
      return workspace;
    },
    hasUncommittedChanges: notExpected('hasUncommittedChanges'),
    addWorktree: notExpected('addWorktree'),
    removeWorktree: notExpected('removeWorktree'),
    pruneWorktrees: notExpected('pruneWorktrees'),
  };

  const deps: ActionDeps = {
    inputs: (name) => inputs[name] ?? '',
    env,
    log,
    results: {
      setOutput: (name, value) => {
        effects.push(`output ${name}`);
        outputs[name] = value;
      },
      setSecret: (value) => secrets.push(value),
      notice: (message) => notices.push(message),
      appendSummary: async (markdown) => {
        effects.push('summary');
        summaries.push(markdown);
      },
      setFailed: (message) => {
        effects.push('failed');
        failures.push(message);
      },
    },
    processes: {
      async run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
        const line = [command, ...args].join(' ');
        commands.push({ line, env: options.env });
        const ok = (stdout: string) => ({ exitCode: 0, signal: null, stdout, stderr: '' });
        if (command === valgrind && args[0] === '--version') return ok('valgrind-3.22.0\n');
        if (command === 'cargo' && args[0] === 'metadata') {
          const targetDirectory = setup.cargoTargetDir ?? join(workspace, 'target');
          return ok(
            `${JSON.stringify({ packages: [], workspace_root: '/repo', target_directory: targetDirectory })}\n`,
          );
        }
        if (line.endsWith('apt-get update -qq')) return ok('');
        if (line.endsWith('apt-get install -y -qq --no-install-recommends valgrind')) {
          await installValgrind();
          return ok('');
        }
        throw new Error(`unexpected command: ${line}`);
      },
    },
    profiler: {
      async fingerprint() {
        effects.push('fingerprint');
        return HEAD_PROFILE.fingerprint;
      },
      async measure(settings, measureDeps) {
        effects.push('measure');
        measured.push({ settings, deps: measureDeps });
        const head = setup.callGraphs ? withCallGraphs(HEAD_PROFILE) : HEAD_PROFILE;
        return measuredShare({ ...head, commit: settings.commit }, settings);
      },
      async measureRevision(ref, settings, revisionDeps) {
        effects.push('measure base');
        revisions.push({ ref, settings, deps: revisionDeps });
        if (setup.measureRevisionError) throw setup.measureRevisionError;
        return measuredShare({ ...BASE_PROFILE, commit: settings.commit }, settings);
      },
    },
    openRepository(options) {
      gitOptions.push(options);
      return repository;
    },
    platform: setup.platform ?? 'linux',
    isRoot: setup.isRoot ?? false,
    connect: () => ({
      baselines,
      artifacts: {
        async upload(report) {
          effects.push('upload');
          uploads.push(report);
        },
        async download(runId) {
          downloads.push(runId);
          if (!setup.artifact) throw new Error('no artifact in this test');
          return setup.artifact;
        },
      },
      shards: {
        async upload(shard) {
          effects.push('upload shard');
          shardUploads.push(shard);
        },
        async downloadAll() {
          return shardUploads
            .map((shard) => ({ ...shard, source: `shard ${shard.shard.index}` }))
            .sort((a, b) => a.shard.index - b.shard.index);
        },
      },
      flameGraphs: {
        async upload(files) {
          effects.push('upload flame graphs');
          flameGraphUploads.push([...files]);
          if (setup.flameGraphUploadError) throw setup.flameGraphUploadError;
          return { name: 'rust-perf-bench-flamegraphs', id: 4242 };
        },
      },
      comments: {
        async upsert(target, body, options) {
          effects.push('comment');
          upserts.push({ target, body, create: options.create });
          return setup.commentOutcome ?? { action: 'created', url: 'https://github.com/c/1' };
        },
      },
      async pullRequestHeadSha(prNumber) {
        const sha = setup.pullRequestHeads?.[prNumber];
        if (!sha) throw new Error(`no pull request #${prNumber} in this test`);
        return sha;
      },
    }),
  };
  return {
    deps,
    workspace,
    tempDir,
    log,
    effects,
    outputs,
    summaries,
    notices,
    failures,
    secrets,
    measured,
    revisions,
    commands,
    gitCalls,
    gitOptions,
    upserts,
    uploads,
    flameGraphUploads,
    shardUploads,
    downloads,
    baselines,
  };
}

/** A profile cut to the share of the targets that `settings.shard` measures, as measure does. */
async function measuredShare(
  profile: ProfileDocument,
  settings: MeasureSettings,
): Promise<ProfileDocument> {
  if (settings.shard === undefined) return profile;
  const { spec, costs } = settings.shard;
  const targets = profile.benchmarks.map((benchmark) => benchmark.target);
  const share = shareOf(spec, targets, await costs?.(profile.fingerprint));
  return {
    ...profile,
    shard: spec,
    benchmarks: profile.benchmarks.filter((benchmark) => share.includes(benchmark.target)),
  };
}

/** The base's baseline, saved after an older one of commit eeee…: a history of one. */
function cacheBaseWithHistory(baselines: MemoryBaselines) {
  const older = { ...BASE_PROFILE, commit: 'e'.repeat(40) };
  baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: withHistory(BASE_PROFILE, older) });
}

const pushPayload = (branch = 'main') => ({
  ref: `refs/heads/${branch}`,
  repository: { default_branch: 'main' },
});

const pullRequestPayload = {
  repository: { default_branch: 'main' },
  pull_request: {
    number: 7,
    base: { sha: BASE_SHA, repo: { full_name: 'octo/engine' } },
    head: { sha: PR_HEAD_SHA, repo: { full_name: 'octo/engine' } },
  },
};

const push = (branch = 'main') => ({
  eventName: 'push',
  payload: pushPayload(branch),
  env: { GITHUB_REF: `refs/heads/${branch}` },
});
const pullRequest = { eventName: 'pull_request', payload: pullRequestPayload };
/** A merge queue's run for the queued commit MERGE_SHA, on top of BASE_SHA. */
const mergeGroup = {
  eventName: 'merge_group',
  payload: {
    repository: { default_branch: 'main' },
    merge_group: { base_sha: BASE_SHA, head_sha: MERGE_SHA },
  },
  env: { GITHUB_REF: `refs/heads/gh-readonly-queue/main/pr-7-${BASE_SHA}` },
};

/**
 * A `mode: report` run on the report a `mode: measure` run uploaded for pull request #7 (from a
 * fork: the payload lists no pull requests).
 */
async function reportRun(setup: Pick<Setup, 'pullRequestHeads' | 'commentOutcome'>) {
  const first = setUp({ ...pullRequest, inputs: { mode: 'measure' } });
  await runAction(first.deps);
  const action = setUp({
    eventName: 'workflow_run',
    payload: {
      workflow_run: { id: 555, event: 'pull_request', head_sha: PR_HEAD_SHA, pull_requests: [] },
    },
    inputs: { mode: 'report' },
    artifact: first.uploads[0]!,
    ...setup,
  });
  await runAction(action.deps);
  return action;
}

describe('full mode on a push', () => {
  it('measures the commit and saves it as the baseline on the default branch', async () => {
    const action = setUp(push());
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.measured).toHaveLength(1);
    expect(action.measured[0]?.settings).toEqual({
      manifestPath: join(action.workspace, 'crates/textbench/Cargo.toml'),
      benches: [],
      commands: [],
      harnesses: new Map(),
      cargoArgs: [],
      runs: 2,
      metrics: ['instructions'],
      outDir: join(action.tempDir, 'rust-perf', 'head'),
      commit: MERGE_SHA,
      workspaceRoot: action.workspace,
    } satisfies MeasureSettings);
    // The newest earlier baseline is looked for, to hand on its history.
    expect(action.baselines.calls).toEqual([
      `restore ${MERGE_SHA} ${HASH}`,
      `save ${MERGE_SHA} ${HASH}`,
    ]);
    expect(action.baselines.entries[0]?.profile).not.toHaveProperty('history');
    expect(action.outputs).toEqual({
      regressed: 'false',
      summary: `measured 5 benchmarks at ${MERGE_SHA.slice(0, 10)}; saved as the baseline rust-perf-Linux-${HASH}-${MERGE_SHA}`,
    });
    expect(action.summaries).toHaveLength(1);
    expect(action.summaries[0]).toContain(
      `The profile was saved as the baseline rust-perf-Linux-${HASH}-${MERGE_SHA}.`,
    );
    expect(action.summaries[0]).toContain('| `parse` | 6,016,008 instructions (Ir) |');
    expect(action.upserts).toEqual([]);
    expect(existsSync(join(action.tempDir, 'rust-perf', 'report.json'))).toBe(false);
  });

  it('carries the totals of the baselines before it, and charts them in the job summary', async () => {
    const action = setUp(push());
    cacheBaseWithHistory(action.baselines);
    await runAction(action.deps);

    const saved = action.baselines.entries.at(-1)?.profile;
    expect(saved?.history?.map((entry) => entry.commit)).toEqual(['e'.repeat(40), BASE_SHA]);
    expect(saved?.history?.[1]?.totals.parse).toBe(4_812_345);
    expect(action.summaries[0]).toContain(
      [
        '```mermaid',
        'xychart-beta',
        '  title "parse"',
        `  x-axis ["eeeeeeeeee", "${BASE_SHA.slice(0, 10)}", "${MERGE_SHA.slice(0, 10)}"]`,
        '  y-axis "instructions"',
        '  line [4812345, 4812345, 6016008]',
        '```',
      ].join('\n'),
    );
  });

  it('shows the trend of each benchmark in the comment, from the history of the base', async () => {
    const action = setUp(pullRequest);
    cacheBaseWithHistory(action.baselines);
    await runAction(action.deps);

    const body = action.upserts[0]?.body ?? '';
    expect(body).toContain('| Benchmark | Base | Head | Change | Status | Trend |');
    expect(body).toMatch(
      /^\| <code>parse<\/code> \| 4,812,345 \| 6,016,008 \| .* \| ▁▁█ <sub>1 earlier<\/sub> \|$/m,
    );
    expect(body).not.toContain('```mermaid');
    expect(action.summaries[0]).toContain('  line [4812345, 4812345, 6016008]');
  });

  it('does not save from another branch, and says why', async () => {
    const action = setUp(push('feature'));
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.baselines.calls).toEqual([]);
    expect(action.log.lines).toContain(
      'Not saving a baseline: save-baseline: auto saves only on pushes to the default branch main, not to refs/heads/feature.',
    );
    expect(action.outputs.summary).toMatch(/; not saved as a baseline: save-baseline: auto/);
  });

  it.each([
    ['issue_comment', { issue: { number: 7, pull_request: {} } }],
    ['repository_dispatch', { action: 'measure' }],
    ['release', {}],
  ])(
    'never saves from a %s event, whose checkout is not its commit, even with save-baseline: true',
    async (eventName, payload) => {
      const action = setUp({
        eventName,
        payload: { ...payload, repository: { default_branch: 'main' } },
        inputs: { 'save-baseline': 'true' },
        env: { GITHUB_REF: 'refs/heads/main' },
      });
      await runAction(action.deps);

      expect(action.failures).toEqual([]);
      expect(action.baselines.calls).toEqual([]);
      expect(action.log.lines).toContain(
        `Not saving a baseline: baselines are saved only from push, schedule, workflow_dispatch events, whose checkout is the commit they are saved under, not from ${eventName} events.`,
      );
    },
  );

  it('saves from a workflow_dispatch event only when the checkout is GITHUB_SHA', async () => {
    const dispatch = {
      eventName: 'workflow_dispatch',
      payload: { repository: { default_branch: 'main' } },
      inputs: { 'save-baseline': 'true' },
      env: { GITHUB_REF: 'refs/heads/main' },
    };
    const elsewhere = setUp({ ...dispatch, checkedOut: PR_HEAD_SHA });
    await runAction(elsewhere.deps);
    expect(elsewhere.baselines.calls).toEqual([]);
    expect(elsewhere.outputs.summary).toBe(
      `measured 5 benchmarks at ${MERGE_SHA.slice(0, 10)}; not saved as a baseline: the checkout is ${PR_HEAD_SHA}, not ${MERGE_SHA}, the commit of this workflow_dispatch event that a baseline is saved under`,
    );

    const atSha = setUp(dispatch);
    await runAction(atSha.deps);
    // The previous baseline is restored first for its history.
    expect(atSha.baselines.calls).toEqual([
      `restore ${MERGE_SHA} ${HASH}`,
      `save ${MERGE_SHA} ${HASH}`,
    ]);
  });

  it('never passes the token or the runtime credentials to the processes it starts', async () => {
    const commandFiles = {
      GITHUB_OUTPUT: '/runner/output',
      GITHUB_STATE: '/runner/state',
      GITHUB_ENV: '/runner/env',
      GITHUB_PATH: '/runner/path',
      GITHUB_STEP_SUMMARY: '/runner/summary',
    };
    const action = setUp({
      ...push(),
      env: { ...push().env, ...commandFiles, MY_COPY: `Bearer ${TOKEN}` },
    });
    await runAction(action.deps);

    expect(action.secrets).toEqual([TOKEN]);
    const measuredEnv = action.measured[0]?.deps.env ?? {};
    expect(Object.keys(measuredEnv).filter((name) => name.startsWith('INPUT_'))).toEqual([]);
    expect(measuredEnv).not.toHaveProperty('ACTIONS_RUNTIME_TOKEN');
    expect(measuredEnv).not.toHaveProperty('MY_COPY');
    // Nor the files a step writes its outputs, later steps' environment and the summary to.
    for (const name of Object.keys(commandFiles)) expect(measuredEnv).not.toHaveProperty(name);
    expect(measuredEnv.GITHUB_SHA).toBe(MERGE_SHA);
    for (const command of action.commands) {
      expect(JSON.stringify(command.env)).not.toContain(TOKEN);
    }
    expect(JSON.stringify(action.log.lines)).not.toContain(TOKEN);
  });
});

describe('full mode on a pull request', () => {
  it('compares with the cached baseline of the base commit and comments', async () => {
    const action = setUp(pullRequest);
    action.baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: BASE_PROFILE });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.baselines.calls).toEqual([`restore ${BASE_SHA} ${HASH}`]);
    // Restored before any of the pull request's code runs: its build scripts could put a
    // program on PATH that the cache client would run with the runner's credentials.
    expect(action.effects.slice(0, 3)).toEqual(['fingerprint', 'restore', 'measure']);
    expect(action.revisions).toEqual([]);
    // The base's rust-perf.toml is read, from the commit in the checkout.
    expect(action.gitCalls).toEqual([
      `resolve ${BASE_SHA}`,
      `read ${BASE_SHA} crates/textbench/rust-perf.toml`,
    ]);
    expect(action.log.lines).toContain(
      `Comparing with the cached baseline of the base commit ${BASE_SHA} (rust-perf-Linux-${HASH}-${BASE_SHA}).`,
    );
    expect(action.upserts).toHaveLength(1);
    const [upsert] = action.upserts;
    expect(upsert?.target).toEqual({ owner: 'octo', repo: 'engine', issueNumber: 7 });
    expect(upsert?.create).toBe(true);
    expect(upsert?.body).toContain(PARSE_FIELD_ROW);

    const reportPath = join(action.tempDir, 'rust-perf', 'report.json');
    const comparison = parseComparison(readFileSync(reportPath, 'utf8'), reportPath);
    expect(comparison.regressed).toBe(true);
    expect(comparison.base.commit).toBe(BASE_SHA);
    expect(comparison.head.commit).toBe(MERGE_SHA);
    expect(action.outputs).toEqual({
      regressed: 'true',
      summary: expect.stringMatching(/^regressed: parse \+25\.01%/),
      'report-json': reportPath,
      'baseline-sha': BASE_SHA,
      'comment-url': 'https://github.com/c/1',
    });
    expect(action.summaries).toHaveLength(1);
    expect(action.summaries[0]).toContain(PARSE_FIELD_ROW);
  });

  it('uploads the flame graphs of the benchmarks that moved as one artifact and links it from the comment and the summary', async () => {
    const action = setUp({ ...pullRequest, callGraphs: true });
    const base = withCallGraphs(BASE_PROFILE);
    action.baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: base });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    // parse regressed, sort improved; format (moved cost) and hash are unchanged.
    expect(action.flameGraphUploads.map((files) => files.map((file) => file.fileName))).toEqual([
      ['parse.flamegraph.html', 'sort.flamegraph.html'],
    ]);
    const url = 'https://github.com/octo/engine/actions/runs/31337/artifacts/4242';
    const link =
      '🔥 Differential flame graphs of the 2 benchmarks that regressed or improved: ' +
      `[<code>rust-perf-bench-flamegraphs</code>](${url}), an artifact of this run`;
    expect(action.upserts[0]?.body).toContain(link);
    expect(action.summaries[0]).toContain(link);
    expect(action.outputs['flame-graphs-url']).toBe(url);
    expect(action.effects.indexOf('upload flame graphs')).toBeLessThan(
      action.effects.indexOf('comment'),
    );
  });

  it('still comments when the flame graphs cannot be uploaded, and says why there is no link', async () => {
    const action = setUp({
      ...pullRequest,
      callGraphs: true,
      flameGraphUploadError: new EnvironmentError(
        'Uploading the rust-perf-bench-flamegraphs artifact failed: 409 Conflict',
        'Give each matrix leg its own cache-key-prefix.',
      ),
    });
    action.baselines.entries.push({
      sha: BASE_SHA,
      hash: HASH,
      profile: withCallGraphs(BASE_PROFILE),
    });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    const warning =
      'The flame graphs of 2 benchmarks that moved were not uploaded, so there is no link to them: ' +
      'Uploading the rust-perf-bench-flamegraphs artifact failed: 409 Conflict Give each matrix leg its own cache-key-prefix.';
    expect(action.log.lines).toContain(`warning: ${warning}`);
    expect(action.upserts).toHaveLength(1);
    expect(action.upserts[0]?.body).toContain('> [!WARNING]\n> The flame graphs of 2 benchmarks');
    // With no calls recorded, parse_field's path is the benchmark and itself.
    expect(action.upserts[0]?.body).toContain(
      '| <code>textbench::parse::parse&#95;field</code><br><sub><code>parse</code> → <code>textbench::parse::parse&#95;field</code></sub> |',
    );
    expect(action.upserts[0]?.body).not.toContain('🔥');
    expect(action.outputs).not.toHaveProperty('flame-graphs-url');
  });

  it('compares with the newest baseline of the same conditions when the base has none', async () => {
    const action = setUp(pullRequest);
    const older = 'e'.repeat(40);
    action.baselines.entries.push({
      sha: older,
      hash: HASH,
      profile: { ...BASE_PROFILE, commit: older },
    });
    await runAction(action.deps);

    expect(action.revisions).toEqual([]);
    expect(action.log.lines).toContain(
      `There is no cached baseline of the base commit ${BASE_SHA}; comparing with the newest one measured under the same conditions, of ${older} (rust-perf-Linux-${HASH}-${older}).`,
    );
    expect(action.outputs['baseline-sha']).toBe(older);
  });

  it('measures the base commit in a worktree when there is no cached baseline', async () => {
    const action = setUp(pullRequest);
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.revisions).toHaveLength(1);
    const [revision] = action.revisions;
    expect(revision?.ref).toBe(BASE_SHA);
    expect(revision?.settings).toEqual({
      manifestPath: join(action.workspace, 'crates/textbench/Cargo.toml'),
      benches: [],
      commands: [],
      harnesses: new Map(),
      cargoArgs: [],
      runs: 2,
      metrics: ['instructions'],
      outDir: join(action.tempDir, 'rust-perf', 'base'),
      commit: BASE_SHA,
      workspaceRoot: action.workspace,
      // The head's target directory, so that dependencies build once.
      targetDir: join(action.workspace, 'target'),
    } satisfies MeasureSettings);
    expect(revision?.deps.repoRoot).toBe(action.workspace);
    // The cache is asked before the pull request's code is built.
    expect(action.effects.slice(0, 4)).toEqual([
      'fingerprint',
      'restore',
      'measure',
      'measure base',
    ]);
    // The base commit is in the checkout: nothing to fetch.
    expect(action.gitCalls).toEqual([
      `resolve ${BASE_SHA}`,
      `read ${BASE_SHA} crates/textbench/rust-perf.toml`,
      `resolve ${BASE_SHA}`,
    ]);
    expect(action.outputs.regressed).toBe('true');
    expect(action.outputs['baseline-sha']).toBe(BASE_SHA);
  });

  it('builds the base in the target directory cargo reports for the head', async () => {
    // CARGO_TARGET_DIR or a `build.target-dir` in a cargo config file.
    const action = setUp({ ...pullRequest, cargoTargetDir: '/cache/target' });
    await runAction(action.deps);

    expect(action.revisions[0]?.settings.targetDir).toBe('/cache/target');
    const metadata = action.commands.filter((command) => command.line.startsWith('cargo '));
    expect(metadata.map((command) => command.line)).toEqual([
      `cargo metadata --no-deps --format-version 1 --manifest-path ${join(action.workspace, 'crates/textbench/Cargo.toml')}`,
    ]);
    expect(metadata[0]?.env).not.toHaveProperty('INPUT_GITHUB-TOKEN');
  });

  it('fetches the base commit from origin first when the checkout is shallow', async () => {
    const action = setUp({ ...pullRequest, shallow: true });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.gitCalls).toEqual([
      `resolve ${BASE_SHA}`,
      `fetch ${BASE_SHA}`,
      `read ${BASE_SHA} crates/textbench/rust-perf.toml`,
      `resolve ${BASE_SHA}`,
    ]);
    expect(action.effects.slice(0, 5)).toEqual([
      'fingerprint',
      'restore',
      'measure',
      'fetch',
      'measure base',
    ]);
    expect(action.log.lines).toContain(
      `The base commit ${BASE_SHA} is not in the checkout: fetching it from origin.`,
    );
    // Every git it runs works in the checkout, without the token.
    for (const options of action.gitOptions) {
      expect(options).toEqual({ cwd: action.workspace, env: expect.any(Object) });
      expect(JSON.stringify(options.env)).not.toContain(TOKEN);
    }
    expect(action.revisions.map((revision) => revision.ref)).toEqual([BASE_SHA]);
    expect(action.outputs['baseline-sha']).toBe(BASE_SHA);
  });

  it('with baseline: rebuild, measures the base without looking in the cache', async () => {
    const action = setUp({ ...pullRequest, inputs: { baseline: 'rebuild' } });
    action.baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: BASE_PROFILE });
    await runAction(action.deps);

    expect(action.baselines.calls).toEqual([]);
    expect(action.revisions.map((revision) => revision.ref)).toEqual([BASE_SHA]);
  });

  it('with baseline: cache and no baseline, says so and compares nothing', async () => {
    const action = setUp({ ...pullRequest, inputs: { baseline: 'cache' } });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.revisions).toEqual([]);
    expect(action.upserts).toEqual([]);
    expect(action.notices).toEqual([
      expect.stringMatching(
        new RegExp(`^No cached baseline for the base commit ${BASE_SHA}.*nothing was compared`),
      ),
    ]);
    expect(action.summaries[0]).toContain('nothing was compared');
    expect(action.outputs).toEqual({
      regressed: 'false',
      summary: `no comparison: no cached baseline for the base commit ${BASE_SHA.slice(0, 10)}`,
    });
  });

  it('explains how to make the base commit available when it cannot be fetched', async () => {
    const fetchFailure =
      `git fetch --no-tags --depth=1 origin ${BASE_SHA} failed (exit 128): ` +
      `fatal: remote error: upload-pack: not our ref ${BASE_SHA}`;
    const action = setUp({ ...pullRequest, shallow: true, fetchError: new GitError(fetchFailure) });
    await runAction(action.deps);

    expect(action.failures).toEqual([
      `Cannot use the base commit ${BASE_SHA}: it is not in the checkout, and fetching it from origin failed: ${fetchFailure}\n` +
        'Check out the history with actions/checkout `fetch-depth: 0`, so that the base commit is there to measure, or let a push to the default branch save a baseline first.',
    ]);
    expect(action.revisions).toEqual([]);
    expect(action.upserts).toEqual([]);
  });

  it('names the base commit when git cannot measure it, keeping its advice', async () => {
    const action = setUp({
      ...pullRequest,
      measureRevisionError: new GitError(
        `${BASE_SHA.slice(0, 12)} has no crates/textbench/Cargo.toml: the crate does not exist at that commit.`,
        'Measure it once it does.',
      ),
    });
    await runAction(action.deps);

    expect(action.failures).toEqual([
      `Cannot measure the base commit ${BASE_SHA}: ${BASE_SHA.slice(0, 12)} has no crates/textbench/Cargo.toml: the crate does not exist at that commit.\n` +
        'Measure it once it does.',
    ]);
  });

  it('never saves a baseline from a pull request, even with save-baseline: true', async () => {
    const action = setUp({ ...pullRequest, inputs: { 'save-baseline': 'true' } });
    await runAction(action.deps);

    expect(action.baselines.calls.filter((call) => call.startsWith('save'))).toEqual([]);
  });
});

describe('the comment policy', () => {
  it('on-regression with a regression creates the comment', async () => {
    const action = setUp({ ...pullRequest, inputs: { comment: 'on-regression' } });
    await runAction(action.deps);
    expect(action.upserts.map((upsert) => upsert.create)).toEqual([true]);
  });

  it('on-regression without a regression only updates an existing comment', async () => {
    const action = setUp({
      ...pullRequest,
      inputs: { comment: 'on-regression', threshold: '50%' },
      commentOutcome: { action: 'skipped' },
    });
    await runAction(action.deps);

    expect(action.upserts.map((upsert) => upsert.create)).toEqual([false]);
    expect(action.outputs.regressed).toBe('false');
    expect(action.outputs).not.toHaveProperty('comment-url');
    expect(action.log.lines).toContain(
      'No regression and `comment: on-regression`: no comment posted.',
    );
  });

  it('never posts nothing', async () => {
    const action = setUp({ ...pullRequest, inputs: { comment: 'never' } });
    await runAction(action.deps);
    expect(action.upserts).toEqual([]);
    expect(action.outputs.regressed).toBe('true');
  });

  it('warns once, and does not fail, when the token may not comment', async () => {
    const action = setUp({
      ...pullRequest,
      commentOutcome: { action: 'forbidden', reason: 'Resource not accessible by integration' },
    });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    const warnings = action.log.lines.filter((line) => line.startsWith('warning: '));
    expect(warnings).toEqual([
      expect.stringContaining(
        'Could not comment on pull request #7: the token may not (Resource not accessible by integration)',
      ),
    ]);
    expect(warnings[0]).toContain('`mode: measure` on `pull_request` and `mode: report`');
    expect(action.summaries).toHaveLength(1);
  });
});

describe('fail-on-regression', () => {
  it('fails the step with one line, after everything is published', async () => {
    const action = setUp({ ...pullRequest, inputs: { 'fail-on-regression': 'true' } });
    await runAction(action.deps);

    expect(action.failures).toEqual([
      expect.stringMatching(
        /^Performance regressed \(fail-on-regression\): regressed: parse \+25\.01%/,
      ),
    ]);
    expect(action.failures[0]).not.toContain('\n');
    expect(action.effects.at(-1)).toBe('failed');
    expect(action.effects).toContain('comment');
    expect(action.effects).toContain('summary');
  });

  it('passes when nothing regressed', async () => {
    const action = setUp({
      ...pullRequest,
      inputs: { 'fail-on-regression': 'true', threshold: '50%' },
    });
    await runAction(action.deps);
    expect(action.failures).toEqual([]);
  });
});

describe('accepting a regression with a label', () => {
  const labelled = (...names: string[]) => ({
    ...pullRequest,
    payload: {
      ...pullRequestPayload,
      pull_request: {
        ...pullRequestPayload.pull_request,
        labels: names.map((name) => ({ name })),
      },
    },
  });

  it('passes the gate with the default label, and the comment says what was accepted', async () => {
    const action = setUp({
      ...labelled('bug', 'perf-accepted'),
      inputs: { 'fail-on-regression': 'true' },
    });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.outputs.regressed).toBe('true');
    expect(action.outputs.summary).toMatch(
      /^regressed: parse \+25\.01% .*; accepted by the label perf-accepted$/,
    );
    expect(action.upserts[0]?.body).toContain(
      '> Accepted by the label <code>perf-accepted</code>: the 1 regression of <code>parse</code> does not fail the check.',
    );
    const reportPath = action.outputs['report-json'] ?? '';
    expect(parseComparison(readFileSync(reportPath, 'utf8'), reportPath).acceptedBy).toBe(
      'perf-accepted',
    );
  });

  it('fails with another label, or when accept-label is empty', async () => {
    const setups: Setup[] = [
      {
        ...labelled('perf-accepted'),
        inputs: { 'fail-on-regression': 'true', 'accept-label': '' },
      },
      { ...labelled('perf-acceptedx'), inputs: { 'fail-on-regression': 'true' } },
    ];
    for (const setup of setups) {
      const action = setUp(setup);
      await runAction(action.deps);
      expect(action.failures).toEqual([expect.stringMatching(/^Performance regressed/)]);
      expect(action.upserts[0]?.body).not.toContain('Accepted by');
    }
  });

  it('accepts nothing when nothing regressed', async () => {
    const action = setUp({ ...labelled('perf-accepted'), inputs: { threshold: '50%' } });
    await runAction(action.deps);
    expect(action.upserts[0]?.body).not.toContain('Accepted by');
    expect(action.outputs.summary).not.toContain('accepted');
  });
});

describe('limits in the repository', () => {
  const loose = '[[benchmark]]\nname = "parse"\nthreshold = "30%"\n';
  const withCache = (setup: Setup) => {
    const action = setUp(setup);
    action.baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: BASE_PROFILE });
    return action;
  };

  it("holds the pull request to the base's rust-perf.toml", async () => {
    const action = withCache({
      ...pullRequest,
      inputs: { 'fail-on-regression': 'true' },
      limitsFiles: { [BASE_SHA]: loose, [MERGE_SHA]: loose },
    });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.outputs.regressed).toBe('false');
    const body = action.upserts[0]?.body ?? '';
    expect(body).toContain('| ⚪ unchanged (threshold 30%) |');
    expect(body).toContain(
      `limits from crates/textbench/rust-perf.toml at ${BASE_SHA.slice(0, 10)}`,
    );
    expect(body).not.toContain('differs in this change');
  });

  it('does not let a pull request loosen its own gate, and says that its file is not applied yet', async () => {
    const action = withCache({
      ...pullRequest,
      inputs: { 'fail-on-regression': 'true' },
      limitsFiles: { [MERGE_SHA]: loose },
    });
    await runAction(action.deps);

    expect(action.failures).toEqual([expect.stringMatching(/^Performance regressed/)]);
    expect(action.upserts[0]?.body).toContain(
      '> crates/textbench/rust-perf.toml differs in this change: it is compared with the limits of the base (none); the new ones take effect once it is merged.',
    );
  });

  it("fails with the file, line and key of a mistake in the base's file", async () => {
    const action = withCache({
      ...pullRequest,
      limitsFiles: { [BASE_SHA]: '[[benchmark]]\nname = "parse"\nmax-instructions = -1\n' },
    });
    await runAction(action.deps);

    const file = `crates/textbench/rust-perf.toml at ${BASE_SHA.slice(0, 10)}`;
    expect(action.failures).toEqual([
      `${file}:3: benchmark[0].max-instructions: must be a whole number of instructions, at least 0, got -1\n` +
        `Fix ${file}: "Limits in the repository" in the README lists its keys.`,
    ]);
    expect(action.upserts).toEqual([]);
  });

  it("warns of mistakes in the head's file, which is not applied yet", async () => {
    const action = withCache({ ...pullRequest, limitsFiles: { [MERGE_SHA]: 'ignore = true\n' } });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.log.lines).toContain(
      'warning: The crates/textbench/rust-perf.toml of this change will not be read once merged: ' +
        'crates/textbench/rust-perf.toml:1: ignore: not a known key (rust-perf.toml has [[benchmark]] entries)',
    );
  });
});

describe('a merge queue', () => {
  it("compares the queued commit with the base's baseline and fails the gate, commenting nowhere", async () => {
    const action = setUp({
      ...mergeGroup,
      inputs: { 'fail-on-regression': 'true', 'save-baseline': 'true' },
    });
    action.baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: BASE_PROFILE });
    await runAction(action.deps);

    expect(action.baselines.calls).toEqual([`restore ${BASE_SHA} ${HASH}`]);
    expect(action.measured[0]?.settings.commit).toBe(MERGE_SHA);
    expect(action.upserts).toEqual([]);
    expect(action.summaries[0]).toContain(PARSE_FIELD_ROW);
    expect(action.outputs).toEqual({
      regressed: 'true',
      summary: expect.stringMatching(/^regressed: parse \+25\.01%/),
      'report-json': join(action.tempDir, 'rust-perf', 'report.json'),
      'baseline-sha': BASE_SHA,
    });
    expect(action.failures).toEqual([expect.stringMatching(/^Performance regressed/)]);
    expect(action.effects.at(-1)).toBe('failed');
  });

  it('measures the base commit when the cache has no baseline', async () => {
    const action = setUp(mergeGroup);
    await runAction(action.deps);
    expect(action.revisions.map((revision) => revision.ref)).toEqual([BASE_SHA]);
    expect(action.outputs['baseline-sha']).toBe(BASE_SHA);
    expect(action.failures).toEqual([]);
  });
});

describe('the two-phase mode', () => {
  it('measure mode uploads the report for the pull request instead of commenting', async () => {
    const action = setUp({ ...pullRequest, inputs: { mode: 'measure' } });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.upserts).toEqual([]);
    expect(action.uploads).toHaveLength(1);
    const [upload] = action.uploads;
    expect(upload?.prNumber).toBe(7);
    expect(upload?.headSha).toBe(PR_HEAD_SHA);
    const reportPath = join(action.tempDir, 'rust-perf', 'report.json');
    expect(upload?.comparisonJson).toBe(readFileSync(reportPath, 'utf8'));
  });

  it('measure mode refuses to run outside a pull request', async () => {
    const action = setUp({ ...push(), inputs: { mode: 'measure' } });
    await runAction(action.deps);

    expect(action.measured).toEqual([]);
    expect(action.failures).toEqual([
      'mode: measure compares a pull request with its base, but this run is for a push event.\nRun it on pull_request events, or use mode: full.',
    ]);
  });

  it('report mode publishes the artifact of the triggering run on its pull request', async () => {
    const first = setUp({ ...pullRequest, inputs: { mode: 'measure' } });
    await runAction(first.deps);
    const envelope = first.uploads[0]!;

    const action = setUp({
      eventName: 'workflow_run',
      payload: {
        workflow_run: {
          id: 555,
          event: 'pull_request',
          head_sha: PR_HEAD_SHA,
          // Empty, as GitHub sends it for pull requests from forks.
          pull_requests: [],
        },
      },
      inputs: { mode: 'report' },
      artifact: envelope,
      pullRequestHeads: { 7: PR_HEAD_SHA },
    });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.measured).toEqual([]);
    expect(action.commands).toEqual([]);
    expect(action.downloads).toEqual([555]);
    expect(action.upserts.map((upsert) => upsert.target)).toEqual([
      { owner: 'octo', repo: 'engine', issueNumber: 7 },
    ]);
    expect(action.upserts[0]?.body).toContain(PARSE_FIELD_ROW);
    expect(action.outputs.regressed).toBe('true');
    expect(action.outputs['comment-url']).toBe('https://github.com/c/1');
  });

  it('report mode fails, naming the permission, when the token may not comment', async () => {
    const action = await reportRun({
      pullRequestHeads: { 7: PR_HEAD_SHA },
      commentOutcome: { action: 'forbidden', reason: 'Resource not accessible by integration' },
    });

    expect(action.failures).toEqual([
      'Could not comment on pull request #7: the token may not (Resource not accessible by integration).\n' +
        'Give the reporting workflow `permissions: pull-requests: write` (and `actions: read`), as in "Pull requests from forks" in the README.',
    ]);
    // Published all the same where it can be.
    expect(action.summaries).toHaveLength(1);
    expect(action.outputs.regressed).toBe('true');
  });

  it('report mode refuses a report whose pull request does not match the run', async () => {
    const action = await reportRun({ pullRequestHeads: { 7: 'f'.repeat(40) } });

    expect(action.upserts).toEqual([]);
    expect(action.failures).toEqual([
      expect.stringMatching(/^The report artifact names pull request #7, whose head is f{40}/),
    ]);
  });

  it('report mode has nothing to do for a run that was not for a pull request', async () => {
    const action = setUp({
      eventName: 'workflow_run',
      payload: { workflow_run: { id: 556, event: 'push', head_sha: MERGE_SHA, pull_requests: [] } },
      inputs: { mode: 'report' },
    });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.downloads).toEqual([]);
    expect(action.outputs.summary).toBe(
      'nothing to report: workflow run 556 ran for a push event, not a pull request',
    );
  });

  it('report mode refuses to run on another event', async () => {
    const action = setUp({ ...pullRequest, inputs: { mode: 'report' } });
    await runAction(action.deps);

    expect(action.failures).toEqual([
      expect.stringMatching(
        /^mode: report publishes .* but this run is for a pull_request event\./,
      ),
    ]);
  });
});

describe('setting up', () => {
  it('fails at once, with one message, on a bad input', async () => {
    const action = setUp({ ...pullRequest, inputs: { runs: 'two' } });
    await runAction(action.deps);

    expect(action.failures).toEqual([
      "Input 'runs' must be a whole number from 1 to 20, got 'two'",
    ]);
    expect(action.measured).toEqual([]);
    expect(action.commands).toEqual([]);
  });

  it('masks the token even when another input is bad', async () => {
    const action = setUp({ ...pullRequest, inputs: { runs: 'two' } });
    await runAction(action.deps);
    expect(action.secrets).toEqual([TOKEN]);
  });

  it('installs valgrind with sudo when it is missing', async () => {
    const action = setUp({ ...push(), valgrindInstalled: false });
    await runAction(action.deps);

    expect(action.failures).toEqual([]);
    expect(action.commands.map((command) => command.line)).toEqual([
      'sudo --non-interactive apt-get update -qq',
      'sudo --non-interactive apt-get install -y -qq --no-install-recommends valgrind',
      expect.stringMatching(/\/bin\/valgrind --version$/),
    ]);
    expect(action.commands[1]?.env.DEBIAN_FRONTEND).toBe('noninteractive');
    expect(action.log.lines).toContain('Installing valgrind');
    expect(action.log.lines).toContainEqual(expect.stringMatching(/^Installed valgrind 3\.22\.0/));
    expect(action.measured).toHaveLength(1);
  });

  it('installs valgrind without sudo as root', async () => {
    const action = setUp({ ...push(), valgrindInstalled: false, isRoot: true });
    await runAction(action.deps);

    expect(action.commands.map((command) => command.line).slice(0, 2)).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends valgrind',
    ]);
  });

  it('refuses a runner that is not Linux, naming what to use', async () => {
    const action = setUp({ ...pullRequest, platform: 'darwin' });
    await runAction(action.deps);

    expect(action.failures).toEqual([
      'rust-perf measures benchmarks with Valgrind, which runs on Linux only, and this runner runs darwin.\n' +
        'Run the measuring job on a Linux runner, e.g. `runs-on: ubuntu-latest` (`mode: report` runs anywhere).',
    ]);
    expect(action.measured).toEqual([]);
  });
});

describe('a sharded matrix', () => {
  const legInputs = (shard: string) => ({ shard, 'fail-on-regression': 'true' });
  const mergeInputs = { mode: 'merge', 'fail-on-regression': 'true' };
  /** The run's legs, each a job of its own, sharing the artifacts of the run. */
  async function legs(setup: Setup, shards: string[], artifacts: ShardEnvelope[]) {
    const run = [];
    for (const shard of shards) {
      const leg = setUp({
        ...setup,
        inputs: { ...setup.inputs, ...legInputs(shard) },
        shardArtifacts: artifacts,
      });
      leg.baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: baseline });
      await runAction(leg.deps);
      expect(leg.failures).toEqual([]);
      expect(leg.upserts).toEqual([]);
      expect(leg.outputs).not.toHaveProperty('comment-url');
      run.push(leg);
    }
    return run;
  }
  const names = (profile?: ProfileDocument) => profile?.benchmarks.map((b) => b.name);
  /** The base's baseline as measure writes it, by name, which is how a merge orders it too. */
  const baseline = {
    ...BASE_PROFILE,
    benchmarks: BASE_PROFILE.benchmarks.toSorted((a, b) => a.name.localeCompare(b.name)),
  };

  it("a leg uploads its share of the head and of the base's baseline, and comments nowhere", async () => {
    const leg = setUp({ ...pullRequest, inputs: legInputs('1/2') });
    leg.baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: BASE_PROFILE });
    await runAction(leg.deps);

    const key = `rust-perf-Linux-${HASH}-${BASE_SHA}`;
    expect(leg.shardUploads).toEqual([
      {
        shard: { index: 1, count: 2 },
        headSha: MERGE_SHA,
        baseSha: BASE_SHA,
        prNumber: 7,
        identity: HASH,
        balancedBy: key,
        head: expect.objectContaining({ commit: MERGE_SHA, shard: { index: 1, count: 2 } }),
        base: expect.objectContaining({ commit: BASE_SHA, shard: { index: 1, count: 2 } }),
      },
    ]);
    const [upload] = leg.shardUploads;
    // The same share of both sides; `report`, which the baseline lacks, goes by its hash.
    expect(names(upload?.head)).toEqual(['parse', 'sort', 'report']);
    expect(names(upload?.base)).toEqual(['parse', 'sort']);
    expect(leg.measured[0]?.settings.shard?.spec).toEqual({ index: 1, count: 2 });
    expect(leg.upserts).toEqual([]);
    expect(leg.uploads).toEqual([]);
    expect(leg.failures).toEqual([]);
    expect(leg.baselines.calls).toEqual([`restore ${BASE_SHA} ${HASH}`]);
    expect(leg.outputs.summary).toBe(
      `shard 1/2 measured 3 benchmarks at ${MERGE_SHA.slice(0, 10)} and uploaded them as rust-perf-shard-1-of-2 for the merge job; its share: regressed: parse +25.01% (textbench::parse::parse_field +72.92%); improved: sort -3.54%; added: report`,
    );
    expect(leg.summaries[0]).toContain(
      '> This is shard 1/2 measured 3 benchmarks at ' +
        `${MERGE_SHA.slice(0, 10)} and uploaded them as rust-perf-shard-1-of-2 for the merge job, which compares and comments on the whole suite.`,
    );
  });

  it('merges every shard into the comment, outputs and gate of one unsharded run, published once', async () => {
    const artifacts: ShardEnvelope[] = [];
    await legs(pullRequest, ['2/2', '1/2'], artifacts);
    const unsharded = setUp({ ...pullRequest, inputs: { 'fail-on-regression': 'true' } });
    unsharded.baselines.entries.push({ sha: BASE_SHA, hash: HASH, profile: baseline });
    await runAction(unsharded.deps);

    const merge = setUp({ ...pullRequest, inputs: mergeInputs, shardArtifacts: artifacts });
    await runAction(merge.deps);

    expect(merge.measured).toEqual([]);
    expect(merge.upserts).toHaveLength(1);
    expect(merge.upserts[0]?.body).toBe(unsharded.upserts[0]?.body);
    expect(merge.outputs).toEqual({
      ...unsharded.outputs,
      'report-json': join(merge.tempDir, 'rust-perf', 'report.json'),
    });
    expect(merge.failures).toEqual(unsharded.failures);
    expect(merge.failures).toEqual([expect.stringMatching(/^Performance regressed/)]);
    expect(merge.baselines.calls).toEqual([]);
    expect(merge.log.lines).toContain('Merged 2 shards of 2: 5 benchmarks.');
  });

  it('names a missing shard in the comment, fails the step and saves nothing', async () => {
    const artifacts: ShardEnvelope[] = [];
    await legs(pullRequest, ['2/2'], artifacts);

    const merge = setUp({ ...pullRequest, inputs: mergeInputs, shardArtifacts: artifacts });
    await runAction(merge.deps);

    expect(merge.upserts).toHaveLength(1);
    expect(merge.upserts[0]?.body).toContain(
      '> Incomplete: shard 1/2 of this run uploaded no results (the leg failed, was cancelled or did not run), so the benchmarks it measures are not compared here, and no baseline is saved. Re-run the failed jobs.',
    );
    expect(merge.outputs.summary).toMatch(/^incomplete: shard 1\/2 missing; /);
    expect(merge.failures).toEqual([
      'Shard 1/2 of this run uploaded no results: the merge is incomplete, and no baseline was saved.',
    ]);
    expect(merge.effects.at(-1)).toBe('failed');
  });

  it('saves the merged baseline of a push once, from the merge job', async () => {
    const artifacts: ShardEnvelope[] = [];
    await legs(push(), ['1/2', '2/2'], artifacts);
    expect(artifacts.map((artifact) => artifact.head.commit)).toEqual([MERGE_SHA, MERGE_SHA]);

    const merge = setUp({ ...push(), inputs: mergeInputs, shardArtifacts: artifacts });
    await runAction(merge.deps);

    expect(merge.baselines.calls).toEqual([
      `restore ${MERGE_SHA} ${HASH}`,
      `save ${MERGE_SHA} ${HASH}`,
    ]);
    expect(names(merge.baselines.entries[0]?.profile)).toEqual(names(HEAD_PROFILE)?.sort());
    expect(merge.baselines.entries[0]?.profile.shard).toBeUndefined();
    expect(merge.failures).toEqual([]);
  });

  it('saves no baseline when the legs checked out another commit than GITHUB_SHA, and says so', async () => {
    const other = 'f'.repeat(40);
    const artifacts: ShardEnvelope[] = [];
    const [leg] = await legs({ ...push(), checkedOut: other }, ['1/2', '2/2'], artifacts);
    expect(artifacts.map((artifact) => artifact.head.commit)).toEqual([other, other]);
    expect(leg?.summaries[0]).toContain(
      `The checkout is ${other}, not ${MERGE_SHA}, the commit of this push event: the merge job will not save it as a baseline.`,
    );

    const merge = setUp({ ...push(), inputs: mergeInputs, shardArtifacts: artifacts });
    await runAction(merge.deps);

    expect(merge.baselines.calls).toEqual([]);
    expect(merge.outputs.summary).toContain(
      `not saved as a baseline: the checkout is ${other}, not ${MERGE_SHA}, the commit of this push event that a baseline is saved under`,
    );
  });

  describe('in a merge queue', () => {
    const limits = '[[benchmark]]\nname = "parse"\nthreshold = "30%"\n';

    it("compares the legs with the queue's base and gates in the merge job, with the base's limits, commenting nowhere", async () => {
      const artifacts: ShardEnvelope[] = [];
      await legs(mergeGroup, ['1/2', '2/2'], artifacts);
      expect(artifacts.map((artifact) => [artifact.baseSha, artifact.prNumber])).toEqual([
        [BASE_SHA, undefined],
        [BASE_SHA, undefined],
      ]);

      const merge = setUp({
        ...mergeGroup,
        inputs: mergeInputs,
        shardArtifacts: artifacts,
        limitsFiles: { [BASE_SHA]: limits },
      });
      await runAction(merge.deps);

      expect(merge.upserts).toEqual([]);
      expect(merge.uploads).toEqual([]);
      expect(merge.baselines.calls).toEqual([]);
      expect(merge.gitCalls).toContain(`read ${BASE_SHA} crates/textbench/rust-perf.toml`);
      // parse's +25% is within its own 30%, so the gate passes (without the file it fails, below).
      expect(merge.outputs).toEqual({
        regressed: 'false',
        summary: 'improved: sort -3.54%; added: report; removed: tokenize',
        'report-json': join(merge.tempDir, 'rust-perf', 'report.json'),
        'baseline-sha': BASE_SHA,
      });
      expect(merge.failures).toEqual([]);
      const report = parseComparison(readFileSync(merge.outputs['report-json']!, 'utf8'), 'report');
      expect(report.limits).toBe(`crates/textbench/rust-perf.toml at ${BASE_SHA.slice(0, 10)}`);
      expect(report.benchmarks.find((b) => b.name === 'parse')?.threshold).toBe(0.3);
    });

    it('without a checkout in the merge job, reads no rust-perf.toml and says so', async () => {
      const artifacts: ShardEnvelope[] = [];
      await legs(mergeGroup, ['1/2', '2/2'], artifacts);

      const merge = setUp({
        ...mergeGroup,
        inputs: mergeInputs,
        shardArtifacts: artifacts,
        noCheckout: true,
        limitsFiles: { [BASE_SHA]: limits },
      });
      await runAction(merge.deps);

      expect(merge.gitCalls).toEqual(['top level']);
      expect(merge.log.lines).toContain(
        "This job has no checkout, so no rust-perf.toml is read: check out the repository in the merge job to hold the merged comparison to the base's limits.",
      );
      expect(merge.outputs.summary).toMatch(/^regressed: parse \+25\.01%/);
      expect(merge.failures).toEqual([expect.stringMatching(/^Performance regressed/)]);
    });
  });
});
