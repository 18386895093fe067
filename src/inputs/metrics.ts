import { InputError } from '../errors.js';

/** What a measurement records: instructions (always) and, when asked, heap allocations. */
export const METRICS = ['instructions', 'allocations'] as const;
export type Metric = (typeof METRICS)[number];

/** Instructions alone: allocations cost a second valgrind run per target (see docs/performance.md). */
export const DEFAULT_METRICS: readonly Metric[] = ['instructions'];

/**
 * Parses a list of metrics, separated by commas, spaces or lines (`instructions,allocations`).
 * Instructions are always measured: they are what every report compares first.
 */
export function parseMetrics(value: string, what: string): Metric[] {
  const names = value.split(/[\s,]+/).filter((name) => name !== '');
  if (names.length === 0) return [...DEFAULT_METRICS];
  const unknown = names.find((name) => !(METRICS as readonly string[]).includes(name));
  if (unknown !== undefined) {
    throw new InputError(
      `${what} must list metrics among ${METRICS.join(' and ')}, separated by commas, got '${unknown}'.`,
    );
  }
  return METRICS.filter((metric) => metric === 'instructions' || names.includes(metric));
}
