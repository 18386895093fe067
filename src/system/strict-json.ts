/**
 * The one strict reader for JSON that rust-perf did not necessarily write itself (profile
 * documents, comparison reports, artifact metadata, the event payload): it comes from caches,
 * artifacts, forks and the runner, so every field is checked before anything trusts it. The
 * reader knows each field's path; the owner of each kind of document words the errors.
 */

export type JsonObject = Record<string, unknown>;

/** What is wrong at a path, for the owner of the document to word. */
export type JsonProblem =
  /** The value is not what the field holds: `expected` is a noun phrase such as `a string`. */
  | { kind: 'expected'; expected: string; found: unknown }
  /** An object lacks the required `key`, or has a `key` it may not have. */
  | { kind: 'missing' | 'unknown-field'; key: string; object: JsonObject }
  /** Any other rule of the document; `found`, when present, is the value that breaks it. */
  | { kind: 'rule'; rule: string; found?: unknown };

/** Turns a problem at `path` ('' for the whole document) into the error to throw. */
type JsonFailure = (path: string, problem: JsonProblem) => Error;

/** The fields an object must have and those it may have; any other field is refused. */
interface JsonFields {
  required: readonly string[];
  optional?: readonly string[];
}

export class StrictJsonReader {
  constructor(private readonly failure: JsonFailure) {}

  fail(path: string, problem: JsonProblem): never {
    throw this.failure(path, problem);
  }

  /** Fails with `rule`, quoting `found` when it is given. */
  refuse(path: string, rule: string, ...found: [unknown?]): never {
    return this.fail(
      path,
      found.length > 0 ? { kind: 'rule', rule, found: found[0] } : { kind: 'rule', rule },
    );
  }

  /** Checks `test`; fails saying that the field must be `expected` otherwise. */
  expect<T>(value: unknown, path: string, test: (value: unknown) => boolean, expected: string): T {
    if (!test(value)) this.fail(path, { kind: 'expected', expected, found: value });
    return value as T;
  }

  /** An object; with `fields`, exactly the required ones and any of the optional ones. */
  object(value: unknown, path: string, fields?: JsonFields): JsonObject {
    const object = this.expect<JsonObject>(value, path, isJsonObject, 'an object');
    if (fields !== undefined) {
      const optional = fields.optional ?? [];
      const unknown = unexpectedKey(object, [...fields.required, ...optional]);
      if (unknown !== undefined) {
        this.fail(path, { kind: 'unknown-field', key: describeJsonKey(unknown), object });
      }
      const missing = missingKey(object, fields.required);
      if (missing !== undefined) this.fail(path, { kind: 'missing', key: missing, object });
    }
    return object;
  }

  array(value: unknown, path: string): unknown[] {
    return this.expect(value, path, Array.isArray, 'an array');
  }

  string(value: unknown, path: string): string {
    return this.expect(value, path, (item) => typeof item === 'string', 'a string');
  }

  boolean(value: unknown, path: string): boolean {
    return this.expect(value, path, (item) => typeof item === 'boolean', 'true or false');
  }

  /** A whole number that a double holds exactly. */
  integer(value: unknown, path: string, expected = 'a whole number'): number {
    return this.expect(value, path, Number.isSafeInteger, expected);
  }

  oneOf<T extends string>(
    value: unknown,
    path: string,
    allowed: readonly T[],
    expected = `one of ${allowed.join(', ')}`,
  ): T {
    return this.expect(
      value,
      path,
      (item) => typeof item === 'string' && (allowed as readonly string[]).includes(item),
      expected,
    );
  }

  /** Fails at the second of two equal values; `pathOf` names the value at an index. */
  unique(values: readonly string[], pathOf: (index: number) => string): void {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) this.refuse(pathOf(index), `${describeJsonValue(value)} appears twice`);
      seen.add(value);
    });
  }
}

/**
 * Parses `text`, after a UTF-8 byte order mark if it starts with one (editors on Windows write
 * it); `invalid` turns the parser's reason into the error to throw.
 */
export function parseJson(text: string, invalid: (reason: string) => Error): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first key of `object` that is not `allowed`. */
export function unexpectedKey(object: JsonObject, allowed: readonly string[]): string | undefined {
  return Object.keys(object).find((key) => !allowed.includes(key));
}

/** The first `required` key that `object` does not have itself (inherited keys do not count). */
export function missingKey(object: JsonObject, required: readonly string[]): string | undefined {
  return required.find((key) => !Object.hasOwn(object, key));
}

/** A found value, for an error message: its kind for containers, else itself, kept short. */
export function describeJsonValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return truncateForMessage(escapeControls(JSON.stringify(value)));
}

/**
 * A key found in a document, for an error message: as it is when it is a plain name, else
 * quoted and escaped like a value, so that no key can drive the terminal it is printed on.
 */
export function describeJsonKey(key: string): string {
  return /^[A-Za-z_$][\w$-]{0,39}$/.test(key) ? key : describeJsonValue(key);
}

/**
 * JSON.stringify escapes C0 controls only: C1 controls (a terminal reads U+009B as CSI), line
 * and paragraph separators and bidirectional overrides are escaped as well.
 */
function escapeControls(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** At most 40 characters, so that a hostile megabyte-long value cannot flood a log. */
export function truncateForMessage(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
