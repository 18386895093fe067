import { describe, expect, it } from 'vitest';
import {
  describeJsonValue,
  type JsonProblem,
  missingKey,
  parseJson,
  StrictJsonReader,
  unexpectedKey,
} from '../../src/system/strict-json.js';

describe('strict JSON helpers', () => {
  it('hands the parser reason to the caller to word the error', () => {
    expect(() => parseJson('{', (reason) => new Error(`bad: ${reason}`))).toThrow(/^bad: /);
    expect(parseJson('{"a": [1]}', () => new Error('unused'))).toEqual({ a: [1] });
  });

  it('does not take an inherited key for a present one', () => {
    const object = parseJson('{"a": 1}', () => new Error('unused')) as Record<string, unknown>;
    expect(missingKey(object, ['a', 'toString', 'constructor'])).toBe('toString');
    expect(missingKey(object, ['a'])).toBeUndefined();
    expect(unexpectedKey(object, ['b'])).toBe('a');
    expect(unexpectedKey(object, ['a', 'b'])).toBeUndefined();
  });

  it('describes a found value briefly, whatever its size', () => {
    expect(describeJsonValue(undefined)).toBe('nothing');
    expect(describeJsonValue([1, 2])).toBe('an array');
    expect(describeJsonValue({ a: 1 })).toBe('an object');
    expect(describeJsonValue(null)).toBe('null');
    expect(describeJsonValue('x'.repeat(38))).toBe(`"${'x'.repeat(38)}"`);
    expect(describeJsonValue('x'.repeat(39))).toBe(`"${'x'.repeat(38)}…`);
  });
});

describe('StrictJsonReader', () => {
  /** A reader whose errors carry the path and the problem, as the owner of a document sees them. */
  const reader = new StrictJsonReader((path, problem) =>
    Object.assign(new Error(path), { problem }),
  );
  const problemOf = (read: () => unknown): { path: string; problem: JsonProblem } => {
    try {
      read();
    } catch (error) {
      return {
        path: (error as Error).message,
        problem: (error as { problem: JsonProblem }).problem,
      };
    }
    throw new Error('expected the read to fail');
  };

  it('hands the owner the path and what was expected there', () => {
    expect(problemOf(() => reader.string(7, 'benchmarks[0].name'))).toEqual({
      path: 'benchmarks[0].name',
      problem: { kind: 'expected', expected: 'a string', found: 7 },
    });
  });

  it('refuses an unknown field before it looks for missing ones', () => {
    const object = { a: 1, extra: true };
    expect(problemOf(() => reader.object(object, 'x', { required: ['a', 'b'] }))).toEqual({
      path: 'x',
      problem: { kind: 'unknown-field', key: 'extra', object },
    });
    expect(problemOf(() => reader.object({ a: 1 }, 'x', { required: ['a', 'b'] }))).toEqual({
      path: 'x',
      problem: { kind: 'missing', key: 'b', object: { a: 1 } },
    });
  });

  it('takes optional fields and, without a field list, any field', () => {
    expect(reader.object({ a: 1 }, '', { required: [], optional: ['a'] })).toEqual({ a: 1 });
    expect(reader.object({ anything: 1 }, '')).toEqual({ anything: 1 });
  });

  it('names the second of two equal values', () => {
    expect(problemOf(() => reader.unique(['a', 'b', 'a'], (index) => `names[${index}]`))).toEqual({
      path: 'names[2]',
      problem: { kind: 'rule', rule: '"a" appears twice' },
    });
  });
});
