/** How a count changed between base and head, exactly, against a threshold. */
import type { BenchmarkStatus } from './comparison.js';

/** Thresholds are compared as fractions with this many parts, in integers, so that exactly 1% is not "more than 1%". */
const FRACTION_SCALE = 1_000_000_000_000n;

/** `added` or `removed` where a side is missing, else by `threshold`, a fraction of the base. */
export function benchmarkStatus(
  base: number | null,
  head: number | null,
  threshold: number,
): BenchmarkStatus {
  if (base === null) return 'added';
  if (head === null) return 'removed';
  const delta = head - base;
  if (exceedsFraction(delta, base, threshold)) return 'regressed';
  if (exceedsFraction(-delta, base, threshold)) return 'improved';
  return 'unchanged';
}

/** `amount > fraction × whole`, exactly: no rounding error can tip a change at the threshold. */
function exceedsFraction(amount: number, whole: number, fraction: number): boolean {
  return BigInt(amount) * FRACTION_SCALE > scaledFraction(fraction) * BigInt(whole);
}

/** `amount ≥ fraction × whole`, exactly. */
export function reachesFraction(amount: number, whole: number, fraction: number): boolean {
  return BigInt(amount) * FRACTION_SCALE >= scaledFraction(fraction) * BigInt(whole);
}

function scaledFraction(fraction: number): bigint {
  return BigInt(Math.round(fraction * Number(FRACTION_SCALE)));
}

/** Percent, rounded to 4 decimals; null where there is no base to relate to. */
export function percentChange(base: number | null, head: number | null): number | null {
  if (base === null || head === null || base === 0) return null;
  return Math.round(((head - base) / base) * 1_000_000) / 10_000;
}
