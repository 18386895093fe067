/** The table `rust-perf parse` prints: one valgrind file's functions, largest first. */
import type { NormalisedProfile } from '../measure/normalise.js';
import { countOf } from '../profile/profile.js';
import { alignColumns } from './columns.js';
import { sanitise } from './format.js';

/** Longest name column before names just push the location further right. */
const NAME_COLUMN_LIMIT = 60;
/** `100.00%` */
const SHARE_WIDTH = 7;

/** Names, paths and the command come from the file: sanitised, so none can drive the terminal. */
export function renderFunctionTable(command: string, profile: NormalisedProfile): string {
  const { events, totals } = profile;
  const primary = events[0]!;
  const primaryTotal = countOf(totals, primary) ?? 0;
  const header =
    `cmd: ${sanitise(command)}  events: ${events.join(' ')}  ` +
    `totals: ${events.map((event) => countOf(totals, event) ?? 0).join(' ')}  functions: ${profile.functions.length}`;
  const inclusive = profile.calls !== undefined;
  const rows = profile.functions.map((entry) => {
    const file = sanitise(entry.file);
    return [
      ...events.map((event) => String(countOf(entry.counts, event) ?? 0)),
      primaryTotal === 0
        ? '-'
        : `${((100 * (countOf(entry.counts, primary) ?? 0)) / primaryTotal).toFixed(2)}%`,
      ...(inclusive ? [String(entry.inclusive ?? 0)] : []),
      sanitise(entry.name),
      entry.line === 0 ? file : `${file}:${entry.line}`,
    ];
  });
  const table = alignColumns(
    [[...events, '%', ...(inclusive ? ['inclusive'] : []), 'function', 'location'], ...rows],
    [
      ...events.map(() => ({ align: 'right' as const })),
      { align: 'right', minWidth: SHARE_WIDTH },
      ...(inclusive ? [{ align: 'right' as const }] : []),
      { align: 'left', maxWidth: NAME_COLUMN_LIMIT },
      { align: 'last' },
    ],
  );
  return `${[header, ...table].join('\n')}\n`;
}
