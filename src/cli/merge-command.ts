import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { parseProfileDocument, serialiseProfileDocument } from '../profile/document.js';
import { mergeShardProfiles } from '../profile/merge.js';
import { profileSummaryText } from '../report/profile-summary.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const help = `rust-perf merge: join the shards of one measurement into one profile

Usage: rust-perf merge --out FILE SHARD...

Reads the profile.json files that \`rust-perf measure --shard K/N\` wrote, one per shard, and
writes one profile document holding every benchmark, as one measurement without --shard would
have: \`rust-perf compare\` and \`--baseline\` read it. The shards must be of one commit,
measured under the same conditions, each shard of N exactly once.

Options:
  --out FILE   Where the merged profile.json goes
  -h, --help   Show this help

Exit status: 0 merged, 2 a usage error, a missing shard, or shards of different measurements.
`;

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Join the profiles of several shards into one profile.json',
  help,
  async execute(args, context) {
    const { values, positionals } = parseCommandArgs(
      'merge',
      args,
      { out: { type: 'string' } },
      true,
    );
    if (values.out === undefined || positionals.length === 0) {
      throw new InputError(
        'expected --out FILE and the shards to merge; see `rust-perf merge --help`',
      );
    }
    const parts = await Promise.all(
      positionals.map(async (file) => {
        const path = resolve(context.cwd, file);
        return { profile: parseProfileDocument(await readFile(path, 'utf8'), path), source: file };
      }),
    );
    const { profile, count, missing } = mergeShardProfiles(parts);
    if (missing.length > 0) {
      throw new InputError(
        `shard ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: a merge of ${count} shards needs every one`,
      );
    }
    const out = resolve(context.cwd, values.out);
    await writeFile(out, serialiseProfileDocument(profile));
    context.stdout(profileSummaryText(profile));
    context.stdout(`\nprofile: ${out}\n`);
    return 0;
  },
};
