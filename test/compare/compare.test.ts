import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { parseComparison } from '../../src/compare/read-comparison.js';
import { InputError } from '../../src/errors.js';
import { parseLimits } from '../../src/inputs/limits-file.js';
import { EncodedNames } from '../../src/measure/encoded-names.js';
import {
  FunctionColumns,
  type NormalisedColumns,
  normaliseColumns,
} from '../../src/measure/normalise.js';
import { CachegrindParser, withDecodedNames } from '../../src/measure/parse.js';
import type {
  BenchmarkProfile,
  ComparableDocument,
  FunctionProfile,
  ProfileDocument,
} from '../../src/profile/profile.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { benchmark, document, FINGERPRINT, fixtureProfile } from './documents.js';

const DEFAULTS = { threshold: 0.01, functionThreshold: 0.001 };

function compareTotals(base: number, head: number, threshold = 0.01) {
  return compareProfiles(
    document([benchmark('parse', {}, { total: base })]),
    document([benchmark('parse', {}, { total: head })]),
    { threshold, functionThreshold: 0.001 },
  ).benchmarks[0]!;
}

describe('compareProfiles: benchmarks', () => {
  it('regresses only above the threshold: exactly 1% more is unchanged, one instruction more is not', () => {
    expect(compareTotals(1_000_000, 1_010_000)).toMatchObject({ status: 'unchanged', change: 1 });
    expect(compareTotals(1_000_000, 1_010_001)).toMatchObject({
      status: 'regressed',
      change: 1.0001,
    });
    expect(compareTotals(1_000_000, 990_000)).toMatchObject({ status: 'unchanged', change: -1 });
    expect(compareTotals(1_000_000, 989_999)).toMatchObject({
      status: 'improved',
      change: -1.0001,
    });
  });

  it('decides at the threshold in exact arithmetic, where 0.29 × 100 is 28.999999999999996 in floating point', () => {
    expect(compareTotals(100, 129, 0.29).status).toBe('unchanged');
    expect(compareTotals(100, 130, 0.29).status).toBe('regressed');
    expect(compareTotals(8_000_000_000_000_000, 8_080_000_000_000_000).status).toBe('unchanged');
    expect(compareTotals(8_000_000_000_000_000, 8_080_000_000_000_001).status).toBe('regressed');
  });

  it('treats a zero base total as growth from nothing, with no percent change', () => {
    expect(compareTotals(0, 0)).toMatchObject({
      status: 'unchanged',
      base: 0,
      head: 0,
      change: null,
    });
    expect(compareTotals(0, 5)).toMatchObject({
      status: 'regressed',
      base: 0,
      head: 5,
      change: null,
    });
  });

  it('reports benchmarks present on one side only as added or removed, after the matched ones', () => {
    const comparison = compareProfiles(
      document([benchmark('parse', { a: 10 }), benchmark('tokenize', { t: 40, u: 2 })]),
      document([benchmark('report', { r: 1_000, s: 1 }), benchmark('parse', { a: 10 })]),
      DEFAULTS,
    );
    expect(comparison.regressed).toBe(false);
    expect(
      comparison.benchmarks.map(({ name, status, base, head, change }) => ({
        name,
        status,
        base,
        head,
        change,
      })),
    ).toEqual([
      { name: 'parse', status: 'unchanged', base: 10, head: 10, change: 0 },
      { name: 'tokenize', status: 'removed', base: 42, head: null, change: null },
      { name: 'report', status: 'added', base: null, head: 1_001, change: null },
    ]);
    // An added benchmark's functions are weighed against its head total: 1 of 1,001 is 0.0999%.
    expect(
      comparison.benchmarks[2]?.functions.map(({ name, status, significant }) => ({
        name,
        status,
        significant,
      })),
    ).toEqual([
      { name: 'r', status: 'added', significant: true },
      { name: 's', status: 'added', significant: false },
    ]);
    expect(
      comparison.benchmarks[1]?.functions.map(({ name, status, base, head, change }) => ({
        name,
        status,
        base,
        head,
        change,
      })),
    ).toEqual([
      { name: 't', status: 'removed', base: 40, head: 0, change: -100 },
      { name: 'u', status: 'removed', base: 2, head: 0, change: -100 },
    ]);
  });

  it('carries the other recorded events along', () => {
    const comparison = compareProfiles(
      document([benchmark('parse', { a: 10 }, { otherEvents: { Dr: 4, Dw: 2 } })]),
      document([benchmark('parse', { a: 10 }, { otherEvents: { Dr: 5 } })]),
      DEFAULTS,
    );
    expect(comparison.benchmarks[0]?.otherEvents).toEqual({
      Dr: { base: 4, head: 5 },
      Dw: { base: 2, head: null },
    });
  });

  it('falls back to the first event every benchmark shares when one lacks Ir, and refuses when none is shared', () => {
    const withEvents = (events: string[]) => {
      const profile = document([benchmark('parse', { a: 1 })]);
      const only = profile.benchmarks[0]!;
      only.events = events;
      only.totals = Object.fromEntries(events.map((event) => [event, 7]));
      only.functions[0]!.counts = Object.fromEntries(events.map((event) => [event, 7]));
      return profile;
    };
    expect(compareProfiles(withEvents(['Dr', 'Ir']), withEvents(['Dr']), DEFAULTS).event).toBe(
      'Dr',
    );
    expect(() => compareProfiles(withEvents(['Ir']), withEvents(['Dr']), DEFAULTS)).toThrow(
      InputError,
    );
  });
});

describe('compareProfiles: functions', () => {
  it('lists every changed function by |delta| then name, significant from the function threshold of the base total on', () => {
    const comparison = compareProfiles(
      document([benchmark('parse', { a: 500_000, b: 300_000, c: 200_000, same: 0 })]),
      document([benchmark('parse', { a: 501_000, b: 299_001, c: 201_000, same: 0 })]),
      DEFAULTS,
    );
    expect(comparison.benchmarks[0]?.functions).toEqual([
      {
        name: 'a',
        file: 'src/parse.rs',
        line: 1,
        base: 500_000,
        head: 501_000,
        delta: 1_000,
        change: 0.2,
        status: 'regressed',
        significant: true,
      },
      {
        name: 'c',
        file: 'src/parse.rs',
        line: 3,
        base: 200_000,
        head: 201_000,
        delta: 1_000,
        change: 0.5,
        status: 'regressed',
        significant: true,
      },
      {
        name: 'b',
        file: 'src/parse.rs',
        line: 2,
        base: 300_000,
        head: 299_001,
        delta: -999,
        change: -0.333,
        status: 'unchanged',
        significant: false,
      },
    ]);
  });

  it('reaches the function threshold in exact arithmetic, where 0.07 × 100 is 7.000000000000001 in floating point', () => {
    const comparison = compareProfiles(
      document([benchmark('parse', { a: 50, b: 50 })]),
      document([benchmark('parse', { a: 57, b: 50 })]),
      { threshold: 0.5, functionThreshold: 0.07 },
    );
    expect(comparison.benchmarks[0]?.functions[0]).toMatchObject({
      name: 'a',
      status: 'regressed',
      significant: true,
    });
  });

  it('reports functions on one side only as added or removed, with a null change for the added', () => {
    const comparison = compareProfiles(
      document([benchmark('parse', { kept: 1_000, gone: 30 })]),
      document([benchmark('parse', { kept: 1_000, fresh: 20 })]),
      DEFAULTS,
    );
    expect(
      comparison.benchmarks[0]?.functions.map(
        ({ name, base, head, change, status, significant }) => ({
          name,
          base,
          head,
          change,
          status,
          significant,
        }),
      ),
    ).toEqual([
      { name: 'gone', base: 30, head: 0, change: -100, status: 'removed', significant: true },
      { name: 'fresh', base: 0, head: 20, change: null, status: 'added', significant: true },
    ]);
  });

  it('never calls a nondeterministic function significant, whichever side lists it', () => {
    const comparison = compareProfiles(
      document([
        benchmark(
          'hash',
          { entry: 1_210_334, write: 880_120, count: 700_000 },
          { nondeterministic: ['entry'] },
        ),
      ]),
      document([
        benchmark(
          'hash',
          { entry: 1_231_998, write: 880_980, count: 700_000 },
          { nondeterministic: ['write'] },
        ),
      ]),
      DEFAULTS,
    );
    expect(
      comparison.benchmarks[0]?.functions.map(({ name, status, significant }) => ({
        name,
        status,
        significant,
      })),
    ).toEqual([
      { name: 'entry', status: 'noisy', significant: false },
      { name: 'write', status: 'noisy', significant: false },
    ]);
  });

  it('adds up the counts of a name listed twice', () => {
    const base = document([benchmark('parse', { a: 10 })]);
    base.benchmarks[0]!.functions.push({
      name: 'a',
      file: 'src/other.rs',
      line: 9,
      counts: { Ir: 30 },
    });
    const comparison = compareProfiles(base, document([benchmark('parse', { a: 50 })]), DEFAULTS);
    expect(comparison.benchmarks[0]?.functions[0]).toMatchObject({
      name: 'a',
      base: 40,
      head: 50,
      delta: 10,
    });
  });

  it('sees cost that moved between functions by inlining as moved, not as a regression and an improvement', () => {
    const comparison = compareProfiles(
      fixtureProfile('textbench-base'),
      fixtureProfile('textbench-head'),
      DEFAULTS,
    );
    const format = comparison.benchmarks.find((candidate) => candidate.name === 'format');
    expect(format?.status).toBe('unchanged');
    expect(format?.functions).toEqual([
      {
        name: 'textbench::format::render_report',
        file: 'src/format.rs',
        line: 27,
        base: 300_000,
        head: 1_103_200,
        delta: 803_200,
        change: 267.7333,
        status: 'unchanged',
        significant: false,
        movedFrom: ['textbench::format::render_record'],
      },
      {
        name: 'textbench::format::render_record',
        file: 'src/format.rs',
        line: 12,
        base: 800_000,
        head: 0,
        delta: -800_000,
        change: -100,
        status: 'removed',
        significant: false,
        movedTo: ['textbench::format::render_report'],
      },
      {
        name: '<u64 as core::fmt::Display>::fmt',
        file: '/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/core/src/fmt/num.rs',
        line: 208,
        base: 410_000,
        head: 410_700,
        delta: 700,
        change: 0.1707,
        status: 'unchanged',
        significant: false,
      },
    ]);
  });

  it('pairs each loss with the closest gain and leaves gains more than 5% away alone', () => {
    const comparison = compareProfiles(
      document([
        benchmark('format', { inlined: 800_000, near: 100_000, far: 100_000, rest: 9_000_000 }),
      ]),
      document([benchmark('format', { near: 880_000, far: 190_000, rest: 8_930_000 })]),
      DEFAULTS,
    );
    const functions = comparison.benchmarks[0]?.functions ?? [];
    expect(comparison.benchmarks[0]?.status).toBe('unchanged');
    expect(
      functions.map(({ name, status, significant, movedTo, movedFrom }) => ({
        name,
        status,
        significant,
        movedTo,
        movedFrom,
      })),
    ).toEqual([
      {
        name: 'inlined',
        status: 'removed',
        significant: false,
        movedTo: ['near'],
        movedFrom: undefined,
      },
      {
        name: 'near',
        status: 'unchanged',
        significant: false,
        movedTo: undefined,
        movedFrom: ['inlined'],
      },
      {
        name: 'far',
        status: 'regressed',
        significant: true,
        movedTo: undefined,
        movedFrom: undefined,
      },
      {
        name: 'rest',
        status: 'improved',
        significant: true,
        movedTo: undefined,
        movedFrom: undefined,
      },
    ]);
  });

  it('claims no move when the benchmark total changed: the regression is reported as it is', () => {
    const comparison = compareProfiles(
      document([benchmark('format', { inlined: 800_000, caller: 300_000, other: 100_000 })]),
      document([benchmark('format', { caller: 1_103_200, other: 200_000 })]),
      DEFAULTS,
    );
    expect(comparison.benchmarks[0]?.status).toBe('regressed');
    expect(
      comparison.benchmarks[0]?.functions.map(({ name, status, movedTo, movedFrom }) => ({
        name,
        status,
        movedTo,
        movedFrom,
      })),
    ).toEqual([
      { name: 'caller', status: 'regressed', movedTo: undefined, movedFrom: undefined },
      { name: 'inlined', status: 'removed', movedTo: undefined, movedFrom: undefined },
      { name: 'other', status: 'regressed', movedTo: undefined, movedFrom: undefined },
    ]);
  });
});

/**
 * The document with every benchmark's functions as columns, as a raw Cachegrind input has them
 * (`distinctNames` as normalisation gives them), in the order `order` puts them.
 */
function asColumns(
  profile: ProfileDocument,
  order: (functions: FunctionProfile[]) => FunctionProfile[] = (functions) => functions,
): ComparableDocument {
  const columns = ({ events, functions: inFileOrder }: BenchmarkProfile) => {
    const functions = order(inFileOrder);
    return new FunctionColumns(
      events,
      functions.map((fn) => fn.name),
      functions.map((fn) => fn.file),
      Float64Array.from(functions, (fn) => fn.line),
      Float64Array.from(functions.flatMap((fn) => events.map((event) => fn.counts[event]!))),
      new Set(functions.map((fn) => fn.name)).size === functions.length,
    );
  };
  return {
    ...profile,
    benchmarks: profile.benchmarks.map((bench) => ({ ...bench, functions: columns(bench) })),
  };
}

/**
 * The columns document with its names as bytes, as a raw Cachegrind input keeps them, hashed by
 * `hash`: a hash that many names share makes the pairing confirm every candidate by its bytes.
 */
function withEncodedNames(
  profile: ComparableDocument,
  hash: (name: string) => number,
): ComparableDocument {
  const encoded = (functions: FunctionColumns) => {
    const { names } = functions;
    const bytes = Buffer.from(names.map((name) => `${name}\n`).join(''));
    const starts = new Int32Array(names.length + 1);
    names.forEach((name, index) => {
      starts[index + 1] = starts[index]! + Buffer.byteLength(name) + 1;
    });
    const { events, files, lines, counts, distinctNames } = functions;
    const byteNames = new EncodedNames(bytes, starts, Int32Array.from(names, hash));
    return new FunctionColumns(events, byteNames, files, lines, counts, distinctNames);
  };
  return {
    ...profile,
    benchmarks: profile.benchmarks.map((bench) => ({
      ...bench,
      functions: encoded(bench.functions as FunctionColumns),
    })),
  };
}

/** Hashes for `withEncodedNames`: one by the name's length, one all names share. */
const NAME_HASHES = [(name: string) => name.length, () => 7];

describe('compareProfiles: functions read as columns', () => {
  it('gives the comparison the same functions as objects give, on either side', () => {
    const base = fixtureProfile('textbench-base');
    const head = fixtureProfile('textbench-head');
    const expected = compareProfiles(base, head, DEFAULTS);
    expect(expected.benchmarks.some((bench) => bench.functions.length > 0)).toBe(true);
    expect(compareProfiles(asColumns(base), asColumns(head), DEFAULTS)).toEqual(expected);
    expect(compareProfiles(asColumns(base), head, DEFAULTS)).toEqual(expected);
    expect(compareProfiles(base, asColumns(head), DEFAULTS)).toEqual(expected);
  });

  it('pairs functions by name in any order, with functions added or removed between them', () => {
    const base = fixtureProfile('textbench-base');
    const head = fixtureProfile('textbench-head');
    const expected = compareProfiles(base, head, DEFAULTS);
    const reversed = (functions: FunctionProfile[]) => [...functions].reverse();
    // Every other function of the base, then the rest: the head's order matches in runs.
    const interleaved = (functions: FunctionProfile[]) => [
      ...functions.filter((_, index) => index % 2 === 0),
      ...functions.filter((_, index) => index % 2 === 1),
    ];
    const withoutTheFirst = (count: number) => (functions: FunctionProfile[]) =>
      functions.slice(count).concat(functions.slice(0, count));
    for (const order of [reversed, interleaved, withoutTheFirst(3), withoutTheFirst(12)]) {
      expect(compareProfiles(asColumns(base), asColumns(head, order), DEFAULTS)).toEqual(expected);
      expect(compareProfiles(asColumns(base, order), asColumns(head), DEFAULTS)).toEqual(expected);
    }
  });

  it('pairs names kept as bytes exactly as strings, in any order, whatever their hashes', () => {
    const base = asColumns(fixtureProfile('textbench-base'));
    const head = fixtureProfile('textbench-head');
    const expected = compareProfiles(base, head, DEFAULTS);
    const rotated = (functions: FunctionProfile[]) =>
      functions.slice(5).concat(functions.slice(0, 5));
    for (const hash of NAME_HASHES) {
      for (const order of [undefined, rotated]) {
        const bytesHead = withEncodedNames(asColumns(head, order), hash);
        expect(compareProfiles(withEncodedNames(base, hash), bytesHead, DEFAULTS)).toEqual(
          expected,
        );
        expect(compareProfiles(base, bytesHead, DEFAULTS)).toEqual(expected);
      }
    }
  });

  it('pairs names that normalisation changed in place of their bytes by their new names', () => {
    /** A raw file's document: `names` with `counts`, 30 others alike on both sides. */
    const raw = (names: string[], counts: number[]) => {
      const others = Array.from({ length: 30 }, (_, index): [string, number] => [
        `app::f${index}`,
        50,
      ]);
      const own = names.map((name, index): [string, number] => [name, counts[index]!]);
      const all = [...others.slice(0, 15), ...own, ...others.slice(15)];
      const parser = new CachegrindParser('app.cachegrind.out');
      const text = [
        'cmd: ./app',
        'events: Ir',
        'fl=src/lib.rs',
        ...all.flatMap(([name, count], index) => [`fn=${name}`, `${index + 1} ${count}`]),
        `summary: ${all.reduce((sum, [, count]) => sum + count, 0)}`,
        '',
      ].join('\n');
      parser.write(Buffer.from(text));
      const asDocument = (columns: NormalisedColumns): ComparableDocument => {
        const doc = document([benchmark('app', {}, { total: columns.totals.Ir })]);
        return { ...doc, benchmarks: [{ ...doc.benchmarks[0]!, functions: columns.functions }] };
      };
      const options = { workspaceRoot: '/work' };
      const bytes = normaliseColumns(parser.finishUndecoded(), options);
      const strings = normaliseColumns(withDecodedNames(parser.finishUndecoded()), options);
      expect(bytes.functions.encodedNames).toBeDefined();
      return { bytes: asDocument(bytes), strings: asDocument(strings) };
    };
    const base = raw(['memcpy@@GLIBC_2.14', 'app::run::h0123456789abcdef'], [5, 7]);
    const head = raw(['memcpy@GLIBC_2.2.5', 'app::run::hfedcba9876543210'], [9, 7]);
    const expected = compareProfiles(base.strings, head.strings, DEFAULTS);
    expect(expected.benchmarks[0]?.functions).toMatchObject([{ name: 'memcpy', delta: 4 }]);
    expect(compareProfiles(base.bytes, head.bytes, DEFAULTS)).toEqual(expected);
  });

  it('pairs address names kept as bytes as one unnamed function', () => {
    const columns = (functions: Record<string, number>) =>
      withEncodedNames(asColumns(document([benchmark('parse', functions)])), () => 7);
    const comparison = compareProfiles(
      columns({ '???': 3, work: 100, '0x0000000000015030': 14, '0x0000000000014fc0': 5 }),
      columns({ work: 100, '0x0000000000015050': 14, '???': 3, '0x0000000000015090': 6 }),
      DEFAULTS,
    );
    expect(comparison.benchmarks[0]?.functions).toMatchObject([
      { name: '???', base: 22, head: 23, delta: 1 },
    ]);
  });

  it('pairs address names as one unnamed function when the names are otherwise distinct', () => {
    const columns = (functions: Record<string, number>) =>
      asColumns(document([benchmark('parse', functions)]));
    const comparison = compareProfiles(
      columns({ '???': 3, work: 100, '0x0000000000015030': 14, '0x0000000000014fc0': 5 }),
      columns({ work: 100, '0x0000000000015050': 14, '???': 3, '0x0000000000015090': 6 }),
      DEFAULTS,
    );
    expect(comparison.benchmarks[0]?.functions).toMatchObject([
      { name: '???', base: 22, head: 23, delta: 1 },
    ]);
  });

  it('reads the primary event out of several, and adds up a name listed twice', () => {
    const twoEvents = (counts: [number, number][]): ComparableDocument => {
      const doc = document([benchmark('parse', {}, { total: 1_000, otherEvents: { Dr: 500 } })]);
      const bench = doc.benchmarks[0]!;
      return {
        ...doc,
        benchmarks: [
          {
            ...bench,
            events: ['Dr', 'Ir'],
            functions: new FunctionColumns(
              ['Dr', 'Ir'],
              ['a', 'b', 'a'],
              ['src/a.rs', 'src/b.rs', 'src/other.rs'],
              Float64Array.of(1, 2, 9),
              Float64Array.from(counts.flat()),
            ),
          },
        ],
      };
    };
    const comparison = compareProfiles(
      twoEvents([
        [7, 100],
        [7, 200],
        [7, 300],
      ]),
      twoEvents([
        [9, 100],
        [9, 250],
        [9, 300],
      ]),
      DEFAULTS,
    );
    expect(comparison.event).toBe('Ir');
    expect(comparison.benchmarks[0]?.functions).toEqual([
      {
        name: 'b',
        file: 'src/b.rs',
        line: 2,
        base: 200,
        head: 250,
        delta: 50,
        change: 25,
        status: 'regressed',
        significant: true,
      },
    ]);
  });
});

describe('compareProfiles: comparability', () => {
  it('lists every comparable fingerprint field that differs, rustflags joined by spaces', () => {
    const comparison = compareProfiles(
      document([], {
        commit: 'aaaa111',
        fingerprint: { rustc: 'rustc 1.94.0 (4a4ef493e 2026-03-02)', runs: 5 },
      }),
      document([], { commit: 'bbbb222', fingerprint: { rustflags: ['-C', 'target-cpu=native'] } }),
      DEFAULTS,
    );
    expect(comparison.fingerprintDifferences).toEqual([
      { field: 'rustc', base: 'rustc 1.94.0 (4a4ef493e 2026-03-02)', head: FINGERPRINT.rustc },
      { field: 'rustflags', base: '-C debuginfo=line-tables-only', head: '-C target-cpu=native' },
    ]);
    expect(comparison.base).toEqual({
      commit: 'aaaa111',
      fingerprint: { ...FINGERPRINT, rustc: 'rustc 1.94.0 (4a4ef493e 2026-03-02)', runs: 5 },
    });
  });

  it("does not count 'unknown' as a difference, nor anything against a raw Cachegrind input", () => {
    const raw = {
      valgrind: 'unknown',
      rustc: 'unknown',
      target: 'unknown',
      rustflags: [],
      mangling: 'legacy' as const,
      runs: 1,
    };
    expect(
      compareProfiles(
        document([]),
        document([], { fingerprint: { valgrind: 'unknown' } }),
        DEFAULTS,
      ).fingerprintDifferences,
    ).toEqual([]);
    expect(
      compareProfiles(document([], { fingerprint: raw }), document([]), DEFAULTS)
        .fingerprintDifferences,
    ).toEqual([]);
    expect(
      compareProfiles(document([], { fingerprint: { valgrind: '3.18.1' } }), document([]), DEFAULTS)
        .fingerprintDifferences,
    ).toEqual([{ field: 'valgrind', base: '3.18.1', head: '3.19.0' }]);
  });

  it('refuses two profiles that share no event, saying what to measure', () => {
    const onlyEvent = (event: string): ProfileDocument => {
      const doc = document([benchmark('parse', { work: 5 })]);
      return {
        ...doc,
        benchmarks: doc.benchmarks.map((entry) => ({
          ...entry,
          events: [event],
          totals: { [event]: 5 },
          functions: entry.functions.map((fn) => ({ ...fn, counts: { [event]: 5 } })),
        })),
      };
    };
    const refusal = () => compareProfiles(onlyEvent('Dr'), onlyEvent('Ir'), DEFAULTS);
    expect(refusal).toThrow(InputError);
    expect(refusal).toThrow(
      'The two profiles have no valgrind event in common, so their counts cannot be compared.',
    );
    expect(compareProfiles(onlyEvent('Dr'), onlyEvent('Dr'), DEFAULTS).event).toBe('Dr');
  });

  it('compares the hand-made textbench pair as a whole', () => {
    const comparison = compareProfiles(
      fixtureProfile('textbench-base'),
      fixtureProfile('textbench-head'),
      DEFAULTS,
    );
    expect(comparison).toMatchObject({
      version: 2,
      regressed: true,
      event: 'Ir',
      threshold: 0.01,
      functionThreshold: 0.001,
      fingerprintDifferences: [],
      base: { commit: '8f2c1e0a9b7d4c3e2f1a0b9c8d7e6f5a4b3c2d1e' },
      head: { commit: 'c0ffee5d1e2a3b4c5d6e7f8091a2b3c4d5e6f708' },
    });
    expect(
      comparison.benchmarks.map(({ name, status, change }) => `${name} ${status} ${change}`),
    ).toEqual([
      'parse regressed 25.012',
      'hash unchanged 0.5485',
      'sort improved -3.5381',
      'format unchanged 0.0929',
      'tokenize removed null',
      'report added null',
    ]);
  });
});

describe('compareProfiles: benchmarks of one target', () => {
  it('lists every target’s benchmarks together, a new benchmark among its target’s', () => {
    const inTarget = (target: string, id: string, count: number) => ({
      ...benchmark(`${target}/${id}`, { f: count }),
      target,
      id,
      harness: 'criterion' as const,
    });
    const comparison = compareProfiles(
      document([
        inTarget('ops', 'fib', 10),
        benchmark('plain', { p: 5 }),
        inTarget('ops', 'sum', 4),
      ]),
      document([
        inTarget('ops', 'fib', 10),
        benchmark('plain', { p: 5 }),
        inTarget('ops', 'sum', 4),
        inTarget('ops', 'words', 7),
      ]),
      DEFAULTS,
    );
    expect(
      comparison.benchmarks.map(({ name, target, id, harness }) => [name, target, id, harness]),
    ).toEqual([
      ['ops/fib', 'ops', 'fib', 'criterion'],
      ['ops/sum', 'ops', 'sum', 'criterion'],
      ['ops/words', 'ops', 'words', 'criterion'],
      ['plain', 'plain', undefined, 'plain'],
    ]);
  });
});

describe('compareProfiles: code without a symbol', () => {
  it('pairs Callgrind’s address names as one unnamed function, since addresses move between builds', () => {
    const comparison = compareProfiles(
      document([
        benchmark('parse', { work: 100, '0x0000000000015030': 14, '0x0000000000014fc0': 5 }),
      ]),
      document([
        benchmark('parse', { work: 100, '0x0000000000015050': 14, '0x0000000000015090': 5 }),
      ]),
      DEFAULTS,
    );
    expect(comparison.benchmarks[0]?.functions).toEqual([]);
  });
});

describe('compareProfiles: limits of rust-perf.toml', () => {
  const limits = parseLimits(
    [
      '[[benchmark]]',
      'name = "parse"',
      'threshold = "30%"',
      '',
      '[[benchmark]]',
      'name = "sort"',
      'max-instructions = 1_000',
      'max-function-instructions = { "sort::*" = 400 }',
      '',
      '[[benchmark]]',
      'name = "startup"',
      'ignore = true',
    ].join('\n'),
    'rust-perf.toml',
    'rust-perf.toml at 1a2b3c4d5e',
  );
  const base = document([
    benchmark('parse', { 'parse::field': 100 }),
    benchmark('sort', { 'sort::merge': 500, 'other::helper': 500 }),
    benchmark('startup', { init: 100 }),
  ]);

  it('holds each benchmark to its own threshold, budgets and ignore', () => {
    const head = document([
      benchmark('parse', { 'parse::field': 125 }),
      benchmark('sort', { 'sort::merge': 500, 'other::helper': 501 }),
      benchmark('startup', { init: 300 }),
    ]);
    const comparison = compareProfiles(base, head, { ...DEFAULTS, limits });

    expect(comparison.limits).toBe('rust-perf.toml at 1a2b3c4d5e');
    const [parse, sort, startup] = comparison.benchmarks;
    expect(parse).toMatchObject({ status: 'unchanged', threshold: 0.3 });
    expect(parse).not.toHaveProperty('overBudget');
    // 1,001 instructions is over the budget; +0.1% is under the threshold: over budget decides.
    expect(sort).toMatchObject({
      status: 'regressed',
      change: 0.1,
      overBudget: [
        { limit: 1_000, count: 1_001 },
        { function: 'sort::merge', limit: 400, count: 500 },
      ],
    });
    expect(startup).toMatchObject({ status: 'regressed', ignored: true });
    expect(comparison.regressed).toBe(true);
  });

  it('passes when only an ignored benchmark regressed', () => {
    const head = document([
      benchmark('parse', { 'parse::field': 100 }),
      benchmark('sort', { 'sort::merge': 300, 'other::helper': 400 }),
      benchmark('startup', { init: 300 }),
    ]);
    const comparison = compareProfiles(base, head, { ...DEFAULTS, limits });
    expect(comparison.benchmarks.map((entry) => entry.status)).toEqual([
      'unchanged',
      'improved',
      'regressed',
    ]);
    expect(comparison.regressed).toBe(false);
    const markdown = renderMarkdown(comparison, { target: 'comment' });
    expect(markdown).toContain('| 🔴 regressed (ignored) |');
    expect(markdown).toContain('| ⚪ unchanged (threshold 30%) |');
    expect(markdown).toContain('limits from rust-perf.toml at 1a2b3c4d5e');
    expect(parseComparison(renderJson(comparison), 'report.json')).toEqual(comparison);
  });

  it('fails on an allocation regression, unless the benchmark is ignored', () => {
    const allocating = (name: string, allocations: number) => ({
      ...benchmark(name, { work: 100 }),
      allocations: { allocations, bytes: allocations * 8, peakBytes: 64, sites: [] },
    });
    const compared = (name: string) =>
      compareProfiles(document([allocating(name, 1000)]), document([allocating(name, 2000)]), {
        ...DEFAULTS,
        limits,
      });
    const counted = compared('parse');
    expect(counted.benchmarks[0]).toMatchObject({
      status: 'unchanged',
      allocations: { status: 'regressed' },
    });
    expect(counted.regressed).toBe(true);
    const ignored = compared('startup');
    expect(ignored.benchmarks[0]).toMatchObject({
      ignored: true,
      allocations: { status: 'regressed' },
    });
    expect(ignored.regressed).toBe(false);
    expect(parseComparison(renderJson(ignored), 'report.json')).toEqual(ignored);
  });

  describe('budgets of allocations', () => {
    const allocationLimits = parseLimits(
      [
        '[[benchmark]]',
        'name = "*"',
        'max-allocations = 1_500',
        'max-allocated-bytes = 20_000',
        '[[benchmark]]',
        'name = "sort"',
        'allocation-threshold = "50%"',
        'max-allocations = 10_000',
      ].join('\n'),
      'rust-perf.toml',
    );
    const allocating = (name: string, allocations?: number) => ({
      ...benchmark(name, { work: 100 }),
      ...(allocations === undefined
        ? {}
        : { allocations: { allocations, bytes: allocations * 8, peakBytes: 64, sites: [] } }),
    });
    const compared = (base: number | undefined, head: number | undefined) =>
      compareProfiles(
        document([allocating('parse', base), allocating('sort', base)]),
        document([allocating('parse', head), allocating('sort', head)]),
        { ...DEFAULTS, limits: allocationLimits },
      );

    it('fail a benchmark over them, whatever the change, and lists them under the table', () => {
      // +0%: no change beyond any threshold; 2,000 allocations and 16,000 bytes for parse.
      const comparison = compared(2_000, 2_000);
      const [parse, sort] = comparison.benchmarks;
      expect(parse).toMatchObject({
        status: 'unchanged',
        allocations: { status: 'regressed', change: 0 },
        overBudget: [{ metric: 'allocations', limit: 1_500, count: 2_000 }],
      });
      expect(sort).toMatchObject({
        allocationThreshold: 0.5,
        allocations: { status: 'unchanged' },
      });
      expect(sort).not.toHaveProperty('overBudget');
      expect(comparison.regressed).toBe(true);
      const markdown = renderMarkdown(comparison, { target: 'comment' });
      expect(markdown).toContain('- <code>parse</code>: 2,000 allocations, budget 1,500');
      expect(markdown).toContain('| ⚪ unchanged (allocation threshold 50%) |');
      expect(parseComparison(renderJson(comparison), 'report.json')).toEqual(comparison);

      const bytes = compared(1_000, 3_000).benchmarks[1];
      // sort: +200% is beyond its own 50%, and 24,000 bytes beyond the budget of every benchmark.
      expect(bytes).toMatchObject({
        allocations: { status: 'regressed' },
        overBudget: [{ metric: 'bytes', limit: 20_000, count: 24_000 }],
      });
    });

    it('pass a benchmark within them, under its own allocation threshold', () => {
      const comparison = compared(1_000, 1_400);
      expect(comparison.benchmarks.map((entry) => entry.allocations?.status)).toEqual([
        'regressed',
        'unchanged',
      ]);
      expect(comparison.benchmarks.map((entry) => entry.overBudget)).toEqual([
        undefined,
        undefined,
      ]);
    });

    it('are said not to be checked when no allocations were measured, and do not fail', () => {
      const comparison = compared(undefined, undefined);
      expect(comparison.regressed).toBe(false);
      expect(comparison.benchmarks.map((entry) => entry.uncheckedBudgets)).toEqual([
        ['max-allocations', 'max-allocated-bytes'],
        ['max-allocations', 'max-allocated-bytes'],
      ]);
      const markdown = renderMarkdown(comparison, { target: 'comment' });
      expect(markdown).toContain(
        '**Allocation budgets not checked**: `max-allocations` and `max-allocated-bytes` of <code>parse</code>, <code>sort</code>: allocations were not measured (`metrics: instructions,allocations` measures them).',
      );
      expect(markdown).toContain('| ⚪ unchanged (allocation budget not checked) |');
      expect(parseComparison(renderJson(comparison), 'report.json')).toEqual(comparison);
    });
  });

  it('lists the budgets exceeded under the benchmark table', () => {
    const head = document([
      benchmark('parse', { 'parse::field': 100 }),
      benchmark('sort', { 'sort::merge': 500, 'other::helper': 501 }),
      benchmark('startup', { init: 100 }),
    ]);
    const comparison = compareProfiles(base, head, { ...DEFAULTS, limits });
    const markdown = renderMarkdown(comparison, { target: 'comment' });
    expect(markdown).toContain(
      [
        '**Over budget** (rust-perf.toml at 1a2b3c4d5e):',
        '',
        '- <code>sort</code>: 1,001, budget 1,000',
        '- <code>sort::merge</code> in <code>sort</code>: 500, budget 400',
      ].join('\n'),
    );
    expect(markdown).toContain('| 🔴 regressed (over budget) |');
    expect(parseComparison(renderJson(comparison), 'report.json')).toEqual(comparison);
  });
});
