import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { compileGlob } from '../../src/inputs/glob.js';
import { limitsFor, parseLimits } from '../../src/inputs/limits-file.js';

const FILE = 'crates/engine/rust-perf.toml';

function mistakes(text: string): string[] {
  try {
    parseLimits(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message.split('\n');
  }
  throw new Error('parsed without a mistake');
}

describe('the globs of rust-perf.toml', () => {
  it.each([
    ['parse', 'parse', true],
    ['parse', 'parse/fields', false],
    ['parse/*', 'parse/fields/short', true],
    ['*/short', 'parse/fields/short', true],
    ['pars?', 'parse', true],
    ['textbench::parse::*', 'textbench::parse::parse_field', true],
    ['<[T] as core::fmt::Debug>::fmt', '<[T] as core::fmt::Debug>::fmt', true],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
  ])('%s against %s: %s', (pattern, name, expected) => {
    const glob = compileGlob(pattern);
    expect(typeof glob).toBe('function');
    expect((glob as (name: string) => boolean)(name)).toBe(expected);
  });
});

describe('parseLimits', () => {
  const text = [
    '# Limits of the engine crate',
    '[[benchmark]]',
    'name = "*"',
    'threshold = "2%"',
    '',
    '[[benchmark]]',
    'name = "parse/*"',
    'threshold = "5%"',
    'max-instructions = 20_000_000',
    'max-function-instructions = { "engine::parse::*" = 2_000_000 }',
    '',
    '[[benchmark]]',
    "name = 'startup'",
    'ignore = true',
    '',
  ].join('\n');

  it('applies every matching entry, a later one over an earlier one', () => {
    const limits = parseLimits(text, FILE);
    const parse = limitsFor(limits, 'parse/short');
    expect(parse).toEqual({
      threshold: 0.05,
      maxInstructions: 20_000_000,
      functionBudgets: [
        { pattern: 'engine::parse::*', matches: expect.any(Function), maxInstructions: 2_000_000 },
      ],
    });
    expect(limitsFor(limits, 'startup')).toEqual({
      threshold: 0.02,
      ignore: true,
      functionBudgets: [],
    });
    expect(limitsFor(undefined, 'parse')).toEqual({ functionBudgets: [] });
    expect(parseLimits('', FILE).entries).toEqual([]);
  });

  it('names the file, line and key of every mistake', () => {
    expect(
      mistakes(
        [
          '[[benchmark]]',
          'name = "parse"',
          'treshold = "5%"',
          '',
          '[[benchmark]]',
          'name = ""',
          'max-instructions = -5',
          '',
          '[[benchmark]]',
          'name = "sort"',
          'threshold = "five"',
          'ignore = "yes"',
          '[benchmark.max-function-instructions]',
          '"engine::sort::*" = 1.5',
          '',
          '[limits]',
          'x = 1',
        ].join('\n'),
      ),
    ).toEqual([
      `${FILE}:3: benchmark[0].treshold: not a known key (name, threshold, allocation-threshold, ignore, max-instructions, max-function-instructions, max-allocations, max-allocated-bytes)`,
      `${FILE}:6: benchmark[1].name: the glob "" is empty: it would match no name`,
      `${FILE}:7: benchmark[1].max-instructions: must be a whole number of instructions, at least 0, got -5`,
      `${FILE}:11: benchmark[2].threshold: must be a percentage from 0% to 100% such as '1%' or '0.1%', got 'five'`,
      `${FILE}:12: benchmark[2].ignore: must be true or false, got "yes"`,
      `${FILE}:14: benchmark[2].max-function-instructions."engine::sort::*": must be a whole number of instructions, at least 0, got 1.5`,
      `${FILE}:16: limits: not a known key (rust-perf.toml has [[benchmark]] entries)`,
    ]);
  });

  it('reads budgets and a threshold of allocations', () => {
    const limits = parseLimits(
      [
        '[[benchmark]]',
        'name = "parse/*"',
        'allocation-threshold = "10%"',
        'max-allocations = 1_000',
        '[[benchmark]]',
        'name = "parse/long"',
        'max-allocated-bytes = 65_536',
      ].join('\n'),
      FILE,
    );
    expect(limitsFor(limits, 'parse/long')).toEqual({
      allocationThreshold: 0.1,
      maxAllocations: 1_000,
      maxAllocatedBytes: 65_536,
      functionBudgets: [],
    });
    expect(limitsFor(limits, 'sort')).toEqual({ functionBudgets: [] });
  });

  it('names the file, line and key of every mistake in the allocation keys', () => {
    expect(
      mistakes(
        [
          '[[benchmark]]',
          'name = "parse"',
          'max-allocations = -1',
          'max-allocated-bytes = "64k"',
          'allocation-threshold = 5',
          '[[benchmark]]',
          'name = "sort"',
          'allocation-threshold = "150%"',
          'max-allocation = 10',
        ].join('\n'),
      ),
    ).toEqual([
      `${FILE}:3: benchmark[0].max-allocations: must be a whole number of allocations, at least 0, got -1`,
      `${FILE}:4: benchmark[0].max-allocated-bytes: must be a whole number of bytes, at least 0, got "64k"`,
      `${FILE}:5: benchmark[0].allocation-threshold: must be a percentage in quotes such as "5%", got 5`,
      `${FILE}:8: benchmark[1].allocation-threshold: must be a percentage from 0% to 100% such as '1%' or '0.1%', got '150%'`,
      `${FILE}:9: benchmark[1].max-allocation: not a known key (name, threshold, allocation-threshold, ignore, max-instructions, max-function-instructions, max-allocations, max-allocated-bytes)`,
    ]);
  });

  it('names an entry without a name by its header, and a bad glob of a function', () => {
    expect(
      mistakes(
        [
          '[[benchmark]]',
          'name = "a"',
          '[[benchmark]]',
          'threshold = "1%"',
          'max-function-instructions = { "x\\\\" = 1 }',
        ].join('\n'),
      ),
    ).toEqual([
      `${FILE}:3: benchmark[1]: has no name: a glob over benchmark names, e.g. name = "parse/*"`,
      `${FILE}:5: benchmark[1].max-function-instructions."x\\\\": the glob "x\\\\" ends in a lone \\, which escapes nothing`,
    ]);
  });

  it('reports a TOML syntax error with its line', () => {
    expect(mistakes('[[benchmark]]\nname = "parse\n')).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:2: not valid TOML: .+`)),
    ]);
  });
});
