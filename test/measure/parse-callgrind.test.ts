import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CorruptFileError, InputError } from '../../src/errors.js';
import type { CallgrindPart } from '../../src/measure/callgrind-part.js';
import type { CachegrindParserOptions } from '../../src/measure/parse.js';
import { CallgrindParser } from '../../src/measure/parse-callgrind.js';
import { parseCallgrindFile } from '../../src/measure/parse-file.js';
import { expectLongLineRefused } from '../support/long-line.js';
import { withRows } from '../support/parsed-functions.js';

const fixtureDirectory = fileURLToPath(new URL('../fixtures/', import.meta.url));
const fixturePath = (name: string) => `${fixtureDirectory}${name}`;
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

const CRITERION_PARTS = 'callgrind/criterion-0.3.6.parts.callgrind.out';
const LIBTEST_PARTS = 'callgrind/libtest.parts.callgrind.out';
const CRITERION_WHOLE = 'callgrind/criterion-0.3.6.whole.callgrind.out';

const ITER_FIB =
  '<criterion::bencher::Bencher>::iter::<u64, ops::bench_fib::{closure#0}::{closure#0}>';
const BENCH_FIB_DUMP =
  '--dump-after=<alloc::vec::Vec<f64> as alloc::vec::spec_from_iter::SpecFromIter<f64, ' +
  'core::iter::adapters::map::Map<core::slice::iter::Iter<u64>, <criterion::routine::Function<' +
  'criterion::measurement::WallTime, <criterion::benchmark_group::BenchmarkGroup<' +
  'criterion::measurement::WallTime>>::bench_function<criterion::benchmark_group::BenchmarkId, ' +
  'ops::bench_fib::{closure#0}>::{closure#0}, ()> as criterion::routine::Routine<' +
  'criterion::measurement::WallTime, ()>>::bench::{closure#0}>>>::from_iter';
const LIBTEST_DUMP =
  '--dump-after=test::__rust_begin_short_backtrace::<core::result::Result<(), ' +
  'alloc::string::String>, <test::types::RunnableTest>::run::{closure#0}::{closure#0}>';
function parseText(text: string | Buffer, options: CachegrindParserOptions = {}): CallgrindPart[] {
  const parser = new CallgrindParser('test.callgrind.out', options);
  parser.write(Buffer.from(text));
  return parser.finish();
}

function parseError(text: string | Buffer): CorruptFileError {
  let refusal: unknown;
  try {
    parseText(text);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(CorruptFileError);
  return refusal as CorruptFileError;
}

/** The self costs of the functions that have any, by name. */
function selfCosts(part: CallgrindPart): Record<string, number[]> {
  const rows = withRows(part.profile).functions;
  return Object.fromEntries(
    rows
      .filter((row) => row.counts.some((count) => count > 0))
      .map((row) => [row.name, row.counts]),
  );
}

/** The calls as `caller -> callee` with their count and inclusive costs, in file order. */
function callRows(part: CallgrindPart) {
  const { names } = part.profile.functions;
  const width = part.profile.events.length;
  const { calls } = part.profile;
  return Array.from({ length: calls.length }, (_, edge) => ({
    call: `${names[calls.callers[edge]!]} -> ${names[calls.callees[edge]!]}`,
    calls: calls.calls[edge],
    counts: Array.from(calls.counts.subarray(edge * width, (edge + 1) * width)),
  }));
}

function functionRow(part: CallgrindPart, name: string) {
  return withRows(part.profile).functions.find((row) => row.name === name);
}

/** A one-part Callgrind file with events Ir and Dr around `body`, its summary: the totals. */
function callgrind(body: string, { totals = '', positions = 'line' } = {}): string {
  return (
    '# callgrind format\nversion: 1\ncreator: callgrind-3.24.0\npid: 7\ncmd:  ./bench --bench\n' +
    `part: 1\n\ndesc: I1 cache: \ndesc: Trigger: --dump-after=bench\n\npositions: ${positions}\n` +
    `events: Ir Dr\nsummary: ${totals}\n\n\n${body}\ntotals: ${totals}\n`
  );
}

const isOwnFile = (path: string) => path.startsWith('/home/runner/work/');

describe('CallgrindParser on the combined dumps of criterion 0.3.6 benchmarks', () => {
  it('reads 19 parts, each with its number, the trigger that dumped it and its totals', async () => {
    const parts = await parseCallgrindFile(fixturePath(CRITERION_PARTS));
    expect(parts.map((part) => part.part)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    expect(parts.map((part) => part.profile.totals[0])).toEqual([
      20256, 0, 0, 0, 305, 0, 0, 0, 2549, 0, 22529, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(parts[0]!.trigger).toBe(BENCH_FIB_DUMP);
    expect(parts[18]!.trigger).toBe('Program termination');
    expect(parts[0]!.profile.command).toBe('target/release/deps/ops-f05f1c41e9277fbd');
    expect(parts[0]!.profile.events).toEqual(['Ir']);
  });

  it('gives part 1 (fib 15) the self cost of each function, recursion levels merged', async () => {
    const [part] = await parseCallgrindFile(fixturePath(CRITERION_PARTS));
    expect(part!.profile.functions.length).toBe(19);
    expect(selfCosts(part!)).toEqual({
      'clock_gettime@@GLIBC_2.17': [40],
      [ITER_FIB]: [47],
      '<std::time::Instant>::now': [4],
      '<criterion::measurement::WallTime as criterion::measurement::Measurement>::start': [1],
      'critbench::fib': [57 + 19910],
      '<criterion::measurement::WallTime as criterion::measurement::Measurement>::end': [7],
      '<std::time::Instant>::elapsed': [52],
      '<std::sys::pal::unix::time::Timespec>::now': [64],
      '<std::sys::pal::unix::time::Timespec>::sub_timespec': [74],
    });
    expect(part!.profile.functions.names.filter((name) => /'\d+$/.test(name))).toEqual([]);
  });

  it("keeps the calls of part 1 with their counts and inclusive costs, fib'2 as fib", async () => {
    const [part] = await parseCallgrindFile(fixturePath(CRITERION_PARTS));
    const calls = callRows(part!);
    expect(calls).toHaveLength(23);
    expect(calls.filter((row) => row.call.startsWith(`${ITER_FIB} -> `))).toEqual([
      { call: `${ITER_FIB} -> <std::time::Instant>::now`, calls: 1, counts: [28] },
      {
        call: `${ITER_FIB} -> <criterion::measurement::WallTime as criterion::measurement::Measurement>::start`,
        calls: 1,
        counts: [29],
      },
      { call: `${ITER_FIB} -> critbench::fib`, calls: 1, counts: [19967] },
      {
        call: `${ITER_FIB} -> <criterion::measurement::WallTime as criterion::measurement::Measurement>::end`,
        calls: 1,
        counts: [96],
      },
      { call: `${ITER_FIB} -> <std::time::Instant>::elapsed`, calls: 1, counts: [89] },
    ]);
    // fib -> fib'2 (1 + 6 calls) and fib'2 -> fib'2 (609 + 370 calls), all one edge now.
    expect(calls.find((row) => row.call === 'critbench::fib -> critbench::fib')).toEqual({
      call: 'critbench::fib -> critbench::fib',
      calls: 986,
      counts: [12338 + 7572 + 68717 + 31488],
    });
  });

  it("places a function at its costliest line, in the user's own files when it has lines there", async () => {
    const [plain] = await parseCallgrindFile(fixturePath(CRITERION_PARTS));
    const [own] = await parseCallgrindFile(fixturePath(CRITERION_PARTS), { isOwnFile });
    // Lines 80 and 92 cost 8 each: the first one written wins.
    expect(functionRow(plain!, ITER_FIB)).toMatchObject({
      file: '/usr/share/cargo/registry/criterion-0.3.6/src/bencher.rs',
      line: 80,
    });
    // The benchmark's closure, inlined: ops.rs line 4 costs 1 + 1.
    expect(functionRow(own!, ITER_FIB)).toMatchObject({
      file: '/home/runner/work/critbench/benches/ops.rs',
      line: 4,
    });
    // fib's line 1 costs 17760 over several cost lines, line 0 costs 2207.
    expect(functionRow(plain!, 'critbench::fib')).toEqual({
      name: 'critbench::fib',
      file: '/home/runner/work/critbench/src/lib.rs',
      line: 1,
      counts: [19967],
    });
  });

  it('keeps the empty parts between benchmarks, their functions at zero cost', async () => {
    const parts = await parseCallgrindFile(fixturePath(CRITERION_PARTS));
    const second = parts[1]!;
    expect(second.profile.totals).toEqual([0]);
    expect(second.profile.functions.length).toBe(8);
    expect(Array.from(second.profile.functions.counts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(second.profile.calls.length).toBe(0);
    expect(parts[18]!.profile.functions.length).toBe(0);
  });
});

describe('CallgrindParser on the combined dumps of libtest #[bench] functions', () => {
  it('reads 4 parts: three benchmarks and the end of the program', async () => {
    const parts = await parseCallgrindFile(fixturePath(LIBTEST_PARTS));
    expect(parts.map((part) => [part.part, part.trigger, part.profile.totals])).toEqual([
      [1, LIBTEST_DUMP, [20117]],
      [2, LIBTEST_DUMP, [7157]],
      [3, LIBTEST_DUMP, [7610]],
      [4, 'Program termination', [0]],
    ]);
    expect(parts[0]!.profile.command).toBe(
      'target/release/deps/ops-cbef0dde0d438608 --test-threads=1',
    );
    expect(parts.map((part) => part.profile.functions.length)).toEqual([29, 29, 39, 0]);
    expect(selfCosts(parts[0]!)['ltbench::fib']).toEqual([19967]);
  });

  it('keeps a call counted 0 times, entered before the part began, with its inclusive cost', async () => {
    const parts = await parseCallgrindFile(fixturePath(LIBTEST_PARTS));
    expect(callRows(parts[1]!).find((row) => row.call === 'clone -> start_thread')).toEqual({
      call: 'clone -> start_thread',
      calls: 0,
      counts: [7157],
    });
  });
});

describe('CallgrindParser on whole-program files', () => {
  it.each([
    [CRITERION_WHOLE, [1264617], 578, 1008, 'critbench::fib', 19967],
    ['cachegrind/3.19.callgrind.out', [1383093], 346, 526, 'cgdemo::fib', 207968],
    ['cachegrind/3.24.callgrind.out', [1381629], 341, 512, 'cgdemo::fib', 207968],
  ])('reads %s as one part with its totals', (name, totals, functions, calls, fib, fibCost) => {
    const parts = parseText(fixture(name));
    expect(parts).toHaveLength(1);
    const [part] = parts;
    expect(part!.part).toBe(1);
    expect(part!.trigger).toBe('Program termination');
    expect(part!.profile.totals).toEqual(totals);
    expect(part!.profile.functions.length).toBe(functions);
    expect(part!.profile.calls.length).toBe(calls);
    expect(selfCosts(part!)[fib]).toEqual([fibCost]);
  });

  it("merges core::fmt::write'2 into core::fmt::write", () => {
    const [part] = parseText(fixture(CRITERION_WHOLE));
    expect(selfCosts(part!)['core::fmt::write']).toEqual([2266 + 256 + 232 + 208 + 114 + 75]);
  });
});

describe('CallgrindParser chunking', () => {
  it('gives the same result fed 7 bytes at a time', () => {
    const bytes = readFileSync(fixturePath(LIBTEST_PARTS));
    const parser = new CallgrindParser('test.callgrind.out');
    for (let start = 0; start < bytes.length; start += 7) {
      parser.write(bytes.subarray(start, start + 7));
    }
    expect(parser.finish()).toEqual(parseText(bytes));
  });

  it('reads a last line without a line feed', () => {
    const text = fixture(LIBTEST_PARTS);
    expect(parseText(text.trimEnd())).toEqual(parseText(text));
  });

  it('accepts CRLF line endings with the same result', () => {
    const text = fixture(CRITERION_PARTS);
    expect(parseText(text.replaceAll('\n', '\r\n'))).toEqual(parseText(text));
  });
});

describe('CallgrindParser on the parts of the format', () => {
  it('counts the cost line after calls= as the inclusive cost of the call, not as self cost', () => {
    const [part] = parseText(
      callgrind(
        'fl=(1) a.rs\nfn=(1) main\n3 2 1\ncfn=(2) work\ncalls=4 10\n3 400 40\nfn=(2)\n10 400 40',
        {
          totals: '402 41',
        },
      ),
    );
    expect(withRows(part!.profile).functions).toEqual([
      { name: 'main', file: 'a.rs', line: 3, counts: [2, 1] },
      { name: 'work', file: 'a.rs', line: 10, counts: [400, 40] },
    ]);
    expect(callRows(part!)).toEqual([{ call: 'main -> work', calls: 4, counts: [400, 40] }]);
  });

  it('sums the calls between the same two functions into one edge', () => {
    const [part] = parseText(
      callgrind('fl=a.rs\nfn=main\n1 1\ncfn=f\ncalls=1 9\n2 5\ncfn=f\ncalls=2 9\n3 7 1', {
        totals: '1',
      }),
    );
    expect(callRows(part!)).toEqual([{ call: 'main -> f', calls: 3, counts: [12, 1] }]);
  });

  it('keeps a function only called, without self cost, in the file of its cfi= line', () => {
    const [part] = parseText(
      callgrind('fl=a.rs\nfn=main\n1 1\ncfi=b.rs\ncfn=f\ncalls=1 9\n2 5\ncfn=g\ncalls=1 9\n2 5', {
        totals: '1',
      }),
    );
    expect(withRows(part!.profile).functions.slice(1)).toEqual([
      { name: 'f', file: 'b.rs', line: 0, counts: [0, 0] },
      { name: 'g', file: 'a.rs', line: 0, counts: [0, 0] },
    ]);
  });

  it('reads compressed names once defined, in later parts too, and shares ids between fn and cfn', () => {
    const text =
      'version: 1\ncmd: ./b\npart: 1\nevents: Ir\nsummary: 3\n' +
      'ob=(1) /bin/b\nfl=(1) a.rs\nfn=(1) main\n1 1\ncob=(1)\ncfi=(2) b.rs\ncfn=(2) f\ncalls=1 5\n1 2\n' +
      'fl=(2)\nfn=(2)\n5 2\ntotals: 3\n' +
      'part: 2\nevents: Ir\nsummary: 4\nob=(1)\nfl=(2)\nfn=(1)\n7 4\ntotals: 4\n';
    const parts = parseText(text);
    expect(parts.map((part) => withRows(part.profile).functions)).toEqual([
      [
        { name: 'main', file: 'a.rs', line: 1, counts: [1] },
        { name: 'f', file: 'b.rs', line: 5, counts: [2] },
      ],
      [{ name: 'main', file: 'b.rs', line: 7, counts: [4] }],
    ]);
    expect(parts.map((part) => part.trigger)).toEqual(['', '']);
  });

  it('attributes cost lines to the fi=/fe= file, and to the fl= file again at the next fn=', () => {
    const [part] = parseText(
      callgrind('fl=a.rs\nfn=f\n1 1\nfi=b.rs\n2 5\nfe=a.rs\n3 2\nfi=c.rs\nfn=g\n4 3', {
        totals: '11',
      }),
    );
    expect(withRows(part!.profile).functions).toEqual([
      { name: 'f', file: 'b.rs', line: 2, counts: [8, 0] },
      { name: 'g', file: 'a.rs', line: 4, counts: [3, 0] },
    ]);
  });

  it('reads +N, -N and * relative to the last self cost line, and calls= positions do not move it', () => {
    const [part] = parseText(
      callgrind('fl=a.rs\nfn=f\n10 1\n+5 1\ncfn=g\ncalls=1 -14\n* 9\n* 4\n-3 2\nfn=h\n7 1\n* 1', {
        totals: '10',
      }),
    );
    // f costs 1 at line 10, 1 + 4 at 15 (the call targets line 1 but moves nothing), 2 at 12.
    expect(withRows(part!.profile).functions).toEqual([
      { name: 'f', file: 'a.rs', line: 15, counts: [8, 0] },
      { name: 'g', file: 'a.rs', line: 0, counts: [0, 0] },
      { name: 'h', file: 'a.rs', line: 7, counts: [2, 0] },
    ]);
  });

  it.each([
    ['instr line', '0x4011a0 12 3\n+4 * 5\n0x4011b0 +2 9'],
    ['line instr', '12 0x4011a0 3\n* +4 5\n+2 0x4011b0 9'],
  ])('takes the line from positions: %s, addresses and all', (positions, costs) => {
    const [part] = parseText(callgrind(`fl=a.rs\nfn=f\n${costs}`, { positions, totals: '17' }));
    expect(withRows(part!.profile).functions).toEqual([
      { name: 'f', file: 'a.rs', line: 14, counts: [17, 0] },
    ]);
  });

  it('skips jumps (jump=, jcnd=, jfi=, jfn=) and the position line after each', () => {
    const [part] = parseText(
      callgrind(
        'fl=a.rs\nfn=f\n3 2\njump=4 8\n3\njfi=(9) b.rs\njfn=(9) g\njcnd=2/5 9\n+1\n5 1\nfn=(9)\n1 1',
        { totals: '4' },
      ),
    );
    expect(withRows(part!.profile).functions).toEqual([
      { name: 'f', file: 'a.rs', line: 3, counts: [3, 0] },
      { name: 'g', file: 'a.rs', line: 1, counts: [1, 0] },
    ]);
  });

  it('treats missing trailing counts as zero', () => {
    const [part] = parseText(callgrind('fl=a.rs\nfn=f\n1 5\n2 1 7', { totals: '6 7' }));
    expect(part!.profile.totals).toEqual([6, 7]);
    expect(withRows(part!.profile).functions[0]!.counts).toEqual([6, 7]);
  });

  it('reads a file without a part: line as part 1, and without summary: as well', () => {
    const text = 'events: Ir\nfl=a.rs\nfn=f\n1 5\ntotals: 5\n';
    expect(parseText(text).map((part) => [part.part, part.profile.totals])).toEqual([[1, [5]]]);
  });

  it("strips only a trailing recursion depth, not a lifetime's quote", () => {
    const [part] = parseText(
      callgrind("fl=a.rs\nfn=<&'a str as x::T>::f'3\n1 1\nfn=g'12\n1 1\nfn=h'a\n1 1", {
        totals: '3',
      }),
    );
    expect(part!.profile.functions.names).toEqual(["<&'a str as x::T>::f", 'g', "h'a"]);
  });

  it('keeps a name that starts with a parenthesis but is no id', () => {
    const [part] = parseText(callgrind('fl=(1) a.rs\nfn=(below main)\n1 1', { totals: '1' }));
    expect(part!.profile.functions.names).toEqual(['(below main)']);
  });
});

describe('CallgrindParser on hostile input', () => {
  const text = fixture(CRITERION_PARTS);
  const lines = text.split('\n');
  const lineOf = (line: string, from = 0) => lines.indexOf(line, from) + 1;

  it('refuses an empty file', () => {
    expect(parseError('').message).toBe(
      'test.callgrind.out: the file is empty: no Callgrind output',
    );
  });

  it('refuses a file cut before the totals: line of its last part', () => {
    const cut = text.slice(0, text.indexOf('totals: 305'));
    const error = parseError(cut);
    expect(error.lineNumber).toBe(lineOf('totals: 305') - 1);
    expect(error.reason).toBe('the file ends without a totals: line: it is truncated');
  });

  it('refuses a file cut inside its totals: line', () => {
    const cut = text.slice(0, text.indexOf('totals: 305') + 'totals: 30'.length);
    expect(parseError(cut).message).toBe(
      `test.callgrind.out:${lineOf('totals: 305')}: totals: says 30 Ir but the self costs add up to 305: the file is truncated or corrupt`,
    );
  });

  it('refuses a file cut after a calls= line', () => {
    const cut = text.slice(0, text.indexOf('calls=609 * \n') + 'calls=609 * \n'.length);
    expect(parseError(cut).reason).toBe(
      'the file ends after a calls= line, without its cost: it is truncated',
    );
  });

  it('refuses a compressed id that no line defines', () => {
    const error = parseError(text.replace('fn=(2772)\n', 'fn=(9999)\n'));
    expect(error.message).toBe(
      `test.callgrind.out:${lineOf('fn=(2772)')}: fn=(9999) refers to an id that no line before it defines`,
    );
  });

  it('refuses a part whose costs do not add up to its summary: line', () => {
    const error = parseError(text.replace('summary: 305\n', 'summary: 306\n'));
    expect(error.message).toBe(
      `test.callgrind.out:${lineOf('totals: 305')}: summary: says 306 Ir but the self costs add up to 305: the file is truncated or corrupt`,
    );
  });

  it('refuses a part whose costs do not add up to its totals: line', () => {
    const error = parseError(text.replace('totals: 2549\n', 'totals: 2548\n'));
    expect(error.message).toBe(
      `test.callgrind.out:${lineOf('totals: 2549')}: totals: says 2548 Ir but the self costs add up to 2549: the file is truncated or corrupt`,
    );
  });

  it('refuses counts too large to add up exactly, as the Cachegrind parser does', () => {
    const huge = '9007199254740993';
    expect(parseError(callgrind(`fl=a.rs\nfn=f\n3 ${huge}`, { totals: '1' })).reason).toBe(
      'the Ir counts add up to more than rust-perf can count exactly',
    );
    expect(parseError(callgrind('fl=a.rs\nfn=f\n3 1', { totals: huge })).reason).toBe(
      `summary: ${huge} is not a list of at most 2 counts, one per event`,
    );
    expect(
      parseError(callgrind(`fl=a.rs\nfn=f\n3 1\ncfn=g\ncalls=1 3\n3 ${huge}`, { totals: '1' }))
        .reason,
    ).toBe('the calls add up to more than rust-perf can count exactly');
  });

  it('reads past a UTF-8 byte order mark, which an editor may add', () => {
    expect(parseText(`\ufeff${text}`)).toEqual(parseText(text));
  });

  it('reads a file fed one byte at a time like the file at once', () => {
    const parser = new CallgrindParser('test.callgrind.out');
    const bytes = Buffer.from(text);
    for (let index = 0; index < bytes.length; index++)
      parser.write(bytes.subarray(index, index + 1));
    expect(parser.finish()).toEqual(parseText(text));
  });

  it('refuses a line longer than any Callgrind writes, in time linear in its length', () => {
    expectLongLineRefused(
      new CallgrindParser('test.callgrind.out'),
      'test.callgrind.out:1: a line longer than 16 MiB: not Callgrind output',
    );
  });

  it.each([
    ['ln=5', 'unrecognised line "ln=5": not Callgrind output'],
    ['1 2x', 'malformed line "1 2x": expected <position> <count>...'],
    ['+ 2', 'malformed line "+ 2": expected <position> <count>...'],
    ['1 2 3 4', 'a cost line with more counts than the 2 events'],
    ['-9 1', 'a position at line -8, which no file has'],
    ['100000000000000000000000 1', 'a position at a line beyond 4294967295, which no file has'],
    ['calls=1 3', 'a calls= line without a cfn= line before it'],
    ['cfn=g\ncalls=x 3', 'malformed line "calls=x 3": expected <position> <count>...'],
    ['cfn=g\ncalls=1 3\nfn=g', 'a calls= line must be followed by the cost line of the call'],
    ['fl=b.rs\n1 1', 'a cost line outside a function (no fn= line)'],
    ['fn=', 'a fn= line without a name'],
    ['cmd: ./other', 'a cmd: line after the data of part 1 began'],
    ['events: Ir', 'an events: line after the data of part 1 began'],
    ['part: 2', 'a part: line before part 1 has its totals: line'],
  ])('refuses %j inside a function', (line, reason) => {
    const file = callgrind(`fl=a.rs\nfn=f\n1 1\n${line}`, { totals: '1' });
    const error = parseError(file);
    expect(error.reason).toBe(reason);
    // The last line of the body, just before the totals: line.
    expect(error.lineNumber).toBe(file.split('\n').indexOf('totals: 1'));
  });

  it.each([
    [
      'fl=a.rs\n',
      'a fl= line before the events: line: not Callgrind output, or its start is missing',
    ],
    ['events: Ir\nfn=f\n', 'an fn= line before any fl= line'],
    ['version: 2\n', "format version 2: rust-perf reads version 1 of Callgrind's"],
    ['positions: instr\n', 'positions: instr gives no source lines'],
    ['positions: line bb\n', 'positions: "line bb" is not a list of instr and line'],
    ['part: 1\nevents: Ir\ntotals: 0\npart: 1\n', 'part 1 after part 1: two files concatenated?'],
    ['events: Ir\ntotals: 0\nfl=a.rs\n', 'a fl= line after the totals: line of part 1'],
    ['events: Ir\ntotals: 0\nevents: Ir\n', 'an events: line after the totals: line of part 1'],
    ['totals: 0\n', 'a totals: line outside a part with an events: line'],
    ['events: Ir Ir\n', 'event Ir is listed twice'],
    ['version: 1\n', 'no part with a totals: line: not Callgrind output'],
  ])('refuses %j', (input, reason) => {
    expect(parseError(input).reason).toBe(reason);
  });

  it('says so when given Cachegrind output', () => {
    const error = parseError(fixture('cachegrind/3.24-legacy-names.cachegrind.out'));
    expect(error.reason).toBe(
      'a summary: line after the data: this is Cachegrind output, not Callgrind',
    );
    expect(error.hint).toBe(
      'Measure with valgrind --tool=callgrind, or read the file with the Cachegrind parser.',
    );
  });

  it('reports a missing file as an input error', async () => {
    const missing = fixturePath('callgrind/missing.callgrind.out');
    const reading = parseCallgrindFile(missing);
    await expect(reading).rejects.toThrow(`cannot read ${missing}: no such file`);
    await expect(reading).rejects.toBeInstanceOf(InputError);
  });
});
