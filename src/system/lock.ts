/**
 * A lock between rust-perf processes of one user: a directory holding its owner's pid and the
 * time that process started. A lock whose owner is gone is taken over, and so is one whose pid
 * now belongs to another process (pids are reused), so no wait lasts longer than its owner.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './logger.js';

/**
 * Takes the lock directory `lock` (its parent must exist, and should be private to the user);
 * resolves to the function that releases it.
 */
export async function acquireLock(
  lock: string,
  deps: { log: Logger; signal?: AbortSignal },
): Promise<() => Promise<void>> {
  const owner = await ownerRecord(process.pid);
  let waiting = false;
  for (;;) {
    deps.signal?.throwIfAborted();
    try {
      await mkdir(lock, { mode: 0o700 });
      await writeFile(join(lock, 'pid'), owner);
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

/** `<pid> <start time>`, or the pid alone where the start time cannot be read. */
async function ownerRecord(pid: number): Promise<string> {
  const started = await processStartTime(pid);
  return started === undefined ? String(pid) : `${pid} ${started}`;
}

/**
 * When the process started, in clock ticks since boot (field 22 of `/proc/<pid>/stat`, read
 * after the command name, which may hold spaces and parentheses); undefined without /proc.
 */
export async function processStartTime(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields from the third (state) on: the start time is field 22, so index 19 here.
  const started = fields[19];
  return started !== undefined && /^\d+$/.test(started) ? started : undefined;
}

async function isStale(lock: string): Promise<boolean> {
  const record = await readFile(join(lock, 'pid'), 'utf8').catch(() => '');
  const match = /^(\d+)(?: (\d+))?$/.exec(record.trim());
  const owner = Number(match?.[1]);
  const started = match?.[2];
  if (Number.isSafeInteger(owner) && owner > 0 && !isAlive(owner)) return true;
  if (started !== undefined) {
    // Alive: still the owner only if it started when the owner did; else the pid was reused.
    const now = await processStartTime(owner);
    return now !== undefined && now !== started;
  }
  // No pid yet (being created right now, or by a process that died in between), or, where
  // /proc tells start times and every rust-perf lock records one, a live pid without one: not
  // a rust-perf lock, judged by its age so that an unrelated process cannot hold it for ever.
  if (match !== null && (await processStartTime(process.pid)) === undefined) return false;
  const created = await stat(lock).catch(() => undefined);
  return created !== undefined && Date.now() - created.mtimeMs > 10_000;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
