import { describe, expect, it } from 'vitest';
import {
  describeJsonValue,
  missingKey,
  parseJson,
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
