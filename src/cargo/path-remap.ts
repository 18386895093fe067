import { createHash } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A `RUSTC_WORKSPACE_WRAPPER` that adds `--remap-path-prefix=<workspace root>=` to the compiler
 * calls of the workspace's own crates only. Through RUSTFLAGS the flag would reach every crate,
 * and since it names the checkout, the base's worktree and the head would each rebuild every
 * dependency in the shared target directory. Cargo hashes the wrapper's path into the crates it
 * wraps, so one script per workspace root also keeps each side's executables apart: a side
 * whose sources are older than the other side's build is never taken for built.
 *
 * The script lives under `<target dir>/rust-perf/rustc-wrapper/`; a wrapper the user already
 * set is run by it, with the flag added.
 */
export async function writePathRemapWrapper(
  targetDir: string,
  workspaceRoot: string,
  userWrapper: string | undefined,
): Promise<string> {
  const key = createHash('sha256').update(workspaceRoot).digest('hex').slice(0, 16);
  const directory = join(targetDir, 'rust-perf', 'rustc-wrapper', key);
  const path = join(directory, 'remap-path-prefix');
  const wrapped = userWrapper ? `${shellQuote(userWrapper)} ` : '';
  const script = [
    '#!/bin/sh',
    '# Written by rust-perf: remaps the workspace root out of the debug info of its own crates.',
    `exec ${wrapped}"$@" ${shellQuote(`--remap-path-prefix=${workspaceRoot}=`)}`,
    '',
  ].join('\n');
  await mkdir(directory, { recursive: true });
  await writeFile(path, script);
  await chmod(path, 0o755);
  return path;
}

/** One word for sh, whatever it holds. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
