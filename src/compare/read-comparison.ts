/**
 * Reads a Comparison from JSON that may come from an untrusted place: in the two-phase setup
 * it is an artifact uploaded by a fork's workflow. Everything is checked (schema, types, enum
 * values, string lengths, size, internal consistency) before any of it is rendered or posted.
 */
import { CorruptFileError } from '../errors.js';
import { HARNESSES } from '../harness.js';
import { readShard } from '../profile/document.js';
import {
  COMPARABLE_FINGERPRINT_FIELDS,
  EVENT_NAME,
  FINGERPRINT_FIELDS,
  type Fingerprint,
  HISTORY_LENGTH,
  MANGLINGS,
} from '../profile/profile.js';
import { COMMIT_ID } from '../system/commit-id.js';
import {
  describeJsonValue,
  type JsonProblem,
  parseJson,
  StrictJsonReader,
  truncateForMessage,
} from '../system/strict-json.js';
import {
  ALLOCATION_BUDGET_KEYS,
  type AllocationComparison,
  type AllocationSiteChange,
  type AllocationTotals,
  BENCHMARK_STATUSES,
  type BenchmarkComparison,
  BUDGET_METRICS,
  benchmarkFails,
  COMPARISON_VERSION,
  type Comparison,
  type ExceededBudget,
  type FingerprintDifference,
  FUNCTION_STATUSES,
  type FunctionChange,
  type ProfileSide,
  type SiteCounts,
} from './comparison.js';

const MAX_BYTES = 32 * 1024 * 1024;
/** Function and benchmark names, paths, fingerprint values. */
const MAX_STRING = 10_000;
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
const OPTIONAL_REPORT_FIELDS = [
  'allocationThreshold',
  'allocationsUnmeasured',
  'acceptedBy',
  'limits',
  'shard',
];
const BENCHMARK_FIELDS = {
  required: [
    'name',
    'target',
    'harness',
    'status',
    'base',
    'head',
    'change',
    'otherEvents',
    'functions',
  ],
  optional: [
    'id',
    'allocations',
    'trend',
    'threshold',
    'allocationThreshold',
    'ignored',
    'overBudget',
    'uncheckedBudgets',
  ],
};
const ALLOCATION_FIELDS = { required: ['status', 'base', 'head', 'change', 'sites'] };
const TOTALS_FIELDS = { required: ['allocations', 'bytes', 'peakBytes'] };
const SITE_FIELDS = { required: ['function', 'file', 'line', 'base', 'head'] };
const SITE_COUNTS_FIELDS = { required: ['allocations', 'bytes'] };
const FUNCTION_CHANGE_FIELDS = {
  required: ['name', 'file', 'line', 'base', 'head', 'delta', 'change', 'status', 'significant'],
  optional: ['movedFrom', 'movedTo', 'inclusive', 'callPath', 'calledMoreBy'],
};
const SIDES_FIELDS = { required: ['base', 'head'] };
const CALL_GROWTH_FIELDS = { required: ['caller', 'base', 'head'] };
type LimitFields = Pick<
  BenchmarkComparison,
  'threshold' | 'allocationThreshold' | 'ignored' | 'overBudget' | 'uncheckedBudgets'
>;

/** Event names as Cachegrind writes them are short; a report's are bounded too. */
const MAX_EVENT_LENGTH = 32;

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

function comparisonProblem(path: string, problem: JsonProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `${path}.${problem.key} is missing`;
    case 'unknown-field':
      return `${path} has an unexpected field '${truncateForMessage(problem.key)}'`;
    case 'expected':
      return `${path} must be ${problem.expected} (got ${describeJsonValue(problem.found)})`;
    case 'rule':
      return 'found' in problem
        ? `${path} ${problem.rule} (got ${describeJsonValue(problem.found)})`
        : `${path} ${problem.rule}`;
  }
}

class ComparisonReader {
  private readonly json: StrictJsonReader;

  constructor(source: string) {
    this.json = new StrictJsonReader(
      (path, problem) =>
        new CorruptFileError(
          source,
          undefined,
          `${comparisonProblem(path, problem)}; this is not a comparison report written by rust-perf`,
        ),
    );
  }

  comparison(value: unknown): Comparison {
    const { json } = this;
    const object = json.object(value, 'the report', {
      required: REPORT_FIELDS,
      optional: OPTIONAL_REPORT_FIELDS,
    });
    json.expect(
      object.version,
      'version',
      (version) => version === COMPARISON_VERSION,
      String(COMPARISON_VERSION),
    );
    const benchmarks = json
      .array(object.benchmarks, 'benchmarks')
      .map((benchmark, index) => this.benchmark(benchmark, `benchmarks[${index}]`));
    const regressed = json.boolean(object.regressed, 'regressed');
    if (regressed !== benchmarks.some(benchmarkFails)) {
      json.refuse(
        'regressed',
        'must be true exactly when a benchmark regressed (in instructions or allocations) or exceeded a budget, and is not ignored',
        regressed,
      );
    }
    return {
      version: COMPARISON_VERSION,
      regressed,
      event: this.event(object.event, 'event'),
      threshold: this.fraction(object.threshold, 'threshold'),
      functionThreshold: this.fraction(object.functionThreshold, 'functionThreshold'),
      ...(object.allocationThreshold === undefined
        ? {}
        : {
            allocationThreshold: this.fraction(object.allocationThreshold, 'allocationThreshold'),
          }),
      ...(object.allocationsUnmeasured === undefined
        ? {}
        : {
            allocationsUnmeasured: this.json.expect<'base' | 'head'>(
              object.allocationsUnmeasured,
              'allocationsUnmeasured',
              (side) => side === 'base' || side === 'head',
              '"base" or "head"',
            ),
          }),
      base: this.side(object.base, 'base'),
      head: this.side(object.head, 'head'),
      fingerprintDifferences: json
        .array(object.fingerprintDifferences, 'fingerprintDifferences')
        .map((difference, index) =>
          this.difference(difference, `fingerprintDifferences[${index}]`),
        ),
      ...(object.limits === undefined ? {} : { limits: this.name(object.limits, 'limits') }),
      ...(object.shard === undefined ? {} : { shard: readShard(json, object.shard) }),
      benchmarks,
      ...(object.acceptedBy === undefined
        ? {}
        : { acceptedBy: this.acceptedBy(object.acceptedBy, regressed) }),
    };
  }

  private acceptedBy(value: unknown, regressed: boolean): string {
    const label = this.json.expect<string>(
      value,
      'acceptedBy',
      (name) => typeof name === 'string' && name !== '' && name.length <= 50,
      'a label name of 1 to 50 characters',
    );
    if (!regressed) this.json.refuse('acceptedBy', 'is set only when a benchmark regressed', label);
    return label;
  }

  private side(value: unknown, path: string): ProfileSide {
    const object = this.json.object(value, path, {
      required: [],
      optional: ['commit', 'fingerprint'],
    });
    const side: ProfileSide = {};
    if (object.commit !== undefined) {
      side.commit = this.json.expect<string>(
        this.string(object.commit, `${path}.commit`),
        `${path}.commit`,
        (commit) => COMMIT_ID.test(commit as string),
        'a hexadecimal commit id',
      );
    }
    if (object.fingerprint !== undefined) {
      side.fingerprint = this.fingerprint(object.fingerprint, `${path}.fingerprint`);
    }
    return side;
  }

  private fingerprint(value: unknown, path: string): Fingerprint {
    const object = this.json.object(value, path, {
      required: FINGERPRINT_FIELDS,
      optional: ['codegen'],
    });
    const strings = (field: 'rustflags' | 'codegen') =>
      this.json
        .array(object[field], `${path}.${field}`)
        .map((entry, index) => this.string(entry, `${path}.${field}[${index}]`));
    const runs = this.count(object.runs, `${path}.runs`);
    if (runs < 1) this.json.refuse(`${path}.runs`, 'must be at least 1', runs);
    return {
      valgrind: this.string(object.valgrind, `${path}.valgrind`),
      rustc: this.string(object.rustc, `${path}.rustc`),
      target: this.string(object.target, `${path}.target`),
      rustflags: strings('rustflags'),
      mangling: this.json.oneOf(object.mangling, `${path}.mangling`, MANGLINGS),
      ...(object.codegen === undefined ? {} : { codegen: strings('codegen') }),
      runs,
    };
  }

  private difference(value: unknown, path: string): FingerprintDifference {
    const object = this.json.object(value, path, { required: ['field', 'base', 'head'] });
    return {
      field: this.json.oneOf(object.field, `${path}.field`, COMPARABLE_FINGERPRINT_FIELDS),
      base: this.string(object.base, `${path}.base`),
      head: this.string(object.head, `${path}.head`),
    };
  }

  private benchmark(value: unknown, path: string): BenchmarkComparison {
    const object = this.json.object(value, path, BENCHMARK_FIELDS);
    const status = this.json.oneOf(object.status, `${path}.status`, BENCHMARK_STATUSES);
    const base = this.optionalCount(object.base, `${path}.base`);
    const head = this.optionalCount(object.head, `${path}.head`);
    if ((base === null) !== (status === 'added')) {
      this.json.refuse(`${path}.base`, 'must be null exactly when the benchmark was added', base);
    }
    if ((head === null) !== (status === 'removed')) {
      this.json.refuse(`${path}.head`, 'must be null exactly when the benchmark was removed', head);
    }
    return {
      name: this.name(object.name, `${path}.name`),
      target: this.name(object.target, `${path}.target`),
      ...(object.id === undefined ? {} : { id: this.name(object.id, `${path}.id`) }),
      harness: this.json.oneOf(object.harness, `${path}.harness`, HARNESSES),
      status,
      base,
      head,
      change: this.change(object.change, `${path}.change`),
      otherEvents: this.otherEvents(object.otherEvents, `${path}.otherEvents`),
      functions: this.json
        .array(object.functions, `${path}.functions`)
        .map((change, index) => this.functionChange(change, `${path}.functions[${index}]`)),
      ...(object.allocations === undefined
        ? {}
        : { allocations: this.allocations(object.allocations, `${path}.allocations`) }),
      ...(object.trend === undefined ? {} : { trend: this.trend(object.trend, `${path}.trend`) }),
      ...this.limitFields(object, path),
    };
  }

  private allocations(value: unknown, path: string): AllocationComparison {
    const object = this.json.object(value, path, ALLOCATION_FIELDS);
    const totals = (side: unknown, at: string): AllocationTotals | null => {
      if (side === null) return null;
      const fields = this.json.object(side, at, TOTALS_FIELDS);
      return {
        allocations: this.count(fields.allocations, `${at}.allocations`),
        bytes: this.count(fields.bytes, `${at}.bytes`),
        peakBytes: this.count(fields.peakBytes, `${at}.peakBytes`),
      };
    };
    return {
      status: this.json.oneOf(object.status, `${path}.status`, BENCHMARK_STATUSES),
      base: totals(object.base, `${path}.base`),
      head: totals(object.head, `${path}.head`),
      change: this.change(object.change, `${path}.change`),
      sites: this.json
        .array(object.sites, `${path}.sites`)
        .map((site, index) => this.site(site, `${path}.sites[${index}]`)),
    };
  }

  private site(value: unknown, path: string): AllocationSiteChange {
    const object = this.json.object(value, path, SITE_FIELDS);
    const counts = (side: unknown, at: string): SiteCounts => {
      const fields = this.json.object(side, at, SITE_COUNTS_FIELDS);
      return {
        allocations: this.count(fields.allocations, `${at}.allocations`),
        bytes: this.count(fields.bytes, `${at}.bytes`),
      };
    };
    return {
      function: this.name(object.function, `${path}.function`),
      file: this.name(object.file, `${path}.file`),
      line: this.count(object.line, `${path}.line`),
      base: counts(object.base, `${path}.base`),
      head: counts(object.head, `${path}.head`),
    };
  }

  private trend(value: unknown, path: string): number[] {
    const values = this.json.array(value, path);
    if (values.length > HISTORY_LENGTH) {
      this.json.refuse(path, `must have at most ${HISTORY_LENGTH} values`, values.length);
    }
    return values.map((total, index) => this.count(total, `${path}[${index}]`));
  }

  /** What rust-perf.toml set for a benchmark: its threshold, ignore, exceeded budgets. */
  private limitFields(object: Record<string, unknown>, path: string): LimitFields {
    const fields: LimitFields = {};
    if (object.threshold !== undefined) {
      fields.threshold = this.fraction(object.threshold, `${path}.threshold`);
    }
    if (object.allocationThreshold !== undefined) {
      fields.allocationThreshold = this.fraction(
        object.allocationThreshold,
        `${path}.allocationThreshold`,
      );
    }
    if (object.uncheckedBudgets !== undefined) {
      fields.uncheckedBudgets = this.json
        .array(object.uncheckedBudgets, `${path}.uncheckedBudgets`)
        .map((key, index) =>
          this.json.oneOf(key, `${path}.uncheckedBudgets[${index}]`, ALLOCATION_BUDGET_KEYS),
        );
    }
    if (object.ignored !== undefined) {
      this.json.expect(object.ignored, `${path}.ignored`, (value) => value === true, 'true');
      fields.ignored = true;
    }
    if (object.overBudget !== undefined) {
      fields.overBudget = this.json
        .array(object.overBudget, `${path}.overBudget`)
        .map((budget, index) => this.exceededBudget(budget, `${path}.overBudget[${index}]`));
    }
    return fields;
  }

  private exceededBudget(value: unknown, path: string): ExceededBudget {
    const object = this.json.object(value, path, {
      required: ['limit', 'count'],
      optional: ['function', 'metric'],
    });
    const limit = this.count(object.limit, `${path}.limit`);
    const count = this.count(object.count, `${path}.count`);
    if (count <= limit) this.json.refuse(`${path}.count`, 'must exceed the limit', count);
    if (object.metric !== undefined && object.function !== undefined) {
      this.json.refuse(`${path}.metric`, 'is set only for a whole benchmark, not a function');
    }
    return {
      ...(object.function === undefined
        ? {}
        : { function: this.name(object.function, `${path}.function`) }),
      ...(object.metric === undefined
        ? {}
        : { metric: this.json.oneOf(object.metric, `${path}.metric`, BUDGET_METRICS) }),
      limit,
      count,
    };
  }

  private otherEvents(value: unknown, path: string): BenchmarkComparison['otherEvents'] {
    const events = this.json.object(value, path);
    return Object.fromEntries(
      Object.entries(events).map(([event, totals]) => {
        const at = `${path}.${this.event(event, path)}`;
        const pair = this.json.object(totals, at, { required: ['base', 'head'] });
        const sides = {
          base: this.optionalCount(pair.base, `${at}.base`),
          head: this.optionalCount(pair.head, `${at}.head`),
        };
        return [event, sides];
      }),
    );
  }

  private functionChange(value: unknown, path: string): FunctionChange {
    const object = this.json.object(value, path, FUNCTION_CHANGE_FIELDS);
    const base = this.count(object.base, `${path}.base`);
    const head = this.count(object.head, `${path}.head`);
    const delta = this.json.integer(object.delta, `${path}.delta`);
    if (delta !== head - base) this.json.refuse(`${path}.delta`, 'must be head - base', delta);
    const change: FunctionChange = {
      name: this.name(object.name, `${path}.name`),
      file: this.name(object.file, `${path}.file`),
      line: this.count(object.line, `${path}.line`),
      base,
      head,
      delta,
      change: this.change(object.change, `${path}.change`),
      status: this.json.oneOf(object.status, `${path}.status`, FUNCTION_STATUSES),
      significant: this.json.boolean(object.significant, `${path}.significant`),
    };
    for (const key of ['movedFrom', 'movedTo'] as const) {
      if (object[key] === undefined) continue;
      change[key] = this.json
        .array(object[key], `${path}.${key}`)
        .map((name, index) => this.name(name, `${path}.${key}[${index}]`));
    }
    return { ...change, ...this.callContext(object, path) };
  }

  /** What the call graph told of a function: inclusive costs, call path, who called it more. */
  private callContext(
    object: Record<string, unknown>,
    path: string,
  ): Pick<FunctionChange, 'inclusive' | 'callPath' | 'calledMoreBy'> {
    const context: Pick<FunctionChange, 'inclusive' | 'callPath' | 'calledMoreBy'> = {};
    if (object.inclusive !== undefined) {
      const at = `${path}.inclusive`;
      const sides = this.json.object(object.inclusive, at, SIDES_FIELDS);
      context.inclusive = {
        base: this.count(sides.base, `${at}.base`),
        head: this.count(sides.head, `${at}.head`),
      };
    }
    if (object.callPath !== undefined) {
      const names = this.json.array(object.callPath, `${path}.callPath`);
      if (names.length < 2) this.json.refuse(`${path}.callPath`, 'must name at least 2 frames');
      context.callPath = names.map((name, index) => this.name(name, `${path}.callPath[${index}]`));
    }
    if (object.calledMoreBy !== undefined) {
      const at = `${path}.calledMoreBy`;
      const growth = this.json.object(object.calledMoreBy, at, CALL_GROWTH_FIELDS);
      const base = this.count(growth.base, `${at}.base`);
      const head = this.count(growth.head, `${at}.head`);
      if (head <= base) this.json.refuse(`${at}.head`, 'must exceed base', head);
      context.calledMoreBy = { caller: this.name(growth.caller, `${at}.caller`), base, head };
    }
    return context;
  }

  /** A string of at most MAX_STRING characters. */
  private string(value: unknown, path: string): string {
    const text = this.json.string(value, path);
    if (text.length > MAX_STRING) {
      this.json.refuse(path, `must be at most ${MAX_STRING} characters, not ${text.length}`);
    }
    return text;
  }

  /** A name or path: a non-empty string. */
  private name(value: unknown, path: string): string {
    const text = this.string(value, path);
    if (text === '') this.json.refuse(path, 'must not be empty');
    return text;
  }

  private event(value: unknown, path: string): string {
    return this.json.expect(
      this.string(value, path),
      path,
      (text) => EVENT_NAME.test(text as string) && (text as string).length <= MAX_EVENT_LENGTH,
      'a Cachegrind event name such as Ir',
    );
  }

  /** A count: a whole number, 0 or more. */
  private count(value: unknown, path: string): number {
    const number = this.json.integer(value, path);
    if (number < 0) this.json.refuse(path, 'must not be negative', number);
    return number;
  }

  /** A count, or null on the side where the benchmark does not exist. */
  private optionalCount(value: unknown, path: string): number | null {
    return value === null ? null : this.count(value, path);
  }

  private fraction(value: unknown, path: string): number {
    return this.json.expect(
      value,
      path,
      (number) => typeof number === 'number' && number >= 0 && number <= 1,
      'a fraction from 0 to 1',
    );
  }

  /** A percent change, or null where there is nothing to relate it to. */
  private change(value: unknown, path: string): number | null {
    if (value === null) return null;
    return this.json.expect(
      value,
      path,
      (number) => typeof number === 'number' && Number.isFinite(number) && number >= -100,
      'a percent change (-100 or more) or null',
    );
  }
}
