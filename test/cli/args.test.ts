import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.js';
import { InputError } from '../../src/errors.js';

const options = {
  'cargo-args': { type: 'string' },
  bench: { type: 'string', multiple: true, short: 'b' },
  json: { type: 'boolean' },
} as const;

describe('parseCommandArgs', () => {
  it('takes a value that starts with a dash as the value of a string option', () => {
    const { values } = parseCommandArgs(
      'measure',
      ['--cargo-args', '--features slow', '-b', '-odd'],
      options,
      false,
    );
    expect(values['cargo-args']).toBe('--features slow');
    expect(values.bench).toEqual(['-odd']);
  });

  it('keeps --option=value and leaves everything after -- alone', () => {
    const { values, positionals } = parseCommandArgs(
      'parse',
      ['--cargo-args=--release', '--', '--cargo-args'],
      options,
      true,
    );
    expect(values['cargo-args']).toBe('--release');
    expect(positionals).toEqual(['--cargo-args']);
  });

  it('refuses an unknown option with one line that points to --help', () => {
    expect(() => parseCommandArgs('compare', ['--bogus'], options, false)).toThrow(
      new InputError("unknown option '--bogus' (see `rust-perf compare --help`)"),
    );
  });

  it('refuses a positional argument where the command takes none', () => {
    expect(() => parseCommandArgs('measure', ['extra'], options, false)).toThrow(
      new InputError("unexpected argument 'extra' (see `rust-perf measure --help`)"),
    );
  });

  it('refuses a string option without a value', () => {
    expect(() => parseCommandArgs('measure', ['--cargo-args'], options, false)).toThrow(
      /Option '--cargo-args <value>' argument missing \(see `rust-perf measure --help`\)/,
    );
  });
});
