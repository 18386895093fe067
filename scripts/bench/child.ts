/**
 * Runs one program and measures it from the outside: wall time (including start-up: Node's for
 * our engine, Perl's or Python's for valgrind's tools) and peak resident memory, read from GNU
 * time's `-v` report. Without GNU time, peak memory is only known for children that report it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface ChildMeasurement {
  wallSeconds: number;
  /** Peak resident set size in bytes, or null when it cannot be measured here. */
  peakRssBytes: number | null;
  /** Standard output, unless it was sent to a file. */
  stdout: string;
}

export interface ChildOptions {
  /** Where time's report goes: a scratch directory. */
  scratchDir: string;
  /** Send standard output to this file (like `> file`) instead of capturing it. */
  stdoutFile?: string;
}

export function canMeasureRss(): boolean {
  return existsSync(GNU_TIME);
}

let reportCounter = 0;
const running = new Set<ChildProcess>();

/**
 * Kills every child still running, with everything it started (GNU time's command, the
 * worker's cargo and valgrind): none may outlive an interrupted benchmark.
 */
export function killRunningChildren(): void {
  for (const child of running) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch (error) {
      // Exited already, its 'close' event not yet delivered.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

export async function runMeasured(
  command: string,
  args: string[],
  options: ChildOptions,
): Promise<ChildMeasurement> {
  const report = join(options.scratchDir, `time-${process.pid}-${reportCounter++}.txt`);
  const [program, programArgs] = canMeasureRss()
    ? [GNU_TIME, ['-v', '-o', report, command, ...args]]
    : [command, args];
  const output = options.stdoutFile === undefined ? 'pipe' : openSync(options.stdoutFile, 'w');
  const started = performance.now();
  try {
    const { exitCode, stdout, stderr } = await new Promise<{
      exitCode: number | null;
      stdout: string;
      stderr: string;
    }>((resolve, reject) => {
      // A process group of its own, so that killRunningChildren reaches its descendants.
      const child = spawn(program, programArgs, {
        stdio: ['ignore', output, 'pipe'],
        detached: true,
      });
      running.add(child);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        running.delete(child);
        resolve({
          exitCode: code,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        });
      });
    });
    const wallSeconds = (performance.now() - started) / 1000;
    if (exitCode !== 0) {
      const tail = stderr.trim().split('\n').slice(-15).join('\n');
      throw new Error(`${command} ${args.join(' ')} exited with ${exitCode}:\n${tail}`);
    }
    return { wallSeconds, peakRssBytes: readPeakRss(report), stdout };
  } finally {
    if (typeof output === 'number') closeSync(output);
    rmSync(report, { force: true });
  }
}

function readPeakRss(report: string): number | null {
  if (!existsSync(report)) return null;
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(report, 'utf8'));
  return match?.[1] === undefined ? null : Number(match[1]) * 1024;
}
