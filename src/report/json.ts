import type { Comparison } from '../compare/comparison.js';

/** The JSON report: the Comparison itself, pretty-printed (see "JSON report" in the README). */
export function renderJson(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}
