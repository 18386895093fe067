import { copyFile, mkdtemp, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProfileInput } from '../../src/compare/load-input.js';
import { CorruptFileError, InputError } from '../../src/errors.js';
import { FunctionColumns } from '../../src/measure/normalise.js';
import { parseProfileDocument, serialiseProfileDocument } from '../../src/profile/document.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { TOOL_NAME } from '../../src/version.js';
import { mutated, sampleDocument } from '../support/sample-profile.js';

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../fixtures/cachegrind/${name}`, import.meta.url));

describe('loadProfileInput', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rust-perf-profile-file-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads a profile.json', async () => {
    const path = join(directory, 'profile.json');
    await writeFile(path, serialiseProfileDocument(sampleDocument()));
    expect(await loadProfileInput(path)).toEqual(sampleDocument());
  });

  it('refuses a profile document too large to be one, without reading it', async () => {
    const path = join(directory, 'profile.json');
    await writeFile(path, '{"version": 2,');
    await truncate(path, 600_000_000); // sparse: no disk is used
    const loading = loadProfileInput(path);
    await expect(loading).rejects.toBeInstanceOf(CorruptFileError);
    await expect(loading).rejects.toMatchObject({
      message: `${path}: is 600 MB, larger than a profile document can be (268 MB)`,
      hint: 'A profile document rust-perf writes is far smaller; compare the raw *.callgrind.out files it was written with instead.',
    });
  });

  it('turns a raw Cachegrind file into a one-benchmark document with an unknown fingerprint', async () => {
    const path = fixturePath('3.24-client-request.cachegrind.out');
    const doc = await loadProfileInput(path, { workspaceRoot: '/home/runner/work/demo/creq' });
    const [benchmark, ...others] = doc.benchmarks;
    expect(others).toEqual([]);
    // The functions stay columns: a compare of raw files builds no object per function.
    const functions = benchmark?.functions;
    if (!(functions instanceof FunctionColumns)) throw new Error('expected FunctionColumns');
    const document: ProfileDocument = {
      ...doc,
      benchmarks: [
        {
          ...benchmark!,
          functions: Array.from({ length: functions.length }, (_, index) =>
            functions.profile(index),
          ),
        },
      ],
    };
    expect(document).toEqual({
      version: 2,
      tool: TOOL_NAME,
      createdAt: (await stat(path)).mtime.toISOString(),
      fingerprint: {
        valgrind: 'unknown',
        rustc: 'unknown',
        target: 'unknown',
        rustflags: [],
        mangling: 'legacy',
        runs: 1,
      },
      benchmarks: [
        {
          name: '3.24-client-request',
          target: '3.24-client-request',
          harness: 'plain',
          command: ['./creq', 'cg'],
          events: ['Ir'],
          totals: { Ir: 800028 },
          nondeterministic: [],
          functions: [
            {
              name: 'main::hot',
              // Not std's uint_macros.rs:2533, its largest line: the workspace's largest.
              file: 'main.rs',
              line: 30,
              counts: { Ir: 800013 },
            },
            { name: 'main::main', file: 'main.rs', line: 7, counts: { Ir: 15 } },
          ],
        },
      ],
    });
    // What it holds is itself a valid document.
    expect(parseProfileDocument(serialiseProfileDocument(document), 'x')).toEqual(document);
  });

  it.each([
    ['parse.cachegrind.out', 'parse'],
    ['parse.2.cachegrind.out', 'parse'],
    ['cachegrind.out.4711', 'cachegrind.out.4711'],
  ])('names the benchmark of %s %s', async (file, name) => {
    const path = join(directory, file);
    await copyFile(fixturePath('3.24-empty.cachegrind.out'), path);
    const doc = await loadProfileInput(path, { workspaceRoot: directory });
    expect(doc.benchmarks.map((benchmark) => benchmark.name)).toEqual([name]);
  });

  it('reports a missing file as an input error', async () => {
    const path = join(directory, 'missing.json');
    await expect(loadProfileInput(path)).rejects.toEqual(
      new InputError(`cannot read ${path}: no such file`),
    );
  });

  it('reports a directory as an input error', async () => {
    await expect(loadProfileInput(directory)).rejects.toEqual(
      new InputError(`cannot read ${directory}: is a directory, not a file`),
    );
  });

  it('refuses a corrupt profile.json with the file name', async () => {
    const path = join(directory, 'profile.json');
    await writeFile(
      path,
      mutated((doc) => (doc.version = '1')),
    );
    await expect(loadProfileInput(path)).rejects.toThrow(
      `${path}: not a valid profile document: version: "1" is not a profile version`,
    );
  });

  it('reads a Callgrind file as one benchmark with its calls', async () => {
    const document = await loadProfileInput(fixturePath('3.19.callgrind.out'));
    const [benchmark] = document.benchmarks;
    // `.19` reads as a run number, as in `parse.2.callgrind.out`.
    expect(benchmark!.name).toBe('3');
    expect(benchmark!.totals).toEqual({ Ir: 1383093 });
    expect(benchmark!.calls).toContainEqual(
      expect.objectContaining({ caller: 'cgdemo::main', callee: 'cgdemo::fib' }),
    );
  });
});
