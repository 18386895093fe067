import { chmod, copyFile, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  definedEnvironment,
  isMissingProgram,
  nodeProcessRunner,
} from '../../src/system/process.js';

const options = { cwd: '/', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } };

describe('nodeProcessRunner', () => {
  it('returns the exit status and all output, and hands out each line as it completes', async () => {
    const stdoutLines: string[] = [];
    const stderrLines: string[] = [];
    const result = await nodeProcessRunner.run(
      'sh',
      [
        '-c',
        'printf "one\\ntwo\\r\\nthr"; printf "ee\\n"; printf "err" >&2; printf "\\n" >&2; printf tail; exit 7',
      ],
      {
        ...options,
        onStdoutLine: (line) => stdoutLines.push(line),
        onStderrLine: (line) => stderrLines.push(line),
      },
    );
    expect(result).toEqual({
      exitCode: 7,
      signal: null,
      stdout: 'one\ntwo\r\nthree\ntail',
      stderr: 'err\n',
    });
    expect(stdoutLines).toEqual(['one', 'two', 'three', 'tail']);
    expect(stderrLines).toEqual(['err']);
  });

  it('runs in the given directory with exactly the given environment', async () => {
    const result = await nodeProcessRunner.run('sh', ['-c', 'pwd; env | sort'], {
      cwd: '/tmp',
      env: { PATH: options.env.PATH, ONLY_THIS: 'yes' },
    });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('/tmp');
    expect(lines).toContain('ONLY_THIS=yes');
    expect(lines.filter((line) => line.startsWith('HOME='))).toEqual([]);
  });

  it('reports the signal that killed the child', async () => {
    const result = await nodeProcessRunner.run('sh', ['-c', 'kill -SEGV $$'], options);
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGSEGV' });
  });

  it('rejects when the program does not exist, recognisably', async () => {
    const error = await nodeProcessRunner
      .run('rust-perf-no-such-program', [], options)
      .catch((caught: unknown) => caught);
    expect(isMissingProgram(error)).toBe(true);
    expect(isMissingProgram(new Error('other'))).toBe(false);
  });

  it('kills the child when the signal aborts', async () => {
    const controller = new AbortController();
    const running = nodeProcessRunner.run('sleep', ['30'], {
      ...options,
      signal: controller.signal,
    });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('definedEnvironment', () => {
  it('drops unset variables', () => {
    expect(definedEnvironment({ A: '1', B: undefined, C: '' })).toEqual({ A: '1', C: '' });
  });
});

describe('nodeProcessRunner: a program still open for writing', () => {
  it('starts it once the writer has closed it, as a staged copy is started right after copying', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rust-perf-etxtbsy-'));
    try {
      const program = join(dir, 'true');
      await copyFile('/bin/true', program);
      await chmod(program, 0o755);
      // While this process holds it open for writing, Linux refuses to run it (ETXTBSY).
      const writer = await open(program, 'r+');
      const closing = new Promise<void>((resolve) => {
        setTimeout(() => void writer.close().then(resolve), 30);
      });
      const result = await nodeProcessRunner.run(program, [], { cwd: dir, env: {} });
      await closing;
      expect(result.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
