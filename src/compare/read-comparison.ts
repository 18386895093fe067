/**
 * Reads a Comparison from JSON that may come from an untrusted place: in the two-phase setup
 * it is an artifact uploaded by a fork's workflow. Everything is checked (schema, types, enum
 * values, string lengths, size, internal consistency) before any of it is rendered or posted.
 */
import { CorruptFileError } from '../errors.js';
import {
  COMPARABLE_FINGERPRINT_FIELDS,
  FINGERPRINT_FIELDS,
  type Fingerprint,
} from '../profile/profile.js';
import {
  describeJsonValue,
  isJsonObject,
  type JsonObject,
  missingKey,
  parseJson,
  truncateForMessage,
  unexpectedKey,
} from '../system/strict-json.js';
import {
  BENCHMARK_STATUSES,
  type BenchmarkComparison,
  COMPARISON_VERSION,
  type Comparison,
  type FingerprintDifference,
  FUNCTION_STATUSES,
  type FunctionChange,
  type ProfileSide,
} from './comparison.js';

const MAX_BYTES = 32 * 1024 * 1024;
/** Function and benchmark names, paths, fingerprint values. */
const MAX_STRING = 10_000;
const MANGLINGS: readonly Fingerprint['mangling'][] = ['v0', 'legacy'];
// The fields each object of a report has; any other field makes it invalid.
const REPORT_FIELDS = [
  'version',
  'regressed',
  'event',
  'threshold',
  'functionThreshold',
  'base',
  'head',
  'fingerprintDifferences',
  'benchmarks',
];
const BENCHMARK_FIELDS = ['name', 'status', 'base', 'head', 'change', 'otherEvents', 'functions'];
const FUNCTION_CHANGE_FIELDS = [
  'name',
  'file',
  'line',
  'base',
  'head',
  'delta',
  'change',
  'status',
  'significant',
  'movedFrom',
  'movedTo',
];
const EVENT = /^[A-Za-z][A-Za-z0-9]{0,31}$/;
const COMMIT = /^[0-9a-f]{4,64}$/;

export function parseComparison(text: string, source: string): Comparison {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) {
    throw new CorruptFileError(
      source,
      undefined,
      `is ${bytes} bytes, more than the 32 MiB a comparison report may have`,
    );
  }
  const json = parseJson(
    text,
    (reason) => new CorruptFileError(source, undefined, `is not valid JSON (${reason})`),
  );
  return new ComparisonReader(source).comparison(json);
}

class ComparisonReader {
  constructor(private readonly source: string) {}

  comparison(value: unknown): Comparison {
    const object = this.object(value, 'the report', REPORT_FIELDS);
    if (object.version !== COMPARISON_VERSION) {
      this.fail('version', `must be ${COMPARISON_VERSION}`, object.version);
    }
    const benchmarks = this.array(object.benchmarks, 'benchmarks').map((benchmark, index) =>
      this.benchmark(benchmark, `benchmarks[${index}]`),
    );
    const regressed = this.boolean(object.regressed, 'regressed');
    if (regressed !== benchmarks.some((benchmark) => benchmark.status === 'regressed')) {
      this.fail('regressed', 'must be true exactly when a benchmark regressed', regressed);
    }
    return {
      version: COMPARISON_VERSION,
      regressed,
      event: this.event(object.event, 'event'),
      threshold: this.fraction(object.threshold, 'threshold'),
      functionThreshold: this.fraction(object.functionThreshold, 'functionThreshold'),
      base: this.side(object.base, 'base'),
      head: this.side(object.head, 'head'),
      fingerprintDifferences: this.array(
        object.fingerprintDifferences,
        'fingerprintDifferences',
      ).map((difference, index) => this.difference(difference, `fingerprintDifferences[${index}]`)),
      benchmarks,
    };
  }

  private side(value: unknown, path: string): ProfileSide {
    const object = this.object(value, path, ['commit', 'fingerprint'], ['commit', 'fingerprint']);
    const side: ProfileSide = {};
    if (object.commit !== undefined) {
      side.commit = this.string(object.commit, `${path}.commit`);
      if (!COMMIT.test(side.commit)) {
        this.fail(`${path}.commit`, 'must be a hexadecimal commit id', side.commit);
      }
    }
    if (object.fingerprint !== undefined) {
      side.fingerprint = this.fingerprint(object.fingerprint, `${path}.fingerprint`);
    }
    return side;
  }

  private fingerprint(value: unknown, path: string): Fingerprint {
    const object = this.object(value, path, FINGERPRINT_FIELDS);
    const runs = this.count(object.runs, `${path}.runs`);
    if (runs < 1) this.fail(`${path}.runs`, 'must be at least 1', runs);
    return {
      valgrind: this.string(object.valgrind, `${path}.valgrind`),
      rustc: this.string(object.rustc, `${path}.rustc`),
      target: this.string(object.target, `${path}.target`),
      rustflags: this.array(object.rustflags, `${path}.rustflags`).map((flag, index) =>
        this.string(flag, `${path}.rustflags[${index}]`),
      ),
      mangling: this.oneOf(object.mangling, `${path}.mangling`, MANGLINGS),
      runs,
    };
  }

  private difference(value: unknown, path: string): FingerprintDifference {
    const object = this.object(value, path, ['field', 'base', 'head']);
    return {
      field: this.oneOf(object.field, `${path}.field`, COMPARABLE_FINGERPRINT_FIELDS),
      base: this.string(object.base, `${path}.base`),
      head: this.string(object.head, `${path}.head`),
    };
  }

  private benchmark(value: unknown, path: string): BenchmarkComparison {
    const object = this.object(value, path, BENCHMARK_FIELDS);
    const status = this.oneOf(object.status, `${path}.status`, BENCHMARK_STATUSES);
    const base = this.nullable(object.base, `${path}.base`, (count, at) => this.count(count, at));
    const head = this.nullable(object.head, `${path}.head`, (count, at) => this.count(count, at));
    if ((base === null) !== (status === 'added')) {
      this.fail(`${path}.base`, 'must be null exactly when the benchmark was added', base);
    }
    if ((head === null) !== (status === 'removed')) {
      this.fail(`${path}.head`, 'must be null exactly when the benchmark was removed', head);
    }
    const otherEvents = this.object(object.otherEvents, `${path}.otherEvents`, undefined);
    return {
      name: this.name(object.name, `${path}.name`),
      status,
      base,
      head,
      change: this.change(object.change, `${path}.change`),
      otherEvents: Object.fromEntries(
        Object.entries(otherEvents).map(([event, totals]) => {
          const at = `${path}.otherEvents.${this.event(event, `${path}.otherEvents`)}`;
          const pair = this.object(totals, at, ['base', 'head']);
          return [
            event,
            {
              base: this.nullable(pair.base, `${at}.base`, (count, where) =>
                this.count(count, where),
              ),
              head: this.nullable(pair.head, `${at}.head`, (count, where) =>
                this.count(count, where),
              ),
            },
          ];
        }),
      ),
      functions: this.array(object.functions, `${path}.functions`).map((change, index) =>
        this.functionChange(change, `${path}.functions[${index}]`),
      ),
    };
  }

  private functionChange(value: unknown, path: string): FunctionChange {
    const object = this.object(value, path, FUNCTION_CHANGE_FIELDS, ['movedFrom', 'movedTo']);
    const base = this.count(object.base, `${path}.base`);
    const head = this.count(object.head, `${path}.head`);
    const delta = this.integer(object.delta, `${path}.delta`);
    if (delta !== head - base) this.fail(`${path}.delta`, 'must be head - base', delta);
    const change: FunctionChange = {
      name: this.name(object.name, `${path}.name`),
      file: this.name(object.file, `${path}.file`),
      line: this.count(object.line, `${path}.line`),
      base,
      head,
      delta,
      change: this.change(object.change, `${path}.change`),
      status: this.oneOf(object.status, `${path}.status`, FUNCTION_STATUSES),
      significant: this.boolean(object.significant, `${path}.significant`),
    };
    for (const key of ['movedFrom', 'movedTo'] as const) {
      if (object[key] === undefined) continue;
      change[key] = this.array(object[key], `${path}.${key}`).map((name, index) =>
        this.name(name, `${path}.${key}[${index}]`),
      );
    }
    return change;
  }

  /** An object with exactly the `allowed` keys (all required but `optional`); any keys when undefined. */
  private object(
    value: unknown,
    path: string,
    allowed: readonly string[] | undefined,
    optional: readonly string[] = [],
  ): JsonObject {
    if (!isJsonObject(value)) this.fail(path, 'must be an object', value);
    const object = value as JsonObject;
    if (allowed) {
      const unexpected = unexpectedKey(object, allowed);
      if (unexpected !== undefined) {
        this.fail(path, `has an unexpected field '${truncateForMessage(unexpected)}'`);
      }
      const required = allowed.filter((key) => !optional.includes(key));
      const missing = missingKey(object, required);
      if (missing !== undefined) this.fail(`${path}.${missing}`, 'is missing');
    }
    return object;
  }

  private array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'must be an array', value);
    return value as unknown[];
  }

  private string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'must be a string', value);
    const text = value as string;
    if (text.length > MAX_STRING) {
      this.fail(path, `must be at most ${MAX_STRING} characters, not ${text.length}`);
    }
    return text;
  }

  /** A name or path: a non-empty string. */
  private name(value: unknown, path: string): string {
    const text = this.string(value, path);
    if (text === '') this.fail(path, 'must not be empty');
    return text;
  }

  private event(value: unknown, path: string): string {
    const text = this.string(value, path);
    if (!EVENT.test(text)) this.fail(path, 'must be a Cachegrind event name such as Ir', text);
    return text;
  }

  private boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'must be true or false', value);
    return value as boolean;
  }

  private integer(value: unknown, path: string): number {
    if (!Number.isSafeInteger(value)) this.fail(path, 'must be a whole number', value);
    return value as number;
  }

  /** A count: a whole number, 0 or more. */
  private count(value: unknown, path: string): number {
    const number = this.integer(value, path);
    if (number < 0) this.fail(path, 'must not be negative', number);
    return number;
  }

  private fraction(value: unknown, path: string): number {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      this.fail(path, 'must be a fraction from 0 to 1', value);
    }
    return value as number;
  }

  /** A percent change, or null where there is nothing to relate it to. */
  private change(value: unknown, path: string): number | null {
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < -100) {
      this.fail(path, 'must be a percent change (-100 or more) or null', value);
    }
    return value as number;
  }

  private nullable<T>(
    value: unknown,
    path: string,
    read: (value: unknown, path: string) => T,
  ): T | null {
    return value === null ? null : read(value, path);
  }

  private oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${allowed.join(', ')}`, value);
    }
    return value as T;
  }

  /** `actual`, when given, is quoted in the message. */
  private fail(path: string, expectation: string, ...actual: [unknown?]): never {
    const got = actual.length > 0 ? ` (got ${describeJsonValue(actual[0])})` : '';
    throw new CorruptFileError(
      this.source,
      undefined,
      `${path} ${expectation}${got}; this is not a comparison report written by rust-perf`,
    );
  }
}
