/**
 * A ProcessRunner that times every child process it starts, so that the time `measure` spends
 * in its own code can be told apart from the time spent waiting for cargo and valgrind.
 */
import { basename } from 'node:path';
import type { ProcessRunner, RunOptions, RunResult } from '../../src/system/process.js';

export interface ChildSpan {
  /** The program's file name, e.g. `cargo`. */
  program: string;
  /** A benchmark run under Cachegrind (started through `valgrind` or `setarch`). */
  isBenchmarkRun: boolean;
  /** Milliseconds on the `performance.now()` clock. */
  start: number;
  end: number;
}

export class TimedProcessRunner implements ProcessRunner {
  readonly spans: ChildSpan[] = [];

  constructor(private readonly inner: ProcessRunner) {}

  async run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
    const isBenchmarkRun = args.some((arg) => arg.startsWith('--tool='));
    const start = performance.now();
    try {
      return await this.inner.run(command, args, options);
    } finally {
      this.spans.push({
        program: basename(command),
        isBenchmarkRun,
        start,
        end: performance.now(),
      });
    }
  }

  /** Seconds during which at least one child process was running (overlaps counted once). */
  busySeconds(): number {
    const sorted = [...this.spans].sort((a, b) => a.start - b.start);
    let busy = 0;
    let coveredUntil = Number.NEGATIVE_INFINITY;
    for (const span of sorted) {
      const from = Math.max(span.start, coveredUntil);
      if (span.end > from) busy += span.end - from;
      coveredUntil = Math.max(coveredUntil, span.end);
    }
    return busy / 1000;
  }
}
