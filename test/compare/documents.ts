/**
 * Builds small profile documents for tests: a benchmark is its functions' instruction counts,
 * and its total is their sum unless given.
 */
import { readFileSync } from 'node:fs';
import { parseProfileDocument } from '../../src/profile/document.js';
import {
  type BenchmarkProfile,
  type Fingerprint,
  PROFILE_VERSION,
  type ProfileDocument,
  wholeProgram,
} from '../../src/profile/profile.js';

export const FINGERPRINT: Fingerprint = {
  valgrind: '3.19.0',
  rustc:
    'rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\ncommit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860\ncommit-date: 2026-04-14\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\nLLVM version: 22.1.2',
  target: 'x86_64-unknown-linux-gnu',
  rustflags: ['-C', 'debuginfo=line-tables-only'],
  mangling: 'v0',
  runs: 2,
};

export function benchmark(
  name: string,
  functions: Record<string, number>,
  extra: { total?: number; nondeterministic?: string[]; otherEvents?: Record<string, number> } = {},
): BenchmarkProfile {
  const counts = Object.values(functions);
  const total = extra.total ?? counts.reduce((sum, count) => sum + count, 0);
  return {
    ...wholeProgram(name),
    command: [`target/release/deps/${name}`, '--bench'],
    events: ['Ir', ...Object.keys(extra.otherEvents ?? {})],
    totals: { Ir: total, ...extra.otherEvents },
    nondeterministic: extra.nondeterministic ?? [],
    functions: Object.entries(functions).map(([fn, count], index) => ({
      name: fn,
      file: `src/${name}.rs`,
      line: index + 1,
      counts: { Ir: count },
    })),
  };
}

export function document(
  benchmarks: BenchmarkProfile[],
  extra: { commit?: string; fingerprint?: Partial<Fingerprint> } = {},
): ProfileDocument {
  return {
    version: PROFILE_VERSION,
    tool: 'rust-perf 0.1.0',
    ...(extra.commit === undefined ? {} : { commit: extra.commit }),
    createdAt: '2026-05-02T09:14:03.000Z',
    fingerprint: { ...FINGERPRINT, ...extra.fingerprint },
    benchmarks,
  };
}

/** A hand-made profile from test/fixtures/profiles (see the README there), read as compare reads one. */
export function fixtureProfile(name: string): ProfileDocument {
  const url = new URL(`../fixtures/profiles/${name}.json`, import.meta.url);
  return parseProfileDocument(readFileSync(url, 'utf8'), `${name}.json`);
}
