import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FunctionColumns,
  isOwnFile,
  normaliseColumns,
  normaliseName,
  normalisePath,
  normaliseProfile,
  parserOptions,
  rawProfile,
} from '../../src/measure/normalise.js';
import { CachegrindParser, type ParsedProfile } from '../../src/measure/parse.js';
import { fromRows, type ParsedProfileRows, withRows } from '../support/parsed-functions.js';

const workspaceRoot = '/home/runner/work/demo/cgdemo';

function parseFixture(name: string): ParsedProfile {
  const parser = new CachegrindParser(name);
  parser.write(readFileSync(new URL(`../fixtures/cachegrind/${name}`, import.meta.url)));
  return parser.finish();
}

function cgdemoFunctions(name: string) {
  const profile = normaliseProfile(parseFixture(name), { workspaceRoot });
  return profile.functions
    .filter((entry) => entry.name.includes('cgdemo'))
    .map((entry) => [entry.name, entry.counts.Ir]);
}

describe('normaliseName', () => {
  it.each([
    ['cgdemo::fib::h2d19f6d8871ce37d', 'cgdemo::fib'],
    ['_ZN6cgdemo3fib17hf1d105d303cfa4ccE', '_ZN6cgdemo3fibE'],
    [
      '_ZN9hashbrown3raw21RawTable$LT$T$C$A$GT$14reserve_rehash17haf9245e860283ccaE.llvm.8844601893701855230',
      '_ZN9hashbrown3raw21RawTable$LT$T$C$A$GT$14reserve_rehashE',
    ],
    [
      'hashbrown::raw::RawTable<T,A>::reserve_rehash.llvm.13248032061459733998',
      'hashbrown::raw::RawTable<T,A>::reserve_rehash',
    ],
    ['cgdemo[5d2fd4ef8f7d4a0b]::fib', 'cgdemo::fib'],
    [
      '<std[8f1c2b3a4d5e6f70]::io::Stdout as std[8f1c2b3a4d5e6f70]::io::Write>::write_fmt',
      '<std::io::Stdout as std::io::Write>::write_fmt',
    ],
    ['<&[u8] as cgdemo[5d2fd4ef8f7d4a0b]::Parse>::parse', '<&[u8] as cgdemo::Parse>::parse'],
    ['__libc_start_main@@GLIBC_2.34', '__libc_start_main'],
    ['_IO_file_fopen@GLIBC_2.2.5', '_IO_file_fopen'],
  ])('%s → %s', (raw, normalised) => {
    expect(normaliseName(raw)).toBe(normalised);
  });

  it.each([
    'cgdemo::generic_sum::<f64>',
    '<&[f64] as core::fmt::Debug>::fmt',
    'core::slice::<impl [u8]>::copy_from_slice',
    '<[abc] as Foo>::bar',
    'table[index]::get',
    '[5d2fd4ef8f7d4a0b]::fib',
    'main::hot',
    '(below main)',
    '???',
    'core::fmt::num::imp::<impl core::fmt::Display for u64>::fmt',
    'hash::h0123',
  ])('leaves %s alone', (name) => {
    expect(normaliseName(name)).toBe(name);
  });
});

describe('normalisePath', () => {
  const options = { workspaceRoot };

  it.each([
    [
      '/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/cmp.rs',
      '/rustc/library/core/src/cmp.rs',
    ],
    [
      '/home/runner/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.219/src/de/mod.rs',
      '[registry]/serde-1.0.219/src/de/mod.rs',
    ],
    [
      '/usr/local/cargo/registry/src/github.com-1ecc6299db9ec823/libc-0.2.150/src/lib.rs',
      '[registry]/libc-0.2.150/src/lib.rs',
    ],
    [
      '/usr/share/cargo/registry/criterion-0.3.6/src/bencher.rs',
      '[registry]/criterion-0.3.6/src/bencher.rs',
    ],
    ['/home/runner/work/demo/cgdemo/vendor/memchr/src/memchr.rs', '[vendor]/memchr/src/memchr.rs'],
    ['/srv/vendor/serde-1.0.219/src/de/mod.rs', '[vendor]/serde-1.0.219/src/de/mod.rs'],
    // A module of the crate's own that happens to be called vendor.
    ['/home/runner/work/demo/cgdemo/src/vendor/sha.rs', 'src/vendor/sha.rs'],
    [
      '/home/runner/.cargo/git/checkouts/regex-9f7c4d2e1b3a5c6d/2f3e4a1/regex-automata/src/dfa.rs',
      '[git]/regex/regex-automata/src/dfa.rs',
    ],
    ['/home/runner/work/demo/cgdemo/src/main.rs', 'src/main.rs'],
    ['/home/runner/work/demo/cgdemo/benches/parse.rs', 'benches/parse.rs'],
    [
      '/home/runner/work/demo/cgdemo-other/src/main.rs',
      '/home/runner/work/demo/cgdemo-other/src/main.rs',
    ],
    ['src/main.rs', 'src/main.rs'],
    ['./csu/../csu/libc-start.c', './csu/../csu/libc-start.c'],
    ['???', '???'],
    ['/rustc/59807616/library/core/src/cmp.rs', '/rustc/59807616/library/core/src/cmp.rs'],
  ])('%s → %s', (raw, normalised) => {
    expect(normalisePath(raw, options)).toBe(normalised);
  });

  it('accepts a workspace root with a trailing slash', () => {
    expect(
      normalisePath(`${workspaceRoot}/src/lib.rs`, { workspaceRoot: `${workspaceRoot}/` }),
    ).toBe('src/lib.rs');
  });
});

describe('isOwnFile', () => {
  it.each([
    [`${workspaceRoot}/src/main.rs`, true],
    // rust-perf's --remap-path-prefix=<root>= makes the workspace's paths relative.
    ['src/parse.rs', true],
    ['crates/core/src/lib.rs', true],
    ['./string/../sysdeps/x86_64/multiarch/memmove-vec-unaligned-erms.S', false],
    ['???', false],
    ['', false],
    [`${workspaceRoot}-other/src/main.rs`, false],
    ['/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/iter/range.rs', false],
    // A CARGO_HOME inside the workspace still holds dependencies, not the user's code.
    [
      `${workspaceRoot}/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/memchr-2.7.4/src/lib.rs`,
      false,
    ],
    [`${workspaceRoot}/.cargo/git/checkouts/fork-0123456789abcdef/a1b2c3d/src/lib.rs`, false],
    // Vendored and Debian-packaged dependencies are dependencies too.
    [`${workspaceRoot}/vendor/memchr/src/memchr.rs`, false],
    ['/usr/share/cargo/registry/criterion-0.3.6/src/bencher.rs', false],
    [`${workspaceRoot}/src/vendor/sha.rs`, true],
  ])('%s is own: %s', (raw, own) => {
    expect(isOwnFile(raw, { workspaceRoot })).toBe(own);
    expect(parserOptions({ workspaceRoot }).isOwnFile!(raw)).toBe(own);
  });

  it('takes no absolute path as own with an empty workspace root', () => {
    expect(isOwnFile('/src/main.rs', { workspaceRoot: '' })).toBe(false);
    expect(isOwnFile('src/main.rs', { workspaceRoot: '' })).toBe(true);
  });
});

describe('normaliseProfile', () => {
  it('gives legacy, v0 and undemangled names of the same program their expected forms', () => {
    expect(cgdemoFunctions('3.19-legacy-names.cachegrind.out')).toEqual([
      ['cgdemo::fib', 207968],
      ['cgdemo::hashmap_work', 24373],
      ['cgdemo::with_closure', 10016],
      ['cgdemo::sort_strings', 5041],
      ['cgdemo::main', 4264],
      ['cgdemo::generic_sum', 3163],
      ['<cgdemo::Square as cgdemo::Shape>::area', 3],
    ]);
    expect(cgdemoFunctions('3.19-v0-names.cachegrind.out')).toEqual([
      ['cgdemo::fib', 207968],
      ['cgdemo::hashmap_work', 24352],
      [
        '<alloc::vec::Vec<alloc::string::String> as alloc::vec::spec_from_iter_nested::SpecFromIterNested<alloc::string::String, core::iter::adapters::map::Map<core::ops::range::Range<usize>, cgdemo::sort_strings::{closure#0}>>>::from_iter',
        13056,
      ],
      ['cgdemo::with_closure', 10016],
      ['cgdemo::sort_strings', 5041],
      ['cgdemo::main', 4264],
      ['cgdemo::generic_sum::<u64>', 1772],
      ['cgdemo::generic_sum::<f64>', 1391],
      ['<cgdemo::Square as cgdemo::Shape>::area', 3],
    ]);
    expect(cgdemoFunctions('3.19-no-demangle.cachegrind.out')).toEqual([
      ['_ZN6cgdemo3fibE', 207968],
      ['_ZN6cgdemo12hashmap_workE', 24424],
      ['_ZN6cgdemo12with_closureE', 10016],
      ['_ZN6cgdemo12sort_stringsE', 5041],
      ['_ZN6cgdemo4mainE', 4264],
      ['_ZN6cgdemo11generic_sumE', 3163],
      ['_ZN48_$LT$cgdemo..Square$u20$as$u20$cgdemo..Shape$GT$4areaE', 3],
    ]);
  });

  it('sums the two generic_sum instantiations that legacy names make indistinguishable', () => {
    const parsed = parseFixture('3.19-no-demangle.cachegrind.out');
    const instantiations = withRows(parsed).functions.filter((entry) =>
      entry.name.startsWith('_ZN6cgdemo11generic_sum17h'),
    );
    expect(instantiations.map((entry) => entry.counts)).toEqual([[1391], [1772]]);
    const merged = normaliseProfile(parsed, { workspaceRoot }).functions.filter((entry) =>
      entry.name.startsWith('_ZN6cgdemo11generic_sum'),
    );
    expect(merged).toEqual([
      {
        name: '_ZN6cgdemo11generic_sumE',
        file: '/rustc/library/core/src/ops/arith.rs',
        line: 105,
        counts: { Ir: 3163 },
      },
    ]);
  });

  it('merges a versioned symbol with its unversioned namesake, keeping the hotter location', () => {
    const memcpy = normaliseProfile(parseFixture('3.19-legacy-names.cachegrind.out'), {
      workspaceRoot,
    }).functions.filter((entry) => entry.name.startsWith('memcpy'));
    expect(memcpy).toEqual([
      {
        name: 'memcpy',
        file: './string/../sysdeps/x86_64/multiarch/memmove-vec-unaligned-erms.S',
        line: 225,
        counts: { Ir: 46 + 646 },
      },
    ]);
  });

  it('sums every event on a collision and keeps the location of the larger primary count, whichever comes first', () => {
    const functions = [
      { name: 'f::h0000000000000001', file: '/w/src/a.rs', line: 3, counts: [10, 1, 7] },
      { name: 'g', file: '/w/src/g.rs', line: 1, counts: [5, 5, 5] },
      { name: 'f::h0000000000000002', file: '/w/src/b.rs', line: 9, counts: [30, 2, 0] },
      { name: 'f::h0000000000000003', file: '/w/src/c.rs', line: 4, counts: [30, 0, 1] },
    ];
    const parsed: ParsedProfileRows = {
      command: './bench',
      events: ['Ir', 'Dr', 'Dw'],
      totals: [75, 8, 13],
      functions,
    };
    const expected = {
      events: ['Ir', 'Dr', 'Dw'],
      totals: { Ir: 75, Dr: 8, Dw: 13 },
      functions: [
        { name: 'f', file: 'src/b.rs', line: 9, counts: { Ir: 70, Dr: 3, Dw: 8 } },
        { name: 'g', file: 'src/g.rs', line: 1, counts: { Ir: 5, Dr: 5, Dw: 5 } },
      ],
    };
    expect(normaliseProfile(fromRows(parsed), { workspaceRoot: '/w' })).toEqual(expected);
    const reversed = fromRows({ ...parsed, functions: [...functions].reverse() });
    expect(normaliseProfile(reversed, { workspaceRoot: '/w' }).functions[0]).toEqual({
      name: 'f',
      file: 'src/c.rs',
      line: 4,
      counts: { Ir: 70, Dr: 3, Dw: 8 },
    });
  });

  it('keeps the location of a merged function in the workspace over a larger one outside it', () => {
    const functions = [
      { name: 'f::h0000000000000001', file: '/rustc/core/iter.rs', line: 3, counts: [90] },
      { name: 'f::h0000000000000002', file: '/w/src/a.rs', line: 9, counts: [10] },
      { name: 'f::h0000000000000003', file: 'src/b.rs', line: 4, counts: [20] },
      { name: 'f::h0000000000000004', file: './string/memcpy.S', line: 5, counts: [80] },
    ];
    const parsed: ParsedProfileRows = {
      command: './bench',
      events: ['Ir'],
      totals: [200],
      functions,
    };
    for (const order of [functions, [...functions].reverse()]) {
      expect(
        normaliseProfile(fromRows({ ...parsed, functions: order }), { workspaceRoot: '/w' })
          .functions,
      ).toEqual([{ name: 'f', file: 'src/b.rs', line: 4, counts: { Ir: 200 } }]);
    }
  });

  it('merges a name as written with one that normalisation turns into it, in either order', () => {
    const functions = [
      { name: 'f', file: '/w/src/a.rs', line: 3, counts: [5] },
      { name: 'g', file: '/w/src/g.rs', line: 1, counts: [1] },
      { name: 'f::h0123456789abcdef', file: '/w/src/b.rs', line: 9, counts: [7] },
    ];
    const parsed: ParsedProfileRows = {
      command: './bench',
      events: ['Ir'],
      totals: [13],
      functions,
    };
    for (const order of [functions, [...functions].reverse()]) {
      expect(
        normaliseProfile(fromRows({ ...parsed, functions: order }), { workspaceRoot: '/w' })
          .functions,
      ).toEqual([
        { name: 'f', file: 'src/b.rs', line: 9, counts: { Ir: 12 } },
        { name: 'g', file: 'src/g.rs', line: 1, counts: { Ir: 1 } },
      ]);
    }
  });

  it('sorts by the primary count, largest first, then by name', () => {
    const parsed = fromRows({
      command: './bench',
      events: ['Ir'],
      totals: [12],
      functions: ['b', 'c', 'a', 'd'].map((name, index) => ({
        name,
        file: '???',
        line: 0,
        counts: [index === 3 ? 6 : 2],
      })),
    });
    expect(normaliseProfile(parsed, { workspaceRoot: '/w' }).functions.map((f) => f.name)).toEqual([
      'd',
      'a',
      'b',
      'c',
    ]);
  });

  it('keeps the totals and every event of a multi-event profile', () => {
    const profile = normaliseProfile(parseFixture('3.19-branch-sim.cachegrind.out'), {
      workspaceRoot: '/home/runner/work/demo/slow',
    });
    expect(profile.totals).toEqual({ Ir: 1144857, Bc: 144148, Bcm: 8450, Bi: 14620, Bim: 374 });
    const sum = (event: string) =>
      profile.functions.reduce((total, entry) => total + (entry.counts[event] ?? 0), 0);
    expect(profile.events.map(sum)).toEqual([1144857, 144148, 8450, 14620, 374]);
  });
});

describe('normaliseColumns', () => {
  it('gives what normaliseProfile gives, as columns in the order the file first names each function', () => {
    const parsed = parseFixture('3.19-legacy-names.cachegrind.out');
    const columns = normaliseColumns(parsed, { workspaceRoot });
    const sorted = normaliseProfile(parsed, { workspaceRoot });
    expect(columns.functions).toBeInstanceOf(FunctionColumns);
    expect(columns.functions.names).toEqual([
      ...new Set(parsed.functions.names.map(normaliseName)),
    ]);
    expect(columns.functions.names).not.toEqual(sorted.functions.map((entry) => entry.name));
    const profiles = Array.from({ length: columns.functions.length }, (_, index) =>
      columns.functions.profile(index),
    );
    const byName = (functions: typeof profiles) =>
      [...functions].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(byName(profiles)).toEqual(byName(sorted.functions));
    expect({ events: columns.events, totals: columns.totals }).toEqual({
      events: sorted.events,
      totals: sorted.totals,
    });
  });

  /** The columns' every function and totals, and whether they keep the names as bytes. */
  function columnsOf(parsed: Parameters<typeof normaliseColumns>[0]) {
    const columns = normaliseColumns(parsed, { workspaceRoot });
    const { functions } = columns;
    return {
      events: columns.events,
      totals: columns.totals,
      distinctNames: functions.distinctNames,
      functions: Array.from({ length: functions.length }, (_, index) => functions.profile(index)),
      names: functions.names,
      keptAsBytes: functions.encodedNames !== undefined,
    };
  }

  function parseUndecoded(text: string) {
    const parser = new CachegrindParser('profile.cachegrind.out');
    parser.write(Buffer.from(text));
    return parser.finishUndecoded();
  }

  it.each([
    ['3.19-legacy-names.cachegrind.out', false],
    ['3.19-v0-names.cachegrind.out', false],
    ['3.19-no-demangle.cachegrind.out', false],
    ['3.24-dwarf5.cachegrind.out', false],
    ['3.24-client-request.cachegrind.out', true],
  ])(
    'gives the same columns for %s from names still bytes, keeping them bytes: %s',
    (name, kept) => {
      const parser = new CachegrindParser(name);
      parser.write(readFileSync(new URL(`../fixtures/cachegrind/${name}`, import.meta.url)));
      const undecoded = parser.finishUndecoded();
      const fromBytes = columnsOf(undecoded);
      expect(fromBytes).toEqual({ ...columnsOf(parseFixture(name)), keptAsBytes: kept });
    },
  );

  it.each([
    'app::run::h0123456789abcdef',
    'memcpy@@GLIBC_2.14',
    'app::run.llvm.123',
    'app[5d2fd4ef8f7d4a0b]::run',
    '_ZN3app3run17h0123456789abcdefE',
  ])(
    'gives a name normalisation changes, %s, in place of its bytes, unless it merges functions',
    (changed) => {
      /** A profile of `names` and 30 others, one count line each. */
      const profileOf = (...names: string[]) => {
        const all = [...names, ...Array.from({ length: 30 }, (_, index) => `app::f${index}`)];
        return [
          'cmd: ./app',
          'events: Ir',
          'fl=src/lib.rs',
          ...all.flatMap((name, index) => [`fn=${name}`, `${index + 1} ${index + 1}`]),
          `summary: ${(all.length * (all.length + 1)) / 2}`,
          '',
        ].join('\n');
      };
      const decoded = (text: string) => {
        const parser = new CachegrindParser('profile.cachegrind.out');
        parser.write(Buffer.from(text));
        return columnsOf(parser.finish());
      };
      // One changed name among 31: kept as bytes, the changed one given as its string.
      const oneChanged = profileOf('<&[u8] as app::Read>::read', changed);
      expect(columnsOf(parseUndecoded(oneChanged))).toEqual({
        ...decoded(oneChanged),
        keptAsBytes: true,
      });
      // Its normalised name is another function's: the two are merged, from decoded names.
      const merging = profileOf('app::run', changed, normaliseName(changed));
      expect(columnsOf(parseUndecoded(merging))).toEqual({
        ...decoded(merging),
        keptAsBytes: false,
      });
      // Two changed names that become one: merged too.
      const twoMerging = profileOf(changed, 'memcpy@GLIBC_2.2.5', 'memcpy@@GLIBC_2.14');
      expect(columnsOf(parseUndecoded(twoMerging))).toEqual({
        ...decoded(twoMerging),
        keptAsBytes: false,
      });
      // One changed name among three: decoded together.
      const most = profileOf(changed).split('\n').slice(0, 9).join('\n');
      const few = `${most}\nsummary: 6\n`;
      expect(columnsOf(parseUndecoded(few))).toEqual({ ...decoded(few), keptAsBytes: false });
    },
  );

  it('keeps names bytes when no tell-tale of normalisation is where it would match', () => {
    const names = ['<&[u8] as app::Read>::read', 'f@(x)', 'a.llvm.b', 'h', 'vec[g0]x', '[ab]'];
    const text = [
      'cmd: ./app',
      'events: Ir',
      'fl=src/lib.rs',
      ...names.flatMap((name, index) => [`fn=${name}`, `${index + 1} 1`]),
      `summary: ${names.length}`,
      '',
    ].join('\n');
    const fromBytes = columnsOf(parseUndecoded(text));
    expect(fromBytes.keptAsBytes).toBe(true);
    expect(fromBytes.names).toEqual(names);
  });

  it('reads each function by index, and any event as a column', () => {
    const parsed = parseFixture('3.19-branch-sim.cachegrind.out');
    const { functions } = normaliseColumns(parsed, { workspaceRoot });
    const sorted = normaliseProfile(parsed, { workspaceRoot }).functions;
    const index = functions.names.indexOf(sorted[0]!.name);
    expect({
      name: functions.name(index),
      file: functions.file(index),
      line: functions.line(index),
      counts: { Ir: functions.countsOf('Ir')[index], Bcm: functions.countsOf('Bcm')[index] },
    }).toEqual({
      name: sorted[0]!.name,
      file: sorted[0]!.file,
      line: sorted[0]!.line,
      counts: { Ir: sorted[0]!.counts.Ir, Bcm: sorted[0]!.counts.Bcm },
    });
    const bcm = Array.from(functions.countsOf('Bcm'));
    expect(bcm).toHaveLength(functions.length);
    expect(bcm.reduce((total, count) => total + count, 0)).toBe(8450);
    expect(Array.from(functions.countsOf('Dr'))).toEqual(new Array(functions.length).fill(0));
  });
});

describe('rawProfile', () => {
  it('keeps names and paths exactly as written, in the same order as normaliseProfile', () => {
    const parsed = parseFixture('3.24-client-request.cachegrind.out');
    expect(rawProfile(parsed)).toEqual({
      events: ['Ir'],
      totals: { Ir: 800028 },
      functions: [
        {
          name: 'main::hot',
          file: '/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/num/uint_macros.rs',
          line: 2533,
          counts: { Ir: 800013 },
        },
        {
          name: 'main::main',
          file: '/home/runner/work/demo/creq/main.rs',
          line: 7,
          counts: { Ir: 15 },
        },
      ],
    });
  });
});
