/**
 * Where progress goes. The action writes to the runner's log (with collapsible groups),
 * the CLI to stderr, tests to an array. Core code takes a Logger and never prints itself.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Runs `work` as one named, collapsible step of a long operation. */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
}

/** A logger that writes lines to a stream-like sink (stderr for the CLI). */
export function lineLogger(write: (text: string) => void): Logger {
  return {
    info: (message) => write(`${message}\n`),
    warn: (message) => write(`warning: ${message}\n`),
    async group(title, work) {
      write(`${title}\n`);
      return work();
    },
  };
}

/** A logger that keeps every line, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(message),
    warn: (message) => lines.push(`warning: ${message}`),
    async group(title, work) {
      lines.push(title);
      return work();
    },
  };
}
