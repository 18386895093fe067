import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import type { Comparison } from '../../src/compare/comparison.js';
import { parseComparison } from '../../src/compare/read-comparison.js';
import { CorruptFileError } from '../../src/errors.js';
import { renderJson } from '../../src/report/json.js';
import { benchmark, document, fixtureProfile } from './documents.js';

const OPTIONS = { threshold: 0.01, functionThreshold: 0.001 };
const textbench = compareProfiles(
  fixtureProfile('textbench-base'),
  fixtureProfile('textbench-head'),
  OPTIONS,
);

// The edits below write what the types forbid: that is what they test.
// biome-ignore lint/suspicious/noExplicitAny: untyped JSON on purpose.
type EditableReport = Record<string, any>;

/** The textbench report as plain JSON, changed by `edit`. */
function edited(edit: (report: EditableReport) => void): string {
  const report = JSON.parse(renderJson(textbench));
  edit(report);
  return JSON.stringify(report);
}

function failure(text: string): string {
  try {
    parseComparison(text, 'report.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CorruptFileError);
    return (error as Error).message;
  }
  throw new Error('parseComparison accepted the report');
}

const NOT_OURS = '; this is not a comparison report written by rust-perf';

describe('parseComparison', () => {
  it('reads back a report of events named like Object methods, which the head alone records', () => {
    const base = document([benchmark('parse', { 'a::f': 10 })]);
    const head = document([
      benchmark('parse', { 'a::f': 12 }, { otherEvents: { constructor: 5, toString: 7 } }),
    ]);
    const report = compareProfiles(base, head, OPTIONS);
    expect(report.benchmarks[0]?.otherEvents).toEqual({
      constructor: { base: null, head: 5 },
      toString: { base: null, head: 7 },
    });
    expect(parseComparison(renderJson(report), 'report.json')).toEqual(report);
  });

  it('reads back exactly what renderJson wrote, hostile names included', () => {
    const hostile = compareProfiles(
      fixtureProfile('hostile-base'),
      fixtureProfile('hostile-head'),
      OPTIONS,
    );
    for (const comparison of [textbench, hostile]) {
      expect(parseComparison(renderJson(comparison), 'report.json')).toEqual(comparison);
    }
  });

  it.each<[string, (report: EditableReport) => void, string]>([
    [
      'a newer version',
      (r) => {
        r.version = 3;
      },
      'version must be 2 (got 3)',
    ],
    [
      'an unknown field',
      (r) => {
        r.benchmarks[0].functions[0].script = '<b>';
      },
      "benchmarks[0].functions[0] has an unexpected field 'script'",
    ],
    [
      'a missing field',
      (r) => {
        delete r.benchmarks[1].functions;
      },
      'benchmarks[1].functions is missing',
    ],
    [
      'an unknown status',
      (r) => {
        r.benchmarks[2].functions[0].status = 'faster';
      },
      'benchmarks[2].functions[0].status must be one of regressed, improved, unchanged, added, removed, noisy (got "faster")',
    ],
    [
      'a string for a count',
      (r) => {
        r.benchmarks[0].base = '4812345';
      },
      'benchmarks[0].base must be a whole number (got "4812345")',
    ],
    [
      'a negative count',
      (r) => {
        r.benchmarks[0].functions[0].base = -1;
      },
      'benchmarks[0].functions[0].base must not be negative (got -1)',
    ],
    [
      'a fractional line',
      (r) => {
        r.benchmarks[0].functions[0].line = 1.5;
      },
      'benchmarks[0].functions[0].line must be a whole number (got 1.5)',
    ],
    [
      'a call path of one frame',
      (r) => {
        r.benchmarks[0].functions[0].callPath = ['parse'];
      },
      'benchmarks[0].functions[0].callPath must name at least 2 frames',
    ],
    [
      'a caller said to call more that called less',
      (r) => {
        r.benchmarks[0].functions[0].calledMoreBy = { caller: 'a::f', base: 16, head: 10 };
      },
      'benchmarks[0].functions[0].calledMoreBy.head must exceed base (got 10)',
    ],
    [
      'an inclusive cost without its base',
      (r) => {
        r.benchmarks[0].functions[0].inclusive = { head: 10 };
      },
      'benchmarks[0].functions[0].inclusive.base is missing',
    ],
    [
      'a delta that is not head - base',
      (r) => {
        r.benchmarks[0].functions[0].delta = 1;
      },
      'benchmarks[0].functions[0].delta must be head - base (got 1)',
    ],
    [
      'a verdict its benchmarks contradict',
      (r) => {
        r.regressed = false;
      },
      'regressed must be true exactly when a benchmark regressed (in instructions or allocations) or exceeded a budget, and is not ignored (got false)',
    ],
    [
      'a null total on a measured benchmark',
      (r) => {
        r.benchmarks[0].head = null;
      },
      'benchmarks[0].head must be null exactly when the benchmark was removed (got null)',
    ],
    [
      'an over-long name',
      (r) => {
        r.benchmarks[0].functions[0].name = 'x'.repeat(10_001);
      },
      'benchmarks[0].functions[0].name must be at most 10000 characters, not 10001',
    ],
    [
      'an empty name',
      (r) => {
        r.benchmarks[0].name = '';
      },
      'benchmarks[0].name must not be empty',
    ],
    [
      'a commit that is not an id',
      (r) => {
        r.head.commit = 'main); rm -rf';
      },
      'head.commit must be a hexadecimal commit id (got "main); rm -rf")',
    ],
    [
      'a threshold above 100%',
      (r) => {
        r.threshold = 2;
      },
      'threshold must be a fraction from 0 to 1 (got 2)',
    ],
    [
      'an unknown fingerprint field',
      (r) => {
        r.fingerprintDifferences = [{ field: 'runs', base: '1', head: '2' }];
      },
      'fingerprintDifferences[0].field must be one of valgrind, rustc, target, rustflags, mangling, codegen (got "runs")',
    ],
    [
      'an event that is no event name',
      (r) => {
        r.benchmarks[0].otherEvents = { '<img>': { base: 1, head: 1 } };
      },
      'benchmarks[0].otherEvents must be a Cachegrind event name such as Ir (got "<img>")',
    ],
    [
      'an infinite change',
      (r) => {
        r.benchmarks[0].change = '1e999';
      },
      'benchmarks[0].change must be a percent change (-100 or more) or null (got "1e999")',
    ],
    [
      'an array for an object',
      (r) => {
        r.base = [];
      },
      'base must be an object (got an array)',
    ],
    [
      'a side without allocations that is no side',
      (r) => {
        r.allocationsUnmeasured = 'both';
      },
      'allocationsUnmeasured must be "base" or "head" (got "both")',
    ],
    [
      'a budget of allocations for a function',
      (r) => {
        r.benchmarks[0].overBudget = [{ function: 'f', metric: 'allocations', limit: 1, count: 2 }];
      },
      'benchmarks[0].overBudget[0].metric is set only for a whole benchmark, not a function',
    ],
    [
      'an unknown budget not checked',
      (r) => {
        r.benchmarks[0].uncheckedBudgets = ['max-instructions'];
      },
      'benchmarks[0].uncheckedBudgets[0] must be one of max-allocations, max-allocated-bytes (got "max-instructions")',
    ],
    [
      'a shard out of its count',
      (r) => {
        r.shard = { index: 3, count: 2 };
      },
      'shard must be shard K of N, 1 <= K <= N <= 256, not 3 of 2',
    ],
  ])('rejects %s, naming the field', (_, edit, message) => {
    expect(failure(edited(edit))).toBe(`report.json: ${message}${NOT_OURS}`);
  });

  it('reads back which side did not measure allocations', () => {
    const text = edited((r) => {
      r.allocationsUnmeasured = 'base';
    });
    expect(parseComparison(text, 'report.json').allocationsUnmeasured).toBe('base');
  });

  it('rejects text that is not JSON, or a JSON value that is not an object', () => {
    expect(failure('{"version": 1,')).toMatch(/^report\.json: is not valid JSON \(/);
    expect(failure('[]')).toBe(
      `report.json: the report must be an object (got an array)${NOT_OURS}`,
    );
  });

  it('rejects a report above 32 MiB before parsing it', () => {
    const padded = `${renderJson(textbench)}${' '.repeat(32 * 1024 * 1024)}`;
    expect(failure(padded)).toBe(
      `report.json: is ${Buffer.byteLength(padded)} bytes, more than the 32 MiB a comparison report may have`,
    );
  });

  it('keeps only the fields of the schema, in its order', () => {
    const comparison: Comparison = parseComparison(renderJson(textbench), 'report.json');
    expect(Object.keys(comparison)).toEqual([
      'version',
      'regressed',
      'event',
      'threshold',
      'functionThreshold',
      'base',
      'head',
      'fingerprintDifferences',
      'benchmarks',
    ]);
  });
});
