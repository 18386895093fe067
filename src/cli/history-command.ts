import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { unreadable } from '../measure/parse-file.js';
import { parseProfileDocument } from '../profile/document.js';
import { HISTORY_LENGTH } from '../profile/profile.js';
import { profileTrends, trendChartsMarkdown, trendText } from '../report/trend.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const help = `Usage: rust-perf history PROFILE [--format text|markdown]

Prints the trend of each benchmark of a saved baseline: its instruction counts
in the baselines saved before it (a baseline carries the totals of the last
${HISTORY_LENGTH}) and its own. The action's baselines carry them, as do the
baselines \`rust-perf run --save-baseline NAME\` saves under one NAME at one
commit after another (<target dir>/rust-perf/baselines/NAME/profile.json); a
save at the commit of the last one replaces it and adds no point.

Options:
  --format text|markdown   text (default): one line per benchmark with its bars,
                           first and last count; markdown: a Mermaid chart per
                           benchmark, as the job summary shows them
  -h, --help               Print this help

Exit status: 0 success, 2 a usage error or a missing or invalid profile.
`;

export const historyCommand: Command = {
  name: 'history',
  summary: 'Print the trend of each benchmark from a saved baseline',
  help,
  async execute(args, context) {
    const { values, positionals } = parseCommandArgs(
      'history',
      args,
      { format: { type: 'string', default: 'text' } },
      true,
    );
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw new InputError(
        `expected one PROFILE, found ${positionals.length}; see \`rust-perf history --help\``,
      );
    }
    if (values.format !== 'text' && values.format !== 'markdown') {
      throw new InputError(`--format must be text or markdown, got '${values.format}'.`);
    }
    const path = resolve(context.cwd, file);
    const profile = parseProfileDocument(await readProfile(path, file), file);
    const trends = profileTrends(profile);
    if (trends.length === 0) {
      context.log.info(
        `${file} carries no history: no baseline of an earlier commit was saved before it under its name and conditions.`,
      );
      return 0;
    }
    context.stdout(
      values.format === 'markdown' ? trendChartsMarkdown(trends).join('\n') : trendText(trends),
    );
    return 0;
  },
};

async function readProfile(path: string, name: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(name, error);
  }
}
