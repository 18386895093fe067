/**
 * Reading and writing profile documents. A profile.json comes from caches, artifacts and other
 * machines, so it is validated field by field before anything trusts it.
 */
import { CorruptFileError } from '../errors.js';
import { HARNESSES } from '../harness.js';
import { MAX_SHARDS, type ShardSpec } from '../inputs/shard.js';
import {
  describeJsonValue,
  type JsonProblem,
  parseJson,
  StrictJsonReader,
} from '../system/strict-json.js';
import {
  type AllocationProfile,
  type AllocationSite,
  type BenchmarkProfile,
  type Counts,
  countOf,
  EVENT_NAME,
  FINGERPRINT_FIELDS,
  type Fingerprint,
  type FunctionCall,
  type FunctionProfile,
  HISTORY_LENGTH,
  type HistoryEntry,
  MANGLINGS,
  PROFILE_VERSION,
  type ProfileDocument,
  siteKey,
} from './profile.js';

// The fields each object of a profile document has; any other field makes it invalid.
const DOCUMENT_FIELDS = {
  required: ['version', 'tool', 'createdAt', 'fingerprint', 'benchmarks'],
  optional: ['commit', 'shard', 'history'],
};
const SHARD_FIELDS = { required: ['index', 'count'] };
const BENCHMARK_FIELDS = {
  required: [
    'name',
    'target',
    'harness',
    'command',
    'events',
    'totals',
    'nondeterministic',
    'functions',
  ],
  optional: ['id', 'calls', 'allocations'],
};
const ALLOCATION_FIELDS = { required: ['allocations', 'bytes', 'peakBytes', 'sites'] };
const SITE_FIELDS = { required: ['function', 'file', 'line', 'allocations', 'bytes'] };
const FUNCTION_FIELDS = { required: ['name', 'file', 'line', 'counts'], optional: ['inclusive'] };
const HISTORY_FIELDS = { required: ['createdAt', 'totals'], optional: ['commit'] };

/** Parses and validates a profile document; `source` names it in errors (usually its path). */
export function parseProfileDocument(text: string, source: string): ProfileDocument {
  const data = parseJson(
    text,
    (reason) =>
      new CorruptFileError(source, undefined, `not a profile document: invalid JSON (${reason})`),
  );
  const reader = new StrictJsonReader(
    (path, problem) =>
      new CorruptFileError(
        source,
        undefined,
        `not a valid profile document: ${documentProblem(path, problem)}`,
      ),
  );
  return readDocument(reader, data);
}

function documentProblem(path: string, problem: JsonProblem): string {
  const field = (key: string) => (path === '' ? key : `${path}.${key}`);
  const at = path === '' ? 'the document' : path;
  switch (problem.kind) {
    case 'missing':
      return `${field(problem.key)}: missing`;
    case 'unknown-field':
      return `${field(problem.key)}: not a known field`;
    case 'expected':
      return `${at}: expected ${problem.expected}, found ${describeJsonValue(problem.found)}`;
    case 'rule':
      return `${at}: ${problem.rule}`;
  }
}

function readDocument(reader: StrictJsonReader, data: unknown): ProfileDocument {
  const fields = reader.object(data, '', DOCUMENT_FIELDS);
  if (fields.version === 1) {
    reader.refuse(
      'version',
      'profile version 1 was written by an earlier rust-perf, which measured each bench target as one whole program: ' +
        'its counts do not compare with per-benchmark counts, so measure this side again with this version of rust-perf',
    );
  }
  if (fields.version !== PROFILE_VERSION) {
    reader.refuse(
      'version',
      `${describeJsonValue(fields.version)} is not a profile version this rust-perf reads (${PROFILE_VERSION}): ` +
        'measure again with this version of rust-perf',
    );
  }
  const benchmarks = reader
    .array(fields.benchmarks, 'benchmarks')
    .map((benchmark, index) => readBenchmark(reader, benchmark, `benchmarks[${index}]`));
  reader.unique(
    benchmarks.map((benchmark) => benchmark.name),
    (index) => `benchmarks[${index}].name`,
  );
  const createdAt = reader.expect<string>(
    reader.string(fields.createdAt, 'createdAt'),
    'createdAt',
    (value) => !Number.isNaN(Date.parse(value as string)),
    'a date and time',
  );
  return {
    version: PROFILE_VERSION,
    tool: reader.string(fields.tool, 'tool'),
    ...(fields.commit === undefined ? {} : { commit: reader.string(fields.commit, 'commit') }),
    createdAt,
    fingerprint: readFingerprint(reader, fields.fingerprint, 'fingerprint'),
    ...(fields.shard === undefined ? {} : { shard: readShard(reader, fields.shard) }),
    ...(fields.history === undefined ? {} : { history: readHistory(reader, fields.history) }),
    benchmarks,
  };
}

function readHistory(reader: StrictJsonReader, value: unknown): HistoryEntry[] {
  const entries = reader.array(value, 'history');
  if (entries.length > HISTORY_LENGTH) {
    reader.refuse('history', `expected at most ${HISTORY_LENGTH} entries, found ${entries.length}`);
  }
  return entries.map((entry, index) => {
    const path = `history[${index}]`;
    const fields = reader.object(entry, path, HISTORY_FIELDS);
    const totals = reader.object(fields.totals, `${path}.totals`);
    return {
      ...(fields.commit === undefined
        ? {}
        : { commit: reader.string(fields.commit, `${path}.commit`) }),
      createdAt: reader.string(fields.createdAt, `${path}.createdAt`),
      totals: Object.fromEntries(
        Object.entries(totals).map(([name, total]) => [
          name,
          readCount(reader, total, `${path}.totals.${name}`),
        ]),
      ),
    };
  });
}

/** A `shard` field: shard `index` of `count`; a comparison report of a shard has one too. */
export function readShard(reader: StrictJsonReader, value: unknown): ShardSpec {
  const fields = reader.object(value, 'shard', SHARD_FIELDS);
  const count = readCount(reader, fields.count, 'shard.count');
  const index = readCount(reader, fields.index, 'shard.index');
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    reader.refuse(
      'shard',
      `must be shard K of N, 1 <= K <= N <= ${MAX_SHARDS}, not ${index} of ${count}`,
    );
  }
  return { index, count };
}

function readFingerprint(reader: StrictJsonReader, value: unknown, path: string): Fingerprint {
  const fields = reader.object(value, path, {
    required: FINGERPRINT_FIELDS,
    optional: ['codegen'],
  });
  const mangling = reader.oneOf(fields.mangling, `${path}.mangling`, MANGLINGS, '"v0" or "legacy"');
  const runs = readCount(reader, fields.runs, `${path}.runs`);
  if (runs === 0) reader.refuse(`${path}.runs`, 'expected at least 1 run, found 0');
  return {
    valgrind: reader.string(fields.valgrind, `${path}.valgrind`),
    rustc: reader.string(fields.rustc, `${path}.rustc`),
    target: reader.string(fields.target, `${path}.target`),
    rustflags: readStrings(reader, fields.rustflags, `${path}.rustflags`),
    mangling,
    ...(fields.codegen === undefined
      ? {}
      : { codegen: readStrings(reader, fields.codegen, `${path}.codegen`) }),
    runs,
  };
}

function readBenchmark(reader: StrictJsonReader, value: unknown, path: string): BenchmarkProfile {
  const fields = reader.object(value, path, BENCHMARK_FIELDS);
  const events = readStrings(reader, fields.events, `${path}.events`);
  if (events.length === 0) reader.refuse(`${path}.events`, 'expected at least one event');
  events.forEach((event, index) => {
    if (!EVENT_NAME.test(event)) {
      reader.refuse(`${path}.events[${index}]`, `${describeJsonValue(event)} is not an event name`);
    }
  });
  reader.unique(events, (index) => `${path}.events[${index}]`);
  const functions = reader
    .array(fields.functions, `${path}.functions`)
    .map((entry, index) => readFunction(reader, entry, `${path}.functions[${index}]`, events));
  reader.unique(
    functions.map((entry) => entry.name),
    (index) => `${path}.functions[${index}].name`,
  );
  const calls =
    fields.calls === undefined
      ? undefined
      : readCalls(reader, fields.calls, `${path}.calls`, functions);
  const totals = readCounts(reader, fields.totals, `${path}.totals`, events);
  checkTotals(reader, totals, functions, `${path}.totals`);
  return {
    name: reader.string(fields.name, `${path}.name`),
    target: reader.string(fields.target, `${path}.target`),
    ...(fields.id === undefined ? {} : { id: reader.string(fields.id, `${path}.id`) }),
    harness: reader.oneOf(
      fields.harness,
      `${path}.harness`,
      HARNESSES,
      HARNESSES.map((name) => `"${name}"`).join(', '),
    ),
    command: readStrings(reader, fields.command, `${path}.command`),
    events,
    totals,
    nondeterministic: readStrings(reader, fields.nondeterministic, `${path}.nondeterministic`),
    functions,
    ...(calls === undefined ? {} : { calls }),
    ...(fields.allocations === undefined
      ? {}
      : { allocations: readAllocations(reader, fields.allocations, `${path}.allocations`) }),
  };
}

function readAllocations(
  reader: StrictJsonReader,
  value: unknown,
  path: string,
): AllocationProfile {
  const fields = reader.object(value, path, ALLOCATION_FIELDS);
  const sites = reader
    .array(fields.sites, `${path}.sites`)
    .map((site, index) => readSite(reader, site, `${path}.sites[${index}]`));
  reader.unique(sites.map(siteKey), (index) => `${path}.sites[${index}]`);
  return {
    allocations: readCount(reader, fields.allocations, `${path}.allocations`),
    bytes: readCount(reader, fields.bytes, `${path}.bytes`),
    peakBytes: readCount(reader, fields.peakBytes, `${path}.peakBytes`),
    sites,
  };
}

function readSite(reader: StrictJsonReader, value: unknown, path: string): AllocationSite {
  const fields = reader.object(value, path, SITE_FIELDS);
  return {
    function: reader.string(fields.function, `${path}.function`),
    file: reader.string(fields.file, `${path}.file`),
    line: readCount(reader, fields.line, `${path}.line`),
    allocations: readCount(reader, fields.allocations, `${path}.allocations`),
    bytes: readCount(reader, fields.bytes, `${path}.bytes`),
  };
}

/**
 * `[caller, callee, calls, inclusive]` per call, the two functions by their index in
 * `functions`: a benchmark's call graph names thousands of calls, and names would repeat.
 */
function readCalls(
  reader: StrictJsonReader,
  value: unknown,
  path: string,
  functions: FunctionProfile[],
): FunctionCall[] {
  const calls = reader.array(value, path).map((entry, index) => {
    const at = `${path}[${index}]`;
    const numbers = reader
      .array(entry, at)
      .map((item, position) => readCount(reader, item, `${at}[${position}]`));
    if (numbers.length !== 4) {
      reader.refuse(
        at,
        `expected [caller, callee, calls, inclusive], found ${numbers.length} numbers`,
      );
    }
    const [caller, callee, count, inclusive] = numbers as [number, number, number, number];
    for (const [position, fn] of [caller, callee].entries()) {
      if (fn >= functions.length) {
        reader.refuse(`${at}[${position}]`, `no function has index ${fn}`);
      }
    }
    return {
      caller: functions[caller]!.name,
      callee: functions[callee]!.name,
      calls: count,
      inclusive,
    };
  });
  reader.unique(
    calls.map((call) => `${call.caller}\0${call.callee}`),
    (index) => `${path}[${index}]`,
  );
  return calls;
}

/**
 * A benchmark's totals are the sums of its functions' counts, as `measure` writes them: a total
 * that disagrees would make every share and percentage of the report wrong.
 */
function checkTotals(
  reader: StrictJsonReader,
  totals: Counts,
  functions: FunctionProfile[],
  path: string,
): void {
  for (const [event, total] of Object.entries(totals)) {
    let sum = 0;
    for (const entry of functions) sum += countOf(entry.counts, event) ?? 0;
    if (!Number.isSafeInteger(sum)) {
      reader.refuse(`${path}.${event}`, "its functions' counts add up to more than a count can be");
    }
    if (sum !== total) {
      reader.refuse(`${path}.${event}`, `is ${total}, but its functions' counts add up to ${sum}`);
    }
  }
}

function readFunction(
  reader: StrictJsonReader,
  value: unknown,
  path: string,
  events: string[],
): FunctionProfile {
  const fields = reader.object(value, path, FUNCTION_FIELDS);
  return {
    name: reader.string(fields.name, `${path}.name`),
    file: reader.string(fields.file, `${path}.file`),
    line: readCount(reader, fields.line, `${path}.line`),
    counts: readCounts(reader, fields.counts, `${path}.counts`, events),
    ...(fields.inclusive === undefined
      ? {}
      : { inclusive: readCount(reader, fields.inclusive, `${path}.inclusive`) }),
  };
}

/** Exactly one count per event, in the order of `events`. */
function readCounts(
  reader: StrictJsonReader,
  value: unknown,
  path: string,
  events: string[],
): Counts {
  const fields = reader.object(value, path, { required: events });
  const counts: Counts = {};
  for (const event of events) counts[event] = readCount(reader, fields[event], `${path}.${event}`);
  return counts;
}

function readStrings(reader: StrictJsonReader, value: unknown, path: string): string[] {
  return reader.array(value, path).map((item, index) => reader.string(item, `${path}[${index}]`));
}

function readCount(reader: StrictJsonReader, value: unknown, path: string): number {
  return reader.expect(
    value,
    path,
    (count) => Number.isSafeInteger(count) && (count as number) >= 0,
    'a whole number of at least 0',
  );
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
      ...(doc.fingerprint.codegen?.length ? { codegen: doc.fingerprint.codegen } : {}),
      runs: doc.fingerprint.runs,
    },
    ...(doc.shard === undefined
      ? {}
      : { shard: { index: doc.shard.index, count: doc.shard.count } }),
  };
  const headerLines = JSON.stringify(header, null, 2).split('\n').slice(1, -1);
  // One earlier baseline per line, as one function per line below.
  if (doc.history !== undefined) {
    const entries = doc.history.map((entry) => `    ${JSON.stringify(entry)}`);
    headerLines[headerLines.length - 1] += ',';
    headerLines.push(
      entries.length === 0 ? '  "history": []' : `  "history": [\n${entries.join(',\n')}\n  ]`,
    );
  }
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
        ...(entry.inclusive === undefined ? {} : { inclusive: entry.inclusive }),
      })}`,
  );
  const position = new Map(benchmark.functions.map((entry, index) => [entry.name, index]));
  const calls = (benchmark.calls ?? []).map(
    (call) =>
      `        ${JSON.stringify([position.get(call.caller), position.get(call.callee), call.calls, call.inclusive])}`,
  );
  const lines = [
    `      "name": ${JSON.stringify(benchmark.name)},`,
    `      "target": ${JSON.stringify(benchmark.target)},`,
    ...(benchmark.id === undefined ? [] : [`      "id": ${JSON.stringify(benchmark.id)},`]),
    `      "harness": ${JSON.stringify(benchmark.harness)},`,
    `      "command": ${JSON.stringify(benchmark.command)},`,
    `      "events": ${JSON.stringify(events)},`,
    `      "totals": ${JSON.stringify(inEventOrder(benchmark.totals, events))},`,
    `      "nondeterministic": ${JSON.stringify(benchmark.nondeterministic)},`,
    functions.length === 0
      ? '      "functions": []'
      : `      "functions": [\n${functions.join(',\n')}\n      ]`,
  ];
  if (benchmark.calls !== undefined) {
    lines[lines.length - 1] += ',';
    lines.push(
      calls.length === 0 ? '      "calls": []' : `      "calls": [\n${calls.join(',\n')}\n      ]`,
    );
  }
  if (benchmark.allocations !== undefined) {
    lines[lines.length - 1] += ',';
    lines.push(...serialiseAllocations(benchmark.allocations));
  }
  return `    {\n${lines.join('\n')}\n    }`;
}

/** The totals on one line, then one site per line. */
function serialiseAllocations(allocations: AllocationProfile): string[] {
  const { sites } = allocations;
  const siteLines = sites.map(
    (site) =>
      `          ${JSON.stringify({
        function: site.function,
        file: site.file,
        line: site.line,
        allocations: site.allocations,
        bytes: site.bytes,
      })}`,
  );
  return [
    '      "allocations": {',
    `        "allocations": ${allocations.allocations}, "bytes": ${allocations.bytes}, "peakBytes": ${allocations.peakBytes},`,
    siteLines.length === 0
      ? '        "sites": []'
      : `        "sites": [\n${siteLines.join(',\n')}\n        ]`,
    '      }',
  ];
}

function inEventOrder(counts: Counts, events: string[]): Counts {
  const ordered: Counts = {};
  for (const event of events) ordered[event] = countOf(counts, event) ?? 0;
  return ordered;
}
