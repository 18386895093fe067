import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './logger.js';

export interface RunOptions {
  cwd: string;
  /** The child's whole environment: nothing is inherited that is not listed here. */
  env: Record<string, string>;
  /** Aborting kills the child; `run` then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called for every complete line of output as it arrives, without the line ending. */
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
}

export interface RunResult {
  /** `null` when the child was killed by a signal. */
  exitCode: number | null;
  /** e.g. `SIGSEGV`, or `null` when the child exited. */
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs programs. The one seam between rust-perf and child processes, so tests can stand in. */
export interface ProcessRunner {
  /**
   * Resolves whatever the exit status; rejects when the program could not be started, or with an
   * AbortError when `options.signal` aborts it.
   */
  run(command: string, args: string[], options: RunOptions): Promise<RunResult>;
}

/**
 * What a step that runs programs for the user is given: where its progress goes, how programs
 * run, the user's environment (cargo gets it; benchmarks only an allow-list of it) and the
 * signal that stops it. The cargo and measure stages take this one bundle.
 */
export interface ProcessDeps {
  log: Logger;
  processes: ProcessRunner;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** How often a program that is busy being written (ETXTBSY) is started again, and how long apart. */
const TEXT_BUSY_ATTEMPTS = 5;
const TEXT_BUSY_DELAY_MS = 20;

export const nodeProcessRunner: ProcessRunner = {
  async run(command, args, options) {
    // A program copied just before it runs (the staged benchmarks) can still be open for
    // writing in a child that another thread forked meanwhile, until that child execs: Linux
    // then refuses to run it for a moment (ETXTBSY). Go's os/exec retries the same way.
    for (let attempt = 1; ; attempt++) {
      try {
        return await spawnOnce(command, args, options);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ETXTBSY' || attempt === TEXT_BUSY_ATTEMPTS) {
          throw error;
        }
        await sleep(TEXT_BUSY_DELAY_MS * attempt, undefined, { signal: options.signal });
      }
    }
  },
};

function spawnOnce(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      signal: options.signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = collectLines(options.onStdoutLine);
    const stderr = collectLines(options.onStderrLine);
    child.stdout.on('data', stdout.write);
    child.stderr.on('data', stderr.write);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      resolve({ exitCode, signal, stdout: stdout.end(), stderr: stderr.end() });
    });
  });
}

/** Whether `error` says that the program to run does not exist (or is not executable). */
export function isMissingProgram(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EACCES';
}

/** Accumulates a stream's text and hands out each complete line as soon as it is seen. */
function collectLines(onLine: ((line: string) => void) | undefined) {
  const decoder = new StringDecoder('utf8');
  let text = '';
  let lineStart = 0;
  const emitLines = (final: boolean) => {
    if (!onLine) return;
    let newline = text.indexOf('\n', lineStart);
    while (newline !== -1) {
      onLine(text.slice(lineStart, newline).replace(/\r$/, ''));
      lineStart = newline + 1;
      newline = text.indexOf('\n', lineStart);
    }
    if (final && lineStart < text.length) {
      onLine(text.slice(lineStart));
      lineStart = text.length;
    }
  };
  return {
    write: (chunk: Buffer) => {
      text += decoder.write(chunk);
      emitLines(false);
    },
    end: () => {
      text += decoder.end();
      emitLines(true);
      return text;
    },
  };
}

/** `process.env` without its unset entries: what a child's `env` takes. */
export function definedEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined) result[name] = value;
  }
  return result;
}
