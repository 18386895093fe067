import { type ParseArgsConfig, parseArgs } from 'node:util';
import { InputError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses one command's arguments strictly: an unknown option or a missing value is a usage
 * error (exit 2) that names the command. `--help` is always accepted.
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // main() prefixes the command's name; keep the message to one line.
    throw new InputError(`${reason.split('\n')[0]} (see \`rust-perf ${command} --help\`)`);
  }
}
