/**
 * Parses Cachegrind and Callgrind files as `parseValgrindFile` does, a large Cachegrind file on a
 * worker thread while this thread has another to parse, so that files wanted at the same time
 * (the two sides of a compare) are parsed side by side where there are cores for it: on two
 * cores, one in this thread and one on a worker. An edge around the parser: it starts threads and
 * reads files, the parser does neither. Without a second core, without the bundled worker
 * (running from the TypeScript sources, as the tests do), for a small file or a Callgrind file
 * (whose calls and parts the worker does not hand over), a file is parsed in this thread: what is
 * parsed and what is thrown are the same either way.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type NormaliseOptions, parserOptions } from './normalise.js';
import {
  isUndecoded,
  type ParsedProfile,
  type UndecodedProfile,
  withDecodedNames,
} from './parse.js';
import { isCallgrindFile, parseValgrindFileUndecoded } from './parse-file.js';
import { fromMessage, type ParseMessage } from './parse-transfer.js';
import type { ParseJob } from './parse-worker.js';

/** Parses a file with the parser options `parserOptions(normalisation)` gives. */
export interface ProfileFileParser {
  parse(path: string, normalisation: NormaliseOptions): Promise<ParsedProfile>;
  /** `parse`, with a Cachegrind file's names left as bytes for a reader that decodes few. */
  parseUndecoded(
    path: string,
    normalisation: NormaliseOptions,
  ): Promise<ParsedProfile | UndecodedProfile>;
}

export interface ParsePoolOptions {
  /** The bundled parse-worker.js; when it does not exist, every file is parsed in this thread. */
  worker: URL;
  /**
   * Threads parsing at most at once, this one included: a file goes to a worker thread while
   * fewer than `threads - 1` are parsing, else it is parsed in this thread, which would
   * otherwise only wait. Below 2, every file is parsed in this thread.
   */
  threads: number;
  /** Smaller files are parsed in this thread: starting a worker would take longer. */
  minBytes: number;
}

export class ParsePool implements ProfileFileParser {
  readonly #options: ParsePoolOptions;
  /** Worker threads parsing now. */
  #workers = 0;
  #hasWorker: boolean | undefined;

  constructor(options: ParsePoolOptions) {
    this.#options = options;
  }

  async parse(path: string, normalisation: NormaliseOptions): Promise<ParsedProfile> {
    const parsed = await this.parseUndecoded(path, normalisation);
    return isUndecoded(parsed) ? withDecodedNames(parsed) : parsed;
  }

  async parseUndecoded(
    path: string,
    normalisation: NormaliseOptions,
  ): Promise<ParsedProfile | UndecodedProfile> {
    if (!(await this.#worthAWorker(path)) || this.#workers >= this.#options.threads - 1) {
      return parseValgrindFileUndecoded(path, parserOptions(normalisation));
    }
    this.#workers++;
    try {
      const job: ParseJob = { path, workspaceRoot: normalisation.workspaceRoot };
      return fromMessage(await runWorker(this.#options.worker, job));
    } finally {
      this.#workers--;
    }
  }

  async #worthAWorker(path: string): Promise<boolean> {
    if (this.#options.threads < 2) return false;
    this.#hasWorker ??= existsSync(fileURLToPath(this.#options.worker));
    if (!this.#hasWorker) return false;
    // A file that cannot be read is left to the parse in this thread to report.
    const size = await stat(path).then(
      (stats) => stats.size,
      () => 0,
    );
    return size >= this.#options.minBytes && !(await isCallgrindFile(path));
  }
}

/** What the worker posts; an uncaught error in it, or an exit without a message, rejects. */
function runWorker(worker: URL, job: ParseJob): Promise<ParseMessage> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(worker, { workerData: job });
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => {
      reject(new Error(`the parse worker for ${job.path} exited (code ${code}) without a result`));
    });
  });
}

/**
 * The pool the CLI and the action use: the worker sits next to the bundle this module is part of
 * (dist/cli.js, dist/index.js), one parsing thread per core. About 8 MB take as long to parse as a
 * worker takes to start.
 */
export const parsePool = new ParsePool({
  worker: new URL('./parse-worker.js', import.meta.url),
  threads: availableParallelism(),
  minBytes: 8_000_000,
});
