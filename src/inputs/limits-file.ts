/**
 * rust-perf.toml: the limits a project keeps in its repository, next to Cargo.toml. Each
 * `[[benchmark]]` entry names benchmarks by a glob and sets their thresholds (instructions,
 * allocations), ignores them, or gives them a budget in instructions, for the whole benchmark
 * or per function, and in allocations and allocated bytes. Every mistake
 * is reported with the file, its line and the key, all of them at once.
 */
import { parse, TomlError } from 'smol-toml';
import { InputError } from '../errors.js';
import { compileGlob, type Glob } from './glob.js';
import { parsePercent } from './percent.js';

export const LIMITS_FILE = 'rust-perf.toml';

/** A budget: the most instructions the functions a glob names may each execute. */
export interface FunctionBudget {
  pattern: string;
  matches: Glob;
  maxInstructions: number;
}

/** One `[[benchmark]]` entry. */
interface LimitEntry extends BenchmarkLimits {
  pattern: string;
  matches: Glob;
}

export interface Limits {
  /** Where they were read from, e.g. `rust-perf.toml at 1a2b3c4d5e`. */
  source: string;
  entries: LimitEntry[];
}

/** What applies to one benchmark: every matching entry, a later one's keys over an earlier one's. */
export interface BenchmarkLimits {
  threshold?: number;
  /** Instead of the allocation threshold: its allocations regress beyond this fraction. */
  allocationThreshold?: number;
  ignore?: boolean;
  maxInstructions?: number;
  /** Budgets of the head's heap allocations (count) and bytes allocated, where measured. */
  maxAllocations?: number;
  maxAllocatedBytes?: number;
  functionBudgets: FunctionBudget[];
}

/** The keys that set a benchmark's own value, each a later matching entry's over an earlier's. */
const SCALAR_LIMITS = [
  'threshold',
  'allocationThreshold',
  'ignore',
  'maxInstructions',
  'maxAllocations',
  'maxAllocatedBytes',
] as const;

export function limitsFor(limits: Limits | undefined, name: string): BenchmarkLimits {
  const applied: BenchmarkLimits = { functionBudgets: [] };
  for (const entry of limits?.entries ?? []) {
    if (!entry.matches(name)) continue;
    for (const key of SCALAR_LIMITS) {
      if (entry[key] !== undefined) Object.assign(applied, { [key]: entry[key] });
    }
    applied.functionBudgets.push(...entry.functionBudgets);
  }
  return applied;
}

const ENTRY_KEYS = [
  'name',
  'threshold',
  'allocation-threshold',
  'ignore',
  'max-instructions',
  'max-function-instructions',
  'max-allocations',
  'max-allocated-bytes',
];

/** A mistake in the file: where (as a key path) and what. */
interface Mistake {
  path: KeyPath;
  message: string;
}

/** `benchmark`, entry index, key, sub-key: as far as the mistake goes. */
type KeyPath = [string, number?, string?, string?];

/** Parses and validates rust-perf.toml; `file` names it in messages. */
export function parseLimits(text: string, file: string, source = file): Limits {
  let document: Record<string, unknown>;
  try {
    document = parse(text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.replace(/^Invalid TOML document: /, '').split('\n')[0];
    throw limitsError(file, [`${file}:${error.line}: not valid TOML: ${reason}`]);
  }
  const mistakes: Mistake[] = [];
  for (const key of Object.keys(document)) {
    if (key !== 'benchmark') {
      mistakes.push({
        path: [key],
        message: 'not a known key (rust-perf.toml has [[benchmark]] entries)',
      });
    }
  }
  const entries = document.benchmark;
  let read: LimitEntry[] = [];
  if (entries !== undefined && !isTableArray(entries)) {
    mistakes.push({ path: ['benchmark'], message: 'must be [[benchmark]] tables' });
  } else if (entries !== undefined) {
    read = entries.flatMap((entry, index) => readEntry(entry, index, mistakes));
  }
  if (mistakes.length > 0) {
    const located = mistakes
      .map(({ path, message }) => ({ line: lineOf(text, path), path, message }))
      .sort((a, b) => a.line - b.line);
    throw limitsError(
      file,
      located.map(({ line, path, message }) => `${file}:${line}: ${keyName(path)}: ${message}`),
    );
  }
  return { source, entries: read };
}

function limitsError(file: string, messages: string[]): InputError {
  return new InputError(
    messages.join('\n'),
    `Fix ${file}: "Limits in the repository" in the README lists its keys.`,
  );
}

function isTableArray(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every(isTable);
}

function isTable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function readEntry(
  entry: Record<string, unknown>,
  index: number,
  mistakes: Mistake[],
): LimitEntry[] {
  const at = (key?: string, sub?: string): KeyPath => ['benchmark', index, key, sub];
  const before = mistakes.length;
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.includes(key)) {
      mistakes.push({ path: at(key), message: `not a known key (${ENTRY_KEYS.join(', ')})` });
    }
  }
  const matches = readGlob(entry.name, at('name'), mistakes);
  const read: Omit<LimitEntry, 'matches'> = {
    pattern: typeof entry.name === 'string' ? entry.name : '',
    functionBudgets: readFunctionBudgets(entry['max-function-instructions'], at, mistakes),
  };
  const threshold = readThreshold(entry.threshold, at('threshold'), mistakes);
  if (threshold !== undefined) read.threshold = threshold;
  const allocationThreshold = readThreshold(
    entry['allocation-threshold'],
    at('allocation-threshold'),
    mistakes,
  );
  if (allocationThreshold !== undefined) read.allocationThreshold = allocationThreshold;
  if (entry.ignore !== undefined) {
    if (typeof entry.ignore === 'boolean') read.ignore = entry.ignore;
    else
      mistakes.push({
        path: at('ignore'),
        message: `must be true or false, got ${describe(entry.ignore)}`,
      });
  }
  const budgets = [
    ['max-instructions', 'maxInstructions', 'instructions'],
    ['max-allocations', 'maxAllocations', 'allocations'],
    ['max-allocated-bytes', 'maxAllocatedBytes', 'bytes'],
  ] as const;
  for (const [key, field, unit] of budgets) {
    if (entry[key] !== undefined) read[field] = readBudget(entry[key], at(key), mistakes, unit);
  }
  return mistakes.length > before || matches === undefined ? [] : [{ ...read, matches }];
}

/** A percentage in quotes, as a fraction; undefined when absent or a mistake. */
function readThreshold(value: unknown, path: KeyPath, mistakes: Mistake[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    mistakes.push({
      path,
      message: `must be a percentage in quotes such as "5%", got ${describe(value)}`,
    });
    return undefined;
  }
  try {
    return parsePercent(value, 'it');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    mistakes.push({ path, message: error.message.replace(/^it /, '').replace(/\.$/, '') });
    return undefined;
  }
}

function readGlob(value: unknown, path: KeyPath, mistakes: Mistake[]): Glob | undefined {
  if (value === undefined) {
    mistakes.push({
      path: path.slice(0, 2) as KeyPath,
      message: 'has no name: a glob over benchmark names, e.g. name = "parse/*"',
    });
    return undefined;
  }
  if (typeof value !== 'string') {
    mistakes.push({ path, message: `must be a glob in quotes, got ${describe(value)}` });
    return undefined;
  }
  const glob = compileGlob(value);
  if (typeof glob === 'function') return glob;
  mistakes.push({ path, message: `the glob ${JSON.stringify(value)} ${glob.problem}` });
  return undefined;
}

function readFunctionBudgets(
  value: unknown,
  at: (key?: string, sub?: string) => KeyPath,
  mistakes: Mistake[],
): FunctionBudget[] {
  if (value === undefined) return [];
  const key = 'max-function-instructions';
  if (!isTable(value)) {
    mistakes.push({
      path: at(key),
      message: `must be a table of function globs and budgets, e.g. { "my_crate::parse::*" = 2_000_000 }, got ${describe(value)}`,
    });
    return [];
  }
  return Object.entries(value).flatMap(([pattern, budget]) => {
    const matches = readGlob(pattern, at(key, pattern), mistakes);
    const maxInstructions = readBudget(budget, at(key, pattern), mistakes);
    return matches === undefined || maxInstructions === undefined
      ? []
      : [{ pattern, matches, maxInstructions }];
  });
}

function readBudget(
  value: unknown,
  path: KeyPath,
  mistakes: Mistake[],
  unit: 'instructions' | 'allocations' | 'bytes' = 'instructions',
): number | undefined {
  if (
    typeof value === 'bigint' ||
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
  ) {
    if (typeof value === 'number') return value;
  }
  mistakes.push({
    path,
    message: `must be a whole number of ${unit}, at least 0, got ${describe(value)}`,
  });
  return undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (isTable(value)) return 'a table';
  if (Array.isArray(value)) return 'an array';
  return String(value);
}

function keyName([table, index, key, sub]: KeyPath): string {
  let name = index === undefined ? table : `${table}[${index}]`;
  if (key !== undefined) name += `.${key}`;
  if (sub !== undefined) name += `.${JSON.stringify(sub)}`;
  return name;
}

/**
 * The line (from 1) where the key at `path` is written. The document has parsed, so a simple
 * scan of its headers and `key =` lines finds it; a key it cannot place (a value spread over
 * lines) is given the line of its entry.
 */
function lineOf(text: string, [table, index, key, sub]: KeyPath): number {
  const lines = text.split(/\r?\n/);
  let entry = -1;
  let subTable: string | undefined;
  let fallback = 1;
  for (const [number, line] of lines.map((line, lineIndex) => [lineIndex + 1, line] as const)) {
    const header = /^\s*\[(\[)?\s*([^\]]+?)\s*\]/.exec(line);
    if (header) {
      const name = header[2]!;
      if (index === undefined && keyPattern(table).test(`${name} =`)) return number;
      if (header[1] !== undefined && name === table) {
        entry++;
        subTable = undefined;
        if (entry === index) fallback = number;
        continue;
      }
      subTable = name.startsWith(`${table}.`) ? name.slice(table.length + 1) : name;
      if (entry === index && key !== undefined && keyPattern(key).test(`${subTable} =`)) {
        if (sub === undefined) return number;
        fallback = number;
      }
      continue;
    }
    if (index === undefined) {
      if (entry === -1 && subTable === undefined && keyPattern(table).test(line)) return number;
      continue;
    }
    if (entry !== index || key === undefined) continue;
    // An inline table's keys are on its key's line.
    if (subTable === undefined && keyPattern(key).test(line)) return number;
    if (subTable === key && sub !== undefined && keyPattern(sub).test(line)) return number;
  }
  return fallback;
}

/** A line that sets `key`, bare or quoted. */
function keyPattern(key: string): RegExp {
  const literal = key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`^\\s*(?:${literal}|"${literal}"|'${literal}')\\s*[=.]`);
}
