import { dirname, join, relative, resolve } from 'node:path';
import { targetDirectory } from '../cargo/cargo.js';
import { compareProfiles } from '../compare/compare.js';
import { InputError } from '../errors.js';
import { splitCommandLine } from '../inputs/command-line.js';
import { LIMITS_FILE } from '../inputs/limits-file.js';
import { type MeasureSettings, measure } from '../measure/measure.js';
import { measureRevision } from '../measure/measure-revision.js';
import type { ProfileDocument } from '../profile/profile.js';
import { checkBaselineName, loadBaseline, saveBaseline } from '../publish/local-baselines.js';
import { movedFlameGraphs } from '../report/flame-graph.js';
import { profileSummaryText } from '../report/profile-summary.js';
import { cleanWorkingTreeCommit, createGit } from '../system/git.js';
import type { ProcessDeps } from '../system/process.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';
import {
  compareOptions,
  compareOptionsHelp,
  printReport,
  readLimits,
  reportSettingsFromOptions,
} from './compare-command.js';
import { writeFlameGraphs } from './flamegraph-command.js';
import {
  measureDeps,
  measureOptions,
  measureOptionsHelp,
  measureSettingsFromOptions,
} from './measure-command.js';

const runOptions = {
  ...measureOptions,
  ...compareOptions,
  'base-ref': { type: 'string' },
  baseline: { type: 'string' },
  'head-cargo-args': { type: 'string' },
  'save-baseline': { type: 'string' },
} as const;

const help = `rust-perf run: measure the working tree and compare it with a base, in one command

Usage: rust-perf run [--base-ref REF | --baseline NAME] [--head-cargo-args ARGS]
                     [--save-baseline NAME] [measure options] [compare options]

Measures the benchmarks of the working tree as it is, uncommitted changes included, and
compares them function by function with a base:
  --base-ref REF         The commit REF as committed: checked out into a temporary git
                         worktree (removed afterwards, also on failure or Ctrl-C) and
                         measured the same way, in the same target directory
  --baseline NAME        A profile saved earlier with --save-baseline NAME
  --head-cargo-args ARGS Extra cargo arguments for the working tree only; without
                         --base-ref or --baseline, the base is the working tree built
                         without them: --head-cargo-args="--features slow" shows what
                         a feature costs
Without a base it measures and prints each benchmark's totals, as \`rust-perf measure\`.
For each benchmark that regressed or improved it writes a differential flame graph,
<out dir>/<benchmark>.flamegraph.html (\`ops/fib 15\` as ops_fib_15.flamegraph.html;
see \`rust-perf flamegraph\`), and prints its path on stderr.
The limits of rust-perf.toml next to Cargo.toml apply, when there is one (--limits
names another file).

  --save-baseline NAME   Also save the working tree's profile as baseline NAME, in
                         <target dir>/rust-perf/baselines/NAME/profile.json (replacing an
                         earlier one). Names: letters, digits, '-', '_' and '.'

Measure options (as \`rust-perf measure\`):
${measureOptionsHelp}
                         With a measured base, its files go to DIR/base and the working
                         tree's to DIR/head.

Compare options (as \`rust-perf compare\`):
${compareOptionsHelp}
  -h, --help                     Show this help

Examples:
  rust-perf run --base-ref main          what your changes do, before you commit them
  rust-perf run --save-baseline before   then, after a change:
  rust-perf run --baseline before
  rust-perf run --manifest-path examples/textbench/Cargo.toml --head-cargo-args="--features slow"

Exit status: 0 measured and compared, 1 a regression with --fail-on-regression,
2 a usage error, an unknown REF or baseline, 3 a failed build or benchmark or a missing tool.
`;

/** Where the base comes from, as the options say. */
type BaseSource =
  | { kind: 'ref'; ref: string }
  | { kind: 'baseline'; name: string }
  | { kind: 'working-tree' }
  | { kind: 'none' };

export const runCommand: Command = {
  name: 'run',
  summary: 'Measure the working tree and compare it with a git ref or a saved baseline',
  help,
  async execute(args, context) {
    const { values } = parseCommandArgs('run', args, runOptions, false);
    const source = baseSource(values);
    const saveAs = values['save-baseline'];
    if (saveAs !== undefined) checkBaselineName(saveAs);
    // Every option is checked before anything is built: a typo must not cost a build.
    const report = reportSettingsFromOptions(values, context);
    const settings = await measureSettingsFromOptions(values, context);
    // The working tree's limits: locally, the gate is the developer's own.
    const limitsPath = values.limits ?? join(dirname(settings.manifestPath), LIMITS_FILE);
    const limits = await readLimits(
      resolve(context.cwd, limitsPath),
      relative(context.cwd, resolve(context.cwd, limitsPath)) || LIMITS_FILE,
      values.limits === undefined,
    );
    if (limits !== undefined) report.compare.limits = limits;
    const headCargoArgs = values['head-cargo-args']?.trim()
      ? splitCommandLine(values['head-cargo-args'])
      : [];
    const deps = measureDeps(context);
    // Baselines live there, and a base revision builds there so dependencies build once.
    const targetDir = await targetDirectory(settings.manifestPath, deps);

    const measuredBase = source.kind === 'ref' || source.kind === 'working-tree';
    const headSettings: MeasureSettings = {
      ...settings,
      cargoArgs: [...settings.cargoArgs, ...headCargoArgs],
      outDir: measuredBase ? join(settings.outDir, 'head') : settings.outDir,
    };
    const baseSettings = { ...settings, outDir: join(settings.outDir, 'base'), targetDir };
    if (source.kind !== 'ref') {
      // A clean working tree is a commit: its profile, and a baseline saved from it, say which.
      headSettings.commit = await cleanWorkingTreeCommit(deps.processes, {
        cwd: dirname(settings.manifestPath),
        env: deps.env,
      });
      if (source.kind === 'working-tree') baseSettings.commit = headSettings.commit;
    }
    let base: ProfileDocument | undefined;
    switch (source.kind) {
      case 'baseline':
        base = await loadBaseline(targetDir, source.name);
        context.log.info(`Comparing the working tree with baseline '${source.name}'.`);
        break;
      case 'ref': {
        const revision = await measureBaseRevision(source.ref, baseSettings, deps);
        base = revision.base;
        headSettings.commit = revision.headCommit;
        break;
      }
      case 'working-tree':
        context.log.info(
          `Comparing the working tree built with \`${headCargoArgs.join(' ')}\` against without.`,
        );
        base = await measure(baseSettings, deps);
        break;
      case 'none':
        break;
    }
    const head = await measure(headSettings, deps);

    if (saveAs !== undefined) {
      const file = await saveBaseline(targetDir, saveAs, head);
      context.log.info(`Saved baseline '${saveAs}': ${file}`);
    }
    if (base === undefined) {
      context.stdout(profileSummaryText(head));
      return 0;
    }
    const comparison = compareProfiles(base, head, report.compare);
    const flameGraphs = await writeFlameGraphs(
      settings.outDir,
      movedFlameGraphs(base, head, comparison),
    );
    for (const path of flameGraphs) context.log.info(`Flame graph: ${path}`);
    return printReport(comparison, report, context);
  },
};

/**
 * Measures `ref` as committed, whatever state the working tree is in, and says which it is:
 * the working tree is measured as it is, so with uncommitted changes it is no commit.
 */
async function measureBaseRevision(
  ref: string,
  settings: MeasureSettings,
  deps: ProcessDeps,
): Promise<{ base: ProfileDocument; headCommit: string | undefined }> {
  const repoRoot = dirname(settings.manifestPath);
  const git = createGit(deps.processes, { cwd: repoRoot, env: deps.env });
  // Checked before anything is built; outside a repository, the first one fails, and says so.
  await git.topLevel();
  const sha = (await git.resolveCommit(ref)).slice(0, 12);
  const dirty = await git.hasUncommittedChanges();
  deps.log.info(
    dirty
      ? `The working tree has uncommitted changes: it is measured as it is, against ${ref} (${sha}) as committed.`
      : `Comparing the working tree (no uncommitted changes) with ${ref} (${sha}).`,
  );
  const base = await measureRevision(ref, settings, { ...deps, repoRoot });
  return { base, headCommit: dirty ? undefined : await git.resolveCommit('HEAD') };
}

function baseSource(values: {
  'base-ref'?: string;
  baseline?: string;
  'head-cargo-args'?: string;
}): BaseSource {
  const ref = values['base-ref'];
  const name = values.baseline;
  if (ref !== undefined && name !== undefined) {
    throw new InputError('--base-ref and --baseline both name the base: give one of them.');
  }
  if (ref !== undefined) {
    if (ref.trim() === '') throw new InputError('--base-ref needs a git ref.');
    return { kind: 'ref', ref };
  }
  if (name !== undefined) return { kind: 'baseline', name: checkBaselineName(name) };
  if (values['head-cargo-args']?.trim()) return { kind: 'working-tree' };
  return { kind: 'none' };
}
