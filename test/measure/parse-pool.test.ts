import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorruptFileError, InputError } from '../../src/errors.js';
import { parserOptions } from '../../src/measure/normalise.js';
import type { ParsedProfile } from '../../src/measure/parse.js';
import { parseCachegrindFile, parseValgrindFile } from '../../src/measure/parse-file.js';
import { ParsePool } from '../../src/measure/parse-pool.js';
import { withRows } from '../support/parsed-functions.js';

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../fixtures/cachegrind/${name}`, import.meta.url));
const ROOT = '/home/runner/work/demo/cgdemo';

/** What `parse` rejects with, or throws if it resolves. */
async function parseError(pool: ParsePool, path: string): Promise<unknown> {
  return pool.parse(path, { workspaceRoot: ROOT }).then(
    () => {
      throw new Error(`expected ${path} to be refused`);
    },
    (error: unknown) => error,
  );
}

async function inThread(path: string): Promise<ParsedProfile> {
  return parseCachegrindFile(path, parserOptions({ workspaceRoot: ROOT }));
}

async function inThreadError(path: string): Promise<unknown> {
  return parseCachegrindFile(path, parserOptions({ workspaceRoot: ROOT })).catch(
    (error: unknown) => error,
  );
}

describe('ParsePool with the bundled worker', () => {
  let directory: string;
  let pool: ParsePool;

  beforeAll(async () => {
    // The worker as `npm run bundle` builds it into dist/, built from the sources under test.
    directory = mkdtempSync(join(tmpdir(), 'rust-perf-parse-pool-'));
    const worker = join(directory, 'parse-worker.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../../src/measure/parse-worker.ts', import.meta.url))],
      outfile: worker,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
    });
    // A file of every size goes to a worker.
    pool = new ParsePool({ worker: pathToFileURL(worker), threads: 2, minBytes: 0 });
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([
    '3.19-legacy-names.cachegrind.out',
    '3.19-cache-sim.cachegrind.out',
    '3.24-dwarf5.cachegrind.out',
  ])('parses %s on a worker thread exactly as in this thread', async (name) => {
    const options = { workspaceRoot: ROOT };
    const [inWorker, inThread] = await Promise.all([
      pool.parse(fixturePath(name), options),
      parseCachegrindFile(fixturePath(name), parserOptions(options)),
    ]);
    expect(withRows(inWorker)).toEqual(withRows(inThread));
  });

  it('rethrows a corrupt file error with its class, file, line number and reason', async () => {
    const truncated = join(directory, 'truncated.cachegrind.out');
    writeFileSync(truncated, 'cmd: ./bench\nevents: Ir\nfl=src/lib.rs\nfn=main\n3 10\n4 x\n');
    const error = await parseError(pool, truncated);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error).toEqual(await inThreadError(truncated));
    expect((error as CorruptFileError).lineNumber).toBe(6);
    expect((error as Error).message).toBe(
      `${truncated}:6: malformed count line "4 x": expected <line> <count>...`,
    );
  });

  it('parses a Callgrind file in this thread, as parseValgrindFile does, calls included', async () => {
    const path = fixturePath('3.19.callgrind.out');
    const options = { workspaceRoot: ROOT };
    const parsed = await pool.parse(path, options);
    expect(parsed).toEqual(await parseValgrindFile(path, parserOptions(options)));
    expect(parsed.calls?.length).toBeGreaterThan(0);
  });

  it('reports a file it cannot read as an input error, as in this thread', async () => {
    const path = join(directory, 'missing.cachegrind.out');
    const error = await parseError(pool, path);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`cannot read ${path}: no such file`);
  });

  it('reports a worker that ends without a result as a failure, not as an empty profile', async () => {
    const silent = join(directory, 'silent-worker.mjs');
    writeFileSync(silent, '');
    const failing = new ParsePool({ worker: pathToFileURL(silent), threads: 2, minBytes: 0 });
    const path = fixturePath('3.19-legacy-names.cachegrind.out');
    expect(((await parseError(failing, path)) as Error).message).toBe(
      `the parse worker for ${path} exited (code 0) without a result`,
    );
  });

  it('parses a file wanted while the only worker is busy in this thread, on two cores', async () => {
    // A worker that gives no result tells which file went to it.
    const silent = join(directory, 'silent-worker.mjs');
    writeFileSync(silent, '');
    const twoCores = new ParsePool({ worker: pathToFileURL(silent), threads: 2, minBytes: 0 });
    const path = fixturePath('3.19-legacy-names.cachegrind.out');
    const results = await Promise.allSettled([
      twoCores.parse(path, { workspaceRoot: ROOT }),
      twoCores.parse(path, { workspaceRoot: ROOT }),
    ]);
    // Whichever of the two asks first gets the worker.
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'fulfilled')).toEqual({
      status: 'fulfilled',
      value: await inThread(path),
    });
    // Once the worker is done, the next file goes to a worker again.
    expect(((await parseError(twoCores, path)) as Error).message).toMatch(/without a result/);
  });
});

describe('ParsePool without a worker thread', () => {
  const path = fixturePath('3.19-legacy-names.cachegrind.out');
  const absent = pathToFileURL(join(tmpdir(), 'no-such-dir', 'parse-worker.js'));

  it.each([
    ['on one core', { threads: 1, minBytes: 0 }],
    ['without the bundled worker', { threads: 2, minBytes: 0 }],
    ['for a file smaller than the threshold', { threads: 2, minBytes: 1e12 }],
  ])('parses in this thread %s', async (_, options) => {
    const pool = new ParsePool({ worker: absent, ...options });
    const parsed = await pool.parse(path, { workspaceRoot: ROOT });
    expect(withRows(parsed)).toEqual(
      withRows(await parseCachegrindFile(path, parserOptions({ workspaceRoot: ROOT }))),
    );
  });
});
