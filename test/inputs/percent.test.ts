import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePercent } from '../../src/inputs/percent.js';

describe('parsePercent', () => {
  it.each([
    ['1%', 0.01],
    ['0.1%', 0.001],
    ['2.5', 0.025],
    ['2', 0.02],
    ['.5%', 0.005],
    [' 3% ', 0.03],
    ['0', 0],
    ['100%', 1],
  ])('reads %j as %d', (value, fraction) => {
    expect(parsePercent(value, '--threshold')).toBe(fraction);
  });

  it.each(['', '%', '-1%', '1%%', 'NaN', 'Infinity', '1e2', '0x10', '1,5%', 'one', '101%', '1 %'])(
    'rejects %j, naming the setting and what it accepts',
    (value) => {
      expect(() => parsePercent(value, 'threshold')).toThrow(
        new InputError(
          `threshold must be a percentage from 0% to 100% such as '1%' or '0.1%', got '${value}'.`,
        ),
      );
    },
  );
});
