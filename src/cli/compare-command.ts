import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type CompareOptions, compareProfiles } from '../compare/compare.js';
import type { Comparison } from '../compare/comparison.js';
import { loadProfileInput } from '../compare/load-input.js';
import { InputError } from '../errors.js';
import { type Limits, parseLimits } from '../inputs/limits-file.js';
import { parsePercent } from '../inputs/percent.js';
import { unreadable } from '../measure/parse-file.js';
import type { ComparableDocument } from '../profile/profile.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';
import { allInOrder } from '../system/concurrency.js';
import { parseCommandArgs } from './args.js';
import type { CliContext, Command } from './command.js';

const FORMATS = ['markdown', 'comment', 'text', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** The options that say how to compare and report; `rust-perf run` takes the same. */
export const compareOptions = {
  threshold: { type: 'string', default: '1%' },
  'function-threshold': { type: 'string', default: '0.1%' },
  'allocation-threshold': { type: 'string', default: '1%' },
  format: { type: 'string' },
  'fail-on-regression': { type: 'boolean', default: false },
  limits: { type: 'string' },
} as const;

interface CompareOptionValues {
  threshold: string;
  'function-threshold': string;
  'allocation-threshold': string;
  format?: string;
  'fail-on-regression': boolean;
  limits?: string;
}

export const compareOptionsHelp = `  --threshold PERCENT            A benchmark regresses (improves) when its total
                                 grows (shrinks) by more than this. Default: 1%
  --function-threshold PERCENT   A function's change is significant from this
                                 share of its benchmark's total on. Default: 0.1%
  --allocation-threshold PERCENT A benchmark's allocations regress (improve) when
                                 their count grows (shrinks) by more than this;
                                 any change is listed. Default: 1%
  --format FORMAT                text, markdown (the job summary's report),
                                 comment (the pull request comment's, within
                                 GitHub's 65,536 characters) or json. Default:
                                 text on a terminal, markdown otherwise.
  --fail-on-regression           Exit with status 1 when a benchmark regressed
                                 or went over a budget of its limits.
  --limits FILE                  Per-benchmark thresholds, ignores and budgets
                                 (a rust-perf.toml; see "Limits in the
                                 repository" in the README).`;

/** How to compare and what to print, from the compare options. */
interface ReportSettings {
  compare: CompareOptions;
  format: Format;
  failOnRegression: boolean;
}

const help = `rust-perf compare: compare two profiles function by function

Usage: rust-perf compare BASE HEAD [options]

BASE and HEAD are profile.json files written by \`rust-perf measure\`, or raw
Cachegrind or Callgrind output files (*.cachegrind.out, *.callgrind.out), each
taken as one benchmark named after the file (a Callgrind file's parts added up).

Options:
${compareOptionsHelp}
  -h, --help                     Show this help.

Exit status: 0 compared (regressions are reported, not failures, unless
--fail-on-regression), 1 a regression with --fail-on-regression, 2 a usage
error or an unreadable input.
`;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'Compare two profiles and report the functions that got slower',
  help,
  async execute(args, context) {
    const { values, positionals } = parseCommandArgs('compare', args, compareOptions, true);
    const [basePath, headPath, ...extra] = positionals;
    if (basePath === undefined || headPath === undefined || extra.length > 0) {
      throw new InputError(
        `expected two files, BASE and HEAD, got ${positionals.length}.`,
        'Run `rust-perf compare --help` for usage.',
      );
    }
    const report = reportSettingsFromOptions(values, context);
    if (values.limits !== undefined) {
      report.compare.limits = await readLimits(resolve(context.cwd, values.limits), values.limits);
    }
    const workspace = { workspaceRoot: context.cwd };
    // Both load at once, a large raw file on a worker thread while this thread parses the other;
    // BASE's failure first.
    const [base, head] = await allInOrder([
      loadProfileInput(resolve(context.cwd, basePath), workspace),
      loadProfileInput(resolve(context.cwd, headPath), workspace),
    ]);
    const comparison = compareProfiles(
      base,
      pairSingleBenchmarks(base, head, context),
      report.compare,
    );
    return printReport(comparison, report, context);
  },
};

/** Checks the compare options; done before any input is read or built. */
export function reportSettingsFromOptions(
  values: CompareOptionValues,
  context: CliContext,
): ReportSettings {
  return {
    compare: {
      threshold: parsePercent(values.threshold, '--threshold'),
      functionThreshold: parsePercent(values['function-threshold'], '--function-threshold'),
      allocationThreshold: parsePercent(values['allocation-threshold'], '--allocation-threshold'),
    },
    format: chooseFormat(values.format, context),
    failOnRegression: values['fail-on-regression'],
  };
}

/**
 * Reads a rust-perf.toml; `name` is how messages call it. Undefined when `optional` and there
 * is no such file (the one `run` looks for next to the manifest).
 */
export async function readLimits(
  path: string,
  name: string,
  optional = false,
): Promise<Limits | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && code === 'ENOENT') return undefined;
    throw unreadable(`the limits ${name}`, error);
  }
  return parseLimits(text, name);
}

/** Prints the report of `comparison`; returns the exit code (1 for a regression that fails). */
export function printReport(
  comparison: Comparison,
  report: ReportSettings,
  context: CliContext,
): number {
  context.stdout(renderReport(comparison, report.format, context));
  return comparison.regressed && report.failOnRegression ? 1 : 0;
}

/**
 * Two files of one benchmark each are compared with each other whatever their names: raw
 * Cachegrind files are named after the file (`before.cachegrind.out`, `after.cachegrind.out`),
 * and matching by name would only report one removed and one added benchmark.
 */
function pairSingleBenchmarks(
  base: ComparableDocument,
  head: ComparableDocument,
  context: CliContext,
): ComparableDocument {
  const [baseBenchmark, ...otherBase] = base.benchmarks;
  const [headBenchmark, ...otherHead] = head.benchmarks;
  if (!baseBenchmark || !headBenchmark || otherBase.length > 0 || otherHead.length > 0) return head;
  if (baseBenchmark.name === headBenchmark.name) return head;
  context.log.info(
    `Comparing benchmark '${headBenchmark.name}' with '${baseBenchmark.name}', the only one on each side.`,
  );
  return { ...head, benchmarks: [{ ...headBenchmark, name: baseBenchmark.name }] };
}

/** `--format`, or the default for where the output goes. */
export function chooseFormat(value: string | undefined, context: CliContext): Format {
  if (value === undefined) return context.isTTY ? 'text' : 'markdown';
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new InputError(`--format must be one of ${FORMATS.join(', ')}, got '${value}'.`);
  }
  return value as Format;
}

export function renderReport(comparison: Comparison, format: Format, context: CliContext): string {
  switch (format) {
    case 'json':
      return renderJson(comparison);
    case 'text':
      // Colour only on a terminal, and never against the NO_COLOR convention.
      return renderText(comparison, { color: context.isTTY && !context.env.NO_COLOR });
    case 'markdown':
      return renderMarkdown(comparison, { target: 'summary' });
    case 'comment':
      return renderMarkdown(comparison, { target: 'comment' });
  }
}
