import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { renderJson } from '../../src/report/json.js';
import { fixtureProfile } from '../compare/documents.js';

describe('renderJson', () => {
  it('writes the documented shape: totals and every changed function of the primary event', async () => {
    const comparison = compareProfiles(
      fixtureProfile('textbench-base'),
      fixtureProfile('textbench-head'),
      {
        threshold: 0.01,
        functionThreshold: 0.001,
      },
    );
    const json = renderJson(comparison);
    await expect(json).toMatchFileSnapshot('__snapshots__/textbench.json');
    const report = JSON.parse(json);
    expect(report).toMatchObject({ version: 2, regressed: true });
    expect(report.benchmarks[0]).toMatchObject({
      name: 'parse',
      target: 'parse',
      harness: 'plain',
      status: 'regressed',
      base: 4_812_345,
      head: 6_016_008,
      change: 25.012,
    });
    expect(report.benchmarks[0].functions[0]).toEqual({
      name: 'textbench::parse::parse_field',
      file: 'src/parse.rs',
      line: 31,
      base: 1_650_000,
      head: 2_853_120,
      delta: 1_203_120,
      change: 72.9164,
      status: 'regressed',
      significant: true,
    });
    expect(json.endsWith('}\n')).toBe(true);
  });
});
