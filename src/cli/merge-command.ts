import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Comparison } from '../compare/comparison.js';
import { mergeShardReports } from '../compare/merge-reports.js';
import { parseComparison } from '../compare/read-comparison.js';
import { CorruptFileError, InputError } from '../errors.js';
import { unreadable } from '../measure/parse-file.js';
import { parseProfileDocument, serialiseProfileDocument } from '../profile/document.js';
import { mergeShardProfiles } from '../profile/merge.js';
import type { ProfileDocument } from '../profile/profile.js';
import { renderJson } from '../report/json.js';
import { profileSummaryText } from '../report/profile-summary.js';
import { isJsonObject, parseJson } from '../system/strict-json.js';
import { parseCommandArgs } from './args.js';
import type { CliContext, Command } from './command.js';
import { chooseFormat, renderReport } from './compare-command.js';

const help = `rust-perf merge: join the shards of one measurement into one profile or report

Usage: rust-perf merge --out FILE PROFILE...
       rust-perf merge [--format FORMAT] [--out FILE] REPORT...

Reads the profile.json files that \`rust-perf measure --shard K/N\` wrote, one per shard, and
writes one profile document holding every benchmark, as one measurement without --shard would
have: \`rust-perf compare\` and \`--baseline\` read it. The shards must be of one commit,
measured under the same conditions, each shard of N exactly once.

Or reads the JSON reports that \`rust-perf compare --format json\` (or \`run\`) wrote for the
shards, and prints the report of the whole suite. The shards' reports must compare the same
base with the same head, under the same conditions, thresholds and limits, each shard of N
exactly once, no benchmark in two of them. Profiles and reports are not merged together.

Options:
  --out FILE        Where the merged profile.json goes (required for profiles); for reports,
                    also write the merged JSON report there
  --format FORMAT   For reports: text, markdown, comment or json. Default: text on a
                    terminal, markdown otherwise.
  -h, --help        Show this help

Exit status: 0 merged, 2 a usage error, an unreadable file, a missing shard, or shards of
different measurements.
`;

type Part =
  | { kind: 'profile'; source: string; profile: ProfileDocument }
  | { kind: 'report'; source: string; comparison: Comparison };

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Join the profiles or reports of several shards into one',
  help,
  async execute(args, context) {
    const { values, positionals } = parseCommandArgs(
      'merge',
      args,
      { out: { type: 'string' }, format: { type: 'string' } },
      true,
    );
    if (positionals.length === 0) {
      throw new InputError('expected the shards to merge; see `rust-perf merge --help`');
    }
    const parts = await Promise.all(positionals.map((file) => readPart(file, context)));
    const reports = parts.filter((part) => part.kind === 'report');
    const profiles = parts.filter((part) => part.kind === 'profile');
    if (reports.length > 0 && profiles.length > 0) {
      throw new InputError(
        `cannot merge profiles with comparison reports: ${profiles[0]!.source} is a profile, ${reports[0]!.source} a report`,
        'Merge the profile.json files of the shards, or their JSON reports, not both.',
      );
    }
    if (reports.length > 0) return mergeReports(reports, values, context);
    if (values.out === undefined) {
      throw new InputError(
        'expected --out FILE for the merged profile; see `rust-perf merge --help`',
      );
    }
    if (values.format !== undefined) {
      throw new InputError('--format applies to merged reports; profiles are written with --out');
    }
    const { profile, count, missing } = mergeShardProfiles(profiles);
    refuseIncomplete(count, missing);
    const out = resolve(context.cwd, values.out);
    await writeFile(out, serialiseProfileDocument(profile));
    context.stdout(profileSummaryText(profile));
    context.stdout(`\nprofile: ${out}\n`);
    return 0;
  },
};

async function mergeReports(
  reports: Extract<Part, { kind: 'report' }>[],
  values: { out?: string; format?: string },
  context: CliContext,
): Promise<number> {
  const format = chooseFormat(values.format, context);
  const { comparison, count, missing } = mergeShardReports(reports);
  refuseIncomplete(count, missing);
  if (values.out !== undefined) {
    await writeFile(resolve(context.cwd, values.out), renderJson(comparison));
  }
  context.stdout(renderReport(comparison, format, context));
  return 0;
}

/** A profile document or a comparison report, told apart by the report's `regressed` field. */
async function readPart(file: string, context: CliContext): Promise<Part> {
  const path = resolve(context.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
  const json = parseJson(
    text,
    (reason) => new CorruptFileError(file, undefined, `is not valid JSON (${reason})`),
  );
  return isJsonObject(json) && 'regressed' in json
    ? { kind: 'report', source: file, comparison: parseComparison(text, file) }
    : { kind: 'profile', source: file, profile: parseProfileDocument(text, file) };
}

function refuseIncomplete(count: number, missing: number[]): void {
  if (missing.length === 0) return;
  throw new InputError(
    `shard ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: a merge of ${count} shards needs every one`,
  );
}
