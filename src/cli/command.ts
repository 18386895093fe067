import type { Logger } from '../system/logger.js';

/** What a CLI command may touch: given, never reached for, so tests can run commands in-process. */
export interface CliContext {
  /** Results. */
  stdout: (text: string) => void;
  /** Progress and diagnostics. */
  log: Logger;
  /** Whether stdout is a terminal (decides colour and the default format). */
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C so that long steps can clean up (temporary worktrees). */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** One line for the top-level help. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Returns the exit code. Throws UserError for anything the user can fix. */
  execute(args: string[], context: CliContext): Promise<number>;
}
