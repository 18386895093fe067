import { InputError } from '../errors.js';

/** The most shards a suite may be split into; a matrix of GitHub Actions holds 256 jobs. */
export const MAX_SHARDS = 256;

/** One share of the benchmarks: shard `index` (from 1) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** `K/N` as written on a command line (`--shard 2/4`) or in the `shard` input. */
export function parseShard(value: string, what: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new InputError(
      `${what} must be K/N, shard K of N with 1 <= K <= N <= ${MAX_SHARDS}, not '${value}'`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, shown as written
      'In a matrix: `shard: ${{ matrix.shard }}/4` with `shard: [1, 2, 3, 4]`.',
    );
  }
  return { index, count };
}

export function shardName({ index, count }: ShardSpec): string {
  return `${index}/${count}`;
}
