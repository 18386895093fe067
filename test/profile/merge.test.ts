import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProfileDocument, serialiseProfileDocument } from '../../src/profile/document.js';
import { mergeShardProfiles, profileShare } from '../../src/profile/merge.js';
import { shardAssignment } from '../../src/profile/shard-assignment.js';

const whole = parseProfileDocument(
  readFileSync(new URL('../fixtures/profiles/textbench-base.json', import.meta.url), 'utf8'),
  'textbench-base.json',
);
const shardOf = shardAssignment(2);
const shard = (index: number) => ({
  profile: profileShare(whole, { index, count: 2 }, shardOf),
  source: `shard ${index}`,
});

describe('merging shards', () => {
  it('gives back the whole profile, benchmarks by name as measure writes them', () => {
    const merged = mergeShardProfiles([shard(2), shard(1)]);
    expect(merged.missing).toEqual([]);
    expect(shard(1).profile.benchmarks.length).toBeGreaterThan(0);
    expect(shard(2).profile.benchmarks.length).toBeGreaterThan(0);
    const byName = [...whole.benchmarks].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(serialiseProfileDocument(merged.profile)).toBe(
      serialiseProfileDocument({ ...whole, benchmarks: byName }),
    );
  });

  it('keeps the shard in the document, through its reader', () => {
    const text = serialiseProfileDocument(shard(2).profile);
    expect(parseProfileDocument(text, 'shard.json').shard).toEqual({ index: 2, count: 2 });
  });

  it('names the shards that are missing', () => {
    const merged = mergeShardProfiles([shard(2)]);
    expect(merged.missing).toEqual([1]);
    expect(merged.profile.benchmarks).toEqual(shard(2).profile.benchmarks);
  });

  it('refuses shards of another count, twice the same shard, another commit or conditions', () => {
    const ofThree = {
      ...shard(1),
      profile: { ...shard(1).profile, shard: { index: 3, count: 3 } },
    };
    expect(() => mergeShardProfiles([shard(1), ofThree])).toThrow(
      'cannot merge shard 1: it is shard 3/3, but shard 1 is one of 2',
    );
    expect(() => mergeShardProfiles([shard(1), { ...shard(1), source: 'again' }])).toThrow(
      'cannot merge again: it is shard 1/2, as is shard 1',
    );
    const otherCommit = { ...shard(2), profile: { ...shard(2).profile, commit: 'f'.repeat(40) } };
    expect(() => mergeShardProfiles([shard(1), otherCommit])).toThrow(
      `cannot merge shard 2: it measured commit ${'f'.repeat(40)}`,
    );
    const fingerprint = { ...whole.fingerprint, valgrind: '3.99.0' };
    const otherValgrind = { ...shard(2), profile: { ...shard(2).profile, fingerprint } };
    expect(() => mergeShardProfiles([shard(1), otherValgrind])).toThrow(
      'cannot merge shard 2: it was measured under other conditions (fingerprint) than shard 1',
    );
    expect(() => mergeShardProfiles([{ profile: whole, source: 'whole.json' }])).toThrow(
      'whole.json is not a shard: it holds a whole measurement',
    );
  });

  it('refuses a benchmark measured by two shards', () => {
    const both = { ...shard(2), profile: { ...shard(2).profile, benchmarks: whole.benchmarks } };
    expect(() => mergeShardProfiles([shard(1), both])).toThrow(
      'the legs did not share the benchmarks out alike',
    );
  });
});
