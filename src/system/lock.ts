/**
 * A lock between rust-perf processes on one machine: a directory holding its owner's pid. A lock
 * whose owner is gone is taken over.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './logger.js';

/** A lock directory holding the owner's pid; a lock whose owner is gone is taken over. */
export async function acquireLock(
  lock: string,
  deps: { log: Logger; signal?: AbortSignal },
): Promise<() => Promise<void>> {
  await mkdir(dirname(lock), { recursive: true });
  let waiting = false;
  for (;;) {
    deps.signal?.throwIfAborted();
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lock)) {
      // Moved aside before removal: of two processes that both found the lock stale, only one
      // rename succeeds, so neither removes a lock the other has just taken.
      const abandoned = `${lock}.stale-${process.pid}`;
      try {
        await rename(lock, abandoned);
        await rm(abandoned, { recursive: true, force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      continue;
    }
    if (!waiting) {
      deps.log.info(`Waiting for another rust-perf process to release ${lock}`);
      waiting = true;
    }
    await sleep(250, undefined, { signal: deps.signal });
  }
}

async function isStale(lock: string): Promise<boolean> {
  const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
  if (!Number.isSafeInteger(owner) || owner <= 0) {
    // No pid (yet): being created right now, or its creator died in between.
    const created = await stat(lock).catch(() => undefined);
    return created !== undefined && Date.now() - created.mtimeMs > 10_000;
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
