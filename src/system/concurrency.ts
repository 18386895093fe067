/** Running independent steps side by side: bounded, in order, all or none. */
import { setMaxListeners } from 'node:events';

/**
 * At most `count` holders at a time, e.g. of a CPU for a child process; the others wait, first
 * come first served. One whose signal has aborted by its turn is refused and passes the slot on,
 * so that waiting needs no abort listener (a signal warns beyond ten of them).
 */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(count: number) {
    this.#free = count;
  }

  /** Resolves, once a slot is taken, to the function that gives it back (once; then no-op). */
  async acquire(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.#handOver();
    };
    if (signal.aborted) {
      release();
      signal.throwIfAborted();
    }
    return release;
  }

  /** Straight to the next in line, so that no newcomer takes the slot in between. */
  #handOver(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}

/**
 * The values of `promises`, once every one has settled; else the error of the first one, in
 * their order, that failed. Lets independent steps run side by side while their failures are
 * reported in the order the steps would run one after another.
 */
export async function allInOrder<T extends readonly unknown[]>(
  promises: {
    [K in keyof T]: T[K] | Promise<T[K]>;
  },
): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const values = settled.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
  return values as unknown as T;
}

/**
 * Runs `task(0…count-1)` side by side. The first failure aborts the tasks still running (through
 * the signal they are given) and is rethrown once they have stopped.
 */
export async function allOrNone(
  count: number,
  signal: AbortSignal | undefined,
  task: (index: number, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const controller = new AbortController();
  // A task's running child process listens to the signal; beyond ten, Node would warn of a leak.
  setMaxListeners(count, controller.signal);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  let failure: { error: unknown } | undefined;
  try {
    await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        try {
          await task(index, controller.signal);
        } catch (error) {
          failure ??= { error };
          controller.abort();
        }
      }),
    );
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
  }
  if (failure) throw failure.error;
  signal?.throwIfAborted();
}
