import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { type CallgrindPart, mergeParts } from './callgrind-part.js';
import {
  CALLGRIND_PREFIXES,
  CachegrindParser,
  type CachegrindParserOptions,
  type ParsedProfile,
  type UndecodedProfile,
} from './parse.js';
import { CallgrindParser } from './parse-callgrind.js';

const CHUNK_BYTES = 1 << 20;

/**
 * Feeds a `cachegrind.out` file through the parser chunk by chunk: memory stays flat however
 * big the file is.
 */
export async function parseCachegrindFile(
  path: string,
  options: CachegrindParserOptions = {},
): Promise<ParsedProfile> {
  return (await readCachegrindFile(path, options)).finish();
}

/** The parser, fed the whole file and ready to `finish`. */
export async function readCachegrindFile(
  path: string,
  options: CachegrindParserOptions,
): Promise<CachegrindParser> {
  const parser = new CachegrindParser(path, options);
  await readInChunks(path, parser);
  return parser;
}

/** Feeds a `callgrind.out` file through the parser chunk by chunk, as `parseCachegrindFile`. */
export async function parseCallgrindFile(
  path: string,
  options: CachegrindParserOptions = {},
): Promise<CallgrindPart[]> {
  const parser = new CallgrindParser(path, options);
  await readInChunks(path, parser);
  return parser.finish();
}

/**
 * A Cachegrind or a Callgrind file, told apart by its first line, as one profile: a Callgrind
 * file's parts are added up (`mergeParts`) and its calls kept.
 */
export async function parseValgrindFile(
  path: string,
  options: CachegrindParserOptions = {},
): Promise<ParsedProfile> {
  return (await isCallgrindFile(path))
    ? mergeParts(await parseCallgrindFile(path, options))
    : parseCachegrindFile(path, options);
}

/** `parseValgrindFile`, with a Cachegrind file's names left as bytes. */
export async function parseValgrindFileUndecoded(
  path: string,
  options: CachegrindParserOptions = {},
): Promise<ParsedProfile | UndecodedProfile> {
  return (await isCallgrindFile(path))
    ? mergeParts(await parseCallgrindFile(path, options))
    : (await readCachegrindFile(path, options)).finishUndecoded();
}

/** Whether the file is Callgrind's rather than Cachegrind's, told by its first line. */
export async function isCallgrindFile(path: string): Promise<boolean> {
  const firstLine = (await readStart(path)).split('\n', 1)[0]!;
  return CALLGRIND_PREFIXES.some((prefix) => firstLine.startsWith(prefix));
}

/** The file's first bytes as text, enough for its first line. */
export async function readStart(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      return buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(path, error);
  }
}

/**
 * Reads the file into two buffers in turn, the next chunk while the parser works on the last
 * one: no chunk is left for the garbage collector.
 */
async function readInChunks(
  path: string,
  parser: { write(chunk: Uint8Array): void; expectBytes?(bytes: number): void },
): Promise<void> {
  try {
    const file = await open(path, 'r');
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)] as const;
    let reading = file.read(buffers[0], 0, CHUNK_BYTES, null);
    try {
      parser.expectBytes?.((await file.stat()).size);
      for (let turn = 0; ; turn = 1 - turn) {
        const { bytesRead } = await reading;
        if (bytesRead === 0) break;
        reading = file.read(buffers[1 - turn]!, 0, CHUNK_BYTES, null);
        // The parser copies what it keeps of a chunk, so the buffer can be read into again.
        parser.write(buffers[turn]!.subarray(0, bytesRead));
      }
    } finally {
      // A chunk may still be being read, when the parser threw: the file closes after it.
      await reading.catch(() => undefined);
      await file.close();
    }
  } catch (error) {
    throw unreadable(path, error);
  }
}

/** A read failure the user can fix (wrong path, a directory, no permission) as an InputError. */
export function unreadable(path: string, error: unknown): unknown {
  if (!isSystemError(error)) return error;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'is a directory, not a file',
    EACCES: 'permission denied',
  };
  const reason = reasons[error.code] ?? error.message;
  return new InputError(`cannot read ${path}: ${reason}`);
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
