import { join, resolve } from 'node:path';
import { targetDirectory } from '../cargo/cargo.js';
import { findManifest } from '../cargo/find-manifest.js';
import { parseNamedCommand, splitCommandLine } from '../inputs/command-line.js';
import { parseHarnessSettings } from '../inputs/harness-setting.js';
import { parseMetrics } from '../inputs/metrics.js';
import { parseRuns } from '../inputs/run-count.js';
import { parseShard } from '../inputs/shard.js';
import { parseTimeout } from '../inputs/timeout.js';
import { type MeasureSettings, measure } from '../measure/measure.js';
import { profileSummaryText } from '../report/profile-summary.js';
import { nodeProcessRunner, type ProcessDeps } from '../system/process.js';
import { parseCommandArgs } from './args.js';
import type { CliContext, Command } from './command.js';

/** The options that say what to measure and how; `rust-perf run` takes the same. */
export const measureOptions = {
  'manifest-path': { type: 'string' },
  bench: { type: 'string', multiple: true },
  command: { type: 'string', multiple: true },
  harness: { type: 'string', multiple: true },
  'cargo-args': { type: 'string' },
  runs: { type: 'string' },
  metrics: { type: 'string' },
  shard: { type: 'string' },
  timeout: { type: 'string' },
  out: { type: 'string' },
} as const;

interface MeasureOptionValues {
  'manifest-path'?: string;
  bench?: string[];
  command?: string[];
  harness?: string[];
  'cargo-args'?: string;
  runs?: string;
  metrics?: string;
  shard?: string;
  timeout?: string;
  out?: string;
}

export const measureOptionsHelp = `  --manifest-path PATH   Cargo.toml of the crate or workspace (default: the one cargo
                         uses here, in this directory or the nearest one above)
  --bench NAME           A bench target to measure; repeat for several (default: all)
  --command NAME=CMD     Also measure a program: a binary or example of the package by
                         target name (or a path relative to the package), with arguments,
                         e.g. --command 'report=report --lines 2000'; repeatable
  --harness TARGET=KIND  The harness a bench target uses, where detection cannot tell:
                         plain, criterion, libtest, divan or gungraun (left out);
                         repeatable (default: detected)
  --cargo-args ARGS      Extra cargo arguments, e.g. "--features slow" or "-p my-crate"
  --runs N               Runs of each benchmark, 1-20 (default 2); functions whose counts
                         differ between runs are reported as nondeterministic
  --metrics LIST         What to measure: instructions, or instructions,allocations to
                         also count heap allocations per benchmark and allocation site
                         under DHAT: one more valgrind run per whole program and per
                         criterion or libtest benchmark, which counts its routine only;
                         instructions are always measured, so \`allocations\` alone means
                         both (default: instructions)
  --shard K/N            Measure only shard K of N: whole bench targets, shared out by
                         a hash of their names; \`rust-perf merge\` joins the shards
  --timeout TIME         Stop a benchmark run that takes longer, and fail: seconds,
                         or 15m, 1h (default: no limit; a run still going says so
                         every 30s)
  --out DIR              Where profile.json and the raw valgrind files go
                         (default: <target dir>/rust-perf/latest); those of an
                         earlier measurement there are replaced`;

const help = `rust-perf measure: build the benchmarks and count their instructions per function

Usage: rust-perf measure [options]

Builds the bench targets with \`cargo bench --no-run\` (with line-table debug info, symbols
and v0 symbol names, set through the environment: Cargo.toml is not changed) and runs each one
under valgrind in a clean environment with address randomisation off. A plain target (its own
main, \`harness = false\`) is one benchmark, counted whole under Callgrind; a criterion or
libtest #[bench] target is one benchmark per id, each counting one iteration of its routine
only, from one Callgrind run per target cut into parts. Callgrind's call graph gives each
function its inclusive cost (and \`rust-perf flamegraph\` its flame graphs). The harness is
found from Cargo.toml, the dev-dependencies and the target's source (--harness overrides it);
Gungraun targets are left out. Writes DIR/profile.json (the profile document that
\`rust-perf compare\` reads) and the raw files DIR/<bench>.callgrind.out
(DIR/<bench>.<run>.callgrind.out with more than one run), and with --metrics
instructions,allocations DIR/<bench>.dhat.json (a criterion or libtest benchmark's
DIR/<target>.<id, URI-encoded>.dhat.json). Prints one line per benchmark: total
instructions, functions, nondeterministic functions.

Options:
${measureOptionsHelp}
  -h, --help             Show this help

Requires valgrind (Linux; \`sudo apt-get install -y valgrind\`) and cargo.

Exit status: 0 measured, 2 a usage error, 3 a failed build or benchmark or a missing tool.
`;

export const measureCommand: Command = {
  name: 'measure',
  summary: 'Build and run the benchmarks under valgrind; write profile.json',
  help,
  async execute(args, context) {
    const { values } = parseCommandArgs('measure', args, measureOptions, false);
    const settings = await measureSettingsFromOptions(values, context);
    const document = await measure(settings, measureDeps(context));
    context.stdout(profileSummaryText(document));
    context.stdout(`\nprofile: ${join(settings.outDir, 'profile.json')}\n`);
    return 0;
  },
};

/** The measure settings the options describe; relative paths are relative to `context.cwd`. */
export async function measureSettingsFromOptions(
  values: MeasureOptionValues,
  context: CliContext,
): Promise<MeasureSettings> {
  // Every option first: a typo is reported as such, wherever the command runs.
  const options = {
    benches: values.bench ?? [],
    commands: (values.command ?? []).map(parseNamedCommand),
    harnesses: parseHarnessSettings(values.harness ?? []),
    cargoArgs: values['cargo-args']?.trim() ? splitCommandLine(values['cargo-args']) : [],
    runs: values.runs === undefined ? 2 : parseRuns(values.runs, '--runs'),
    metrics: parseMetrics(values.metrics ?? '', '--metrics'),
    timeoutSeconds:
      values.timeout === undefined ? undefined : parseTimeout(values.timeout, '--timeout'),
    ...(values.shard === undefined ? {} : { shard: { spec: parseShard(values.shard, '--shard') } }),
  };
  const manifestPath =
    values['manifest-path'] === undefined
      ? findManifest(context.cwd)
      : resolve(context.cwd, values['manifest-path']);
  const outDir =
    values.out === undefined
      ? join(await targetDirectory(manifestPath, measureDeps(context)), 'rust-perf', 'latest')
      : resolve(context.cwd, values.out);
  return { manifestPath, ...options, outDir };
}

/** What measuring from the command line runs with: real processes, the user's environment. */
export function measureDeps(context: CliContext): ProcessDeps {
  return {
    log: context.log,
    processes: nodeProcessRunner,
    env: context.env,
    signal: context.signal,
  };
}
