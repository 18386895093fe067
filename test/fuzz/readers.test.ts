/**
 * Fuzzing of every reader of untrusted input: the Cachegrind and Callgrind parsers, profile
 * documents, comparison reports and the report artifact's metadata. Each input is a real sample
 * (the fixtures) mutated at random, byte by byte and, for JSON, value by value; every one must
 * end in a result or a user error (`UserError`, one message), never anything else. A document
 * that reads must also compare, and its report must read back.
 *
 * The seed is fixed, so a run is reproducible; RUST_PERF_FUZZ_INPUTS sets how many inputs each
 * reader gets (the README records the count of a longer run) and RUST_PERF_FUZZ_SEED the seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { parseComparison } from '../../src/compare/read-comparison.js';
import { UserError } from '../../src/errors.js';
import { normaliseProfile, parserOptions } from '../../src/measure/normalise.js';
import { CachegrindParser } from '../../src/measure/parse.js';
import { CallgrindParser } from '../../src/measure/parse-callgrind.js';
import { parseProfileDocument } from '../../src/profile/document.js';
import { parseMetadata, serialiseMetadata } from '../../src/publish/report-metadata.js';
import { renderJson } from '../../src/report/json.js';

const INPUTS = Number(process.env.RUST_PERF_FUZZ_INPUTS ?? 60);
const SEED = Number(process.env.RUST_PERF_FUZZ_SEED ?? 20_260_514);
const OPTIONS = { threshold: 0.01, functionThreshold: 0.001 };
const NORMALISE = { workspaceRoot: '/home/runner/work/demo' };

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const samples = (directory: string, suffix: string) =>
  readdirSync(`${fixtures}${directory}`)
    .filter((name) => name.endsWith(suffix))
    .map((name) => readFileSync(`${fixtures}${directory}/${name}`));

/** mulberry32: small, fast and the same on every machine. */
function randomSource(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
  };
}
type Random = ReturnType<typeof randomSource>;

/** Bytes and text that readers treat specially, or that break naive ones. */
const TOKENS = [
  '\uFEFF',
  '\n',
  '\r\n',
  '\u009b2J',
  '\u202e',
  '0',
  '-1',
  '+4294967296',
  '9007199254740993',
  '100000000000000000000000',
  '1e23',
  'NaN',
  '__proto__',
  'constructor',
  '???',
  '*',
  'fl=',
  'fn=',
  'fn=(1)',
  'cfn=(99)',
  'calls=1 2',
  'ob=',
  'events: Ir constructor',
  'summary: 1',
  'totals: 1',
  'part: 2',
  'positions: line',
  'cmd: ',
  '"',
  '{}',
  '[]',
  'null',
];
const INTERESTING_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  1e23,
  '',
  'x'.repeat(300),
  '__proto__',
  'constructor',
  '\u009b2J',
  [],
  {},
  { __proto__: 1 },
];

const pick = <T>(random: Random, items: readonly T[]): T => items[random(items.length)]!;

/** One random edit of the bytes: flip, replace, insert, delete, duplicate or swap lines, cut. */
function mutateBytes(input: Buffer, random: Random): Buffer {
  const at = random(input.length + 1);
  switch (random(8)) {
    case 0: {
      const copy = Buffer.from(input);
      if (copy.length > 0) copy[Math.min(at, copy.length - 1)]! ^= 1 << random(8);
      return copy;
    }
    case 1:
      return Buffer.concat([
        input.subarray(0, at),
        Buffer.from(pick(random, TOKENS)),
        input.subarray(at),
      ]);
    case 2:
      return Buffer.concat([input.subarray(0, at), input.subarray(at + 1 + random(64))]);
    case 3:
      return input.subarray(0, at);
    default:
      return mutateLines(input, random);
  }
}

function mutateLines(input: Buffer, random: Random): Buffer {
  const lines = input.toString('latin1').split('\n');
  const a = random(lines.length);
  const b = random(lines.length);
  switch (random(4)) {
    case 0:
      lines.splice(a, 0, lines[b]!);
      break;
    case 1:
      lines.splice(a, 1);
      break;
    case 2:
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      break;
    default:
      lines[a] = `${lines[a]!.slice(0, random(lines[a]!.length + 1))}${pick(random, TOKENS)}`;
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}

/** One random edit of a JSON value: a value replaced, a key dropped or added. */
function mutateJson(value: unknown, random: Random): unknown {
  if (typeof value !== 'object' || value === null || random(6) === 0) {
    return structuredClone(pick(random, INTERESTING_VALUES));
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [pick(random, INTERESTING_VALUES)];
    const copy = [...value];
    const index = random(copy.length);
    if (random(5) === 0) copy.splice(index, 1);
    else copy[index] = mutateJson(copy[index], random);
    return copy;
  }
  const copy: Record<string, unknown> = { ...value };
  const keys = Object.keys(copy);
  const choice = random(8);
  if (keys.length === 0 || choice === 0) {
    Object.defineProperty(copy, pick(random, ['extra', '__proto__', 'constructor', 'Ir']), {
      value: pick(random, INTERESTING_VALUES),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  } else if (choice === 1) {
    delete copy[pick(random, keys)];
  } else {
    const key = pick(random, keys);
    copy[key] = mutateJson(copy[key], random);
  }
  return copy;
}

/** 1 to 4 edits of a sample: for JSON samples, about half of them value by value. */
function mutant(sample: Buffer, random: Random, json: boolean): Buffer {
  let input = sample;
  if (json && random(2) === 0) {
    let value: unknown = JSON.parse(sample.toString('utf8'));
    for (let edits = 1 + random(3); edits > 0; edits--) value = mutateJson(value, random);
    input = Buffer.from(JSON.stringify(value));
  }
  for (let edits = random(4); edits > 0; edits--) input = mutateBytes(input, random);
  return input;
}

/** Writes `input` in random chunk sizes, as a stream would deliver it. */
function inChunks(input: Buffer, random: Random, write: (chunk: Buffer) => void): void {
  for (let start = 0; start < input.length; ) {
    const end = start + 1 + random(64 * 1024);
    write(input.subarray(start, end));
    start = end;
  }
}

interface Reader {
  name: string;
  samples: Buffer[];
  json: boolean;
  read(input: Buffer, random: Random): void;
}

const documents = samples('profiles', '.json');
const readers: Reader[] = [
  {
    name: 'the Cachegrind parser',
    samples: samples('cachegrind', '.cachegrind.out'),
    json: false,
    read(input, random) {
      const parser = new CachegrindParser('fuzz.cachegrind.out', parserOptions(NORMALISE));
      inChunks(input, random, (chunk) => parser.write(chunk));
      normaliseProfile(parser.finish(), NORMALISE);
    },
  },
  {
    name: 'the Callgrind reader',
    samples: samples('callgrind', '.callgrind.out'),
    json: false,
    read(input, random) {
      const parser = new CallgrindParser('fuzz.callgrind.out', parserOptions(NORMALISE));
      inChunks(input, random, (chunk) => parser.write(chunk));
      parser.finish();
    },
  },
  {
    name: 'the profile document reader',
    samples: documents,
    json: true,
    read(input, random) {
      const head = parseProfileDocument(input.toString('utf8'), 'fuzz/profile.json');
      const base = parseProfileDocument(pick(random, documents).toString('utf8'), 'base.json');
      // What reads must compare, and its report must read back.
      parseComparison(renderJson(compareProfiles(base, head, OPTIONS)), 'fuzz/report.json');
    },
  },
  {
    name: 'the comparison report reader',
    samples: [
      ['textbench-base.json', 'textbench-head.json'],
      ['hostile-base.json', 'hostile-head.json'],
    ].map(([base, head]) =>
      Buffer.from(
        renderJson(
          compareProfiles(
            parseProfileDocument(readFileSync(`${fixtures}profiles/${base}`, 'utf8'), base!),
            parseProfileDocument(readFileSync(`${fixtures}profiles/${head}`, 'utf8'), head!),
            OPTIONS,
          ),
        ),
      ),
    ),
    json: true,
    read(input) {
      parseComparison(input.toString('utf8'), 'fuzz/report.json');
    },
  },
  {
    name: "the report artifact's metadata reader",
    samples: [Buffer.from(serialiseMetadata({ prNumber: 17, headSha: 'a'.repeat(40) }))],
    json: true,
    read(input) {
      parseMetadata(input, 'fuzz/metadata.json');
    },
  },
];

describe('fuzzed readers', () => {
  it.each(readers)(
    '$name ends every mutated sample in a result or a user error',
    (reader) => {
      expect(reader.samples.length).toBeGreaterThan(0);
      const random = randomSource(SEED);
      const outcomes = { read: 0, refused: 0 };
      for (let index = 0; index < INPUTS; index++) {
        const input = mutant(pick(random, reader.samples), random, reader.json);
        try {
          reader.read(input, random);
          outcomes.read++;
        } catch (error) {
          if (!(error instanceof UserError)) {
            const text = input.toString('latin1');
            throw new Error(
              `input ${index} (seed ${SEED}) of ${reader.name} ended in ${String(error)}; ` +
                `it starts ${JSON.stringify(text.slice(0, 200))}`,
              { cause: error },
            );
          }
          expect(error.message.length).toBeGreaterThan(0);
          outcomes.refused++;
        }
      }
      if (process.env.RUST_PERF_FUZZ_INPUTS) console.log(reader.name, outcomes);
      expect(outcomes.read + outcomes.refused).toBe(INPUTS);
    },
    Math.max(120_000, INPUTS * 100),
  );
});
