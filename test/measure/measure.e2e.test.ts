/**
 * End to end: the example crate built by cargo and run under valgrind, as `rust-perf measure`
 * does it. Each measurement builds; the crate is copied out of the repository first so that
 * the builds do not depend on (or write to) the checkout.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { type MeasureSettings, measure } from '../../src/measure/measure.js';
import { detectValgrind } from '../../src/measure/valgrind.js';
import { foldedStacks } from '../../src/profile/call-graph.js';
import { parseProfileDocument } from '../../src/profile/document.js';
import type { BenchmarkProfile, ProfileDocument } from '../../src/profile/profile.js';
import { benchmarkCallTree } from '../../src/report/flame-graph.js';
import { nodeProcessRunner } from '../../src/system/process.js';
import { TOOL_NAME } from '../../src/version.js';
import { expectCallTreeAddsUp } from '../support/call-tree.js';
import { memoryLogger } from '../support/memory-logger.js';

const exampleCrate = fileURLToPath(new URL('../../examples/textbench', import.meta.url));
const stableBin = (name: string) => join(tmpdir(), `rust-perf-${process.getuid!()}`, 'bin', name);

let scratch: string;
let crate: string;
let movedCrate: string;
let first: ProfileDocument;
let again: ProfileDocument;
let moved: ProfileDocument;

function settings(manifestDir: string, out: string, changes: Partial<MeasureSettings> = {}) {
  return {
    manifestPath: join(manifestDir, 'Cargo.toml'),
    benches: [],
    commands: [],
    cargoArgs: [],
    runs: 2,
    outDir: join(scratch, out),
    ...changes,
  };
}

const deps = (env: NodeJS.ProcessEnv = process.env) => ({
  log: memoryLogger(),
  processes: nodeProcessRunner,
  env,
});

async function copyCrate(destination: string): Promise<void> {
  await cp(exampleCrate, destination, {
    recursive: true,
    filter: (source) => basename(source) !== 'target',
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-measure-'));
  crate = join(scratch, 'a', 'textbench');
  movedCrate = join(scratch, 'somewhere', 'else', 'textbench');
  await copyCrate(crate);
  await copyCrate(movedCrate);
  const manifest = join(movedCrate, 'Cargo.toml');
  const text = await readFile(manifest, 'utf8');
  await writeFile(manifest, text.replace('version = "0.1.0"', 'version = "0.2.0"'));
  first = await measure(settings(crate, 'first'), deps());
  again = await measure(settings(crate, 'again'), deps());
  moved = await measure(settings(movedCrate, 'moved'), deps());
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const bench = (document: ProfileDocument, name: string): BenchmarkProfile => {
  const found = document.benchmarks.find((benchmark) => benchmark.name === name);
  if (!found) throw new Error(`no benchmark ${name}`);
  return found;
};

const countOf = (benchmark: BenchmarkProfile, name: string): number | undefined =>
  benchmark.functions.find((entry) => entry.name === name)?.counts.Ir;

/** Every function that no measurement flagged, by name, with its count. */
function deterministicCounts(
  benchmark: BenchmarkProfile,
  nondeterministic: Set<string>,
): Map<string, number> {
  return new Map(
    benchmark.functions
      .filter((entry) => !nondeterministic.has(entry.name))
      .map((entry) => [entry.name, entry.counts.Ir!]),
  );
}

function expectSameDeterministicWork(a: ProfileDocument, b: ProfileDocument): void {
  expect(b.benchmarks.map((benchmark) => benchmark.name)).toEqual(
    a.benchmarks.map((benchmark) => benchmark.name),
  );
  for (const left of a.benchmarks) {
    const right = bench(b, left.name);
    const flagged = new Set([...left.nondeterministic, ...right.nondeterministic]);
    const leftCounts = deterministicCounts(left, flagged);
    expect(leftCounts.size).toBeGreaterThan(100);
    expect(deterministicCounts(right, flagged), left.name).toEqual(leftCounts);
    const flaggedTotal = (benchmark: BenchmarkProfile) =>
      benchmark.functions
        .filter((entry) => flagged.has(entry.name))
        .reduce((sum, entry) => sum + entry.counts.Ir!, 0);
    expect(right.totals.Ir! - flaggedTotal(right), left.name).toBe(
      left.totals.Ir! - flaggedTotal(left),
    );
  }
}

describe('measure', () => {
  it('records the tool, the build and the runs in the document, benchmarks by name', async () => {
    const valgrind = await detectValgrind(nodeProcessRunner, process.env);
    expect(first.version).toBe(2);
    expect(first.tool).toBe(TOOL_NAME);
    expect(first.commit).toBeUndefined();
    expect(Date.parse(first.createdAt)).not.toBeNaN();
    expect(first.fingerprint).toMatchObject({
      valgrind: valgrind.version,
      rustflags: ['-Csymbol-mangling-version=v0'],
      mangling: 'v0',
      runs: 2,
    });
    expect(first.fingerprint.rustc).toMatch(/^rustc \d+\.\d+\.\d+/);
    expect(first.fingerprint.rustc).toContain(`host: ${first.fingerprint.target}`);
    expect(first.benchmarks.map((benchmark) => [benchmark.name, benchmark.command])).toEqual([
      ['format', [stableBin('format')]],
      ['hash', [stableBin('hash')]],
      ['parse', [stableBin('parse')]],
      ['sort', [stableBin('sort')]],
    ]);
  });

  it('writes profile.json, equal to the document returned, and each run’s raw file', async () => {
    const out = join(scratch, 'first');
    expect((await readdir(out)).sort()).toEqual([
      'format.1.callgrind.out',
      'format.2.callgrind.out',
      'hash.1.callgrind.out',
      'hash.2.callgrind.out',
      'parse.1.callgrind.out',
      'parse.2.callgrind.out',
      'profile.json',
      'sort.1.callgrind.out',
      'sort.2.callgrind.out',
    ]);
    const written = await readFile(join(out, 'profile.json'), 'utf8');
    expect(parseProfileDocument(written, 'profile.json')).toEqual(first);
  });

  it('keeps totals equal to the sum of the functions kept', () => {
    for (const benchmark of first.benchmarks) {
      const sum = benchmark.functions.reduce((total, entry) => total + entry.counts.Ir!, 0);
      expect(benchmark.totals, benchmark.name).toEqual({ Ir: sum });
      expect(benchmark.events).toEqual(['Ir']);
    }
  });

  it('flags the hash table work of `hash` as nondeterministic, and nothing in the others', () => {
    const hash = bench(first, 'hash');
    expect(hash.nondeterministic.length).toBeGreaterThan(0);
    expect(hash.nondeterministic.some((name) => name.includes('hashbrown'))).toBe(true);
    for (const name of ['format', 'parse', 'sort']) {
      expect(bench(first, name).nondeterministic, name).toEqual([]);
    }
  });

  it('gives the same counts twice for one build, except in flagged functions', () => {
    expectSameDeterministicWork(first, again);
  });

  it('gives the same names and counts for a copy in another directory with another version', () => {
    expectSameDeterministicWork(first, moved);
  });

  it('names the crate’s hot functions readably, with paths relative to the workspace', () => {
    const parse = bench(first, 'parse');
    const parseField = parse.functions.find(
      (entry) => entry.name === 'textbench::parse::parse_field',
    );
    expect(parseField).toMatchObject({
      file: 'src/parse.rs',
    });
    expect(countOf(parse, 'textbench::parse::parse_line')).toBeGreaterThan(0);
    expect(countOf(bench(first, 'sort'), 'textbench::sort::compare_records')).toBeGreaterThan(0);
    expect(countOf(bench(first, 'format'), 'textbench::format::render_record')).toBeGreaterThan(0);
    expect(countOf(bench(first, 'hash'), 'textbench::hash::word_counts')).toBeGreaterThan(0);
    const files = new Set(first.benchmarks.flatMap((b) => b.functions.map((entry) => entry.file)));
    expect([...files].filter((file) => file.includes(scratch))).toEqual([]);
    expect(files).toContain('src/data.rs');
  });

  it('sees the `slow` feature make parse_field, and the parse benchmark, at least 10% slower', async () => {
    const slow = await measure(
      settings(crate, 'slow', { benches: ['parse'], cargoArgs: ['--features', 'slow'], runs: 1 }),
      deps(),
    );
    const base = bench(first, 'parse');
    const head = bench(slow, 'parse');
    const name = 'textbench::parse::parse_field';
    expect(countOf(head, name)!).toBeGreaterThan(countOf(base, name)! * 1.1);
    expect(head.totals.Ir!).toBeGreaterThan(base.totals.Ir! * 1.1);
    expect(await readdir(join(scratch, 'slow'))).toEqual(
      expect.arrayContaining(['parse.callgrind.out', 'profile.json']),
    );
    expect(slow.fingerprint.runs).toBe(1);
  });

  it('records the call graph: roots adding up to the total, the slowed function under the crate’s own', () => {
    for (const benchmark of first.benchmarks) expectCallTreeAddsUp(benchmark);
    const parse = bench(first, 'parse');
    const field = parse.functions.find((fn) => fn.name === 'textbench::parse::parse_field')!;
    expect(field.inclusive).toBeGreaterThanOrEqual(field.counts.Ir!);
    const stack = foldedStacks([benchmarkCallTree(parse)!])
      .split('\n')
      .find((line) => line.includes(';textbench::parse::parse_field '))!
      .split(';')
      .filter(
        (frame) =>
          frame === 'parse' || frame.startsWith('parse::') || frame.startsWith('textbench::'),
      );
    expect(stack).toEqual([
      'parse',
      'parse::main',
      'textbench::parse::parse_log',
      'textbench::parse::parse_line',
      expect.stringMatching(/^textbench::parse::parse_field \d+$/),
    ]);
  });

  it('keeps the user’s RUSTFLAGS, in order, before its own flag', async () => {
    const env = { ...process.env, RUSTFLAGS: '-Cforce-frame-pointers=yes  --cfg=rust_perf_test' };
    const document = await measure(
      settings(crate, 'flags', { benches: ['parse'], runs: 1 }),
      deps(env),
    );
    expect(document.fingerprint.rustflags).toEqual([
      '-Cforce-frame-pointers=yes',
      '--cfg=rust_perf_test',
      '-Csymbol-mangling-version=v0',
    ]);
  });

  it('measures an example with arguments next to a bench, and records the commit', async () => {
    const document = await measure(
      settings(crate, 'command', {
        benches: ['parse'],
        commands: [{ name: 'report', command: "report --lines '500'" }],
        runs: 1,
        commit: '0123456789abcdef0123456789abcdef01234567',
      }),
      deps(),
    );
    expect(document.commit).toBe('0123456789abcdef0123456789abcdef01234567');
    expect(document.benchmarks.map((benchmark) => benchmark.name)).toEqual(['parse', 'report']);
    const report = bench(document, 'report');
    expect(report.command).toEqual([stableBin('report'), '--lines', '500']);
    expect(countOf(report, 'textbench::format::render_record')).toBeGreaterThan(0);
    expect(countOf(report, 'textbench::sort::compare_records')).toBeGreaterThan(0);
  });

  it('reports a broken valgrind before a manifest cargo cannot read, though cargo fails first', async () => {
    const broken = join(scratch, 'broken');
    await mkdir(join(broken, 'bin'), { recursive: true });
    await writeFile(join(broken, 'Cargo.toml'), '[package\n');
    // The probes run side by side; this valgrind answers long after cargo has failed.
    await writeFile(join(broken, 'bin', 'valgrind'), '#!/bin/sh\nsleep 1\necho 3.19.0\n', {
      mode: 0o755,
    });
    const env = { ...process.env, PATH: `${join(broken, 'bin')}${delimiter}${process.env.PATH}` };
    const measuring = measure(settings(broken, 'broken'), deps(env));
    await expect(measuring).rejects.toThrow(EnvironmentError);
    await expect(measuring).rejects.toThrow('--version` did not print a valgrind version');
  });
});
