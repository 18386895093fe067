import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routineCut } from '../../src/benchmarks/routine-cut.js';
import {
  allocationProfile,
  allocationsText,
  parseDhat,
  routinePoints,
} from '../../src/measure/dhat.js';

// What valgrind 3.19's DHAT wrote for examples/textbench's `parse` benchmark (built by
// rust-perf, run with rust-perf's DHAT options). DHAT's own summary on stderr said:
//   Total:     1,325,288 bytes in 6,023 blocks
//   At t-gmax: 836,592 bytes in 6,005 blocks
const fixture = readFileSync(new URL('../fixtures/dhat/parse.dhat.json', import.meta.url), 'utf8');
const options = { workspaceRoot: '/work/textbench' };

describe('allocationProfile', () => {
  const profile = allocationProfile(parseDhat(fixture, 'parse.dhat.json'), options);

  it('adds up to the totals DHAT printed itself', () => {
    expect(profile.allocations).toBe(6023);
    expect(profile.bytes).toBe(1_325_288);
    expect(profile.peakBytes).toBe(836_592);
    expect(profile.sites.reduce((sum, site) => sum + site.allocations, 0)).toBe(6023);
    expect(profile.sites.reduce((sum, site) => sum + site.bytes, 0)).toBe(1_325_288);
  });

  it("places each allocation at its innermost frame in the workspace's own files", () => {
    expect(profile.sites.slice(0, 4)).toEqual([
      {
        function: 'textbench::parse::parse_line',
        file: 'src/parse.rs',
        line: 85,
        allocations: 3000,
        bytes: 136_214,
      },
      {
        function: 'textbench::parse::parse_line',
        file: 'src/parse.rs',
        line: 80,
        allocations: 3000,
        bytes: 19_894,
      },
      {
        function: 'textbench::parse::parse_log',
        file: 'src/parse.rs',
        line: 95,
        allocations: 11,
        bytes: 589_536,
      },
      {
        function: 'textbench::data::generate_log',
        file: 'src/data.rs',
        line: 39,
        allocations: 2,
        bytes: 576_000,
      },
    ]);
  });

  it("keeps glibc's and the toolchain's files out of the workspace, with normalised paths", () => {
    const files = profile.sites.map((site) => site.file);
    expect(files).toContain('libio/./libio/iogetdelim.c');
    expect(files).toContain('/rustc/library/alloc/src/alloc.rs');
    expect(files.some((file) => /\/rustc\/[0-9a-f]{40}\//.test(file))).toBe(false);
  });
});

describe('routinePoints', () => {
  // Stacks as DHAT writes them for one benchmark run alone, innermost frame first, told apart
  // by the harnesses' own routine and timing patterns.
  const MALLOC = '0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_dhat-amd64-linux.so)';
  const point = (allocations: number, frames: string[]) => ({
    allocations,
    bytes: allocations * 8,
    bytesAtPeak: 0,
    frames,
  });

  describe('of criterion', () => {
    const routine = routineCut('criterion')!;
    const ITER =
      '0x1C7DCE: <criterion::bencher::Bencher>::iter::<u64, ops::b::{closure#0}> (/x/bencher.rs:88)';
    const inRoutine = point(1, [
      MALLOC,
      '0x1CC50F: harnesses::sum_squares (src/lib.rs:22)',
      '0x1C7DCE: {closure#0} (benches/ops.rs:9)',
      ITER,
      '0x1BCBA6: ops::main (/x/macros.rs:127)',
    ]);
    const harness = point(600, [
      MALLOC,
      '0x22D238: criterion::Criterion::configure_from_args (/x/lib.rs:740)',
      '0x1BCBA6: ops::main (/x/macros.rs:127)',
    ]);
    const timing = point(2, [MALLOC, '0x3000: <std::time::Instant>::now (/x/time.rs:1)', ITER]);

    it('keeps the points with the routine on their stack, without the harness’s timing calls', () => {
      expect(routinePoints([harness, inRoutine, timing], routine, 5)).toEqual([inRoutine]);
    });

    it('refuses a stack that may have been cut at the depth without the routine on it', () => {
      // Frames bound return addresses from above: inlined code shares an address, recursion too.
      expect(routinePoints([harness, inRoutine], routine, 3)).toBeUndefined();
      expect(routinePoints([harness, inRoutine], routine, 4)).toEqual([inRoutine]);
      // A stack cut below the routine's frame still shows it: counted.
      expect(routinePoints([inRoutine], routine, 2)).toEqual([inRoutine]);
    });
  });

  it('keeps the points of a libtest #[bench] function, through the closure its macro writes', () => {
    const CALL_ONCE =
      '0x1D2A10: <ops::bench_sum::{closure#0} as core::ops::function::FnOnce<(&mut test::bench::Bencher,)>>::call_once (/rustc/x/library/core/src/ops/function.rs:250)';
    const inRoutine = point(1, [
      MALLOC,
      '0x1D29F0: ops::bench_sum (benches/ops.rs:12)',
      CALL_ONCE,
      '0x1E0000: test::__rust_begin_short_backtrace::<...> (/x/lib.rs:600)',
    ]);
    const timing = point(3, [
      MALLOC,
      '0x3000: <std::time::Instant>::now (/x/time.rs:1)',
      '0x1D2000: <test::bench::Bencher>::iter::<u64, ops::bench_sum::{closure#0}> (/x/bench.rs:40)',
      '0x1D29F0: ops::bench_sum (benches/ops.rs:12)',
      CALL_ONCE,
    ]);
    const harness = point(40, [MALLOC, '0x1E1000: test::test_main (/x/lib.rs:130)']);
    expect(routinePoints([harness, inRoutine, timing], routineCut('libtest')!, 5)).toEqual([
      inRoutine,
    ]);
  });
});

describe('parseDhat', () => {
  const document = JSON.parse(fixture);
  const withChange = (change: (copy: typeof document) => void) => {
    const copy = structuredClone(document);
    change(copy);
    return JSON.stringify(copy);
  };

  it('refuses what is not a DHAT heap profile of version 2', () => {
    expect(() => parseDhat('{', 'x.json')).toThrow(
      /^x\.json: not a DHAT heap profile: invalid JSON/,
    );
    expect(() =>
      parseDhat(
        withChange((copy) => (copy.dhatFileVersion = 1)),
        'x.json',
      ),
    ).toThrow(
      'x.json: not a DHAT heap profile: dhatFileVersion: expected version 2 (valgrind 3.15 or later)',
    );
    expect(() =>
      parseDhat(
        withChange((copy) => (copy.mode = 'copy')),
        'x.json',
      ),
    ).toThrow('x.json: not a DHAT heap profile: mode: expected "heap"');
  });

  it('refuses a point with a missing, negative or fractional count, or a frame not in the table', () => {
    expect(() =>
      parseDhat(
        withChange((copy) => delete copy.pps[2].tbk),
        'x.json',
      ),
    ).toThrow('x.json: not a DHAT heap profile: pps[2]: missing tbk');
    expect(() =>
      parseDhat(
        withChange((copy) => (copy.pps[0].tb = -1)),
        'x.json',
      ),
    ).toThrow('pps[0].tb: expected a whole number of at least 0');
    expect(() =>
      parseDhat(
        withChange((copy) => (copy.pps[0].gb = 0.5)),
        'x.json',
      ),
    ).toThrow('pps[0].gb: expected a whole number of at least 0');
    expect(() =>
      parseDhat(
        withChange((copy) => (copy.pps[1].fs[3] = 100_000)),
        'x.json',
      ),
    ).toThrow('pps[1].fs[3]: no frame 100000 in ftbl');
  });
});

describe('allocationsText', () => {
  it('reads as a person would write the count', () => {
    expect([0, 1, 2, 3000].map(allocationsText)).toEqual([
      '0 allocations',
      '1 allocation',
      '2 allocations',
      '3,000 allocations',
    ]);
  });
});
