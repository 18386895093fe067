import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { normaliseProfile, parserOptions, rawProfile } from '../measure/normalise.js';
import { parseValgrindFile } from '../measure/parse-file.js';
import { renderFunctionTable } from '../report/function-table.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const help = `Usage: rust-perf parse FILE [--json] [--raw]

Prints the per-function profile in one Cachegrind or Callgrind output file
(what \`valgrind --tool=cachegrind\` or \`--tool=callgrind\` writes, valgrind
3.18 to 3.26; a Callgrind file's parts are added up), largest first: each
function's count for every recorded event, its share of the first event's
total (Ir, instructions, in every file valgrind writes), for a Callgrind file
its inclusive count (itself and all it called, a recursion counted once),
its name, and the file and line
where most of its cost sits in your own code (files under the current
directory), or anywhere when none of it is in your code.

Names and paths are normalised as they are for comparisons: symbol hashes,
LTO suffixes, crate disambiguators and symbol versions are removed, toolchain,
registry, vendored and git-checkout paths shortened, and paths under the current
directory made relative. Functions whose names become equal are summed.

Options:
  --json       Print JSON instead of a table:
               { "events": [...], "totals": { event: count },
                 "functions": [{ "name", "file", "line", "counts": { event: count },
                                 "inclusive" }],
                 "calls": [{ "caller", "callee", "calls", "inclusive" }] }
               (inclusive costs and calls from a Callgrind file only: the first
               event's count of a function and all it called, recursion once)
  --raw        Keep names and paths exactly as the file has them
  -h, --help   Print this help

Exit status: 0 success, 2 a usage error or a missing, unreadable or corrupt file.
`;

export const parseCommand: Command = {
  name: 'parse',
  summary: "Print one cachegrind.out or callgrind.out file's per-function profile",
  help,
  async execute(args, context) {
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
    const parsed = await parseValgrindFile(
      resolve(context.cwd, file),
      parserOptions(normalisation),
    );
    const profile = values.raw ? rawProfile(parsed) : normaliseProfile(parsed, normalisation);
    context.stdout(
      values.json
        ? `${JSON.stringify(profile, null, 2)}\n`
        : renderFunctionTable(parsed.command, profile),
    );
    return 0;
  },
};
