/**
 * Every renderer on a measured pair: the example crate without and with its `slow` feature,
 * profiled by `rust-perf measure` (test/fixtures/profiles/textbench-real-*.json). Real profiles
 * carry what hand-made ones do not: hundreds of unchanged functions, glibc start-up noise a few
 * instructions wide, nondeterministic hash-table work, and cost that inlining put in std's files.
 */
import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { fixtureProfile } from '../compare/documents.js';

const DEFAULTS = { threshold: 0.01, functionThreshold: 0.001 };
const BASE_SHA = '8f2c1e0a9b7d4c3e2f1a0b9c8d7e6f5a4b3c2d1e';
const HEAD_SHA = 'c0ffee5d1e2a3b4c5d6e7f8091a2b3c4d5e6f708';
const REPOSITORY = { url: 'https://github.com/octo-org/textbench', sha: HEAD_SHA };
const SLOWED = 'textbench::parse::parse_field';

/** The pair as the action compares it: each profile records the commit it measured. */
const realPair = () =>
  compareProfiles(
    { ...fixtureProfile('textbench-real-base'), commit: BASE_SHA },
    { ...fixtureProfile('textbench-real-slow'), commit: HEAD_SHA },
    DEFAULTS,
  );

describe('the measured textbench pair (slow feature on)', () => {
  it('regresses parse, format and sort through parse_field alone; hash changes only in noisy functions', () => {
    const comparison = realPair();
    expect(comparison.regressed).toBe(true);
    expect(comparison.fingerprintDifferences).toEqual([]);
    expect(
      comparison.benchmarks.map(({ name, status, base, head, change }) => ({
        name,
        status,
        base,
        head,
        change,
      })),
    ).toEqual([
      { name: 'format', status: 'regressed', base: 17_028_449, head: 20_300_024, change: 19.2124 },
      { name: 'hash', status: 'unchanged', base: 18_695_070, head: 18_694_932, change: -0.0007 },
      { name: 'parse', status: 'regressed', base: 12_315_972, head: 15_588_988, change: 26.5754 },
      { name: 'sort', status: 'regressed', base: 17_896_473, head: 21_170_493, change: 18.2942 },
    ]);
    for (const benchmark of comparison.benchmarks) {
      const significant = benchmark.functions.filter((change) => change.significant);
      expect(
        significant.map(({ name, status }) => ({ name, status })),
        benchmark.name,
      ).toEqual(benchmark.name === 'hash' ? [] : [{ name: SLOWED, status: 'regressed' }]);
      expect(benchmark.functions[0]?.name, benchmark.name).toBe(
        benchmark.name === 'hash' ? '__memcmp_avx2_movbe' : SLOWED,
      );
      expect(benchmark.functions.some((change) => change.movedFrom ?? change.movedTo)).toBe(false);
    }
    const hash = comparison.benchmarks[1]!;
    expect(
      hash.functions.filter((change) => change.status === 'noisy').map((change) => change.name),
    ).toEqual([
      '__memcmp_avx2_movbe',
      '<hashbrown::map::HashMap<&str, usize, std::hash::random::RandomState>>::rustc_entry',
    ]);
  });

  it('renders the pull request comment, linking the commits and no file outside the repository', async () => {
    const markdown = renderMarkdown(realPair(), { target: 'comment', repository: REPOSITORY });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/real.comment.md');
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('🔴 **3 regressions** in 4 benchmarks · instructions (Ir)');
    const parseHeading = lines.indexOf('#### 🔴 regressed: <code>parse</code> +26.58%');
    expect(parseHeading).toBeGreaterThan(0);
    expect(lines.slice(parseHeading + 1, parseHeading + 7)).toEqual([
      '',
      '| Function | Source | Base | Head | Delta | Change | Status |',
      '| :-- | :-- | --: | --: | --: | --: | :-- |',
      // Its largest line is an inlined std iterator line; this is its largest in the crate.
      `| <code>textbench::parse::parse&#95;field</code> | [<code>src/parse.rs:43</code>](${REPOSITORY.url}/blob/${HEAD_SHA}/src/parse.rs#L43) | 863,464 | 4,136,444 | +3,272,980 | +379.05% | 🔴 regressed |`,
      '',
      '… and 1 smaller change below the 0.1% function threshold.',
    ]);
    // glibc start-up code differs by a few instructions between the builds: counted, not listed.
    expect(lines).toContain('… and 18 smaller changes below the 0.1% function threshold.');
    // An unchanged benchmark with nothing large enough to list says so in one line.
    expect(lines).toContain(
      '<code>hash</code> (unchanged): 3 smaller changes below the 0.1% function threshold.',
    );
    expect(markdown).not.toContain('below threshold |');
    // Only paths inside the repository are linked: not std's `/rustc/...` files, nor glibc's
    // build paths (`./libio/...`), which are relative but name no file of the repository.
    const links = [...markdown.matchAll(/\]\((https:[^)]*)\)/g)].map((match) => match[1]);
    const parseField = `${REPOSITORY.url}/blob/${HEAD_SHA}/src/parse.rs#L43`;
    expect(links).toEqual([
      parseField,
      parseField,
      parseField,
      `${REPOSITORY.url}/commit/${BASE_SHA}`,
      `${REPOSITORY.url}/commit/${HEAD_SHA}`,
    ]);
  });

  it('renders the job summary without links when no repository is given', async () => {
    const markdown = renderMarkdown(realPair(), { target: 'summary' });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/real.summary.md');
    expect(markdown).not.toContain('](');
  });

  it('renders the terminal report without colour', async () => {
    const text = renderText(realPair(), { color: false });
    await expect(text).toMatchFileSnapshot('__snapshots__/real.txt');
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').slice(0, 8)).toEqual([
      '3 regressions in 4 benchmarks · instructions (Ir)',
      '',
      'benchmark        base        head   change  status',
      'format     17,028,449  20,300,024  +19.21%  regressed',
      'hash       18,695,070  18,694,932    0.00%  unchanged',
      'parse      12,315,972  15,588,988  +26.58%  regressed',
      'sort       17,896,473  21,170,493  +18.29%  regressed',
      '',
    ]);
  });

  it('writes every changed function, down to a three-instruction difference, into the JSON report', async () => {
    const json = renderJson(realPair());
    await expect(json).toMatchFileSnapshot('__snapshots__/real.json');
    const report = JSON.parse(json);
    expect(report.benchmarks.map((b: { functions: unknown[] }) => b.functions.length)).toEqual([
      19, 3, 2, 1,
    ]);
    expect(report.benchmarks[0].functions.at(-1)).toEqual({
      name: 'getline',
      file: './stdio-common/./stdio-common/getline.c',
      line: 28,
      base: 129,
      head: 126,
      delta: -3,
      change: -2.3256,
      status: 'unchanged',
      significant: false,
    });
  });
});
