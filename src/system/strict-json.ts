/**
 * The building blocks of the strict readers for JSON that rust-perf did not necessarily write
 * itself (profile documents, comparison reports): they come from caches, artifacts and forks,
 * so every field is checked before anything trusts it. Pure; each reader words its own errors.
 */

export type JsonObject = Record<string, unknown>;

/** Parses `text`; `invalid` turns the parser's reason into the error to throw. */
export function parseJson(text: string, invalid: (reason: string) => Error): unknown {
  try {
    return JSON.parse(text);
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
  return truncateForMessage(JSON.stringify(value));
}

/** At most 40 characters, so that a hostile megabyte-long value cannot flood a log. */
export function truncateForMessage(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
