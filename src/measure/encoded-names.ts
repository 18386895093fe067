/**
 * Function names kept as the bytes the parser read them as, decoded one by one when asked for:
 * a compare of two large profiles reports a few hundred functions and pairs the rest by their
 * bytes, so that most names never become strings (hundreds of thousands of them would be
 * allocated, then copied by every garbage collection they survive).
 */
import { Buffer, isAscii } from 'node:buffer';
import { decodeNames, hashName, sameBytes } from './parse.js';

/** No partner, in `partnersInOrder`. */
const NO_PARTNER = -1;

export class EncodedNames {
  readonly #bytes: Buffer;
  readonly #view: DataView;
  readonly #starts: Int32Array;
  readonly #hashes: Int32Array;
  readonly #encoding: 'latin1' | 'utf8';
  /** Names given as strings in place of their bytes (`replacing`). */
  readonly #replaced: ReadonlyMap<number, string>;
  readonly length: number;

  /**
   * Name `i` is `bytes[starts[i] .. starts[i + 1] - 1)` (UTF-8, each followed by a line feed,
   * as `UndecodedProfile`'s `nameBytes`), and `hashes[i]` a hash of those bytes: names of equal
   * bytes have equal hashes.
   */
  constructor(
    bytes: Uint8Array,
    starts: Int32Array,
    hashes: Int32Array,
    replaced: ReadonlyMap<number, string> = new Map(),
  ) {
    this.#replaced = replaced;
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#starts = starts;
    this.#hashes = hashes;
    this.length = hashes.length;
    // ASCII, as names nearly always are, decodes faster as Latin-1, to the same strings.
    this.#encoding = isAscii(this.#bytes) ? 'latin1' : 'utf8';
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
    const replaced = this.#replaced.size === 0 ? undefined : this.#replaced.get(index);
    return replaced ?? this.#bytes.toString(this.#encoding, this.start(index), this.end(index));
  }

  /** Every name, decoded together (`decodeNames`). */
  all(): string[] {
    const names = decodeNames(this.#bytes.subarray(0, this.#starts[this.length]));
    for (const [index, name] of this.#replaced) names[index] = name;
    return names;
  }

  /**
   * These names with name `i` replaced by `names.get(i)` (given as bytes here, each is then read
   * as that string), or undefined when that would make two names equal that were not.
   */
  replacing(names: ReadonlyMap<number, string>): EncodedNames | undefined {
    const strings = new Set(names.values());
    if (strings.size < names.size) return undefined;
    // Only a name of one of the strings' hashes can be one of them.
    const hashes = new Set([...strings].map((name) => hashName(Buffer.from(name))));
    for (let index = 0; index < this.length; index++) {
      if (!hashes.has(this.#hashes[index]!) || names.has(index)) continue;
      if (strings.has(this.name(index))) return undefined;
    }
    return new EncodedNames(this.#bytes, this.#starts, this.#hashes, names);
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

  /** Whether name `index` starts with one of the ASCII `prefixes`. */
  #startsWithAny(index: number, prefixes: readonly string[]): boolean {
    const start = this.#starts[index]!;
    const length = this.#starts[index + 1]! - 1 - start;
    const bytes = this.#bytes;
    for (const prefix of prefixes) {
      if (length < prefix.length) continue;
      let offset = 0;
      while (offset < prefix.length && bytes[start + offset] === prefix.charCodeAt(offset)) {
        offset++;
      }
      if (offset === prefix.length) return true;
    }
    return false;
  }

  /**
   * For each name, the index of the same name in `other` when it is one of the `lookahead` names
   * after the last one found so, else -1; names that start with one of `unsought` are not looked
   * for. Candidates are found by hash and length, then confirmed as runs of bytes
   * (`#confirmSameNames`).
   */
  partnersInOrder(other: EncodedNames, lookahead: number, unsought: readonly string[]): Int32Array {
    const partners = new Int32Array(this.length).fill(NO_PARTNER);
    const hashes = this.#hashes;
    const starts = this.#starts;
    const otherHashes = other.#hashes;
    const otherStarts = other.#starts;
    let next = 0;
    const replaced = this.#replaced;
    const otherReplaced = other.#replaced;
    for (let index = 0; index < partners.length; index++) {
      if (this.#startsWithAny(index, unsought)) continue;
      // A replaced name is not its bytes: it is left to the reader's other ways of pairing.
      if (replaced.size > 0 && replaced.has(index)) continue;
      const hash = hashes[index]!;
      const length = starts[index + 1]! - starts[index]!;
      const end = Math.min(other.length, next + lookahead);
      for (let candidate = next; candidate < end; candidate++) {
        if (otherHashes[candidate] !== hash) continue;
        if (otherStarts[candidate + 1]! - otherStarts[candidate]! !== length) continue;
        if (otherReplaced.size > 0 && otherReplaced.has(candidate)) continue;
        partners[index] = candidate;
        next = candidate + 1;
        break;
      }
    }
    this.#confirmSameNames(partners, other);
    return partners;
  }

  /**
   * Sets `partners[i]` to -1 wherever name `i` is not name `partners[i]` of `other`. Pairs of
   * consecutive names on both sides are compared as one run of bytes (a line feed ends each
   * name, and no name holds one), in one call; a run that differs, name by name.
   */
  #confirmSameNames(partners: Int32Array, other: EncodedNames): void {
    for (let first = 0; first < partners.length; ) {
      if (partners[first] === NO_PARTNER) {
        first++;
        continue;
      }
      let last = first;
      while (last + 1 < partners.length && partners[last + 1] === partners[last]! + 1) last++;
      const otherFirst = partners[first]!;
      const otherLast = partners[last]!;
      const same =
        this.#bytes.compare(
          other.#bytes,
          other.start(otherFirst),
          other.start(otherLast + 1),
          this.start(first),
          this.start(last + 1),
        ) === 0;
      for (let index = first; !same && index <= last; index++) {
        if (!this.#sameName(index, other, partners[index]!)) partners[index] = NO_PARTNER;
      }
      first = last + 1;
    }
  }

  #sameName(index: number, other: EncodedNames, otherIndex: number): boolean {
    const start = this.start(index);
    const length = this.end(index) - start;
    if (other.end(otherIndex) - other.start(otherIndex) !== length) return false;
    return sameBytes(this.#view, start, other.#view, other.start(otherIndex), length);
  }
}
