import type { Logger } from '../../src/system/logger.js';

/** A logger that keeps every line: progress in `lines`, debug output apart in `debugLines`. */
export function memoryLogger(): Logger & { lines: string[]; debugLines: string[] } {
  const lines: string[] = [];
  const debugLines: string[] = [];
  return {
    lines,
    debugLines,
    debug: (message) => debugLines.push(message),
    info: (message) => lines.push(message),
    warn: (message) => lines.push(`warning: ${message}`),
    async group(title, work) {
      lines.push(title);
      return work();
    },
  };
}
