/**
 * The comparison reports of the shards of one measurement, merged: the same report as one
 * comparison of the whole suite, or a refusal that names the part and what is wrong with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import type { Comparison } from '../../src/compare/comparison.js';
import { mergeShardReports } from '../../src/compare/merge-reports.js';
import { parseComparison } from '../../src/compare/read-comparison.js';
import { InputError } from '../../src/errors.js';
import { parseProfileDocument } from '../../src/profile/document.js';
import { profileShare } from '../../src/profile/merge.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { shardAssignment } from '../../src/profile/shard-assignment.js';
import { renderJson } from '../../src/report/json.js';

/** A profile as measure writes it: benchmarks in name order. */
const fixture = (name: string): ProfileDocument => {
  const profile = parseProfileDocument(
    readFileSync(new URL(`../fixtures/profiles/${name}`, import.meta.url), 'utf8'),
    name,
  );
  return {
    ...profile,
    benchmarks: profile.benchmarks.toSorted((a, b) => (a.name < b.name ? -1 : 1)),
  };
};
const BASE = fixture('textbench-base.json');
const HEAD = fixture('textbench-head.json');
const OPTIONS = { threshold: 0.01, functionThreshold: 0.001 };

/** Shard `index` of `count`'s report, as `rust-perf compare --format json` writes it for its profiles. */
function shardReport(index: number, count: number, base = BASE, head = HEAD): Comparison {
  const spec = { index, count };
  const shardOf = shardAssignment(count);
  return compareProfiles(
    profileShare(base, spec, shardOf),
    profileShare(head, spec, shardOf),
    OPTIONS,
  );
}
const parts = (...reports: Comparison[]) =>
  reports.map((comparison, index) => ({ comparison, source: `shard-${index + 1}.json` }));
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('merging the reports of shards', () => {
  it('gives the report of one comparison of the whole suite', () => {
    const shards = [shardReport(1, 3), shardReport(2, 3), shardReport(3, 3)];
    expect(shards.map((shard) => shard.shard)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
    ]);
    // Shares of 4, 2 and no benchmarks: an empty shard merges as well.
    expect(shards.map((shard) => shard.benchmarks.length)).toEqual([4, 2, 0]);

    const merged = mergeShardReports(parts(...shards.toReversed()));

    expect(merged).toEqual({
      comparison: compareProfiles(BASE, HEAD, OPTIONS),
      count: 3,
      missing: [],
    });
  });

  it('merges shards that compared allocations with one that has no benchmark', () => {
    const withAllocations = (profile: ProfileDocument, allocations: number): ProfileDocument => ({
      ...profile,
      benchmarks: profile.benchmarks.map((benchmark) => ({
        ...benchmark,
        allocations: { allocations, bytes: allocations * 8, peakBytes: 64, sites: [] },
      })),
    });
    const base = withAllocations(BASE, 100);
    const head = withAllocations(HEAD, 200);
    const shards = [1, 2, 3].map((index) => shardReport(index, 3, base, head));
    expect(shards.map((shard) => shard.allocationThreshold)).toEqual([0.01, 0.01, undefined]);

    const merged = mergeShardReports(parts(...shards));

    expect(merged.comparison).toEqual(compareProfiles(base, head, OPTIONS));
    expect(renderJson(merged.comparison)).toBe(renderJson(compareProfiles(base, head, OPTIONS)));
    const other = { ...shards[1]!, allocationThreshold: 0.05 };
    expect(refusal(() => mergeShardReports(parts(shards[0]!, other)))).toBe(
      'cannot merge shard-2.json: it has allocationThreshold 0.05, shard-1.json 0.01',
    );
  });

  it('reads back what it writes, without a shard field', () => {
    const { comparison } = mergeShardReports(parts(shardReport(1, 2), shardReport(2, 2)));
    expect(comparison).not.toHaveProperty('shard');
    expect(parseComparison(renderJson(comparison), 'merged.json')).toEqual(comparison);
  });

  it('lists the shards that are missing', () => {
    const merged = mergeShardReports(parts(shardReport(2, 4)));
    expect(merged.count).toBe(4);
    expect(merged.missing).toEqual([1, 3, 4]);
  });

  it('keeps an accepting label when the merged report regressed', () => {
    const accepted = { ...shardReport(1, 2), acceptedBy: 'perf-accepted' };
    expect(accepted.regressed).toBe(true);
    const { comparison } = mergeShardReports(parts(accepted, shardReport(2, 2)));
    expect(comparison.acceptedBy).toBe('perf-accepted');
    expect(comparison.regressed).toBe(true);
  });

  describe('refuses parts that are not shards of one comparison', () => {
    it('a shard given twice', () => {
      expect(refusal(() => mergeShardReports(parts(shardReport(1, 2), shardReport(1, 2))))).toBe(
        'cannot merge shard-2.json: it is shard 1/2, as is shard-1.json',
      );
    });

    it('a benchmark in two shards', () => {
      const stray = { ...shardReport(2, 2), benchmarks: shardReport(1, 2).benchmarks.slice(0, 1) };
      expect(refusal(() => mergeShardReports(parts(shardReport(1, 2), stray)))).toBe(
        `cannot merge shard-2.json: it measured ${stray.benchmarks[0]!.name}, as did shard-1.json: the legs did not share the benchmarks out alike`,
      );
    });

    it('shards of another count', () => {
      expect(refusal(() => mergeShardReports(parts(shardReport(1, 2), shardReport(2, 3))))).toBe(
        'cannot merge shard-2.json: it is shard 2/3, but shard-1.json is one of 2',
      );
    });

    it('another base commit', () => {
      const otherBase = shardReport(2, 2, { ...BASE, commit: 'c0ffee00'.repeat(5) });
      expect(refusal(() => mergeShardReports(parts(shardReport(1, 2), otherBase)))).toBe(
        'cannot merge shard-2.json: it has another base (commit or conditions) than shard-1.json',
      );
    });

    it('a head measured under other conditions', () => {
      const fingerprint = { ...HEAD.fingerprint, valgrind: '3.26.0' };
      const otherHead = shardReport(2, 2, BASE, { ...HEAD, fingerprint });
      expect(refusal(() => mergeShardReports(parts(shardReport(1, 2), otherHead)))).toBe(
        'cannot merge shard-2.json: it has another head (commit or conditions) than shard-1.json',
      );
    });

    it('another threshold, or other limits', () => {
      const first = shardReport(1, 2);
      expect(
        refusal(() => mergeShardReports(parts(first, { ...shardReport(2, 2), threshold: 0.05 }))),
      ).toBe(
        'cannot merge shard-2.json: it has other thresholds or another event than shard-1.json',
      );
      expect(
        refusal(() =>
          mergeShardReports(parts(first, { ...shardReport(2, 2), limits: 'rust-perf.toml' })),
        ),
      ).toBe('cannot merge shard-2.json: it has other limits than shard-1.json');
    });

    it('regressions accepted by two labels', () => {
      const accepted = (index: number, label: string) => {
        const report = shardReport(index, 2);
        expect(report.regressed).toBe(index === 1);
        return { ...report, acceptedBy: label };
      };
      expect(
        refusal(() =>
          mergeShardReports(parts(accepted(1, 'perf-accepted'), accepted(2, 'slow-ok'))),
        ),
      ).toBe(
        'cannot merge shard-2.json: it has acceptedBy "slow-ok", shard-1.json "perf-accepted"',
      );
    });

    it('the report of a whole comparison', () => {
      const whole = compareProfiles(BASE, HEAD, OPTIONS);
      expect(refusal(() => mergeShardReports(parts(shardReport(1, 2), whole)))).toBe(
        "shard-2.json is not a shard's report: it compares whole measurements",
      );
    });

    it('no parts at all', () => {
      expect(refusal(() => mergeShardReports([]))).toBe('there are no shards to merge');
    });
  });
});
