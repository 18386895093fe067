/**
 * A streaming reader for the Callgrind files valgrind 3.18 and later write (format version 1),
 * above all combined dumps: one part per benchmark, cut by --dump-after.
 *
 *     # callgrind format / version: 1 / creator: / pid: / cmd:   (once, at the top)
 *     part: <n>                        (each part; a file without one is one part)
 *     desc: Trigger: <what dumped it>  (other desc: lines are ignored)
 *     positions: line                  (or `instr line`, `line instr`: only the line is kept)
 *     events: <event> ...
 *     summary: <count> ...             (the part's cost, per event)
 *     ob=/fl=/fn=                      (object, file and function of the lines that follow)
 *     fi=/fe=                          (inlined code: the file of the lines that follow)
 *     <position> <count> ...           (self cost; fewer counts than events: the rest are 0)
 *     cob=/cfi=/cfl=/cfn=              (object, file and function the next call goes to)
 *     calls=<count> <target position>  (a call, then ONE cost line: its inclusive cost)
 *     jfi=/jfn=/jump=/jcnd=            (jumps, with --collect-jumps: skipped)
 *     totals: <count> ...              (the sum of the self costs: the part ends here)
 *
 * Names can be compressed: `fn=(12) name` gives the name an id and a later `fn=(12)` or
 * `cfn=(12)` refers to it; ids hold for the rest of the file, across parts. Files share one
 * set of ids (fl, fi, fe, cfi, cfl, jfi), functions another (fn, cfn, jfn), objects a third.
 * A position is absolute, or relative to the last self cost line's (`+N`, `-N`, `*`).
 *
 * Memory grows with the number of distinct functions and calls, never with the file: chunks
 * are parsed as they arrive and only a partial last line is kept between them. Cost lines,
 * nearly all of a file, are read straight from the bytes, and a compressed name is decoded
 * once per id.
 */

import { Buffer } from 'node:buffer';
import { CorruptFileError } from '../errors.js';
import { type CallgrindPart, CallgrindPartBuilder } from './callgrind-part.js';
import { type CachegrindParserOptions, eventNames, excerpt, isCount } from './parse.js';
import { afterByteOrderMark, LONGEST_LINE_BYTES, PendingLine } from './pending-line.js';

/** Which of a position's subpositions is the source line, and how many there are. */
interface Positions {
  count: number;
  lineColumn: number;
}

/** The part being read: its header lines so far, then its data. */
interface OpenPart {
  number: number;
  trigger: string;
  positions: Positions;
  events: string[] | undefined;
  summary: number[] | undefined;
  /** Created by the first data line, once the events are known. */
  builder: CallgrindPartBuilder | undefined;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const OPEN = 0x28;
const CLOSE = 0x29;
const STAR = 0x2a;
const PLUS = 0x2b;
const MINUS = 0x2d;
const EQUALS = 0x3d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_A = 0x61;
const LOWER_F = 0x66;
const LOWER_X = 0x78;
const LOWER_Z = 0x7a;
/** The longest key of a `key=value` line, `calls`. */
const LONGEST_KEY = 5;
/** Lines are unsigned 32-bit numbers in Callgrind. */
const LARGEST_LINE = 2 ** 32 - 1;

/** `critbench::fib'2`, the second level of a recursion under --separate-recs, is `critbench::fib`. */
const RECURSION_SUFFIX = /'\d+$/;

export class CallgrindParser {
  readonly #source: string;
  readonly #isOwnFile: (path: string) => boolean;
  readonly #fileNames = new Map<number, string>();
  readonly #functionNames = new Map<number, string>();
  readonly #objectNames = new Map<number, string>();
  readonly #parts: CallgrindPart[] = [];
  #lineNumber = 0;
  /** The bytes of an incomplete last line, waiting for the rest of it. */
  readonly #pending = new PendingLine(() => this.#tooLong());
  #command = '';
  #part: OpenPart | undefined;
  /** The number of the last part read; 0 before the first. */
  #lastPart = 0;
  /** The function the next cost line belongs to (-1: none), and the file of its fn= line. */
  #current = -1;
  #functionFile = -1;
  /** The file of the next cost line: the function's, or inlined code's after fi=. */
  #file = -1;
  /** The line of the last self cost line, which relative positions start from. */
  #lastLine = 0;
  #calleeName: string | undefined;
  #calleeFile = -1;
  /** The callee of a calls= line whose cost line comes next (-1: none), and its count. */
  #callee = -1;
  #callCount = 0;
  /** What the line being read holds: where reading is, the position's line and the costs. */
  #at = 0;
  #lineStart = 0;
  #positionLine = 0;
  #costs = new Float64Array(0);
  #costCount = 0;

  /** `source` names the input in error messages (usually its path). */
  constructor(source: string, options: CachegrindParserOptions = {}) {
    this.#source = source;
    const isOwnFile = options.isOwnFile;
    this.#isOwnFile = isOwnFile === undefined ? () => false : isOwnFile;
  }

  write(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const firstNewline = bytes.indexOf(LF);
    if (firstNewline === -1) {
      this.#pending.keep(bytes);
      return;
    }
    let start = 0;
    if (!this.#pending.isEmpty) {
      const line = this.#pending.take(bytes.subarray(0, firstNewline + 1));
      this.#parseLine(line, 0, line.length - 1);
      start = firstNewline + 1;
    }
    for (
      let newline = bytes.indexOf(LF, start);
      newline !== -1;
      newline = bytes.indexOf(LF, start)
    ) {
      this.#parseLine(bytes, start, newline);
      start = newline + 1;
    }
    if (start < bytes.length) this.#pending.keep(bytes.subarray(start));
  }

  #tooLong(): CorruptFileError {
    return new CorruptFileError(
      this.#source,
      this.#lineNumber + 1,
      `a line longer than ${LONGEST_LINE_BYTES / 1024 / 1024} MiB: not Callgrind output`,
    );
  }

  /** The parts in file order, each checked against its `summary:` and `totals:` lines. */
  finish(): CallgrindPart[] {
    if (!this.#pending.isEmpty) {
      const lastLine = this.#pending.take(Buffer.alloc(0));
      this.#parseLine(lastLine, 0, lastLine.length);
    }
    if (this.#lineNumber === 0) {
      throw new CorruptFileError(this.#source, undefined, 'the file is empty: no Callgrind output');
    }
    if (this.#callee >= 0) {
      throw this.#corrupt('the file ends after a calls= line, without its cost: it is truncated');
    }
    if (this.#part !== undefined) {
      throw this.#corrupt('the file ends without a totals: line: it is truncated');
    }
    if (this.#parts.length === 0) {
      throw this.#corrupt('no part with a totals: line: not Callgrind output');
    }
    return this.#parts;
  }

  /** Parses the line `bytes[start..end)`, `end` being where its line feed is or the file ends. */
  #parseLine(bytes: Buffer, start: number, end: number): void {
    this.#lineNumber++;
    if (this.#lineNumber === 1) start = afterByteOrderMark(bytes, start);
    this.#lineStart = start;
    const lineEnd = end > start && bytes[end - 1] === CR ? end - 1 : end;
    const first = bytes[start];
    if (this.#callee >= 0 && !isCostLineStart(first)) {
      throw this.#corrupt('a calls= line must be followed by the cost line of the call');
    }
    if (start === lineEnd || first === HASH) return;
    if (isCostLineStart(first)) {
      this.#parseCostLine(bytes, start, lineEnd);
      return;
    }
    const equals = keyEnd(bytes, start, lineEnd);
    if (equals === -1 || !this.#parseSpecification(bytes, start, equals, lineEnd)) {
      this.#parseHeaderLine(bytes.toString('utf8', start, lineEnd));
    }
  }

  /** A `key=value` line; false when the key is not one Callgrind writes. */
  #parseSpecification(bytes: Buffer, start: number, equals: number, end: number): boolean {
    const key = bytes.toString('latin1', start, equals);
    const value = equals + 1;
    switch (key) {
      case 'ob':
      case 'cob':
        this.#requireData(`${key}=`);
        this.#name(this.#objectNames, key, bytes, value, end);
        break;
      case 'fl':
        this.#startFile(bytes, value, end);
        break;
      case 'fi':
      case 'fe':
        this.#file = this.#fileIndex(key, bytes, value, end);
        break;
      case 'fn':
        this.#startFunction(bytes, value, end);
        break;
      case 'cfi':
      case 'cfl':
        this.#calleeFile = this.#fileIndex(key, bytes, value, end);
        break;
      case 'cfn':
        this.#requireData('cfn=');
        this.#calleeName = this.#functionName(key, bytes, value, end);
        break;
      case 'calls':
        this.#startCall(bytes, value, end);
        break;
      case 'jfi':
        this.#fileIndex(key, bytes, value, end);
        break;
      case 'jfn':
        this.#requireData('jfn=');
        this.#functionName(key, bytes, value, end);
        break;
      case 'jump':
      case 'jcnd':
        // The line after it, a position without costs, is where the jump is: no cost either.
        this.#requireFunction(`${key}=`);
        break;
      default:
        return false;
    }
    return true;
  }

  #startFile(bytes: Buffer, start: number, end: number): void {
    this.#functionFile = this.#fileIndex('fl', bytes, start, end);
    this.#file = this.#functionFile;
    // fn= follows every fl=: a cost line right after fl= would have no function.
    this.#current = -1;
  }

  #startFunction(bytes: Buffer, start: number, end: number): void {
    const builder = this.#requireData('fn=');
    if (this.#functionFile < 0) throw this.#corrupt('an fn= line before any fl= line');
    const name = this.#functionName('fn', bytes, start, end);
    this.#current = builder.functionIndex(name, this.#functionFile);
    this.#file = this.#functionFile;
    // Callgrind starts every function from line 0, writing its first position in full.
    this.#lastLine = 0;
    this.#calleeName = undefined;
    this.#calleeFile = -1;
  }

  /** `calls=<count> <target position>`: the callee is the last cfn=, in the last cfi= if any. */
  #startCall(bytes: Buffer, start: number, end: number): void {
    const builder = this.#requireFunction('calls=');
    if (this.#calleeName === undefined) {
      throw this.#corrupt('a calls= line without a cfn= line before it');
    }
    this.#at = start;
    this.#skipSpaces(bytes, end);
    this.#callCount = this.#readDecimal(bytes, end);
    this.#readPositions(bytes, end);
    this.#skipSpaces(bytes, end);
    if (this.#at < end) throw this.#malformed(bytes, end);
    const calleeFile = this.#calleeFile < 0 ? this.#file : this.#calleeFile;
    this.#callee = builder.functionIndex(this.#calleeName, calleeFile);
    // Both name the target of this one call: the next call names its own.
    this.#calleeName = undefined;
    this.#calleeFile = -1;
  }

  /**
   * A self cost line, the inclusive cost of the call on the line before, or (no costs) where
   * a jump is. Only a self cost line moves the position relative ones start from.
   */
  #parseCostLine(bytes: Buffer, start: number, end: number): void {
    const builder = this.#requireFunction('cost');
    this.#at = start;
    this.#readPositions(bytes, end);
    this.#readCounts(bytes, end);
    if (this.#callee >= 0) {
      builder.addCall(this.#current, this.#callee, this.#callCount, this.#costs);
      this.#callee = -1;
    } else if (this.#costCount > 0) {
      builder.addSelfCost(this.#current, this.#file, this.#positionLine, this.#costs);
      this.#lastLine = this.#positionLine;
    }
  }

  /** Reads the subpositions at `#at`, keeping the line's in `#positionLine`. */
  #readPositions(bytes: Buffer, end: number): void {
    const { count, lineColumn } = this.#part!.positions;
    for (let column = 0; column < count; column++) {
      this.#skipSpaces(bytes, end);
      const first = bytes[this.#at];
      if (first === STAR) {
        this.#at++;
        if (column === lineColumn) this.#positionLine = this.#lastLine;
      } else if (first === PLUS || first === MINUS) {
        this.#at++;
        const offset = this.#readDecimal(bytes, end);
        if (column === lineColumn) {
          this.#positionLine = this.#lastLine + (first === PLUS ? offset : -offset);
        }
      } else if (first === DIGIT_0 && bytes[this.#at + 1] === LOWER_X) {
        // Only an instruction address is written in hexadecimal, and only lines are kept.
        this.#at += 2;
        this.#skipHexDigits(bytes, end);
      } else if (column === lineColumn) {
        this.#positionLine = this.#readDecimal(bytes, end);
      } else {
        this.#readDecimal(bytes, end);
      }
      if (this.#at < end && bytes[this.#at] !== SPACE && bytes[this.#at] !== TAB) {
        throw this.#malformed(bytes, end);
      }
    }
    if (this.#positionLine < 0 || this.#positionLine > LARGEST_LINE) {
      const where =
        this.#positionLine < 0 ? `line ${this.#positionLine}` : `a line beyond ${LARGEST_LINE}`;
      throw this.#corrupt(`a position at ${where}, which no file has`);
    }
  }

  /** Reads the counts after the position into `#costs`, zero for the events without one. */
  #readCounts(bytes: Buffer, end: number): void {
    const costs = this.#costs;
    costs.fill(0);
    let event = 0;
    for (;;) {
      this.#skipSpaces(bytes, end);
      if (this.#at === end) break;
      if (event === costs.length) {
        throw this.#corrupt(`a cost line with more counts than the ${costs.length} events`);
      }
      costs[event++] = this.#readDecimal(bytes, end);
      if (this.#at < end && bytes[this.#at] !== SPACE && bytes[this.#at] !== TAB) {
        throw this.#malformed(bytes, end);
      }
    }
    this.#costCount = event;
  }

  #readDecimal(bytes: Buffer, end: number): number {
    const start = this.#at;
    let value = 0;
    for (; this.#at < end; this.#at++) {
      const byte = bytes[this.#at]!;
      if (byte < DIGIT_0 || byte > DIGIT_9) break;
      value = value * 10 + (byte - DIGIT_0);
    }
    if (this.#at === start) throw this.#malformed(bytes, end);
    return value;
  }

  #skipHexDigits(bytes: Buffer, end: number): void {
    const start = this.#at;
    while (this.#at < end && isHexDigit(bytes[this.#at]!)) this.#at++;
    if (this.#at === start) throw this.#malformed(bytes, end);
  }

  #skipSpaces(bytes: Buffer, end: number): void {
    while (this.#at < end && (bytes[this.#at] === SPACE || bytes[this.#at] === TAB)) this.#at++;
  }

  /**
   * The name a `key=value` line gives: `(id) name` gives the name an id, `(id)` refers back
   * to it, a name without an id stands for itself. A name is decoded once per id: a later
   * definition of the same id (Callgrind repeats them in each part) is not read again.
   */
  #name(
    names: Map<number, string>,
    key: string,
    bytes: Buffer,
    start: number,
    end: number,
    normalise: (name: string) => string = (name) => name,
  ): string {
    const close = compressedIdEnd(bytes, start, end);
    let nameStart = close === -1 ? start : close + 1;
    while (nameStart < end && (bytes[nameStart] === SPACE || bytes[nameStart] === TAB)) {
      nameStart++;
    }
    if (close === -1) {
      if (nameStart === end) throw this.#corrupt(`${aLine(`${key}=`)} without a name`);
      return normalise(bytes.toString('utf8', nameStart, end));
    }
    const id = Number(bytes.toString('latin1', start + 1, close));
    let name = names.get(id);
    if (name === undefined) {
      if (nameStart === end) {
        throw this.#corrupt(`${key}=(${id}) refers to an id that no line before it defines`);
      }
      name = normalise(bytes.toString('utf8', nameStart, end));
      names.set(id, name);
    }
    return name;
  }

  /** A function's name, without the recursion depth --separate-recs appends to it. */
  #functionName(key: string, bytes: Buffer, start: number, end: number): string {
    return this.#name(this.#functionNames, key, bytes, start, end, withoutRecursionDepth);
  }

  #fileIndex(key: string, bytes: Buffer, start: number, end: number): number {
    const builder = this.#requireData(`${key}=`);
    return builder.fileIndex(this.#name(this.#fileNames, key, bytes, start, end));
  }

  /** Lines without `=`: the file's and the parts' headers, and the `totals:` ending a part. */
  #parseHeaderLine(line: string): void {
    const colon = line.indexOf(':');
    const key = colon === -1 ? line : line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    switch (key) {
      case 'version':
        this.#requireHeader('version:');
        if (value !== '1') {
          throw this.#corrupt(`format version ${value}: rust-perf reads version 1 of Callgrind's`);
        }
        return;
      case 'creator':
      case 'pid':
        this.#requireHeader(`${key}:`);
        return;
      case 'cmd':
        this.#requireHeader('cmd:');
        this.#command = value;
        return;
      case 'part':
        this.#startPart(value);
        return;
      case 'totals':
        this.#finishPart(value);
        return;
      default:
        this.#parsePartHeader(key, value, line);
    }
  }

  #parsePartHeader(key: string, value: string, line: string): void {
    if (!['desc', 'positions', 'events', 'event', 'summary', 'thread'].includes(key)) {
      throw this.#corrupt(`unrecognised line ${excerpt(line)}: not Callgrind output`);
    }
    if (key === 'summary' && this.#part?.builder !== undefined) {
      throw this.#corrupt(
        'a summary: line after the data: this is Cachegrind output, not Callgrind',
        'Measure with valgrind --tool=callgrind, or read the file with the Cachegrind parser.',
      );
    }
    const part = this.#partHeader(`${key}:`);
    if (key === 'desc' && value.startsWith('Trigger:')) {
      part.trigger = value.slice('Trigger:'.length).trim();
    } else if (key === 'positions') {
      part.positions = this.#positions(value);
    } else if (key === 'events') {
      part.events = eventNames(value, (reason) => this.#corrupt(reason));
    } else if (key === 'summary') {
      part.summary = this.#countsOfLine('summary:', value, part);
    }
  }

  #startPart(value: string): void {
    if (this.#part !== undefined) {
      throw this.#corrupt(`a part: line before part ${this.#part.number} has its totals: line`);
    }
    if (!/^\d{1,15}$/.test(value))
      throw this.#corrupt(`part: ${excerpt(value)} is not a part number`);
    const number = Number(value);
    if (number <= this.#lastPart) {
      throw this.#corrupt(`part ${number} after part ${this.#lastPart}: two files concatenated?`);
    }
    this.#openPart(number);
  }

  #openPart(number: number): OpenPart {
    this.#part = {
      number,
      trigger: '',
      positions: { count: 1, lineColumn: 0 },
      events: undefined,
      summary: undefined,
      builder: undefined,
    };
    this.#lastPart = number;
    this.#current = -1;
    this.#functionFile = -1;
    this.#file = -1;
    this.#lastLine = 0;
    this.#calleeName = undefined;
    this.#calleeFile = -1;
    return this.#part;
  }

  /** Checks the part's costs against its summary: and totals: lines and keeps it. */
  #finishPart(value: string): void {
    const part = this.#part;
    if (part?.events === undefined) {
      throw this.#corrupt('a totals: line outside a part with an events: line');
    }
    const totals = this.#countsOfLine('totals:', value, part);
    const builder = part.builder ?? new CallgrindPartBuilder(part.events.length, this.#isOwnFile);
    const counted = builder.selfTotals();
    part.events.forEach((event, index) => {
      if (counted[index]! > Number.MAX_SAFE_INTEGER) {
        throw this.#corrupt(`the ${event} counts add up to more than rust-perf can count exactly`);
      }
      for (const [line, expected] of [
        ['summary:', part.summary],
        ['totals:', totals],
      ] as const) {
        if (expected !== undefined && expected[index] !== counted[index]) {
          throw this.#corrupt(
            `${line} says ${expected[index]} ${event} but the self costs add up to ` +
              `${counted[index]}: the file is truncated or corrupt`,
          );
        }
      }
    });
    if (builder.largestCallNumber() > Number.MAX_SAFE_INTEGER) {
      throw this.#corrupt('the calls add up to more than rust-perf can count exactly');
    }
    const profile = { command: this.#command, events: part.events, totals };
    this.#parts.push(builder.build(part.number, part.trigger, profile));
    this.#part = undefined;
  }

  /** `positions: line`, `instr line` or `line instr`: which subposition is the line. */
  #positions(value: string): Positions {
    const names = value.split(/\s+/).filter((name) => name !== '');
    const known = names.every(
      (name, index) => ['instr', 'line'].includes(name) && names.indexOf(name) === index,
    );
    if (!known) throw this.#corrupt(`positions: ${excerpt(value)} is not a list of instr and line`);
    const lineColumn = names.indexOf('line');
    if (lineColumn === -1) {
      throw this.#corrupt(
        `positions: ${value} gives no source lines`,
        'Run Callgrind with --dump-line=yes, its default.',
      );
    }
    return { count: names.length, lineColumn };
  }

  /** A summary: or totals: line's counts, one per event, 0 for the events it leaves out. */
  #countsOfLine(kind: string, value: string, part: OpenPart): number[] {
    const events = part.events;
    if (events === undefined) throw this.#corrupt(`${aLine(kind)} before the events: line`);
    const fields = value.split(/\s+/).filter((field) => field !== '');
    if (fields.length === 0 || fields.length > events.length || !fields.every(isCount)) {
      throw this.#corrupt(
        `${kind} ${value} is not a list of at most ${events.length} counts, one per event`,
      );
    }
    return events.map((_, index) => Number(fields[index] ?? '0'));
  }

  /** A header line of the whole file comes before the data of the part it is in. */
  #requireHeader(kind: string): void {
    if (this.#part?.builder !== undefined) {
      throw this.#corrupt(`${aLine(kind)} after the data of part ${this.#part.number} began`);
    }
  }

  /** The part a part's header line belongs to; a file without part: lines has one part. */
  #partHeader(kind: string): OpenPart {
    this.#requireHeader(kind);
    if (this.#part !== undefined) return this.#part;
    if (this.#lastPart > 0) {
      throw this.#corrupt(`${aLine(kind)} after the totals: line of part ${this.#lastPart}`);
    }
    return this.#openPart(1);
  }

  /** The part's data, which begins with the first data line after its events: line. */
  #requireData(kind: string): CallgrindPartBuilder {
    const part = this.#part;
    if (part?.builder !== undefined) return part.builder;
    if (part?.events === undefined) {
      throw this.#corrupt(
        this.#lastPart > 0 && part === undefined
          ? `${aLine(kind)} after the totals: line of part ${this.#lastPart}`
          : `${aLine(kind)} before the events: line: not Callgrind output, or its start is missing`,
      );
    }
    part.builder = new CallgrindPartBuilder(part.events.length, this.#isOwnFile);
    this.#costs = new Float64Array(part.events.length);
    return part.builder;
  }

  #requireFunction(kind: string): CallgrindPartBuilder {
    const builder = this.#requireData(kind);
    if (this.#current < 0) throw this.#corrupt(`${aLine(kind)} outside a function (no fn= line)`);
    return builder;
  }

  #malformed(bytes: Buffer, end: number): CorruptFileError {
    const line = bytes.toString('utf8', this.#lineStart, end);
    return this.#corrupt(`malformed line ${excerpt(line)}: expected <position> <count>...`);
  }

  #corrupt(reason: string, hint?: string): CorruptFileError {
    return new CorruptFileError(this.#source, this.#lineNumber, reason, hint);
  }
}

/** `a cost line`, `an events: line`: the article that goes with the line's kind. */
function aLine(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} line`;
}

/** Digits, `+`, `-` or `*`: how a cost line (a position, then counts) starts. */
function isCostLineStart(byte: number | undefined): boolean {
  return (
    byte !== undefined &&
    ((byte >= DIGIT_0 && byte <= DIGIT_9) || byte === PLUS || byte === MINUS || byte === STAR)
  );
}

/** Where the `=` of a `key=value` line is, its key being lower-case letters; -1 if none. */
function keyEnd(bytes: Buffer, start: number, end: number): number {
  const last = Math.min(end, start + LONGEST_KEY);
  let position = start;
  while (position < last && bytes[position]! >= LOWER_A && bytes[position]! <= LOWER_Z) position++;
  return position > start && position < end && bytes[position] === EQUALS ? position : -1;
}

/** Where the `)` of a `(id)` at `bytes[start]` is; -1 when the name there has no id. */
function compressedIdEnd(bytes: Buffer, start: number, end: number): number {
  if (bytes[start] !== OPEN) return -1;
  let position = start + 1;
  while (position < end && bytes[position]! >= DIGIT_0 && bytes[position]! <= DIGIT_9) position++;
  // `(below main)` is a name of its own, not an id.
  return position > start + 1 && bytes[position] === CLOSE ? position : -1;
}

function withoutRecursionDepth(name: string): string {
  return name.replace(RECURSION_SUFFIX, '');
}

function isHexDigit(byte: number): boolean {
  return (byte >= DIGIT_0 && byte <= DIGIT_9) || (byte >= LOWER_A && byte <= LOWER_F);
}
