import type { BenchmarkComparison, Comparison } from '../compare/comparison.js';
import { formatChange, formatCount, plural, sanitise, shorten } from './format.js';

/** Benchmarks named per kind of change; the rest are counted, to keep the line short. */
const NAMED_BENCHMARKS = 3;
const NAME_LENGTH = 80;

/**
 * One line for the action's `summary` output and the logs, e.g.
 * `regressed: parse +3.21% (textbench::csv::parse_row +12.40%)` or
 * `no significant change in 4 benchmarks`.
 */
export function summaryLine(comparison: Comparison): string {
  const withStatus = (status: BenchmarkComparison['status']) =>
    comparison.benchmarks.filter((benchmark) => benchmark.status === status);
  const regressed = withStatus('regressed');
  const improved = withStatus('improved');
  const parts: string[] = [];
  if (regressed.length > 0) parts.push(`regressed: ${listed(regressed, describeRegression)}`);
  if (improved.length > 0) parts.push(`improved: ${listed(improved, describeChange)}`);
  const moreAllocations = comparison.benchmarks.filter(
    (benchmark) => benchmark.allocations?.status === 'regressed',
  );
  if (moreAllocations.length > 0) {
    parts.push(`allocations regressed: ${listed(moreAllocations, describeAllocations)}`);
  }
  if (parts.length === 0) {
    parts.push(`no significant change in ${plural(comparison.benchmarks.length, 'benchmark')}`);
  }
  const added = withStatus('added');
  const removed = withStatus('removed');
  if (added.length > 0) parts.push(`added: ${listed(added, name)}`);
  if (removed.length > 0) parts.push(`removed: ${listed(removed, name)}`);
  if (comparison.acceptedBy !== undefined) {
    parts.push(`accepted by the label ${clean(comparison.acceptedBy)}`);
  }
  if (comparison.fingerprintDifferences.length > 0) {
    const fields = comparison.fingerprintDifferences.map((difference) => difference.field);
    parts.push(`measured under different conditions (${fields.map(clean).join(', ')})`);
  }
  return parts.join('; ');
}

function listed(
  benchmarks: BenchmarkComparison[],
  describe: (benchmark: BenchmarkComparison) => string,
): string {
  const shown = benchmarks.slice(0, NAMED_BENCHMARKS).map(describe);
  const more = benchmarks.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${formatCount(more)} more` : shown.join(', ');
}

function describeChange(benchmark: BenchmarkComparison): string {
  return benchmark.change === null
    ? name(benchmark)
    : `${name(benchmark)} ${formatChange(benchmark.change)}`;
}

/** The benchmark's change and the function that added the most to it. */
function describeRegression(benchmark: BenchmarkComparison): string {
  const culprit = benchmark.functions.find((change) => change.significant && change.delta > 0);
  if (!culprit) return describeChange(benchmark);
  const culpritChange = culprit.change === null ? 'new' : formatChange(culprit.change);
  return `${describeChange(benchmark)} (${clean(culprit.name)} ${culpritChange})`;
}

function describeAllocations(benchmark: BenchmarkComparison): string {
  const change = benchmark.allocations?.change;
  return change === null || change === undefined
    ? name(benchmark)
    : `${name(benchmark)} ${formatChange(change)}`;
}

function name(benchmark: BenchmarkComparison): string {
  return clean(benchmark.name);
}

function clean(text: string): string {
  return shorten(sanitise(text), NAME_LENGTH);
}
