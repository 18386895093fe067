import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import {
  type NormalisedProfile,
  normaliseProfile,
  parserOptions,
  rawProfile,
} from '../measure/normalise.js';
import { parseCachegrindFile } from '../measure/parse-file.js';
import type { FunctionProfile } from '../profile/profile.js';
import { sanitise } from '../report/format.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const help = `Usage: rust-perf parse FILE [--json] [--raw]

Prints the per-function profile in one Cachegrind output file (what
\`valgrind --tool=cachegrind\` writes), largest first: each function's count
for every recorded event, its share of the first event's total (Ir,
instructions, in every file valgrind writes), its name, and the file and line
where most of its cost sits in your own code (files under the current
directory), or anywhere when none of it is in your code.

Names and paths are normalised as they are for comparisons: symbol hashes,
LTO suffixes, crate disambiguators and symbol versions are removed, toolchain,
registry and git-checkout paths shortened, and paths under the current
directory made relative. Functions whose names become equal are summed.

Options:
  --json       Print JSON instead of a table:
               { "events": [...], "totals": { event: count },
                 "functions": [{ "name", "file", "line", "counts": { event: count } }] }
  --raw        Keep names and paths exactly as the file has them
  -h, --help   Print this help

Exit status: 0 success, 2 a usage error or a missing, unreadable or corrupt file.
`;

export const parseCommand: Command = {
  name: 'parse',
  summary: "Print one cachegrind.out file's per-function profile",
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      'parse',
      args,
      { json: { type: 'boolean' }, raw: { type: 'boolean' } },
      true,
    );
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw new InputError(
        `expected one FILE, found ${positionals.length}; see \`rust-perf parse --help\``,
      );
    }
    const normalisation = { workspaceRoot: context.cwd };
    const parsed = await parseCachegrindFile(
      resolve(context.cwd, file),
      parserOptions(normalisation),
    );
    const profile = values.raw ? rawProfile(parsed) : normaliseProfile(parsed, normalisation);
    context.stdout(
      values.json ? `${JSON.stringify(profile, null, 2)}\n` : renderTable(parsed.command, profile),
    );
    return 0;
  },
};

/** Longest name column before names just push the location further right. */
const NAME_COLUMN_LIMIT = 60;

/** Names, paths and the command come from the file: sanitised, so none can drive the terminal. */
function renderTable(command: string, profile: NormalisedProfile): string {
  const { events, totals } = profile;
  const functions = profile.functions.map((entry) => ({
    ...entry,
    name: sanitise(entry.name),
    file: sanitise(entry.file),
  }));
  const primary = events[0]!;
  const primaryTotal = totals[primary] ?? 0;
  const header =
    `cmd: ${sanitise(command)}  events: ${events.join(' ')}  ` +
    `totals: ${events.map((event) => totals[event] ?? 0).join(' ')}  functions: ${functions.length}`;
  // Reduced, not spread into Math.max: a profile can hold more functions than a call has arguments.
  const widest = (first: string, cell: (entry: FunctionProfile) => string) =>
    functions.reduce((width, entry) => Math.max(width, cell(entry).length), first.length);
  const countWidths = events.map((event) =>
    widest(event, (entry) => String(entry.counts[event] ?? 0)),
  );
  const nameWidth = Math.min(
    NAME_COLUMN_LIMIT,
    widest('function', (entry) => entry.name),
  );
  const row = (counts: string[], share: string, name: string, location: string) =>
    [
      ...counts.map((count, index) => count.padStart(countWidths[index]!)),
      share.padStart(7),
      name.padEnd(nameWidth),
      location,
    ]
      .join('  ')
      .trimEnd();
  const rows = functions.map((entry) =>
    row(
      events.map((event) => String(entry.counts[event] ?? 0)),
      primaryTotal === 0
        ? '-'
        : `${((100 * (entry.counts[primary] ?? 0)) / primaryTotal).toFixed(2)}%`,
      entry.name,
      entry.line === 0 ? entry.file : `${entry.file}:${entry.line}`,
    ),
  );
  return `${[header, row(events, '%', 'function', 'location'), ...rows].join('\n')}\n`;
}
