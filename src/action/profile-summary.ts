/**
 * The job summary of a run that measures without comparing (a push to the default branch):
 * what was measured, and whether it became the baseline for later pull requests.
 */
import type { ProfileDocument } from '../profile/profile.js';
import { describeEvent, formatCount, sanitise, shortCommit } from '../report/format.js';

export function profileSummaryMarkdown(profile: ProfileDocument, baselineNote: string): string {
  const commit = profile.commit === undefined ? '' : ` at \`${shortCommit(profile.commit)}\``;
  const rows = profile.benchmarks.map((benchmark) => {
    const event = benchmark.events.includes('Ir') ? 'Ir' : (benchmark.events[0] ?? 'Ir');
    return [
      `\`${sanitise(benchmark.name)}\``,
      `${formatCount(benchmark.totals[event] ?? 0)} ${describeEvent(event)}`,
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
