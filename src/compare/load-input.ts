/**
 * The inputs of a comparison: profile documents, or raw Cachegrind or Callgrind files read as
 * one-benchmark documents.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CorruptFileError } from '../errors.js';
import { type NormaliseOptions, namedCalls, normaliseColumns } from '../measure/normalise.js';
import { readStart, unreadable } from '../measure/parse-file.js';
import { parsePool } from '../measure/parse-pool.js';
import { parseProfileDocument } from '../profile/document.js';
import { type ComparableDocument, PROFILE_VERSION, wholeProgram } from '../profile/profile.js';
import { TOOL_NAME } from '../version.js';

/**
 * Reads what `compare` accepts: a profile.json, or a raw Cachegrind or Callgrind file, which
 * becomes a one-benchmark document named after the file (`parse.cachegrind.out` and
 * `parse.2.cachegrind.out` both give `parse`). A raw file records nothing about how it was
 * made, so its fingerprint says `unknown` and compares equal to any other raw file's. Its
 * functions stay columns (`FunctionColumns`), in the order the file first names them: a compare
 * needs no order and no object per function, and a large profile's function objects would take
 * most of the compare's memory and sorting them as long as normalising them.
 */
export async function loadProfileInput(
  path: string,
  options: NormaliseOptions = { workspaceRoot: process.cwd() },
): Promise<ComparableDocument> {
  if (await startsWithJsonObject(path)) {
    const { size } = await stat(path);
    if (size > MAX_DOCUMENT_BYTES) {
      throw new CorruptFileError(
        path,
        undefined,
        `is ${megabytes(size)}, larger than a profile document can be (${megabytes(MAX_DOCUMENT_BYTES)})`,
        'A profile document rust-perf writes is far smaller; compare the raw *.callgrind.out files it was written with instead.',
      );
    }
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw unreadable(path, error);
    });
    return parseProfileDocument(text, path);
  }
  const parsed = await parsePool.parseUndecoded(path, options);
  const { mtime } = await stat(path);
  const { events, totals, functions, calls } = normaliseColumns(parsed, options);
  return {
    version: PROFILE_VERSION,
    tool: TOOL_NAME,
    createdAt: mtime.toISOString(),
    fingerprint: {
      valgrind: 'unknown',
      rustc: 'unknown',
      target: 'unknown',
      rustflags: [],
      // rustc's default; a raw file does not say which scheme its names were mangled with.
      mangling: 'legacy',
      runs: 1,
    },
    benchmarks: [
      {
        ...wholeProgram(benchmarkName(path)),
        command: parsed.command.split(/\s+/).filter((word) => word !== ''),
        events,
        totals,
        nondeterministic: [],
        functions,
        ...(calls === undefined ? {} : { calls: namedCalls(calls, functions) }),
      },
    ],
  };
}

/**
 * The largest profile document read: a JavaScript string holds at most about 512 MiB, and a
 * document of 200,000 functions is some 40 MB.
 */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
}

function benchmarkName(path: string): string {
  const file = basename(path);
  return file.replace(/(\.\d+)?\.(cachegrind|callgrind)\.out$/, '') || file;
}

/** Sniffs the first non-blank byte: JSON documents start with `{`, valgrind's files never do. */
async function startsWithJsonObject(path: string): Promise<boolean> {
  return (await readStart(path)).trimStart().startsWith('{');
}
