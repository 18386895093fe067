import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { privateStagingRoot, withStagedExecutables } from '../../src/measure/staging.js';
import { processStartTime } from '../../src/system/lock.js';
import { memoryLogger } from '../support/memory-logger.js';

const uid = process.getuid!();
let scratch: string;
/** The temporary directory staging uses here: this test's own, not the machine's. */
let tempDir: string;
let root: string;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'rust-perf-staging-test-'));
  tempDir = join(scratch, 'tmp');
  await mkdir(tempDir);
  root = join(tempDir, `rust-perf-${uid}`);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const names = ['rust-perf-test-staged-a', 'rust-perf-test-staged-b'];

async function builtTarget(name: string, index: number) {
  const built = join(scratch, 'built');
  await mkdir(built, { recursive: true });
  const target = {
    name,
    executable: join(built, `${name}-0123abcd`),
    args: ['--lines', String(index)],
    cwd: join(scratch, `package-${index}`),
  };
  await writeFile(target.executable, `#!/bin/sh\necho ${index}\n`, { mode: 0o700 });
  return target;
}

describe('withStagedExecutables', () => {
  it('copies each executable and links its directory at stable private paths, in the targets’ order, and removes them afterwards', async () => {
    const targets = await Promise.all(names.map(builtTarget));
    const staged = await withStagedExecutables(
      targets,
      { log: memoryLogger(), tempDir },
      async (promises) => {
        const staged = await Promise.all(promises);
        for (const [index, target] of staged.entries()) {
          expect(await readFile(target.executable, 'utf8')).toBe(`#!/bin/sh\necho ${index}\n`);
          expect((await stat(target.executable)).mode & 0o777).toBe(0o700);
          expect(await readlink(target.cwd)).toBe(targets[index]!.cwd);
        }
        return staged;
      },
    );
    expect(staged).toEqual(
      targets.map((target) => ({
        ...target,
        executable: join(root, 'bin', target.name),
        cwd: join(root, 'cwd', target.name),
        built: { executable: target.executable, cwd: target.cwd },
      })),
    );
    const directory = await lstat(root);
    expect(directory.isDirectory()).toBe(true);
    expect(directory.mode & 0o777).toBe(0o700);
    expect(await readdir(root)).toEqual([]);
  });

  it.each([
    ['whose owner is gone', () => '99999999', new Date()],
    ['with no readable pid, left long ago', () => 'garbage', new Date(Date.now() - 60_000)],
    [
      'naming a live process that is not rust-perf, left long ago',
      () => '1',
      new Date(Date.now() - 60_000),
    ],
    [
      'whose pid now belongs to a process started at another time',
      async () => `${process.pid} ${Number(await processStartTime(process.pid)) + 1}`,
      new Date(),
    ],
  ])('takes over a lock %s, and says nothing of waiting', async (_, owner, modified) => {
    const lock = join(root, 'lock');
    await mkdir(lock, { recursive: true, mode: 0o700 });
    await writeFile(join(lock, 'pid'), await owner());
    await utimes(lock, modified, modified);
    const target = await builtTarget(names[0]!, 0);
    const log = memoryLogger();

    await withStagedExecutables([target], { log, tempDir }, (promises) => Promise.all(promises));

    expect(log.lines.filter((line) => line.startsWith('Waiting'))).toEqual([]);
    expect(await readdir(root)).toEqual([]);
  });

  it('rejects a target whose executable is missing, and reports what work made of it', async () => {
    const targets = names.map((name) => ({
      name,
      executable: join(scratch, 'no-such-build', name),
      args: [],
      cwd: scratch,
    }));
    // Work stops at the first target: the second one's failure must not go unhandled.
    const staging = withStagedExecutables(
      targets,
      { log: memoryLogger(), tempDir },
      async (staged) => {
        await staged[0];
        return 'unreachable';
      },
    );
    await expect(staging).rejects.toThrow(InputError);
    await expect(staging).rejects.toThrow(
      `'${names[0]}' runs ${targets[0]!.executable}, which does not exist`,
    );
    expect(await readdir(root)).toEqual([]);
  });
});

describe('privateStagingRoot', () => {
  /** The one message a refusal gives, with its hint. */
  async function refusal(): Promise<string> {
    const error = await privateStagingRoot(tempDir).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(EnvironmentError);
    return `${(error as EnvironmentError).message}\n${(error as EnvironmentError).hint}`;
  }
  const hint = () =>
    `Remove ${root} if it is yours, or set TMPDIR to a directory only you can write to.`;

  it('creates the directory with mode 0700 and uses it again', async () => {
    expect(await privateStagingRoot(tempDir)).toBe(root);
    expect((await lstat(root)).mode & 0o777).toBe(0o700);
    expect(await privateStagingRoot(tempDir)).toBe(root);
  });

  it('refuses a directory that another user created first', async () => {
    if (uid !== 0) return; // only root can give a directory away
    await mkdir(root, { mode: 0o700 });
    await chown(root, 65534, 65534);
    expect(await refusal()).toBe(
      `The staging directory ${root} belongs to user 65534, not to you (user 0)\n${hint()}`,
    );
  });

  it('refuses a directory others may write to', async () => {
    await mkdir(root, { mode: 0o777 });
    await chmod(root, 0o777); // past the umask
    expect(await refusal()).toBe(
      `The staging directory ${root} is open to other users (mode 777, not 700)\n${hint()}`,
    );
  });

  it('never follows a symbolic link', async () => {
    await mkdir(join(scratch, 'elsewhere'), { mode: 0o700 });
    await symlink(join(scratch, 'elsewhere'), root);
    expect(await refusal()).toBe(
      `The staging directory ${root} is a symbolic link, which rust-perf does not follow\n${hint()}`,
    );
  });

  it('refuses a file in its place', async () => {
    await writeFile(root, '');
    expect(await refusal()).toBe(`The staging directory ${root} is not a directory\n${hint()}`);
  });

  it('says so when the temporary directory itself is missing', async () => {
    tempDir = join(scratch, 'no-such-tmp');
    expect(await refusal()).toBe(
      `The temporary directory ${tempDir} does not exist, so rust-perf has nowhere to stage the benchmarks\nCreate it, or set TMPDIR to a directory that exists.`,
    );
  });
});
