import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../../src/errors.js';
import { parseProfileDocument } from '../../src/profile/document.js';
import {
  readShardZip,
  serialiseShardMetadata,
  shardArtifactName,
} from '../../src/publish/shard-artifacts.js';
import { zipOf } from '../support/actions-services.js';

const PROFILE_TEXT = readFileSync(
  new URL('../fixtures/profiles/textbench-head.json', import.meta.url),
  'utf8',
);
const SOURCE = 'artifact rust-perf-shard-1-of-2 of workflow run 1';
const METADATA = {
  shard: { index: 1, count: 2 },
  headSha: 'a'.repeat(40),
  baseSha: 'b'.repeat(40),
  prNumber: 7,
  identity: `${'0'.repeat(16)}-${'1'.repeat(8)}`,
  balancedBy: 'rust-perf-Linux-x-y',
};
const file = (name: string, text: string) => ({ name, content: Buffer.from(text) });

function failure(zip: Buffer): string {
  try {
    readShardZip(zip, SOURCE);
  } catch (error) {
    expect(error).toBeInstanceOf(CorruptFileError);
    return (error as CorruptFileError).message;
  }
  throw new Error('accepted');
}

describe('shard artifacts', () => {
  it('are named for the prefix and the shard', () => {
    expect(shardArtifactName('rust-perf', { index: 3, count: 4 })).toBe('rust-perf-shard-3-of-4');
  });

  it('read back what a leg wrote, the base being optional', () => {
    const metadata = file('metadata.json', serialiseShardMetadata(METADATA));
    const head = file('head.json', PROFILE_TEXT);
    const profile = parseProfileDocument(PROFILE_TEXT, 'fixture');
    expect(readShardZip(zipOf([metadata, head, file('base.json', PROFILE_TEXT)]), SOURCE)).toEqual({
      ...METADATA,
      head: profile,
      base: profile,
    });
    const { baseSha: _b, prNumber: _p, balancedBy: _c, ...push } = METADATA;
    expect(
      readShardZip(zipOf([file('metadata.json', serialiseShardMetadata(push)), head]), SOURCE),
    ).toEqual({ ...push, head: profile });
  });

  it.each([
    [
      'an unexpected file',
      [file('metadata.json', serialiseShardMetadata(METADATA)), file('run.sh', 'x')],
      'holds "run.sh", expected exactly metadata.json and head.json, and optionally base.json',
    ],
    [
      'no head',
      [file('metadata.json', serialiseShardMetadata(METADATA)), file('base.json', PROFILE_TEXT)],
      'does not hold exactly metadata.json and head.json, and optionally base.json',
    ],
    [
      'a shard beyond its count',
      [
        file('metadata.json', serialiseShardMetadata(METADATA).replace('1/2', '3/2')),
        file('head.json', PROFILE_TEXT),
      ],
      'metadata.json: has shard "3/2": it is not a shard of at most 256',
    ],
    [
      'a forged identity',
      [
        file('metadata.json', serialiseShardMetadata({ ...METADATA, identity: '../x' })),
        file('head.json', PROFILE_TEXT),
      ],
      'metadata.json: has identity "../x", expected a baseline identity',
    ],
  ])('refuse %s', (_what, entries, reason) => {
    expect(failure(zipOf(entries))).toContain(reason);
  });
});
