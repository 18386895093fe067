/**
 * The trend of each benchmark over the baselines saved before it (the history a baseline
 * carries): a sparkline in the comment and the terminal, a Mermaid chart in the job summary.
 */
import type { Comparison } from '../compare/comparison.js';
import { HISTORY_EVENT, type ProfileDocument } from '../profile/profile.js';
import { type Alignment, alignColumns } from './columns.js';
import { formatChange, formatCount, sanitise, shortCommit } from './format.js';

/** One benchmark's totals, oldest first, and what each one is. */
export interface TrendSeries {
  name: string;
  values: number[];
  labels: string[];
}

const BARS = '▁▂▃▄▅▆▇█';
/** Charts in one job summary: the benchmarks that moved most come first. */
const MAX_CHARTS = 10;

/**
 * How far apart, as a fraction of the largest value, a sparkline's values must be to draw as a
 * rise or a fall (the default threshold): a few hundred instructions of noise in millions stay
 * flat instead of filling the bars from bottom to top.
 */
const FLAT_SPAN = 0.01;

/**
 * `▁▂▅█`: each value's height between the smallest and the largest; a series whose values are
 * closer than FLAT_SPAN draws flat, at mid height.
 */
export function sparkline(values: number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const last = BARS.length - 1;
  const flat = high - low < Math.abs(high) * FLAT_SPAN;
  return values
    .map(
      (value) =>
        BARS[flat || high === low ? last >> 1 : Math.round(((value - low) / (high - low)) * last)],
    )
    .join('');
}

/** A comparison's benchmarks that have a history: the earlier baselines, the base, the head. */
export function comparisonTrends(comparison: Comparison): TrendSeries[] {
  return comparison.benchmarks.flatMap((benchmark) => {
    const { trend, base, head } = benchmark;
    if (trend === undefined || base === null || head === null) return [];
    return [
      {
        name: benchmark.name,
        values: [...trend, base, head],
        labels: [...trend.map((_, index) => `-${trend.length - index}`), 'base', 'head'],
      },
    ];
  });
}

/** A profile's benchmarks over its history and itself, labelled by commit. */
export function profileTrends(profile: ProfileDocument): TrendSeries[] {
  const history = profile.history ?? [];
  const label = (commit: string | undefined) => (commit === undefined ? '?' : shortCommit(commit));
  return profile.benchmarks.flatMap((benchmark) => {
    const current = benchmark.totals[HISTORY_EVENT];
    const earlier = history.filter((entry) => entry.totals[benchmark.name] !== undefined);
    if (current === undefined || earlier.length === 0) return [];
    return [
      {
        name: benchmark.name,
        values: [...earlier.map((entry) => entry.totals[benchmark.name]!), current],
        labels: [...earlier.map((entry) => label(entry.commit)), label(profile.commit)],
      },
    ];
  });
}

/**
 * Mermaid `xychart-beta` charts, which GitHub renders in Markdown, for the series that moved
 * most; their names are reduced to characters a chart title cannot misread.
 */
export function trendChartsMarkdown(series: TrendSeries[]): string[] {
  if (series.length === 0) return [];
  const charted = [...series].sort((a, b) => spread(b) - spread(a)).slice(0, MAX_CHARTS);
  const more = series.length - charted.length;
  return [
    `#### Trend: ${HISTORY_EVENT === 'Ir' ? 'instructions' : HISTORY_EVENT} over the last baselines`,
    '',
    ...charted.flatMap((entry) => [
      '```mermaid',
      'xychart-beta',
      `  title "${entry.name.replace(/[^A-Za-z0-9_/:.,()<> -]/g, '_').slice(0, 100)}"`,
      `  x-axis [${entry.labels.map((label) => `"${label}"`).join(', ')}]`,
      '  y-axis "instructions"',
      `  line [${entry.values.join(', ')}]`,
      '```',
      '',
    ]),
    ...(more > 0 ? [`… and ${formatCount(more)} more benchmarks with a history.`, ''] : []),
  ];
}

/** How far a series moved, relative to its smallest value. */
function spread(series: TrendSeries): number {
  const low = Math.min(...series.values);
  return (Math.max(...series.values) - low) / Math.max(low, 1);
}

/** One aligned line per benchmark: its bars, its first and last total, the change between. */
export function trendText(series: TrendSeries[]): string {
  const rows = series.map((entry) => {
    const first = entry.values[0]!;
    const last = entry.values.at(-1)!;
    const change = first === 0 ? '' : formatChange(((last - first) / first) * 100);
    return [
      sanitise(entry.name),
      sparkline(entry.values),
      formatCount(first),
      formatCount(last),
      change,
      `${entry.labels[0]} … ${entry.labels.at(-1)}`,
    ];
  });
  const header = ['benchmark', 'trend', 'first', 'last', 'change', 'commits'];
  const alignments: Alignment[] = ['left', 'left', 'right', 'right', 'right', 'last'];
  const lines = alignColumns(
    [header, ...rows],
    alignments.map((align) => ({ align })),
  );
  return `${lines.join('\n')}\n`;
}
