/**
 * The bundled command (dist/cli.js) writing into a pipe whose reader stops reading, as
 * `rust-perf parse FILE | head` does: it ends quietly with exit 0, with no stack trace.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const profile = fileURLToPath(
  new URL('../fixtures/cachegrind/3.19-cache-sim.cachegrind.out', import.meta.url),
);

/**
 * Runs the CLI with its stdout a pipe whose reading end is closed before the CLI starts (so
 * every write fails, whatever the timing), and waits for the exit.
 */
function runWithClosedStdout(args: string[]) {
  return new Promise<{ exitCode: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

describe('rust-perf writing into a closed pipe', () => {
  it.each([['parse', profile], ['parse', '--json', profile], ['--help'], ['compare', '--help']])(
    'rust-perf %s … stops with exit 0 and says nothing',
    async (...args) => {
      expect(await runWithClosedStdout(args)).toEqual({ exitCode: 0, stderr: '' });
    },
  );
});
