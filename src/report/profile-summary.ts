/**
 * What a measurement found, without a comparison: one row per benchmark with its total, its
 * functions and its nondeterministic ones. The CLI prints it as text; the action puts it in the
 * job summary of a run that only measures (a push to the default branch).
 */
import { type BenchmarkProfile, countOf, type ProfileDocument } from '../profile/profile.js';
import { alignColumns } from './columns.js';
import { describeEvent, formatCount, sanitise, shortCommit } from './format.js';

/** The event a summary totals: instructions where recorded, else the first event. */
function summaryEvent(benchmark: BenchmarkProfile): string {
  return benchmark.events.includes('Ir') ? 'Ir' : (benchmark.events[0] ?? 'Ir');
}

/** One aligned line per benchmark. */
export function profileSummaryText(document: ProfileDocument): string {
  const rows = document.benchmarks.map((benchmark) => {
    const event = summaryEvent(benchmark);
    return [
      benchmark.name,
      `${formatCount(countOf(benchmark.totals, event) ?? 0)} ${event}`,
      String(benchmark.functions.length),
      String(benchmark.nondeterministic.length),
    ];
  });
  const header = ['bench', 'instructions', 'functions', 'nondeterministic'];
  const lines = alignColumns(
    [header, ...rows],
    [{ align: 'left' }, { align: 'right' }, { align: 'right' }, { align: 'right' }],
  );
  return `${lines.join('\n')}\n`;
}

/** The job summary of a measurement; `baselineNote` says whether it became the baseline. */
export function profileSummaryMarkdown(profile: ProfileDocument, baselineNote: string): string {
  const commit = profile.commit === undefined ? '' : ` at \`${shortCommit(profile.commit)}\``;
  const rows = profile.benchmarks.map((benchmark) => {
    const event = summaryEvent(benchmark);
    return [
      `\`${sanitise(benchmark.name)}\``,
      `${formatCount(countOf(benchmark.totals, event) ?? 0)} ${describeEvent(event)}`,
      formatCount(benchmark.functions.length),
      formatCount(benchmark.nondeterministic.length),
    ];
  });
  return [
    `### rust-perf: measured ${formatCount(profile.benchmarks.length)} benchmarks${commit}`,
    '',
    '| Benchmark | Total | Functions | Noisy functions |',
    '| :-- | --: | --: | --: |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `The profile was ${baselineNote}.`,
    '',
    `<sub>valgrind ${sanitise(profile.fingerprint.valgrind)}, ${sanitise(profile.fingerprint.rustc.split('\n')[0] ?? '')}, ${formatCount(profile.fingerprint.runs)} runs per benchmark</sub>`,
    '',
  ].join('\n');
}
