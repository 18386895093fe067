/**
 * One benchmark run under real valgrind that takes long: it says every 30 seconds that it still
 * runs, and a time limit stops valgrind and fails with an error that names the run and the limit.
 * The program is `sleep`, which runs under valgrind like any other and takes as long as told.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BenchmarkError } from '../../src/errors.js';
import {
  benchmarkEnvironment,
  runUnderCallgrind,
  type ValgrindSetup,
} from '../../src/measure/run.js';
import { nodeProcessRunner } from '../../src/system/process.js';
import { memoryLogger } from '../support/memory-logger.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-run-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
});

function sleeping(seconds: number, timeoutSeconds?: number) {
  const log = memoryLogger();
  const setup: ValgrindSetup = {
    valgrind: 'valgrind',
    aslrOff: [],
    env: benchmarkEnvironment(process.env),
    timeoutSeconds,
  };
  const benchmarkRun = {
    target: { name: 'stall', executable: '/bin/sleep', args: [String(seconds)], cwd: scratch },
    runNumber: 1,
    runs: 1,
    outFile: join(scratch, 'stall.callgrind.out'),
  };
  const deps = { log, processes: nodeProcessRunner, env: process.env };
  const run = runUnderCallgrind(benchmarkRun, undefined, setup, deps, { isOwnFile: () => false });
  return { run, log };
}

describe('a long benchmark run', () => {
  it('says every 30 seconds that it is still running', async () => {
    // Only the heartbeat's clock is simulated: valgrind and sleep run for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { run, log } = sleeping(1);
    vi.advanceTimersByTime(65_000);
    await run;
    expect(log.lines.slice(0, 2)).toEqual([
      'bench stall: still running after 30s',
      'bench stall: still running after 1m',
    ]);
    expect(log.lines[2]).toMatch(/^bench stall: [\d,]+ Ir in \d+\.\ds$/);
  });

  it('is stopped at its time limit, with an error naming it and the limit', async () => {
    const started = performance.now();
    const { run } = sleeping(60, 2);
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BenchmarkError);
    expect(error).toMatchObject({
      message: 'bench stall did not finish within its time limit of 2s: valgrind was stopped.',
      hint: "Under valgrind a program runs some 20 to 100 times slower than on its own. Give it more time (`--timeout`, or the action's `timeout` input), or make the benchmark do less work.",
    });
    // Killed, not waited for: far less than the 60 seconds it would sleep.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('ends as usual within its time limit', async () => {
    const { run, log } = sleeping(0, 60);
    await run;
    expect(log.lines).toHaveLength(1);
  });
});
