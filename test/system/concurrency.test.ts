import { describe, expect, it } from 'vitest';
import { Slots } from '../../src/system/concurrency.js';

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
