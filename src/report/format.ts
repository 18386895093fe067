/**
 * Wording and number formats shared by every renderer, so that the comment, the terminal and the
 * one-line summary say the same thing the same way.
 */
import type {
  BenchmarkComparison,
  BenchmarkStatus,
  Comparison,
  FingerprintDifference,
  FunctionStatus,
} from '../compare/comparison.js';

/** `1234567` → `1,234,567`; independent of the machine's locale. */
export function formatCount(count: number): string {
  const digits = Math.abs(count).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return count < 0 ? `-${grouped}` : grouped;
}

/** `+1,234` / `-1,234` / `0`. */
export function formatDelta(delta: number): string {
  return delta > 0 ? `+${formatCount(delta)}` : formatCount(delta);
}

/** A percent change with its sign and two decimals (`+3.21%`, `-0.50%`, `0.00%`). */
export function formatChange(percent: number): string {
  const rounded = percent.toFixed(2);
  if (Number(rounded) === 0) return '0.00%';
  return percent > 0 ? `+${rounded}%` : `${rounded}%`;
}

/** A benchmark's or function's change: `new` where it was added, `—` where there is no base to relate to. */
export function changeText(change: number | null, status: FunctionStatus): string {
  if (status === 'added') return 'new';
  return change === null ? '—' : formatChange(change);
}

/** A threshold fraction as a percentage without trailing zeros: 0.01 → `1%`, 0.001 → `0.1%`. */
export function formatThreshold(fraction: number): string {
  return `${Number((fraction * 100).toFixed(6))}%`;
}

/** The thresholds of a comparison, as a sentence for a report's footer. */
export function describeThresholds(comparison: Comparison): string {
  const allocations =
    comparison.allocationThreshold === undefined
      ? ''
      : `, its allocations beyond ±${formatThreshold(comparison.allocationThreshold)}`;
  return (
    `a benchmark changes beyond ±${formatThreshold(comparison.threshold)}${allocations}, ` +
    `a function from ${formatThreshold(comparison.functionThreshold)} of its benchmark`
  );
}

/**
 * What the counts cover, by the harnesses in the comparison: a whole program, one iteration
 * of a criterion or libtest routine, a divan target measured whole; Callgrind counts them all
 * (but a raw Cachegrind file given to `compare`).
 */
export function describeMeasurement(comparison: Comparison): string {
  const harnesses = new Set(comparison.benchmarks.map((benchmark) => benchmark.harness));
  const routines = harnesses.has('criterion') || harnesses.has('libtest');
  const wholes = harnesses.has('plain') || harnesses.has('divan');
  const tools = routines
    ? wholes
      ? 'counted by Callgrind for whole programs and for one iteration of each criterion or libtest routine'
      : 'counted by Callgrind for one iteration of each benchmark’s routine'
    : 'counted by Callgrind';
  return harnesses.has('divan') ? `${tools}; divan targets are measured as whole programs` : tools;
}

/** What the primary event counts, for readers who do not know valgrind's event names. */
export function describeEvent(event: string): string {
  return event === 'Ir' ? 'instructions (Ir)' : event;
}

// Control characters (newlines, terminal escapes) and bidirectional overrides would let a
// function name break a table row, recolour a terminal or display as something it is not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces characters that must never reach a report verbatim with U+FFFD. */
export function sanitise(text: string): string {
  return text.replace(UNPRINTABLE, '\uFFFD');
}

/**
 * Shortens `text` to at most `max` characters by cutting its middle: a Rust path keeps its
 * crate and its method, the generic parameters in between go first.
 */
export function shorten(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${characters.slice(0, head).join('')}…${characters.slice(characters.length - tail).join('')}`;
}

/** The first 10 characters of a commit, as `git log --oneline` would show it roughly. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 10);
}

/**
 * Why a comparison shows no allocations although one side measured them: the other side (a
 * baseline measured with instructions alone, usually) did not, and a missing count is no zero.
 */
export function unmeasuredAllocations(side: 'base' | 'head'): string {
  const [measured, unmeasured] = side === 'base' ? ['head', 'base'] : ['base', 'head'];
  return (
    `Allocations were measured on the ${measured} but not on the ${unmeasured}, so they are not compared: ` +
    `measure both sides with the metrics instructions,allocations (a baseline measured with instructions alone has none).`
  );
}

/** One line for a fingerprint difference: multi-line values (`rustc -vV`) show their first differing line. */
export function describeDifference(difference: FingerprintDifference): {
  field: string;
  base: string;
  head: string;
} {
  const baseLines = difference.base.split('\n');
  const headLines = difference.head.split('\n');
  const index = Math.max(
    0,
    baseLines.findIndex((line, position) => line !== headLines[position]),
  );
  return {
    field: difference.field,
    base: baseLines[index] ?? '',
    head: headLines[index] ?? '',
  };
}

interface VerdictCounts {
  regressed: number;
  /** Benchmarks whose allocations regressed. */
  allocationRegressions: number;
  improved: number;
  added: number;
  removed: number;
  total: number;
}

function countStatuses(comparison: Comparison): VerdictCounts {
  const count = (status: BenchmarkStatus) =>
    comparison.benchmarks.filter((benchmark) => benchmark.status === status).length;
  return {
    regressed: count('regressed'),
    allocationRegressions: comparison.benchmarks.filter(
      (benchmark) => benchmark.allocations?.status === 'regressed',
    ).length,
    improved: count('improved'),
    added: count('added'),
    removed: count('removed'),
    total: comparison.benchmarks.length,
  };
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * `2 regressions, 1 improvement, 1 added in 5 benchmarks` or `No significant change in
 * 4 benchmarks`; `emphasise` marks up the regressions (bold in Markdown, red in a terminal).
 */
export function verdict(
  comparison: Comparison,
  emphasise: (text: string) => string = (text) => text,
): string {
  const counts = countStatuses(comparison);
  const parts: string[] = [];
  if (counts.regressed > 0) parts.push(emphasise(plural(counts.regressed, 'regression')));
  if (counts.allocationRegressions > 0) {
    parts.push(emphasise(plural(counts.allocationRegressions, 'allocation regression')));
  }
  if (counts.improved > 0) parts.push(plural(counts.improved, 'improvement'));
  if (counts.added > 0) parts.push(`${formatCount(counts.added)} added`);
  if (counts.removed > 0) parts.push(`${formatCount(counts.removed)} removed`);
  const scope = plural(counts.total, 'benchmark');
  if (counts.regressed === 0 && counts.allocationRegressions === 0 && counts.improved === 0) {
    const rest = parts.length > 0 ? ` (${parts.join(', ')})` : '';
    return `No significant change in ${scope}${rest}`;
  }
  return `${parts.join(', ')} in ${scope}`;
}

/** A benchmark's status with what rust-perf.toml made of it: `regressed (over budget, ignored)`. */
export function withLimitNotes(status: string, benchmark: BenchmarkComparison): string {
  const notes: string[] = [];
  if (benchmark.overBudget) notes.push('over budget');
  if (benchmark.threshold !== undefined) {
    notes.push(`threshold ${formatThreshold(benchmark.threshold)}`);
  }
  if (benchmark.allocationThreshold !== undefined) {
    notes.push(`allocation threshold ${formatThreshold(benchmark.allocationThreshold)}`);
  }
  if (benchmark.uncheckedBudgets) notes.push('allocation budget not checked');
  if (benchmark.ignored) notes.push('ignored');
  return notes.length === 0 ? status : `${status} (${notes.join(', ')})`;
}
