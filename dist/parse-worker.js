import { createRequire as __rustPerfCreateRequire } from 'node:module';
const require = __rustPerfCreateRequire(import.meta.url);

// src/measure/parse-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/measure/normalise.ts
import { Buffer as Buffer3 } from "node:buffer";

// src/profile/call-graph.ts
var SPLIT_SHARE = 1 / 2e3;

// src/measure/parse.ts
import { Buffer as Buffer2, isAscii } from "node:buffer";

// src/errors.ts
var UserError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
    this.name = new.target.name;
  }
  hint;
};
var InputError = class extends UserError {
  exitCode = 2;
};
var CorruptFileError = class extends InputError {
  constructor(file, lineNumber, reason, hint) {
    super(`${file}${lineNumber === void 0 ? "" : `:${lineNumber}`}: ${reason}`, hint);
    this.file = file;
    this.lineNumber = lineNumber;
    this.reason = reason;
  }
  file;
  lineNumber;
  reason;
};

// src/profile/profile.ts
var EVENT_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

// src/measure/pending-line.ts
var LONGEST_LINE_BYTES = 16 * 1024 * 1024;
var PendingLine = class {
  /** `tooLong` is the error for a line past LONGEST_LINE_BYTES. */
  constructor(tooLong) {
    this.tooLong = tooLong;
  }
  tooLong;
  #pieces = [];
  #length = 0;
  get isEmpty() {
    return this.#length === 0;
  }
  /** Keeps a copy of `bytes` (the caller may reuse the chunk's memory for the next read). */
  keep(bytes) {
    this.#length += bytes.length;
    if (this.#length > LONGEST_LINE_BYTES) throw this.tooLong();
    this.#pieces.push(Buffer.from(bytes));
  }
  /** The line kept so far followed by `end`, and nothing kept any more. */
  take(end) {
    const line = Buffer.concat([...this.#pieces, end]);
    this.#pieces = [];
    this.#length = 0;
    return line;
  }
};
function afterByteOrderMark(bytes, start) {
  return bytes[start] === 239 && bytes[start + 1] === 187 && bytes[start + 2] === 191 ? start + 3 : start;
}

// src/measure/parse.ts
var LF = 10;
var CR = 13;
var SPACE = 32;
var TAB = 9;
var DIGIT_0 = 48;
var DIGIT_9 = 57;
var LOWER_F = 102;
var LOWER_N = 110;
var EQUALS = 61;
var NAME_BYTES_PER_STRING = 1 << 26;
var NAME_ROOM_BYTES = 1 << 26;
var BYTES_PER_FUNCTION = 256;
var FUNCTION_ROOM = 1 << 18;
var FNV_OFFSET = 2166136261 | 0;
var FNV_PRIME = 16777619;
var AFTER_SUMMARY = "a line after the summary: line: two files concatenated?";
var CALLGRIND_PREFIXES = [
  "# callgrind format",
  "version:",
  "creator:",
  "positions:",
  "totals:",
  "part:",
  "pid:",
  "thread:",
  "calls=",
  "cfn=",
  "cfi=",
  "cfl=",
  "cob=",
  "ob=",
  "fi=",
  "fe=",
  "jump=",
  "jcnd="
];
function withDecodedNames(profile) {
  const { length, nameBytes, files, lines, counts } = profile.functions;
  return { ...profile, functions: { length, names: decodeNames(nameBytes), files, lines, counts } };
}
function decodeNames(bytes) {
  const text = Buffer2.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = isAscii(text) ? "latin1" : "utf8";
  let names = [];
  for (let start = 0; start < text.length; ) {
    let end = text.length;
    if (end - start > NAME_BYTES_PER_STRING) {
      end = text.lastIndexOf(LF, start + NAME_BYTES_PER_STRING - 1) + 1;
      if (end <= start) end = text.indexOf(LF, start) + 1;
    }
    const part = text.toString(encoding, start, end - 1).split("\n");
    names = start === 0 ? part : names.concat(part);
    start = end;
  }
  return names;
}
var LARGEST_LINE = 2 ** 32 - 1;
var CachegrindParser = class {
  #source;
  #isOwnFile;
  #ownByPath = /* @__PURE__ */ new Map();
  #lineNumber = 0;
  /** The bytes of an incomplete last line, waiting for the rest of it. */
  #pending = new PendingLine(
    () => new CorruptFileError(
      this.#source,
      this.#lineNumber + 1,
      `a line longer than ${LONGEST_LINE_BYTES / 1024 / 1024} MiB: not Cachegrind output`
    )
  );
  #started = false;
  #command;
  #events;
  /** Counts per line: the number of events, 0 until the events: line. */
  #width = 0;
  #summary;
  #file;
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
    this.#nameBytes.length
  );
  #nameStarts = new Int32Array(1025);
  #length = 0;
  #nameHashes = new Int32Array(1024);
  #slots = new Int32Array(4096);
  #tags = new Uint8Array(2048);
  #files = [];
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
  constructor(source, options = {}) {
    this.#source = source;
    this.#isOwnFile = options.isOwnFile;
  }
  /**
   * Sets aside room for the names of a file of `bytes` bytes (at most `NAME_ROOM_BYTES`), and for
   * as many functions as such a file usually has (at most `FUNCTION_ROOM`), before the first
   * `write`, so that neither is copied each time its room fills up. Room set aside but never
   * written to takes no physical memory.
   */
  expectBytes(bytes) {
    if (this.#length > 0) return;
    const room = Math.min(bytes, NAME_ROOM_BYTES);
    if (room > this.#nameBytes.length) {
      this.#nameBytes = newBuffer(room);
      this.#nameView = new DataView(this.#nameBytes.buffer);
    }
    const functions = Math.min(bytes / BYTES_PER_FUNCTION, FUNCTION_ROOM);
    while (this.#lineCounts.length < functions) this.#grow();
  }
  write(chunk) {
    const bytes = Buffer2.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
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
  finish() {
    return withDecodedNames(this.finishUndecoded());
  }
  /** `finish` without decoding the names, for a reader that decodes them elsewhere. */
  finishUndecoded() {
    if (!this.#pending.isEmpty) {
      const lastLine = this.#pending.take(Buffer2.of(LF));
      this.#parseLines(lastLine, 0, lastLine.length);
    }
    if (this.#lineNumber === 0) {
      throw new CorruptFileError(
        this.#source,
        void 0,
        "the file is empty: no Cachegrind output"
      );
    }
    const events = this.#events;
    const summary = this.#summary;
    if (events === void 0 || summary === void 0) {
      throw this.#corrupt("the file ends without a summary: line: it is truncated or corrupt");
    }
    const length = this.#length;
    return {
      command: this.#command ?? "",
      events,
      totals: summary,
      functions: {
        length,
        nameBytes: this.#nameBytes.subarray(0, this.#nameStarts[length]),
        nameStarts: this.#nameStarts.subarray(0, length + 1),
        nameHashes: this.#nameHashes.subarray(0, length),
        files: this.#files,
        lines: this.#lines.subarray(0, length),
        counts: this.#counts.subarray(0, length * events.length)
      }
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
  #parseLines(bytes, start, end) {
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
      let byte = bytes[position];
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
          this.#parseOtherLine(bytes.toString("utf8", position, lineEnd));
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
          this.#summary === void 0 ? "a count line before any fn= line" : AFTER_SUMMARY
        );
      }
      const lineStart = position;
      while (byte >= DIGIT_0 && byte <= DIGIT_9) byte = bytes[++position];
      if (position - lineStart >= 10 && readNumber(bytes, lineStart) > LARGEST_LINE) {
        this.#lineNumber = lineNumber;
        throw this.#corrupt(`a count line at a line beyond ${LARGEST_LINE}, which no file has`);
      }
      const base = current * width;
      let event = 0;
      let primary = 0;
      if (byte === SPACE) {
        byte = bytes[++position];
        if (byte >= DIGIT_0 && byte <= DIGIT_9) {
          event = 1;
          do {
            primary = primary * 10 + (byte - DIGIT_0);
            byte = bytes[++position];
          } while (byte >= DIGIT_0 && byte <= DIGIT_9);
        }
      }
      for (; ; ) {
        if (byte === SPACE || byte === TAB) {
          byte = bytes[++position];
          continue;
        }
        if (byte === LF) break;
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
          byte = bytes[++position];
        }
        if (event === 0) primary = count;
        else counts[base + event] += count;
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
  #endBlock(primarySum, best, bestLine) {
    this.#blockPrimary = 0;
    this.#blockBest = -1;
    const current = this.#current;
    if (best < 0 || current < 0) return;
    this.#counts[current * this.#width] += primarySum;
    const fileOwn = this.#fileOwn;
    const bestOwn = this.#linesOwn[current];
    if (fileOwn > bestOwn || fileOwn === bestOwn && best > this.#lineCounts[current]) {
      this.#linesOwn[current] = fileOwn;
      this.#lineCounts[current] = best;
      this.#lines[current] = bestLine;
      this.#files[current] = this.#file;
    }
  }
  #parseOtherLine(line) {
    if (this.#summary !== void 0) throw this.#corrupt(AFTER_SUMMARY);
    if (line === "") {
      throw this.#corrupt("an empty line: not Cachegrind output");
    } else if (line.startsWith("fl=")) {
      this.#requireEvents("fl=");
      this.#file = line.slice(3);
      this.#fileOwn = this.#isOwn(this.#file) ? 1 : 0;
      this.#current = -1;
    } else if (line.startsWith("summary:")) {
      this.#checkSummary(line.slice("summary:".length));
    } else if (line.startsWith("desc:")) {
      this.#requireHeader("desc:");
    } else if (line.startsWith("cmd:")) {
      this.#requireHeader("cmd:");
      if (this.#command !== void 0) throw this.#corrupt("a second cmd: line");
      this.#command = line.slice("cmd:".length).trim();
    } else if (line.startsWith("events:")) {
      this.#requireHeader("events:");
      this.#setEvents(line.slice("events:".length));
    } else if (CALLGRIND_PREFIXES.some((prefix) => line.startsWith(prefix))) {
      throw this.#corrupt(
        "this is a Callgrind file; rust-perf reads Cachegrind output (valgrind --tool=cachegrind)"
      );
    } else if (this.#lineNumber === 1 && line.startsWith("{")) {
      throw this.#corrupt(
        "this is JSON (a profile.json?), not Cachegrind output; `rust-perf compare` reads profile documents"
      );
    } else {
      throw this.#corrupt(`unrecognised line ${excerpt(line)}: not Cachegrind output`);
    }
  }
  /** Starts the function named by `bytes[start..end)`, the rest of an `fn=` line. */
  #startFunction(bytes, view, start, end) {
    if (this.#summary !== void 0) throw this.#corrupt(AFTER_SUMMARY);
    this.#requireEvents("fn=");
    if (this.#file === void 0) throw this.#corrupt("an fn= line before any fl= line");
    const index = this.#length;
    const nameStart = this.#nameStarts[index];
    if (nameStart + (end - start) + 1 > this.#nameBytes.length) {
      this.#nameBytes = grownBuffer(this.#nameBytes, nameStart + (end - start) + 1);
      this.#nameView = new DataView(
        this.#nameBytes.buffer,
        this.#nameBytes.byteOffset,
        this.#nameBytes.length
      );
    }
    const hash = hashCopying(view, bytes, start, end, this.#nameView, this.#nameBytes, nameStart);
    const slots = this.#slots;
    const tags = this.#tags;
    const mask = tags.length - 1;
    const tag = tagOf(hash);
    let pair = hash & mask;
    for (let probed = tags[pair]; probed !== 0; probed = tags[pair]) {
      if (probed === tag && slots[2 * pair] === hash && this.#isNamedBy(slots[2 * pair + 1] - 1, nameStart, end - start)) {
        this.#current = slots[2 * pair + 1] - 1;
        return;
      }
      pair = pair + 1 & mask;
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
  #isNamedBy(index, start, length) {
    const nameStart = this.#nameStarts[index];
    if (this.#nameStarts[index + 1] - 1 - nameStart !== length) return false;
    return sameBytes(this.#nameView, start, this.#nameView, nameStart, length);
  }
  /** Doubles the capacity of the function columns and of the table that finds them by name. */
  #grow() {
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
      const hash = nameHashes[index];
      let pair = hash & mask;
      while (tags[pair] !== 0) pair = pair + 1 & mask;
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
  #isOwn(rawPath) {
    if (this.#isOwnFile === void 0) return false;
    let own = this.#ownByPath.get(rawPath);
    if (own === void 0) {
      own = this.#isOwnFile(rawPath);
      this.#ownByPath.set(rawPath, own);
    }
    return own;
  }
  #setEvents(text) {
    if (this.#events !== void 0) throw this.#corrupt("a second events: line");
    const events = eventNames(text, (reason) => this.#corrupt(reason));
    this.#events = events;
    this.#width = events.length;
    this.#counts = new Float64Array(this.#lineCounts.length * events.length);
  }
  #checkSummary(text) {
    const events = this.#requireEvents("summary:");
    const fields = text.split(/\s+/).filter((field) => field !== "");
    if (fields.length === 0 || fields.length > events.length || !fields.every(isCount)) {
      throw this.#corrupt(
        `summary:${text} is not a list of at most ${events.length} counts, one per event`
      );
    }
    const summary = events.map((_, index) => Number(fields[index] ?? "0"));
    const width = events.length;
    const totals = new Float64Array(width);
    for (let index = 0; index < this.#length * width; index++) {
      totals[index % width] += this.#counts[index];
    }
    events.forEach((event, index) => {
      const counted = totals[index];
      if (counted > Number.MAX_SAFE_INTEGER) {
        throw this.#corrupt(`the ${event} counts add up to more than rust-perf can count exactly`);
      }
      if (summary[index] !== counted) {
        throw this.#corrupt(
          `summary says ${summary[index]} ${event} but the counts add up to ${counted}: the file is truncated or corrupt`
        );
      }
    });
    this.#summary = summary;
    this.#current = -1;
  }
  /** Header lines come before the first data line. */
  #requireHeader(kind) {
    if (this.#file !== void 0) throw this.#corrupt(`a ${kind} line after the data began`);
  }
  #requireEvents(kind) {
    if (this.#command === void 0 || this.#events === void 0) {
      throw this.#corrupt(
        `a ${kind} line before the cmd: and events: lines: not Cachegrind output, or its start is missing`
      );
    }
    return this.#events;
  }
  #malformedCountLine(bytes, start, tooManyCounts) {
    if (tooManyCounts) {
      return this.#corrupt(`a count line with more counts than the ${this.#width} events`);
    }
    const line = bytes.toString("utf8", start, bytes.indexOf(LF, start)).replace(/\r$/, "");
    return this.#corrupt(`malformed count line ${excerpt(line)}: expected <line> <count>...`);
  }
  #corrupt(reason) {
    return new CorruptFileError(this.#source, this.#lineNumber, reason);
  }
};
function hashCopying(view, bytes, start, end, targetView, target, targetStart) {
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
    const byte = bytes[position];
    target[at] = byte;
    hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 2246822507);
  return hash ^ hash >>> 13;
}
function sameBytes(view, start, other, otherStart, length) {
  let offset = 0;
  for (; offset + 4 <= length; offset += 4) {
    if (view.getInt32(start + offset) !== other.getInt32(otherStart + offset)) return false;
  }
  for (; offset < length; offset++) {
    if (view.getUint8(start + offset) !== other.getUint8(otherStart + offset)) return false;
  }
  return true;
}
function tagOf(hash) {
  return hash >>> 24 || 1;
}
function readNumber(bytes, start) {
  let value = 0;
  for (let position = start; ; position++) {
    const byte = bytes[position];
    if (byte < DIGIT_0 || byte > DIGIT_9) return value;
    value = value * 10 + (byte - DIGIT_0);
  }
}
function newBuffer(length) {
  return Buffer2.from(new ArrayBuffer(length));
}
function grownBuffer(buffer, length) {
  const grown = newBuffer(Math.max(length, buffer.length * 2));
  buffer.copy(grown);
  return grown;
}
function resized(array, length) {
  const copy = new Float64Array(length);
  copy.set(array);
  return copy;
}
function eventNames(text, corrupt) {
  const events = text.split(/\s+/).filter((event) => event !== "");
  if (events.length === 0) throw corrupt("an events: line that names no event");
  const oddName = events.find((event) => !EVENT_NAME.test(event));
  if (oddName !== void 0) {
    throw corrupt(`${excerpt(oddName)} is not an event name (letters and digits)`);
  }
  const duplicate = events.find((event, index) => events.indexOf(event) !== index);
  if (duplicate !== void 0) throw corrupt(`event ${duplicate} is listed twice`);
  return events;
}
function isCount(text) {
  return /^\d+$/.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER;
}
function excerpt(line) {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}\u2026` : line);
}

// src/measure/normalise.ts
var RUSTC_SOURCES = /^\/rustc\/[0-9a-f]{40}\//;
var REGISTRY_SOURCES = /^.*\/registry\/src\/[^/]+-[0-9a-f]{16}\//;
var DEBIAN_REGISTRY_SOURCES = /^\/usr\/share\/cargo\/registry\/(?=[^/]+\/)/;
var VENDORED_SOURCES = /^(?:\/?(?!src\/)[^/]+\/)*?vendor\/(?=[^/]+\/)/;
var GIT_SOURCES = /^.*\/git\/checkouts\/([^/]+)-[0-9a-f]{16}\/[^/]+\//;
var DEPENDENCY_SOURCES = [
  RUSTC_SOURCES,
  REGISTRY_SOURCES,
  DEBIAN_REGISTRY_SOURCES,
  VENDORED_SOURCES,
  GIT_SOURCES
];
function isOwnFile(raw, options) {
  if (raw === "" || raw === "???") return false;
  if (DEPENDENCY_SOURCES.some((sources) => sources.test(raw))) return false;
  if (!raw.startsWith("/")) return !raw.startsWith("./");
  const root = options.workspaceRoot.replace(/\/+$/, "");
  return root !== "" && raw.startsWith(`${root}/`);
}
function parserOptions(options) {
  return { isOwnFile: (raw) => isOwnFile(raw, options) };
}
var LLVM_INFIX = Buffer3.from(".llvm.");

// src/measure/parse-file.ts
import { open } from "node:fs/promises";

// src/measure/callgrind-part.ts
var LINES_PER_FILE = 2 ** 32;

// src/measure/parse-callgrind.ts
var LARGEST_LINE2 = 2 ** 32 - 1;

// src/measure/parse-file.ts
var CHUNK_BYTES = 1 << 20;
async function readCachegrindFile(path2, options) {
  const parser = new CachegrindParser(path2, options);
  await readInChunks(path2, parser);
  return parser;
}
async function readInChunks(path2, parser) {
  try {
    const file = await open(path2, "r");
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let reading = file.read(buffers[0], 0, CHUNK_BYTES, null);
    try {
      parser.expectBytes?.((await file.stat()).size);
      for (let turn = 0; ; turn = 1 - turn) {
        const { bytesRead } = await reading;
        if (bytesRead === 0) break;
        reading = file.read(buffers[1 - turn], 0, CHUNK_BYTES, null);
        parser.write(buffers[turn].subarray(0, bytesRead));
      }
    } finally {
      await reading.catch(() => void 0);
      await file.close();
    }
  } catch (error) {
    throw unreadable(path2, error);
  }
}
function unreadable(path2, error) {
  if (!isSystemError(error)) return error;
  const reasons = {
    ENOENT: "no such file",
    EISDIR: "is a directory, not a file",
    EACCES: "permission denied"
  };
  const reason = reasons[error.code] ?? error.message;
  return new InputError(`cannot read ${path2}: ${reason}`);
}
function isSystemError(error) {
  return error instanceof Error && typeof error.code === "string";
}

// src/measure/parse-transfer.ts
function profileMessage(profile) {
  const { functions } = profile;
  const indexOfPath = /* @__PURE__ */ new Map();
  const pathIndexes = new Int32Array(functions.length);
  for (let index = 0; index < functions.length; index++) {
    const path2 = functions.files[index];
    let pathIndex = indexOfPath.get(path2);
    if (pathIndex === void 0) {
      pathIndex = indexOfPath.size;
      indexOfPath.set(path2, pathIndex);
    }
    pathIndexes[index] = pathIndex;
  }
  const nameBytes = new Uint8Array(functions.nameBytes);
  const message = {
    ok: true,
    command: profile.command,
    events: profile.events,
    totals: profile.totals,
    nameBytes,
    nameStarts: functions.nameStarts,
    nameHashes: functions.nameHashes,
    paths: [...indexOfPath.keys()],
    pathIndexes,
    lines: functions.lines,
    counts: functions.counts
  };
  const transfer = [
    pathIndexes.buffer,
    nameBytes.buffer,
    functions.nameStarts.buffer,
    functions.nameHashes.buffer,
    functions.lines.buffer,
    functions.counts.buffer
  ];
  return { message, transfer: transfer.filter((buffer) => buffer instanceof ArrayBuffer) };
}
function errorMessage(error) {
  if (error instanceof CorruptFileError) {
    const { file, lineNumber, reason, hint } = error;
    return { ok: false, error: { kind: "corrupt", file, lineNumber, reason, hint } };
  }
  if (error instanceof InputError) {
    return { ok: false, error: { kind: "input", message: error.message, hint: error.hint } };
  }
  const { message, stack } = error instanceof Error ? error : { message: String(error), stack: "" };
  return { ok: false, error: { kind: "other", message, stack } };
}

// src/measure/parse-worker.ts
var { path, workspaceRoot } = workerData;
try {
  const parser = await readCachegrindFile(path, parserOptions({ workspaceRoot }));
  const { message, transfer } = profileMessage(parser.finishUndecoded());
  parentPort.postMessage(message, transfer);
} catch (error) {
  parentPort.postMessage(errorMessage(error));
}
