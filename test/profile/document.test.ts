import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../../src/errors.js';
import { parseProfileDocument, serialiseProfileDocument } from '../../src/profile/document.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { mutated, sampleDocument } from '../support/sample-profile.js';

const _fixturePath = (name: string) =>
  fileURLToPath(new URL(`../fixtures/cachegrind/${name}`, import.meta.url));

describe('serialiseProfileDocument', () => {
  it('writes fields in a fixed order, one function per line', () => {
    expect(serialiseProfileDocument(sampleDocument())).toBe(`{
  "version": 2,
  "tool": "rust-perf 0.1.0",
  "commit": "0123456789abcdef0123456789abcdef01234567",
  "createdAt": "2025-01-02T03:04:05.000Z",
  "fingerprint": {
    "valgrind": "3.19.0",
    "rustc": "rustc 1.95.0 (abcdef123 2026-01-01)\\nhost: x86_64-unknown-linux-gnu",
    "target": "x86_64-unknown-linux-gnu",
    "rustflags": [
      "-C",
      "force-frame-pointers=yes"
    ],
    "mangling": "v0",
    "runs": 2
  },
  "benchmarks": [
    {
      "name": "ops/parse",
      "target": "ops",
      "id": "parse",
      "harness": "criterion",
      "command": ["target/release/deps/parse-0123456789abcdef","--bench"],
      "events": ["Ir","Dr"],
      "totals": {"Ir":1000,"Dr":300},
      "nondeterministic": ["alloc::raw_vec::finish_grow"],
      "functions": [
        {"name":"textbench::parse","file":"src/lib.rs","line":12,"counts":{"Ir":900,"Dr":250}},
        {"name":"alloc::raw_vec::finish_grow","file":"???","line":0,"counts":{"Ir":100,"Dr":50}}
      ]
    },
    {
      "name": "empty",
      "target": "empty",
      "harness": "plain",
      "command": ["/bin/true"],
      "events": ["Ir"],
      "totals": {"Ir":0},
      "nondeterministic": [],
      "functions": []
    }
  ]
}
`);
  });

  it('does not depend on the key order of the objects it is given', () => {
    const doc = sampleDocument();
    const shuffled: ProfileDocument = {
      benchmarks: doc.benchmarks.map((benchmark) => ({
        ...benchmark,
        totals: Object.fromEntries(Object.entries(benchmark.totals).reverse()),
        functions: benchmark.functions.map(({ counts, line, file, name }) => ({
          counts,
          line,
          file,
          name,
        })),
      })),
      fingerprint: Object.fromEntries(
        Object.entries(doc.fingerprint).reverse(),
      ) as ProfileDocument['fingerprint'],
      createdAt: doc.createdAt,
      commit: doc.commit,
      tool: doc.tool,
      version: doc.version,
    };
    expect(serialiseProfileDocument(shuffled)).toBe(serialiseProfileDocument(doc));
  });

  it('omits an unknown commit and writes an empty benchmark list', () => {
    const { commit: _, ...withoutCommit } = { ...sampleDocument(), benchmarks: [] };
    const text = serialiseProfileDocument(withoutCommit);
    expect(text).not.toContain('commit');
    expect(text.endsWith('  "benchmarks": []\n}\n')).toBe(true);
    expect(parseProfileDocument(text, 'profile.json')).toEqual(withoutCommit);
  });

  it('round-trips through parseProfileDocument', () => {
    const doc = sampleDocument();
    expect(parseProfileDocument(serialiseProfileDocument(doc), 'profile.json')).toEqual(doc);
  });
});

describe('parseProfileDocument', () => {
  it('reads a document that starts with a UTF-8 byte order mark', () => {
    const text = `\uFEFF${serialiseProfileDocument(sampleDocument())}`;
    expect(parseProfileDocument(text, 'profile.json')).toEqual(sampleDocument());
  });

  it.each([
    ['invalid JSON', '{"version": 1,', 'not a profile document: invalid JSON'],
    ['an array', '[]', 'the document: expected an object, found an array'],
    [
      'a newer version',
      mutated((doc) => (doc.version = 3)),
      'version: 3 is not a profile version this rust-perf reads (2): measure again with this version of rust-perf',
    ],
    [
      'version 1, whose benchmarks were whole bench targets',
      mutated((doc) => (doc.version = 1)),
      'version: profile version 1 was written by an earlier rust-perf, which measured each bench target as one whole program: ' +
        'its counts do not compare with per-benchmark counts, so measure this side again with this version of rust-perf',
    ],
    [
      'an unknown harness',
      mutated((doc) => ((doc.benchmarks as { harness: string }[])[0]!.harness = 'bencher')),
      'benchmarks[0].harness: expected "plain", "criterion", "libtest", "divan", "gungraun", found "bencher"',
    ],
    ['a missing field', mutated((doc) => delete doc.fingerprint), 'fingerprint: missing'],
    ['an unknown field', mutated((doc) => (doc.extra = true)), 'extra: not a known field'],
    ['a wrong type', mutated((doc) => (doc.tool = 7)), 'tool: expected a string, found 7'],
    [
      'a long value, quoted short',
      mutated((doc) => (doc.createdAt = 'x'.repeat(100))),
      `createdAt: expected a date and time, found "${'x'.repeat(38)}…`,
    ],
    [
      'a null commit',
      mutated((doc) => (doc.commit = null)),
      'commit: expected a string, found null',
    ],
    [
      'a bad date',
      mutated((doc) => (doc.createdAt = 'yesterday')),
      'createdAt: expected a date and time, found "yesterday"',
    ],
    [
      'an unknown mangling',
      mutated((doc) => (doc.fingerprint.mangling = 'v1')),
      'fingerprint.mangling: expected "v0" or "legacy", found "v1"',
    ],
    [
      'zero runs',
      mutated((doc) => (doc.fingerprint.runs = 0)),
      'fingerprint.runs: expected at least 1 run, found 0',
    ],
    [
      'a rustflag that is not a string',
      mutated((doc) => (doc.fingerprint.rustflags = ['-C', 3])),
      'fingerprint.rustflags[1]: expected a string, found 3',
    ],
    [
      'benchmarks that are not an array',
      mutated((doc) => (doc.benchmarks = {})),
      'benchmarks: expected an array, found an object',
    ],
    [
      'a benchmark without functions',
      mutated((doc) => delete doc.benchmarks[1].functions),
      'benchmarks[1].functions: missing',
    ],
    [
      'no events',
      mutated((doc) => (doc.benchmarks[1].events = [])),
      'benchmarks[1].events: expected at least one event',
    ],
    [
      'an event listed twice',
      mutated((doc) => (doc.benchmarks[0].events = ['Ir', 'Ir'])),
      'benchmarks[0].events[1]: "Ir" appears twice',
    ],
    [
      'an event that is not a name',
      mutated((doc) => (doc.benchmarks[1].events = ['__proto__'])),
      'benchmarks[1].events[0]: "__proto__" is not an event name',
    ],
    [
      'a total missing an event',
      mutated((doc) => delete doc.benchmarks[0].totals.Dr),
      'benchmarks[0].totals.Dr: missing',
    ],
    [
      'a count for an unrecorded event',
      mutated((doc) => (doc.benchmarks[0].functions[1].counts.Bc = 1)),
      'benchmarks[0].functions[1].counts.Bc: not a known field',
    ],
    [
      'a count as a string',
      mutated((doc) => (doc.benchmarks[0].functions[0].counts.Ir = '900')),
      'benchmarks[0].functions[0].counts.Ir: expected a whole number of at least 0, found "900"',
    ],
    [
      'a negative count',
      mutated((doc) => (doc.benchmarks[0].totals.Ir = -1)),
      'benchmarks[0].totals.Ir: expected a whole number of at least 0, found -1',
    ],
    [
      'a fractional line',
      mutated((doc) => (doc.benchmarks[0].functions[0].line = 1.5)),
      'benchmarks[0].functions[0].line: expected a whole number of at least 0, found 1.5',
    ],
    [
      'an unsafe integer',
      mutated((doc) => (doc.benchmarks[0].totals.Ir = 2 ** 53)),
      'benchmarks[0].totals.Ir: expected a whole number of at least 0, found 9007199254740992',
    ],
    [
      'a function listed twice',
      mutated((doc) => (doc.benchmarks[0].functions[1].name = 'textbench::parse')),
      'benchmarks[0].functions[1].name: "textbench::parse" appears twice',
    ],
    [
      'a benchmark listed twice',
      mutated((doc) => (doc.benchmarks[1].name = 'ops/parse')),
      'benchmarks[1].name: "ops/parse" appears twice',
    ],
    [
      'a function that is not an object',
      mutated((doc) => (doc.benchmarks[0].functions[0] = 'f')),
      'benchmarks[0].functions[0]: expected an object, found "f"',
    ],
    [
      'totals that disagree with the functions',
      mutated((doc) => (doc.benchmarks[0].totals.Ir = 6_016_008_000)),
      "benchmarks[0].totals.Ir: is 6016008000, but its functions' counts add up to 1000",
    ],
    [
      'a count of 2^53 + 1, which a double cannot hold',
      serialiseProfileDocument(sampleDocument()).replace(
        '"totals": {"Ir":1000',
        '"totals": {"Ir":9007199254740993',
      ),
      // JSON.parse rounds it to 2^53, which is no longer exact, so it is refused.
      'benchmarks[0].totals.Ir: expected a whole number of at least 0, found 9007199254740992',
    ],
    [
      'an unknown field whose name holds control characters, escaped',
      mutated((doc) => (doc['\u009b2J\u001b[31mred'] = 1)),
      '"\\u009b2J\\u001b[31mred": not a known field',
    ],
  ])('refuses %s, naming the field', (_, text, reason) => {
    let caught: unknown;
    try {
      parseProfileDocument(text, 'base/profile.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CorruptFileError);
    const message = (caught as CorruptFileError).message;
    expect(message.startsWith('base/profile.json: ')).toBe(true);
    if (reason.startsWith('not a profile document')) expect(message).toContain(reason);
    else expect(message).toBe(`base/profile.json: not a valid profile document: ${reason}`);
  });
});
