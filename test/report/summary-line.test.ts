import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { summaryLine } from '../../src/report/summary-line.js';
import { benchmark, document, fixtureProfile } from '../compare/documents.js';

const OPTIONS = { threshold: 0.01, functionThreshold: 0.001 };

describe('summaryLine', () => {
  it('names each regression with the function that added the most, then the other changes', () => {
    const comparison = compareProfiles(
      fixtureProfile('textbench-base'),
      fixtureProfile('textbench-head'),
      OPTIONS,
    );
    expect(summaryLine(comparison)).toBe(
      'regressed: parse +25.01% (textbench::parse::parse_field +72.92%); improved: sort -3.54%; added: report; removed: tokenize',
    );
  });

  it('says when nothing changed, and when the profiles are not comparable', () => {
    const same = document([benchmark('parse', { a: 10 }), benchmark('sort', { b: 20 })]);
    expect(summaryLine(compareProfiles(same, same, OPTIONS))).toBe(
      'no significant change in 2 benchmarks',
    );
    const older = document([benchmark('parse', { a: 10 })], {
      fingerprint: { valgrind: '3.18.1', rustflags: [] },
    });
    expect(summaryLine(compareProfiles(older, same, OPTIONS))).toBe(
      'no significant change in 2 benchmarks; added: sort; measured under different conditions (valgrind, rustflags)',
    );
  });

  it('stays one short line for many regressions and hostile names', () => {
    const names = ['a\nb', 'c', 'd', 'e', 'f'];
    const culprit = `textbench::${'x'.repeat(500)}`;
    const base = document(names.map((name) => benchmark(name, { kept: 100 })));
    const head = document(names.map((name) => benchmark(name, { kept: 100, [culprit]: 500 })));
    const shortened = `textbench::${'x'.repeat(29)}…${'x'.repeat(39)}`;
    expect(summaryLine(compareProfiles(base, head, OPTIONS))).toBe(
      `regressed: a\uFFFDb +500.00% (${shortened} new), c +500.00% (${shortened} new), ` +
        `d +500.00% (${shortened} new) and 2 more`,
    );
  });
});
