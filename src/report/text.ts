/**
 * The terminal report of `rust-perf compare`: aligned columns, ANSI colour only when asked for.
 * Names are sanitised so that a function name cannot move the cursor or recolour the terminal.
 */
import type {
  BenchmarkComparison,
  Comparison,
  FunctionChange,
  FunctionStatus,
} from '../compare/comparison.js';
import { type Alignment, alignColumns } from './columns.js';
import {
  changeText,
  describeDifference,
  describeEvent,
  describeMeasurement,
  describeThresholds,
  formatChange,
  formatCount,
  formatDelta,
  plural,
  sanitise,
  shortCommit,
  shorten,
  unmeasuredAllocations,
  verdict,
  withLimitNotes,
} from './format.js';

/** Functions listed per benchmark; `--format json` lists every one. */
const LISTED_FUNCTIONS = 20;
/** Longest frame of a call path: long generic names lose their middle. */
const FRAME_LENGTH = 80;

type Style = (text: string) => string;

interface Palette {
  bold: Style;
  dim: Style;
  red: Style;
  green: Style;
  yellow: Style;
}

const plain: Style = (text) => text;
const ansi =
  (code: number): Style =>
  (text) =>
    `\u001b[${code}m${text}\u001b[0m`;

const PLAIN: Palette = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };
const COLOURED: Palette = {
  bold: ansi(1),
  dim: ansi(2),
  red: ansi(31),
  green: ansi(32),
  yellow: ansi(33),
};

export function renderText(comparison: Comparison, options: { color: boolean }): string {
  const palette = options.color ? COLOURED : PLAIN;
  const lines = [
    `${verdict(comparison, palette.red)} · ${describeEvent(sanitise(comparison.event))}`,
  ];
  if (comparison.fingerprintDifferences.length > 0) {
    const differences = comparison.fingerprintDifferences.map((difference) => {
      const { field, base, head } = describeDifference(difference);
      return `${sanitise(field)} ${sanitise(base)} → ${sanitise(head)}`;
    });
    lines.push(
      palette.yellow(
        `warning: base and head were not measured under the same conditions: ${differences.join('; ')}`,
      ),
    );
  }
  if (comparison.allocationsUnmeasured !== undefined) {
    lines.push(`note: ${unmeasuredAllocations(comparison.allocationsUnmeasured)}`);
  }
  const withAllocations = comparison.allocationThreshold !== undefined;
  lines.push('', ...benchmarkTable(comparison.benchmarks, withAllocations, palette));
  for (const benchmark of comparison.benchmarks) {
    lines.push(...functionSection(benchmark, palette), ...siteSection(benchmark));
  }
  lines.push('', footer(comparison));
  return `${lines.join('\n')}\n`;
}

function benchmarkTable(
  benchmarks: BenchmarkComparison[],
  withAllocations: boolean,
  palette: Palette,
): string[] {
  const rows = benchmarks.map((benchmark) => {
    const allocations = benchmark.allocations;
    const cells = [
      sanitise(benchmark.name),
      benchmark.base === null ? '—' : formatCount(benchmark.base),
      benchmark.head === null ? '—' : formatCount(benchmark.head),
      changeText(benchmark.change, benchmark.status),
      withLimitNotes(benchmark.status, benchmark),
    ];
    if (withAllocations) {
      cells.push(
        allocations?.base ? formatCount(allocations.base.allocations) : '—',
        allocations?.head ? formatCount(allocations.head.allocations) : '—',
        allocations ? changeText(allocations.change, allocations.status) : '—',
        allocations ? allocations.status : '—',
      );
    }
    const worst = allocations?.status === 'regressed' ? allocations.status : benchmark.status;
    return { cells, style: statusStyle(worst, palette) };
  });
  const header = ['benchmark', 'base', 'head', 'change', 'status'];
  const alignments: Alignment[] = ['left', 'right', 'right', 'right', 'left'];
  if (withAllocations) {
    header.push('allocs base', 'allocs head', 'change', 'status');
    alignments.push('right', 'right', 'right', 'left');
  }
  return styledTable(header, rows, alignments);
}

/** The changed allocation sites of a benchmark measured on both sides. */
function siteSection(benchmark: BenchmarkComparison): string[] {
  const allocations = benchmark.allocations;
  if (!allocations?.base || !allocations.head || allocations.sites.length === 0) return [];
  const listed = allocations.sites.slice(0, LISTED_FUNCTIONS);
  const rows = listed.map((site) => ({
    cells: [
      formatCount(site.base.allocations),
      formatCount(site.head.allocations),
      formatDelta(site.head.allocations - site.base.allocations),
      formatDelta(site.head.bytes - site.base.bytes),
      functionLabel({ name: site.function, file: site.file, line: site.line }),
    ],
    style: plain,
  }));
  const rest = allocations.sites.length - listed.length;
  return [
    '',
    `${sanitise(benchmark.name)}: allocations ${allocations.status} ${changeText(allocations.change, allocations.status)}`,
    ...styledTable(['base', 'head', 'delta', 'bytes', 'allocated in'], rows, [
      'right',
      'right',
      'right',
      'right',
      'last',
    ]).map((line) => `  ${line}`),
    ...(rest > 0
      ? [`  … and ${plural(rest, 'more changed site')} (--format json lists them all)`]
      : []),
  ];
}

/**
 * The significant and moved functions of a benchmark measured on both sides; the others are
 * counted. (Every function of an added or removed benchmark is new or gone: no news.)
 */
function functionSection(benchmark: BenchmarkComparison, palette: Palette): string[] {
  if (benchmark.status === 'added' || benchmark.status === 'removed') return [];
  const notable = benchmark.functions.filter(
    (change) => change.significant || change.movedTo || change.movedFrom,
  );
  if (notable.length === 0) return [];
  const listed = notable.slice(0, LISTED_FUNCTIONS);
  const rows = listed.map((change) => ({
    cells: [
      formatCount(change.base),
      formatCount(change.head),
      formatDelta(change.delta),
      changeText(change.change, change.status),
      functionStatus(change),
      functionLabel(change),
    ],
    style: statusStyle(change.status, palette),
    notes: callNotes(change).map(palette.dim),
  }));
  const change = benchmark.change === null ? '' : ` ${formatChange(benchmark.change)}`;
  const heading = `${palette.bold(sanitise(benchmark.name))}: ${benchmark.status}${change}`;
  const lines = [
    '',
    heading,
    ...styledTable(['base', 'head', 'delta', 'change', 'status', 'function'], rows, [
      'right',
      'right',
      'right',
      'right',
      'left',
      'last',
    ]).map((line) => `  ${line}`),
  ];
  const rest = benchmark.functions.length - listed.length;
  if (rest > 0) {
    lines.push(
      palette.dim(
        `  … and ${plural(rest, 'more changed function')} (--format json lists them all)`,
      ),
    );
  }
  return lines;
}

/** What the call graph tells of a function: the path of calls to it, who called it more. */
function callNotes(change: FunctionChange): string[] {
  const notes: string[] = [];
  if (change.callPath)
    notes.push(
      `    via ${change.callPath.map((frame) => sanitise(shorten(frame, FRAME_LENGTH))).join(' → ')}`,
    );
  if (change.calledMoreBy) {
    const { caller, base, head } = change.calledMoreBy;
    notes.push(
      `    called more by ${sanitise(shorten(caller, FRAME_LENGTH))}: ${formatCount(base)} → ${plural(head, 'call')}`,
    );
  }
  return notes;
}

function functionStatus(change: FunctionChange): string {
  if (change.movedTo || change.movedFrom) return 'moved';
  return change.status === 'unchanged' ? 'below threshold' : change.status;
}

function functionLabel(
  change: Pick<FunctionChange, 'name' | 'file' | 'line' | 'movedTo' | 'movedFrom'>,
): string {
  const location =
    change.file === '???'
      ? ''
      : ` (${sanitise(change.file)}${change.line > 0 ? `:${change.line}` : ''})`;
  const moved = change.movedTo
    ? ` → ${change.movedTo.map(sanitise).join(', ')}`
    : change.movedFrom
      ? ` ← ${change.movedFrom.map(sanitise).join(', ')}`
      : '';
  return `${sanitise(change.name)}${location}${moved}`;
}

function statusStyle(status: FunctionStatus, palette: Palette): Style {
  switch (status) {
    case 'regressed':
      return palette.red;
    case 'improved':
      return palette.green;
    case 'noisy':
    case 'unchanged':
      return palette.dim;
    default:
      return plain;
  }
}

/**
 * The header and the rows aligned, each row followed by its notes (lines outside the columns);
 * colour goes on after padding, so escape codes take no width.
 */
function styledTable(
  header: string[],
  rows: { cells: string[]; style: Style; notes?: string[] }[],
  alignments: Alignment[],
): string[] {
  const columns = alignments.map((align) => ({ align }));
  const [headerLine = '', ...lines] = alignColumns(
    [header, ...rows.map((row) => row.cells)],
    columns,
  );
  return [
    headerLine,
    ...lines.flatMap((line, index) => [rows[index]!.style(line), ...(rows[index]!.notes ?? [])]),
  ];
}

function footer(comparison: Comparison): string {
  const commit = (value: string | undefined) =>
    value === undefined ? 'commit unknown' : sanitise(shortCommit(value));
  const limits =
    comparison.limits === undefined ? '' : `limits from ${sanitise(comparison.limits)} · `;
  return (
    `thresholds: ${describeThresholds(comparison)} · ${limits}` +
    `base ${commit(comparison.base.commit)} · head ${commit(comparison.head.commit)}` +
    (comparison.benchmarks.every((benchmark) => benchmark.harness === 'plain')
      ? ''
      : `\n${describeMeasurement(comparison)}`)
  );
}
