/**
 * A benchmark's flame graph as one self-contained HTML file (d3-flame-graph, inlined): frame
 * width is the head's inclusive cost along a stack; against a base, a frame is red where its
 * own cost grew and blue where it shrank, and its tooltip gives base, head and change.
 */
import type { Comparison } from '../compare/comparison.js';
import { type CallTreeNode, callTree } from '../profile/call-graph.js';
import type {
  BenchmarkProfile,
  ComparableBenchmark,
  ComparableDocument,
  FunctionCall,
  FunctionProfile,
} from '../profile/profile.js';
import { FLAME_GRAPH_SCRIPT, FLAME_GRAPH_STYLE } from './flame-graph-viewer.generated.js';

/** A benchmark as a flame graph reads it: its functions and the calls between them. */
export type GraphedBenchmark = Pick<BenchmarkProfile, 'name' | 'events' | 'totals'> & {
  functions: readonly Pick<FunctionProfile, 'name' | 'counts'>[];
  calls?: readonly FunctionCall[];
};

/** One frame as the viewer draws it: `value` and `self` are the head's, `base…` the base's. */
export interface FlameFrame {
  name: string;
  value: number;
  self: number;
  base: number;
  selfBase: number;
  children: FlameFrame[];
}

/** The benchmark's call tree under one root frame named after it; undefined without calls. */
export function benchmarkCallTree(benchmark: GraphedBenchmark): CallTreeNode | undefined {
  if (benchmark.calls === undefined) return undefined;
  const primary = benchmark.events[0] ?? '';
  const total = benchmark.totals[primary] ?? 0;
  const functions = benchmark.functions.map((fn) => ({
    name: fn.name,
    self: fn.counts[primary] ?? 0,
  }));
  const children = callTree(functions, benchmark.calls, total);
  return { name: benchmark.name, value: total, self: 0, children };
}

/** The head's tree, each frame with the base's cost along the same stack (0 where it had none). */
export function differentialTree(head: CallTreeNode, base: CallTreeNode | undefined): FlameFrame {
  const frame = (node: CallTreeNode, before: CallTreeNode | undefined): FlameFrame => {
    const baseChildren = new Map((before?.children ?? []).map((child) => [child.name, child]));
    return {
      name: node.name,
      value: node.value,
      self: node.self,
      base: before?.value ?? 0,
      selfBase: before?.self ?? 0,
      children: node.children.map((child) => frame(child, baseChildren.get(child.name))),
    };
  };
  return frame(head, base ?? head);
}

/**
 * The HTML page. Names come from the profiled program: they reach the page only as JSON in a
 * non-executable script element (with `<` escaped, so none can close it) and the viewer sets
 * them as text, never as markup.
 */
export function flameGraphHtml(options: {
  title: string;
  event: string;
  differential: boolean;
  tree: FlameFrame;
}): string {
  const data = JSON.stringify(options)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>body{margin:16px;font-family:Verdana,sans-serif}${FLAME_GRAPH_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1 style="font-size:16px">${escapeHtml(options.title)}</h1>`,
    '<div id="chart"></div>',
    `<script type="application/json" id="flame-data">${data}</script>`,
    `<script>${FLAME_GRAPH_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A file the flame graphs of a comparison consist of: its name and its HTML. */
export interface FlameGraphFile {
  benchmark: string;
  fileName: string;
  html: string;
}

/**
 * The differential flame graph of each benchmark of `head` named in `names` that has a call
 * graph, against the benchmark of the same name in `base` (or none).
 */
export function flameGraphFiles(
  base: readonly GraphedBenchmark[],
  head: readonly GraphedBenchmark[],
  names: readonly string[],
): FlameGraphFile[] {
  const baseByName = new Map(base.map((benchmark) => [benchmark.name, benchmark]));
  const taken = new Set<string>();
  return head.flatMap((benchmark) => {
    if (!names.includes(benchmark.name)) return [];
    const headTree = benchmarkCallTree(benchmark);
    if (headTree === undefined) return [];
    const before = baseByName.get(benchmark.name);
    const baseTree = before === undefined ? undefined : benchmarkCallTree(before);
    const differential = baseTree !== undefined;
    return [
      {
        benchmark: benchmark.name,
        fileName: uniqueFileName(benchmark.name, taken),
        html: flameGraphHtml({
          title: `${benchmark.name}: ${differential ? 'base → head' : 'flame graph'}`,
          event: benchmark.events[0] ?? '',
          differential,
          tree: differentialTree(headTree, baseTree),
        }),
      },
    ];
  });
}

/**
 * `<name>.flamegraph.html`, the name made safe for any file system (`parse/fib 10` →
 * `parse_fib_10`) and numbered where two benchmarks would otherwise share a file.
 */
function uniqueFileName(benchmark: string, taken: Set<string>): string {
  const stem = benchmark.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  let name = `${stem}.flamegraph.html`;
  for (let number = 2; taken.has(name); number++) name = `${stem}-${number}.flamegraph.html`;
  taken.add(name);
  return name;
}

/**
 * The differential flame graphs of the benchmarks of `comparison` that regressed or improved,
 * base against head, for those with a call graph.
 */
export function movedFlameGraphs(
  base: ComparableDocument,
  head: ComparableDocument,
  comparison: Comparison,
): FlameGraphFile[] {
  const moved = comparison.benchmarks
    .filter((benchmark) => benchmark.status === 'regressed' || benchmark.status === 'improved')
    .map((benchmark) => benchmark.name);
  return flameGraphFiles(
    base.benchmarks.map(graphedBenchmark),
    head.benchmarks.map(graphedBenchmark),
    moved,
  );
}

/** A benchmark's functions as objects, whether they come as objects or as a table. */
export function graphedBenchmark(benchmark: ComparableBenchmark): GraphedBenchmark {
  const { functions } = benchmark;
  if (Array.isArray(functions)) return { ...benchmark, functions };
  const primary = benchmark.events[0] ?? '';
  const counts = functions.countsOf(primary);
  return {
    ...benchmark,
    functions: Array.from({ length: functions.length }, (_, index) => ({
      name: functions.name(index),
      counts: { [primary]: counts[index]! },
    })),
  };
}
