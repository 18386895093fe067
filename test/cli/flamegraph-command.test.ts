import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/callgrind', import.meta.url));

describe('rust-perf flamegraph', () => {
  it('refuses a --bench that names no benchmark of HEAD, listing those there are', async () => {
    const result = await runCli(
      [
        'flamegraph',
        '--folded',
        '--bench',
        'libtest.parts',
        '--bench',
        'nope',
        'libtest.parts.callgrind.out',
      ],
      { cwd: fixtures },
    );
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.log).toEqual([
      "rust-perf flamegraph: libtest.parts.callgrind.out has no benchmark named 'nope'\nIts benchmarks: libtest.parts.",
    ]);
  });
});
