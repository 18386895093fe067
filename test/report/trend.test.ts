import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/report/trend.js';

describe('sparkline', () => {
  it('spreads values from the lowest bar to the highest', () => {
    expect(sparkline([1000, 1000, 1200, 1500])).toBe('▁▁▄█');
    expect(sparkline([1500, 1000])).toBe('█▁');
  });

  it('draws a flat series, zeros included, at mid height', () => {
    expect(sparkline([7, 7, 7])).toBe('▄▄▄');
    expect(sparkline([0, 0])).toBe('▄▄');
  });

  it('keeps noise flat: values closer than 1% of the largest draw flat', () => {
    // 680 instructions in 18.7 million (0.004%): not a jump from the bottom bar to the top.
    expect(sparkline([18_695_067, 18_694_387])).toBe('▄▄');
    // 1% apart is the full height again.
    expect(sparkline([990, 1000])).toBe('▁█');
  });
});
