/**
 * Reading and writing profile documents. A profile.json comes from caches, artifacts and other
 * machines, so it is validated field by field before anything trusts it.
 */
import { CorruptFileError } from '../errors.js';
import {
  describeJsonValue,
  isJsonObject,
  missingKey,
  parseJson,
  unexpectedKey,
} from '../system/strict-json.js';
import {
  type BenchmarkProfile,
  type Counts,
  EVENT_NAME,
  FINGERPRINT_FIELDS,
  type Fingerprint,
  type FunctionProfile,
  PROFILE_VERSION,
  type ProfileDocument,
} from './profile.js';

// The fields each object of a profile document has; any other field makes it invalid.
const DOCUMENT_FIELDS = ['version', 'tool', 'createdAt', 'fingerprint', 'benchmarks'];
const BENCHMARK_FIELDS = ['name', 'command', 'events', 'totals', 'nondeterministic', 'functions'];
const FUNCTION_FIELDS = ['name', 'file', 'line', 'counts'];

/** Thrown with the dotted path of the offending field; caught and given the file's name. */
class FieldError extends Error {
  constructor(path: string, problem: string) {
    super(`${path === '' ? 'the document' : path}: ${problem}`);
  }
}

/** Parses and validates a profile document; `source` names it in errors (usually its path). */
export function parseProfileDocument(text: string, source: string): ProfileDocument {
  const data = parseJson(
    text,
    (reason) =>
      new CorruptFileError(source, undefined, `not a profile document: invalid JSON (${reason})`),
  );
  try {
    return readDocument(data);
  } catch (error) {
    if (error instanceof FieldError) {
      throw new CorruptFileError(
        source,
        undefined,
        `not a valid profile document: ${error.message}`,
      );
    }
    throw error;
  }
}

function readDocument(data: unknown): ProfileDocument {
  const fields = readObject(data, '', DOCUMENT_FIELDS, ['commit']);
  if (fields.version !== PROFILE_VERSION) {
    throw new FieldError(
      'version',
      `${describeJsonValue(fields.version)} is not a profile version this rust-perf reads (${PROFILE_VERSION}): ` +
        'measure again with this version of rust-perf',
    );
  }
  const benchmarks = readArray(fields.benchmarks, 'benchmarks').map((benchmark, index) =>
    readBenchmark(benchmark, `benchmarks[${index}]`),
  );
  requireUnique(
    benchmarks.map((benchmark) => benchmark.name),
    (index) => `benchmarks[${index}].name`,
  );
  const createdAt = readString(fields.createdAt, 'createdAt');
  if (Number.isNaN(Date.parse(createdAt))) {
    throw new FieldError(
      'createdAt',
      `expected a date and time, found ${describeJsonValue(createdAt)}`,
    );
  }
  return {
    version: PROFILE_VERSION,
    tool: readString(fields.tool, 'tool'),
    ...(fields.commit === undefined ? {} : { commit: readString(fields.commit, 'commit') }),
    createdAt,
    fingerprint: readFingerprint(fields.fingerprint, 'fingerprint'),
    benchmarks,
  };
}

function readFingerprint(value: unknown, path: string): Fingerprint {
  const fields = readObject(value, path, FINGERPRINT_FIELDS);
  const mangling = fields.mangling;
  if (mangling !== 'v0' && mangling !== 'legacy') {
    throw new FieldError(
      `${path}.mangling`,
      `expected "v0" or "legacy", found ${describeJsonValue(mangling)}`,
    );
  }
  const runs = readCount(fields.runs, `${path}.runs`);
  if (runs === 0) throw new FieldError(`${path}.runs`, 'expected at least 1 run, found 0');
  return {
    valgrind: readString(fields.valgrind, `${path}.valgrind`),
    rustc: readString(fields.rustc, `${path}.rustc`),
    target: readString(fields.target, `${path}.target`),
    rustflags: readStrings(fields.rustflags, `${path}.rustflags`),
    mangling,
    runs,
  };
}

function readBenchmark(value: unknown, path: string): BenchmarkProfile {
  const fields = readObject(value, path, BENCHMARK_FIELDS);
  const events = readStrings(fields.events, `${path}.events`);
  if (events.length === 0) throw new FieldError(`${path}.events`, 'expected at least one event');
  events.forEach((event, index) => {
    if (!EVENT_NAME.test(event)) {
      throw new FieldError(
        `${path}.events[${index}]`,
        `${describeJsonValue(event)} is not an event name`,
      );
    }
  });
  requireUnique(events, (index) => `${path}.events[${index}]`);
  const functions = readArray(fields.functions, `${path}.functions`).map((entry, index) =>
    readFunction(entry, `${path}.functions[${index}]`, events),
  );
  requireUnique(
    functions.map((entry) => entry.name),
    (index) => `${path}.functions[${index}].name`,
  );
  return {
    name: readString(fields.name, `${path}.name`),
    command: readStrings(fields.command, `${path}.command`),
    events,
    totals: readCounts(fields.totals, `${path}.totals`, events),
    nondeterministic: readStrings(fields.nondeterministic, `${path}.nondeterministic`),
    functions,
  };
}

function readFunction(value: unknown, path: string, events: string[]): FunctionProfile {
  const fields = readObject(value, path, FUNCTION_FIELDS);
  return {
    name: readString(fields.name, `${path}.name`),
    file: readString(fields.file, `${path}.file`),
    line: readCount(fields.line, `${path}.line`),
    counts: readCounts(fields.counts, `${path}.counts`, events),
  };
}

/** Exactly one count per event, in the order of `events`. */
function readCounts(value: unknown, path: string, events: string[]): Counts {
  const fields = readObject(value, path, events);
  const counts: Counts = {};
  for (const event of events) counts[event] = readCount(fields[event], `${path}.${event}`);
  return counts;
}

/** An object with exactly the `required` keys and any of the `optional` ones, nothing else. */
function readObject(
  value: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (!isJsonObject(value)) {
    throw new FieldError(path, `expected an object, found ${describeJsonValue(value)}`);
  }
  const field = (key: string) => (path === '' ? key : `${path}.${key}`);
  const missing = missingKey(value, required);
  if (missing !== undefined) throw new FieldError(field(missing), 'missing');
  const unknown = unexpectedKey(value, [...required, ...optional]);
  if (unknown !== undefined) throw new FieldError(field(unknown), 'not a known field');
  return value;
}

function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value))
    throw new FieldError(path, `expected an array, found ${describeJsonValue(value)}`);
  return value;
}

function readStrings(value: unknown, path: string): string[] {
  return readArray(value, path).map((item, index) => readString(item, `${path}[${index}]`));
}

function readString(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new FieldError(path, `expected a string, found ${describeJsonValue(value)}`);
  return value;
}

function readCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new FieldError(
      path,
      `expected a whole number of at least 0, found ${describeJsonValue(value)}`,
    );
  }
  return value;
}

function requireUnique(values: string[], pathOf: (index: number) => string): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value))
      throw new FieldError(pathOf(index), `${describeJsonValue(value)} appears twice`);
    seen.add(value);
  });
}

/**
 * Stable, diff-friendly JSON: fields in a fixed order, counts in event order, one function per
 * line so that a diff of two baselines shows which functions changed.
 */
export function serialiseProfileDocument(doc: ProfileDocument): string {
  const header = {
    version: doc.version,
    tool: doc.tool,
    ...(doc.commit === undefined ? {} : { commit: doc.commit }),
    createdAt: doc.createdAt,
    fingerprint: {
      valgrind: doc.fingerprint.valgrind,
      rustc: doc.fingerprint.rustc,
      target: doc.fingerprint.target,
      rustflags: doc.fingerprint.rustflags,
      mangling: doc.fingerprint.mangling,
      runs: doc.fingerprint.runs,
    },
  };
  const headerLines = JSON.stringify(header, null, 2).split('\n').slice(1, -1);
  const benchmarks = doc.benchmarks.map(serialiseBenchmark).join(',\n');
  const body =
    doc.benchmarks.length === 0 ? '  "benchmarks": []' : `  "benchmarks": [\n${benchmarks}\n  ]`;
  return `{\n${headerLines.join('\n')},\n${body}\n}\n`;
}

function serialiseBenchmark(benchmark: BenchmarkProfile): string {
  const { events } = benchmark;
  const functions = benchmark.functions.map(
    (entry) =>
      `        ${JSON.stringify({
        name: entry.name,
        file: entry.file,
        line: entry.line,
        counts: inEventOrder(entry.counts, events),
      })}`,
  );
  const lines = [
    `      "name": ${JSON.stringify(benchmark.name)},`,
    `      "command": ${JSON.stringify(benchmark.command)},`,
    `      "events": ${JSON.stringify(events)},`,
    `      "totals": ${JSON.stringify(inEventOrder(benchmark.totals, events))},`,
    `      "nondeterministic": ${JSON.stringify(benchmark.nondeterministic)},`,
    functions.length === 0
      ? '      "functions": []'
      : `      "functions": [\n${functions.join(',\n')}\n      ]`,
  ];
  return `    {\n${lines.join('\n')}\n    }`;
}

function inEventOrder(counts: Counts, events: string[]): Counts {
  const ordered: Counts = {};
  for (const event of events) ordered[event] = counts[event] ?? 0;
  return ordered;
}
