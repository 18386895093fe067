/**
 * The engine side of the benchmark, run as a child process so that its peak memory is its own:
 *
 *     worker parse FILE REPEATS      parse a cachegrind.out REPEATS times
 *     worker compare BASE HEAD ROOT  load both at once (parse + normalise, ROOT the workspace's
 *                                    root), compare, render Markdown + JSON, as `rust-perf compare`
 *     worker measure SETTINGS_JSON   `measure()` on a crate, timing every child process it starts
 *     worker call-graph-cost SETTINGS_JSON
 *                                    `measure()` on a crate, its Callgrind runs one at a time,
 *                                    each timed against the same run under Cachegrind
 *
 * Each prints one JSON object on stdout. Times are taken in-process, so they exclude Node's
 * start-up; the parent measures the whole child from the outside as well.
 */
import { statSync } from 'node:fs';
import { compareProfiles } from '../../src/compare/compare.js';
import { loadProfileInput } from '../../src/compare/load-input.js';
import type { Harness } from '../../src/harness.js';
import { type MeasureSettings, measure } from '../../src/measure/measure.js';
import { parseCachegrindFile } from '../../src/measure/parse-file.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { lineLogger } from '../../src/system/logger.js';
import { nodeProcessRunner } from '../../src/system/process.js';
import { type CallGraphCost, CallgrindVersusCachegrind } from './call-graph-cost.js';
import { TimedProcessRunner } from './timed-runner.js';

export interface ParseResult {
  bytes: number;
  functions: number;
  /** One entry per repeat. */
  seconds: number[];
  peakRssBytes: number;
}

export interface CompareResult {
  seconds: {
    /** Both sides, loaded side by side as `rust-perf compare` loads them. */
    load: number;
    compare: number;
    markdown: number;
    json: number;
    total: number;
  };
  changedFunctions: number;
  markdownChars: number;
  jsonChars: number;
  peakRssBytes: number;
}

export interface MeasureResult {
  wallSeconds: number;
  /** Time during which at least one child process ran. */
  childSeconds: number;
  /** From the start of the first valgrind run to the end of the last one. */
  valgrindSpanSeconds: number;
  valgrindRuns: number;
  /**
   * Whether `measure` had to wait for another rust-perf process using the staged-executables
   * directory: that wait is neither engine work nor child processes, so the run is discarded.
   */
  waitedForAnotherProcess: boolean;
  /** Every child process, with its start relative to the start of `measure`. */
  children: { program: string; startSeconds: number; seconds: number }[];
  peakRssBytes: number;
}

/** What `measure` logs when another rust-perf process holds the staged-executables lock. */
const WAITING_FOR_LOCK = 'Waiting for another rust-perf process';

/** Seconds since `start`, a `performance.now()` reading. */
function since(start: number): number {
  return (performance.now() - start) / 1000;
}

/** Peak resident memory of this process so far, in bytes. */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

async function parseMode(file: string, repeats: number): Promise<ParseResult> {
  const seconds: number[] = [];
  let functions = 0;
  for (let index = 0; index < repeats; index++) {
    const start = performance.now();
    const parsed = await parseCachegrindFile(file);
    seconds.push(since(start));
    functions = parsed.functions.length;
  }
  return { bytes: statSync(file).size, functions, seconds, peakRssBytes: peakRss() };
}

async function compareMode(
  baseFile: string,
  headFile: string,
  workspaceRoot: string,
): Promise<CompareResult> {
  const start = performance.now();
  let step = start;
  const lap = () => {
    const elapsed = since(step);
    step = performance.now();
    return elapsed;
  };
  const [base, head] = await Promise.all([
    loadProfileInput(baseFile, { workspaceRoot }),
    loadProfileInput(headFile, { workspaceRoot }),
  ]);
  const load = lap();
  const comparison = compareProfiles(base, head, { threshold: 0.01, functionThreshold: 0.001 });
  const compare = lap();
  const markdown = renderMarkdown(comparison, { target: 'comment' });
  const markdownSeconds = lap();
  const json = renderJson(comparison);
  const jsonSeconds = lap();
  return {
    seconds: {
      load,
      compare,
      markdown: markdownSeconds,
      json: jsonSeconds,
      total: since(start),
    },
    changedFunctions: comparison.benchmarks.reduce((sum, bench) => sum + bench.functions.length, 0),
    markdownChars: markdown.length,
    jsonChars: json.length,
    peakRssBytes: peakRss(),
  };
}

async function measureMode(settings: MeasureSettings): Promise<MeasureResult> {
  const processes = new TimedProcessRunner(nodeProcessRunner);
  const start = performance.now();
  const logged: string[] = [];
  const log = lineLogger((text) => logged.push(text), { debug: false });
  await measure(settings, { log, processes, env: process.env });
  const wallSeconds = since(start);
  const valgrind = processes.spans.filter((span) => span.isBenchmarkRun);
  return {
    wallSeconds,
    childSeconds: processes.busySeconds(),
    valgrindSpanSeconds:
      valgrind.length === 0
        ? 0
        : (Math.max(...valgrind.map((span) => span.end)) -
            Math.min(...valgrind.map((span) => span.start))) /
          1000,
    valgrindRuns: valgrind.length,
    waitedForAnotherProcess: logged.some((line) => line.startsWith(WAITING_FOR_LOCK)),
    children: processes.spans.map((span) => ({
      program: span.program,
      startSeconds: (span.start - start) / 1000,
      seconds: (span.end - span.start) / 1000,
    })),
    peakRssBytes: peakRss(),
  };
}

export interface CallGraphCostResult extends CallGraphCost {
  /** As in MeasureResult: the run waited for another rust-perf process and is discarded. */
  waitedForAnotherProcess: boolean;
}

async function callGraphCostMode(settings: MeasureSettings): Promise<CallGraphCostResult> {
  const processes = new CallgrindVersusCachegrind(nodeProcessRunner);
  const logged: string[] = [];
  const log = lineLogger((text) => logged.push(text), { debug: false });
  try {
    await measure(settings, { log, processes, env: process.env });
  } finally {
    processes.dispose();
  }
  return {
    ...processes.cost,
    waitedForAnotherProcess: logged.some((line) => line.startsWith(WAITING_FOR_LOCK)),
  };
}

/** Settings as the parent sends them: Maps (the harness settings) travel as objects. */
function measureSettings(json: string): MeasureSettings {
  const settings = JSON.parse(json) as Omit<MeasureSettings, 'harnesses'> & {
    harnesses?: Record<string, Harness>;
  };
  return { ...settings, harnesses: new Map(Object.entries(settings.harnesses ?? {})) };
}

async function main(args: string[]): Promise<unknown> {
  const [mode, first, second, third] = args;
  if (mode === 'parse' && first !== undefined) return parseMode(first, Number(second ?? 1));
  if (mode === 'compare' && first !== undefined && second !== undefined && third !== undefined) {
    return compareMode(first, second, third);
  }
  if (mode === 'measure' && first !== undefined) return measureMode(measureSettings(first));
  if (mode === 'call-graph-cost' && first !== undefined) {
    return callGraphCostMode(measureSettings(first));
  }
  throw new Error(
    `usage: worker parse FILE [REPEATS] | compare BASE HEAD ROOT | measure SETTINGS_JSON | call-graph-cost SETTINGS_JSON`,
  );
}

process.stdout.write(`${JSON.stringify(await main(process.argv.slice(2)))}\n`);
