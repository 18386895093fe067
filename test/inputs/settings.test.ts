import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type ActionSettings, readSettings } from '../../src/inputs/settings.js';
import { actionInputDefaults } from '../support/run-action.js';

/** Inputs as the runner passes them: action.yml's defaults, the token filled in, overrides. */
function inputs(overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    ...actionInputDefaults(),
    'github-token': 'ghs_token',
    ...overrides,
  };
  return (name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`readSettings read '${name}', which action.yml lacks`);
    return value;
  };
}

function failure(overrides: Record<string, string>): string {
  try {
    readSettings(inputs(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('readSettings accepted the inputs');
}

describe('readSettings', () => {
  it("reads action.yml's defaults into the documented settings", () => {
    expect(readSettings(inputs())).toEqual({
      workingDirectory: '.',
      benches: [],
      commands: [],
      harnesses: new Map(),
      cargoArgs: [],
      runs: 2,
      timeoutSeconds: undefined,
      threshold: 0.01,
      functionThreshold: 0.001,
      allocationThreshold: 0.01,
      metrics: ['instructions'],
      failOnRegression: false,
      comment: 'always',
      githubToken: 'ghs_token',
      baseline: 'auto',
      saveBaseline: 'auto',
      cacheKeyPrefix: 'rust-perf',
      mode: 'full',
      shard: undefined,
      acceptLabel: 'perf-accepted',
    } satisfies ActionSettings);
  });

  it('reads every input when set', () => {
    const settings = readSettings(
      inputs({
        'working-directory': 'crates/engine',
        benches: 'parse\n  sort  \n\nparse\n',
        commands: 'report=target/release/report --lines "2 000"\r\ncli = bin/cli -q\n',
        harness: 'ops=criterion\n  plain = plain \n',
        'cargo-args': '--features "simd fast" --locked',
        runs: '5',
        timeout: '15m',
        threshold: '2.5%',
        'function-threshold': '0.5%',
        'allocation-threshold': '0%',
        metrics: 'allocations, instructions',
        'fail-on-regression': 'True',
        comment: 'on-regression',
        baseline: 'rebuild',
        'save-baseline': 'false',
        'cache-key-prefix': 'perf.linux_v2',
        mode: 'measure',
        'accept-label': ' slower on purpose ',
      }),
    );
    expect(settings).toEqual({
      workingDirectory: 'crates/engine',
      benches: ['parse', 'sort'],
      commands: [
        { name: 'report', command: 'target/release/report --lines "2 000"' },
        { name: 'cli', command: 'bin/cli -q' },
      ],
      harnesses: new Map([
        ['ops', 'criterion'],
        ['plain', 'plain'],
      ]),
      cargoArgs: ['--features', 'simd fast', '--locked'],
      runs: 5,
      timeoutSeconds: 900,
      threshold: 0.025,
      functionThreshold: 0.005,
      allocationThreshold: 0,
      metrics: ['instructions', 'allocations'],
      failOnRegression: true,
      comment: 'on-regression',
      githubToken: 'ghs_token',
      baseline: 'rebuild',
      saveBaseline: 'false',
      cacheKeyPrefix: 'perf.linux_v2',
      mode: 'measure',
      shard: undefined,
      acceptLabel: 'slower on purpose',
    } satisfies ActionSettings);
  });

  it('accepts no label when accept-label is empty', () => {
    expect(readSettings(inputs({ 'accept-label': '' })).acceptLabel).toBe('');
  });

  it.each([
    ['runs', 'two', "Input 'runs' must be a whole number from 1 to 20, got 'two'"],
    ['runs', '0', "Input 'runs' must be a whole number from 1 to 20, got '0'"],
    ['runs', '21', "Input 'runs' must be a whole number from 1 to 20, got '21'"],
    ['runs', '2.5', "Input 'runs' must be a whole number from 1 to 20, got '2.5'"],
    ['runs', '', "Input 'runs' must be a whole number from 1 to 20, got ''"],
    ['runs', '1e1', "Input 'runs' must be a whole number from 1 to 20, got '1e1'"],
    [
      'timeout',
      '10 minutes',
      "Input 'timeout' must be a whole number of seconds, or of minutes or hours with 'm' or 'h' (e.g. '90', '15m', '1h'), or 0 for none, got '10 minutes'",
    ],
    [
      'timeout',
      '1.5h',
      "Input 'timeout' must be a whole number of seconds, or of minutes or hours with 'm' or 'h' (e.g. '90', '15m', '1h'), or 0 for none, got '1.5h'",
    ],
    [
      'comment',
      'sometimes',
      "Input 'comment' must be one of 'always', 'on-regression', 'never', got 'sometimes'",
    ],
    ['baseline', 'Auto', "Input 'baseline' must be one of 'auto', 'cache', 'rebuild', got 'Auto'"],
    [
      'save-baseline',
      'yes',
      "Input 'save-baseline' must be one of 'auto', 'true', 'false', got 'yes'",
    ],
    [
      'mode',
      'compare',
      "Input 'mode' must be one of 'full', 'measure', 'report', 'merge', got 'compare'",
    ],
    [
      'shard',
      '3/2',
      "Input 'shard': the shard must be K/N, shard K of N with 1 <= K <= N <= 256, not '3/2'",
    ],
    [
      'accept-label',
      'perf\naccepted',
      "Input 'accept-label' must be a label name of at most 50 characters on one line, or empty to accept none, got 'perf\naccepted'",
    ],
    [
      'accept-label',
      'x'.repeat(51),
      `Input 'accept-label' must be a label name of at most 50 characters on one line, or empty to accept none, got '${'x'.repeat(51)}'`,
    ],
    [
      'fail-on-regression',
      'yes',
      "Input 'fail-on-regression' must be 'true' or 'false', got 'yes'",
    ],
    ['working-directory', '  ', "Input 'working-directory' must be a non-empty path, got ''"],
    [
      'benches',
      'parse\nsort;rm -rf',
      "Input 'benches' must be bench target names (letters, digits, - and _), one per line, got 'sort;rm -rf'",
    ],
    [
      'cache-key-prefix',
      'a,b',
      "Input 'cache-key-prefix' must be 1 to 64 letters, digits, dots, dashes or underscores, got 'a,b'",
    ],
    [
      'cache-key-prefix',
      'x'.repeat(65),
      `Input 'cache-key-prefix' must be 1 to 64 letters, digits, dots, dashes or underscores, got '${'x'.repeat(65)}'`,
    ],
  ])("rejects %s '%s' with one message naming the input", (name, value, message) => {
    expect(failure({ [name]: value })).toBe(message);
  });

  it('reads a shard of a matrix leg, and refuses one outside mode: full', () => {
    expect(readSettings(inputs({ shard: ' 2/4 ' })).shard).toEqual({ index: 2, count: 4 });
    expect(failure({ shard: '1/2', mode: 'merge' })).toBe(
      "Input 'shard' measures one leg of a matrix and goes with mode: full, not mode: merge",
    );
  });

  it('names the input when a threshold is not a percentage', () => {
    expect(failure({ threshold: 'lots' })).toBe(
      "Input 'threshold' must be a percentage from 0% to 100% such as '1%' or '0.1%', got 'lots'.",
    );
    expect(failure({ metrics: 'instructions,heap' })).toBe(
      "Input 'metrics' must list metrics among instructions and allocations, separated by commas, got 'heap'.",
    );
    expect(failure({ 'function-threshold': '-1%' })).toMatch(
      /^Input 'function-threshold' must be a percentage .*, got '-1%'/,
    );
  });

  it('names the input when a harness setting is malformed, and says what is allowed', () => {
    const error = (harness: string) => {
      try {
        readSettings(inputs({ harness }));
      } catch (caught) {
        return caught as InputError;
      }
      throw new Error('accepted');
    };
    expect(error('ops=bencher').message).toBe(
      "Input 'harness': 'ops=bencher' is not a harness setting: expected TARGET=HARNESS, e.g. 'ops=criterion'",
    );
    expect(error('ops=bencher').hint).toBe(
      "TARGET is a bench target's name; HARNESS is one of plain, criterion, libtest, divan, gungraun.",
    );
    expect(error('criterion').message).toMatch(
      /^Input 'harness': 'criterion' is not a harness setting/,
    );
    expect(error('a b=plain').message).toMatch(
      /^Input 'harness': 'a b=plain' is not a harness setting/,
    );
    expect(error('ops=plain\nops=criterion').message).toBe(
      "Input 'harness': the harness of 'ops' is set twice",
    );
  });

  it('names the input when a command line is malformed', () => {
    expect(failure({ commands: 'report' })).toMatch(/^Input 'commands': 'report' is not a command/);
    expect(failure({ commands: 'report=bin/report | tee x' })).toMatch(
      /^Input 'commands': cannot run the command .*'\|' is shell syntax/,
    );
    expect(failure({ commands: 'a=bin/a\nb=bin/b\na=bin/c' })).toBe(
      "Input 'commands' names 'a' twice: each name must be unique",
    );
    expect(failure({ 'cargo-args': '--features "simd' })).toMatch(
      /^Input 'cargo-args': .*a double quote is not closed/,
    );
  });

  it('requires a token', () => {
    expect(failure({ 'github-token': ' ' })).toBe(
      "Input 'github-token' is empty: leave it at its default, the workflow's GITHUB_TOKEN, " +
        'or give a token that may read the repository and comment on its pull requests.',
    );
  });
});
