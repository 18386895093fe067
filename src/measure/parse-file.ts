import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { type CallgrindPart, mergeParts } from './callgrind-part.js';
import {
  CALLGRIND_PREFIXES,
  CachegrindParser,
  type CachegrindParserOptions,
  type ParsedProfile,
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
  const parser = new CachegrindParser(path, options);
  await readInChunks(path, parser);
  return parser.finish();
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
  const firstLine = (await readStart(path)).split('\n', 1)[0]!;
  return CALLGRIND_PREFIXES.some((prefix) => firstLine.startsWith(prefix))
    ? mergeParts(await parseCallgrindFile(path, options))
    : parseCachegrindFile(path, options);
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

/** Reads the file into one buffer, chunk after chunk: no chunk is left for the garbage collector. */
async function readInChunks(
  path: string,
  parser: { write(chunk: Uint8Array): void },
): Promise<void> {
  try {
    const file = await open(path, 'r');
    try {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, null);
        if (bytesRead === 0) break;
        // The parser copies what it keeps of a chunk, so the buffer can be read into again.
        parser.write(chunk.subarray(0, bytesRead));
      }
    } finally {
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
