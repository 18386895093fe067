import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { formatDuration, parseTimeout } from '../../src/inputs/timeout.js';

describe('parseTimeout', () => {
  it.each([
    ['90', 90],
    [' 90s ', 90],
    ['15m', 900],
    ['1h', 3600],
    ['0', undefined],
    ['0m', undefined],
    ['', undefined],
  ])("reads '%s' as %s seconds", (value, seconds) => {
    expect(parseTimeout(value, '--timeout')).toBe(seconds);
  });

  it.each(['-5', '1.5m', '10 min', '2d', 'm', '1234567'])(
    "refuses '%s', naming the option",
    (value) => {
      expect(() => parseTimeout(value, '--timeout')).toThrow(
        new InputError(
          `--timeout must be a whole number of seconds, or of minutes or hours with 'm' or 'h' (e.g. '90', '15m', '1h'), or 0 for none, got '${value}'`,
        ),
      );
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [30, '30s'],
    [90, '1m 30s'],
    [900, '15m'],
    [5430, '1h 30m 30s'],
  ])('writes %i seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
