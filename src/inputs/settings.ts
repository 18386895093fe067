/**
 * The action's inputs, read once and validated up front into one typed object, so that a bad
 * value fails the step before anything is built and names the input at fault.
 */
import { InputError } from '../errors.js';
import type { Harness } from '../harness.js';
import { type NamedCommand, parseNamedCommand, splitCommandLine } from './command-line.js';
import { parseHarnessSettings } from './harness-setting.js';
import { type Metric, parseMetrics } from './metrics.js';
import { parsePercent } from './percent.js';
import { MAX_RUNS, runCount } from './run-count.js';
import { parseShard, type ShardSpec } from './shard.js';
import { parseTimeout } from './timeout.js';

/** Reads one input by its name in action.yml: its value, '' when unset. */
export type InputSource = (name: string) => string;

const COMMENT_POLICIES = ['always', 'on-regression', 'never'] as const;
const BASELINE_SOURCES = ['auto', 'cache', 'rebuild'] as const;
const SAVE_BASELINE_SETTINGS = ['auto', 'true', 'false'] as const;
const MODES = ['full', 'measure', 'report', 'merge'] as const;

type CommentPolicy = (typeof COMMENT_POLICIES)[number];
type BaselineSource = (typeof BASELINE_SOURCES)[number];
export type SaveBaselineSetting = (typeof SAVE_BASELINE_SETTINGS)[number];
type Mode = (typeof MODES)[number];

export interface ActionSettings {
  /** As given, relative to the workspace unless absolute. */
  workingDirectory: string;
  /** Bench target names; empty means every bench target. */
  benches: string[];
  commands: NamedCommand[];
  /** The harness of a bench target where detection should not decide, by target name. */
  harnesses: Map<string, Harness>;
  /** The `cargo-args` input, split into arguments. */
  cargoArgs: string[];
  runs: number;
  /** The longest one benchmark run may take, in seconds; undefined: no limit. */
  timeoutSeconds: number | undefined;
  /** Fractions: 0.01 is 1%. */
  threshold: number;
  functionThreshold: number;
  allocationThreshold: number;
  /** What to measure: instructions, and allocations when asked. */
  metrics: Metric[];
  failOnRegression: boolean;
  comment: CommentPolicy;
  githubToken: string;
  baseline: BaselineSource;
  saveBaseline: SaveBaselineSetting;
  cacheKeyPrefix: string;
  mode: Mode;
  /** This step is one leg of a sharded matrix: it measures and uploads its share only. */
  shard: ShardSpec | undefined;
  /** A pull request with this label passes the gate despite regressions; '' accepts none. */
  acceptLabel: string;
}

// Cargo target names; also keeps bench names safe in file names and cache keys.
const TARGET_NAME = /^[A-Za-z0-9_-]+$/;
// Cache keys may not contain commas and are limited to 512 characters in all.
const CACHE_KEY_PREFIX = /^[A-Za-z0-9._-]{1,64}$/;

/** Reads and validates every input; the first bad value throws an InputError naming it. */
export function readSettings(input: InputSource): ActionSettings {
  const githubToken = input('github-token').trim();
  if (githubToken === '') {
    throw new InputError(
      "Input 'github-token' is empty: leave it at its default, the workflow's GITHUB_TOKEN, " +
        'or give a token that may read the repository and comment on its pull requests.',
    );
  }
  const mode = oneOf(input, 'mode', MODES);
  return {
    workingDirectory: nonEmpty(input, 'working-directory'),
    benches: readBenches(input),
    commands: readCommands(input),
    harnesses: naming('harness', () => parseHarnessSettings(lines(input('harness')))),
    cargoArgs: readCargoArgs(input),
    runs: readRuns(input),
    timeoutSeconds: parseTimeout(input('timeout'), "Input 'timeout'"),
    threshold: parsePercent(input('threshold').trim(), "Input 'threshold'"),
    functionThreshold: parsePercent(
      input('function-threshold').trim(),
      "Input 'function-threshold'",
    ),
    allocationThreshold: parsePercent(
      input('allocation-threshold').trim(),
      "Input 'allocation-threshold'",
    ),
    metrics: parseMetrics(input('metrics'), "Input 'metrics'"),
    failOnRegression: readBoolean(input, 'fail-on-regression'),
    comment: oneOf(input, 'comment', COMMENT_POLICIES),
    githubToken,
    baseline: oneOf(input, 'baseline', BASELINE_SOURCES),
    saveBaseline: oneOf(input, 'save-baseline', SAVE_BASELINE_SETTINGS),
    cacheKeyPrefix: readCacheKeyPrefix(input),
    mode,
    shard: readShard(input, mode),
    acceptLabel: readAcceptLabel(input),
  };
}

/** A leg measures in `full` mode; the merge job, which publishes, is `mode: merge`. */
function readShard(input: InputSource, mode: Mode): ShardSpec | undefined {
  const value = input('shard').trim();
  if (value === '') return undefined;
  if (mode !== 'full') {
    throw new InputError(
      `Input 'shard' measures one leg of a matrix and goes with mode: full, not mode: ${mode}`,
      'Give the legs `shard: K/N` and the job that needs them `mode: merge` without a shard.',
    );
  }
  return naming('shard', () => parseShard(value, 'the shard'));
}

function invalid(name: string, accepts: string, value: string): InputError {
  return new InputError(`Input '${name}' must be ${accepts}, got '${value}'`);
}

function oneOf<T extends string>(input: InputSource, name: string, allowed: readonly T[]): T {
  const value = input(name).trim();
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    const choices = allowed.map((choice) => `'${choice}'`);
    throw invalid(name, `one of ${choices.join(', ')}`, value);
  }
  return match;
}

function nonEmpty(input: InputSource, name: string): string {
  const value = input(name).trim();
  if (value === '') throw invalid(name, 'a non-empty path', value);
  return value;
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function readBenches(input: InputSource): string[] {
  const benches = lines(input('benches'));
  for (const bench of benches) {
    if (!TARGET_NAME.test(bench)) {
      throw invalid(
        'benches',
        'bench target names (letters, digits, - and _), one per line',
        bench,
      );
    }
  }
  return [...new Set(benches)];
}

function readCommands(input: InputSource): NamedCommand[] {
  const commands = lines(input('commands')).map((line) =>
    naming('commands', () => parseNamedCommand(line)),
  );
  const names = commands.map((command) => command.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) {
    throw new InputError(`Input 'commands' names '${repeated}' twice: each name must be unique`);
  }
  return commands;
}

function readCargoArgs(input: InputSource): string[] {
  const value = input('cargo-args').trim();
  return value === '' ? [] : naming('cargo-args', () => splitCommandLine(value));
}

/** Runs a parser shared with the CLI; its InputError gets the name of the input in front. */
function naming<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(`Input '${name}': ${error.message}`, error.hint);
    }
    throw error;
  }
}

function readRuns(input: InputSource): number {
  const value = input('runs').trim();
  const runs = runCount(value);
  if (runs === undefined) throw invalid('runs', `a whole number from 1 to ${MAX_RUNS}`, value);
  return runs;
}

// The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them.
function readBoolean(input: InputSource, name: string): boolean {
  const value = input(name).trim();
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw invalid(name, "'true' or 'false'", value);
}

// GitHub's limit on a label's name.
const MAX_LABEL_LENGTH = 50;

function readAcceptLabel(input: InputSource): string {
  const value = input('accept-label').trim();
  if (value.length > MAX_LABEL_LENGTH || /[\r\n]/.test(value)) {
    throw invalid(
      'accept-label',
      `a label name of at most ${MAX_LABEL_LENGTH} characters on one line, or empty to accept none`,
      value,
    );
  }
  return value;
}

function readCacheKeyPrefix(input: InputSource): string {
  const value = input('cache-key-prefix').trim();
  if (!CACHE_KEY_PREFIX.test(value)) {
    throw invalid(
      'cache-key-prefix',
      '1 to 64 letters, digits, dots, dashes or underscores',
      value,
    );
  }
  return value;
}
