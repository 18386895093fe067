/**
 * Where progress goes. The action writes to the runner's log (with collapsible groups, and
 * debug lines shown when the run has step debug logging on), the CLI to stderr (debug lines
 * with `--debug`), tests to an array. Core code takes a Logger and never prints itself.
 */
export interface Logger {
  /** Detail for finding a problem: commands run, stack traces of internal errors. */
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  /** Runs `work` as one named, collapsible step of a long operation. */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
}

/** A logger that writes lines to a stream-like sink (stderr for the CLI). */
export function lineLogger(write: (text: string) => void, options: { debug: boolean }): Logger {
  return {
    debug: (message) => {
      if (options.debug) write(`debug: ${message}\n`);
    },
    info: (message) => write(`${message}\n`),
    warn: (message) => write(`warning: ${message}\n`),
    async group(title, work) {
      write(`${title}\n`);
      return work();
    },
  };
}
