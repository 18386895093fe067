/**
 * End to end: benchmarks as projects write them, measured for real. The fixture crate has a
 * criterion target (`ops`), a libtest #[bench] target (`nightly`), a plain main (`plain`), a
 * main that forgot `harness = false` (`forgot`) and a Gungraun-style target. It is measured
 * as it is, with its `slow` feature, which doubles the work of `harnesses::sum_squares`, and with
 * its `alloc` feature, which makes `harnesses::sum_squares` allocate one `Vec` of its 1000
 * squares per call; the measurements as it is and with `alloc` count allocations too.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import type { BenchmarkComparison, Comparison } from '../../src/compare/comparison.js';
import type { Metric } from '../../src/inputs/metrics.js';
import { measure } from '../../src/measure/measure.js';
import type { BenchmarkProfile, ProfileDocument } from '../../src/profile/profile.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { nodeProcessRunner } from '../../src/system/process.js';
import { copyHarnessCrate, harnessCrateEnvironment } from '../support/harness-crate.js';
import { memoryLogger } from '../support/memory-logger.js';

let scratch: string;
let baseLog: string[];
let slowLog: string[];
let movedLog: string[];
let base: ProfileDocument;
let slow: ProfileDocument;
let moved: ProfileDocument;
let alloc: ProfileDocument;
let comparison: Comparison;

const ALLOCATIONS: Metric[] = ['instructions', 'allocations'];

async function measureCrate(
  manifestPath: string,
  out: string,
  cargoArgs: string[] = [],
  metrics?: Metric[],
) {
  const log = memoryLogger();
  const document = await measure(
    {
      manifestPath,
      benches: [],
      commands: [],
      cargoArgs,
      runs: 2,
      ...(metrics === undefined ? {} : { metrics }),
      outDir: join(scratch, out),
      // One target directory for every build: dependencies build once.
      targetDir: join(scratch, 'target'),
    },
    { log, processes: nodeProcessRunner, env: harnessCrateEnvironment() },
  );
  return { document, log: log.lines };
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-harnesses-'));
  const manifest = await copyHarnessCrate(join(scratch, 'harnesses'));
  ({ document: base, log: baseLog } = await measureCrate(manifest, 'base', [], ALLOCATIONS));
  ({ document: slow, log: slowLog } = await measureCrate(manifest, 'slow', ['--features', 'slow']));
  // The same crate at another path: its own crate rebuilds, criterion does not.
  const movedManifest = await copyHarnessCrate(join(scratch, 'elsewhere', 'harnesses'));
  ({ document: moved, log: movedLog } = await measureCrate(
    movedManifest,
    'moved',
    [],
    ALLOCATIONS,
  ));
  ({ document: alloc } = await measureCrate(
    manifest,
    'alloc',
    ['--features', 'alloc'],
    ALLOCATIONS,
  ));
  comparison = compareProfiles(base, slow, { threshold: 0.01, functionThreshold: 0.001 });
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const benchmark = (name: string): BenchmarkProfile => {
  const found = base.benchmarks.find((entry) => entry.name === name);
  if (!found) throw new Error(`no benchmark ${name}`);
  return found;
};
const share = (name: string, fn: string): number => {
  const measured = benchmark(name);
  const count = measured.functions.find((entry) => entry.name === fn)?.counts.Ir ?? 0;
  return count / measured.totals.Ir!;
};

describe('benchmarks as they are written', () => {
  it('finds each target’s harness and says so', () => {
    expect(baseLog).toEqual(
      expect.arrayContaining([
        'bench forgot: libtest (harness = true, the default)',
        'bench gungraun_style: gungraun (Gungraun’s main! in benches/gungraun_style.rs)'.replace(
          '’',
          "'",
        ),
        'bench nightly: libtest (harness = true, the default)',
        'bench ops: criterion (criterion_main! in benches/ops.rs)',
        'bench plain: plain (harness = false, its own main in benches/plain.rs)',
      ]),
    );
  });

  it('makes each criterion and libtest benchmark its own row, and a plain main one row', () => {
    expect(
      base.benchmarks.map(({ name, target, id, harness }) => [name, target, id, harness]),
    ).toEqual([
      ['nightly/fib_15', 'nightly', 'fib_15', 'libtest'],
      ['nightly/sum_squares_1000', 'nightly', 'sum_squares_1000', 'libtest'],
      ['nightly/words::count_100', 'nightly', 'words::count_100', 'libtest'],
      ['ops/fib 15', 'ops', 'fib 15', 'criterion'],
      ['ops/fib batched', 'ops', 'fib batched', 'criterion'],
      ['ops/sum_squares 1000', 'ops', 'sum_squares 1000', 'criterion'],
      ['ops/words/count/10', 'ops', 'words/count/10', 'criterion'],
      ['ops/words/count/100', 'ops', 'words/count/100', 'criterion'],
      ['plain', 'plain', undefined, 'plain'],
    ]);
  });

  it('refuses the Gungraun-style target and warns of the main that forgot harness = false', () => {
    expect(baseLog).toContain(
      'warning: gungraun_style is a Gungraun (or iai-callgrind) benchmark, which starts valgrind itself: rust-perf does not measure it',
    );
    expect(baseLog).toContain(
      "warning: bench forgot uses libtest's harness (its [[bench]] section does not say `harness = false`) but has no #[bench] function, so it measures nothing. " +
        'If it has a main of its own, add `harness = false` to its [[bench]] section in Cargo.toml.',
    );
  });

  it('counts only the measured routine: the benchmarked function is at least 80% of it', () => {
    for (const target of ['ops/fib 15', 'nightly/fib_15']) {
      expect(share(target, 'harnesses::fib'), target).toBeGreaterThan(0.8);
    }
    for (const target of ['ops/sum_squares 1000', 'nightly/sum_squares_1000']) {
      expect(share(target, 'harnesses::sum_squares'), target).toBeGreaterThan(0.8);
    }
    for (const target of ['ops/words/count/10', 'ops/words/count/100']) {
      expect(share(target, 'harnesses::count_words'), target).toBeGreaterThan(0.8);
    }
    // criterion's start-up (argument parsing, report templates) is millions of instructions.
    expect(benchmark('ops/fib 15').totals.Ir).toBeLessThan(30_000);
  });

  it('leaves out the harness’s clock reads and everything around the routine', () => {
    for (const measured of base.benchmarks.filter((entry) => entry.harness !== 'plain')) {
      const names = measured.functions.map((entry) => entry.name);
      expect(
        names.filter((name) =>
          /Instant|clock_gettime|WallTime|criterion::report|clap::/.test(name),
        ),
        measured.name,
      ).toEqual([]);
    }
    // The set-up outside `b.iter` in `words` (building the text) is not counted.
    expect(benchmark('ops/words/count/100').functions.map((entry) => entry.name)).not.toContain(
      'malloc',
    );
  });

  it('gets the same counts from both runs', () => {
    for (const measured of base.benchmarks) {
      expect(measured.nondeterministic, measured.name).toEqual([]);
    }
  });

  it('reports a doubled function as a regression of its own benchmarks only', () => {
    const status = new Map(comparison.benchmarks.map((entry) => [entry.name, entry]));
    for (const name of ['ops/sum_squares 1000', 'nightly/sum_squares_1000']) {
      expect(status.get(name)?.status, name).toBe('regressed');
      expect(status.get(name)?.change, name).toBeGreaterThan(50);
      expect(status.get(name)?.functions[0]?.name, name).toBe('harnesses::sum_squares');
    }
    for (const name of [
      'ops/fib 15',
      'ops/fib batched',
      'ops/words/count/10',
      'ops/words/count/100',
      'nightly/fib_15',
      'nightly/words::count_100',
    ]) {
      expect(status.get(name)?.status, name).toBe('unchanged');
      expect(status.get(name)?.change, name).toBe(0);
    }
  });

  it('writes one Callgrind file per run of a cut target next to the profile', () => {
    for (const file of [
      'ops.1.callgrind.out',
      'ops.2.callgrind.out',
      'nightly.1.callgrind.out',
      'plain.1.callgrind.out',
    ]) {
      expect(existsSync(join(scratch, 'base', file)), file).toBe(true);
    }
  });

  it('builds dependencies once: another checkout and another feature reuse them', () => {
    expect(baseLog.some((line) => /Compiling criterion v/.test(line))).toBe(true);
    expect(slowLog.filter((line) => /Compiling (?!harnesses )/.test(line))).toEqual([]);
    expect(movedLog.filter((line) => /Compiling (?!harnesses )/.test(line))).toEqual([]);
  });
});

/** The line of `harnesses::sum_squares` that the `alloc` feature adds, read from the source. */
async function allocFeatureLine(): Promise<number> {
  const source = await readFile(join(scratch, 'harnesses', 'src', 'lib.rs'), 'utf8');
  const lines = source.split('\n');
  const index = lines.findIndex((line) => line.includes('collect::<Vec<u64>>()'));
  expect(lines[index - 1]).toContain('#[cfg(feature = "alloc")]');
  return index + 1;
}

const NONE = { allocations: 0, bytes: 0, peakBytes: 0, sites: [] };

/** Allocations compared, and every figure the same on both sides (a 0 has no percent change). */
const unchanged = ({ allocations }: BenchmarkComparison): boolean =>
  allocations?.status === 'unchanged' &&
  allocations.sites.length === 0 &&
  allocations.base !== null &&
  JSON.stringify(allocations.base) === JSON.stringify(allocations.head);

describe('allocations of benchmarks as they are written', () => {
  it('count only what each routine allocates, each benchmark run on its own', () => {
    const figures = new Map(base.benchmarks.map((entry) => [entry.name, entry.allocations]));
    // criterion's own start-up alone allocates hundreds of blocks: none of them is counted.
    for (const name of [
      'ops/fib 15',
      'ops/fib batched',
      'ops/sum_squares 1000',
      'ops/words/count/10',
      'ops/words/count/100',
      'nightly/fib_15',
      'nightly/sum_squares_1000',
    ]) {
      expect(figures.get(name), name).toEqual(NONE);
    }
    // libtest's routine is the whole #[bench] function, its set-up included (as its instruction
    // count): `"lorem ipsum ".repeat(100)` is one block of 1,200 bytes.
    expect(figures.get('nightly/words::count_100')).toMatchObject({
      allocations: 1,
      bytes: 1200,
      sites: [
        {
          function: 'count_100',
          file: 'benches/nightly.rs',
          line: 21,
          allocations: 1,
          bytes: 1200,
        },
      ],
    });
    // A plain main is counted whole.
    expect(figures.get('plain')?.allocations).toBeGreaterThan(0);
    for (const file of [
      'ops.sum_squares%201000.dhat.json',
      'nightly.words%3A%3Acount_100.dhat.json',
    ]) {
      expect(existsSync(join(scratch, 'base', file)), file).toBe(true);
    }
  });

  it('agree between two runs, the second in another directory', () => {
    const figures = (profile: ProfileDocument) =>
      profile.benchmarks.map((entry) => [entry.name, entry.allocations]);
    expect(figures(moved)).toEqual(figures(base));
    const again = compareProfiles(base, moved, { threshold: 0.01, functionThreshold: 0.001 });
    for (const entry of again.benchmarks) expect(unchanged(entry), entry.name).toBe(true);
  });

  it("name the `alloc` feature's regression, its site and its exact counts, and nothing else", async () => {
    const line = await allocFeatureLine();
    const regression = compareProfiles(base, alloc, { threshold: 0.01, functionThreshold: 0.001 });
    // One Vec of 1000 u64 per call, and test mode calls each routine once.
    const site = {
      function: 'harnesses::sum_squares',
      file: 'src/lib.rs',
      line,
      base: { allocations: 0, bytes: 0 },
      head: { allocations: 1, bytes: 8000 },
    };
    // The benchmarks that call it: one per harness, and the plain main, counted whole.
    const callers = ['ops/sum_squares 1000', 'nightly/sum_squares_1000', 'plain'];
    for (const entry of regression.benchmarks) {
      const { allocations } = entry;
      if (callers.includes(entry.name)) {
        expect(allocations?.status, entry.name).toBe('regressed');
        expect(allocations!.head!.allocations - allocations!.base!.allocations, entry.name).toBe(1);
        expect(allocations!.head!.bytes - allocations!.base!.bytes, entry.name).toBe(8000);
        expect(allocations!.sites, entry.name).toEqual([site]);
      } else {
        expect(unchanged(entry), entry.name).toBe(true);
      }
    }
    // DHAT's own file of the run agrees: the points allocated at that line.
    const dhat = JSON.parse(
      await readFile(join(scratch, 'alloc', 'ops.sum_squares%201000.dhat.json'), 'utf8'),
    ) as { pps: { tbk: number; tb: number; fs: number[] }[]; ftbl: string[] };
    const atLine = dhat.pps.filter((point) =>
      point.fs.some((frame) =>
        dhat.ftbl[frame]!.endsWith(`harnesses::sum_squares (src/lib.rs:${line})`),
      ),
    );
    expect(atLine.map((point) => [point.tbk, point.tb])).toEqual([[1, 8000]]);

    const comment = renderMarkdown(regression, { target: 'comment' });
    expect(comment).toContain('**3 allocation regressions**');
    expect(comment).toContain(
      `| <code>harnesses::sum&#95;squares</code> | <code>src/lib.rs:${line}</code> | 0 | 1 | +1 |`,
    );
  });

  it('say so when one side did not measure allocations, rather than compare them with nothing', () => {
    expect(comparison.allocationsUnmeasured).toBe('head');
    expect(comparison.allocationThreshold).toBeUndefined();
    expect(comparison.benchmarks.every((entry) => entry.allocations === undefined)).toBe(true);
    const note =
      'Allocations were measured on the base but not on the head, so they are not compared: ' +
      'measure both sides with the metrics instructions,allocations (a baseline measured with instructions alone has none).';
    expect(renderMarkdown(comparison, { target: 'comment' })).toContain(`> [!NOTE]\n> ${note}\n`);
    expect(renderText(comparison, { color: false })).toContain(`note: ${note}`);
    const reverse = compareProfiles(slow, alloc, { threshold: 0.01, functionThreshold: 0.001 });
    expect(reverse.allocationsUnmeasured).toBe('base');
  });
});
