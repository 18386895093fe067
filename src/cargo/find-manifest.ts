import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * The Cargo.toml cargo itself would use when run in `directory`: the first one found there or in
 * a directory above it. InputError when there is none up to the root.
 */
export function findManifest(directory: string): string {
  const start = resolve(directory);
  for (let current = start; ; current = dirname(current)) {
    const candidate = join(current, 'Cargo.toml');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) break;
  }
  throw new InputError(
    `there is no Cargo.toml in ${start} or any directory above it`,
    'Run rust-perf inside the crate whose benchmarks to measure, or name its manifest with --manifest-path PATH/Cargo.toml.',
  );
}
