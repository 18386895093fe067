import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InputError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses one command's arguments strictly: an unknown option or a missing value is a usage
 * error (exit 2). `--help` is always accepted.
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({
      args: attachValues(args, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    // main() prefixes the command's name; keep the message to one line.
    throw new InputError(`${usageProblem(error)} (see \`rust-perf ${command} --help\`)`);
  }
}

/** parseArgs' own messages explain its API rather than the command line; say it plainly. */
function usageProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const positional = /^Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument '${positional[1]}'`;
  return message.split('\n')[0]!;
}

/**
 * Joins `--option value` into `--option=value` for string options, so that a value that starts
 * with a dash (`--cargo-args "--features slow"`) is taken as the value, as a user means it,
 * rather than refused by parseArgs as ambiguous.
 */
function attachValues(args: string[], options: Options): string[] {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (option.short) takesValue.add(`-${option.short}`);
  }
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--') {
      joined.push(...args.slice(index));
      break;
    }
    const value = args[index + 1];
    if (takesValue.has(arg) && value !== undefined) {
      joined.push(arg.startsWith('--') ? `${arg}=${value}` : `${arg}${value}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
