/**
 * What the call graph costs: each benchmark run rust-perf starts under Callgrind is timed, and
 * right after it the same program, with the same arguments, environment and working directory,
 * under Cachegrind without cache simulation, the cheapest tool that counts instructions. Runs go
 * one at a time, so that neither tool shares the cores with the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessRunner, RunOptions, RunResult } from '../../src/system/process.js';

/** Options that only Callgrind knows; everything else is passed to Cachegrind as it was. */
const CALLGRIND_ONLY =
  /^--(tool|callgrind-out-file|toggle-collect|collect-atstart|collect-jumps|collect-systime|dump-before|dump-after|dump-instr|dump-line|separate-callers|separate-recs|compress-strings|compress-pos|zero-before|instr-atstart)=/;

export interface CallGraphCost {
  /** Seconds of the Callgrind runs, one after the other. */
  callgrindSeconds: number;
  /** Seconds of the same runs under `--tool=cachegrind --cache-sim=no`. */
  cachegrindSeconds: number;
  runs: number;
}

export class CallgrindVersusCachegrind implements ProcessRunner {
  readonly cost: CallGraphCost = { callgrindSeconds: 0, cachegrindSeconds: 0, runs: 0 };
  readonly #outDir = mkdtempSync(join(tmpdir(), 'rust-perf-bench-cachegrind-'));
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly inner: ProcessRunner) {}

  run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
    if (!args.includes('--tool=callgrind')) return this.inner.run(command, args, options);
    const turn = this.#queue.then(() => this.#both(command, args, options));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** The Callgrind run (whose result measure reads), then its Cachegrind twin. */
  async #both(command: string, args: string[], options: RunOptions): Promise<RunResult> {
    const started = performance.now();
    const result = await this.inner.run(command, args, options);
    this.cost.callgrindSeconds += (performance.now() - started) / 1000;
    const twin = args.flatMap((arg) =>
      arg === '--tool=callgrind'
        ? [
            '--tool=cachegrind',
            '--cache-sim=no',
            `--cachegrind-out-file=${join(this.#outDir, 'cachegrind.out.%p')}`,
          ]
        : CALLGRIND_ONLY.test(arg)
          ? []
          : [arg],
    );
    const twinStarted = performance.now();
    const twinResult = await this.inner.run(command, twin, options);
    this.cost.cachegrindSeconds += (performance.now() - twinStarted) / 1000;
    if (twinResult.exitCode !== 0) {
      throw new Error(
        `${command} ${twin.join(' ')} exited with ${twinResult.exitCode ?? twinResult.signal}: ${twinResult.stderr.slice(-2000)}`,
      );
    }
    this.cost.runs += 1;
    return result;
  }

  /** Removes Cachegrind's files. */
  dispose(): void {
    rmSync(this.#outDir, { recursive: true, force: true });
  }
}
