import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../../src/errors.js';
import { CachegrindParser } from '../../src/measure/parse.js';
import { parseCachegrindFile } from '../../src/measure/parse-file.js';
import { expectLongLineRefused } from '../support/long-line.js';
import { type ParsedProfileRows, withRows } from '../support/parsed-functions.js';

const fixtureDirectory = fileURLToPath(new URL('../fixtures/cachegrind/', import.meta.url));
const fixturePath = (name: string) => `${fixtureDirectory}${name}`;
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

function parseText(text: string, source = 'test.cachegrind.out'): ParsedProfileRows {
  const parser = new CachegrindParser(source);
  parser.write(Buffer.from(text));
  return withRows(parser.finish());
}

function parseInChunks(bytes: Buffer, cuts: number[]): ParsedProfileRows {
  const parser = new CachegrindParser('chunked');
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    parser.write(bytes.subarray(start, cut));
    start = cut;
  }
  return withRows(parser.finish());
}

function parseError(text: string): CorruptFileError {
  try {
    parseText(text);
  } catch (error) {
    if (error instanceof CorruptFileError) return error;
    throw error;
  }
  throw new Error('expected a CorruptFileError');
}

/**
 * An independent, deliberately naive reading of the same format: split into lines, sum per
 * `fn=` name, keep the first count line with the largest first count.
 */
function referenceFunctions(text: string) {
  const lines = text.split('\n');
  const events = lines
    .find((line) => line.startsWith('events:'))!
    .split(/\s+/)
    .slice(1);
  const width = events.filter((event) => event !== '').length;
  const functions = new Map<
    string,
    { counts: number[]; file: string; line: number; best: number }
  >();
  let file = '';
  let name = '';
  for (const line of lines) {
    if (line.startsWith('fl=')) file = line.slice(3);
    else if (line.startsWith('fn=')) name = line.slice(3);
    else if (/^\d/.test(line)) {
      const [lineNumber, ...counts] = line.trim().split(/\s+/).map(Number);
      const entry = functions.get(name) ?? {
        counts: new Array(width).fill(0),
        file,
        line: 0,
        best: -1,
      };
      functions.set(name, entry);
      counts.forEach((count, index) => {
        entry.counts[index] += count;
      });
      if ((counts[0] ?? 0) > entry.best) {
        entry.best = counts[0] ?? 0;
        entry.file = file;
        entry.line = lineNumber!;
      }
    }
  }
  return [...functions].map(([functionName, entry]) => ({
    name: functionName,
    file: entry.file,
    line: entry.line,
    counts: entry.counts,
  }));
}

const cachegrindFixtures = [
  '3.19-branch-sim.cachegrind.out',
  '3.19-cache-sim.cachegrind.out',
  '3.19-legacy-names.cachegrind.out',
  '3.19-no-debuginfo.cachegrind.out',
  '3.19-no-demangle.cachegrind.out',
  '3.19-v0-names.cachegrind.out',
  '3.24-client-request.cachegrind.out',
  '3.24-dwarf5.cachegrind.out',
  '3.24-empty.cachegrind.out',
  '3.24-legacy-names.cachegrind.out',
];

describe('CachegrindParser on real valgrind output', () => {
  it('reads a 3.19 profile: command, events, totals equal to its summary line', () => {
    const profile = parseText(fixture('3.19-legacy-names.cachegrind.out'));
    expect(profile.command).toBe('target-line-tables-only/release/cgdemo');
    expect(profile.events).toEqual(['Ir']);
    expect(profile.totals).toEqual([1386674]);
    expect(profile.functions).toHaveLength(324);
  });

  it('reads a 3.24 profile, which has no desc: lines', () => {
    const profile = parseText(fixture('3.24-legacy-names.cachegrind.out'));
    expect(profile.command).toBe('target-line-tables-only/release/cgdemo');
    expect(profile.totals).toEqual([1380147]);
  });

  it.each(['3.19-legacy-names.cachegrind.out', '3.24-legacy-names.cachegrind.out'])(
    'sums every cgdemo::fib line of %s and keeps its hottest line',
    (name) => {
      const fib = parseText(fixture(name)).functions.find((entry) => entry.name === 'cgdemo::fib');
      expect(fib).toEqual({
        name: 'cgdemo::fib',
        file: '/home/runner/work/demo/cgdemo/src/main.rs',
        line: 33,
        counts: [207968],
      });
    },
  );

  it('sums a function over all the fl= blocks it appears in', () => {
    const profile = parseText(fixture('3.24-client-request.cachegrind.out'));
    expect(profile).toEqual({
      command: './creq cg',
      events: ['Ir'],
      totals: [800028],
      functions: [
        {
          name: 'main::hot',
          file: '/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/num/uint_macros.rs',
          line: 2533,
          counts: [1 + 25001 + 50010 + 25000 + 125000 + 300000 + 275001],
        },
        {
          name: 'main::main',
          file: '/home/runner/work/demo/creq/main.rs',
          line: 7,
          counts: [3 + 6 + 2 + 2 + 2],
        },
      ],
    });
  });

  it('hands over its functions column by column, counts event by event', () => {
    const parser = new CachegrindParser('columns');
    parser.write(
      Buffer.from(
        'cmd: ./bench\nevents: Ir Dr\nfl=src/a.rs\nfn=f\n3 5 1\nfn=g\n7 2\n' +
          'fl=src/b.rs\nfn=f\n9 8 4\nsummary: 15 5\n',
      ),
    );
    const { functions } = parser.finish();
    expect(functions.length).toBe(2);
    expect(functions.names).toEqual(['f', 'g']);
    expect(functions.files).toEqual(['src/b.rs', 'src/a.rs']);
    expect(Array.from(functions.lines)).toEqual([9, 7]);
    expect(Array.from(functions.counts)).toEqual([13, 5, 2, 0]);
  });

  it('reads a profile with no functions', () => {
    expect(parseText(fixture('3.24-empty.cachegrind.out'))).toEqual({
      command: '/bin/true',
      events: ['Ir'],
      totals: [0],
      functions: [],
    });
  });

  it('reads nine cache-simulation events from an events: line with a trailing space', () => {
    const profile = parseText(fixture('3.19-cache-sim.cachegrind.out'));
    expect(profile.command).toBe('./slow 1000');
    expect(profile.events).toEqual([
      'Ir',
      'I1mr',
      'ILmr',
      'Dr',
      'D1mr',
      'DLmr',
      'Dw',
      'D1mw',
      'DLmw',
    ]);
    expect(profile.totals).toEqual([1144857, 1857, 1794, 254269, 2071, 1623, 171904, 1102, 1051]);
  });

  it('reads branch-simulation events', () => {
    const profile = parseText(fixture('3.19-branch-sim.cachegrind.out'));
    expect(profile.events).toEqual(['Ir', 'Bc', 'Bcm', 'Bi', 'Bim']);
    expect(profile.totals).toEqual([1144857, 144148, 8450, 14620, 374]);
  });

  it('keeps ??? as the file of functions without debug info', () => {
    const profile = parseText(fixture('3.19-no-debuginfo.cachegrind.out'));
    expect(profile.functions.find((entry) => entry.name === 'cgdemo::fib')).toEqual({
      name: 'cgdemo::fib',
      file: '???',
      line: 0,
      counts: [207968],
    });
    expect(profile.functions.filter((entry) => entry.file === '???')).toHaveLength(66);
  });

  it('keeps the relative file names of DWARF 5 line tables as written', () => {
    const profile = parseText(fixture('3.24-dwarf5.cachegrind.out'));
    const fib = profile.functions.find((entry) => entry.name === 'cgdemo::fib');
    expect(fib).toMatchObject({ file: 'src/main.rs', counts: [207968] });
  });

  it.each(cachegrindFixtures)('agrees with a naive reading of %s for every function', (name) => {
    const text = fixture(name);
    expect(parseText(text).functions).toEqual(referenceFunctions(text));
  });

  it('reads a file from disk in chunks', async () => {
    const path = fixturePath('3.19-v0-names.cachegrind.out');
    expect(withRows(await parseCachegrindFile(path))).toEqual(
      parseText(fixture('3.19-v0-names.cachegrind.out')),
    );
  });
});

describe('CachegrindParser chunking', () => {
  const bytes = readFileSync(fixturePath('3.19-cache-sim.cachegrind.out'));
  const whole = parseText(bytes.toString('utf8'));
  const everyN = (size: number) =>
    Array.from({ length: Math.floor((bytes.length - 1) / size) }, (_, index) => (index + 1) * size);

  it.each([1, 7, 4096])('gives the same result fed %i bytes at a time', (size) => {
    expect(parseInChunks(bytes, everyN(size))).toEqual(whole);
  });

  it('gives the same result split inside a fn= name, a count and the summary', () => {
    const text = bytes.toString('latin1');
    const insideName = text.indexOf('\nfn=<alloc') + '\nfn=<al'.length;
    const countLine = /\n(\d+ )\d{3,}/.exec(text)!;
    const insideCount = countLine.index + 1 + countLine[1]!.length + 2;
    const insideSummary = text.indexOf('summary:') + 'summ'.length;
    expect(text.slice(insideName - 6, insideName)).toBe('fn=<al');
    expect(text.slice(insideCount - 1, insideCount + 1)).toMatch(/^\d\d$/);
    const cuts = [insideName, insideCount, insideSummary].sort((a, b) => a - b);
    expect(parseInChunks(bytes, cuts)).toEqual(whole);
  });

  it('gives the same result with empty chunks and a final line without a line feed', () => {
    const trimmed = bytes.subarray(0, bytes.length - 1);
    expect(parseInChunks(trimmed, [0, 0, 10, 10])).toEqual(whole);
  });
});

describe('CachegrindParser with isOwnFile', () => {
  const RUSTC = '/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library';
  const ROOT = '/home/runner/work/demo/cgdemo';
  const isOwnFile = (rawPath: string) => rawPath.startsWith(`${ROOT}/`);
  const text = fixture('3.19-legacy-names.cachegrind.out');
  const parse = (options = {}) => {
    const parser = new CachegrindParser('own', options);
    parser.write(Buffer.from(text));
    return withRows(parser.finish());
  };
  const locationOf = (profile: ParsedProfileRows, name: string) => {
    const found = profile.functions.find((entry) => entry.name === name)!;
    return `${found.file}:${found.line}`;
  };

  it('places a function at its largest line in its own files, not at a larger inlined std line', () => {
    const before = parse();
    const after = parse({ isOwnFile });
    // std's arith.rs:105 holds 1,750 of its instructions, main.rs:20 (its largest own line) 502.
    expect(locationOf(before, 'cgdemo::generic_sum')).toBe(`${RUSTC}/core/src/ops/arith.rs:105`);
    expect(locationOf(after, 'cgdemo::generic_sum')).toBe(`${ROOT}/src/main.rs:20`);
    expect(locationOf(before, 'cgdemo::with_closure')).toBe(
      `${RUSTC}/core/src/iter/adapters/filter.rs:0`,
    );
    expect(locationOf(after, 'cgdemo::with_closure')).toBe(`${ROOT}/src/main.rs:39`);
    // A std function inlined into the crate's code: its own-file line holds 39 of 16,076.
    expect(locationOf(after, 'core::slice::sort::stable::quicksort::quicksort')).toBe(
      `${ROOT}/src/main.rs:0`,
    );
  });

  it('keeps the largest line anywhere for a function with no line in its own files', () => {
    const after = parse({ isOwnFile });
    expect(locationOf(after, 'alloc::fmt::format::format_inner')).toBe(
      `${RUSTC}/alloc/src/fmt.rs:650`,
    );
    expect(locationOf(after, 'core::fmt::write')).toBe(`${RUSTC}/core/src/fmt/mod.rs:0`);
  });

  it('changes only the locations of functions whose largest line is elsewhere but that have own lines', () => {
    const before = parse();
    const after = parse({ isOwnFile });
    expect(after.totals).toEqual(before.totals);
    expect(after.functions.map(({ name, counts }) => ({ name, counts }))).toEqual(
      before.functions.map(({ name, counts }) => ({ name, counts })),
    );
    const moved = after.functions
      .filter((entry, index) => entry.file !== before.functions[index]!.file)
      .map((entry) => entry.name);
    expect(moved).toEqual([
      '<alloc::vec::Vec<T> as alloc::vec::spec_from_iter_nested::SpecFromIterNested<T,I>>::from_iter',
      'cgdemo::main',
      'cgdemo::sort_strings',
      'core::slice::sort::stable::quicksort::quicksort',
      'cgdemo::with_closure',
      'cgdemo::generic_sum',
    ]);
  });

  it('asks once per distinct path', () => {
    const asked: string[] = [];
    parse({ isOwnFile: (rawPath: string) => asked.push(rawPath) > 0 && isOwnFile(rawPath) });
    const distinct = new Set(text.match(/^fl=.*$/gm)!.map((line) => line.slice(3)));
    expect(asked).toHaveLength(distinct.size);
    expect(new Set(asked)).toEqual(distinct);
  });

  it('ranks by own file first whichever order the lines come in', () => {
    const lines = {
      std: 'fl=/rustc/core/iter.rs\nfn=work\n9 900\n',
      own: 'fl=src/lib.rs\nfn=work\n4 10\n5 0\n',
    };
    const options = { isOwnFile: (rawPath: string) => rawPath === 'src/lib.rs' };
    for (const body of [lines.std + lines.own, lines.own + lines.std]) {
      const parser = new CachegrindParser('order', options);
      parser.write(Buffer.from(`cmd: ./bench\nevents: Ir\n${body}summary: 910\n`));
      expect(withRows(parser.finish()).functions).toEqual([
        { name: 'work', file: 'src/lib.rs', line: 4, counts: [910] },
      ]);
    }
  });

  it('gives the same result fed 7 bytes at a time', () => {
    const bytes = Buffer.from(text);
    const parser = new CachegrindParser('own', { isOwnFile });
    for (let start = 0; start < bytes.length; start += 7)
      parser.write(bytes.subarray(start, start + 7));
    expect(withRows(parser.finish())).toEqual(parse({ isOwnFile }));
  });

  it('reads a file from disk with the option', async () => {
    const path = fixturePath('3.19-legacy-names.cachegrind.out');
    expect(withRows(await parseCachegrindFile(path, { isOwnFile }))).toEqual(parse({ isOwnFile }));
  });
});

describe('CachegrindParser on hostile input', () => {
  const header = 'cmd: ./bench\nevents: Ir Dr\nfl=src/lib.rs\nfn=work\n';

  it('reads past a UTF-8 byte order mark, which an editor may add', () => {
    const text = fixture('3.24-empty.cachegrind.out');
    expect(parseText(`\ufeff${text}`)).toEqual(parseText(text));
  });

  it('refuses a line number no file has, instead of printing it as 1e+23', () => {
    expect(parseError(`${header}100000000000000000000000 1 1\nsummary: 1 1\n`).message).toBe(
      'test.cachegrind.out:5: a count line at a line beyond 4294967295, which no file has',
    );
  });

  it('refuses a count of 2^53 + 1, which it cannot hold exactly', () => {
    const huge = '9007199254740993';
    expect(parseError(`${header}3 ${huge} 1\nsummary: ${huge} 1\n`).reason).toMatch(
      /^summary: 9007199254740993 1 is not a list of at most 2 counts/,
    );
  });

  it('refuses a line longer than any valgrind writes, in time linear in its length', () => {
    expectLongLineRefused(
      new CachegrindParser('test.cachegrind.out'),
      'test.cachegrind.out:1: a line longer than 16 MiB: not Cachegrind output',
    );
  });

  it('finds each of thousands of functions again when a later fl= block names it', () => {
    // More functions than the parser first has room for, named again in reverse order.
    const names = Array.from({ length: 5000 }, (_, index) => `app::module${index % 7}::f${index}`);
    const block = (file: string, order: string[], line: number) => [
      `fl=${file}`,
      ...order.flatMap((name, index) => [`fn=${name}`, `${line} ${index + 1}`]),
    ];
    const body = [
      ...block('src/lib.rs', names, 10),
      ...block('/rustc/library/core/src/iter.rs', [...names].reverse(), 20),
    ];
    const total = 2 * ((5000 * 5001) / 2);
    const text = ['cmd: ./bench', 'events: Ir', ...body, `summary: ${total}`, ''].join('\n');
    const profile = parseText(text);
    expect(profile.functions).toHaveLength(5000);
    expect(profile.functions).toEqual(referenceFunctions(text));
    expect(profile.functions[0]).toEqual({
      name: 'app::module0::f0',
      file: '/rustc/library/core/src/iter.rs',
      line: 20,
      counts: [1 + 5000],
    });
  });

  it('decodes a name that is not valid UTF-8 as it would decode on its own', () => {
    // A cut-off two-byte sequence at the end of one name, a stray continuation byte in the next.
    const names = [Buffer.from('cut\xc3', 'latin1'), Buffer.from('\x80stray', 'latin1')];
    const bytes = Buffer.concat([
      Buffer.from('cmd: ./bench\nevents: Ir\nfl=src/lib.rs\n'),
      ...names.flatMap((name, index) => [
        Buffer.from('fn='),
        name,
        Buffer.from(`\n${index + 1} 1\n`),
      ]),
      Buffer.from('summary: 2\n'),
    ]);
    const parser = new CachegrindParser('invalid-utf8');
    parser.write(bytes);
    expect(parser.finish().functions.names).toEqual(['cut\ufffd', '\ufffdstray']);
  });

  it('tells apart names that differ only in a non-ASCII character or in length', () => {
    const text = [
      'cmd: ./bench',
      'events: Ir',
      'fl=src/lib.rs',
      ...['naïve::f', 'naive::f', 'naïve::f2', 'naïve::g', 'Ωmega', 'naïve'].flatMap(
        (name, index) => [`fn=${name}`, `${index + 1} ${index + 1}`],
      ),
      'fl=src/other.rs',
      ...['naïve::g', 'Ωmega', 'naïve::f'].flatMap((name) => [`fn=${name}`, '9 100']),
      'summary: 321',
      '',
    ].join('\n');
    const profile = parseText(text);
    expect(profile.functions.map((fn) => [fn.name, fn.counts[0]])).toEqual([
      ['naïve::f', 101],
      ['naive::f', 2],
      ['naïve::f2', 3],
      ['naïve::g', 104],
      ['Ωmega', 105],
      ['naïve', 6],
    ]);
    expect(profile.functions).toEqual(referenceFunctions(text));
  });

  it('keeps apart names that hash alike, ASCII or not, and finds each again', () => {
    // Each pair has the same 32-bit hash in the parser's table of names.
    const text = [
      'cmd: ./bench',
      'events: Ir',
      'fl=src/a.rs',
      ...['fn=f116893', '1 1', 'fn=f331200', '2 2', 'fn=é100805', '5 5', 'fn=é190200', '6 6'],
      'fl=src/b.rs',
      ...['fn=f331200', '3 30', 'fn=f116893', '4 40', 'fn=é190200', '7 70', 'fn=é100805', '8 80'],
      'summary: 234',
      '',
    ].join('\n');
    expect(parseText(text).functions).toEqual([
      { name: 'f116893', file: 'src/b.rs', line: 4, counts: [41] },
      { name: 'f331200', file: 'src/b.rs', line: 3, counts: [32] },
      { name: 'é100805', file: 'src/b.rs', line: 8, counts: [85] },
      { name: 'é190200', file: 'src/b.rs', line: 7, counts: [76] },
    ]);
  });

  it('accepts CRLF line endings with the same result', () => {
    const text = fixture('3.19-legacy-names.cachegrind.out');
    expect(parseText(text.replaceAll('\n', '\r\n'))).toEqual(parseText(text));
  });

  it('treats missing trailing counts as zero', () => {
    const profile = parseText(`${header}3 5\n4 1 2\nsummary: 6 2\n`);
    expect(profile.functions).toEqual([
      { name: 'work', file: 'src/lib.rs', line: 3, counts: [6, 2] },
    ]);
  });

  it('refuses a truncated file and says where it ends', () => {
    const text = fixture('3.19-legacy-names.cachegrind.out');
    const cut = text.slice(0, Math.floor(text.length / 2));
    const error = parseError(cut);
    expect(error.lineNumber).toBe(cut.split('\n').length);
    expect(error.message).toBe(
      `test.cachegrind.out:${cut.split('\n').length}: the file ends without a summary: line: it is truncated or corrupt`,
    );
  });

  it('refuses counts that do not add up to the summary', () => {
    const text = fixture('3.19-legacy-names.cachegrind.out').replace('\n33 87562\n', '\n');
    const summaryLine = text.split('\n').indexOf('summary: 1386674') + 1;
    expect(parseError(text).message).toBe(
      `test.cachegrind.out:${summaryLine}: summary says 1386674 Ir but the counts add up to 1299112: ` +
        'the file is truncated or corrupt',
    );
  });

  it('names the event whose total is off', () => {
    expect(parseError(`${header}3 5 7\nsummary: 5 8\n`).message).toBe(
      'test.cachegrind.out:6: summary says 8 Dr but the counts add up to 7: the file is truncated or corrupt',
    );
  });

  it.each([
    ['an empty file', '', 'test.cachegrind.out: the file is empty: no Cachegrind output'],
    [
      'a count line before any fn=',
      'cmd: ./bench\nevents: Ir\nfl=src/lib.rs\n3 5\nsummary: 5\n',
      'test.cachegrind.out:4: a count line before any fn= line',
    ],
    [
      'an fn= line before any fl=',
      'cmd: ./bench\nevents: Ir\nfn=work\n3 5\nsummary: 5\n',
      'test.cachegrind.out:3: an fn= line before any fl= line',
    ],
    [
      'data before the events: line',
      'cmd: ./bench\nfl=src/lib.rs\n',
      'test.cachegrind.out:2: a fl= line before the cmd: and events: lines: not Cachegrind output, or its start is missing',
    ],
    [
      'a non-numeric count',
      `${header}3 5 x7\nsummary: 5 7\n`,
      'test.cachegrind.out:5: malformed count line "3 5 x7": expected <line> <count>...',
    ],
    [
      'a count glued to letters',
      `${header}3 5a\nsummary: 5\n`,
      'test.cachegrind.out:5: malformed count line "3 5a": expected <line> <count>...',
    ],
    [
      'a negative count',
      `${header}3 -5\nsummary: 5\n`,
      'test.cachegrind.out:5: malformed count line "3 -5": expected <line> <count>...',
    ],
    [
      'more counts than events',
      `${header}3 5 6 7\nsummary: 5 6\n`,
      'test.cachegrind.out:5: a count line with more counts than the 2 events',
    ],
    [
      'a stray word after the last count',
      `${header}3 5 6 x\nsummary: 5 6\n`,
      'test.cachegrind.out:5: malformed count line "3 5 6 x": expected <line> <count>...',
    ],
    [
      'garbage',
      `${header}\u0000\u00ff\u0001binary\nsummary: 0 0\n`,
      'test.cachegrind.out:5: unrecognised line "\\u0000ÿ\\u0001binary": not Cachegrind output',
    ],
    [
      'an empty line',
      `${header}\nsummary: 0 0\n`,
      'test.cachegrind.out:5: an empty line: not Cachegrind output',
    ],
    [
      'a line after the summary',
      `${header}3 5\nsummary: 5 0\n4 1\n`,
      'test.cachegrind.out:7: a line after the summary: line: two files concatenated?',
    ],
    [
      'two files concatenated',
      `${header}summary: 0 0\n${header}`,
      'test.cachegrind.out:6: a line after the summary: line: two files concatenated?',
    ],
    [
      'a summary with too many counts',
      `${header}summary: 0 0 0\n`,
      'test.cachegrind.out:5: summary: 0 0 0 is not a list of at most 2 counts, one per event',
    ],
    [
      'a summary that is not numbers',
      `${header}summary: lots\n`,
      'test.cachegrind.out:5: summary: lots is not a list of at most 2 counts, one per event',
    ],
    [
      'an events: line with no event',
      'cmd: ./bench\nevents: \n',
      'test.cachegrind.out:2: an events: line that names no event',
    ],
    [
      'an event listed twice',
      'cmd: ./bench\nevents: Ir Ir\n',
      'test.cachegrind.out:2: event Ir is listed twice',
    ],
    [
      'an event name that is not a name',
      'cmd: ./bench\nevents: Ir __proto__\n',
      'test.cachegrind.out:2: "__proto__" is not an event name (letters and digits)',
    ],
    [
      'a header line among the data',
      `${header}cmd: ./other\n`,
      'test.cachegrind.out:5: a cmd: line after the data began',
    ],
  ])('refuses %s', (_, text, message) => {
    expect(parseError(text).message).toBe(message);
  });

  it.each(['3.19.callgrind.out', '3.24.callgrind.out'])(
    'recognises the Callgrind file %s and says what it reads instead',
    (name) => {
      expect(parseError(fixture(name)).message).toBe(
        'test.cachegrind.out:1: this is a Callgrind file; rust-perf reads Cachegrind output (valgrind --tool=cachegrind)',
      );
    },
  );

  it('recognises a Callgrind file without its format comment', () => {
    const text = fixture('3.19.callgrind.out').replace('# callgrind format\n', '');
    expect(parseError(text).message).toBe(
      'test.cachegrind.out:1: this is a Callgrind file; rust-perf reads Cachegrind output (valgrind --tool=cachegrind)',
    );
  });

  it('recognises a profile document and says which command reads it', () => {
    const document = readFileSync(
      new URL('../fixtures/profiles/textbench-real-base.json', import.meta.url),
      'utf8',
    );
    expect(parseError(document).message).toBe(
      'test.cachegrind.out:1: this is JSON (a profile.json?), not Cachegrind output; `rust-perf compare` reads profile documents',
    );
  });

  it('refuses totals too large to add up exactly', () => {
    const huge = '9007199254740993';
    expect(parseError(`${header}3 ${huge}\nsummary: ${huge}\n`).message).toBe(
      `test.cachegrind.out:6: summary: ${huge} is not a list of at most 2 counts, one per event`,
    );
    expect(
      parseError(`${header}3 9007199254740991\n4 9007199254740991\nsummary: 1\n`).message,
    ).toBe('test.cachegrind.out:7: the Ir counts add up to more than rust-perf can count exactly');
  });

  it('reports a missing file as an input error', async () => {
    await expect(parseCachegrindFile(fixturePath('missing.cachegrind.out'))).rejects.toThrow(
      `cannot read ${fixturePath('missing.cachegrind.out')}: no such file`,
    );
  });
});
