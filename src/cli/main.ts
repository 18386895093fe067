import { describeError, UserError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import type { CliContext, Command } from './command.js';
import { compareCommand } from './compare-command.js';
import { flamegraphCommand } from './flamegraph-command.js';
import { historyCommand } from './history-command.js';
import { measureCommand } from './measure-command.js';
import { mergeCommand } from './merge-command.js';
import { parseCommand } from './parse-command.js';
import { runCommand } from './run-command.js';

export const commands: Command[] = [
  measureCommand,
  compareCommand,
  runCommand,
  mergeCommand,
  historyCommand,
  parseCommand,
  flamegraphCommand,
];

const topLevelHelp = `rust-perf: per-function instruction counts for Rust benchmarks, compared.

Usage: rust-perf [--debug] <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(11)} ${command.summary}`).join('\n')}

Run \`rust-perf <command> --help\` for a command's options.

  --debug   Also print debug output: the commands run, and the stack trace of an
            internal error.

Exit status: 0 success, 1 a regression with --fail-on-regression,
2 a usage or input error, 3 a failed build, benchmark or missing tool,
70 an internal error (please report it), 130 interrupted.
`;

/** `--debug` in front of the command, and the arguments without it. */
export function takeDebugFlag(argv: string[]): { debug: boolean; args: string[] } {
  return argv[0] === '--debug'
    ? { debug: true, args: argv.slice(1) }
    : { debug: false, args: argv };
}

/** Runs the CLI and returns its exit code; errors a user can cause become one clear message. */
export async function main(argv: string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout(topLevelHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    context.stdout(`rust-perf ${TOOL_VERSION}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    context.log.info(`rust-perf: unknown command '${name}'. Run \`rust-perf --help\`.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    context.stdout(command.help);
    return 0;
  }
  try {
    return await command.execute(rest, context);
  } catch (error) {
    if (context.signal.aborted) {
      // Ctrl-C: the steps under way have cleaned up after themselves; 130 is the shell's code.
      context.log.info(`rust-perf ${name}: interrupted`);
      return 130;
    }
    context.log.info(`rust-perf ${name}: ${describeError(error)}`);
    if (error instanceof UserError) return error.exitCode;
    // Anything else is a bug in rust-perf: its stack is for the report.
    context.log.info(
      'This is a bug in rust-perf: please report it, with the output of the same command run as `rust-perf --debug …`.',
    );
    if (error instanceof Error && error.stack) context.log.debug(error.stack);
    return 70;
  }
}
