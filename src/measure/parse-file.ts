import { createReadStream } from 'node:fs';
import { InputError } from '../errors.js';
import { CachegrindParser, type CachegrindParserOptions, type ParsedProfile } from './parse.js';

/** Streams a `cachegrind.out` file through the parser: memory stays flat however big it is. */
export async function parseCachegrindFile(
  path: string,
  options: CachegrindParserOptions = {},
): Promise<ParsedProfile> {
  const parser = new CachegrindParser(path, options);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      parser.write(chunk as Buffer);
    }
  } catch (error) {
    throw unreadable(path, error);
  }
  return parser.finish();
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
