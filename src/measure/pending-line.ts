/**
 * The start of a line that continues in the next chunks of a stream, kept in pieces so that a
 * long line costs one copy when it ends rather than one per chunk (a file without line feeds
 * made the readers quadratic), and bounded: no line of valgrind's output comes near the bound.
 */
export const LONGEST_LINE_BYTES = 16 * 1024 * 1024;

export class PendingLine {
  #pieces: Buffer[] = [];
  #length = 0;

  /** `tooLong` is the error for a line past LONGEST_LINE_BYTES. */
  constructor(private readonly tooLong: () => Error) {}

  get isEmpty(): boolean {
    return this.#length === 0;
  }

  /** Keeps a copy of `bytes` (the caller may reuse the chunk's memory for the next read). */
  keep(bytes: Buffer): void {
    this.#length += bytes.length;
    if (this.#length > LONGEST_LINE_BYTES) throw this.tooLong();
    this.#pieces.push(Buffer.from(bytes));
  }

  /** The line kept so far followed by `end`, and nothing kept any more. */
  take(end: Buffer): Buffer {
    const line = Buffer.concat([...this.#pieces, end]);
    this.#pieces = [];
    this.#length = 0;
    return line;
  }
}

/** Where the bytes start after a UTF-8 byte order mark at their start, which editors add. */
export function afterByteOrderMark(bytes: Buffer, start: number): number {
  return bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf
    ? start + 3
    : start;
}
