import { InputError } from '../errors.js';

/** A program to measure besides the bench targets: `name=command line`. */
export interface NamedCommand {
  name: string;
  command: string;
}

/** Benchmark names become file names (`<name>.cachegrind.out`): keep them plain. */
const BENCHMARK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Parses `name=command line`, as given to `--command` or the action's `commands` input. */
export function parseNamedCommand(spec: string): NamedCommand {
  const equals = spec.indexOf('=');
  const name = spec.slice(0, Math.max(equals, 0)).trim();
  const command = spec.slice(equals + 1).trim();
  if (equals === -1 || !BENCHMARK_NAME.test(name) || command === '') {
    throw new InputError(
      `'${spec}' is not a command to measure: expected NAME=COMMAND, e.g. 'report=report --lines 2000'`,
      'NAME is made of letters, digits, `_`, `-` and `.`; it names the benchmark in the report.',
    );
  }
  splitCommandLine(command);
  return { name, command };
}

/**
 * Splits a command line into words as a shell would for simple quoting: whitespace separates
 * words, '…' is literal, "…" allows \" and \\, a backslash outside quotes escapes the next
 * character. The command runs without a shell, so pipes, redirections, `;`, `&` and `$`
 * expansions are refused rather than passed on as odd arguments.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let index = 0;
  const fail = (reason: string): never => {
    throw new InputError(`cannot run the command \`${line}\`: ${reason}`);
  };
  while (index < line.length) {
    const char = line[index]!;
    index += 1;
    if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === "'") {
      const end = line.indexOf("'", index);
      if (end === -1) fail('a single quote is not closed');
      word = (word ?? '') + line.slice(index, end);
      index = end + 1;
    } else if (char === '"') {
      word ??= '';
      for (;;) {
        const next = line[index];
        index += 1;
        if (next === undefined) fail('a double quote is not closed');
        if (next === '"') break;
        if (next === '\\' && (line[index] === '"' || line[index] === '\\')) {
          word += line[index];
          index += 1;
        } else {
          word += next;
        }
      }
    } else if (char === '\\') {
      if (index >= line.length) fail('it ends with a backslash');
      word = (word ?? '') + line[index];
      index += 1;
    } else if ('|&;<>$`'.includes(char)) {
      fail(
        `'${char}' is shell syntax, and the command is run without a shell (quote it if it is an argument)`,
      );
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  if (words.length === 0) fail('it is empty');
  return words;
}
