/**
 * A streaming parser for the `cachegrind.out` files valgrind 3.18 and later write:
 *
 *     desc: ...                      (optional, any number)
 *     cmd: <command>
 *     events: <event> <event> ...
 *     fl=<file>                      (starts a block of one source file)
 *     fn=<function>                  (starts a block of one function within that file)
 *     <line> <count> <count> ...     (fewer counts than events: the rest are 0)
 *     summary: <count> <count> ...   (the sum of every count line, per event)
 *
 * Memory grows with the number of distinct functions, never with the file: chunks are parsed
 * as they arrive and only a partial last line is kept between them. Count lines, nearly all of
 * the file, are parsed straight from the bytes, and so are `fn=` lines: a name is kept as bytes
 * the first time it is seen, and all names are decoded together at the end.
 */

import { Buffer, isAscii } from 'node:buffer';
import { CorruptFileError } from '../errors.js';
import { EVENT_NAME } from '../profile/profile.js';
import { afterByteOrderMark, LONGEST_LINE_BYTES, PendingLine } from './pending-line.js';

export interface ParsedProfile {
  command: string;
  events: string[];
  /** Per event; equal to the file's `summary:` line, which the parser checks. */
  totals: number[];
  functions: ParsedFunctions;
  /** The calls between the functions, where the file records them (Callgrind's). */
  calls?: CallEdges;
}

/**
 * The calls between a part's functions, column by column: edge `i` is the calls from function
 * `callers[i]` to function `callees[i]` (indices into the profile's functions), made
 * `calls[i]` times. Calls between the same two functions are one edge, their counts summed.
 */
export interface CallEdges {
  /** How many edges: the length of `callers`, `callees` and `calls`. */
  length: number;
  callers: Uint32Array;
  callees: Uint32Array;
  calls: Float64Array;
  /**
   * The calls' inclusive cost (the callee and everything it called), `events.length` counts
   * per edge: edge `i`'s are `counts[i * events.length ...]`, aligned with the profile's events.
   */
  counts: Float64Array;
}

/**
 * The functions in order of first appearance, column by column rather than an object each: a
 * large profile has hundreds of thousands, and their reader (normalisation) needs no objects.
 * Function `i` is named `names[i]` (as written in the file: demangled by valgrind unless it ran
 * with --demangle=no).
 */
export interface ParsedFunctions {
  /** How many functions: the length of `names`, `files` and `lines`. */
  length: number;
  names: string[];
  /**
   * File and line of the count line with the largest primary-event count among the function's
   * lines in its own files (`isOwnFile`), or among all its lines when none is in its own files.
   */
  files: string[];
  lines: Float64Array;
  /**
   * Self cost summed over every block of the function, `events.length` counts per function:
   * function `i`'s are `counts[i * events.length ...]`, aligned with `events`.
   */
  counts: Float64Array;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;
const EQUALS = 0x3d;
/**
 * At most this many bytes of names are decoded into one string (V8's limit is about 512 MB);
 * names are then split from it.
 */
const NAME_BYTES_PER_STRING = 1 << 26;

/** The most room for names `expectBytes` sets aside: a file's names are a fraction of it. */
const NAME_ROOM_BYTES = 1 << 26;

/**
 * `expectBytes` sets aside room for a function per this many bytes of the file (the fewest a
 * large profile has: a name of 100 bytes, a few count lines), for at most `FUNCTION_ROOM`.
 */
const BYTES_PER_FUNCTION = 256;
const FUNCTION_ROOM = 1 << 18;

/** FNV-1a's 32-bit offset basis and prime, for `hashCopying`. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const AFTER_SUMMARY = 'a line after the summary: line: two files concatenated?';

/** Line prefixes only Callgrind writes, recognised to explain why such a file is refused. */
/** How a Callgrind file's lines start where a Cachegrind file's never do. */
export const CALLGRIND_PREFIXES = [
  '# callgrind format',
  'version:',
  'creator:',
  'positions:',
  'totals:',
  'part:',
  'pid:',
  'thread:',
  'calls=',
  'cfn=',
  'cfi=',
  'cfl=',
  'cob=',
  'ob=',
  'fi=',
  'fe=',
  'jump=',
  'jcnd=',
];

/** A parsed profile whose names are still bytes, as `CachegrindParser.finishUndecoded` gives it. */
export interface UndecodedProfile extends Omit<ParsedProfile, 'functions'> {
  functions: Omit<ParsedFunctions, 'names'> & {
    /**
     * The names as the `fn=` lines write them (UTF-8), in function order, each followed by a
     * line feed; `decodeNames` makes them the strings of `ParsedFunctions.names`.
     */
    nameBytes: Uint8Array;
    /** Where each name starts in `nameBytes`, and where the next would: `length + 1` of them. */
    nameStarts: Int32Array;
    /** A hash of each name's bytes: names of equal bytes have equal hashes. */
    nameHashes: Int32Array;
  };
}

/** Whether the profile's names are still bytes. */
export function isUndecoded(
  profile: ParsedProfile | UndecodedProfile,
): profile is UndecodedProfile {
  return 'nameBytes' in profile.functions;
}

/** The profile with its names decoded. */
export function withDecodedNames(profile: UndecodedProfile): ParsedProfile {
  const { length, nameBytes, files, lines, counts } = profile.functions;
  return { ...profile, functions: { length, names: decodeNames(nameBytes), files, lines, counts } };
}

/**
 * Every name in `bytes` (`UndecodedProfile`'s `nameBytes`), decoded together rather than name by
 * name: hundreds of thousands of strings of their own would each be allocated, then copied by
 * every garbage collection they survive. A name decodes as it would on its own, since UTF-8
 * decoding never merges a line feed into a neighbouring character. Decoded in parts of at most
 * `NAME_BYTES_PER_STRING` bytes where names allow: a string cannot be longer than V8 allows.
 */
export function decodeNames(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // ASCII, as names nearly always are, decodes faster as Latin-1, to the same strings.
  const encoding = isAscii(text) ? 'latin1' : 'utf8';
  let names: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.length;
    if (end - start > NAME_BYTES_PER_STRING) {
      end = text.lastIndexOf(LF, start + NAME_BYTES_PER_STRING - 1) + 1;
      if (end <= start) end = text.indexOf(LF, start) + 1;
    }
    // Without the last line feed, so that splitting gives no empty name after it.
    const part = text.toString(encoding, start, end - 1).split('\n');
    names = start === 0 ? part : names.concat(part);
    start = end;
  }
  return names;
}

export interface CachegrindParserOptions {
  /**
   * Whether a source path, as the file writes it after `fl=`, is one of the user's own files;
   * asked once per distinct path. Without it every file counts alike.
   */
  isOwnFile?: (rawPath: string) => boolean;
}

/** Lines are unsigned 32-bit numbers in valgrind's debug info. */
const LARGEST_LINE = 2 ** 32 - 1;

export class CachegrindParser {
  readonly #source: string;
  readonly #isOwnFile: ((rawPath: string) => boolean) | undefined;
  readonly #ownByPath = new Map<string, boolean>();
  #lineNumber = 0;
  /** The bytes of an incomplete last line, waiting for the rest of it. */
  readonly #pending = new PendingLine(
    () =>
      new CorruptFileError(
        this.#source,
        this.#lineNumber + 1,
        `a line longer than ${LONGEST_LINE_BYTES / 1024 / 1024} MiB: not Cachegrind output`,
      ),
  );
  #started = false;
  #command: string | undefined;
  #events: string[] | undefined;
  /** Counts per line: the number of events, 0 until the events: line. */
  #width = 0;
  #summary: number[] | undefined;
  #file: string | undefined;
  /** 1 when `#file` is one of the user's own files, else 0. */
  #fileOwn = 0;
  /**
   * Functions, stored column-wise so that a function costs a few array slots rather than an
   * object and a typed array of its own: function `i` has its counts at
   * `counts[i * events.length ...]` and the best line seen so far in `files[i]`/`lines[i]`,
   * whose primary count is `lineCounts[i]` (-1 before its first count line) and which is in
   * one of the user's own files when `linesOwn[i]` is 1.
   *
   * Names stay bytes while parsing (`decodeNames` says why): function `i`'s name is
   * `nameBytes[nameStarts[i] .. nameStarts[i + 1] - 1]`, each followed by a line feed.
   * Functions are found by name in a hash table keyed by those bytes: `slots` holds pairs, the
   * name's hash and `i + 1` for function `i`, found from the hash by linear probing; at most
   * half are used. `tags[p]` is a byte of the hash of pair `p` (0: empty), so that a probe
   * reads a table an eighth the size, likelier to be in a cache, and the pairs only when the
   * byte matches: most names are new, and so found in no pair.
   */
  #nameBytes = newBuffer(1 << 16);
  #nameView = new DataView(
    this.#nameBytes.buffer,
    this.#nameBytes.byteOffset,
    this.#nameBytes.length,
  );
  #nameStarts = new Int32Array(1025);
  #length = 0;
  #nameHashes = new Int32Array(1024);
  #slots = new Int32Array(4096);
  #tags = new Uint8Array(2048);
  #files: string[] = [];
  #lines = new Float64Array(1024);
  #lineCounts = new Float64Array(1024);
  #linesOwn = new Uint8Array(1024);
  #counts = new Float64Array(0);
  /** The block being read: its primary counts summed, its best line and that line's count. */
  #blockPrimary = 0;
  #blockBestLine = 0;
  /** -1 while the block has no count line. */
  #blockBest = -1;
  /** Index of the function the next count line belongs to; -1 for none. */
  #current = -1;

  /** `source` names the input in error messages (usually its path). */
  constructor(source: string, options: CachegrindParserOptions = {}) {
    this.#source = source;
    this.#isOwnFile = options.isOwnFile;
  }

  /**
   * Sets aside room for the names of a file of `bytes` bytes (at most `NAME_ROOM_BYTES`), and for
   * as many functions as such a file usually has (at most `FUNCTION_ROOM`), before the first
   * `write`, so that neither is copied each time its room fills up. Room set aside but never
   * written to takes no physical memory.
   */
  expectBytes(bytes: number): void {
    if (this.#length > 0) return;
    const room = Math.min(bytes, NAME_ROOM_BYTES);
    if (room > this.#nameBytes.length) {
      this.#nameBytes = newBuffer(room);
      this.#nameView = new DataView(this.#nameBytes.buffer);
    }
    const functions = Math.min(bytes / BYTES_PER_FUNCTION, FUNCTION_ROOM);
    while (this.#lineCounts.length < functions) this.#grow();
  }

  write(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    if (!this.#started && bytes.length > 0) {
      this.#started = true;
      start = afterByteOrderMark(bytes, 0);
    }
    if (!this.#pending.isEmpty) {
      const newline = bytes.indexOf(LF);
      if (newline === -1) {
        this.#pending.keep(bytes);
        return;
      }
      const line = this.#pending.take(bytes.subarray(0, newline + 1));
      this.#parseLines(line, 0, line.length);
      start = newline + 1;
    }
    const end = Math.max(start, bytes.lastIndexOf(LF) + 1);
    if (end > start) this.#parseLines(bytes, start, end);
    if (end < bytes.length) this.#pending.keep(bytes.subarray(end));
  }

  finish(): ParsedProfile {
    return withDecodedNames(this.finishUndecoded());
  }

  /** `finish` without decoding the names, for a reader that decodes them elsewhere. */
  finishUndecoded(): UndecodedProfile {
    if (!this.#pending.isEmpty) {
      const lastLine = this.#pending.take(Buffer.of(LF));
      this.#parseLines(lastLine, 0, lastLine.length);
    }
    if (this.#lineNumber === 0) {
      throw new CorruptFileError(
        this.#source,
        undefined,
        'the file is empty: no Cachegrind output',
      );
    }
    const events = this.#events;
    const summary = this.#summary;
    if (events === undefined || summary === undefined) {
      throw this.#corrupt('the file ends without a summary: line: it is truncated or corrupt');
    }
    const length = this.#length;
    // Handed over as they are: the parser is done with them.
    return {
      command: this.#command ?? '',
      events,
      totals: summary,
      functions: {
        length,
        nameBytes: this.#nameBytes.subarray(0, this.#nameStarts[length]),
        nameStarts: this.#nameStarts.subarray(0, length + 1),
        nameHashes: this.#nameHashes.subarray(0, length),
        files: this.#files,
        lines: this.#lines.subarray(0, length),
        counts: this.#counts.subarray(0, length * events.length),
      },
    };
  }

  /**
   * Parses complete lines (`bytes[end - 1]` is a line feed). Count lines, nearly all of a file,
   * are parsed here from the bytes with the parser's state held in locals; other lines are
   * rare enough to be handled one by one.
   *
   * A block (the count lines after one `fn=`) is added up in locals and merged into its
   * function's columns when it ends, at the next other line: a count line then touches no
   * memory but its own bytes. Within a block the file is the same, so its best line is simply
   * the first with the largest primary count; its line number is read only when it becomes
   * that best line.
   */
  #parseLines(bytes: Buffer, start: number, end: number): void {
    // Names are hashed and copied four bytes at a time through a view.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    let lineNumber = this.#lineNumber;
    let current = this.#current;
    let counts = this.#counts;
    let width = this.#width;
    let blockPrimary = this.#blockPrimary;
    let blockBest = this.#blockBest;
    let blockBestLine = this.#blockBestLine;
    let position = start;
    while (position < end) {
      lineNumber++;
      let byte = bytes[position]!;
      if (byte < DIGIT_0 || byte > DIGIT_9) {
        this.#lineNumber = lineNumber;
        this.#endBlock(blockPrimary, blockBest, blockBestLine);
        blockPrimary = 0;
        blockBest = -1;
        const newline = bytes.indexOf(LF, position);
        const lineEnd = newline > position && bytes[newline - 1] === CR ? newline - 1 : newline;
        if (byte === LOWER_F && bytes[position + 1] === LOWER_N && bytes[position + 2] === EQUALS) {
          this.#startFunction(bytes, view, position + 3, lineEnd);
        } else {
          this.#parseOtherLine(bytes.toString('utf8', position, lineEnd));
        }
        current = this.#current;
        counts = this.#counts;
        width = this.#width;
        position = newline + 1;
        continue;
      }
      if (current < 0) {
        this.#lineNumber = lineNumber;
        throw this.#corrupt(
          this.#summary === undefined ? 'a count line before any fn= line' : AFTER_SUMMARY,
        );
      }
      const lineStart = position;
      while (byte >= DIGIT_0 && byte <= DIGIT_9) byte = bytes[++position]!;
      // Only a line number of ten digits or more can pass the largest; only such a one is read.
      if (position - lineStart >= 10 && readNumber(bytes, lineStart) > LARGEST_LINE) {
        this.#lineNumber = lineNumber;
        throw this.#corrupt(`a count line at a line beyond ${LARGEST_LINE}, which no file has`);
      }
      const base = current * width;
      let event = 0;
      let primary = 0;
      // Most count lines are `<line> <count>`: their one count is read straight away.
      if (byte === SPACE) {
        byte = bytes[++position]!;
        if (byte >= DIGIT_0 && byte <= DIGIT_9) {
          event = 1;
          do {
            primary = primary * 10 + (byte - DIGIT_0);
            byte = bytes[++position]!;
          } while (byte >= DIGIT_0 && byte <= DIGIT_9);
        }
      }
      for (;;) {
        if (byte === SPACE || byte === TAB) {
          byte = bytes[++position]!;
          continue;
        }
        if (byte === LF) break;
        // Digits stop at a non-digit, so a digit here always follows a space or a tab.
        if (byte < DIGIT_0 || byte > DIGIT_9 || event === width) {
          if (byte === CR && bytes[position + 1] === LF) {
            position++;
            break;
          }
          this.#lineNumber = lineNumber;
          const isExtraCount = event === width && byte >= DIGIT_0 && byte <= DIGIT_9;
          throw this.#malformedCountLine(bytes, lineStart, isExtraCount);
        }
        let count = 0;
        while (byte >= DIGIT_0 && byte <= DIGIT_9) {
          count = count * 10 + (byte - DIGIT_0);
          byte = bytes[++position]!;
        }
        if (event === 0) primary = count;
        else counts[base + event]! += count;
        event++;
      }
      blockPrimary += primary;
      if (primary > blockBest) {
        blockBest = primary;
        blockBestLine = readNumber(bytes, lineStart);
      }
      position++;
    }
    this.#lineNumber = lineNumber;
    this.#blockPrimary = blockPrimary;
    this.#blockBest = blockBest;
    this.#blockBestLine = blockBestLine;
  }

  /**
   * Merges a block into its function: the primary counts summed over the block, and its best
   * line (`best` is that line's primary count, -1 when the block has no count line). Lines are
   * ranked by (own file, primary count): a line in the user's code beats any other line.
   */
  #endBlock(primarySum: number, best: number, bestLine: number): void {
    this.#blockPrimary = 0;
    this.#blockBest = -1;
    const current = this.#current;
    if (best < 0 || current < 0) return;
    this.#counts[current * this.#width]! += primarySum;
    const fileOwn = this.#fileOwn;
    const bestOwn = this.#linesOwn[current]!;
    if (fileOwn > bestOwn || (fileOwn === bestOwn && best > this.#lineCounts[current]!)) {
      this.#linesOwn[current] = fileOwn;
      this.#lineCounts[current] = best;
      this.#lines[current] = bestLine;
      this.#files[current] = this.#file!;
    }
  }

  #parseOtherLine(line: string): void {
    if (this.#summary !== undefined) throw this.#corrupt(AFTER_SUMMARY);
    if (line === '') {
      throw this.#corrupt('an empty line: not Cachegrind output');
    } else if (line.startsWith('fl=')) {
      this.#requireEvents('fl=');
      this.#file = line.slice(3);
      this.#fileOwn = this.#isOwn(this.#file) ? 1 : 0;
      // Cachegrind repeats fn= after every fl=; a count line right after fl= has no function.
      this.#current = -1;
    } else if (line.startsWith('summary:')) {
      this.#checkSummary(line.slice('summary:'.length));
    } else if (line.startsWith('desc:')) {
      this.#requireHeader('desc:');
    } else if (line.startsWith('cmd:')) {
      this.#requireHeader('cmd:');
      if (this.#command !== undefined) throw this.#corrupt('a second cmd: line');
      this.#command = line.slice('cmd:'.length).trim();
    } else if (line.startsWith('events:')) {
      this.#requireHeader('events:');
      this.#setEvents(line.slice('events:'.length));
    } else if (CALLGRIND_PREFIXES.some((prefix) => line.startsWith(prefix))) {
      throw this.#corrupt(
        'this is a Callgrind file; rust-perf reads Cachegrind output (valgrind --tool=cachegrind)',
      );
    } else if (this.#lineNumber === 1 && line.startsWith('{')) {
      throw this.#corrupt(
        'this is JSON (a profile.json?), not Cachegrind output; `rust-perf compare` reads profile documents',
      );
    } else {
      throw this.#corrupt(`unrecognised line ${excerpt(line)}: not Cachegrind output`);
    }
  }

  /** Starts the function named by `bytes[start..end)`, the rest of an `fn=` line. */
  #startFunction(bytes: Buffer, view: DataView, start: number, end: number): void {
    if (this.#summary !== undefined) throw this.#corrupt(AFTER_SUMMARY);
    this.#requireEvents('fn=');
    if (this.#file === undefined) throw this.#corrupt('an fn= line before any fl= line');
    // The name is copied to the end of the names as it is hashed, and kept there if it is new.
    const index = this.#length;
    const nameStart = this.#nameStarts[index]!;
    if (nameStart + (end - start) + 1 > this.#nameBytes.length) {
      this.#nameBytes = grownBuffer(this.#nameBytes, nameStart + (end - start) + 1);
      this.#nameView = new DataView(
        this.#nameBytes.buffer,
        this.#nameBytes.byteOffset,
        this.#nameBytes.length,
      );
    }
    const hash = hashCopying(view, bytes, start, end, this.#nameView, this.#nameBytes, nameStart);
    const slots = this.#slots;
    const tags = this.#tags;
    const mask = tags.length - 1;
    const tag = tagOf(hash);
    let pair = hash & mask;
    for (let probed = tags[pair]!; probed !== 0; probed = tags[pair]!) {
      if (
        probed === tag &&
        slots[2 * pair] === hash &&
        this.#isNamedBy(slots[2 * pair + 1]! - 1, nameStart, end - start)
      ) {
        this.#current = slots[2 * pair + 1]! - 1;
        return;
      }
      pair = (pair + 1) & mask;
    }
    const nameEnd = nameStart + (end - start);
    this.#nameBytes[nameEnd] = LF;
    this.#nameStarts[index + 1] = nameEnd + 1;
    this.#length = index + 1;
    this.#files.push(this.#file);
    this.#lineCounts[index] = -1;
    this.#nameHashes[index] = hash;
    tags[pair] = tag;
    slots[2 * pair] = hash;
    slots[2 * pair + 1] = index + 1;
    if (index + 1 === this.#lineCounts.length) this.#grow();
    this.#current = index;
  }

  /** Whether function `index` is named by the `length` bytes of names from `start` on. */
  #isNamedBy(index: number, start: number, length: number): boolean {
    const nameStart = this.#nameStarts[index]!;
    if (this.#nameStarts[index + 1]! - 1 - nameStart !== length) return false;
    return sameBytes(this.#nameView, start, this.#nameView, nameStart, length);
  }

  /** Doubles the capacity of the function columns and of the table that finds them by name. */
  #grow(): void {
    const capacity = this.#lineCounts.length * 2;
    const nameHashes = new Int32Array(capacity);
    nameHashes.set(this.#nameHashes);
    this.#nameHashes = nameHashes;
    const nameStarts = new Int32Array(capacity + 1);
    nameStarts.set(this.#nameStarts);
    this.#nameStarts = nameStarts;
    const slots = new Int32Array(capacity * 4);
    const tags = new Uint8Array(capacity * 2);
    const mask = tags.length - 1;
    for (let index = 0; index < this.#length; index++) {
      const hash = nameHashes[index]!;
      let pair = hash & mask;
      while (tags[pair] !== 0) pair = (pair + 1) & mask;
      tags[pair] = tagOf(hash);
      slots[2 * pair] = hash;
      slots[2 * pair + 1] = index + 1;
    }
    this.#slots = slots;
    this.#tags = tags;
    this.#lines = resized(this.#lines, capacity);
    this.#lineCounts = resized(this.#lineCounts, capacity);
    const linesOwn = new Uint8Array(capacity);
    linesOwn.set(this.#linesOwn);
    this.#linesOwn = linesOwn;
    this.#counts = resized(this.#counts, capacity * this.#width);
  }

  #isOwn(rawPath: string): boolean {
    if (this.#isOwnFile === undefined) return false;
    let own = this.#ownByPath.get(rawPath);
    if (own === undefined) {
      own = this.#isOwnFile(rawPath);
      this.#ownByPath.set(rawPath, own);
    }
    return own;
  }

  #setEvents(text: string): void {
    if (this.#events !== undefined) throw this.#corrupt('a second events: line');
    const events = eventNames(text, (reason) => this.#corrupt(reason));
    this.#events = events;
    this.#width = events.length;
    this.#counts = new Float64Array(this.#lineCounts.length * events.length);
  }

  #checkSummary(text: string): void {
    const events = this.#requireEvents('summary:');
    const fields = text.split(/\s+/).filter((field) => field !== '');
    if (fields.length === 0 || fields.length > events.length || !fields.every(isCount)) {
      throw this.#corrupt(
        `summary:${text} is not a list of at most ${events.length} counts, one per event`,
      );
    }
    const summary = events.map((_, index) => Number(fields[index] ?? '0'));
    // Added up here from the functions' counts rather than line by line: the same exact sums.
    const width = events.length;
    const totals = new Float64Array(width);
    for (let index = 0; index < this.#length * width; index++) {
      totals[index % width]! += this.#counts[index]!;
    }
    events.forEach((event, index) => {
      const counted = totals[index]!;
      if (counted > Number.MAX_SAFE_INTEGER) {
        throw this.#corrupt(`the ${event} counts add up to more than rust-perf can count exactly`);
      }
      if (summary[index] !== counted) {
        throw this.#corrupt(
          `summary says ${summary[index]} ${event} but the counts add up to ${counted}: ` +
            'the file is truncated or corrupt',
        );
      }
    });
    this.#summary = summary;
    this.#current = -1;
  }

  /** Header lines come before the first data line. */
  #requireHeader(kind: string): void {
    if (this.#file !== undefined) throw this.#corrupt(`a ${kind} line after the data began`);
  }

  #requireEvents(kind: string): string[] {
    if (this.#command === undefined || this.#events === undefined) {
      throw this.#corrupt(
        `a ${kind} line before the cmd: and events: lines: not Cachegrind output, or its start is missing`,
      );
    }
    return this.#events;
  }

  #malformedCountLine(bytes: Buffer, start: number, tooManyCounts: boolean): CorruptFileError {
    if (tooManyCounts) {
      return this.#corrupt(`a count line with more counts than the ${this.#width} events`);
    }
    const line = bytes.toString('utf8', start, bytes.indexOf(LF, start)).replace(/\r$/, '');
    return this.#corrupt(`malformed count line ${excerpt(line)}: expected <line> <count>...`);
  }

  #corrupt(reason: string): CorruptFileError {
    return new CorruptFileError(this.#source, this.#lineNumber, reason);
  }
}

/**
 * FNV-1a over four bytes at a time, then mixed so that every byte reaches the low bits; the bytes
 * are copied to `target` from `targetStart` on along the way.
 */
function hashCopying(
  view: DataView,
  bytes: Buffer,
  start: number,
  end: number,
  targetView: DataView,
  target: Buffer,
  targetStart: number,
): number {
  let hash = FNV_OFFSET;
  let position = start;
  let at = targetStart;
  for (; position + 4 <= end; position += 4, at += 4) {
    const word = view.getInt32(position, true);
    targetView.setInt32(at, word, true);
    hash = Math.imul(hash ^ word, FNV_PRIME);
    hash ^= hash >>> 15;
  }
  for (; position < end; position++, at++) {
    const byte = bytes[position]!;
    target[at] = byte;
    hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

/** The hash `CachegrindParser` gives a name of these bytes (`UndecodedProfile.nameHashes`). */
export function hashName(bytes: Buffer): number {
  const copy = Buffer.alloc(bytes.length);
  const view = (buffer: Buffer) => new DataView(buffer.buffer, buffer.byteOffset, buffer.length);
  return hashCopying(view(bytes), bytes, 0, bytes.length, view(copy), copy, 0);
}

/** Whether the `length` bytes of `view` from `start` on are those of `other` from `otherStart` on. */
export function sameBytes(
  view: DataView,
  start: number,
  other: DataView,
  otherStart: number,
  length: number,
): boolean {
  let offset = 0;
  for (; offset + 4 <= length; offset += 4) {
    if (view.getInt32(start + offset) !== other.getInt32(otherStart + offset)) return false;
  }
  for (; offset < length; offset++) {
    if (view.getUint8(start + offset) !== other.getUint8(otherStart + offset)) return false;
  }
  return true;
}

/** The byte of `hash` in `CachegrindParser`'s tags: its top byte, never 0 (an empty pair). */
function tagOf(hash: number): number {
  return hash >>> 24 || 1;
}

/** The number written in digits from `bytes[start]` on. */
function readNumber(bytes: Buffer, start: number): number {
  let value = 0;
  for (let position = start; ; position++) {
    const byte = bytes[position]!;
    if (byte < DIGIT_0 || byte > DIGIT_9) return value;
    value = value * 10 + (byte - DIGIT_0);
  }
}

/**
 * `length` bytes of a memory of their own, which a worker thread can hand over to another thread
 * (`Buffer.allocUnsafe` may give a part of a shared pool, which it cannot).
 */
function newBuffer(length: number): Buffer {
  return Buffer.from(new ArrayBuffer(length));
}

/** A copy of `buffer` with room for at least `length` bytes. */
function grownBuffer(buffer: Buffer, length: number): Buffer {
  const grown = newBuffer(Math.max(length, buffer.length * 2));
  buffer.copy(grown);
  return grown;
}

function resized(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  const copy = new Float64Array(length);
  copy.set(array);
  return copy;
}

/** The events an `events:` line names; throws what `corrupt` makes of a line that names none. */
export function eventNames(text: string, corrupt: (reason: string) => Error): string[] {
  const events = text.split(/\s+/).filter((event) => event !== '');
  if (events.length === 0) throw corrupt('an events: line that names no event');
  const oddName = events.find((event) => !EVENT_NAME.test(event));
  if (oddName !== undefined) {
    throw corrupt(`${excerpt(oddName)} is not an event name (letters and digits)`);
  }
  const duplicate = events.find((event, index) => events.indexOf(event) !== index);
  if (duplicate !== undefined) throw corrupt(`event ${duplicate} is listed twice`);
  return events;
}

export function isCount(text: string): boolean {
  return /^\d+$/.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER;
}

/** A line quoted in an error message, shortened so that binary garbage stays readable. */
export function excerpt(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
}
