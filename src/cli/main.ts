import { describeError, UserError } from '../errors.js';
import { TOOL_VERSION } from '../version.js';
import type { CliContext, Command } from './command.js';
import { compareCommand } from './compare-command.js';
import { measureCommand } from './measure-command.js';
import { parseCommand } from './parse-command.js';
import { runCommand } from './run-command.js';

export const commands: Command[] = [measureCommand, compareCommand, runCommand, parseCommand];

const topLevelHelp = `rust-perf: per-function instruction counts for Rust benchmarks, compared.

Usage: rust-perf <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`).join('\n')}

Run \`rust-perf <command> --help\` for a command's options.

Exit status: 0 success, 1 a regression with --fail-on-regression,
2 a usage or input error, 3 a failed build, benchmark or missing tool,
70 an internal error (please report it), 130 interrupted.
`;

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
    return await command.run(rest, context);
  } catch (error) {
    if (context.signal.aborted) {
      // Ctrl-C: the steps under way have cleaned up after themselves; 130 is the shell's code.
      context.log.info(`rust-perf ${name}: interrupted`);
      return 130;
    }
    context.log.info(`rust-perf ${name}: ${describeError(error)}`);
    // Anything that is not a UserError is a bug in rust-perf; its stack was printed above.
    return error instanceof UserError ? error.exitCode : 70;
  }
}
