import { describe, expect, it } from 'vitest';
import { compareAllocations, siteChanges } from '../../src/compare/allocations.js';
import { parseProfileDocument, serialiseProfileDocument } from '../../src/profile/document.js';
import type {
  AllocationProfile,
  AllocationSite,
  ProfileDocument,
} from '../../src/profile/profile.js';

const site = (line: number, allocations: number, bytes: number): AllocationSite => ({
  function: 'textbench::parse::parse_line',
  file: 'src/parse.rs',
  line,
  allocations,
  bytes,
});
const profile = (allocations: number, sites: AllocationSite[] = []): AllocationProfile => ({
  allocations,
  bytes: allocations * 10,
  peakBytes: 100,
  sites,
});

describe('siteChanges', () => {
  it('takes a site whose line moved with the same counts as the same site', () => {
    const base = [site(80, 3000, 19_894), site(85, 3000, 136_214)];
    const head = [site(67, 3000, 151_000), site(83, 3000, 19_894), site(88, 3000, 136_214)];
    expect(siteChanges(base, head)).toEqual([
      {
        function: 'textbench::parse::parse_line',
        file: 'src/parse.rs',
        line: 67,
        base: { allocations: 0, bytes: 0 },
        head: { allocations: 3000, bytes: 151_000 },
      },
    ]);
  });

  it('lists a changed site with both sides, and a site that is gone at its old place', () => {
    expect(siteChanges([site(80, 10, 100), site(90, 1, 8)], [site(80, 12, 120)])).toEqual([
      {
        ...location(80),
        base: { allocations: 10, bytes: 100 },
        head: { allocations: 12, bytes: 120 },
      },
      { ...location(90), base: { allocations: 1, bytes: 8 }, head: { allocations: 0, bytes: 0 } },
    ]);
  });
});

function location(line: number) {
  return { function: 'textbench::parse::parse_line', file: 'src/parse.rs', line };
}

describe('compareAllocations', () => {
  it('regresses beyond the threshold only, and says nothing when a side did not measure them', () => {
    expect(
      compareAllocations({ allocations: profile(1000) }, { allocations: profile(1010) }, 0.01),
    ).toMatchObject({
      status: 'unchanged',
      change: 1,
    });
    expect(
      compareAllocations({ allocations: profile(1000) }, { allocations: profile(1011) }, 0.01),
    ).toMatchObject({
      status: 'regressed',
    });
    expect(
      compareAllocations({ allocations: profile(1) }, { allocations: profile(2) }, 0),
    ).toMatchObject({
      status: 'regressed',
      change: 100,
    });
    expect(compareAllocations({}, { allocations: profile(5) }, 0.01)).toBeUndefined();
    expect(compareAllocations(undefined, { allocations: profile(5) }, 0.01)).toMatchObject({
      status: 'added',
      base: null,
    });
  });
});

describe('a profile document with allocations', () => {
  const document: ProfileDocument = {
    version: 2,
    tool: 'rust-perf 0.1.0',
    createdAt: '2026-01-01T00:00:00.000Z',
    fingerprint: {
      valgrind: '3.19.0',
      rustc: 'rustc',
      target: 't',
      rustflags: [],
      mangling: 'v0',
      runs: 1,
    },
    benchmarks: [
      {
        name: 'parse',
        target: 'parse',
        harness: 'plain',
        command: ['parse'],
        events: ['Ir'],
        totals: { Ir: 5 },
        nondeterministic: [],
        functions: [{ name: 'main', file: 'src/main.rs', line: 1, counts: { Ir: 5 } }],
        allocations: profile(3, [site(80, 3, 30)]),
      },
    ],
  };

  it('reads back what it wrote, and refuses a site given twice', () => {
    const text = serialiseProfileDocument(document);
    expect(parseProfileDocument(text, 'p.json')).toEqual(document);
    const twice = text.replace(
      /"sites": \[\n(.*)\n/,
      (_, line: string) => `"sites": [\n${line},\n${line}\n`,
    );
    expect(() => parseProfileDocument(twice, 'p.json')).toThrow(
      /^p\.json: not a valid profile document: benchmarks\[0\]\.allocations\.sites\[1\]: "textbench::parse::parse_line \(src.* appears twice$/,
    );
  });
});
