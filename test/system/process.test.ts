import { describe, expect, it } from 'vitest';
import {
  definedEnvironment,
  isMissingProgram,
  nodeProcessRunner,
  Slots,
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

describe('Slots', () => {
  const never = new AbortController().signal;

  /** Acquires a slot and records, in `taken`, when the promise settles. */
  function acquire(slots: Slots, taken: string[], name: string, signal = never) {
    return slots.acquire(signal).then(
      (release) => {
        taken.push(name);
        return release;
      },
      (error: unknown) => {
        taken.push(`${name} refused`);
        throw error;
      },
    );
  }

  /** Lets every pending promise reaction run. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('lets `count` holders in at once and the others in turn, as slots are given back', async () => {
    const slots = new Slots(2);
    const taken: string[] = [];
    const a = acquire(slots, taken, 'a');
    const b = acquire(slots, taken, 'b');
    const c = acquire(slots, taken, 'c');
    const d = acquire(slots, taken, 'd');
    await settle();
    expect(taken).toEqual(['a', 'b']);
    (await b)();
    await settle();
    expect(taken).toEqual(['a', 'b', 'c']);
    (await a)();
    await settle();
    expect(taken).toEqual(['a', 'b', 'c', 'd']);
    (await c)();
    (await d)();
  });

  it('gives a slot back once however often its release is called', async () => {
    const slots = new Slots(1);
    const taken: string[] = [];
    const release = await acquire(slots, taken, 'a');
    acquire(slots, taken, 'b');
    acquire(slots, taken, 'c');
    release();
    release();
    await settle();
    expect(taken).toEqual(['a', 'b']);
  });

  it('hands a slot to the first in line, not to a newcomer', async () => {
    const slots = new Slots(1);
    const taken: string[] = [];
    const release = await acquire(slots, taken, 'a');
    acquire(slots, taken, 'waiting');
    release();
    acquire(slots, taken, 'newcomer');
    await settle();
    expect(taken).toEqual(['a', 'waiting']);
  });

  it('refuses a holder whose signal aborts while it waits, at its turn, and passes the slot on', async () => {
    const slots = new Slots(1);
    const taken: string[] = [];
    const release = await acquire(slots, taken, 'a');
    const controller = new AbortController();
    const abandoned = acquire(slots, taken, 'b', controller.signal);
    acquire(slots, taken, 'c');
    controller.abort(new Error('stop'));
    await settle();
    expect(taken).toEqual(['a']);
    release();
    await expect(abandoned).rejects.toThrow('stop');
    await settle();
    expect(taken).toEqual(['a', 'b refused', 'c']);
  });

  it('refuses a holder whose signal has already aborted, even with a slot free', async () => {
    const slots = new Slots(1);
    const taken: string[] = [];
    await expect(acquire(slots, taken, 'a', AbortSignal.abort(new Error('gone')))).rejects.toThrow(
      'gone',
    );
    await acquire(slots, taken, 'b');
    expect(taken).toEqual(['a refused', 'b']);
  });
});
