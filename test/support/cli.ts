/** Runs the `rust-perf` CLI in-process, capturing what it prints, as a test's user sees it. */
import { main } from '../../src/cli/main.js';
import { memoryLogger } from './memory-logger.js';

export interface CliOptions {
  /** The directory the user runs the command in. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal; false (piped) unless a test asks. */
  isTTY?: boolean;
}

export interface CliResult {
  exitCode: number;
  /** Everything written to stdout, concatenated. */
  stdout: string;
  /** Progress and diagnostics, one entry per line logged. */
  log: string[];
}

export async function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  const log = memoryLogger();
  let stdout = '';
  const exitCode = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    log,
    isTTY: options.isTTY ?? false,
    cwd: options.cwd,
    env: options.env ?? {},
    signal: new AbortController().signal,
  });
  return { exitCode, stdout, log: log.lines };
}
