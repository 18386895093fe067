/** A small, valid profile document of two benchmarks, as `rust-perf measure` writes one. */
import { PROFILE_VERSION, type ProfileDocument } from '../../src/profile/profile.js';

export function sampleDocument(): ProfileDocument {
  return {
    version: PROFILE_VERSION,
    tool: 'rust-perf 0.1.0',
    commit: '0123456789abcdef0123456789abcdef01234567',
    createdAt: '2025-01-02T03:04:05.000Z',
    fingerprint: {
      valgrind: '3.19.0',
      rustc: 'rustc 1.95.0 (abcdef123 2026-01-01)\nhost: x86_64-unknown-linux-gnu',
      target: 'x86_64-unknown-linux-gnu',
      rustflags: ['-C', 'force-frame-pointers=yes'],
      mangling: 'v0',
      runs: 2,
    },
    benchmarks: [
      {
        name: 'ops/parse',
        target: 'ops',
        id: 'parse',
        harness: 'criterion',
        command: ['target/release/deps/parse-0123456789abcdef', '--bench'],
        events: ['Ir', 'Dr'],
        totals: { Ir: 1000, Dr: 300 },
        nondeterministic: ['alloc::raw_vec::finish_grow'],
        functions: [
          { name: 'textbench::parse', file: 'src/lib.rs', line: 12, counts: { Ir: 900, Dr: 250 } },
          {
            name: 'alloc::raw_vec::finish_grow',
            file: '???',
            line: 0,
            counts: { Ir: 100, Dr: 50 },
          },
        ],
      },
      {
        name: 'empty',
        target: 'empty',
        harness: 'plain',
        command: ['/bin/true'],
        events: ['Ir'],
        totals: { Ir: 0 },
        nondeterministic: [],
        functions: [],
      },
    ],
  };
}

/** A deep copy of the sample document with `change` applied, as JSON text. */
// biome-ignore lint/suspicious/noExplicitAny: the mutations deliberately write values of the wrong type.
export function mutated(change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(JSON.stringify(sampleDocument()));
  change(doc);
  return JSON.stringify(doc);
}
