/**
 * Function names kept as the bytes the parser read them as, decoded one by one when asked for:
 * a compare of two large profiles reports a few hundred functions and pairs the rest by their
 * bytes, so that most names never become strings (hundreds of thousands of them would be
 * allocated, then copied by every garbage collection they survive).
 */
import { Buffer, isAscii } from 'node:buffer';
import { decodeNames, sameBytes } from './parse.js';

export class EncodedNames {
  readonly #bytes: Buffer;
  readonly #view: DataView;
  readonly #starts: Int32Array;
  readonly #hashes: Int32Array;
  readonly #encoding: 'latin1' | 'utf8';

  /**
   * Name `i` is `bytes[starts[i] .. starts[i + 1] - 1)` (UTF-8, each followed by a line feed,
   * as `UndecodedProfile`'s `nameBytes`), and `hashes[i]` a hash of those bytes: names of equal
   * bytes have equal hashes.
   */
  constructor(bytes: Uint8Array, starts: Int32Array, hashes: Int32Array) {
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#starts = starts;
    this.#hashes = hashes;
    // ASCII, as names nearly always are, decodes faster as Latin-1, to the same strings.
    this.#encoding = isAscii(this.#bytes) ? 'latin1' : 'utf8';
  }

  get length(): number {
    return this.#hashes.length;
  }

  /** Whether every name is ASCII: then a name's bytes are its characters, one to one. */
  get isAscii(): boolean {
    return this.#encoding === 'latin1';
  }

  /** The bytes of every name, each followed by a line feed. */
  get bytes(): Buffer {
    return this.#bytes;
  }

  /** Where each name's bytes start in `bytes`, and where the next name's would: `length + 1`. */
  get starts(): Int32Array {
    return this.#starts;
  }

  /** Where name `index`'s bytes start in `bytes`. */
  start(index: number): number {
    return this.#starts[index]!;
  }

  /** Where name `index`'s bytes end in `bytes` (at its line feed). */
  end(index: number): number {
    return this.#starts[index + 1]! - 1;
  }

  name(index: number): string {
    return this.#bytes.toString(this.#encoding, this.start(index), this.end(index));
  }

  /** Every name, decoded together (`decodeNames`). */
  all(): string[] {
    return decodeNames(this.#bytes.subarray(0, this.#starts[this.length]));
  }

  /** The index of the name whose bytes hold `bytes[position]`. */
  indexAt(position: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Whether name `index` starts with the ASCII `prefix`. */
  startsWith(index: number, prefix: string): boolean {
    const start = this.start(index);
    if (this.end(index) - start < prefix.length) return false;
    for (let offset = 0; offset < prefix.length; offset++) {
      if (this.#bytes[start + offset] !== prefix.charCodeAt(offset)) return false;
    }
    return true;
  }

  /** Whether name `index` is name `otherIndex` of `other`, compared by hash, then by bytes. */
  sameName(index: number, other: EncodedNames, otherIndex: number): boolean {
    if (this.#hashes[index] !== other.#hashes[otherIndex]) return false;
    const start = this.start(index);
    const otherStart = other.start(otherIndex);
    const length = this.end(index) - start;
    if (other.end(otherIndex) - otherStart !== length) return false;
    return sameBytes(this.#view, start, other.#view, otherStart, length);
  }
}
