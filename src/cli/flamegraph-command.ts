import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { compareProfiles } from '../compare/compare.js';
import { loadProfileInput } from '../compare/load-input.js';
import { InputError } from '../errors.js';
import { parsePercent } from '../inputs/percent.js';
import { foldedStacks } from '../profile/call-graph.js';
import type { ComparableBenchmark } from '../profile/profile.js';
import {
  benchmarkCallTree,
  type FlameGraphFile,
  flameGraphFiles,
  graphedBenchmark,
  movedFlameGraphs,
} from '../report/flame-graph.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './command.js';

const help = `rust-perf flamegraph: flame graphs of profiles measured under Callgrind

Usage: rust-perf flamegraph [BASE] HEAD [options]

HEAD (and BASE) are profile.json files written by \`rust-perf measure\`, or raw
Callgrind output files (*.callgrind.out). Writes one self-contained HTML flame
graph per benchmark (open it in a browser, no server needed) and prints the
paths. With BASE, only for the benchmarks that regressed or improved, as
differential flame graphs: a frame's width is its inclusive cost in HEAD, its
colour how its own cost changed (red grew, blue shrank), its tooltip the base,
head and change.

Callgrind records calls between pairs of functions, not whole stacks: a
function's cost is shared among its callers in proportion to their calls' cost.

Options:
  --out DIR            Where the HTML files go (default: HEAD's directory)
  --folded             Print HEAD's stacks in the folded format of flamegraph.pl
                       and inferno instead (\`frame;frame;frame count\`, one
                       line per stack, the benchmark as the first frame)
  --bench NAME         Only this benchmark; repeat for several
  --threshold PERCENT  With BASE: a benchmark regressed or improved when its
                       total changed by more than this (default: 1%)
  -h, --help           Show this help.

Exit status: 0 written, 2 a usage error, an unreadable input or no call graph.
`;

export const flamegraphCommand: Command = {
  name: 'flamegraph',
  summary: 'Write flame graphs (or folded stacks) of profiles measured under Callgrind',
  help,
  async execute(args, context) {
    const { values, positionals } = parseCommandArgs(
      'flamegraph',
      args,
      {
        out: { type: 'string' },
        folded: { type: 'boolean', default: false },
        bench: { type: 'string', multiple: true, default: [] },
        threshold: { type: 'string', default: '1%' },
      },
      true,
    );
    if (positionals.length < 1 || positionals.length > 2) {
      throw new InputError(
        `expected HEAD or BASE HEAD, found ${positionals.length} arguments; see \`rust-perf flamegraph --help\``,
      );
    }
    const threshold = parsePercent(values.threshold, '--threshold');
    const paths = positionals.map((path) => resolve(context.cwd, path));
    const normalisation = { workspaceRoot: context.cwd };
    const documents = await Promise.all(paths.map((path) => loadProfileInput(path, normalisation)));
    const head = documents[documents.length - 1]!;
    const base = documents.length === 2 ? documents[0] : undefined;
    checkBenchNames(values.bench, head.benchmarks, positionals.at(-1)!);
    const chosen = (benchmark: ComparableBenchmark) =>
      values.bench.length === 0 || values.bench.includes(benchmark.name);
    const graphed = head.benchmarks.filter(chosen).map(graphedBenchmark);
    if (!graphed.some((benchmark) => benchmark.calls !== undefined)) {
      throw new InputError(
        `${positionals.at(-1)} has no call graph for ${values.bench.length === 0 ? 'any benchmark' : values.bench.join(', ')}`,
        'Flame graphs need a profile measured under Callgrind: measure again with this rust-perf, or give a *.callgrind.out file.',
      );
    }
    if (values.folded) {
      context.stdout(
        graphed
          .map((benchmark) => benchmarkCallTree(benchmark))
          .map((tree) => (tree === undefined ? '' : foldedStacks([tree])))
          .join(''),
      );
      return 0;
    }
    const files =
      base === undefined
        ? flameGraphFiles(
            [],
            graphed,
            graphed.map((benchmark) => benchmark.name),
          )
        : movedFlameGraphs(
            base,
            { ...head, benchmarks: head.benchmarks.filter(chosen) },
            compareProfiles(base, head, { threshold, functionThreshold: threshold }),
          );
    const outDir =
      values.out === undefined ? dirname(paths.at(-1)!) : resolve(context.cwd, values.out);
    for (const path of await writeFlameGraphs(outDir, files)) context.stdout(`${path}\n`);
    if (files.length === 0)
      context.log.info('No benchmark regressed or improved: no flame graph written.');
    return 0;
  },
};

/** A `--bench` that names no benchmark of HEAD is a typo: refused, with the names there are. */
function checkBenchNames(names: string[], benchmarks: ComparableBenchmark[], file: string): void {
  const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length === 0) return;
  throw new InputError(
    `${file} has no benchmark named ${unknown.map((name) => `'${name}'`).join(', ')}`,
    `Its benchmarks: ${benchmarks.map((benchmark) => benchmark.name).join(', ')}.`,
  );
}

/** Writes the flame graphs into `outDir` (created if need be); returns their paths. */
export async function writeFlameGraphs(
  outDir: string,
  files: readonly FlameGraphFile[],
): Promise<string[]> {
  if (files.length === 0) return [];
  await mkdir(outDir, { recursive: true });
  return Promise.all(
    files.map(async (file) => {
      const path = join(outDir, file.fileName);
      await writeFile(path, file.html);
      return path;
    }),
  );
}
