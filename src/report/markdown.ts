/**
 * The Markdown report: the pull request comment and the job summary. Every name and path comes
 * from the measured code (or, in the two-phase mode, from a fork's workflow), so all of it is
 * escaped, and the whole report is rendered against a size budget so it always fits.
 */
import type {
  AllocationComparison,
  BenchmarkComparison,
  BenchmarkStatus,
  Comparison,
  FunctionChange,
} from '../compare/comparison.js';
import { COMMIT_ID } from '../system/commit-id.js';
import {
  changeText,
  describeDifference,
  describeEvent,
  describeMeasurement,
  describeThresholds,
  formatCount,
  formatDelta,
  formatThreshold,
  plural,
  sanitise,
  shortCommit,
  shorten,
  unmeasuredAllocations,
  verdict,
  withLimitNotes,
} from './format.js';
import { comparisonTrends, sparkline, trendChartsMarkdown } from './trend.js';

export interface MarkdownOptions {
  target: 'comment' | 'summary';
  /** Links sources and commits, e.g. `{ url: 'https://github.com/owner/repo', sha }`. */
  repository?: { url: string; sha: string };
  /** Upper bound on the size in UTF-8 bytes (so in characters too). */
  maxLength?: number;
  /** Said first, as warnings (escaped: one may quote a service): what the comparison leaves out (a missing shard). */
  warnings?: readonly string[];
  /** The artifact of differential flame graphs of the benchmarks that moved, when uploaded. */
  flameGraphs?: { url: string; name: string; benchmarks: number };
}

interface TargetLimits {
  maxLength: number;
  /** Significant functions shown open under a regressed or improved benchmark. */
  openRows: number;
  /** Further changed functions per benchmark, folded in `<details>`. */
  foldedRows: number;
  /** Where a reader finds what was left out. */
  elsewhere: string;
  /** Whether changes below the function threshold are listed, or only counted. */
  listsSmallChanges: boolean;
}

// A comment may hold 65,536 characters; the job summary 1 MiB.
const TARGETS: Record<MarkdownOptions['target'], TargetLimits> = {
  comment: {
    maxLength: 60_000,
    openRows: 10,
    foldedRows: 200,
    elsewhere: 'the job summary or the JSON report',
    // Real builds differ in start-up code by a few instructions: rows of those bury what matters.
    listsSmallChanges: false,
  },
  summary: {
    maxLength: 1_048_576,
    openRows: 25,
    foldedRows: 2_000,
    elsewhere: 'the JSON report',
    listsSmallChanges: true,
  },
};

const NAME_LENGTH = 200;
const PATH_LENGTH = 100;
const BENCHMARK_NAME_LENGTH = 100;
const FINGERPRINT_LENGTH = 120;

const BENCHMARK_STATUS: Record<BenchmarkStatus, string> = {
  regressed: '🔴 regressed',
  improved: '🟢 improved',
  unchanged: '⚪ unchanged',
  added: '🆕 added',
  removed: '✖️ removed',
};

const BENCHMARK_TABLE = [
  '| Benchmark | Base | Head | Change | Status |',
  '| :-- | --: | --: | --: | :-- |',
];
const ALLOCATION_BENCHMARK_TABLE = [
  '| Benchmark | Base | Head | Change | Status | Allocations | Change | Status |',
  '| :-- | --: | --: | --: | :-- | --: | --: | :-- |',
];
const SITE_TABLE = [
  '| Allocated in | Source | Base | Head | Change | Bytes base | Bytes head |',
  '| :-- | :-- | --: | --: | --: | --: | --: |',
];
/** Allocation sites listed per benchmark; the JSON report lists them all. */
const SITE_ROWS = 10;
const FUNCTION_TABLE = [
  '| Function | Source | Base | Head | Delta | Change | Status |',
  '| :-- | :-- | --: | --: | --: | --: | :-- |',
];

export function renderMarkdown(comparison: Comparison, options: MarkdownOptions): string {
  const limits = TARGETS[options.target];
  const hasTrend = comparison.benchmarks.some((benchmark) => benchmark.trend !== undefined);
  const links = repositoryLinks(options.repository);
  const withAllocations = comparison.allocationThreshold !== undefined;
  const top = [
    ...(options.warnings ?? []).flatMap((warning) => [
      '> [!WARNING]',
      `> ${escapeText(warning)}`,
      '',
    ]),
    ...fingerprintWarning(comparison),
    ...unmeasuredAllocationsNote(comparison),
    verdictLine(comparison),
    '',
    ...acceptanceNote(comparison),
    ...benchmarkTable(withAllocations, hasTrend),
  ];
  const benchmarkRows = comparison.benchmarks.map((benchmark) =>
    benchmarkRow(benchmark, withAllocations, hasTrend),
  );
  const siteSections = comparison.benchmarks.flatMap((benchmark) =>
    allocationSites(benchmark, links),
  );
  const sections = comparison.benchmarks
    .filter((benchmark) => benchmark.functions.length > 0)
    .sort(bySeverity)
    .map((benchmark) => detailSection(benchmark, comparison.functionThreshold, limits));
  const footer = [...flameGraphLines(options.flameGraphs), ...footerLines(comparison, links)];
  const overBudget = [
    ...overBudgetLines(comparison),
    ...uncheckedBudgetLines(comparison),
    ...(options.target === 'summary' ? trendChartsMarkdown(comparisonTrends(comparison)) : []),
  ];
  const totalFunctions = sections.reduce((sum, section) => sum + section.changed, 0);

  const budget = new Budget(options.maxLength ?? limits.maxLength);
  budget.spend([
    ...top,
    '',
    omissionNote(comparison.benchmarks.length, totalFunctions, limits),
    '',
    ...siteSections,
    ...overBudget,
    ...footer,
  ]);
  const shownBenchmarks = budget.takeRows(benchmarkRows, (row) => row, []);
  const plans = sections.map((section) => ({
    section,
    open: [] as string[],
    folded: [] as string[],
    included: false,
  }));
  for (const plan of plans) {
    const fixed = [...plan.section.heading, ...plan.section.smallChangesNote];
    plan.included = fixed.length === 0 || budget.take(fixed);
  }
  const row = (change: FunctionChange) => functionRow(change, links);
  for (const plan of plans.filter((candidate) => candidate.included)) {
    const candidates = plan.section.openCandidates.slice(0, limits.openRows);
    plan.open = budget.takeRows(candidates, row, [...FUNCTION_TABLE, '']);
  }
  for (const plan of plans.filter((candidate) => candidate.included)) {
    const candidates = plan.section.foldedCandidates.slice(0, limits.foldedRows);
    const frame = [...detailsOpening(plan.section, -1), ...DETAILS_CLOSING];
    plan.folded = budget.takeRows(candidates, row, frame);
  }

  const lines = [...top, ...shownBenchmarks, '', ...overBudget];
  for (const { section, open, folded, included } of plans) {
    if (!included) continue;
    lines.push(...section.heading);
    if (open.length > 0) lines.push(...FUNCTION_TABLE, ...open, '');
    if (folded.length > 0) {
      lines.push(...detailsOpening(section, folded.length), ...folded, ...DETAILS_CLOSING);
    }
    lines.push(...section.smallChangesNote);
  }
  const shownFunctions = plans.reduce(
    (sum, plan) => sum + plan.open.length + plan.folded.length,
    0,
  );
  const leftOut = {
    benchmarks: comparison.benchmarks.length - shownBenchmarks.length,
    functions: totalFunctions - shownFunctions,
  };
  if (leftOut.benchmarks > 0 || leftOut.functions > 0) {
    lines.push(omissionNote(leftOut.benchmarks, leftOut.functions, limits), '');
  }
  lines.push(...siteSections, ...footer);
  return `${lines.join('\n')}\n`;
}

/**
 * Tracks the bytes still available. Each candidate is a group of lines that goes in whole or
 * not at all; after the first group that does not fit nothing more is taken, so what is shown
 * is always the most important part and what is cut is always the rest.
 */
class Budget {
  private exhausted = false;
  constructor(private remaining: number) {}

  spend(lines: string[]): void {
    this.remaining -= size(lines);
  }

  take(lines: string[]): boolean {
    const cost = size(lines);
    if (this.exhausted || cost > this.remaining) {
      this.exhausted = true;
      return false;
    }
    this.remaining -= cost;
    return true;
  }

  /**
   * Renders `items` into rows in order while they fit, and returns the rows taken: each row is
   * rendered once, here, and only until the budget runs out. The first row comes with the
   * lines of its `frame` (a table header, a fold), which are paid for with it.
   */
  takeRows<T>(items: readonly T[], render: (item: T) => string, frame: string[]): string[] {
    const rows: string[] = [];
    for (const item of items) {
      const row = render(item);
      if (!this.take(rows.length === 0 ? [...frame, row] : [row])) break;
      rows.push(row);
    }
    return rows;
  }
}

function size(lines: string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}

// Regressions first, then improvements, then the rest, each in the order measured.
const SEVERITY: BenchmarkStatus[] = ['regressed', 'improved', 'added', 'removed', 'unchanged'];

function bySeverity(a: BenchmarkComparison, b: BenchmarkComparison): number {
  return SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status);
}

interface DetailSection {
  benchmark: BenchmarkComparison;
  /** Lines before the tables: a heading for a regressed or improved benchmark, else none. */
  heading: string[];
  openCandidates: FunctionChange[];
  foldedCandidates: FunctionChange[];
  /** Listed changes, open or folded. */
  changed: number;
  /** The line that counts the changes too small to list, if any are left out. */
  smallChangesNote: string[];
}

function detailSection(
  benchmark: BenchmarkComparison,
  functionThreshold: number,
  limits: TargetLimits,
): DetailSection {
  const highlighted = benchmark.status === 'regressed' || benchmark.status === 'improved';
  const open = highlighted
    ? benchmark.functions.filter((change) => change.significant).slice(0, limits.openRows)
    : [];
  const openSet = new Set(open);
  const floor = functionThreshold * (benchmark.base ?? benchmark.head ?? 0);
  const listed = limits.listsSmallChanges
    ? benchmark.functions
    : benchmark.functions.filter((change) => matters(change, floor));
  const folded = listed.filter((change) => !openSet.has(change));
  const small = benchmark.functions.length - listed.length;
  const name = code(benchmark.name, BENCHMARK_NAME_LENGTH);
  const smallChanges = `${plural(small, 'smaller change')} below the ${formatThreshold(functionThreshold)} function threshold`;
  return {
    benchmark,
    heading: highlighted
      ? [
          `#### ${BENCHMARK_STATUS[benchmark.status]}: ${code(benchmark.name, BENCHMARK_NAME_LENGTH)} ${changeText(benchmark.change, benchmark.status)}`,
          '',
        ]
      : [],
    openCandidates: open,
    foldedCandidates: folded,
    changed: listed.length,
    smallChangesNote:
      small === 0
        ? []
        : listed.length > 0
          ? [`… and ${smallChanges}.`, '']
          : [`${name} (${benchmark.status}): ${smallChanges}.`, ''],
  };
}

/**
 * Whether a change is worth a row in a pull request comment: it reaches the function
 * threshold (significant, or noisy but that large), or it is one side of a move.
 */
function matters(change: FunctionChange, floor: number): boolean {
  return (
    change.significant ||
    change.movedTo !== undefined ||
    change.movedFrom !== undefined ||
    (change.status === 'noisy' && Math.abs(change.delta) >= floor)
  );
}

/**
 * `12 changed functions`, or `200 of 9,990 changed functions` when a fold is cut short;
 * `shown` -1 gives the longest form, to reserve room for it.
 */
function foldedCount(available: number, shown: number, noun: string): string {
  const total = plural(available, noun);
  if (shown === available) return total;
  return `${formatCount(shown === -1 ? available : shown)} of ${total}`;
}

/** The lines that open a fold of `shown` functions, down to its table header. */
function detailsOpening(section: DetailSection, shown: number): string[] {
  const { benchmark } = section;
  const name = code(benchmark.name, BENCHMARK_NAME_LENGTH);
  const available = section.foldedCandidates.length;
  const label =
    section.heading.length === 0
      ? `${name} (${benchmark.status}): ${foldedCount(available, shown, 'changed function')}`
      : section.openCandidates.length > 0
        ? `${name}: ${foldedCount(available, shown, 'more changed function')}`
        : `${name}: ${foldedCount(available, shown, 'changed function')}`;
  return [`<details><summary>${label}</summary>`, '', ...FUNCTION_TABLE];
}

const DETAILS_CLOSING = ['', '</details>', ''];

function omissionNote(benchmarks: number, functions: number, limits: TargetLimits): string {
  const parts: string[] = [];
  if (benchmarks > 0) parts.push(`${formatCount(benchmarks)} more benchmarks`);
  if (functions > 0) parts.push(`${formatCount(functions)} more changed functions`);
  return `… and ${parts.join(' and ')}: see ${limits.elsewhere}.`;
}

function verdictLine(comparison: Comparison): string {
  const icon = comparison.regressed
    ? '🔴'
    : comparison.benchmarks.some((benchmark) => benchmark.status === 'improved')
      ? '🟢'
      : '✅';
  return `${icon} ${verdict(comparison, (text) => `**${text}**`)} · ${describeEvent(escapeText(comparison.event))}`;
}

/** How a budget's count reads, after the number; instructions have no word. */
const BUDGET_UNITS = { allocations: 'allocations', bytes: 'bytes allocated' } as const;

/** Benchmarks named in the note on allocation budgets not checked; the JSON report has them all. */
const UNCHECKED_NAMES = 5;

/** Allocation budgets that could not be checked: said, so that they are not taken as met. */
function uncheckedBudgetLines(comparison: Comparison): string[] {
  const unchecked = comparison.benchmarks.filter((benchmark) => benchmark.uncheckedBudgets);
  if (unchecked.length === 0) return [];
  const names = unchecked
    .slice(0, UNCHECKED_NAMES)
    .map((benchmark) => code(benchmark.name, BENCHMARK_NAME_LENGTH));
  const more = unchecked.length - names.length;
  const keys = [...new Set(unchecked.flatMap((benchmark) => benchmark.uncheckedBudgets ?? []))];
  return [
    `**Allocation budgets not checked**: ${keys.map((key) => `\`${key}\``).join(' and ')} of ` +
      `${names.join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}: ` +
      'allocations were not measured (`metrics: instructions,allocations` measures them).',
    '',
  ];
}

/** Budgets listed under the benchmark table; the JSON report has them all. */
const BUDGET_ROWS = 20;

/** The budgets of rust-perf.toml the head exceeds, one line each. */
function overBudgetLines(comparison: Comparison): string[] {
  const exceeded = comparison.benchmarks.flatMap((benchmark) =>
    (benchmark.overBudget ?? []).map((budget) => ({ benchmark, budget })),
  );
  if (exceeded.length === 0) return [];
  const rows = exceeded.slice(0, BUDGET_ROWS).map(({ benchmark, budget }) => {
    const name = code(benchmark.name, BENCHMARK_NAME_LENGTH);
    const subject =
      budget.function === undefined ? name : `${code(budget.function, NAME_LENGTH)} in ${name}`;
    const ignored = benchmark.ignored ? ' (ignored)' : '';
    const unit = budget.metric === undefined ? '' : ` ${BUDGET_UNITS[budget.metric]}`;
    return `- ${subject}: ${formatCount(budget.count)}${unit}, budget ${formatCount(budget.limit)}${ignored}`;
  });
  const more = exceeded.length - rows.length;
  return [
    `**Over budget** (${escapeText(comparison.limits ?? 'rust-perf.toml')}):`,
    '',
    ...rows,
    ...(more > 0 ? [`- … and ${formatCount(more)} more: see the JSON report`] : []),
    '',
  ];
}

/** Which regressions a label accepted, so that no one wonders why a red report passed. */
function acceptanceNote(comparison: Comparison): string[] {
  if (comparison.acceptedBy === undefined) return [];
  const regressed = comparison.benchmarks.filter((benchmark) => benchmark.status === 'regressed');
  const names = regressed.map((benchmark) => code(benchmark.name, BENCHMARK_NAME_LENGTH));
  return [
    '> [!NOTE]',
    `> Accepted by the label ${code(comparison.acceptedBy, 60)}: the ${plural(regressed.length, 'regression')} ` +
      `of ${names.join(', ')} do${regressed.length === 1 ? 'es' : ''} not fail the check.`,
    '',
  ];
}

function unmeasuredAllocationsNote(comparison: Comparison): string[] {
  if (comparison.allocationsUnmeasured === undefined) return [];
  return ['> [!NOTE]', `> ${unmeasuredAllocations(comparison.allocationsUnmeasured)}`, ''];
}

function fingerprintWarning(comparison: Comparison): string[] {
  if (comparison.fingerprintDifferences.length === 0) return [];
  const differences = comparison.fingerprintDifferences.map((difference) => {
    const { field, base, head } = describeDifference(difference);
    return `${escapeText(field)} ${code(base, FINGERPRINT_LENGTH)} → ${code(head, FINGERPRINT_LENGTH)}`;
  });
  return [
    '> [!WARNING]',
    '> The base and head were not measured under the same conditions, so some of these changes ' +
      `may come from the toolchain rather than the code: ${differences.join('; ')}.`,
    '',
  ];
}

function benchmarkTable(withAllocations: boolean, hasTrend: boolean): string[] {
  const table = withAllocations ? ALLOCATION_BENCHMARK_TABLE : BENCHMARK_TABLE;
  if (!hasTrend) return table;
  const [header, alignment] = table;
  return [`${header} Trend |`, `${alignment} :-- |`];
}

function benchmarkRow(
  benchmark: BenchmarkComparison,
  withAllocations: boolean,
  hasTrend: boolean,
): string {
  const cells = [
    code(benchmark.name, BENCHMARK_NAME_LENGTH),
    countText(benchmark.base),
    countText(benchmark.head),
    changeText(benchmark.change, benchmark.status),
    benchmarkStatusCell(benchmark),
  ];
  if (withAllocations) cells.push(...allocationCells(benchmark.allocations));
  if (hasTrend) cells.push(trendCell(benchmark));
  return tableRow(cells);
}

/** Allocations `base → head`, their change and status; dashes where they were not measured. */
function allocationCells(allocations: AllocationComparison | undefined): string[] {
  if (allocations === undefined) return ['—', '—', '—'];
  const { base, head, status } = allocations;
  const counts =
    base === null || head === null
      ? countText((head ?? base)?.allocations ?? null)
      : `${formatCount(base.allocations)} → ${formatCount(head.allocations)}`;
  return [counts, changeText(allocations.change, status), BENCHMARK_STATUS[status]];
}

/** The changed allocation sites of a benchmark measured on both sides, largest change first. */
function allocationSites(
  benchmark: BenchmarkComparison,
  links: RepositoryLinks | undefined,
): string[] {
  const allocations = benchmark.allocations;
  if (
    allocations === undefined ||
    allocations.base === null ||
    allocations.head === null ||
    allocations.sites.length === 0
  ) {
    return [];
  }
  const shown = allocations.sites.slice(0, SITE_ROWS);
  const rows = shown.map((site) =>
    tableRow([
      code(site.function, NAME_LENGTH),
      sourceCell(site, links),
      formatCount(site.base.allocations),
      formatCount(site.head.allocations),
      formatDelta(site.head.allocations - site.base.allocations),
      formatCount(site.base.bytes),
      formatCount(site.head.bytes),
    ]),
  );
  const rest = allocations.sites.length - shown.length;
  return [
    `Allocation sites of ${code(benchmark.name, BENCHMARK_NAME_LENGTH)} that changed (${BENCHMARK_STATUS[allocations.status]} ${changeText(allocations.change, allocations.status)} allocations):`,
    '',
    ...SITE_TABLE,
    ...rows,
    '',
    ...(rest > 0 ? [`… and ${plural(rest, 'more changed site')}: see the JSON report.`, ''] : []),
  ];
}

/** The earlier baselines, the base and the head, as bars: was it always like this? */
function trendCell(benchmark: BenchmarkComparison): string {
  const { trend, base, head } = benchmark;
  if (trend === undefined || base === null || head === null) return '';
  return `${sparkline([...trend, base, head])} <sub>${formatCount(trend.length)} earlier</sub>`;
}

/** The status, and what rust-perf.toml made of it. */
function benchmarkStatusCell(benchmark: BenchmarkComparison): string {
  return withLimitNotes(BENCHMARK_STATUS[benchmark.status], benchmark);
}

function functionRow(change: FunctionChange, links: RepositoryLinks | undefined): string {
  return tableRow([
    functionCell(change),
    sourceCell(change, links),
    formatCount(change.base),
    formatCount(change.head),
    formatDelta(change.delta),
    changeText(change.change, change.status),
    functionStatus(change),
  ]);
}

/** Frames of a call path shown: the first ones and the last ones, `…` between. */
const PATH_FRAMES = { first: 3, last: 3 };
const FRAME_LENGTH = 80;

/**
 * The function's name, and under it, where the comparison has them, the path of calls from
 * the benchmark to it and the caller that called it more.
 */
function functionCell(change: FunctionChange): string {
  const lines = [code(change.name, NAME_LENGTH)];
  if (change.callPath) lines.push(`<sub>${callPathText(change.callPath)}</sub>`);
  if (change.calledMoreBy) {
    const { caller, base, head } = change.calledMoreBy;
    lines.push(
      `<sub>called more by ${code(caller, FRAME_LENGTH)}: ${formatCount(base)} → ${plural(head, 'call')}</sub>`,
    );
  }
  return lines.join('<br>');
}

function callPathText(path: readonly string[]): string {
  const { first, last } = PATH_FRAMES;
  const frames = path.map((frame) => code(frame, FRAME_LENGTH));
  const shown =
    frames.length <= first + last + 1
      ? frames
      : [...frames.slice(0, first), '…', ...frames.slice(frames.length - last)];
  return shown.join(' → ');
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function functionStatus(change: FunctionChange): string {
  if (change.movedTo) return `↔️ moved to ${movedNames(change.movedTo)}`;
  if (change.movedFrom) return `↔️ moved from ${movedNames(change.movedFrom)}`;
  switch (change.status) {
    case 'noisy':
      return '〰️ noisy';
    case 'unchanged':
      return '⚪ below threshold';
    default:
      return BENCHMARK_STATUS[change.status];
  }
}

function movedNames(names: string[]): string {
  return names.map((name) => code(name, 60)).join(', ');
}

function sourceCell(
  change: Pick<FunctionChange, 'file' | 'line'>,
  links: RepositoryLinks | undefined,
): string {
  if (change.file === '???') return '?';
  const location = change.line > 0 ? `${change.file}:${change.line}` : change.file;
  const label = code(location, PATH_LENGTH);
  const url = links?.source(change.file, change.line);
  return url ? `[${label}](${url})` : label;
}

function countText(count: number | null): string {
  return count === null ? '—' : formatCount(count);
}

function footerLines(comparison: Comparison, links: RepositoryLinks | undefined): string[] {
  const fingerprint = comparison.head.fingerprint;
  const facts = [
    `base ${commitText(comparison.base.commit, links)}`,
    `head ${commitText(comparison.head.commit, links)}`,
  ];
  if (fingerprint) {
    // In <code>, where GitHub links no commit hash and no `owner/repo#N` in a version text.
    facts.push(
      code(fingerprint.rustc.split('\n')[0] ?? '', FINGERPRINT_LENGTH),
      `valgrind ${code(fingerprint.valgrind, FINGERPRINT_LENGTH)}`,
    );
  }
  if (comparison.limits !== undefined) facts.push(`limits from ${escapeText(comparison.limits)}`);
  facts.push(
    describeThresholds(comparison),
    `${describeEvent(escapeText(comparison.event))} ${describeMeasurement(comparison)}`,
  );
  return ['---', `<sub>${facts.join(' · ')}</sub>`];
}

/** The link to the flame graphs, if its URL is certain to be one and nothing else. */
function flameGraphLines(flameGraphs: MarkdownOptions['flameGraphs']): string[] {
  if (flameGraphs === undefined) return [];
  const label = code(flameGraphs.name, 100);
  const artifact = REPOSITORY_URL.test(flameGraphs.url) ? `[${label}](${flameGraphs.url})` : label;
  return [
    `🔥 Differential flame graphs of the ${plural(flameGraphs.benchmarks, 'benchmark')} that regressed or improved: ${artifact}, an artifact of this run (unzip it, open a file in a browser; width is the head's cost, red grew, blue shrank).`,
    '',
  ];
}

function commitText(commit: string | undefined, links: RepositoryLinks | undefined): string {
  if (commit === undefined) return 'commit unknown';
  const label = code(shortCommit(commit), 10);
  const url = links?.commit(commit);
  return url ? `[${label}](${url})` : label;
}

interface RepositoryLinks {
  source(file: string, line: number): string | undefined;
  commit(sha: string): string | undefined;
}

const REPOSITORY_URL = /^https?:\/\/[^\s<>()|"'`\\]+$/;

/** Links only what is certain to resolve in the repository and cannot smuggle markup. */
function repositoryLinks(repository: MarkdownOptions['repository']): RepositoryLinks | undefined {
  if (!repository || !REPOSITORY_URL.test(repository.url) || !COMMIT_ID.test(repository.sha)) {
    return undefined;
  }
  const base = repository.url.replace(/\/+$/, '');
  return {
    source(file, line) {
      if (!isRepositoryPath(file)) return undefined;
      const path = file.split('/').map(encodePathSegment).join('/');
      return `${base}/blob/${repository.sha}/${path}${line > 0 ? `#L${line}` : ''}`;
    },
    commit: (sha) => (COMMIT_ID.test(sha) ? `${base}/commit/${sha}` : undefined),
  };
}

/** A relative path that stays inside the repository: no root, no drive, no `..`, no oddities. */
function isRepositoryPath(file: string): boolean {
  if (file === '' || file.startsWith('/') || /^[A-Za-z]:/.test(file) || sanitise(file) !== file) {
    return false;
  }
  return file
    .split('/')
    .every(
      (segment) => segment !== '' && segment !== '.' && segment !== '..' && !segment.includes('\\'),
    );
}

function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `text`, shortened, escaped and set in `<code>` (where GitHub links no mentions, issues or emoji). */
function code(text: string, maxLength: number): string {
  return `<code>${escapeText(shorten(text, maxLength))}</code>`;
}

// Characters Markdown, HTML or a GFM table would interpret. Numeric entities are decoded only
// after parsing, so the reader sees the character and the parser never does.
const MARKUP = /[&<>|\\`*_~[\]#]/g;

/**
 * Escapes untrusted text for Markdown and HTML alike, inline and in table cells (`|` becomes
 * `&#124;`). `@` gets a zero-width space after it so that no one is ever mentioned, and URLs
 * are broken up so that none turns into a link.
 */
function escapeText(text: string): string {
  return sanitise(text)
    .replace(MARKUP, (character) => `&#${character.charCodeAt(0)};`)
    .replaceAll('@', '@&#8203;')
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/\b(www)\./gi, '$1&#46;');
}
