import { InputError } from '../errors.js';

/** The most runs of one benchmark: each one is a full run under valgrind. */
export const MAX_RUNS = 20;

/** A run count as written on a command line or in an action input; undefined if it is not one. */
export function runCount(value: string): number | undefined {
  const text = value.trim();
  const runs = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return runs >= 1 && runs <= MAX_RUNS ? runs : undefined;
}

/** A run count given to the option `what`; an InputError naming the option otherwise. */
export function parseRuns(value: string, what: string): number {
  const runs = runCount(value);
  if (runs === undefined) {
    throw new InputError(
      `${what} must be a whole number from 1 to ${MAX_RUNS}, not '${value}'`,
      'Two runs (the default) are enough to notice functions whose counts vary.',
    );
  }
  return runs;
}
