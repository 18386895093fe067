#!/usr/bin/env node
import { createRequire as __rustPerfCreateRequire } from 'node:module';
const require = __rustPerfCreateRequire(import.meta.url);

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
var EnvironmentError = class extends UserError {
  exitCode = 3;
};
var BuildError = class extends UserError {
  exitCode = 3;
};
var BenchmarkError = class extends UserError {
  exitCode = 3;
};
var GitError = class extends InputError {
};
function describeError(error) {
  if (error instanceof UserError) {
    return error.hint ? `${error.message}
${error.hint}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

// package.json
var package_default = {
  name: "rust-perf-action",
  version: "0.1.0",
  description: "Catch performance regressions in Rust projects: per-function Cachegrind instruction counts, compared on every pull request.",
  license: "MIT",
  type: "module",
  private: true,
  engines: {
    node: ">=20"
  },
  bin: {
    "rust-perf": "dist/cli.js"
  },
  files: [
    "dist",
    "action.yml"
  ],
  scripts: {
    bundle: "node scripts/bundle.mjs",
    typecheck: "tsc --noEmit",
    lint: "biome ci .",
    format: "biome check --write .",
    "check-dist": "node scripts/check-dist.mjs",
    vitest: "vitest run",
    test: "npm run typecheck && npm run lint && npm run validate-actions && npm run check-dist && vitest run",
    demo: "node dist/cli.js run --manifest-path examples/textbench/Cargo.toml --head-cargo-args='--features slow'",
    bench: "node scripts/bench.mjs",
    "validate-actions": "node scripts/validate-actions.mjs"
  },
  devDependencies: {
    "@action-validator/cli": "^0.6.0",
    "@action-validator/core": "^0.6.0",
    "@actions/artifact": "^6.2.1",
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@biomejs/biome": "^2.6.8",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@types/node": "^20.19.43",
    "d3-flame-graph": "^5.0.0",
    "d3-selection": "^3.0.1",
    esbuild: "^0.28.2",
    "smol-toml": "^1.9.1",
    typescript: "^6.0.3",
    vitest: "^4.1.12",
    yaml: "^2.9.1"
  },
  overrides: {
    "content-type": "^2.1.0"
  }
};

// src/version.ts
var TOOL_VERSION = package_default.version;
var TOOL_NAME = `rust-perf ${TOOL_VERSION}`;

// src/cli/compare-command.ts
import { readFile as readFile2 } from "node:fs/promises";
import { resolve } from "node:path";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines2 = string.slice(0, ptr).split(/\r?\n/);
  return [lines2.length, lines2.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines2 = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines2[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray2 = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray2;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray2) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray2 ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/inputs/glob.ts
function compileGlob(pattern) {
  if (pattern.trim() === "") return { problem: "is empty: it would match no name" };
  if (/\\$/.test(pattern.replace(/\\\\/g, ""))) {
    return { problem: "ends in a lone \\, which escapes nothing" };
  }
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === "\\") source += escapeRegExp(pattern[++index]);
    else if (character === "*") source += ".*";
    else if (character === "?") source += ".";
    else source += escapeRegExp(character);
  }
  const expression = new RegExp(`^${source}$`, "s");
  return (name) => expression.test(name);
}
function escapeRegExp(character) {
  return character.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// src/inputs/percent.ts
var PERCENT = /^(?:\d+(?:\.\d+)?|\.\d+)%?$/;
function parsePercent(value, what) {
  const text = value.trim();
  const percent = PERCENT.test(text) ? Number(text.replace("%", "")) : Number.NaN;
  if (!(percent >= 0 && percent <= 100)) {
    throw new InputError(
      `${what} must be a percentage from 0% to 100% such as '1%' or '0.1%', got '${value}'.`
    );
  }
  return percent / 100;
}

// src/inputs/limits-file.ts
var LIMITS_FILE = "rust-perf.toml";
var SCALAR_LIMITS = [
  "threshold",
  "allocationThreshold",
  "ignore",
  "maxInstructions",
  "maxAllocations",
  "maxAllocatedBytes"
];
function limitsFor(limits, name) {
  const applied = { functionBudgets: [] };
  for (const entry of limits?.entries ?? []) {
    if (!entry.matches(name)) continue;
    for (const key of SCALAR_LIMITS) {
      if (entry[key] !== void 0) Object.assign(applied, { [key]: entry[key] });
    }
    applied.functionBudgets.push(...entry.functionBudgets);
  }
  return applied;
}
var ENTRY_KEYS = [
  "name",
  "threshold",
  "allocation-threshold",
  "ignore",
  "max-instructions",
  "max-function-instructions",
  "max-allocations",
  "max-allocated-bytes"
];
function parseLimits(text, file, source = file) {
  let document;
  try {
    document = parse(text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.replace(/^Invalid TOML document: /, "").split("\n")[0];
    throw limitsError(file, [`${file}:${error.line}: not valid TOML: ${reason}`]);
  }
  const mistakes = [];
  for (const key of Object.keys(document)) {
    if (key !== "benchmark") {
      mistakes.push({
        path: [key],
        message: "not a known key (rust-perf.toml has [[benchmark]] entries)"
      });
    }
  }
  const entries = document.benchmark;
  let read = [];
  if (entries !== void 0 && !isTableArray(entries)) {
    mistakes.push({ path: ["benchmark"], message: "must be [[benchmark]] tables" });
  } else if (entries !== void 0) {
    read = entries.flatMap((entry, index) => readEntry(entry, index, mistakes));
  }
  if (mistakes.length > 0) {
    const located = mistakes.map(({ path, message }) => ({ line: lineOf(text, path), path, message })).sort((a, b) => a.line - b.line);
    throw limitsError(
      file,
      located.map(({ line, path, message }) => `${file}:${line}: ${keyName(path)}: ${message}`)
    );
  }
  return { source, entries: read };
}
function limitsError(file, messages) {
  return new InputError(
    messages.join("\n"),
    `Fix ${file}: "Limits in the repository" in the README lists its keys.`
  );
}
function isTableArray(value) {
  return Array.isArray(value) && value.every(isTable);
}
function isTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function readEntry(entry, index, mistakes) {
  const at = (key, sub) => ["benchmark", index, key, sub];
  const before = mistakes.length;
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.includes(key)) {
      mistakes.push({ path: at(key), message: `not a known key (${ENTRY_KEYS.join(", ")})` });
    }
  }
  const matches = readGlob(entry.name, at("name"), mistakes);
  const read = {
    pattern: typeof entry.name === "string" ? entry.name : "",
    functionBudgets: readFunctionBudgets(entry["max-function-instructions"], at, mistakes)
  };
  const threshold = readThreshold(entry.threshold, at("threshold"), mistakes);
  if (threshold !== void 0) read.threshold = threshold;
  const allocationThreshold2 = readThreshold(
    entry["allocation-threshold"],
    at("allocation-threshold"),
    mistakes
  );
  if (allocationThreshold2 !== void 0) read.allocationThreshold = allocationThreshold2;
  if (entry.ignore !== void 0) {
    if (typeof entry.ignore === "boolean") read.ignore = entry.ignore;
    else
      mistakes.push({
        path: at("ignore"),
        message: `must be true or false, got ${describe(entry.ignore)}`
      });
  }
  const budgets = [
    ["max-instructions", "maxInstructions", "instructions"],
    ["max-allocations", "maxAllocations", "allocations"],
    ["max-allocated-bytes", "maxAllocatedBytes", "bytes"]
  ];
  for (const [key, field, unit] of budgets) {
    if (entry[key] !== void 0) read[field] = readBudget(entry[key], at(key), mistakes, unit);
  }
  return mistakes.length > before || matches === void 0 ? [] : [{ ...read, matches }];
}
function readThreshold(value, path, mistakes) {
  if (value === void 0) return void 0;
  if (typeof value !== "string") {
    mistakes.push({
      path,
      message: `must be a percentage in quotes such as "5%", got ${describe(value)}`
    });
    return void 0;
  }
  try {
    return parsePercent(value, "it");
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    mistakes.push({ path, message: error.message.replace(/^it /, "").replace(/\.$/, "") });
    return void 0;
  }
}
function readGlob(value, path, mistakes) {
  if (value === void 0) {
    mistakes.push({
      path: path.slice(0, 2),
      message: 'has no name: a glob over benchmark names, e.g. name = "parse/*"'
    });
    return void 0;
  }
  if (typeof value !== "string") {
    mistakes.push({ path, message: `must be a glob in quotes, got ${describe(value)}` });
    return void 0;
  }
  const glob = compileGlob(value);
  if (typeof glob === "function") return glob;
  mistakes.push({ path, message: `the glob ${JSON.stringify(value)} ${glob.problem}` });
  return void 0;
}
function readFunctionBudgets(value, at, mistakes) {
  if (value === void 0) return [];
  const key = "max-function-instructions";
  if (!isTable(value)) {
    mistakes.push({
      path: at(key),
      message: `must be a table of function globs and budgets, e.g. { "my_crate::parse::*" = 2_000_000 }, got ${describe(value)}`
    });
    return [];
  }
  return Object.entries(value).flatMap(([pattern, budget]) => {
    const matches = readGlob(pattern, at(key, pattern), mistakes);
    const maxInstructions = readBudget(budget, at(key, pattern), mistakes);
    return matches === void 0 || maxInstructions === void 0 ? [] : [{ pattern, matches, maxInstructions }];
  });
}
function readBudget(value, path, mistakes, unit = "instructions") {
  if (typeof value === "bigint" || typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    if (typeof value === "number") return value;
  }
  mistakes.push({
    path,
    message: `must be a whole number of ${unit}, at least 0, got ${describe(value)}`
  });
  return void 0;
}
function describe(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (isTable(value)) return "a table";
  if (Array.isArray(value)) return "an array";
  return String(value);
}
function keyName([table, index, key, sub]) {
  let name = index === void 0 ? table : `${table}[${index}]`;
  if (key !== void 0) name += `.${key}`;
  if (sub !== void 0) name += `.${JSON.stringify(sub)}`;
  return name;
}
function lineOf(text, [table, index, key, sub]) {
  const lines2 = text.split(/\r?\n/);
  let entry = -1;
  let subTable;
  let fallback = 1;
  for (const [number, line] of lines2.map((line2, lineIndex) => [lineIndex + 1, line2])) {
    const header = /^\s*\[(\[)?\s*([^\]]+?)\s*\]/.exec(line);
    if (header) {
      const name = header[2];
      if (index === void 0 && keyPattern(table).test(`${name} =`)) return number;
      if (header[1] !== void 0 && name === table) {
        entry++;
        subTable = void 0;
        if (entry === index) fallback = number;
        continue;
      }
      subTable = name.startsWith(`${table}.`) ? name.slice(table.length + 1) : name;
      if (entry === index && key !== void 0 && keyPattern(key).test(`${subTable} =`)) {
        if (sub === void 0) return number;
        fallback = number;
      }
      continue;
    }
    if (index === void 0) {
      if (entry === -1 && subTable === void 0 && keyPattern(table).test(line)) return number;
      continue;
    }
    if (entry !== index || key === void 0) continue;
    if (subTable === void 0 && keyPattern(key).test(line)) return number;
    if (subTable === key && sub !== void 0 && keyPattern(sub).test(line)) return number;
  }
  return fallback;
}
function keyPattern(key) {
  const literal = key.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`^\\s*(?:${literal}|"${literal}"|'${literal}')\\s*[=.]`);
}

// src/measure/normalise.ts
import { Buffer as Buffer4 } from "node:buffer";

// src/profile/call-graph.ts
function inclusiveCosts(functions, calls, total) {
  const inclusive = new Map(functions.map((fn) => [fn.name, fn.self]));
  for (const call of calls) {
    const own = inclusive.get(call.caller);
    if (call.caller !== call.callee && own !== void 0 && inclusive.has(call.callee)) {
      inclusive.set(call.caller, own + call.inclusive);
    }
  }
  for (const [name, cost] of inclusive) inclusive.set(name, Math.min(cost, total));
  return inclusive;
}
var SPLIT_SHARE = 1 / 2e3;
function callTree(functions, calls, total) {
  const graph = acyclicGraph(functions, calls);
  const weight = subtreeWeights(graph);
  const minimum = total * SPLIT_SHARE;
  const expand = (fn, value) => {
    const node = { name: graph.names[fn], value, self: value, children: [] };
    if (value < minimum || weight[fn] === 0) return node;
    const scale = value / weight[fn];
    const parts = [graph.self[fn] * scale];
    for (const edge of graph.out[fn]) parts.push(edge.share * weight[edge.callee] * scale);
    const shares = wholeShares(value, parts);
    node.self = shares[0];
    graph.out[fn].forEach((edge, index) => {
      const share = shares[index + 1];
      if (share > 0) node.children.push(expand(edge.callee, share));
    });
    return node;
  };
  const rootValues = wholeShares(
    total,
    graph.roots.map((root) => weight[root])
  );
  return graph.roots.map((root, index) => expand(root, rootValues[index])).filter((node) => node.value > 0);
}
function acyclicGraph(functions, calls) {
  const index = new Map(functions.map((fn, position) => [fn.name, position]));
  const out = functions.map(() => []);
  const called = new Uint8Array(functions.length);
  for (const call of calls) {
    const caller = index.get(call.caller);
    const callee = index.get(call.callee);
    if (caller === void 0 || callee === void 0 || caller === callee) continue;
    out[caller].push({ callee, cost: call.inclusive });
    called[callee] = 1;
  }
  const state = new Uint8Array(functions.length);
  const kept = functions.map(() => []);
  const roots = [];
  const walk = (start) => {
    roots.push(start);
    const stack = [{ fn: start, next: 0 }];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edge = out[top.fn][top.next++];
      if (edge === void 0) {
        state[top.fn] = 2;
        stack.pop();
      } else if (state[edge.callee] !== 1) {
        kept[top.fn].push(edge);
        if (state[edge.callee] === 0) {
          state[edge.callee] = 1;
          stack.push({ fn: edge.callee, next: 0 });
        }
      }
    }
  };
  const bySelf = functions.map((_, position) => position);
  bySelf.sort((a, b) => functions[b].self - functions[a].self || a - b);
  for (const fn of bySelf) if (called[fn] === 0) walk(fn);
  for (const fn of bySelf) if (state[fn] === 0) walk(fn);
  const incoming = new Float64Array(functions.length);
  for (const edges of kept) for (const edge of edges) incoming[edge.callee] += edge.cost;
  return {
    names: functions.map((fn) => fn.name),
    self: functions.map((fn) => fn.self),
    roots,
    out: kept.map(
      (edges) => edges.map((edge) => ({
        callee: edge.callee,
        share: incoming[edge.callee] === 0 ? 0 : edge.cost / incoming[edge.callee]
      }))
    )
  };
}
function subtreeWeights(graph) {
  const weight = new Float64Array(graph.names.length).fill(-1);
  const weigh = (start) => {
    const stack = [start];
    while (stack.length > 0) {
      const fn = stack[stack.length - 1];
      const pending = graph.out[fn].filter((edge) => weight[edge.callee] < 0);
      if (pending.length > 0) {
        for (const edge of pending) stack.push(edge.callee);
        continue;
      }
      stack.pop();
      if (weight[fn] >= 0) continue;
      weight[fn] = graph.out[fn].reduce(
        (sum, edge) => sum + edge.share * weight[edge.callee],
        graph.self[fn]
      );
    }
  };
  graph.roots.forEach(weigh);
  return weight;
}
function wholeShares(whole, parts) {
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum <= 0) return parts.map((_, index) => index === 0 ? whole : 0);
  const exact = parts.map((part) => part / sum * whole);
  const shares = exact.map(Math.floor);
  let left = whole - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((_, index) => index);
  byRemainder.sort((a, b) => exact[b] - shares[b] - (exact[a] - shares[a]) || a - b);
  for (const index of byRemainder) {
    if (left <= 0) break;
    shares[index] += 1;
    left -= 1;
  }
  return shares;
}
function foldedStacks(roots) {
  const lines2 = [];
  const visit = (node, prefix) => {
    const stack = prefix + node.name.replace(/;/g, ":").replace(/[\r\n]/g, " ");
    if (node.self > 0) lines2.push(`${stack} ${node.self}`);
    for (const child of node.children) visit(child, `${stack};`);
  };
  for (const root of roots) visit(root, "");
  return lines2.length === 0 ? "" : `${lines2.join("\n")}
`;
}

// src/measure/encoded-names.ts
import { Buffer as Buffer3, isAscii as isAscii2 } from "node:buffer";

// src/measure/parse.ts
import { Buffer as Buffer2, isAscii } from "node:buffer";

// src/profile/profile.ts
var PROFILE_VERSION = 2;
var EVENT_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
function countOf(counts, event) {
  return Object.hasOwn(counts, event) ? counts[event] : void 0;
}
function siteKey(site) {
  return `${site.function} (${site.file}:${site.line})`;
}
function wholeProgram(name) {
  return { name, target: name, harness: "plain" };
}
var MANGLINGS = ["v0", "legacy"];
var HISTORY_LENGTH = 30;
var HISTORY_EVENT = "Ir";
var FINGERPRINT_FIELDS = [
  "valgrind",
  "rustc",
  "target",
  "rustflags",
  "mangling",
  "runs"
];
var COMPARABLE_FINGERPRINT_FIELDS = [
  "valgrind",
  "rustc",
  "target",
  "rustflags",
  "mangling",
  "codegen"
];

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
function isUndecoded(profile) {
  return "nameBytes" in profile.functions;
}
function withDecodedNames(profile) {
  const { length, nameBytes, files, lines: lines2, counts } = profile.functions;
  return { ...profile, functions: { length, names: decodeNames(nameBytes), files, lines: lines2, counts } };
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
    const totals2 = new Float64Array(width);
    for (let index = 0; index < this.#length * width; index++) {
      totals2[index % width] += this.#counts[index];
    }
    events.forEach((event, index) => {
      const counted = totals2[index];
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
function hashName(bytes) {
  const copy = Buffer2.alloc(bytes.length);
  const view = (buffer) => new DataView(buffer.buffer, buffer.byteOffset, buffer.length);
  return hashCopying(view(bytes), bytes, 0, bytes.length, view(copy), copy, 0);
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

// src/measure/encoded-names.ts
var NO_PARTNER = -1;
var EncodedNames = class _EncodedNames {
  #bytes;
  #view;
  #starts;
  #hashes;
  #encoding;
  /** Names given as strings in place of their bytes (`replacing`). */
  #replaced;
  length;
  /**
   * Name `i` is `bytes[starts[i] .. starts[i + 1] - 1)` (UTF-8, each followed by a line feed,
   * as `UndecodedProfile`'s `nameBytes`), and `hashes[i]` a hash of those bytes: names of equal
   * bytes have equal hashes.
   */
  constructor(bytes, starts, hashes, replaced = /* @__PURE__ */ new Map()) {
    this.#replaced = replaced;
    this.#bytes = Buffer3.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#starts = starts;
    this.#hashes = hashes;
    this.length = hashes.length;
    this.#encoding = isAscii2(this.#bytes) ? "latin1" : "utf8";
  }
  /** Whether every name is ASCII: then a name's bytes are its characters, one to one. */
  get isAscii() {
    return this.#encoding === "latin1";
  }
  /** The bytes of every name, each followed by a line feed. */
  get bytes() {
    return this.#bytes;
  }
  /** Where each name's bytes start in `bytes`, and where the next name's would: `length + 1`. */
  get starts() {
    return this.#starts;
  }
  /** Where name `index`'s bytes start in `bytes`. */
  start(index) {
    return this.#starts[index];
  }
  /** Where name `index`'s bytes end in `bytes` (at its line feed). */
  end(index) {
    return this.#starts[index + 1] - 1;
  }
  name(index) {
    const replaced = this.#replaced.size === 0 ? void 0 : this.#replaced.get(index);
    return replaced ?? this.#bytes.toString(this.#encoding, this.start(index), this.end(index));
  }
  /** Every name, decoded together (`decodeNames`). */
  all() {
    const names = decodeNames(this.#bytes.subarray(0, this.#starts[this.length]));
    for (const [index, name] of this.#replaced) names[index] = name;
    return names;
  }
  /**
   * These names with name `i` replaced by `names.get(i)` (given as bytes here, each is then read
   * as that string), or undefined when that would make two names equal that were not.
   */
  replacing(names) {
    const strings = new Set(names.values());
    if (strings.size < names.size) return void 0;
    const hashes = new Set([...strings].map((name) => hashName(Buffer3.from(name))));
    for (let index = 0; index < this.length; index++) {
      if (!hashes.has(this.#hashes[index]) || names.has(index)) continue;
      if (strings.has(this.name(index))) return void 0;
    }
    return new _EncodedNames(this.#bytes, this.#starts, this.#hashes, names);
  }
  /** The index of the name whose bytes hold `bytes[position]`. */
  indexAt(position) {
    let low = 0;
    let high = this.length - 1;
    while (low < high) {
      const middle = low + high + 1 >> 1;
      if (this.#starts[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }
  /** Whether name `index` starts with one of the ASCII `prefixes`. */
  #startsWithAny(index, prefixes) {
    const start = this.#starts[index];
    const length = this.#starts[index + 1] - 1 - start;
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
  partnersInOrder(other, lookahead, unsought) {
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
      if (replaced.size > 0 && replaced.has(index)) continue;
      const hash = hashes[index];
      const length = starts[index + 1] - starts[index];
      const end = Math.min(other.length, next + lookahead);
      for (let candidate = next; candidate < end; candidate++) {
        if (otherHashes[candidate] !== hash) continue;
        if (otherStarts[candidate + 1] - otherStarts[candidate] !== length) continue;
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
  #confirmSameNames(partners, other) {
    for (let first = 0; first < partners.length; ) {
      if (partners[first] === NO_PARTNER) {
        first++;
        continue;
      }
      let last = first;
      while (last + 1 < partners.length && partners[last + 1] === partners[last] + 1) last++;
      const otherFirst = partners[first];
      const otherLast = partners[last];
      const same = this.#bytes.compare(
        other.#bytes,
        other.start(otherFirst),
        other.start(otherLast + 1),
        this.start(first),
        this.start(last + 1)
      ) === 0;
      for (let index = first; !same && index <= last; index++) {
        if (!this.#sameName(index, other, partners[index])) partners[index] = NO_PARTNER;
      }
      first = last + 1;
    }
  }
  #sameName(index, other, otherIndex) {
    const start = this.start(index);
    const length = this.end(index) - start;
    if (other.end(otherIndex) - other.start(otherIndex) !== length) return false;
    return sameBytes(this.#view, start, other.#view, other.start(otherIndex), length);
  }
};

// src/measure/normalise.ts
var SYMBOL_VERSION = /@@?[A-Za-z0-9_.]+$/;
var LLVM_SUFFIX = /\.llvm\.\d+$/;
var LEGACY_HASH = /::h[0-9a-f]{16}$/;
var MANGLED_LEGACY_HASH = /17h[0-9a-f]{16}E$/;
var CRATE_DISAMBIGUATOR = /(?<=[A-Za-z0-9_])\[[0-9a-f]{1,16}\]/g;
function normaliseName(raw) {
  let name = raw;
  if (name.includes("@")) name = replaceMatch(name, SYMBOL_VERSION, "");
  if (name.includes(".llvm.")) name = replaceMatch(name, LLVM_SUFFIX, "");
  if (name.charAt(name.length - 17) === "h") name = replaceMatch(name, LEGACY_HASH, "");
  if (name.charAt(name.length - 18) === "h") name = replaceMatch(name, MANGLED_LEGACY_HASH, "E");
  if (mayHoldDisambiguator(name)) name = replaceMatch(name, CRATE_DISAMBIGUATOR, "");
  return name;
}
function mayHoldDisambiguator(name) {
  for (let at = name.indexOf("["); at !== -1; at = name.indexOf("[", at + 1)) {
    if (isIdentifierCode(name.charCodeAt(at - 1)) && isLowerHexCode(name.charCodeAt(at + 1))) {
      return true;
    }
  }
  return false;
}
function isIdentifierCode(code2) {
  return code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 90 || code2 >= 97 && code2 <= 122 || code2 === 95;
}
function isLowerHexCode(code2) {
  return code2 >= 48 && code2 <= 57 || code2 >= 97 && code2 <= 102;
}
function replaceMatch(text, pattern, replacement) {
  return pattern.test(text) ? text.replace(pattern, replacement) : text;
}
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
function normalisePath(raw, options) {
  if (RUSTC_SOURCES.test(raw)) return raw.replace(RUSTC_SOURCES, "/rustc/");
  if (REGISTRY_SOURCES.test(raw)) return raw.replace(REGISTRY_SOURCES, "[registry]/");
  if (DEBIAN_REGISTRY_SOURCES.test(raw)) return raw.replace(DEBIAN_REGISTRY_SOURCES, "[registry]/");
  if (VENDORED_SOURCES.test(raw)) return raw.replace(VENDORED_SOURCES, "[vendor]/");
  if (GIT_SOURCES.test(raw)) return raw.replace(GIT_SOURCES, "[git]/$1/");
  const root = options.workspaceRoot.replace(/\/+$/, "");
  if (root !== "" && raw.startsWith(`${root}/`)) return raw.slice(root.length + 1);
  return raw;
}
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
function normaliseProfile(parsed, options) {
  return withProfiles(normaliseColumns(parsed, options));
}
function normaliseColumns(parsed, options) {
  const pathOf = oncePerPath((raw) => normalisePath(raw, options));
  if (isUndecoded(parsed)) {
    const { nameBytes, nameStarts, nameHashes } = parsed.functions;
    const parsedNames = new EncodedNames(nameBytes, nameStarts, nameHashes);
    const changed2 = parsed.calls === void 0 ? changedNames(parsedNames) : void 0;
    const names = changed2 === void 0 ? void 0 : parsedNames.replacing(changed2);
    if (names !== void 0) return namedAsParsed(parsed, names, pathOf);
  }
  return aggregate(
    isUndecoded(parsed) ? withDecodedNames(parsed) : parsed,
    normaliseName,
    pathOf,
    oncePerPath((raw) => isOwnFile(raw, options))
  );
}
function namedAsParsed(parsed, names, pathOf) {
  const { files, lines: lines2, counts } = parsed.functions;
  return columnsOf(parsed, names, files.map(pathOf), lines2, counts);
}
function columnsOf({ events, totals: totals2 }, names, files, lines2, counts) {
  return {
    events,
    totals: countsByEvent(events, totals2),
    functions: new FunctionColumns(events, names, files, lines2, counts, true)
  };
}
function changedNames(names) {
  if (!names.isAscii) return void 0;
  const changed2 = /* @__PURE__ */ new Map();
  const most = names.length / MOST_CHANGED_NAMES;
  const tried = (index) => {
    if (changed2.has(index)) return true;
    const name = names.name(index);
    const normalised = normaliseName(name);
    if (normalised !== name) changed2.set(index, normalised);
    return changed2.size <= most;
  };
  const { bytes } = names;
  for (const telltale of [AT_SIGN, LLVM_INFIX]) {
    for (let at = bytes.indexOf(telltale); at !== -1; at = bytes.indexOf(telltale, at + 1)) {
      if (!tried(names.indexAt(at))) return void 0;
    }
  }
  for (let at = bytes.indexOf(OPEN_BRACKET); at !== -1; at = bytes.indexOf(OPEN_BRACKET, at + 1)) {
    if (isIdentifierCode(bytes[at - 1]) && isLowerHexCode(bytes[at + 1])) {
      if (!tried(names.indexAt(at))) return void 0;
    }
  }
  const { starts } = names;
  for (let index = 1; index < starts.length; index++) {
    const end = starts[index] - 1;
    const length = end - starts[index - 1];
    const hashAt = length >= 17 && bytes[end - 17] === LOWER_H || length >= 18 && bytes[end - 18] === LOWER_H;
    if (hashAt && !tried(index - 1)) return void 0;
  }
  return changed2;
}
var MOST_CHANGED_NAMES = 16;
var AT_SIGN = 64;
var OPEN_BRACKET = 91;
var LOWER_H = 104;
var LLVM_INFIX = Buffer4.from(".llvm.");
function rawProfile(parsed) {
  const asWritten = (raw) => raw;
  return withProfiles(aggregate(parsed, asWritten, asWritten, () => false));
}
var FunctionColumns = class {
  constructor(events, names, files, lines2, counts, distinctNames = false) {
    this.events = events;
    this.files = files;
    this.lines = lines2;
    this.counts = counts;
    this.distinctNames = distinctNames;
    this.#names = names;
    this.length = names.length;
  }
  events;
  files;
  lines;
  counts;
  distinctNames;
  #names;
  length;
  #decodedNames;
  /** Every name, as strings; names kept as bytes are all decoded (once) when first asked for. */
  get names() {
    const names = this.#names;
    if (!(names instanceof EncodedNames)) return names;
    this.#decodedNames ??= names.all();
    return this.#decodedNames;
  }
  /** The names as bytes, where they are kept so: a reader can compare them without decoding. */
  get encodedNames() {
    return this.#names instanceof EncodedNames ? this.#names : void 0;
  }
  name(index) {
    const names = this.#names;
    return names instanceof EncodedNames ? names.name(index) : names[index];
  }
  file(index) {
    return this.files[index];
  }
  line(index) {
    return this.lines[index];
  }
  countsOf(event) {
    const width = this.events.length;
    const offset = this.events.indexOf(event);
    if (offset === -1) return new Float64Array(this.length);
    if (width === 1) return this.counts;
    const column = new Float64Array(this.length);
    for (let index = 0; index < column.length; index++) {
      column[index] = this.counts[index * width + offset];
    }
    return column;
  }
  /** Function `index` as an object of its own. */
  profile(index) {
    const byEvent = {};
    const width = this.events.length;
    for (let event = 0; event < width; event++) {
      byEvent[this.events[event]] = this.counts[index * width + event];
    }
    return {
      name: this.name(index),
      file: this.file(index),
      line: this.line(index),
      counts: byEvent
    };
  }
};
function oncePerPath(of) {
  const results = /* @__PURE__ */ new Map();
  let lastRaw;
  let lastResult;
  return (raw) => {
    if (raw !== lastRaw) {
      lastRaw = raw;
      lastResult = results.get(raw);
      if (lastResult === void 0 && !results.has(raw)) {
        lastResult = of(raw);
        results.set(raw, lastResult);
      }
    }
    return lastResult;
  };
}
function aggregate(parsed, nameOf, pathOf, isOwn) {
  const { events } = parsed;
  const parsedFunctions = parsed.functions;
  const width = events.length;
  const parsedNames = parsedFunctions.names.map(nameOf);
  const meetingNames = /* @__PURE__ */ new Set();
  parsedNames.forEach((name, index) => {
    if (name !== parsedFunctions.names[index]) meetingNames.add(name);
  });
  const mergeable = /* @__PURE__ */ new Map();
  const names = [];
  const files = [];
  const lines2 = new Float64Array(parsedFunctions.length);
  const counts = new Float64Array(parsedFunctions.length * width);
  const indexOf = new Uint32Array(parsedFunctions.length);
  for (let parsedIndex = 0; parsedIndex < parsedFunctions.length; parsedIndex++) {
    const name = parsedNames[parsedIndex];
    const file = parsedFunctions.files[parsedIndex];
    const parsedCounts = parsedIndex * width;
    const existing = meetingNames.size === 0 ? void 0 : mergeable.get(name);
    indexOf[parsedIndex] = existing?.index ?? names.length;
    if (existing === void 0) {
      const index2 = names.length;
      names.push(name);
      files.push(pathOf(file));
      lines2[index2] = parsedFunctions.lines[parsedIndex];
      for (let event = 0; event < width; event++) {
        counts[index2 * width + event] = parsedFunctions.counts[parsedCounts + event];
      }
      if (meetingNames.size > 0 && meetingNames.has(name)) {
        const locationCount = parsedFunctions.counts[parsedCounts] ?? 0;
        mergeable.set(name, { index: index2, locationCount, locationOwned: isOwn(file) });
      }
      continue;
    }
    const { index } = existing;
    for (let event = 0; event < width; event++) {
      counts[index * width + event] += parsedFunctions.counts[parsedCounts + event];
    }
    const primary = parsedFunctions.counts[parsedCounts] ?? 0;
    const owned = isOwn(file);
    if (owned && !existing.locationOwned || owned === existing.locationOwned && primary > existing.locationCount) {
      files[index] = pathOf(file);
      lines2[index] = parsedFunctions.lines[parsedIndex];
      existing.locationCount = primary;
      existing.locationOwned = owned;
    }
  }
  const length = names.length;
  const columns = columnsOf(
    parsed,
    names,
    files,
    lines2.subarray(0, length),
    counts.subarray(0, length * width)
  );
  if (parsed.calls !== void 0) columns.calls = mergedCalls(parsed.calls, indexOf, length, width);
  return columns;
}
function mergedCalls(calls, indexOf, functions, width) {
  const edgeOf = /* @__PURE__ */ new Map();
  const callers = [];
  const callees2 = [];
  const counts = [];
  const callCounts = [];
  for (let edge = 0; edge < calls.length; edge++) {
    const caller = indexOf[calls.callers[edge]];
    const callee = indexOf[calls.callees[edge]];
    const key = caller * functions + callee;
    let merged = edgeOf.get(key);
    if (merged === void 0) {
      merged = callers.length;
      edgeOf.set(key, merged);
      callers.push(caller);
      callees2.push(callee);
      callCounts.push(0);
      for (let event = 0; event < width; event++) counts.push(0);
    }
    callCounts[merged] += calls.calls[edge];
    for (let event = 0; event < width; event++) {
      counts[merged * width + event] += calls.counts[edge * width + event];
    }
  }
  return {
    length: callers.length,
    callers: Uint32Array.from(callers),
    callees: Uint32Array.from(callees2),
    calls: Float64Array.from(callCounts),
    counts: Float64Array.from(counts)
  };
}
function namedCalls(calls, functions) {
  const width = functions.events.length;
  return Array.from({ length: calls.length }, (_, edge) => ({
    caller: functions.name(calls.callers[edge]),
    callee: functions.name(calls.callees[edge]),
    calls: calls.calls[edge],
    inclusive: calls.counts[edge * width]
  }));
}
function withCalls(profile, calls) {
  const primary = profile.events[0] ?? "";
  const inclusive = inclusiveCosts(
    profile.functions.map((fn) => ({ name: fn.name, self: fn.counts[primary] ?? 0 })),
    calls,
    profile.totals[primary] ?? 0
  );
  const functions = profile.functions.map((fn) => ({ ...fn, inclusive: inclusive.get(fn.name) }));
  return { ...profile, functions, calls: calls.sort(byCallerAndCallee(functions)) };
}
function byCallerAndCallee(functions) {
  const position = new Map(functions.map((fn, index) => [fn.name, index]));
  const of = (name) => position.get(name) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => of(a.caller) - of(b.caller) || of(a.callee) - of(b.callee);
}
function withProfiles({ events, totals: totals2, functions, calls }) {
  const profiles = new Array(functions.length);
  for (let index = 0; index < functions.length; index++) profiles[index] = functions.profile(index);
  const sorted = sortedByCount({ events, totals: totals2, functions: profiles });
  return calls === void 0 ? sorted : withCalls(sorted, namedCalls(calls, functions));
}
function sortedByCount(profile) {
  const primary = profile.events[0];
  const countOf2 = (fn) => primary === void 0 ? 0 : fn.counts[primary] ?? 0;
  profile.functions.sort(
    (a, b) => countOf2(b) - countOf2(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
  return profile;
}
function countsByEvent(events, values) {
  const byEvent = {};
  for (let index = 0; index < events.length; index++) byEvent[events[index]] = values[index];
  return byEvent;
}

// src/profile/history.ts
function historyEntry(profile) {
  const totals2 = {};
  for (const benchmark of profile.benchmarks) {
    const total = benchmark.totals[HISTORY_EVENT];
    if (total !== void 0) totals2[benchmark.name] = total;
  }
  return {
    ...profile.commit === void 0 ? {} : { commit: profile.commit },
    createdAt: profile.createdAt,
    totals: totals2
  };
}
function withHistory(profile, previous) {
  if (previous === void 0) return profile;
  const earlier = previous.history ?? [];
  const sameCommit = previous.commit !== void 0 && previous.commit === profile.commit;
  const history = sameCommit ? earlier : [...earlier, historyEntry(previous)];
  return { ...profile, history: history.slice(-HISTORY_LENGTH) };
}
function benchmarkTrend(history, name) {
  return (history ?? []).flatMap((entry) => {
    const total = entry.totals[name];
    return total === void 0 ? [] : [total];
  });
}

// src/system/text-order.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/compare/change.ts
var FRACTION_SCALE = 1000000000000n;
function benchmarkStatus(base, head, threshold) {
  if (base === null) return "added";
  if (head === null) return "removed";
  const delta = head - base;
  if (exceedsFraction(delta, base, threshold)) return "regressed";
  if (exceedsFraction(-delta, base, threshold)) return "improved";
  return "unchanged";
}
function exceedsFraction(amount, whole, fraction) {
  return BigInt(amount) * FRACTION_SCALE > scaledFraction(fraction) * BigInt(whole);
}
function reachesFraction(amount, whole, fraction) {
  return BigInt(amount) * FRACTION_SCALE >= scaledFraction(fraction) * BigInt(whole);
}
function scaledFraction(fraction) {
  return BigInt(Math.round(fraction * Number(FRACTION_SCALE)));
}
function percentChange(base, head) {
  if (base === null || head === null || base === 0) return null;
  return Math.round((head - base) / base * 1e6) / 1e4;
}

// src/compare/allocations.ts
function compareAllocations(base, head, threshold) {
  if (base === void 0 && head === void 0) return void 0;
  if (base !== void 0 && base.allocations === void 0) return void 0;
  if (head !== void 0 && head.allocations === void 0) return void 0;
  const before = base?.allocations;
  const after = head?.allocations;
  const baseCount = before === void 0 ? null : before.allocations;
  const headCount = after === void 0 ? null : after.allocations;
  return {
    status: benchmarkStatus(baseCount, headCount, threshold),
    base: before === void 0 ? null : totals(before),
    head: after === void 0 ? null : totals(after),
    change: percentChange(baseCount, headCount),
    sites: siteChanges(before?.sites ?? [], after?.sites ?? [])
  };
}
function totals(profile) {
  return { allocations: profile.allocations, bytes: profile.bytes, peakBytes: profile.peakBytes };
}
var NONE = { allocations: 0, bytes: 0 };
function siteChanges(base, head) {
  const pairs = /* @__PURE__ */ new Map();
  for (const site of base) pairs.set(siteKey(site), { base: site });
  const unmatchedHead = [];
  for (const site of head) {
    const pair = pairs.get(siteKey(site));
    if (pair === void 0) unmatchedHead.push(site);
    else pair.head = site;
  }
  const unmatchedBase = [...pairs.values()].filter((pair) => pair.head === void 0);
  const changes = [];
  for (const site of unmatchedHead) {
    const moved = unmatchedBase.find(
      (pair) => pair.base !== void 0 && pair.base.function === site.function && pair.base.file === site.file && pair.base.allocations === site.allocations && pair.base.bytes === site.bytes
    );
    if (moved === void 0) changes.push(siteChange(void 0, site));
    else moved.head = site;
  }
  for (const pair of pairs.values()) changes.push(siteChange(pair.base, pair.head));
  return changes.filter(changed).sort(byMagnitude);
}
function changed(change) {
  return change.base.allocations !== change.head.allocations || change.base.bytes !== change.head.bytes;
}
function siteChange(base, head) {
  const located = head ?? base;
  return {
    function: located.function,
    file: located.file,
    line: located.line,
    base: base === void 0 ? NONE : { allocations: base.allocations, bytes: base.bytes },
    head: head === void 0 ? NONE : { allocations: head.allocations, bytes: head.bytes }
  };
}
function byMagnitude(a, b) {
  const count = (change) => Math.abs(change.head.allocations - change.base.allocations);
  const bytes = (change) => Math.abs(change.head.bytes - change.base.bytes);
  return count(b) - count(a) || bytes(b) - bytes(a) || compareText(a.function, b.function) || compareText(a.file, b.file) || a.line - b.line;
}

// src/compare/call-context.ts
function callGraphSide(benchmark, table, event, total) {
  const { calls } = benchmark;
  if (calls === void 0 || benchmark.events[0] !== event) return void 0;
  const counts = table.countsOf(event);
  const functions = Array.from({ length: table.length }, (_, index) => ({
    name: table.name(index),
    self: counts[index]
  }));
  const files = /* @__PURE__ */ new Map();
  for (let index = 0; index < table.length; index++) {
    if (!files.has(table.name(index))) files.set(table.name(index), table.file(index));
  }
  const callers = /* @__PURE__ */ new Map();
  for (const call of calls) {
    if (call.caller === call.callee) continue;
    const into = callers.get(call.callee);
    if (into) into.push(call);
    else callers.set(call.callee, [call]);
  }
  return {
    inclusive: inclusiveCosts(functions, calls, total),
    files,
    callers,
    countsAreOwn: benchmark.id === void 0
  };
}
function addCallContext(changes, benchmark, base, head) {
  if (base === void 0 || head === void 0 || base === null && head === null) return;
  const detailed = benchmark.status === "regressed" || benchmark.status === "improved";
  for (const change of changes) {
    change.inclusive = {
      base: base?.inclusive.get(change.name) ?? 0,
      head: head?.inclusive.get(change.name) ?? 0
    };
    if (!detailed || !change.significant) continue;
    const side = head?.inclusive.has(change.name) ? head : base;
    if (side?.inclusive.has(change.name)) {
      change.callPath = callPath(side, change.name, benchmark.name);
    }
    const growth = base?.countsAreOwn && head?.countsAreOwn && change.delta > 0 ? callGrowth(base, head, change.name) : void 0;
    if (growth !== void 0) change.calledMoreBy = growth;
  }
}
function callPath(graph, name, benchmark) {
  const above = [];
  const seen = /* @__PURE__ */ new Set([name]);
  let current = name;
  for (; ; ) {
    const heaviest = (graph.callers.get(current) ?? []).filter((call) => !seen.has(call.caller)).sort(byWeight)[0];
    if (heaviest === void 0) break;
    seen.add(heaviest.caller);
    above.push(heaviest.caller);
    current = heaviest.caller;
  }
  const own = above.reverse().filter((caller) => isOwnFile2(graph.files.get(caller) ?? "???"));
  return [benchmark, ...own, name];
}
function byWeight(a, b) {
  return b.inclusive - a.inclusive || b.calls - a.calls || compareText(a.caller, b.caller);
}
function isOwnFile2(file) {
  return !(file === "???" || file.startsWith("/") || file.startsWith("./") || file.startsWith("["));
}
function callGrowth(base, head, name) {
  const before = callsByCaller(base, name);
  const after = callsByCaller(head, name);
  const sum = (calls) => [...calls.values()].reduce((a, b) => a + b, 0);
  if (sum(after) <= sum(before)) return void 0;
  let best;
  for (const [caller, calls] of after) {
    const growth = calls - (before.get(caller) ?? 0);
    const bestGrowth = best === void 0 ? 0 : best.head - best.base;
    if (growth > bestGrowth || growth === bestGrowth && best && compareText(caller, best.caller) < 0) {
      best = { caller, base: before.get(caller) ?? 0, head: calls };
    }
  }
  return best;
}
function callsByCaller(graph, name) {
  const calls = /* @__PURE__ */ new Map();
  for (const call of graph.callers.get(name) ?? []) {
    calls.set(call.caller, (calls.get(call.caller) ?? 0) + call.calls);
  }
  return calls;
}

// src/compare/comparison.ts
var COMPARISON_VERSION = 2;
var BENCHMARK_STATUSES = [
  "regressed",
  "improved",
  "unchanged",
  "added",
  "removed"
];
var FUNCTION_STATUSES = [...BENCHMARK_STATUSES, "noisy"];
var ALLOCATION_BUDGET_KEYS = ["max-allocations", "max-allocated-bytes"];
var BUDGET_METRICS = ["allocations", "bytes"];
function benchmarkFails(benchmark) {
  if (benchmark.ignored) return false;
  return benchmark.status === "regressed" || benchmark.allocations?.status === "regressed" || (benchmark.overBudget?.length ?? 0) > 0;
}

// src/compare/compare.ts
var DEFAULT_ALLOCATION_THRESHOLD = 0.01;
var PREFERRED_EVENT = "Ir";
var MOVE_TOLERANCE = 0.05;
function compareProfiles(base, head, options) {
  const event = primaryEvent(base, head);
  const headByName = new Map(head.benchmarks.map((benchmark) => [benchmark.name, benchmark]));
  const baseNames = new Set(base.benchmarks.map((benchmark) => benchmark.name));
  const withTrend = (benchmark) => {
    const trend = benchmarkTrend(base.history, benchmark.name);
    return trend.length === 0 || benchmark.base === null ? benchmark : { ...benchmark, trend };
  };
  const benchmarks = groupedByTarget([
    ...base.benchmarks.map(
      (benchmark) => withTrend(compareBenchmark(benchmark, headByName.get(benchmark.name), event, options))
    ),
    ...head.benchmarks.filter((benchmark) => !baseNames.has(benchmark.name)).map((benchmark) => compareBenchmark(void 0, benchmark, event, options))
  ]);
  const comparesAllocations = benchmarks.some((benchmark) => benchmark.allocations !== void 0);
  const unmeasured = allocationsUnmeasured(base, head);
  return {
    version: COMPARISON_VERSION,
    regressed: benchmarks.some(benchmarkFails),
    event,
    threshold: options.threshold,
    functionThreshold: options.functionThreshold,
    ...comparesAllocations ? { allocationThreshold: allocationThreshold(options) } : {},
    ...unmeasured === void 0 ? {} : { allocationsUnmeasured: unmeasured },
    base: profileSide(base),
    head: profileSide(head),
    fingerprintDifferences: fingerprintDifferences(base.fingerprint, head.fingerprint),
    ...options.limits?.entries.length ? { limits: options.limits.source } : {},
    ...head.shard === void 0 ? {} : { shard: head.shard },
    benchmarks
  };
}
function allocationsUnmeasured(base, head) {
  const measured = (document) => document.benchmarks.some((benchmark) => benchmark.allocations !== void 0);
  if (measured(base) === measured(head)) return void 0;
  return measured(base) ? "head" : "base";
}
function allocationThreshold(options) {
  return options.allocationThreshold ?? DEFAULT_ALLOCATION_THRESHOLD;
}
function primaryEvent(base, head) {
  const all = [...base.benchmarks, ...head.benchmarks];
  const first = all[0];
  if (!first) return PREFERRED_EVENT;
  const shared = first.events.filter(
    (event) => all.every((benchmark) => benchmark.events.includes(event))
  );
  if (shared.includes(PREFERRED_EVENT)) return PREFERRED_EVENT;
  const fallback = shared[0];
  if (fallback === void 0) {
    throw new InputError(
      "The two profiles have no valgrind event in common, so their counts cannot be compared.",
      "Measure both with the same valgrind tool and options (rust-perf measure records `Ir`, instructions)."
    );
  }
  return fallback;
}
function profileSide(profile) {
  return profile.commit === void 0 ? { fingerprint: profile.fingerprint } : { commit: profile.commit, fingerprint: profile.fingerprint };
}
var UNKNOWN = "unknown";
function fingerprintDifferences(base, head) {
  if (isRawInput(base) || isRawInput(head)) return [];
  const differences = [];
  for (const field of COMPARABLE_FINGERPRINT_FIELDS) {
    const baseValue = fingerprintValue(base, field);
    const headValue = fingerprintValue(head, field);
    if (baseValue === UNKNOWN || headValue === UNKNOWN || baseValue === headValue) continue;
    differences.push({ field, base: baseValue, head: headValue });
  }
  return differences;
}
function isRawInput(fingerprint) {
  return [fingerprint.valgrind, fingerprint.rustc, fingerprint.target].every(
    (value) => value === UNKNOWN
  );
}
function fingerprintValue(fingerprint, field) {
  const value = fingerprint[field] ?? [];
  return Array.isArray(value) ? value.join(" ") : value;
}
function groupedByTarget(benchmarks) {
  const byTarget = /* @__PURE__ */ new Map();
  for (const benchmark of benchmarks) {
    const group = byTarget.get(benchmark.target);
    if (group) group.push(benchmark);
    else byTarget.set(benchmark.target, [benchmark]);
  }
  return [...byTarget.values()].flat();
}
function compareBenchmark(base, head, event, options) {
  const { name, target, id, harness } = head ?? base;
  const baseTotal = base ? countOf(base.totals, event) ?? 0 : null;
  const headTotal = head ? countOf(head.totals, event) ?? 0 : null;
  const limits = limitsFor(options.limits, name);
  const baseTable = functionTable(base?.functions ?? []);
  const headTable = functionTable(head?.functions ?? []);
  const overInstructions = head ? exceededBudgets(headTable, headTotal, event, limits) : [];
  const overAllocations = head ? exceededAllocationBudgets(head, limits) : [];
  const overBudget = [...overInstructions, ...overAllocations];
  const byThreshold = benchmarkStatus(baseTotal, headTotal, limits.threshold ?? options.threshold);
  const status = overInstructions.length > 0 && baseTotal !== null ? "regressed" : byThreshold;
  const reference = baseTotal ?? headTotal ?? 0;
  const noisy = /* @__PURE__ */ new Set([...base?.nondeterministic ?? [], ...head?.nondeterministic ?? []]);
  const functions = new FunctionPairs(baseTable, headTable, event).changes(
    noisy,
    reference,
    options.functionThreshold
  );
  if (status === "unchanged") markMoves(functions, reference, options.functionThreshold);
  if (functions.length > 0) {
    addCallContext(
      functions,
      { name, status },
      base ? callGraphSide(base, baseTable, event, baseTotal) : null,
      head ? callGraphSide(head, headTable, event, headTotal) : null
    );
  }
  const allocations = withAllocationBudgets(
    compareAllocations(base, head, limits.allocationThreshold ?? allocationThreshold(options)),
    overAllocations.length > 0
  );
  const unchecked = head === void 0 ? [] : uncheckedBudgets(head, limits);
  return {
    name,
    target,
    ...id === void 0 ? {} : { id },
    harness,
    status,
    base: baseTotal,
    head: headTotal,
    change: percentChange(baseTotal, headTotal),
    otherEvents: otherEvents(base, head, event),
    functions,
    ...allocations === void 0 ? {} : { allocations },
    ...limits.threshold === void 0 ? {} : { threshold: limits.threshold },
    ...limits.allocationThreshold === void 0 ? {} : { allocationThreshold: limits.allocationThreshold },
    ...limits.ignore ? { ignored: true } : {},
    ...overBudget.length > 0 ? { overBudget } : {},
    ...unchecked.length > 0 ? { uncheckedBudgets: unchecked } : {}
  };
}
function exceededAllocationBudgets(head, limits) {
  const measured = head.allocations;
  if (measured === void 0) return [];
  const budgets = [
    ["allocations", limits.maxAllocations, measured.allocations],
    ["bytes", limits.maxAllocatedBytes, measured.bytes]
  ];
  return budgets.flatMap(
    ([metric, limit, count]) => limit !== void 0 && count > limit ? [{ metric, limit, count }] : []
  );
}
function uncheckedBudgets(head, limits) {
  if (head.allocations !== void 0) return [];
  const set = {
    "max-allocations": limits.maxAllocations,
    "max-allocated-bytes": limits.maxAllocatedBytes
  };
  return ALLOCATION_BUDGET_KEYS.filter((key) => set[key] !== void 0);
}
function withAllocationBudgets(allocations, overBudget) {
  if (allocations === void 0 || !overBudget || allocations.base === null) return allocations;
  return { ...allocations, status: "regressed" };
}
function exceededBudgets(table, total, event, limits) {
  const exceeded = [];
  if (limits.maxInstructions !== void 0 && total > limits.maxInstructions) {
    exceeded.push({ limit: limits.maxInstructions, count: total });
  }
  if (limits.functionBudgets.length === 0) return exceeded;
  const counts = table.countsOf(event);
  for (let index = 0; index < table.length; index++) {
    const name = table.name(index);
    const budget = limits.functionBudgets.findLast((candidate) => candidate.matches(name));
    if (budget !== void 0 && counts[index] > budget.maxInstructions) {
      exceeded.push({ function: name, limit: budget.maxInstructions, count: counts[index] });
    }
  }
  return exceeded;
}
function otherEvents(base, head, primary) {
  const events = [...base?.events ?? [], ...head?.events ?? []].filter(
    (event, index, all) => event !== primary && all.indexOf(event) === index
  );
  return Object.fromEntries(
    events.map((event) => [
      event,
      {
        base: base ? countOf(base.totals, event) ?? null : null,
        head: head ? countOf(head.totals, event) ?? null : null
      }
    ])
  );
}
function functionTable(functions) {
  if (!Array.isArray(functions)) return functions;
  return {
    length: functions.length,
    name: (index) => functions[index].name,
    file: (index) => functions[index].file,
    line: (index) => functions[index].line,
    countsOf: (event) => functions.map((fn) => countOf(fn.counts, event) ?? 0)
  };
}
var NONE2 = -1;
var LOOKAHEAD = 8;
var FunctionPairs = class {
  #slotByName = /* @__PURE__ */ new Map();
  #slots = 0;
  #base;
  #head;
  constructor(base, head, event) {
    const baseSlots = new Int32Array(base.length).fill(NONE2);
    const headSlots = new Int32Array(head.length).fill(NONE2);
    if (base.distinctNames && head.distinctNames) {
      this.#pairInOrder(base, head, baseSlots, headSlots);
    }
    this.#lookUp(base, baseSlots);
    this.#lookUp(head, headSlots);
    this.#base = sideBySlot(base, baseSlots, event, this.#slots);
    this.#head = sideBySlot(head, headSlots, event, this.#slots);
  }
  /**
   * Gives a slot to each head function whose name is that of one of the next `LOOKAHEAD` base
   * functions after the last one paired so, and to that base function. Only for sides whose
   * names are distinct, and only for a name that pairs as itself (not `???`, not an address,
   * which pair as one).
   */
  #pairInOrder(base, head, baseSlots, headSlots) {
    const partners = partnersInOrder(base, head);
    for (let index = 0; index < partners.length; index++) {
      const partner = partners[index];
      if (partner === NONE2) continue;
      const slot = this.#slots++;
      baseSlots[partner] = slot;
      headSlots[index] = slot;
    }
  }
  /** Gives every function of `table` not yet in a slot the slot of its name. */
  #lookUp(table, slots) {
    for (let index = 0; index < table.length; index++) {
      if (slots[index] !== NONE2) continue;
      const name = pairingName(table.name(index));
      let slot = this.#slotByName.get(name);
      if (slot === void 0) {
        slot = this.#slots++;
        this.#slotByName.set(name, slot);
      }
      slots[index] = slot;
    }
  }
  /** Every function whose count differs between the sides, largest change first. */
  changes(noisy, reference, functionThreshold) {
    const changes = [];
    for (let slot = 0; slot < this.#slots; slot++) {
      const baseCount = this.#base.counts[slot];
      const headCount = this.#head.counts[slot];
      const delta = headCount - baseCount;
      if (delta === 0) continue;
      const before = this.#base.locations[slot];
      const after = this.#head.locations[slot];
      const [table, index] = after === NONE2 ? [this.#base.table, before] : [this.#head.table, after];
      const name = pairingName(table.name(index));
      const deterministic = !noisy.has(name);
      const significant = deterministic && reachesFraction(Math.abs(delta), reference, functionThreshold);
      changes.push({
        name,
        file: table.file(index),
        line: table.line(index),
        base: baseCount,
        head: headCount,
        delta,
        change: percentChange(baseCount, headCount),
        status: functionStatus(before !== NONE2, after !== NONE2, deterministic, significant, delta),
        significant
      });
    }
    return changes.sort(byMagnitude2);
  }
};
function partnersInOrder(base, head) {
  const baseNames = base instanceof FunctionColumns ? base.encodedNames : void 0;
  const headNames = head instanceof FunctionColumns ? head.encodedNames : void 0;
  if (baseNames !== void 0 && headNames !== void 0) {
    return headNames.partnersInOrder(baseNames, LOOKAHEAD, [ADDRESS_PREFIX, UNNAMED]);
  }
  const partners = new Int32Array(head.length).fill(NONE2);
  let next = 0;
  for (let index = 0; index < partners.length; index++) {
    const name = head.name(index);
    if (name === UNNAMED || pairingName(name) !== name) continue;
    const end = Math.min(base.length, next + LOOKAHEAD);
    for (let candidate = next; candidate < end; candidate++) {
      if (base.name(candidate) !== name) continue;
      partners[index] = candidate;
      next = candidate + 1;
      break;
    }
  }
  return partners;
}
function sideBySlot(table, slotOf, event, slots) {
  const side = {
    table,
    counts: new Float64Array(slots),
    locations: new Int32Array(slots).fill(NONE2)
  };
  const counts = table.countsOf(event);
  for (let index = 0; index < table.length; index++) {
    const slot = slotOf[index];
    const count = counts[index];
    if (side.locations[slot] === NONE2 || count > side.counts[slot]) side.locations[slot] = index;
    side.counts[slot] += count;
  }
  return side;
}
function functionStatus(inBase, inHead, deterministic, significant, delta) {
  if (!deterministic) return "noisy";
  if (!inBase) return "added";
  if (!inHead) return "removed";
  if (!significant) return "unchanged";
  return delta > 0 ? "regressed" : "improved";
}
var ADDRESS = /^0x[0-9a-f]+$/;
var ADDRESS_PREFIX = "0x";
var UNNAMED = "???";
function pairingName(name) {
  return name.startsWith(ADDRESS_PREFIX) && ADDRESS.test(name) ? UNNAMED : name;
}
function byMagnitude2(a, b) {
  const difference = Math.abs(b.delta) - Math.abs(a.delta);
  if (difference !== 0) return difference;
  return compareText(a.name, b.name);
}
function markMoves(changes, reference, functionThreshold) {
  const significant = changes.filter((change) => change.significant);
  const losses = significant.filter((change) => change.delta < 0).reverse();
  const gains = significant.filter((change) => change.delta > 0).reverse();
  const paired = /* @__PURE__ */ new Set();
  const floor = functionThreshold * reference;
  for (const anchor of significant) {
    if (paired.has(anchor)) continue;
    const size2 = Math.abs(anchor.delta);
    const tolerance = Math.max(size2 * MOVE_TOLERANCE, floor);
    const partner = closestUnpaired(anchor.delta < 0 ? gains : losses, size2, tolerance, paired);
    if (!partner) continue;
    paired.add(anchor);
    paired.add(partner);
    const [from, to] = anchor.delta < 0 ? [anchor, partner] : [partner, anchor];
    from.movedTo = [to.name];
    to.movedFrom = [from.name];
    for (const change of [from, to]) {
      change.significant = false;
      if (change.status === "regressed" || change.status === "improved") {
        change.status = "unchanged";
      }
    }
  }
}
function closestUnpaired(ascending, size2, tolerance, paired) {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = low + high >> 1;
    if (Math.abs(ascending[middle].delta) < size2) low = middle + 1;
    else high = middle;
  }
  let above = low;
  let below = low - 1;
  while (above < ascending.length && paired.has(ascending[above])) above++;
  while (below >= 0 && paired.has(ascending[below])) below--;
  const up = ascending[above];
  const down = ascending[below];
  const upDistance = up ? Math.abs(up.delta) - size2 : Number.POSITIVE_INFINITY;
  const downDistance = down ? size2 - Math.abs(down.delta) : Number.POSITIVE_INFINITY;
  const [best, distance] = upDistance <= downDistance ? [up, upDistance] : [down, downDistance];
  return best && distance <= tolerance ? best : void 0;
}

// src/compare/load-input.ts
import { readFile, stat as stat2 } from "node:fs/promises";
import { basename } from "node:path";

// src/measure/parse-file.ts
import { open } from "node:fs/promises";

// src/measure/callgrind-part.ts
var LINES_PER_FILE = 2 ** 32;
var CallgrindPartBuilder = class {
  #isOwnFile;
  #width;
  #fileIndexByPath = /* @__PURE__ */ new Map();
  #filePaths = [];
  #filesOwn = [];
  #functionIndexByName = /* @__PURE__ */ new Map();
  #names = [];
  /** The file a function was named in, its file when none of its lines has a cost. */
  #namedIn = [];
  /**
   * Per function, the primary-event cost of each of its lines by line key: Callgrind writes
   * a line once per basic block and call context, so one line's cost is spread over several.
   */
  #lineCosts = [];
  #counts = [];
  /** Per caller, the index of its edge to each callee. */
  #edgesFrom = [];
  #callers = [];
  #callees = [];
  #calls = [];
  #edgeCounts = [];
  /** `isOwnFile` is asked once per distinct path of the part. */
  constructor(events, isOwnFile3) {
    this.#width = events;
    this.#isOwnFile = isOwnFile3;
  }
  /** The index of a source file, for `functionIndex` and `addSelfCost`. */
  fileIndex(path) {
    let index = this.#fileIndexByPath.get(path);
    if (index === void 0) {
      index = this.#filePaths.length;
      this.#fileIndexByPath.set(path, index);
      this.#filePaths.push(path);
      this.#filesOwn.push(this.#isOwnFile(path));
    }
    return index;
  }
  /** The index of the function with this name, added with no cost when it is new. */
  functionIndex(name, file) {
    let index = this.#functionIndexByName.get(name);
    if (index === void 0) {
      index = this.#names.length;
      this.#functionIndexByName.set(name, index);
      this.#names.push(name);
      this.#namedIn.push(file);
      this.#lineCosts.push(void 0);
      this.#edgesFrom.push(void 0);
      for (let event = 0; event < this.#width; event++) this.#counts.push(0);
    }
    return index;
  }
  addSelfCost(fn, file, line, costs) {
    const base = fn * this.#width;
    for (let event = 0; event < this.#width; event++) this.#counts[base + event] += costs[event];
    let lines2 = this.#lineCosts[fn];
    if (lines2 === void 0) {
      lines2 = /* @__PURE__ */ new Map();
      this.#lineCosts[fn] = lines2;
    }
    const key = file * LINES_PER_FILE + line;
    lines2.set(key, (lines2.get(key) ?? 0) + costs[0]);
  }
  addCall(caller, callee, calls, costs) {
    let edges = this.#edgesFrom[caller];
    if (edges === void 0) {
      edges = /* @__PURE__ */ new Map();
      this.#edgesFrom[caller] = edges;
    }
    let edge = edges.get(callee);
    if (edge === void 0) {
      edge = this.#callers.length;
      edges.set(callee, edge);
      this.#callers.push(caller);
      this.#callees.push(callee);
      this.#calls.push(0);
      for (let event = 0; event < this.#width; event++) this.#edgeCounts.push(0);
    }
    this.#calls[edge] += calls;
    const base = edge * this.#width;
    for (let event = 0; event < this.#width; event++)
      this.#edgeCounts[base + event] += costs[event];
  }
  /** The self costs of every function added up, per event. */
  selfTotals() {
    const totals2 = new Array(this.#width).fill(0);
    this.#counts.forEach((count, index) => {
      totals2[index % this.#width] += count;
    });
    return totals2;
  }
  /** The largest number among the calls' counts and inclusive costs, to check it is exact. */
  largestCallNumber() {
    let largest = 0;
    for (const count of this.#calls) largest = Math.max(largest, count);
    for (const count of this.#edgeCounts) largest = Math.max(largest, count);
    return largest;
  }
  build(part, trigger, profile) {
    const calls = {
      length: this.#callers.length,
      callers: Uint32Array.from(this.#callers),
      callees: Uint32Array.from(this.#callees),
      calls: Float64Array.from(this.#calls),
      counts: Float64Array.from(this.#edgeCounts)
    };
    return { part, trigger, profile: { ...profile, functions: this.#functions(), calls } };
  }
  #functions() {
    const files = [];
    const lines2 = new Float64Array(this.#names.length);
    this.#names.forEach((_, fn) => {
      const key = this.#bestLine(fn);
      if (key === void 0) {
        files.push(this.#filePaths[this.#namedIn[fn]]);
      } else {
        files.push(this.#filePaths[Math.floor(key / LINES_PER_FILE)]);
        lines2[fn] = key % LINES_PER_FILE;
      }
    });
    return {
      length: this.#names.length,
      names: this.#names,
      files,
      lines: lines2,
      counts: Float64Array.from(this.#counts)
    };
  }
  /**
   * The key of the function's line with the largest primary-event cost among its lines in the
   * user's own files, or among all its lines when none is; the first such line on a tie.
   */
  #bestLine(fn) {
    let best;
    let bestOwn = false;
    let bestCost = -1;
    for (const [key, cost] of this.#lineCosts[fn] ?? []) {
      const own = this.#filesOwn[Math.floor(key / LINES_PER_FILE)];
      if (own && !bestOwn || own === bestOwn && cost > bestCost) {
        best = key;
        bestOwn = own;
        bestCost = cost;
      }
    }
    return best;
  }
};
function mergeParts(parts) {
  const [first, ...others] = parts;
  if (first === void 0) throw new Error("mergeParts: no parts");
  if (others.length === 0) return first.profile;
  const { events, command } = first.profile;
  const width = events.length;
  const indexOf = /* @__PURE__ */ new Map();
  const names = [];
  const files = [];
  const lines2 = [];
  const counts = [];
  const locationCost = [];
  const totals2 = new Array(width).fill(0);
  const calls = [];
  const callOf = /* @__PURE__ */ new Map();
  for (const { profile } of parts) {
    const { functions, calls: edges } = profile;
    profile.totals.forEach((total, event) => {
      totals2[event] += total;
    });
    const merged = functions.names.map((name, fn) => {
      let index = indexOf.get(name);
      if (index === void 0) {
        index = names.length;
        indexOf.set(name, index);
        names.push(name);
        files.push(functions.files[fn]);
        lines2.push(functions.lines[fn]);
        locationCost.push(-1);
        for (let event = 0; event < width; event++) counts.push(0);
      }
      const own = functions.counts[fn * width] ?? 0;
      if (own > locationCost[index]) {
        files[index] = functions.files[fn];
        lines2[index] = functions.lines[fn];
        locationCost[index] = own;
      }
      for (let event = 0; event < width; event++) {
        counts[index * width + event] += functions.counts[fn * width + event];
      }
      return index;
    });
    for (let edge = 0; edge < edges.length; edge++) {
      const caller = merged[edges.callers[edge]];
      const callee = merged[edges.callees[edge]];
      const key = `${caller} ${callee}`;
      let call = callOf.get(key);
      if (call === void 0) {
        call = calls.length;
        callOf.set(key, call);
        calls.push({ caller, callee, calls: 0, counts: new Array(width).fill(0) });
      }
      calls[call].calls += edges.calls[edge];
      for (let event = 0; event < width; event++) {
        calls[call].counts[event] += edges.counts[edge * width + event];
      }
    }
  }
  return {
    command,
    events,
    totals: totals2,
    functions: {
      length: names.length,
      names,
      files,
      lines: Float64Array.from(lines2),
      counts: Float64Array.from(counts)
    },
    calls: {
      length: calls.length,
      callers: Uint32Array.from(calls, (call) => call.caller),
      callees: Uint32Array.from(calls, (call) => call.callee),
      calls: Float64Array.from(calls, (call) => call.calls),
      counts: Float64Array.from(calls.flatMap((call) => call.counts))
    }
  };
}

// src/measure/parse-callgrind.ts
import { Buffer as Buffer5 } from "node:buffer";
var LF2 = 10;
var CR2 = 13;
var SPACE2 = 32;
var TAB2 = 9;
var HASH = 35;
var OPEN = 40;
var CLOSE = 41;
var STAR = 42;
var PLUS = 43;
var MINUS = 45;
var EQUALS2 = 61;
var DIGIT_02 = 48;
var DIGIT_92 = 57;
var LOWER_A = 97;
var LOWER_F2 = 102;
var LOWER_X = 120;
var LOWER_Z = 122;
var LONGEST_KEY = 5;
var LARGEST_LINE2 = 2 ** 32 - 1;
var RECURSION_SUFFIX = /'\d+$/;
var CallgrindParser = class {
  #source;
  #isOwnFile;
  #fileNames = /* @__PURE__ */ new Map();
  #functionNames = /* @__PURE__ */ new Map();
  #objectNames = /* @__PURE__ */ new Map();
  #parts = [];
  #lineNumber = 0;
  /** The bytes of an incomplete last line, waiting for the rest of it. */
  #pending = new PendingLine(() => this.#tooLong());
  #command = "";
  #part;
  /** The number of the last part read; 0 before the first. */
  #lastPart = 0;
  /** The function the next cost line belongs to (-1: none), and the file of its fn= line. */
  #current = -1;
  #functionFile = -1;
  /** The file of the next cost line: the function's, or inlined code's after fi=. */
  #file = -1;
  /** The line of the last self cost line, which relative positions start from. */
  #lastLine = 0;
  #calleeName;
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
  constructor(source, options = {}) {
    this.#source = source;
    const isOwnFile3 = options.isOwnFile;
    this.#isOwnFile = isOwnFile3 === void 0 ? () => false : isOwnFile3;
  }
  write(chunk) {
    const bytes = Buffer5.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const firstNewline = bytes.indexOf(LF2);
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
    for (let newline = bytes.indexOf(LF2, start); newline !== -1; newline = bytes.indexOf(LF2, start)) {
      this.#parseLine(bytes, start, newline);
      start = newline + 1;
    }
    if (start < bytes.length) this.#pending.keep(bytes.subarray(start));
  }
  #tooLong() {
    return new CorruptFileError(
      this.#source,
      this.#lineNumber + 1,
      `a line longer than ${LONGEST_LINE_BYTES / 1024 / 1024} MiB: not Callgrind output`
    );
  }
  /** The parts in file order, each checked against its `summary:` and `totals:` lines. */
  finish() {
    if (!this.#pending.isEmpty) {
      const lastLine = this.#pending.take(Buffer5.alloc(0));
      this.#parseLine(lastLine, 0, lastLine.length);
    }
    if (this.#lineNumber === 0) {
      throw new CorruptFileError(this.#source, void 0, "the file is empty: no Callgrind output");
    }
    if (this.#callee >= 0) {
      throw this.#corrupt("the file ends after a calls= line, without its cost: it is truncated");
    }
    if (this.#part !== void 0) {
      throw this.#corrupt("the file ends without a totals: line: it is truncated");
    }
    if (this.#parts.length === 0) {
      throw this.#corrupt("no part with a totals: line: not Callgrind output");
    }
    return this.#parts;
  }
  /** Parses the line `bytes[start..end)`, `end` being where its line feed is or the file ends. */
  #parseLine(bytes, start, end) {
    this.#lineNumber++;
    if (this.#lineNumber === 1) start = afterByteOrderMark(bytes, start);
    this.#lineStart = start;
    const lineEnd = end > start && bytes[end - 1] === CR2 ? end - 1 : end;
    const first = bytes[start];
    if (this.#callee >= 0 && !isCostLineStart(first)) {
      throw this.#corrupt("a calls= line must be followed by the cost line of the call");
    }
    if (start === lineEnd || first === HASH) return;
    if (isCostLineStart(first)) {
      this.#parseCostLine(bytes, start, lineEnd);
      return;
    }
    const equals = keyEnd(bytes, start, lineEnd);
    if (equals === -1 || !this.#parseSpecification(bytes, start, equals, lineEnd)) {
      this.#parseHeaderLine(bytes.toString("utf8", start, lineEnd));
    }
  }
  /** A `key=value` line; false when the key is not one Callgrind writes. */
  #parseSpecification(bytes, start, equals, end) {
    const key = bytes.toString("latin1", start, equals);
    const value = equals + 1;
    switch (key) {
      case "ob":
      case "cob":
        this.#requireData(`${key}=`);
        this.#name(this.#objectNames, key, bytes, value, end);
        break;
      case "fl":
        this.#startFile(bytes, value, end);
        break;
      case "fi":
      case "fe":
        this.#file = this.#fileIndex(key, bytes, value, end);
        break;
      case "fn":
        this.#startFunction(bytes, value, end);
        break;
      case "cfi":
      case "cfl":
        this.#calleeFile = this.#fileIndex(key, bytes, value, end);
        break;
      case "cfn":
        this.#requireData("cfn=");
        this.#calleeName = this.#functionName(key, bytes, value, end);
        break;
      case "calls":
        this.#startCall(bytes, value, end);
        break;
      case "jfi":
        this.#fileIndex(key, bytes, value, end);
        break;
      case "jfn":
        this.#requireData("jfn=");
        this.#functionName(key, bytes, value, end);
        break;
      case "jump":
      case "jcnd":
        this.#requireFunction(`${key}=`);
        break;
      default:
        return false;
    }
    return true;
  }
  #startFile(bytes, start, end) {
    this.#functionFile = this.#fileIndex("fl", bytes, start, end);
    this.#file = this.#functionFile;
    this.#current = -1;
  }
  #startFunction(bytes, start, end) {
    const builder = this.#requireData("fn=");
    if (this.#functionFile < 0) throw this.#corrupt("an fn= line before any fl= line");
    const name = this.#functionName("fn", bytes, start, end);
    this.#current = builder.functionIndex(name, this.#functionFile);
    this.#file = this.#functionFile;
    this.#lastLine = 0;
    this.#calleeName = void 0;
    this.#calleeFile = -1;
  }
  /** `calls=<count> <target position>`: the callee is the last cfn=, in the last cfi= if any. */
  #startCall(bytes, start, end) {
    const builder = this.#requireFunction("calls=");
    if (this.#calleeName === void 0) {
      throw this.#corrupt("a calls= line without a cfn= line before it");
    }
    this.#at = start;
    this.#skipSpaces(bytes, end);
    this.#callCount = this.#readDecimal(bytes, end);
    this.#readPositions(bytes, end);
    this.#skipSpaces(bytes, end);
    if (this.#at < end) throw this.#malformed(bytes, end);
    const calleeFile = this.#calleeFile < 0 ? this.#file : this.#calleeFile;
    this.#callee = builder.functionIndex(this.#calleeName, calleeFile);
    this.#calleeName = void 0;
    this.#calleeFile = -1;
  }
  /**
   * A self cost line, the inclusive cost of the call on the line before, or (no costs) where
   * a jump is. Only a self cost line moves the position relative ones start from.
   */
  #parseCostLine(bytes, start, end) {
    const builder = this.#requireFunction("cost");
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
  #readPositions(bytes, end) {
    const { count, lineColumn } = this.#part.positions;
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
      } else if (first === DIGIT_02 && bytes[this.#at + 1] === LOWER_X) {
        this.#at += 2;
        this.#skipHexDigits(bytes, end);
      } else if (column === lineColumn) {
        this.#positionLine = this.#readDecimal(bytes, end);
      } else {
        this.#readDecimal(bytes, end);
      }
      if (this.#at < end && bytes[this.#at] !== SPACE2 && bytes[this.#at] !== TAB2) {
        throw this.#malformed(bytes, end);
      }
    }
    if (this.#positionLine < 0 || this.#positionLine > LARGEST_LINE2) {
      const where = this.#positionLine < 0 ? `line ${this.#positionLine}` : `a line beyond ${LARGEST_LINE2}`;
      throw this.#corrupt(`a position at ${where}, which no file has`);
    }
  }
  /** Reads the counts after the position into `#costs`, zero for the events without one. */
  #readCounts(bytes, end) {
    const costs = this.#costs;
    costs.fill(0);
    let event = 0;
    for (; ; ) {
      this.#skipSpaces(bytes, end);
      if (this.#at === end) break;
      if (event === costs.length) {
        throw this.#corrupt(`a cost line with more counts than the ${costs.length} events`);
      }
      costs[event++] = this.#readDecimal(bytes, end);
      if (this.#at < end && bytes[this.#at] !== SPACE2 && bytes[this.#at] !== TAB2) {
        throw this.#malformed(bytes, end);
      }
    }
    this.#costCount = event;
  }
  #readDecimal(bytes, end) {
    const start = this.#at;
    let value = 0;
    for (; this.#at < end; this.#at++) {
      const byte = bytes[this.#at];
      if (byte < DIGIT_02 || byte > DIGIT_92) break;
      value = value * 10 + (byte - DIGIT_02);
    }
    if (this.#at === start) throw this.#malformed(bytes, end);
    return value;
  }
  #skipHexDigits(bytes, end) {
    const start = this.#at;
    while (this.#at < end && isHexDigit(bytes[this.#at])) this.#at++;
    if (this.#at === start) throw this.#malformed(bytes, end);
  }
  #skipSpaces(bytes, end) {
    while (this.#at < end && (bytes[this.#at] === SPACE2 || bytes[this.#at] === TAB2)) this.#at++;
  }
  /**
   * The name a `key=value` line gives: `(id) name` gives the name an id, `(id)` refers back
   * to it, a name without an id stands for itself. A name is decoded once per id: a later
   * definition of the same id (Callgrind repeats them in each part) is not read again.
   */
  #name(names, key, bytes, start, end, normalise = (name) => name) {
    const close = compressedIdEnd(bytes, start, end);
    let nameStart = close === -1 ? start : close + 1;
    while (nameStart < end && (bytes[nameStart] === SPACE2 || bytes[nameStart] === TAB2)) {
      nameStart++;
    }
    if (close === -1) {
      if (nameStart === end) throw this.#corrupt(`${aLine(`${key}=`)} without a name`);
      return normalise(bytes.toString("utf8", nameStart, end));
    }
    const id = Number(bytes.toString("latin1", start + 1, close));
    let name = names.get(id);
    if (name === void 0) {
      if (nameStart === end) {
        throw this.#corrupt(`${key}=(${id}) refers to an id that no line before it defines`);
      }
      name = normalise(bytes.toString("utf8", nameStart, end));
      names.set(id, name);
    }
    return name;
  }
  /** A function's name, without the recursion depth --separate-recs appends to it. */
  #functionName(key, bytes, start, end) {
    return this.#name(this.#functionNames, key, bytes, start, end, withoutRecursionDepth);
  }
  #fileIndex(key, bytes, start, end) {
    const builder = this.#requireData(`${key}=`);
    return builder.fileIndex(this.#name(this.#fileNames, key, bytes, start, end));
  }
  /** Lines without `=`: the file's and the parts' headers, and the `totals:` ending a part. */
  #parseHeaderLine(line) {
    const colon = line.indexOf(":");
    const key = colon === -1 ? line : line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    switch (key) {
      case "version":
        this.#requireHeader("version:");
        if (value !== "1") {
          throw this.#corrupt(`format version ${value}: rust-perf reads version 1 of Callgrind's`);
        }
        return;
      case "creator":
      case "pid":
        this.#requireHeader(`${key}:`);
        return;
      case "cmd":
        this.#requireHeader("cmd:");
        this.#command = value;
        return;
      case "part":
        this.#startPart(value);
        return;
      case "totals":
        this.#finishPart(value);
        return;
      default:
        this.#parsePartHeader(key, value, line);
    }
  }
  #parsePartHeader(key, value, line) {
    if (!["desc", "positions", "events", "event", "summary", "thread"].includes(key)) {
      throw this.#corrupt(`unrecognised line ${excerpt(line)}: not Callgrind output`);
    }
    if (key === "summary" && this.#part?.builder !== void 0) {
      throw this.#corrupt(
        "a summary: line after the data: this is Cachegrind output, not Callgrind",
        "Measure with valgrind --tool=callgrind, or read the file with the Cachegrind parser."
      );
    }
    const part = this.#partHeader(`${key}:`);
    if (key === "desc" && value.startsWith("Trigger:")) {
      part.trigger = value.slice("Trigger:".length).trim();
    } else if (key === "positions") {
      part.positions = this.#positions(value);
    } else if (key === "events") {
      part.events = eventNames(value, (reason) => this.#corrupt(reason));
    } else if (key === "summary") {
      part.summary = this.#countsOfLine("summary:", value, part);
    }
  }
  #startPart(value) {
    if (this.#part !== void 0) {
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
  #openPart(number) {
    this.#part = {
      number,
      trigger: "",
      positions: { count: 1, lineColumn: 0 },
      events: void 0,
      summary: void 0,
      builder: void 0
    };
    this.#lastPart = number;
    this.#current = -1;
    this.#functionFile = -1;
    this.#file = -1;
    this.#lastLine = 0;
    this.#calleeName = void 0;
    this.#calleeFile = -1;
    return this.#part;
  }
  /** Checks the part's costs against its summary: and totals: lines and keeps it. */
  #finishPart(value) {
    const part = this.#part;
    if (part?.events === void 0) {
      throw this.#corrupt("a totals: line outside a part with an events: line");
    }
    const totals2 = this.#countsOfLine("totals:", value, part);
    const builder = part.builder ?? new CallgrindPartBuilder(part.events.length, this.#isOwnFile);
    const counted = builder.selfTotals();
    part.events.forEach((event, index) => {
      if (counted[index] > Number.MAX_SAFE_INTEGER) {
        throw this.#corrupt(`the ${event} counts add up to more than rust-perf can count exactly`);
      }
      for (const [line, expected] of [
        ["summary:", part.summary],
        ["totals:", totals2]
      ]) {
        if (expected !== void 0 && expected[index] !== counted[index]) {
          throw this.#corrupt(
            `${line} says ${expected[index]} ${event} but the self costs add up to ${counted[index]}: the file is truncated or corrupt`
          );
        }
      }
    });
    if (builder.largestCallNumber() > Number.MAX_SAFE_INTEGER) {
      throw this.#corrupt("the calls add up to more than rust-perf can count exactly");
    }
    const profile = { command: this.#command, events: part.events, totals: totals2 };
    this.#parts.push(builder.build(part.number, part.trigger, profile));
    this.#part = void 0;
  }
  /** `positions: line`, `instr line` or `line instr`: which subposition is the line. */
  #positions(value) {
    const names = value.split(/\s+/).filter((name) => name !== "");
    const known = names.every(
      (name, index) => ["instr", "line"].includes(name) && names.indexOf(name) === index
    );
    if (!known) throw this.#corrupt(`positions: ${excerpt(value)} is not a list of instr and line`);
    const lineColumn = names.indexOf("line");
    if (lineColumn === -1) {
      throw this.#corrupt(
        `positions: ${value} gives no source lines`,
        "Run Callgrind with --dump-line=yes, its default."
      );
    }
    return { count: names.length, lineColumn };
  }
  /** A summary: or totals: line's counts, one per event, 0 for the events it leaves out. */
  #countsOfLine(kind, value, part) {
    const events = part.events;
    if (events === void 0) throw this.#corrupt(`${aLine(kind)} before the events: line`);
    const fields = value.split(/\s+/).filter((field) => field !== "");
    if (fields.length === 0 || fields.length > events.length || !fields.every(isCount)) {
      throw this.#corrupt(
        `${kind} ${value} is not a list of at most ${events.length} counts, one per event`
      );
    }
    return events.map((_, index) => Number(fields[index] ?? "0"));
  }
  /** A header line of the whole file comes before the data of the part it is in. */
  #requireHeader(kind) {
    if (this.#part?.builder !== void 0) {
      throw this.#corrupt(`${aLine(kind)} after the data of part ${this.#part.number} began`);
    }
  }
  /** The part a part's header line belongs to; a file without part: lines has one part. */
  #partHeader(kind) {
    this.#requireHeader(kind);
    if (this.#part !== void 0) return this.#part;
    if (this.#lastPart > 0) {
      throw this.#corrupt(`${aLine(kind)} after the totals: line of part ${this.#lastPart}`);
    }
    return this.#openPart(1);
  }
  /** The part's data, which begins with the first data line after its events: line. */
  #requireData(kind) {
    const part = this.#part;
    if (part?.builder !== void 0) return part.builder;
    if (part?.events === void 0) {
      throw this.#corrupt(
        this.#lastPart > 0 && part === void 0 ? `${aLine(kind)} after the totals: line of part ${this.#lastPart}` : `${aLine(kind)} before the events: line: not Callgrind output, or its start is missing`
      );
    }
    part.builder = new CallgrindPartBuilder(part.events.length, this.#isOwnFile);
    this.#costs = new Float64Array(part.events.length);
    return part.builder;
  }
  #requireFunction(kind) {
    const builder = this.#requireData(kind);
    if (this.#current < 0) throw this.#corrupt(`${aLine(kind)} outside a function (no fn= line)`);
    return builder;
  }
  #malformed(bytes, end) {
    const line = bytes.toString("utf8", this.#lineStart, end);
    return this.#corrupt(`malformed line ${excerpt(line)}: expected <position> <count>...`);
  }
  #corrupt(reason, hint) {
    return new CorruptFileError(this.#source, this.#lineNumber, reason, hint);
  }
};
function aLine(kind) {
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} line`;
}
function isCostLineStart(byte) {
  return byte !== void 0 && (byte >= DIGIT_02 && byte <= DIGIT_92 || byte === PLUS || byte === MINUS || byte === STAR);
}
function keyEnd(bytes, start, end) {
  const last = Math.min(end, start + LONGEST_KEY);
  let position = start;
  while (position < last && bytes[position] >= LOWER_A && bytes[position] <= LOWER_Z) position++;
  return position > start && position < end && bytes[position] === EQUALS2 ? position : -1;
}
function compressedIdEnd(bytes, start, end) {
  if (bytes[start] !== OPEN) return -1;
  let position = start + 1;
  while (position < end && bytes[position] >= DIGIT_02 && bytes[position] <= DIGIT_92) position++;
  return position > start + 1 && bytes[position] === CLOSE ? position : -1;
}
function withoutRecursionDepth(name) {
  return name.replace(RECURSION_SUFFIX, "");
}
function isHexDigit(byte) {
  return byte >= DIGIT_02 && byte <= DIGIT_92 || byte >= LOWER_A && byte <= LOWER_F2;
}

// src/measure/parse-file.ts
var CHUNK_BYTES = 1 << 20;
async function parseCachegrindFile(path, options = {}) {
  return (await readCachegrindFile(path, options)).finish();
}
async function readCachegrindFile(path, options) {
  const parser = new CachegrindParser(path, options);
  await readInChunks(path, parser);
  return parser;
}
async function parseCallgrindFile(path, options = {}) {
  const parser = new CallgrindParser(path, options);
  await readInChunks(path, parser);
  return parser.finish();
}
async function parseValgrindFile(path, options = {}) {
  return await isCallgrindFile(path) ? mergeParts(await parseCallgrindFile(path, options)) : parseCachegrindFile(path, options);
}
async function parseValgrindFileUndecoded(path, options = {}) {
  return await isCallgrindFile(path) ? mergeParts(await parseCallgrindFile(path, options)) : (await readCachegrindFile(path, options)).finishUndecoded();
}
async function isCallgrindFile(path) {
  const firstLine = (await readStart(path)).split("\n", 1)[0];
  return CALLGRIND_PREFIXES.some((prefix) => firstLine.startsWith(prefix));
}
async function readStart(path) {
  try {
    const handle = await open(path, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      return buffer.toString("utf8", 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(path, error);
  }
}
async function readInChunks(path, parser) {
  try {
    const file = await open(path, "r");
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
    throw unreadable(path, error);
  }
}
function unreadable(path, error) {
  if (!isSystemError(error)) return error;
  const reasons = {
    ENOENT: "no such file",
    EISDIR: "is a directory, not a file",
    EACCES: "permission denied"
  };
  const reason = reasons[error.code] ?? error.message;
  return new InputError(`cannot read ${path}: ${reason}`);
}
function isSystemError(error) {
  return error instanceof Error && typeof error.code === "string";
}

// src/measure/parse-pool.ts
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// src/measure/parse-transfer.ts
function fromMessage(message) {
  if (!message.ok) throw rebuiltError(message.error);
  const { nameBytes, nameStarts, nameHashes, paths, pathIndexes, lines: lines2, counts } = message;
  const files = new Array(pathIndexes.length);
  for (let index = 0; index < files.length; index++) files[index] = paths[pathIndexes[index]];
  return {
    command: message.command,
    events: message.events,
    totals: message.totals,
    functions: { length: files.length, nameBytes, nameStarts, nameHashes, files, lines: lines2, counts }
  };
}
function rebuiltError(error) {
  switch (error.kind) {
    case "corrupt":
      return new CorruptFileError(error.file, error.lineNumber, error.reason, error.hint);
    case "input":
      return new InputError(error.message, error.hint);
    case "other": {
      const rebuilt = new Error(error.message);
      rebuilt.stack = error.stack;
      return rebuilt;
    }
  }
}

// src/measure/parse-pool.ts
var ParsePool = class {
  #options;
  /** Worker threads parsing now. */
  #workers = 0;
  #hasWorker;
  constructor(options) {
    this.#options = options;
  }
  async parse(path, normalisation) {
    const parsed = await this.parseUndecoded(path, normalisation);
    return isUndecoded(parsed) ? withDecodedNames(parsed) : parsed;
  }
  async parseUndecoded(path, normalisation) {
    if (!await this.#worthAWorker(path) || this.#workers >= this.#options.threads - 1) {
      return parseValgrindFileUndecoded(path, parserOptions(normalisation));
    }
    this.#workers++;
    try {
      const job = { path, workspaceRoot: normalisation.workspaceRoot };
      return fromMessage(await runWorker(this.#options.worker, job));
    } finally {
      this.#workers--;
    }
  }
  async #worthAWorker(path) {
    if (this.#options.threads < 2) return false;
    this.#hasWorker ??= existsSync(fileURLToPath(this.#options.worker));
    if (!this.#hasWorker) return false;
    const size2 = await stat(path).then(
      (stats) => stats.size,
      () => 0
    );
    return size2 >= this.#options.minBytes && !await isCallgrindFile(path);
  }
};
function runWorker(worker, job) {
  return new Promise((resolve14, reject) => {
    const thread = new Worker(worker, { workerData: job });
    thread.once("message", resolve14);
    thread.once("error", reject);
    thread.once("exit", (code2) => {
      reject(new Error(`the parse worker for ${job.path} exited (code ${code2}) without a result`));
    });
  });
}
var parsePool = new ParsePool({
  worker: new URL("./parse-worker.js", import.meta.url),
  threads: availableParallelism(),
  minBytes: 8e6
});

// src/harness.ts
var HARNESSES = ["plain", "criterion", "libtest", "divan", "gungraun"];

// src/inputs/shard.ts
var MAX_SHARDS = 256;
function parseShard(value, what) {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new InputError(
      `${what} must be K/N, shard K of N with 1 <= K <= N <= ${MAX_SHARDS}, not '${value}'`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, shown as written
      "In a matrix: `shard: ${{ matrix.shard }}/4` with `shard: [1, 2, 3, 4]`."
    );
  }
  return { index, count };
}
function shardName({ index, count }) {
  return `${index}/${count}`;
}

// src/system/strict-json.ts
var StrictJsonReader = class {
  constructor(failure) {
    this.failure = failure;
  }
  failure;
  fail(path, problem) {
    throw this.failure(path, problem);
  }
  /** Fails with `rule`, quoting `found` when it is given. */
  refuse(path, rule, ...found) {
    return this.fail(
      path,
      found.length > 0 ? { kind: "rule", rule, found: found[0] } : { kind: "rule", rule }
    );
  }
  /** Checks `test`; fails saying that the field must be `expected` otherwise. */
  expect(value, path, test, expected) {
    if (!test(value)) this.fail(path, { kind: "expected", expected, found: value });
    return value;
  }
  /** An object; with `fields`, exactly the required ones and any of the optional ones. */
  object(value, path, fields) {
    const object = this.expect(value, path, isJsonObject, "an object");
    if (fields !== void 0) {
      const optional = fields.optional ?? [];
      const unknown = unexpectedKey(object, [...fields.required, ...optional]);
      if (unknown !== void 0) {
        this.fail(path, { kind: "unknown-field", key: describeJsonKey(unknown), object });
      }
      const missing = missingKey(object, fields.required);
      if (missing !== void 0) this.fail(path, { kind: "missing", key: missing, object });
    }
    return object;
  }
  array(value, path) {
    return this.expect(value, path, Array.isArray, "an array");
  }
  string(value, path) {
    return this.expect(value, path, (item) => typeof item === "string", "a string");
  }
  boolean(value, path) {
    return this.expect(value, path, (item) => typeof item === "boolean", "true or false");
  }
  /** A whole number that a double holds exactly. */
  integer(value, path, expected = "a whole number") {
    return this.expect(value, path, Number.isSafeInteger, expected);
  }
  oneOf(value, path, allowed, expected = `one of ${allowed.join(", ")}`) {
    return this.expect(
      value,
      path,
      (item) => typeof item === "string" && allowed.includes(item),
      expected
    );
  }
  /** Fails at the second of two equal values; `pathOf` names the value at an index. */
  unique(values, pathOf) {
    const seen = /* @__PURE__ */ new Set();
    values.forEach((value, index) => {
      if (seen.has(value)) this.refuse(pathOf(index), `${describeJsonValue(value)} appears twice`);
      seen.add(value);
    });
  }
};
function parseJson(text, invalid) {
  try {
    return JSON.parse(text.charCodeAt(0) === 65279 ? text.slice(1) : text);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
}
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function unexpectedKey(object, allowed) {
  return Object.keys(object).find((key) => !allowed.includes(key));
}
function missingKey(object, required) {
  return required.find((key) => !Object.hasOwn(object, key));
}
function describeJsonValue(value) {
  if (value === void 0) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  return truncateForMessage(escapeControls(JSON.stringify(value)));
}
function describeJsonKey(key) {
  return /^[A-Za-z_$][\w$-]{0,39}$/.test(key) ? key : describeJsonValue(key);
}
function escapeControls(json) {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function truncateForMessage(text) {
  return text.length > 40 ? `${text.slice(0, 39)}\u2026` : text;
}

// src/profile/document.ts
var DOCUMENT_FIELDS = {
  required: ["version", "tool", "createdAt", "fingerprint", "benchmarks"],
  optional: ["commit", "shard", "history"]
};
var SHARD_FIELDS = { required: ["index", "count"] };
var BENCHMARK_FIELDS = {
  required: [
    "name",
    "target",
    "harness",
    "command",
    "events",
    "totals",
    "nondeterministic",
    "functions"
  ],
  optional: ["id", "calls", "allocations"]
};
var ALLOCATION_FIELDS = { required: ["allocations", "bytes", "peakBytes", "sites"] };
var SITE_FIELDS = { required: ["function", "file", "line", "allocations", "bytes"] };
var FUNCTION_FIELDS = { required: ["name", "file", "line", "counts"], optional: ["inclusive"] };
var HISTORY_FIELDS = { required: ["createdAt", "totals"], optional: ["commit"] };
function parseProfileDocument(text, source) {
  const data = parseJson(
    text,
    (reason) => new CorruptFileError(source, void 0, `not a profile document: invalid JSON (${reason})`)
  );
  const reader = new StrictJsonReader(
    (path, problem) => new CorruptFileError(
      source,
      void 0,
      `not a valid profile document: ${documentProblem(path, problem)}`
    )
  );
  return readDocument(reader, data);
}
function documentProblem(path, problem) {
  const field = (key) => path === "" ? key : `${path}.${key}`;
  const at = path === "" ? "the document" : path;
  switch (problem.kind) {
    case "missing":
      return `${field(problem.key)}: missing`;
    case "unknown-field":
      return `${field(problem.key)}: not a known field`;
    case "expected":
      return `${at}: expected ${problem.expected}, found ${describeJsonValue(problem.found)}`;
    case "rule":
      return `${at}: ${problem.rule}`;
  }
}
function readDocument(reader, data) {
  const fields = reader.object(data, "", DOCUMENT_FIELDS);
  if (fields.version === 1) {
    reader.refuse(
      "version",
      "profile version 1 was written by an earlier rust-perf, which measured each bench target as one whole program: its counts do not compare with per-benchmark counts, so measure this side again with this version of rust-perf"
    );
  }
  if (fields.version !== PROFILE_VERSION) {
    reader.refuse(
      "version",
      `${describeJsonValue(fields.version)} is not a profile version this rust-perf reads (${PROFILE_VERSION}): measure again with this version of rust-perf`
    );
  }
  const benchmarks = reader.array(fields.benchmarks, "benchmarks").map((benchmark, index) => readBenchmark(reader, benchmark, `benchmarks[${index}]`));
  reader.unique(
    benchmarks.map((benchmark) => benchmark.name),
    (index) => `benchmarks[${index}].name`
  );
  const createdAt = reader.expect(
    reader.string(fields.createdAt, "createdAt"),
    "createdAt",
    (value) => !Number.isNaN(Date.parse(value)),
    "a date and time"
  );
  return {
    version: PROFILE_VERSION,
    tool: reader.string(fields.tool, "tool"),
    ...fields.commit === void 0 ? {} : { commit: reader.string(fields.commit, "commit") },
    createdAt,
    fingerprint: readFingerprint(reader, fields.fingerprint, "fingerprint"),
    ...fields.shard === void 0 ? {} : { shard: readShard(reader, fields.shard) },
    ...fields.history === void 0 ? {} : { history: readHistory(reader, fields.history) },
    benchmarks
  };
}
function readHistory(reader, value) {
  const entries = reader.array(value, "history");
  if (entries.length > HISTORY_LENGTH) {
    reader.refuse("history", `expected at most ${HISTORY_LENGTH} entries, found ${entries.length}`);
  }
  return entries.map((entry, index) => {
    const path = `history[${index}]`;
    const fields = reader.object(entry, path, HISTORY_FIELDS);
    const totals2 = reader.object(fields.totals, `${path}.totals`);
    return {
      ...fields.commit === void 0 ? {} : { commit: reader.string(fields.commit, `${path}.commit`) },
      createdAt: reader.string(fields.createdAt, `${path}.createdAt`),
      totals: Object.fromEntries(
        Object.entries(totals2).map(([name, total]) => [
          name,
          readCount(reader, total, `${path}.totals.${name}`)
        ])
      )
    };
  });
}
function readShard(reader, value) {
  const fields = reader.object(value, "shard", SHARD_FIELDS);
  const count = readCount(reader, fields.count, "shard.count");
  const index = readCount(reader, fields.index, "shard.index");
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    reader.refuse(
      "shard",
      `must be shard K of N, 1 <= K <= N <= ${MAX_SHARDS}, not ${index} of ${count}`
    );
  }
  return { index, count };
}
function readFingerprint(reader, value, path) {
  const fields = reader.object(value, path, {
    required: FINGERPRINT_FIELDS,
    optional: ["codegen"]
  });
  const mangling = reader.oneOf(fields.mangling, `${path}.mangling`, MANGLINGS, '"v0" or "legacy"');
  const runs = readCount(reader, fields.runs, `${path}.runs`);
  if (runs === 0) reader.refuse(`${path}.runs`, "expected at least 1 run, found 0");
  return {
    valgrind: reader.string(fields.valgrind, `${path}.valgrind`),
    rustc: reader.string(fields.rustc, `${path}.rustc`),
    target: reader.string(fields.target, `${path}.target`),
    rustflags: readStrings(reader, fields.rustflags, `${path}.rustflags`),
    mangling,
    ...fields.codegen === void 0 ? {} : { codegen: readStrings(reader, fields.codegen, `${path}.codegen`) },
    runs
  };
}
function readBenchmark(reader, value, path) {
  const fields = reader.object(value, path, BENCHMARK_FIELDS);
  const events = readStrings(reader, fields.events, `${path}.events`);
  if (events.length === 0) reader.refuse(`${path}.events`, "expected at least one event");
  events.forEach((event, index) => {
    if (!EVENT_NAME.test(event)) {
      reader.refuse(`${path}.events[${index}]`, `${describeJsonValue(event)} is not an event name`);
    }
  });
  reader.unique(events, (index) => `${path}.events[${index}]`);
  const functions = reader.array(fields.functions, `${path}.functions`).map((entry, index) => readFunction(reader, entry, `${path}.functions[${index}]`, events));
  reader.unique(
    functions.map((entry) => entry.name),
    (index) => `${path}.functions[${index}].name`
  );
  const calls = fields.calls === void 0 ? void 0 : readCalls(reader, fields.calls, `${path}.calls`, functions);
  const totals2 = readCounts(reader, fields.totals, `${path}.totals`, events);
  checkTotals(reader, totals2, functions, `${path}.totals`);
  return {
    name: reader.string(fields.name, `${path}.name`),
    target: reader.string(fields.target, `${path}.target`),
    ...fields.id === void 0 ? {} : { id: reader.string(fields.id, `${path}.id`) },
    harness: reader.oneOf(
      fields.harness,
      `${path}.harness`,
      HARNESSES,
      HARNESSES.map((name) => `"${name}"`).join(", ")
    ),
    command: readStrings(reader, fields.command, `${path}.command`),
    events,
    totals: totals2,
    nondeterministic: readStrings(reader, fields.nondeterministic, `${path}.nondeterministic`),
    functions,
    ...calls === void 0 ? {} : { calls },
    ...fields.allocations === void 0 ? {} : { allocations: readAllocations(reader, fields.allocations, `${path}.allocations`) }
  };
}
function readAllocations(reader, value, path) {
  const fields = reader.object(value, path, ALLOCATION_FIELDS);
  const sites = reader.array(fields.sites, `${path}.sites`).map((site, index) => readSite(reader, site, `${path}.sites[${index}]`));
  reader.unique(sites.map(siteKey), (index) => `${path}.sites[${index}]`);
  return {
    allocations: readCount(reader, fields.allocations, `${path}.allocations`),
    bytes: readCount(reader, fields.bytes, `${path}.bytes`),
    peakBytes: readCount(reader, fields.peakBytes, `${path}.peakBytes`),
    sites
  };
}
function readSite(reader, value, path) {
  const fields = reader.object(value, path, SITE_FIELDS);
  return {
    function: reader.string(fields.function, `${path}.function`),
    file: reader.string(fields.file, `${path}.file`),
    line: readCount(reader, fields.line, `${path}.line`),
    allocations: readCount(reader, fields.allocations, `${path}.allocations`),
    bytes: readCount(reader, fields.bytes, `${path}.bytes`)
  };
}
function readCalls(reader, value, path, functions) {
  const calls = reader.array(value, path).map((entry, index) => {
    const at = `${path}[${index}]`;
    const numbers = reader.array(entry, at).map((item, position) => readCount(reader, item, `${at}[${position}]`));
    if (numbers.length !== 4) {
      reader.refuse(
        at,
        `expected [caller, callee, calls, inclusive], found ${numbers.length} numbers`
      );
    }
    const [caller, callee, count, inclusive] = numbers;
    for (const [position, fn] of [caller, callee].entries()) {
      if (fn >= functions.length) {
        reader.refuse(`${at}[${position}]`, `no function has index ${fn}`);
      }
    }
    return {
      caller: functions[caller].name,
      callee: functions[callee].name,
      calls: count,
      inclusive
    };
  });
  reader.unique(
    calls.map((call) => `${call.caller}\0${call.callee}`),
    (index) => `${path}[${index}]`
  );
  return calls;
}
function checkTotals(reader, totals2, functions, path) {
  for (const [event, total] of Object.entries(totals2)) {
    let sum = 0;
    for (const entry of functions) sum += countOf(entry.counts, event) ?? 0;
    if (!Number.isSafeInteger(sum)) {
      reader.refuse(`${path}.${event}`, "its functions' counts add up to more than a count can be");
    }
    if (sum !== total) {
      reader.refuse(`${path}.${event}`, `is ${total}, but its functions' counts add up to ${sum}`);
    }
  }
}
function readFunction(reader, value, path, events) {
  const fields = reader.object(value, path, FUNCTION_FIELDS);
  return {
    name: reader.string(fields.name, `${path}.name`),
    file: reader.string(fields.file, `${path}.file`),
    line: readCount(reader, fields.line, `${path}.line`),
    counts: readCounts(reader, fields.counts, `${path}.counts`, events),
    ...fields.inclusive === void 0 ? {} : { inclusive: readCount(reader, fields.inclusive, `${path}.inclusive`) }
  };
}
function readCounts(reader, value, path, events) {
  const fields = reader.object(value, path, { required: events });
  const counts = {};
  for (const event of events) counts[event] = readCount(reader, fields[event], `${path}.${event}`);
  return counts;
}
function readStrings(reader, value, path) {
  return reader.array(value, path).map((item, index) => reader.string(item, `${path}[${index}]`));
}
function readCount(reader, value, path) {
  return reader.expect(
    value,
    path,
    (count) => Number.isSafeInteger(count) && count >= 0,
    "a whole number of at least 0"
  );
}
function serialiseProfileDocument(doc) {
  const header = {
    version: doc.version,
    tool: doc.tool,
    ...doc.commit === void 0 ? {} : { commit: doc.commit },
    createdAt: doc.createdAt,
    fingerprint: {
      valgrind: doc.fingerprint.valgrind,
      rustc: doc.fingerprint.rustc,
      target: doc.fingerprint.target,
      rustflags: doc.fingerprint.rustflags,
      mangling: doc.fingerprint.mangling,
      ...doc.fingerprint.codegen?.length ? { codegen: doc.fingerprint.codegen } : {},
      runs: doc.fingerprint.runs
    },
    ...doc.shard === void 0 ? {} : { shard: { index: doc.shard.index, count: doc.shard.count } }
  };
  const headerLines = JSON.stringify(header, null, 2).split("\n").slice(1, -1);
  if (doc.history !== void 0) {
    const entries = doc.history.map((entry) => `    ${JSON.stringify(entry)}`);
    headerLines[headerLines.length - 1] += ",";
    headerLines.push(
      entries.length === 0 ? '  "history": []' : `  "history": [
${entries.join(",\n")}
  ]`
    );
  }
  const benchmarks = doc.benchmarks.map(serialiseBenchmark).join(",\n");
  const body = doc.benchmarks.length === 0 ? '  "benchmarks": []' : `  "benchmarks": [
${benchmarks}
  ]`;
  return `{
${headerLines.join("\n")},
${body}
}
`;
}
function serialiseBenchmark(benchmark) {
  const { events } = benchmark;
  const functions = benchmark.functions.map(
    (entry) => `        ${JSON.stringify({
      name: entry.name,
      file: entry.file,
      line: entry.line,
      counts: inEventOrder(entry.counts, events),
      ...entry.inclusive === void 0 ? {} : { inclusive: entry.inclusive }
    })}`
  );
  const position = new Map(benchmark.functions.map((entry, index) => [entry.name, index]));
  const calls = (benchmark.calls ?? []).map(
    (call) => `        ${JSON.stringify([position.get(call.caller), position.get(call.callee), call.calls, call.inclusive])}`
  );
  const lines2 = [
    `      "name": ${JSON.stringify(benchmark.name)},`,
    `      "target": ${JSON.stringify(benchmark.target)},`,
    ...benchmark.id === void 0 ? [] : [`      "id": ${JSON.stringify(benchmark.id)},`],
    `      "harness": ${JSON.stringify(benchmark.harness)},`,
    `      "command": ${JSON.stringify(benchmark.command)},`,
    `      "events": ${JSON.stringify(events)},`,
    `      "totals": ${JSON.stringify(inEventOrder(benchmark.totals, events))},`,
    `      "nondeterministic": ${JSON.stringify(benchmark.nondeterministic)},`,
    functions.length === 0 ? '      "functions": []' : `      "functions": [
${functions.join(",\n")}
      ]`
  ];
  if (benchmark.calls !== void 0) {
    lines2[lines2.length - 1] += ",";
    lines2.push(
      calls.length === 0 ? '      "calls": []' : `      "calls": [
${calls.join(",\n")}
      ]`
    );
  }
  if (benchmark.allocations !== void 0) {
    lines2[lines2.length - 1] += ",";
    lines2.push(...serialiseAllocations(benchmark.allocations));
  }
  return `    {
${lines2.join("\n")}
    }`;
}
function serialiseAllocations(allocations) {
  const { sites } = allocations;
  const siteLines = sites.map(
    (site) => `          ${JSON.stringify({
      function: site.function,
      file: site.file,
      line: site.line,
      allocations: site.allocations,
      bytes: site.bytes
    })}`
  );
  return [
    '      "allocations": {',
    `        "allocations": ${allocations.allocations}, "bytes": ${allocations.bytes}, "peakBytes": ${allocations.peakBytes},`,
    siteLines.length === 0 ? '        "sites": []' : `        "sites": [
${siteLines.join(",\n")}
        ]`,
    "      }"
  ];
}
function inEventOrder(counts, events) {
  const ordered = {};
  for (const event of events) ordered[event] = countOf(counts, event) ?? 0;
  return ordered;
}

// src/compare/load-input.ts
async function loadProfileInput(path, options = { workspaceRoot: process.cwd() }) {
  if (await startsWithJsonObject(path)) {
    const { size: size2 } = await stat2(path);
    if (size2 > MAX_DOCUMENT_BYTES) {
      throw new CorruptFileError(
        path,
        void 0,
        `is ${megabytes(size2)}, larger than a profile document can be (${megabytes(MAX_DOCUMENT_BYTES)})`,
        "A profile document rust-perf writes is far smaller; compare the raw *.callgrind.out files it was written with instead."
      );
    }
    const text = await readFile(path, "utf8").catch((error) => {
      throw unreadable(path, error);
    });
    return parseProfileDocument(text, path);
  }
  const parsed = await parsePool.parseUndecoded(path, options);
  const { mtime } = await stat2(path);
  const { events, totals: totals2, functions, calls } = normaliseColumns(parsed, options);
  return {
    version: PROFILE_VERSION,
    tool: TOOL_NAME,
    createdAt: mtime.toISOString(),
    fingerprint: {
      valgrind: "unknown",
      rustc: "unknown",
      target: "unknown",
      rustflags: [],
      // rustc's default; a raw file does not say which scheme its names were mangled with.
      mangling: "legacy",
      runs: 1
    },
    benchmarks: [
      {
        ...wholeProgram(benchmarkName(path)),
        command: parsed.command.split(/\s+/).filter((word) => word !== ""),
        events,
        totals: totals2,
        nondeterministic: [],
        functions,
        ...calls === void 0 ? {} : { calls: namedCalls(calls, functions) }
      }
    ]
  };
}
var MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
function megabytes(bytes) {
  return `${Math.round(bytes / 1e6).toLocaleString("en-US")} MB`;
}
function benchmarkName(path) {
  const file = basename(path);
  return file.replace(/(\.\d+)?\.(cachegrind|callgrind)\.out$/, "") || file;
}
async function startsWithJsonObject(path) {
  return (await readStart(path)).trimStart().startsWith("{");
}

// src/report/json.ts
function renderJson(comparison) {
  return `${JSON.stringify(comparison, null, 2)}
`;
}

// src/system/commit-id.ts
var FULL_COMMIT_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
var COMMIT_ID = /^[0-9a-f]{4,64}$/;

// src/report/format.ts
function formatCount(count) {
  const digits = Math.abs(count).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ",");
  return count < 0 ? `-${grouped}` : grouped;
}
function formatDelta(delta) {
  return delta > 0 ? `+${formatCount(delta)}` : formatCount(delta);
}
function formatChange(percent) {
  const rounded = percent.toFixed(2);
  if (Number(rounded) === 0) return "0.00%";
  return percent > 0 ? `+${rounded}%` : `${rounded}%`;
}
function changeText(change, status) {
  if (status === "added") return "new";
  return change === null ? "\u2014" : formatChange(change);
}
function formatThreshold(fraction) {
  return `${Number((fraction * 100).toFixed(6))}%`;
}
function describeThresholds(comparison) {
  const allocations = comparison.allocationThreshold === void 0 ? "" : `, its allocations beyond \xB1${formatThreshold(comparison.allocationThreshold)}`;
  return `a benchmark changes beyond \xB1${formatThreshold(comparison.threshold)}${allocations}, a function from ${formatThreshold(comparison.functionThreshold)} of its benchmark`;
}
function describeMeasurement(comparison) {
  const harnesses = new Set(comparison.benchmarks.map((benchmark) => benchmark.harness));
  const routines = harnesses.has("criterion") || harnesses.has("libtest");
  const wholes = harnesses.has("plain") || harnesses.has("divan");
  const tools = routines ? wholes ? "counted by Callgrind for whole programs and for one iteration of each criterion or libtest routine" : "counted by Callgrind for one iteration of each benchmark\u2019s routine" : "counted by Callgrind";
  return harnesses.has("divan") ? `${tools}; divan targets are measured as whole programs` : tools;
}
function describeEvent(event) {
  return event === "Ir" ? "instructions (Ir)" : event;
}
var UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function sanitise(text) {
  return text.replace(UNPRINTABLE, "\uFFFD");
}
function shorten(text, max) {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${characters.slice(0, head).join("")}\u2026${characters.slice(characters.length - tail).join("")}`;
}
function shortCommit(commit) {
  return commit.slice(0, 10);
}
function unmeasuredAllocations(side) {
  const [measured, unmeasured] = side === "base" ? ["head", "base"] : ["base", "head"];
  return `Allocations were measured on the ${measured} but not on the ${unmeasured}, so they are not compared: measure both sides with the metrics instructions,allocations (a baseline measured with instructions alone has none).`;
}
function describeDifference(difference) {
  const baseLines = difference.base.split("\n");
  const headLines = difference.head.split("\n");
  const index = Math.max(
    0,
    baseLines.findIndex((line, position) => line !== headLines[position])
  );
  return {
    field: difference.field,
    base: baseLines[index] ?? "",
    head: headLines[index] ?? ""
  };
}
function countStatuses(comparison) {
  const count = (status) => comparison.benchmarks.filter((benchmark) => benchmark.status === status).length;
  return {
    regressed: count("regressed"),
    allocationRegressions: comparison.benchmarks.filter(
      (benchmark) => benchmark.allocations?.status === "regressed"
    ).length,
    improved: count("improved"),
    added: count("added"),
    removed: count("removed"),
    total: comparison.benchmarks.length
  };
}
function plural(count, singular, pluralForm = `${singular}s`) {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
function verdict(comparison, emphasise = (text) => text) {
  const counts = countStatuses(comparison);
  const parts = [];
  if (counts.regressed > 0) parts.push(emphasise(plural(counts.regressed, "regression")));
  if (counts.allocationRegressions > 0) {
    parts.push(emphasise(plural(counts.allocationRegressions, "allocation regression")));
  }
  if (counts.improved > 0) parts.push(plural(counts.improved, "improvement"));
  if (counts.added > 0) parts.push(`${formatCount(counts.added)} added`);
  if (counts.removed > 0) parts.push(`${formatCount(counts.removed)} removed`);
  const scope = plural(counts.total, "benchmark");
  if (counts.regressed === 0 && counts.allocationRegressions === 0 && counts.improved === 0) {
    const rest = parts.length > 0 ? ` (${parts.join(", ")})` : "";
    return `No significant change in ${scope}${rest}`;
  }
  return `${parts.join(", ")} in ${scope}`;
}
function withLimitNotes(status, benchmark) {
  const notes = [];
  if (benchmark.overBudget) notes.push("over budget");
  if (benchmark.threshold !== void 0) {
    notes.push(`threshold ${formatThreshold(benchmark.threshold)}`);
  }
  if (benchmark.allocationThreshold !== void 0) {
    notes.push(`allocation threshold ${formatThreshold(benchmark.allocationThreshold)}`);
  }
  if (benchmark.uncheckedBudgets) notes.push("allocation budget not checked");
  if (benchmark.ignored) notes.push("ignored");
  return notes.length === 0 ? status : `${status} (${notes.join(", ")})`;
}

// src/report/columns.ts
function alignColumns(rows, columns) {
  const widths = columns.map((column, index) => {
    let width = column.minWidth ?? 0;
    for (const row of rows) width = Math.max(width, (row[index] ?? "").length);
    return Math.min(width, column.maxWidth ?? width);
  });
  return rows.map(
    (row) => row.map((cell, index) => {
      const align = columns[index]?.align ?? "left";
      if (align === "last") return cell;
      const width = widths[index] ?? 0;
      return align === "right" ? cell.padStart(width) : cell.padEnd(width);
    }).join("  ").trimEnd()
  );
}

// src/report/trend.ts
var BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
var MAX_CHARTS = 10;
var FLAT_SPAN = 0.01;
function sparkline(values) {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const last = BARS.length - 1;
  const flat = high - low < Math.abs(high) * FLAT_SPAN;
  return values.map(
    (value) => BARS[flat || high === low ? last >> 1 : Math.round((value - low) / (high - low) * last)]
  ).join("");
}
function comparisonTrends(comparison) {
  return comparison.benchmarks.flatMap((benchmark) => {
    const { trend, base, head } = benchmark;
    if (trend === void 0 || base === null || head === null) return [];
    return [
      {
        name: benchmark.name,
        values: [...trend, base, head],
        labels: [...trend.map((_, index) => `-${trend.length - index}`), "base", "head"]
      }
    ];
  });
}
function profileTrends(profile) {
  const history = profile.history ?? [];
  const label = (commit) => commit === void 0 ? "?" : shortCommit(commit);
  return profile.benchmarks.flatMap((benchmark) => {
    const current = benchmark.totals[HISTORY_EVENT];
    const earlier = history.filter((entry) => entry.totals[benchmark.name] !== void 0);
    if (current === void 0 || earlier.length === 0) return [];
    return [
      {
        name: benchmark.name,
        values: [...earlier.map((entry) => entry.totals[benchmark.name]), current],
        labels: [...earlier.map((entry) => label(entry.commit)), label(profile.commit)]
      }
    ];
  });
}
function trendChartsMarkdown(series) {
  if (series.length === 0) return [];
  const charted = [...series].sort((a, b) => spread(b) - spread(a)).slice(0, MAX_CHARTS);
  const more = series.length - charted.length;
  return [
    `#### Trend: ${HISTORY_EVENT === "Ir" ? "instructions" : HISTORY_EVENT} over the last baselines`,
    "",
    ...charted.flatMap((entry) => [
      "```mermaid",
      "xychart-beta",
      `  title "${entry.name.replace(/[^A-Za-z0-9_/:.,()<> -]/g, "_").slice(0, 100)}"`,
      `  x-axis [${entry.labels.map((label) => `"${label}"`).join(", ")}]`,
      '  y-axis "instructions"',
      `  line [${entry.values.join(", ")}]`,
      "```",
      ""
    ]),
    ...more > 0 ? [`\u2026 and ${formatCount(more)} more benchmarks with a history.`, ""] : []
  ];
}
function spread(series) {
  const low = Math.min(...series.values);
  return (Math.max(...series.values) - low) / Math.max(low, 1);
}
function trendText(series) {
  const rows = series.map((entry) => {
    const first = entry.values[0];
    const last = entry.values.at(-1);
    const change = first === 0 ? "" : formatChange((last - first) / first * 100);
    return [
      sanitise(entry.name),
      sparkline(entry.values),
      formatCount(first),
      formatCount(last),
      change,
      `${entry.labels[0]} \u2026 ${entry.labels.at(-1)}`
    ];
  });
  const header = ["benchmark", "trend", "first", "last", "change", "commits"];
  const alignments = ["left", "left", "right", "right", "right", "last"];
  const lines2 = alignColumns(
    [header, ...rows],
    alignments.map((align) => ({ align }))
  );
  return `${lines2.join("\n")}
`;
}

// src/report/markdown.ts
var TARGETS = {
  comment: {
    maxLength: 6e4,
    openRows: 10,
    foldedRows: 200,
    elsewhere: "the job summary or the JSON report",
    // Real builds differ in start-up code by a few instructions: rows of those bury what matters.
    listsSmallChanges: false
  },
  summary: {
    maxLength: 1048576,
    openRows: 25,
    foldedRows: 2e3,
    elsewhere: "the JSON report",
    listsSmallChanges: true
  }
};
var NAME_LENGTH = 200;
var PATH_LENGTH = 100;
var BENCHMARK_NAME_LENGTH = 100;
var FINGERPRINT_LENGTH = 120;
var BENCHMARK_STATUS = {
  regressed: "\u{1F534} regressed",
  improved: "\u{1F7E2} improved",
  unchanged: "\u26AA unchanged",
  added: "\u{1F195} added",
  removed: "\u2716\uFE0F removed"
};
var BENCHMARK_TABLE = [
  "| Benchmark | Base | Head | Change | Status |",
  "| :-- | --: | --: | --: | :-- |"
];
var ALLOCATION_BENCHMARK_TABLE = [
  "| Benchmark | Base | Head | Change | Status | Allocations | Change | Status |",
  "| :-- | --: | --: | --: | :-- | --: | --: | :-- |"
];
var SITE_TABLE = [
  "| Allocated in | Source | Base | Head | Change | Bytes base | Bytes head |",
  "| :-- | :-- | --: | --: | --: | --: | --: |"
];
var SITE_ROWS = 10;
var FUNCTION_TABLE = [
  "| Function | Source | Base | Head | Delta | Change | Status |",
  "| :-- | :-- | --: | --: | --: | --: | :-- |"
];
function renderMarkdown(comparison, options) {
  const limits = TARGETS[options.target];
  const hasTrend = comparison.benchmarks.some((benchmark) => benchmark.trend !== void 0);
  const links = repositoryLinks(options.repository);
  const withAllocations = comparison.allocationThreshold !== void 0;
  const top = [
    ...(options.warnings ?? []).flatMap((warning) => [
      "> [!WARNING]",
      `> ${escapeText(warning)}`,
      ""
    ]),
    ...fingerprintWarning(comparison),
    ...unmeasuredAllocationsNote(comparison),
    verdictLine(comparison),
    "",
    ...acceptanceNote(comparison),
    ...benchmarkTable(withAllocations, hasTrend)
  ];
  const benchmarkRows = comparison.benchmarks.map(
    (benchmark) => benchmarkRow(benchmark, withAllocations, hasTrend)
  );
  const siteSections = comparison.benchmarks.flatMap(
    (benchmark) => allocationSites(benchmark, links)
  );
  const sections = comparison.benchmarks.filter((benchmark) => benchmark.functions.length > 0).sort(bySeverity).map((benchmark) => detailSection(benchmark, comparison.functionThreshold, limits));
  const footer2 = [...flameGraphLines(options.flameGraphs), ...footerLines(comparison, links)];
  const overBudget = [
    ...overBudgetLines(comparison),
    ...uncheckedBudgetLines(comparison),
    ...options.target === "summary" ? trendChartsMarkdown(comparisonTrends(comparison)) : []
  ];
  const totalFunctions = sections.reduce((sum, section) => sum + section.changed, 0);
  const budget = new Budget(options.maxLength ?? limits.maxLength);
  budget.spend([
    ...top,
    "",
    omissionNote(comparison.benchmarks.length, totalFunctions, limits),
    "",
    ...siteSections,
    ...overBudget,
    ...footer2
  ]);
  const shownBenchmarks = budget.takeRows(benchmarkRows, (row2) => row2, []);
  const plans = sections.map((section) => ({
    section,
    open: [],
    folded: [],
    included: false
  }));
  for (const plan of plans) {
    const fixed = [...plan.section.heading, ...plan.section.smallChangesNote];
    plan.included = fixed.length === 0 || budget.take(fixed);
  }
  const row = (change) => functionRow(change, links);
  for (const plan of plans.filter((candidate) => candidate.included)) {
    const candidates = plan.section.openCandidates.slice(0, limits.openRows);
    plan.open = budget.takeRows(candidates, row, [...FUNCTION_TABLE, ""]);
  }
  for (const plan of plans.filter((candidate) => candidate.included)) {
    const candidates = plan.section.foldedCandidates.slice(0, limits.foldedRows);
    const frame = [...detailsOpening(plan.section, -1), ...DETAILS_CLOSING];
    plan.folded = budget.takeRows(candidates, row, frame);
  }
  const lines2 = [...top, ...shownBenchmarks, "", ...overBudget];
  for (const { section, open: open2, folded, included } of plans) {
    if (!included) continue;
    lines2.push(...section.heading);
    if (open2.length > 0) lines2.push(...FUNCTION_TABLE, ...open2, "");
    if (folded.length > 0) {
      lines2.push(...detailsOpening(section, folded.length), ...folded, ...DETAILS_CLOSING);
    }
    lines2.push(...section.smallChangesNote);
  }
  const shownFunctions = plans.reduce(
    (sum, plan) => sum + plan.open.length + plan.folded.length,
    0
  );
  const leftOut = {
    benchmarks: comparison.benchmarks.length - shownBenchmarks.length,
    functions: totalFunctions - shownFunctions
  };
  if (leftOut.benchmarks > 0 || leftOut.functions > 0) {
    lines2.push(omissionNote(leftOut.benchmarks, leftOut.functions, limits), "");
  }
  lines2.push(...siteSections, ...footer2);
  return `${lines2.join("\n")}
`;
}
var Budget = class {
  constructor(remaining) {
    this.remaining = remaining;
  }
  remaining;
  exhausted = false;
  spend(lines2) {
    this.remaining -= size(lines2);
  }
  take(lines2) {
    const cost = size(lines2);
    if (this.exhausted || cost > this.remaining) {
      this.exhausted = true;
      return false;
    }
    this.remaining -= cost;
    return true;
  }
  /**
   * Renders `items` into rows in order while they fit, and returns the rows taken: each row is
   * rendered once, here, and only until the budget runs out. The first row comes with the
   * lines of its `frame` (a table header, a fold), which are paid for with it.
   */
  takeRows(items, render, frame) {
    const rows = [];
    for (const item of items) {
      const row = render(item);
      if (!this.take(rows.length === 0 ? [...frame, row] : [row])) break;
      rows.push(row);
    }
    return rows;
  }
};
function size(lines2) {
  return lines2.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}
var SEVERITY = ["regressed", "improved", "added", "removed", "unchanged"];
function bySeverity(a, b) {
  return SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status);
}
function detailSection(benchmark, functionThreshold, limits) {
  const highlighted = benchmark.status === "regressed" || benchmark.status === "improved";
  const open2 = highlighted ? benchmark.functions.filter((change) => change.significant).slice(0, limits.openRows) : [];
  const openSet = new Set(open2);
  const floor = functionThreshold * (benchmark.base ?? benchmark.head ?? 0);
  const listed = limits.listsSmallChanges ? benchmark.functions : benchmark.functions.filter((change) => matters(change, floor));
  const folded = listed.filter((change) => !openSet.has(change));
  const small = benchmark.functions.length - listed.length;
  const name = code(benchmark.name, BENCHMARK_NAME_LENGTH);
  const smallChanges = `${plural(small, "smaller change")} below the ${formatThreshold(functionThreshold)} function threshold`;
  return {
    benchmark,
    heading: highlighted ? [
      `#### ${BENCHMARK_STATUS[benchmark.status]}: ${code(benchmark.name, BENCHMARK_NAME_LENGTH)} ${changeText(benchmark.change, benchmark.status)}`,
      ""
    ] : [],
    openCandidates: open2,
    foldedCandidates: folded,
    changed: listed.length,
    smallChangesNote: small === 0 ? [] : listed.length > 0 ? [`\u2026 and ${smallChanges}.`, ""] : [`${name} (${benchmark.status}): ${smallChanges}.`, ""]
  };
}
function matters(change, floor) {
  return change.significant || change.movedTo !== void 0 || change.movedFrom !== void 0 || change.status === "noisy" && Math.abs(change.delta) >= floor;
}
function foldedCount(available, shown, noun) {
  const total = plural(available, noun);
  if (shown === available) return total;
  return `${formatCount(shown === -1 ? available : shown)} of ${total}`;
}
function detailsOpening(section, shown) {
  const { benchmark } = section;
  const name = code(benchmark.name, BENCHMARK_NAME_LENGTH);
  const available = section.foldedCandidates.length;
  const label = section.heading.length === 0 ? `${name} (${benchmark.status}): ${foldedCount(available, shown, "changed function")}` : section.openCandidates.length > 0 ? `${name}: ${foldedCount(available, shown, "more changed function")}` : `${name}: ${foldedCount(available, shown, "changed function")}`;
  return [`<details><summary>${label}</summary>`, "", ...FUNCTION_TABLE];
}
var DETAILS_CLOSING = ["", "</details>", ""];
function omissionNote(benchmarks, functions, limits) {
  const parts = [];
  if (benchmarks > 0) parts.push(`${formatCount(benchmarks)} more benchmarks`);
  if (functions > 0) parts.push(`${formatCount(functions)} more changed functions`);
  return `\u2026 and ${parts.join(" and ")}: see ${limits.elsewhere}.`;
}
function verdictLine(comparison) {
  const icon = comparison.regressed ? "\u{1F534}" : comparison.benchmarks.some((benchmark) => benchmark.status === "improved") ? "\u{1F7E2}" : "\u2705";
  return `${icon} ${verdict(comparison, (text) => `**${text}**`)} \xB7 ${describeEvent(escapeText(comparison.event))}`;
}
var BUDGET_UNITS = { allocations: "allocations", bytes: "bytes allocated" };
var UNCHECKED_NAMES = 5;
function uncheckedBudgetLines(comparison) {
  const unchecked = comparison.benchmarks.filter((benchmark) => benchmark.uncheckedBudgets);
  if (unchecked.length === 0) return [];
  const names = unchecked.slice(0, UNCHECKED_NAMES).map((benchmark) => code(benchmark.name, BENCHMARK_NAME_LENGTH));
  const more = unchecked.length - names.length;
  const keys = [...new Set(unchecked.flatMap((benchmark) => benchmark.uncheckedBudgets ?? []))];
  return [
    `**Allocation budgets not checked**: ${keys.map((key) => `\`${key}\``).join(" and ")} of ${names.join(", ")}${more > 0 ? ` and ${formatCount(more)} more` : ""}: allocations were not measured (\`metrics: instructions,allocations\` measures them).`,
    ""
  ];
}
var BUDGET_ROWS = 20;
function overBudgetLines(comparison) {
  const exceeded = comparison.benchmarks.flatMap(
    (benchmark) => (benchmark.overBudget ?? []).map((budget) => ({ benchmark, budget }))
  );
  if (exceeded.length === 0) return [];
  const rows = exceeded.slice(0, BUDGET_ROWS).map(({ benchmark, budget }) => {
    const name = code(benchmark.name, BENCHMARK_NAME_LENGTH);
    const subject = budget.function === void 0 ? name : `${code(budget.function, NAME_LENGTH)} in ${name}`;
    const ignored = benchmark.ignored ? " (ignored)" : "";
    const unit = budget.metric === void 0 ? "" : ` ${BUDGET_UNITS[budget.metric]}`;
    return `- ${subject}: ${formatCount(budget.count)}${unit}, budget ${formatCount(budget.limit)}${ignored}`;
  });
  const more = exceeded.length - rows.length;
  return [
    `**Over budget** (${escapeText(comparison.limits ?? "rust-perf.toml")}):`,
    "",
    ...rows,
    ...more > 0 ? [`- \u2026 and ${formatCount(more)} more: see the JSON report`] : [],
    ""
  ];
}
function acceptanceNote(comparison) {
  if (comparison.acceptedBy === void 0) return [];
  const regressed = comparison.benchmarks.filter((benchmark) => benchmark.status === "regressed");
  const names = regressed.map((benchmark) => code(benchmark.name, BENCHMARK_NAME_LENGTH));
  return [
    "> [!NOTE]",
    `> Accepted by the label ${code(comparison.acceptedBy, 60)}: the ${plural(regressed.length, "regression")} of ${names.join(", ")} do${regressed.length === 1 ? "es" : ""} not fail the check.`,
    ""
  ];
}
function unmeasuredAllocationsNote(comparison) {
  if (comparison.allocationsUnmeasured === void 0) return [];
  return ["> [!NOTE]", `> ${unmeasuredAllocations(comparison.allocationsUnmeasured)}`, ""];
}
function fingerprintWarning(comparison) {
  if (comparison.fingerprintDifferences.length === 0) return [];
  const differences = comparison.fingerprintDifferences.map((difference) => {
    const { field, base, head } = describeDifference(difference);
    return `${escapeText(field)} ${code(base, FINGERPRINT_LENGTH)} \u2192 ${code(head, FINGERPRINT_LENGTH)}`;
  });
  return [
    "> [!WARNING]",
    `> The base and head were not measured under the same conditions, so some of these changes may come from the toolchain rather than the code: ${differences.join("; ")}.`,
    ""
  ];
}
function benchmarkTable(withAllocations, hasTrend) {
  const table = withAllocations ? ALLOCATION_BENCHMARK_TABLE : BENCHMARK_TABLE;
  if (!hasTrend) return table;
  const [header, alignment] = table;
  return [`${header} Trend |`, `${alignment} :-- |`];
}
function benchmarkRow(benchmark, withAllocations, hasTrend) {
  const cells = [
    code(benchmark.name, BENCHMARK_NAME_LENGTH),
    countText(benchmark.base),
    countText(benchmark.head),
    changeText(benchmark.change, benchmark.status),
    benchmarkStatusCell(benchmark)
  ];
  if (withAllocations) cells.push(...allocationCells(benchmark.allocations));
  if (hasTrend) cells.push(trendCell(benchmark));
  return tableRow(cells);
}
function allocationCells(allocations) {
  if (allocations === void 0) return ["\u2014", "\u2014", "\u2014"];
  const { base, head, status } = allocations;
  const counts = base === null || head === null ? countText((head ?? base)?.allocations ?? null) : `${formatCount(base.allocations)} \u2192 ${formatCount(head.allocations)}`;
  return [counts, changeText(allocations.change, status), BENCHMARK_STATUS[status]];
}
function allocationSites(benchmark, links) {
  const allocations = benchmark.allocations;
  if (allocations === void 0 || allocations.base === null || allocations.head === null || allocations.sites.length === 0) {
    return [];
  }
  const shown = allocations.sites.slice(0, SITE_ROWS);
  const rows = shown.map(
    (site) => tableRow([
      code(site.function, NAME_LENGTH),
      sourceCell(site, links),
      formatCount(site.base.allocations),
      formatCount(site.head.allocations),
      formatDelta(site.head.allocations - site.base.allocations),
      formatCount(site.base.bytes),
      formatCount(site.head.bytes)
    ])
  );
  const rest = allocations.sites.length - shown.length;
  return [
    `Allocation sites of ${code(benchmark.name, BENCHMARK_NAME_LENGTH)} that changed (${BENCHMARK_STATUS[allocations.status]} ${changeText(allocations.change, allocations.status)} allocations):`,
    "",
    ...SITE_TABLE,
    ...rows,
    "",
    ...rest > 0 ? [`\u2026 and ${plural(rest, "more changed site")}: see the JSON report.`, ""] : []
  ];
}
function trendCell(benchmark) {
  const { trend, base, head } = benchmark;
  if (trend === void 0 || base === null || head === null) return "";
  return `${sparkline([...trend, base, head])} <sub>${formatCount(trend.length)} earlier</sub>`;
}
function benchmarkStatusCell(benchmark) {
  return withLimitNotes(BENCHMARK_STATUS[benchmark.status], benchmark);
}
function functionRow(change, links) {
  return tableRow([
    functionCell(change),
    sourceCell(change, links),
    formatCount(change.base),
    formatCount(change.head),
    formatDelta(change.delta),
    changeText(change.change, change.status),
    functionStatus2(change)
  ]);
}
var PATH_FRAMES = { first: 3, last: 3 };
var FRAME_LENGTH = 80;
function functionCell(change) {
  const lines2 = [code(change.name, NAME_LENGTH)];
  if (change.callPath) lines2.push(`<sub>${callPathText(change.callPath)}</sub>`);
  if (change.calledMoreBy) {
    const { caller, base, head } = change.calledMoreBy;
    lines2.push(
      `<sub>called more by ${code(caller, FRAME_LENGTH)}: ${formatCount(base)} \u2192 ${plural(head, "call")}</sub>`
    );
  }
  return lines2.join("<br>");
}
function callPathText(path) {
  const { first, last } = PATH_FRAMES;
  const frames = path.map((frame) => code(frame, FRAME_LENGTH));
  const shown = frames.length <= first + last + 1 ? frames : [...frames.slice(0, first), "\u2026", ...frames.slice(frames.length - last)];
  return shown.join(" \u2192 ");
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function functionStatus2(change) {
  if (change.movedTo) return `\u2194\uFE0F moved to ${movedNames(change.movedTo)}`;
  if (change.movedFrom) return `\u2194\uFE0F moved from ${movedNames(change.movedFrom)}`;
  switch (change.status) {
    case "noisy":
      return "\u3030\uFE0F noisy";
    case "unchanged":
      return "\u26AA below threshold";
    default:
      return BENCHMARK_STATUS[change.status];
  }
}
function movedNames(names) {
  return names.map((name) => code(name, 60)).join(", ");
}
function sourceCell(change, links) {
  if (change.file === "???") return "?";
  const location = change.line > 0 ? `${change.file}:${change.line}` : change.file;
  const label = code(location, PATH_LENGTH);
  const url = links?.source(change.file, change.line);
  return url ? `[${label}](${url})` : label;
}
function countText(count) {
  return count === null ? "\u2014" : formatCount(count);
}
function footerLines(comparison, links) {
  const fingerprint = comparison.head.fingerprint;
  const facts = [
    `base ${commitText(comparison.base.commit, links)}`,
    `head ${commitText(comparison.head.commit, links)}`
  ];
  if (fingerprint) {
    facts.push(
      code(fingerprint.rustc.split("\n")[0] ?? "", FINGERPRINT_LENGTH),
      `valgrind ${code(fingerprint.valgrind, FINGERPRINT_LENGTH)}`
    );
  }
  if (comparison.limits !== void 0) facts.push(`limits from ${escapeText(comparison.limits)}`);
  facts.push(
    describeThresholds(comparison),
    `${describeEvent(escapeText(comparison.event))} ${describeMeasurement(comparison)}`
  );
  return ["---", `<sub>${facts.join(" \xB7 ")}</sub>`];
}
function flameGraphLines(flameGraphs) {
  if (flameGraphs === void 0) return [];
  const label = code(flameGraphs.name, 100);
  const artifact = REPOSITORY_URL.test(flameGraphs.url) ? `[${label}](${flameGraphs.url})` : label;
  return [
    `\u{1F525} Differential flame graphs of the ${plural(flameGraphs.benchmarks, "benchmark")} that regressed or improved: ${artifact}, an artifact of this run (unzip it, open a file in a browser; width is the head's cost, red grew, blue shrank).`,
    ""
  ];
}
function commitText(commit, links) {
  if (commit === void 0) return "commit unknown";
  const label = code(shortCommit(commit), 10);
  const url = links?.commit(commit);
  return url ? `[${label}](${url})` : label;
}
var REPOSITORY_URL = /^https?:\/\/[^\s<>()|"'`\\]+$/;
function repositoryLinks(repository) {
  if (!repository || !REPOSITORY_URL.test(repository.url) || !COMMIT_ID.test(repository.sha)) {
    return void 0;
  }
  const base = repository.url.replace(/\/+$/, "");
  return {
    source(file, line) {
      if (!isRepositoryPath(file)) return void 0;
      const path = file.split("/").map(encodePathSegment).join("/");
      return `${base}/blob/${repository.sha}/${path}${line > 0 ? `#L${line}` : ""}`;
    },
    commit: (sha) => COMMIT_ID.test(sha) ? `${base}/commit/${sha}` : void 0
  };
}
function isRepositoryPath(file) {
  if (file === "" || file.startsWith("/") || /^[A-Za-z]:/.test(file) || sanitise(file) !== file) {
    return false;
  }
  return file.split("/").every(
    (segment) => segment !== "" && segment !== "." && segment !== ".." && !segment.includes("\\")
  );
}
function encodePathSegment(segment) {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function code(text, maxLength) {
  return `<code>${escapeText(shorten(text, maxLength))}</code>`;
}
var MARKUP = /[&<>|\\`*_~[\]#]/g;
function escapeText(text) {
  return sanitise(text).replace(MARKUP, (character) => `&#${character.charCodeAt(0)};`).replaceAll("@", "@&#8203;").replace(/:(?=\/\/)/g, "&#58;").replace(/\b(www)\./gi, "$1&#46;");
}

// src/report/text.ts
var LISTED_FUNCTIONS = 20;
var FRAME_LENGTH2 = 80;
var plain = (text) => text;
var ansi = (code2) => (text) => `\x1B[${code2}m${text}\x1B[0m`;
var PLAIN = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };
var COLOURED = {
  bold: ansi(1),
  dim: ansi(2),
  red: ansi(31),
  green: ansi(32),
  yellow: ansi(33)
};
function renderText(comparison, options) {
  const palette = options.color ? COLOURED : PLAIN;
  const lines2 = [
    `${verdict(comparison, palette.red)} \xB7 ${describeEvent(sanitise(comparison.event))}`
  ];
  if (comparison.fingerprintDifferences.length > 0) {
    const differences = comparison.fingerprintDifferences.map((difference) => {
      const { field, base, head } = describeDifference(difference);
      return `${sanitise(field)} ${sanitise(base)} \u2192 ${sanitise(head)}`;
    });
    lines2.push(
      palette.yellow(
        `warning: base and head were not measured under the same conditions: ${differences.join("; ")}`
      )
    );
  }
  if (comparison.allocationsUnmeasured !== void 0) {
    lines2.push(`note: ${unmeasuredAllocations(comparison.allocationsUnmeasured)}`);
  }
  const withAllocations = comparison.allocationThreshold !== void 0;
  lines2.push("", ...benchmarkTable2(comparison.benchmarks, withAllocations, palette));
  for (const benchmark of comparison.benchmarks) {
    lines2.push(...functionSection(benchmark, palette), ...siteSection(benchmark));
  }
  lines2.push("", footer(comparison));
  return `${lines2.join("\n")}
`;
}
function benchmarkTable2(benchmarks, withAllocations, palette) {
  const rows = benchmarks.map((benchmark) => {
    const allocations = benchmark.allocations;
    const cells = [
      sanitise(benchmark.name),
      benchmark.base === null ? "\u2014" : formatCount(benchmark.base),
      benchmark.head === null ? "\u2014" : formatCount(benchmark.head),
      changeText(benchmark.change, benchmark.status),
      withLimitNotes(benchmark.status, benchmark)
    ];
    if (withAllocations) {
      cells.push(
        allocations?.base ? formatCount(allocations.base.allocations) : "\u2014",
        allocations?.head ? formatCount(allocations.head.allocations) : "\u2014",
        allocations ? changeText(allocations.change, allocations.status) : "\u2014",
        allocations ? allocations.status : "\u2014"
      );
    }
    const worst = allocations?.status === "regressed" ? allocations.status : benchmark.status;
    return { cells, style: statusStyle(worst, palette) };
  });
  const header = ["benchmark", "base", "head", "change", "status"];
  const alignments = ["left", "right", "right", "right", "left"];
  if (withAllocations) {
    header.push("allocs base", "allocs head", "change", "status");
    alignments.push("right", "right", "right", "left");
  }
  return styledTable(header, rows, alignments);
}
function siteSection(benchmark) {
  const allocations = benchmark.allocations;
  if (!allocations?.base || !allocations.head || allocations.sites.length === 0) return [];
  const listed = allocations.sites.slice(0, LISTED_FUNCTIONS);
  const rows = listed.map((site) => ({
    cells: [
      formatCount(site.base.allocations),
      formatCount(site.head.allocations),
      formatDelta(site.head.allocations - site.base.allocations),
      formatDelta(site.head.bytes - site.base.bytes),
      functionLabel({ name: site.function, file: site.file, line: site.line })
    ],
    style: plain
  }));
  const rest = allocations.sites.length - listed.length;
  return [
    "",
    `${sanitise(benchmark.name)}: allocations ${allocations.status} ${changeText(allocations.change, allocations.status)}`,
    ...styledTable(["base", "head", "delta", "bytes", "allocated in"], rows, [
      "right",
      "right",
      "right",
      "right",
      "last"
    ]).map((line) => `  ${line}`),
    ...rest > 0 ? [`  \u2026 and ${plural(rest, "more changed site")} (--format json lists them all)`] : []
  ];
}
function functionSection(benchmark, palette) {
  if (benchmark.status === "added" || benchmark.status === "removed") return [];
  const notable = benchmark.functions.filter(
    (change2) => change2.significant || change2.movedTo || change2.movedFrom
  );
  if (notable.length === 0) return [];
  const listed = notable.slice(0, LISTED_FUNCTIONS);
  const rows = listed.map((change2) => ({
    cells: [
      formatCount(change2.base),
      formatCount(change2.head),
      formatDelta(change2.delta),
      changeText(change2.change, change2.status),
      functionStatus3(change2),
      functionLabel(change2)
    ],
    style: statusStyle(change2.status, palette),
    notes: callNotes(change2).map(palette.dim)
  }));
  const change = benchmark.change === null ? "" : ` ${formatChange(benchmark.change)}`;
  const heading = `${palette.bold(sanitise(benchmark.name))}: ${benchmark.status}${change}`;
  const lines2 = [
    "",
    heading,
    ...styledTable(["base", "head", "delta", "change", "status", "function"], rows, [
      "right",
      "right",
      "right",
      "right",
      "left",
      "last"
    ]).map((line) => `  ${line}`)
  ];
  const rest = benchmark.functions.length - listed.length;
  if (rest > 0) {
    lines2.push(
      palette.dim(
        `  \u2026 and ${plural(rest, "more changed function")} (--format json lists them all)`
      )
    );
  }
  return lines2;
}
function callNotes(change) {
  const notes = [];
  if (change.callPath)
    notes.push(
      `    via ${change.callPath.map((frame) => sanitise(shorten(frame, FRAME_LENGTH2))).join(" \u2192 ")}`
    );
  if (change.calledMoreBy) {
    const { caller, base, head } = change.calledMoreBy;
    notes.push(
      `    called more by ${sanitise(shorten(caller, FRAME_LENGTH2))}: ${formatCount(base)} \u2192 ${plural(head, "call")}`
    );
  }
  return notes;
}
function functionStatus3(change) {
  if (change.movedTo || change.movedFrom) return "moved";
  return change.status === "unchanged" ? "below threshold" : change.status;
}
function functionLabel(change) {
  const location = change.file === "???" ? "" : ` (${sanitise(change.file)}${change.line > 0 ? `:${change.line}` : ""})`;
  const moved = change.movedTo ? ` \u2192 ${change.movedTo.map(sanitise).join(", ")}` : change.movedFrom ? ` \u2190 ${change.movedFrom.map(sanitise).join(", ")}` : "";
  return `${sanitise(change.name)}${location}${moved}`;
}
function statusStyle(status, palette) {
  switch (status) {
    case "regressed":
      return palette.red;
    case "improved":
      return palette.green;
    case "noisy":
    case "unchanged":
      return palette.dim;
    default:
      return plain;
  }
}
function styledTable(header, rows, alignments) {
  const columns = alignments.map((align) => ({ align }));
  const [headerLine = "", ...lines2] = alignColumns(
    [header, ...rows.map((row) => row.cells)],
    columns
  );
  return [
    headerLine,
    ...lines2.flatMap((line, index) => [rows[index].style(line), ...rows[index].notes ?? []])
  ];
}
function footer(comparison) {
  const commit = (value) => value === void 0 ? "commit unknown" : sanitise(shortCommit(value));
  const limits = comparison.limits === void 0 ? "" : `limits from ${sanitise(comparison.limits)} \xB7 `;
  return `thresholds: ${describeThresholds(comparison)} \xB7 ${limits}base ${commit(comparison.base.commit)} \xB7 head ${commit(comparison.head.commit)}` + (comparison.benchmarks.every((benchmark) => benchmark.harness === "plain") ? "" : `
${describeMeasurement(comparison)}`);
}

// src/system/concurrency.ts
import { setMaxListeners } from "node:events";
var Slots = class {
  #free;
  #waiting = [];
  constructor(count) {
    this.#free = count;
  }
  /** Resolves, once a slot is taken, to the function that gives it back (once; then no-op). */
  async acquire(signal) {
    signal.throwIfAborted();
    if (this.#free > 0) this.#free -= 1;
    else await new Promise((resolve14) => this.#waiting.push(resolve14));
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.#handOver();
    };
    if (signal.aborted) {
      release();
      signal.throwIfAborted();
    }
    return release;
  }
  /** Straight to the next in line, so that no newcomer takes the slot in between. */
  #handOver() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
};
async function allInOrder(promises) {
  const settled = await Promise.allSettled(promises);
  const values = settled.map((outcome) => {
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  });
  return values;
}
async function allOrNone(count, signal, task) {
  const controller2 = new AbortController();
  setMaxListeners(count, controller2.signal);
  const forwardAbort = () => controller2.abort(signal?.reason);
  signal?.addEventListener("abort", forwardAbort, { once: true });
  let failure;
  try {
    await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        try {
          await task(index, controller2.signal);
        } catch (error) {
          failure ??= { error };
          controller2.abort();
        }
      })
    );
  } finally {
    signal?.removeEventListener("abort", forwardAbort);
  }
  if (failure) throw failure.error;
  signal?.throwIfAborted();
}

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, args2, options, allowPositionals) {
  try {
    return parseArgs({
      args: attachValues(args2, options),
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals,
      strict: true
    });
  } catch (error) {
    throw new InputError(`${usageProblem(error)} (see \`rust-perf ${command} --help\`)`);
  }
}
function usageProblem(error) {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const positional = /^Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument '${positional[1]}'`;
  return message.split("\n")[0];
}
function attachValues(args2, options) {
  const takesValue = /* @__PURE__ */ new Set();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== "string") continue;
    takesValue.add(`--${name}`);
    if (option.short) takesValue.add(`-${option.short}`);
  }
  const joined = [];
  for (let index = 0; index < args2.length; index += 1) {
    const arg = args2[index];
    if (arg === "--") {
      joined.push(...args2.slice(index));
      break;
    }
    const value = args2[index + 1];
    if (takesValue.has(arg) && value !== void 0) {
      joined.push(arg.startsWith("--") ? `${arg}=${value}` : `${arg}${value}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

// src/cli/compare-command.ts
var FORMATS = ["markdown", "comment", "text", "json"];
var compareOptions = {
  threshold: { type: "string", default: "1%" },
  "function-threshold": { type: "string", default: "0.1%" },
  "allocation-threshold": { type: "string", default: "1%" },
  format: { type: "string" },
  "fail-on-regression": { type: "boolean", default: false },
  limits: { type: "string" }
};
var compareOptionsHelp = `  --threshold PERCENT            A benchmark regresses (improves) when its total
                                 grows (shrinks) by more than this. Default: 1%
  --function-threshold PERCENT   A function's change is significant from this
                                 share of its benchmark's total on. Default: 0.1%
  --allocation-threshold PERCENT A benchmark's allocations regress (improve) when
                                 their count grows (shrinks) by more than this;
                                 any change is listed. Default: 1%
  --format FORMAT                text, markdown (the job summary's report),
                                 comment (the pull request comment's, within
                                 GitHub's 65,536 characters) or json. Default:
                                 text on a terminal, markdown otherwise.
  --fail-on-regression           Exit with status 1 when a benchmark regressed
                                 or went over a budget of its limits.
  --limits FILE                  Per-benchmark thresholds, ignores and budgets
                                 (a rust-perf.toml; see "Limits in the
                                 repository" in the README).`;
var help = `rust-perf compare: compare two profiles function by function

Usage: rust-perf compare BASE HEAD [options]

BASE and HEAD are profile.json files written by \`rust-perf measure\`, or raw
Cachegrind or Callgrind output files (*.cachegrind.out, *.callgrind.out), each
taken as one benchmark named after the file (a Callgrind file's parts added up).

Options:
${compareOptionsHelp}
  -h, --help                     Show this help.

Exit status: 0 compared (regressions are reported, not failures, unless
--fail-on-regression), 1 a regression with --fail-on-regression, 2 a usage
error or an unreadable input.
`;
var compareCommand = {
  name: "compare",
  summary: "Compare two profiles and report the functions that got slower",
  help,
  async execute(args2, context) {
    const { values, positionals } = parseCommandArgs("compare", args2, compareOptions, true);
    const [basePath, headPath, ...extra] = positionals;
    if (basePath === void 0 || headPath === void 0 || extra.length > 0) {
      throw new InputError(
        `expected two files, BASE and HEAD, got ${positionals.length}.`,
        "Run `rust-perf compare --help` for usage."
      );
    }
    const report = reportSettingsFromOptions(values, context);
    if (values.limits !== void 0) {
      report.compare.limits = await readLimits(resolve(context.cwd, values.limits), values.limits);
    }
    const workspace = { workspaceRoot: context.cwd };
    const [base, head] = await allInOrder([
      loadProfileInput(resolve(context.cwd, basePath), workspace),
      loadProfileInput(resolve(context.cwd, headPath), workspace)
    ]);
    const comparison = compareProfiles(
      base,
      pairSingleBenchmarks(base, head, context),
      report.compare
    );
    return printReport(comparison, report, context);
  }
};
function reportSettingsFromOptions(values, context) {
  return {
    compare: {
      threshold: parsePercent(values.threshold, "--threshold"),
      functionThreshold: parsePercent(values["function-threshold"], "--function-threshold"),
      allocationThreshold: parsePercent(values["allocation-threshold"], "--allocation-threshold")
    },
    format: chooseFormat(values.format, context),
    failOnRegression: values["fail-on-regression"]
  };
}
async function readLimits(path, name, optional = false) {
  let text;
  try {
    text = await readFile2(path, "utf8");
  } catch (error) {
    const code2 = error.code;
    if (optional && code2 === "ENOENT") return void 0;
    throw unreadable(`the limits ${name}`, error);
  }
  return parseLimits(text, name);
}
function printReport(comparison, report, context) {
  context.stdout(renderReport(comparison, report.format, context));
  return comparison.regressed && report.failOnRegression ? 1 : 0;
}
function pairSingleBenchmarks(base, head, context) {
  const [baseBenchmark, ...otherBase] = base.benchmarks;
  const [headBenchmark, ...otherHead] = head.benchmarks;
  if (!baseBenchmark || !headBenchmark || otherBase.length > 0 || otherHead.length > 0) return head;
  if (baseBenchmark.name === headBenchmark.name) return head;
  context.log.info(
    `Comparing benchmark '${headBenchmark.name}' with '${baseBenchmark.name}', the only one on each side.`
  );
  return { ...head, benchmarks: [{ ...headBenchmark, name: baseBenchmark.name }] };
}
function chooseFormat(value, context) {
  if (value === void 0) return context.isTTY ? "text" : "markdown";
  if (!FORMATS.includes(value)) {
    throw new InputError(`--format must be one of ${FORMATS.join(", ")}, got '${value}'.`);
  }
  return value;
}
function renderReport(comparison, format, context) {
  switch (format) {
    case "json":
      return renderJson(comparison);
    case "text":
      return renderText(comparison, { color: context.isTTY && !context.env.NO_COLOR });
    case "markdown":
      return renderMarkdown(comparison, { target: "summary" });
    case "comment":
      return renderMarkdown(comparison, { target: "comment" });
  }
}

// src/cli/flamegraph-command.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve as resolve2 } from "node:path";

// src/report/flame-graph-viewer.generated.ts
var FLAME_GRAPH_SCRIPT = '"use strict";(()=>{var kt="http://www.w3.org/1999/xhtml",se={svg:"http://www.w3.org/2000/svg",xhtml:kt,xlink:"http://www.w3.org/1999/xlink",xml:"http://www.w3.org/XML/1998/namespace",xmlns:"http://www.w3.org/2000/xmlns/"};function Rn(n){var t=n+="",e=t.indexOf(":");return e>=0&&(t=n.slice(0,e))!=="xmlns"&&(n=n.slice(e+1)),se.hasOwnProperty(t)?{space:se[t],local:n}:n}function Ur(n){return function(){var t=this.ownerDocument,e=this.namespaceURI;return e===kt&&t.documentElement.namespaceURI===kt?t.createElement(n):t.createElementNS(e,n)}}function Wr(n){return function(){return this.ownerDocument.createElementNS(n.space,n.local)}}function he(n){var t=Rn(n);return(t.local?Wr:Ur)(t)}function Qr(){}function Qn(n){return n==null?Qr:function(){return this.querySelector(n)}}function Zr(n){typeof n!="function"&&(n=Qn(n));for(var t=this._groups,e=t.length,r=new Array(e),i=0;i<e;++i)for(var u=t[i],o=u.length,a=r[i]=new Array(o),l,f,s=0;s<o;++s)(l=u[s])&&(f=n.call(l,l.__data__,s,u))&&("__data__"in l&&(f.__data__=l.__data__),a[s]=f);return new H(r,this._parents)}function Gr(n){return n==null?[]:Array.isArray(n)?n:Array.from(n)}function Kr(){return[]}function Et(n){return n==null?Kr:function(){return this.querySelectorAll(n)}}function Jr(n){return function(){return Gr(n.apply(this,arguments))}}function jr(n){typeof n=="function"?n=Jr(n):n=Et(n);for(var t=this._groups,e=t.length,r=[],i=[],u=0;u<e;++u)for(var o=t[u],a=o.length,l,f=0;f<a;++f)(l=o[f])&&(r.push(n.call(l,l.__data__,f,o)),i.push(l));return new H(r,i)}function It(n){return function(){return this.matches(n)}}function de(n){return function(t){return t.matches(n)}}var ni=Array.prototype.find;function ti(n){return function(){return ni.call(this.children,n)}}function ei(){return this.firstElementChild}function ri(n){return this.select(n==null?ei:ti(typeof n=="function"?n:de(n)))}var ii=Array.prototype.filter;function ui(){return Array.from(this.children)}function oi(n){return function(){return ii.call(this.children,n)}}function ai(n){return this.selectAll(n==null?ui:oi(typeof n=="function"?n:de(n)))}function fi(n){typeof n!="function"&&(n=It(n));for(var t=this._groups,e=t.length,r=new Array(e),i=0;i<e;++i)for(var u=t[i],o=u.length,a=r[i]=[],l,f=0;f<o;++f)(l=u[f])&&n.call(l,l.__data__,f,u)&&a.push(l);return new H(r,this._parents)}function ge(n){return new Array(n.length)}function li(){return new H(this._enter||this._groups.map(ge),this._parents)}function Wn(n,t){this.ownerDocument=n.ownerDocument,this.namespaceURI=n.namespaceURI,this._next=null,this._parent=n,this.__data__=t}Wn.prototype={constructor:Wn,appendChild:function(n){return this._parent.insertBefore(n,this._next)},insertBefore:function(n,t){return this._parent.insertBefore(n,t)},querySelector:function(n){return this._parent.querySelector(n)},querySelectorAll:function(n){return this._parent.querySelectorAll(n)}};function ci(n){return function(){return n}}function si(n,t,e,r,i,u){for(var o=0,a,l=t.length,f=u.length;o<f;++o)(a=t[o])?(a.__data__=u[o],r[o]=a):e[o]=new Wn(n,u[o]);for(;o<l;++o)(a=t[o])&&(i[o]=a)}function hi(n,t,e,r,i,u,o){var a,l,f=new Map,s=t.length,h=u.length,d=new Array(s),p;for(a=0;a<s;++a)(l=t[a])&&(d[a]=p=o.call(l,l.__data__,a,t)+"",f.has(p)?i[a]=l:f.set(p,l));for(a=0;a<h;++a)p=o.call(n,u[a],a,u)+"",(l=f.get(p))?(r[a]=l,l.__data__=u[a],f.delete(p)):e[a]=new Wn(n,u[a]);for(a=0;a<s;++a)(l=t[a])&&f.get(d[a])===l&&(i[a]=l)}function di(n){return n.__data__}function gi(n,t){if(!arguments.length)return Array.from(this,di);var e=t?hi:si,r=this._parents,i=this._groups;typeof n!="function"&&(n=ci(n));for(var u=i.length,o=new Array(u),a=new Array(u),l=new Array(u),f=0;f<u;++f){var s=r[f],h=i[f],d=h.length,p=pi(n.call(s,s&&s.__data__,f,r)),v=p.length,x=a[f]=new Array(v),b=o[f]=new Array(v),$=l[f]=new Array(d);e(s,h,x,b,$,p,t);for(var S=0,q=0,C,E;S<v;++S)if(C=x[S]){for(S>=q&&(q=S+1);!(E=b[q])&&++q<v;);C._next=E||null}}return o=new H(o,r),o._enter=a,o._exit=l,o}function pi(n){return typeof n=="object"&&"length"in n?n:Array.from(n)}function mi(){return new H(this._exit||this._groups.map(ge),this._parents)}function yi(n,t,e){var r=this.enter(),i=this,u=this.exit();return typeof n=="function"?(r=n(r),r&&(r=r.selection())):r=r.append(n+""),t!=null&&(i=t(i),i&&(i=i.selection())),e==null?u.remove():e(u),r&&i?r.merge(i).order():i}function wi(n){for(var t=n.selection?n.selection():n,e=this._groups,r=t._groups,i=e.length,u=r.length,o=Math.min(i,u),a=new Array(i),l=0;l<o;++l)for(var f=e[l],s=r[l],h=f.length,d=a[l]=new Array(h),p,v=0;v<h;++v)(p=f[v]||s[v])&&(d[v]=p);for(;l<i;++l)a[l]=e[l];return new H(a,this._parents)}function xi(){for(var n=this._groups,t=-1,e=n.length;++t<e;)for(var r=n[t],i=r.length-1,u=r[i],o;--i>=0;)(o=r[i])&&(u&&o.compareDocumentPosition(u)^4&&u.parentNode.insertBefore(o,u),u=o);return this}function vi(n){n||(n=_i);function t(h,d){return h&&d?n(h.__data__,d.__data__):!h-!d}for(var e=this._groups,r=e.length,i=new Array(r),u=0;u<r;++u){for(var o=e[u],a=o.length,l=i[u]=new Array(a),f,s=0;s<a;++s)(f=o[s])&&(l[s]=f);l.sort(t)}return new H(i,this._parents).order()}function _i(n,t){return n<t?-1:n>t?1:n>=t?0:NaN}function Mi(){var n=arguments[0];return arguments[0]=this,n.apply(null,arguments),this}function bi(){return Array.from(this)}function Ai(){for(var n=this._groups,t=0,e=n.length;t<e;++t)for(var r=n[t],i=0,u=r.length;i<u;++i){var o=r[i];if(o)return o}return null}function Ni(){let n=0;for(let t of this)++n;return n}function ki(){return!this.node()}function Si(n){for(var t=this._groups,e=0,r=t.length;e<r;++e)for(var i=t[e],u=0,o=i.length,a;u<o;++u)(a=i[u])&&n.call(a,a.__data__,u,i);return this}function Ei(n){return function(){this.removeAttribute(n)}}function Ii(n){return function(){this.removeAttributeNS(n.space,n.local)}}function Ci(n,t){return function(){this.setAttribute(n,t)}}function $i(n,t){return function(){this.setAttributeNS(n.space,n.local,t)}}function qi(n,t){return function(){var e=t.apply(this,arguments);e==null?this.removeAttribute(n):this.setAttribute(n,e)}}function Oi(n,t){return function(){var e=t.apply(this,arguments);e==null?this.removeAttributeNS(n.space,n.local):this.setAttributeNS(n.space,n.local,e)}}function Ri(n,t){var e=Rn(n);if(arguments.length<2){var r=this.node();return e.local?r.getAttributeNS(e.space,e.local):r.getAttribute(e)}return this.each((t==null?e.local?Ii:Ei:typeof t=="function"?e.local?Oi:qi:e.local?$i:Ci)(e,t))}function pe(n){return n.ownerDocument&&n.ownerDocument.defaultView||n.document&&n||n.defaultView}function Ti(n){return function(){this.style.removeProperty(n)}}function zi(n,t,e){return function(){this.style.setProperty(n,t,e)}}function Di(n,t,e){return function(){var r=t.apply(this,arguments);r==null?this.style.removeProperty(n):this.style.setProperty(n,r,e)}}function Hi(n,t,e){return arguments.length>1?this.each((t==null?Ti:typeof t=="function"?Di:zi)(n,t,e??"")):cn(this.node(),n)}function cn(n,t){return n.style.getPropertyValue(t)||pe(n).getComputedStyle(n,null).getPropertyValue(t)}function Li(n){return function(){delete this[n]}}function Pi(n,t){return function(){this[n]=t}}function Fi(n,t){return function(){var e=t.apply(this,arguments);e==null?delete this[n]:this[n]=e}}function Bi(n,t){return arguments.length>1?this.each((t==null?Li:typeof t=="function"?Fi:Pi)(n,t)):this.node()[n]}function me(n){return n.trim().split(/^|\\s+/)}function Ct(n){return n.classList||new ye(n)}function ye(n){this._node=n,this._names=me(n.getAttribute("class")||"")}ye.prototype={add:function(n){var t=this._names.indexOf(n);t<0&&(this._names.push(n),this._node.setAttribute("class",this._names.join(" ")))},remove:function(n){var t=this._names.indexOf(n);t>=0&&(this._names.splice(t,1),this._node.setAttribute("class",this._names.join(" ")))},contains:function(n){return this._names.indexOf(n)>=0}};function we(n,t){for(var e=Ct(n),r=-1,i=t.length;++r<i;)e.add(t[r])}function xe(n,t){for(var e=Ct(n),r=-1,i=t.length;++r<i;)e.remove(t[r])}function Vi(n){return function(){we(this,n)}}function Xi(n){return function(){xe(this,n)}}function Yi(n,t){return function(){(t.apply(this,arguments)?we:xe)(this,n)}}function Ui(n,t){var e=me(n+"");if(arguments.length<2){for(var r=Ct(this.node()),i=-1,u=e.length;++i<u;)if(!r.contains(e[i]))return!1;return!0}return this.each((typeof t=="function"?Yi:t?Vi:Xi)(e,t))}function Wi(){this.textContent=""}function Qi(n){return function(){this.textContent=n}}function Zi(n){return function(){var t=n.apply(this,arguments);this.textContent=t??""}}function Gi(n){return arguments.length?this.each(n==null?Wi:(typeof n=="function"?Zi:Qi)(n)):this.node().textContent}function Ki(){this.innerHTML=""}function Ji(n){return function(){this.innerHTML=n}}function ji(n){return function(){var t=n.apply(this,arguments);this.innerHTML=t??""}}function nu(n){return arguments.length?this.each(n==null?Ki:(typeof n=="function"?ji:Ji)(n)):this.node().innerHTML}function tu(){this.nextSibling&&this.parentNode.appendChild(this)}function eu(){return this.each(tu)}function ru(){this.previousSibling&&this.parentNode.insertBefore(this,this.parentNode.firstChild)}function iu(){return this.each(ru)}function uu(n){var t=typeof n=="function"?n:he(n);return this.select(function(){return this.appendChild(t.apply(this,arguments))})}function ou(){return null}function au(n,t){var e=typeof n=="function"?n:he(n),r=t==null?ou:typeof t=="function"?t:Qn(t);return this.select(function(){return this.insertBefore(e.apply(this,arguments),r.apply(this,arguments)||null)})}function fu(){var n=this.parentNode;n&&n.removeChild(this)}function lu(){return this.each(fu)}function cu(){var n=this.cloneNode(!1),t=this.parentNode;return t?t.insertBefore(n,this.nextSibling):n}function su(){var n=this.cloneNode(!0),t=this.parentNode;return t?t.insertBefore(n,this.nextSibling):n}function hu(n){return this.select(n?su:cu)}function du(n){return arguments.length?this.property("__data__",n):this.node().__data__}function gu(n){return function(t){n.call(this,t,this.__data__)}}function pu(n){return n.trim().split(/^|\\s+/).map(function(t){var e="",r=t.indexOf(".");return r>=0&&(e=t.slice(r+1),t=t.slice(0,r)),{type:t,name:e}})}function mu(n){return function(){var t=this.__on;if(t){for(var e=0,r=-1,i=t.length,u;e<i;++e)u=t[e],(!n.type||u.type===n.type)&&u.name===n.name?this.removeEventListener(u.type,u.listener,u.options):t[++r]=u;++r?t.length=r:delete this.__on}}}function yu(n,t,e){return function(){var r=this.__on,i,u=gu(t);if(r){for(var o=0,a=r.length;o<a;++o)if((i=r[o]).type===n.type&&i.name===n.name){this.removeEventListener(i.type,i.listener,i.options),this.addEventListener(i.type,i.listener=u,i.options=e),i.value=t;return}}this.addEventListener(n.type,u,e),i={type:n.type,name:n.name,value:t,listener:u,options:e},r?r.push(i):this.__on=[i]}}function wu(n,t,e){var r=pu(n+""),i,u=r.length,o;if(arguments.length<2){var a=this.node().__on;if(a){for(var l=0,f=a.length,s;l<f;++l)for(i=0,s=a[l];i<u;++i)if((o=r[i]).type===s.type&&o.name===s.name)return s.value}return}for(a=t?yu:mu,i=0;i<u;++i)this.each(a(r[i],t,e));return this}function ve(n,t,e){var r=pe(n),i=r.CustomEvent;typeof i=="function"?i=new i(t,e):(i=r.document.createEvent("Event"),e?(i.initEvent(t,e.bubbles,e.cancelable),i.detail=e.detail):i.initEvent(t,!1,!1)),n.dispatchEvent(i)}function xu(n,t){return function(){return ve(this,n,t)}}function vu(n,t){return function(){return ve(this,n,t.apply(this,arguments))}}function _u(n,t){return this.each((typeof t=="function"?vu:xu)(n,t))}function*Mu(){for(var n=this._groups,t=0,e=n.length;t<e;++t)for(var r=n[t],i=0,u=r.length,o;i<u;++i)(o=r[i])&&(yield o)}var _e=[null];function H(n,t){this._groups=n,this._parents=t}function sn(){return new H([[document.documentElement]],_e)}function bu(){return this}H.prototype=sn.prototype={constructor:H,select:Zr,selectAll:jr,selectChild:ri,selectChildren:ai,filter:fi,data:gi,enter:li,exit:mi,join:yi,merge:wi,selection:bu,order:xi,sort:vi,call:Mi,nodes:bi,node:Ai,size:Ni,empty:ki,each:Si,attr:Ri,style:Hi,property:Bi,classed:Ui,text:Gi,html:nu,raise:eu,lower:iu,append:uu,insert:au,remove:lu,clone:hu,datum:du,on:wu,dispatch:_u,[Symbol.iterator]:Mu};function vn(n){return typeof n=="string"?new H([[document.querySelector(n)]],[document.documentElement]):new H([[n]],_e)}var Au=0;function Nu(){return new St}function St(){this._="@"+(++Au).toString(36)}St.prototype=Nu.prototype={constructor:St,get:function(n){for(var t=this._;!(t in n);)if(!(n=n.parentNode))return;return n[t]},set:function(n,t){return n[this._]=t},remove:function(n){return this._ in n&&delete n[this._]},toString:function(){return this._}};function ku(n){return Math.abs(n=Math.round(n))>=1e21?n.toLocaleString("en").replace(/,/g,""):n.toString(10)}function Gn(n,t){if(!isFinite(n)||n===0)return null;var e=(n=t?n.toExponential(t-1):n.toExponential()).indexOf("e"),r=n.slice(0,e);return[r.length>1?r[0]+r.slice(2):r,+n.slice(e+1)]}function _n(n){return n=Gn(Math.abs(n)),n?n[1]:NaN}function Su(n,t){return function(e,r){for(var i=e.length,u=[],o=0,a=n[0],l=0;i>0&&a>0&&(l+a+1>r&&(a=Math.max(1,r-l)),u.push(e.substring(i-=a,i+a)),!((l+=a+1)>r));)a=n[o=(o+1)%n.length];return u.reverse().join(t)}}function Eu(n){return function(t){return t.replace(/[0-9]/g,function(e){return n[+e]})}}var Iu=/^(?:(.)?([<>=^]))?([+\\-( ])?([$#])?(0)?(\\d+)?(,)?(\\.\\d+)?(~)?([a-z%])?$/i;function Tn(n){if(!(t=Iu.exec(n)))throw new Error("invalid format: "+n);var t;return new $t({fill:t[1],align:t[2],sign:t[3],symbol:t[4],zero:t[5],width:t[6],comma:t[7],precision:t[8]&&t[8].slice(1),trim:t[9],type:t[10]})}Tn.prototype=$t.prototype;function $t(n){this.fill=n.fill===void 0?" ":n.fill+"",this.align=n.align===void 0?">":n.align+"",this.sign=n.sign===void 0?"-":n.sign+"",this.symbol=n.symbol===void 0?"":n.symbol+"",this.zero=!!n.zero,this.width=n.width===void 0?void 0:+n.width,this.comma=!!n.comma,this.precision=n.precision===void 0?void 0:+n.precision,this.trim=!!n.trim,this.type=n.type===void 0?"":n.type+""}$t.prototype.toString=function(){return this.fill+this.align+this.sign+this.symbol+(this.zero?"0":"")+(this.width===void 0?"":Math.max(1,this.width|0))+(this.comma?",":"")+(this.precision===void 0?"":"."+Math.max(0,this.precision|0))+(this.trim?"~":"")+this.type};function Cu(n){n:for(var t=n.length,e=1,r=-1,i;e<t;++e)switch(n[e]){case".":r=i=e;break;case"0":r===0&&(r=e),i=e;break;default:if(!+n[e])break n;r>0&&(r=0);break}return r>0?n.slice(0,r)+n.slice(i+1):n}var Kn;function $u(n,t){var e=Gn(n,t);if(!e)return Kn=void 0,n.toPrecision(t);var r=e[0],i=e[1],u=i-(Kn=Math.max(-8,Math.min(8,Math.floor(i/3)))*3)+1,o=r.length;return u===o?r:u>o?r+new Array(u-o+1).join("0"):u>0?r.slice(0,u)+"."+r.slice(u):"0."+new Array(1-u).join("0")+Gn(n,Math.max(0,t+u-1))[0]}function Me(n,t){var e=Gn(n,t);if(!e)return n+"";var r=e[0],i=e[1];return i<0?"0."+new Array(-i).join("0")+r:r.length>i+1?r.slice(0,i+1)+"."+r.slice(i+1):r+new Array(i-r.length+2).join("0")}var be={"%":(n,t)=>(n*100).toFixed(t),b:n=>Math.round(n).toString(2),c:n=>n+"",d:ku,e:(n,t)=>n.toExponential(t),f:(n,t)=>n.toFixed(t),g:(n,t)=>n.toPrecision(t),o:n=>Math.round(n).toString(8),p:(n,t)=>Me(n*100,t),r:Me,s:$u,X:n=>Math.round(n).toString(16).toUpperCase(),x:n=>Math.round(n).toString(16)};function Ae(n){return n}var Ne=Array.prototype.map,ke=["y","z","a","f","p","n","\\xB5","m","","k","M","G","T","P","E","Z","Y"];function qu(n){var t=n.grouping===void 0||n.thousands===void 0?Ae:Su(Ne.call(n.grouping,Number),n.thousands+""),e=n.currency===void 0?"":n.currency[0]+"",r=n.currency===void 0?"":n.currency[1]+"",i=n.decimal===void 0?".":n.decimal+"",u=n.numerals===void 0?Ae:Eu(Ne.call(n.numerals,String)),o=n.percent===void 0?"%":n.percent+"",a=n.minus===void 0?"\\u2212":n.minus+"",l=n.nan===void 0?"NaN":n.nan+"";function f(h,d){h=Tn(h);var p=h.fill,v=h.align,x=h.sign,b=h.symbol,$=h.zero,S=h.width,q=h.comma,C=h.precision,E=h.trim,k=h.type;k==="n"?(q=!0,k="g"):be[k]||(C===void 0&&(C=12),E=!0,k="g"),($||p==="0"&&v==="=")&&($=!0,p="0",v="=");var F=(d&&d.prefix!==void 0?d.prefix:"")+(b==="$"?e:b==="#"&&/[boxX]/.test(k)?"0"+k.toLowerCase():""),en=(b==="$"?r:/[%p]/.test(k)?o:"")+(d&&d.suffix!==void 0?d.suffix:""),W=be[k],Q=/[defgprs%]/.test(k);C=C===void 0?6:/[gprs]/.test(k)?Math.max(1,Math.min(21,C)):Math.max(0,Math.min(20,C));function Un(M){var Z=F,O=en,rn,an,G;if(k==="c")O=W(M)+O,M="";else{M=+M;var fn=M<0||1/M<0;if(M=isNaN(M)?l:W(Math.abs(M),C),E&&(M=Cu(M)),fn&&+M==0&&x!=="+"&&(fn=!1),Z=(fn?x==="("?x:a:x==="-"||x==="("?"":x)+Z,O=(k==="s"&&!isNaN(M)&&Kn!==void 0?ke[8+Kn/3]:"")+O+(fn&&x==="("?")":""),Q){for(rn=-1,an=M.length;++rn<an;)if(G=M.charCodeAt(rn),48>G||G>57){O=(G===46?i+M.slice(rn+1):M.slice(rn))+O,M=M.slice(0,rn);break}}}q&&!$&&(M=t(M,1/0));var wn=Z.length+M.length+O.length,P=wn<S?new Array(S-wn+1).join(p):"";switch(q&&$&&(M=t(P+M,P.length?S-O.length:1/0),P=""),v){case"<":M=Z+M+O+P;break;case"=":M=Z+P+M+O;break;case"^":M=P.slice(0,wn=P.length>>1)+Z+M+O+P.slice(wn);break;default:M=P+Z+M+O;break}return u(M)}return Un.toString=function(){return h+""},Un}function s(h,d){var p=Math.max(-8,Math.min(8,Math.floor(_n(d)/3)))*3,v=Math.pow(10,-p),x=f((h=Tn(h),h.type="f",h),{suffix:ke[8+p/3]});return function(b){return x(v*b)}}return{format:f,formatPrefix:s}}var Zn,Mn,qt;Ou({thousands:",",grouping:[3],currency:["$",""]});function Ou(n){return Zn=qu(n),Mn=Zn.format,qt=Zn.formatPrefix,Zn}function Se(n){return Math.max(0,-_n(Math.abs(n)))}function Ee(n,t){return Math.max(0,Math.max(-8,Math.min(8,Math.floor(_n(t)/3)))*3-_n(Math.abs(n)))}function Ie(n,t){return n=Math.abs(n),t=Math.abs(t)-n,Math.max(0,_n(t)-_n(n))+1}function hn(n,t){return n==null||t==null?NaN:n<t?-1:n>t?1:n>=t?0:NaN}function Ru(n,t){return n==null||t==null?NaN:t<n?-1:t>n?1:t>=n?0:NaN}function Ce(n){let t,e,r;n.length!==2?(t=hn,e=(a,l)=>hn(n(a),l),r=(a,l)=>n(a)-l):(t=n===hn||n===Ru?n:Tu,e=n,r=n);function i(a,l,f=0,s=a.length){if(f<s){if(t(l,l)!==0)return s;do{let h=f+s>>>1;e(a[h],l)<0?f=h+1:s=h}while(f<s)}return f}function u(a,l,f=0,s=a.length){if(f<s){if(t(l,l)!==0)return s;do{let h=f+s>>>1;e(a[h],l)<=0?f=h+1:s=h}while(f<s)}return f}function o(a,l,f=0,s=a.length){let h=i(a,l,f,s-1);return h>f&&r(a[h-1],l)>-r(a[h],l)?h-1:h}return{left:i,center:o,right:u}}function Tu(){return 0}function zu(n){return n===null?NaN:+n}var $e=Ce(hn),qe=$e.right,kf=$e.left,Sf=Ce(zu).center;var Ef=Oe(Re),If=Oe(Du);function Oe(n){return function(t,e,r=e){if(!((e=+e)>=0))throw new RangeError("invalid rx");if(!((r=+r)>=0))throw new RangeError("invalid ry");let{data:i,width:u,height:o}=t;if(!((u=Math.floor(u))>=0))throw new RangeError("invalid width");if(!((o=Math.floor(o!==void 0?o:i.length/u))>=0))throw new RangeError("invalid height");if(!u||!o||!e&&!r)return t;let a=e&&n(e),l=r&&n(r),f=i.slice();return a&&l?(bn(a,f,i,u,o),bn(a,i,f,u,o),bn(a,f,i,u,o),An(l,i,f,u,o),An(l,f,i,u,o),An(l,i,f,u,o)):a?(bn(a,i,f,u,o),bn(a,f,i,u,o),bn(a,i,f,u,o)):l&&(An(l,i,f,u,o),An(l,f,i,u,o),An(l,i,f,u,o)),t}}function bn(n,t,e,r,i){for(let u=0,o=r*i;u<o;)n(t,e,u,u+=r,1)}function An(n,t,e,r,i){for(let u=0,o=r*i;u<r;++u)n(t,e,u,u+o,r)}function Du(n){let t=Re(n);return(e,r,i,u,o)=>{i<<=2,u<<=2,o<<=2,t(e,r,i+0,u+0,o),t(e,r,i+1,u+1,o),t(e,r,i+2,u+2,o),t(e,r,i+3,u+3,o)}}function Re(n){let t=Math.floor(n);if(t===n)return Hu(n);let e=n-t,r=2*n+1;return(i,u,o,a,l)=>{if(!((a-=l)>=o))return;let f=t*u[o],s=l*t,h=s+l;for(let d=o,p=o+s;d<p;d+=l)f+=u[Math.min(a,d)];for(let d=o,p=a;d<=p;d+=l)f+=u[Math.min(a,d+s)],i[d]=(f+e*(u[Math.max(o,d-h)]+u[Math.min(a,d+h)]))/r,f-=u[Math.max(o,d-s)]}}function Hu(n){let t=2*n+1;return(e,r,i,u,o)=>{if(!((u-=o)>=i))return;let a=n*r[i],l=o*n;for(let f=i,s=i+l;f<s;f+=o)a+=r[Math.min(u,f)];for(let f=i,s=u;f<=s;f+=o)a+=r[Math.min(u,f+l)],e[f]=a/t,a-=r[Math.max(i,f-l)]}}var Lu=Array.prototype,Cf=Lu.slice;var Pu=Math.sqrt(50),Fu=Math.sqrt(10),Bu=Math.sqrt(2);function Jn(n,t,e){let r=(t-n)/Math.max(0,e),i=Math.floor(Math.log10(r)),u=r/Math.pow(10,i),o=u>=Pu?10:u>=Fu?5:u>=Bu?2:1,a,l,f;return i<0?(f=Math.pow(10,-i)/o,a=Math.round(n*f),l=Math.round(t*f),a/f<n&&++a,l/f>t&&--l,f=-f):(f=Math.pow(10,i)*o,a=Math.round(n/f),l=Math.round(t/f),a*f<n&&++a,l*f>t&&--l),l<a&&.5<=e&&e<2?Jn(n,t,e*2):[a,l,f]}function Te(n,t,e){if(t=+t,n=+n,e=+e,!(e>0))return[];if(n===t)return[n];let r=t<n,[i,u,o]=r?Jn(t,n,e):Jn(n,t,e);if(!(u>=i))return[];let a=u-i+1,l=new Array(a);if(r)if(o<0)for(let f=0;f<a;++f)l[f]=(u-f)/-o;else for(let f=0;f<a;++f)l[f]=(u-f)*o;else if(o<0)for(let f=0;f<a;++f)l[f]=(i+f)/-o;else for(let f=0;f<a;++f)l[f]=(i+f)*o;return l}function jn(n,t,e){return t=+t,n=+n,e=+e,Jn(n,t,e)[2]}function ze(n,t,e){t=+t,n=+n,e=+e;let r=t<n,i=r?jn(t,n,e):jn(n,t,e);return(r?-1:1)*(i<0?1/-i:i)}var $f=Vu(Math.random);function Vu(n){return function(e,r=0,i=e.length){let u=i-(r=+r);for(;u;){let o=n()*u--|0,a=e[u+r];e[u+r]=e[o+r],e[o+r]=a}return e}}function Xu(n){var t=0,e=n.children,r=e&&e.length;if(!r)t=1;else for(;--r>=0;)t+=e[r].value;n.value=t}function Yu(){return this.eachAfter(Xu)}function Uu(n,t){let e=-1;for(let r of this)n.call(t,r,++e,this);return this}function Wu(n,t){for(var e=this,r=[e],i,u,o=-1;e=r.pop();)if(n.call(t,e,++o,this),i=e.children)for(u=i.length-1;u>=0;--u)r.push(i[u]);return this}function Qu(n,t){for(var e=this,r=[e],i=[],u,o,a,l=-1;e=r.pop();)if(i.push(e),u=e.children)for(o=0,a=u.length;o<a;++o)r.push(u[o]);for(;e=i.pop();)n.call(t,e,++l,this);return this}function Zu(n,t){let e=-1;for(let r of this)if(n.call(t,r,++e,this))return r}function Gu(n){return this.eachAfter(function(t){for(var e=+n(t.data)||0,r=t.children,i=r&&r.length;--i>=0;)e+=r[i].value;t.value=e})}function Ku(n){return this.eachBefore(function(t){t.children&&t.children.sort(n)})}function Ju(n){for(var t=this,e=ju(t,n),r=[t];t!==e;)t=t.parent,r.push(t);for(var i=r.length;n!==e;)r.splice(i,0,n),n=n.parent;return r}function ju(n,t){if(n===t)return n;var e=n.ancestors(),r=t.ancestors(),i=null;for(n=e.pop(),t=r.pop();n===t;)i=n,n=e.pop(),t=r.pop();return i}function no(){for(var n=this,t=[n];n=n.parent;)t.push(n);return t}function to(){return Array.from(this)}function eo(){var n=[];return this.eachBefore(function(t){t.children||n.push(t)}),n}function ro(){var n=this,t=[];return n.each(function(e){e!==n&&t.push({source:e.parent,target:e})}),t}function*io(){var n=this,t,e=[n],r,i,u;do for(t=e.reverse(),e=[];n=t.pop();)if(yield n,r=n.children)for(i=0,u=r.length;i<u;++i)e.push(r[i]);while(e.length)}function nt(n,t){n instanceof Map?(n=[void 0,n],t===void 0&&(t=ao)):t===void 0&&(t=oo);for(var e=new zn(n),r,i=[e],u,o,a,l;r=i.pop();)if((o=t(r.data))&&(l=(o=Array.from(o)).length))for(r.children=o,a=l-1;a>=0;--a)i.push(u=o[a]=new zn(o[a])),u.parent=r,u.depth=r.depth+1;return e.eachBefore(lo)}function uo(){return nt(this).eachBefore(fo)}function oo(n){return n.children}function ao(n){return Array.isArray(n)?n[1]:null}function fo(n){n.data.value!==void 0&&(n.value=n.data.value),n.data=n.data.data}function lo(n){var t=0;do n.height=t;while((n=n.parent)&&n.height<++t)}function zn(n){this.data=n,this.depth=this.height=0,this.parent=null}zn.prototype=nt.prototype={constructor:zn,count:Yu,each:Uu,eachAfter:Qu,eachBefore:Wu,find:Zu,sum:Gu,sort:Ku,path:Ju,ancestors:no,descendants:to,leaves:eo,links:ro,copy:uo,[Symbol.iterator]:io};function co(n){n.x0=Math.round(n.x0),n.y0=Math.round(n.y0),n.x1=Math.round(n.x1),n.y1=Math.round(n.y1)}function Ot(n,t,e,r,i){for(var u=n.children,o,a=-1,l=u.length,f=n.value&&(r-t)/n.value;++a<l;)o=u[a],o.y0=e,o.y1=i,o.x0=t,o.x1=t+=o.value*f}function De(){var n=1,t=1,e=0,r=!1;function i(o){var a=o.height+1;return o.x0=o.y0=e,o.x1=n,o.y1=t/a,o.eachBefore(u(t,a)),r&&o.eachBefore(co),o}function u(o,a){return function(l){l.children&&Ot(l,l.x0,o*(l.depth+1)/a,l.x1,o*(l.depth+2)/a);var f=l.x0,s=l.y0,h=l.x1-e,d=l.y1-e;h<f&&(f=h=(f+h)/2),d<s&&(s=d=(s+d)/2),l.x0=f,l.y0=s,l.x1=h,l.y1=d}}return i.round=function(o){return arguments.length?(r=!!o,i):r},i.size=function(o){return arguments.length?(n=+o[0],t=+o[1],i):[n,t]},i.padding=function(o){return arguments.length?(e=+o,i):e},i}function so(n,t){this._=n,this.parent=null,this.children=null,this.A=null,this.a=this,this.z=0,this.m=0,this.c=0,this.s=0,this.t=null,this.i=t}so.prototype=Object.create(zn.prototype);function He(n,t,e,r,i){for(var u=n.children,o,a=-1,l=u.length,f=n.value&&(i-e)/n.value;++a<l;)o=u[a],o.x0=t,o.x1=r,o.y0=e,o.y1=e+=o.value*f}var Le=(1+Math.sqrt(5))/2;function Pe(n,t,e,r,i,u){for(var o=[],a=t.children,l,f,s=0,h=0,d=a.length,p,v,x=t.value,b,$,S,q,C,E,k;s<d;){p=i-e,v=u-r;do b=a[h++].value;while(!b&&h<d);for($=S=b,E=Math.max(v/p,p/v)/(x*n),k=b*b*E,C=Math.max(S/k,k/$);h<d;++h){if(b+=f=a[h].value,f<$&&($=f),f>S&&(S=f),k=b*b*E,q=Math.max(S/k,k/$),q>C){b-=f;break}C=q}o.push(l={value:b,dice:p<v,children:a.slice(s,h)}),l.dice?Ot(l,e,r,i,x?r+=v*b/x:u):He(l,e,r,x?e+=p*b/x:i,u),x-=b,s=h}return o}var Of=(function n(t){function e(r,i,u,o,a){Pe(t,r,i,u,o,a)}return e.ratio=function(r){return n((r=+r)>1?r:1)},e})(Le);var Rf=(function n(t){function e(r,i,u,o,a){if((l=r._squarify)&&l.ratio===t)for(var l,f,s,h,d=-1,p,v=l.length,x=r.value;++d<v;){for(f=l[d],s=f.children,h=f.value=0,p=s.length;h<p;++h)f.value+=s[h].value;f.dice?Ot(f,i,u,o,x?u+=(a-u)*f.value/x:a):He(f,i,u,x?i+=(o-i)*f.value/x:o,a),x-=f.value}else r._squarify=l=Pe(t,r,i,u,o,a),l.ratio=t}return e.ratio=function(r){return n((r=+r)>1?r:1)},e})(Le);function En(n,t,e){n.prototype=t.prototype=e,e.constructor=n}function Ln(n,t){var e=Object.create(n.prototype);for(var r in t)e[r]=t[r];return e}function un(){}var mn=.7,Sn=1/mn,Nn="\\\\s*([+-]?\\\\d+)\\\\s*",Dn="\\\\s*([+-]?(?:\\\\d*\\\\.)?\\\\d+(?:[eE][+-]?\\\\d+)?)\\\\s*",X="\\\\s*([+-]?(?:\\\\d*\\\\.)?\\\\d+(?:[eE][+-]?\\\\d+)?)%\\\\s*",ho=/^#([0-9a-f]{3,8})$/,go=new RegExp(`^rgb\\\\(${Nn},${Nn},${Nn}\\\\)$`),po=new RegExp(`^rgb\\\\(${X},${X},${X}\\\\)$`),mo=new RegExp(`^rgba\\\\(${Nn},${Nn},${Nn},${Dn}\\\\)$`),yo=new RegExp(`^rgba\\\\(${X},${X},${X},${Dn}\\\\)$`),wo=new RegExp(`^hsl\\\\(${Dn},${X},${X}\\\\)$`),xo=new RegExp(`^hsla\\\\(${Dn},${X},${X},${Dn}\\\\)$`),Fe={aliceblue:15792383,antiquewhite:16444375,aqua:65535,aquamarine:8388564,azure:15794175,beige:16119260,bisque:16770244,black:0,blanchedalmond:16772045,blue:255,blueviolet:9055202,brown:10824234,burlywood:14596231,cadetblue:6266528,chartreuse:8388352,chocolate:13789470,coral:16744272,cornflowerblue:6591981,cornsilk:16775388,crimson:14423100,cyan:65535,darkblue:139,darkcyan:35723,darkgoldenrod:12092939,darkgray:11119017,darkgreen:25600,darkgrey:11119017,darkkhaki:12433259,darkmagenta:9109643,darkolivegreen:5597999,darkorange:16747520,darkorchid:10040012,darkred:9109504,darksalmon:15308410,darkseagreen:9419919,darkslateblue:4734347,darkslategray:3100495,darkslategrey:3100495,darkturquoise:52945,darkviolet:9699539,deeppink:16716947,deepskyblue:49151,dimgray:6908265,dimgrey:6908265,dodgerblue:2003199,firebrick:11674146,floralwhite:16775920,forestgreen:2263842,fuchsia:16711935,gainsboro:14474460,ghostwhite:16316671,gold:16766720,goldenrod:14329120,gray:8421504,green:32768,greenyellow:11403055,grey:8421504,honeydew:15794160,hotpink:16738740,indianred:13458524,indigo:4915330,ivory:16777200,khaki:15787660,lavender:15132410,lavenderblush:16773365,lawngreen:8190976,lemonchiffon:16775885,lightblue:11393254,lightcoral:15761536,lightcyan:14745599,lightgoldenrodyellow:16448210,lightgray:13882323,lightgreen:9498256,lightgrey:13882323,lightpink:16758465,lightsalmon:16752762,lightseagreen:2142890,lightskyblue:8900346,lightslategray:7833753,lightslategrey:7833753,lightsteelblue:11584734,lightyellow:16777184,lime:65280,limegreen:3329330,linen:16445670,magenta:16711935,maroon:8388608,mediumaquamarine:6737322,mediumblue:205,mediumorchid:12211667,mediumpurple:9662683,mediumseagreen:3978097,mediumslateblue:8087790,mediumspringgreen:64154,mediumturquoise:4772300,mediumvioletred:13047173,midnightblue:1644912,mintcream:16121850,mistyrose:16770273,moccasin:16770229,navajowhite:16768685,navy:128,oldlace:16643558,olive:8421376,olivedrab:7048739,orange:16753920,orangered:16729344,orchid:14315734,palegoldenrod:15657130,palegreen:10025880,paleturquoise:11529966,palevioletred:14381203,papayawhip:16773077,peachpuff:16767673,peru:13468991,pink:16761035,plum:14524637,powderblue:11591910,purple:8388736,rebeccapurple:6697881,red:16711680,rosybrown:12357519,royalblue:4286945,saddlebrown:9127187,salmon:16416882,sandybrown:16032864,seagreen:3050327,seashell:16774638,sienna:10506797,silver:12632256,skyblue:8900331,slateblue:6970061,slategray:7372944,slategrey:7372944,snow:16775930,springgreen:65407,steelblue:4620980,tan:13808780,teal:32896,thistle:14204888,tomato:16737095,turquoise:4251856,violet:15631086,wheat:16113331,white:16777215,whitesmoke:16119285,yellow:16776960,yellowgreen:10145074};En(un,j,{copy(n){return Object.assign(new this.constructor,this,n)},displayable(){return this.rgb().displayable()},hex:Be,formatHex:Be,formatHex8:vo,formatHsl:_o,formatRgb:Ve,toString:Ve});function Be(){return this.rgb().formatHex()}function vo(){return this.rgb().formatHex8()}function _o(){return Je(this).formatHsl()}function Ve(){return this.rgb().formatRgb()}function j(n){var t,e;return n=(n+"").trim().toLowerCase(),(t=ho.exec(n))?(e=t[1].length,t=parseInt(t[1],16),e===6?Xe(t):e===3?new T(t>>8&15|t>>4&240,t>>4&15|t&240,(t&15)<<4|t&15,1):e===8?tt(t>>24&255,t>>16&255,t>>8&255,(t&255)/255):e===4?tt(t>>12&15|t>>8&240,t>>8&15|t>>4&240,t>>4&15|t&240,((t&15)<<4|t&15)/255):null):(t=go.exec(n))?new T(t[1],t[2],t[3],1):(t=po.exec(n))?new T(t[1]*255/100,t[2]*255/100,t[3]*255/100,1):(t=mo.exec(n))?tt(t[1],t[2],t[3],t[4]):(t=yo.exec(n))?tt(t[1]*255/100,t[2]*255/100,t[3]*255/100,t[4]):(t=wo.exec(n))?We(t[1],t[2]/100,t[3]/100,1):(t=xo.exec(n))?We(t[1],t[2]/100,t[3]/100,t[4]):Fe.hasOwnProperty(n)?Xe(Fe[n]):n==="transparent"?new T(NaN,NaN,NaN,0):null}function Xe(n){return new T(n>>16&255,n>>8&255,n&255,1)}function tt(n,t,e,r){return r<=0&&(n=t=e=NaN),new T(n,t,e,r)}function Lt(n){return n instanceof un||(n=j(n)),n?(n=n.rgb(),new T(n.r,n.g,n.b,n.opacity)):new T}function Pn(n,t,e,r){return arguments.length===1?Lt(n):new T(n,t,e,r??1)}function T(n,t,e,r){this.r=+n,this.g=+t,this.b=+e,this.opacity=+r}En(T,Pn,Ln(un,{brighter(n){return n=n==null?Sn:Math.pow(Sn,n),new T(this.r*n,this.g*n,this.b*n,this.opacity)},darker(n){return n=n==null?mn:Math.pow(mn,n),new T(this.r*n,this.g*n,this.b*n,this.opacity)},rgb(){return this},clamp(){return new T(gn(this.r),gn(this.g),gn(this.b),rt(this.opacity))},displayable(){return-.5<=this.r&&this.r<255.5&&-.5<=this.g&&this.g<255.5&&-.5<=this.b&&this.b<255.5&&0<=this.opacity&&this.opacity<=1},hex:Ye,formatHex:Ye,formatHex8:Mo,formatRgb:Ue,toString:Ue}));function Ye(){return`#${dn(this.r)}${dn(this.g)}${dn(this.b)}`}function Mo(){return`#${dn(this.r)}${dn(this.g)}${dn(this.b)}${dn((isNaN(this.opacity)?1:this.opacity)*255)}`}function Ue(){let n=rt(this.opacity);return`${n===1?"rgb(":"rgba("}${gn(this.r)}, ${gn(this.g)}, ${gn(this.b)}${n===1?")":`, ${n})`}`}function rt(n){return isNaN(n)?1:Math.max(0,Math.min(1,n))}function gn(n){return Math.max(0,Math.min(255,Math.round(n)||0))}function dn(n){return n=gn(n),(n<16?"0":"")+n.toString(16)}function We(n,t,e,r){return r<=0?n=t=e=NaN:e<=0||e>=1?n=t=NaN:t<=0&&(n=NaN),new B(n,t,e,r)}function Je(n){if(n instanceof B)return new B(n.h,n.s,n.l,n.opacity);if(n instanceof un||(n=j(n)),!n)return new B;if(n instanceof B)return n;n=n.rgb();var t=n.r/255,e=n.g/255,r=n.b/255,i=Math.min(t,e,r),u=Math.max(t,e,r),o=NaN,a=u-i,l=(u+i)/2;return a?(t===u?o=(e-r)/a+(e<r)*6:e===u?o=(r-t)/a+2:o=(t-e)/a+4,a/=l<.5?u+i:2-u-i,o*=60):a=l>0&&l<1?0:o,new B(o,a,l,n.opacity)}function ut(n,t,e,r){return arguments.length===1?Je(n):new B(n,t,e,r??1)}function B(n,t,e,r){this.h=+n,this.s=+t,this.l=+e,this.opacity=+r}En(B,ut,Ln(un,{brighter(n){return n=n==null?Sn:Math.pow(Sn,n),new B(this.h,this.s,this.l*n,this.opacity)},darker(n){return n=n==null?mn:Math.pow(mn,n),new B(this.h,this.s,this.l*n,this.opacity)},rgb(){var n=this.h%360+(this.h<0)*360,t=isNaN(n)||isNaN(this.s)?0:this.s,e=this.l,r=e+(e<.5?e:1-e)*t,i=2*e-r;return new T(Rt(n>=240?n-240:n+120,i,r),Rt(n,i,r),Rt(n<120?n+240:n-120,i,r),this.opacity)},clamp(){return new B(Qe(this.h),et(this.s),et(this.l),rt(this.opacity))},displayable(){return(0<=this.s&&this.s<=1||isNaN(this.s))&&0<=this.l&&this.l<=1&&0<=this.opacity&&this.opacity<=1},formatHsl(){let n=rt(this.opacity);return`${n===1?"hsl(":"hsla("}${Qe(this.h)}, ${et(this.s)*100}%, ${et(this.l)*100}%${n===1?")":`, ${n})`}`}}));function Qe(n){return n=(n||0)%360,n<0?n+360:n}function et(n){return Math.max(0,Math.min(1,n||0))}function Rt(n,t,e){return(n<60?t+(e-t)*n/60:n<180?e:n<240?t+(e-t)*(240-n)/60:t)*255}var je=Math.PI/180,nr=180/Math.PI,it=18,tr=.96422,er=1,rr=.82521,ir=4/29,kn=6/29,ur=3*kn*kn,bo=kn*kn*kn;function or(n){if(n instanceof Y)return new Y(n.l,n.a,n.b,n.opacity);if(n instanceof J)return fr(n);n instanceof T||(n=Lt(n));var t=Ht(n.r),e=Ht(n.g),r=Ht(n.b),i=Tt((.2225045*t+.7168786*e+.0606169*r)/er),u,o;return t===e&&e===r?u=o=i:(u=Tt((.4360747*t+.3850649*e+.1430804*r)/tr),o=Tt((.0139322*t+.0971045*e+.7141733*r)/rr)),new Y(116*i-16,500*(u-i),200*(i-o),n.opacity)}function ar(n,t,e,r){return arguments.length===1?or(n):new Y(n,t,e,r??1)}function Y(n,t,e,r){this.l=+n,this.a=+t,this.b=+e,this.opacity=+r}En(Y,ar,Ln(un,{brighter(n){return new Y(this.l+it*(n??1),this.a,this.b,this.opacity)},darker(n){return new Y(this.l-it*(n??1),this.a,this.b,this.opacity)},rgb(){var n=(this.l+16)/116,t=isNaN(this.a)?n:n+this.a/500,e=isNaN(this.b)?n:n-this.b/200;return t=tr*zt(t),n=er*zt(n),e=rr*zt(e),new T(Dt(3.1338561*t-1.6168667*n-.4906146*e),Dt(-.9787684*t+1.9161415*n+.033454*e),Dt(.0719453*t-.2289914*n+1.4052427*e),this.opacity)}}));function Tt(n){return n>bo?Math.pow(n,1/3):n/ur+ir}function zt(n){return n>kn?n*n*n:ur*(n-ir)}function Dt(n){return 255*(n<=.0031308?12.92*n:1.055*Math.pow(n,1/2.4)-.055)}function Ht(n){return(n/=255)<=.04045?n/12.92:Math.pow((n+.055)/1.055,2.4)}function Ao(n){if(n instanceof J)return new J(n.h,n.c,n.l,n.opacity);if(n instanceof Y||(n=or(n)),n.a===0&&n.b===0)return new J(NaN,0<n.l&&n.l<100?0:NaN,n.l,n.opacity);var t=Math.atan2(n.b,n.a)*nr;return new J(t<0?t+360:t,Math.sqrt(n.a*n.a+n.b*n.b),n.l,n.opacity)}function ot(n,t,e,r){return arguments.length===1?Ao(n):new J(n,t,e,r??1)}function J(n,t,e,r){this.h=+n,this.c=+t,this.l=+e,this.opacity=+r}function fr(n){if(isNaN(n.h))return new Y(n.l,0,0,n.opacity);var t=n.h*je;return new Y(n.l,Math.cos(t)*n.c,Math.sin(t)*n.c,n.opacity)}En(J,ot,Ln(un,{brighter(n){return new J(this.h,this.c,this.l+it*(n??1),this.opacity)},darker(n){return new J(this.h,this.c,this.l-it*(n??1),this.opacity)},rgb(){return fr(this).rgb()}}));var lr=-.14861,Pt=1.78277,Ft=-.29227,at=-.90649,Hn=1.97294,Ze=Hn*at,Ge=Hn*Pt,Ke=Pt*Ft-at*lr;function No(n){if(n instanceof pn)return new pn(n.h,n.s,n.l,n.opacity);n instanceof T||(n=Lt(n));var t=n.r/255,e=n.g/255,r=n.b/255,i=(Ke*r+Ze*t-Ge*e)/(Ke+Ze-Ge),u=r-i,o=(Hn*(e-i)-Ft*u)/at,a=Math.sqrt(o*o+u*u)/(Hn*i*(1-i)),l=a?Math.atan2(o,u)*nr-120:NaN;return new pn(l<0?l+360:l,a,i,n.opacity)}function ft(n,t,e,r){return arguments.length===1?No(n):new pn(n,t,e,r??1)}function pn(n,t,e,r){this.h=+n,this.s=+t,this.l=+e,this.opacity=+r}En(pn,ft,Ln(un,{brighter(n){return n=n==null?Sn:Math.pow(Sn,n),new pn(this.h,this.s,this.l*n,this.opacity)},darker(n){return n=n==null?mn:Math.pow(mn,n),new pn(this.h,this.s,this.l*n,this.opacity)},rgb(){var n=isNaN(this.h)?0:(this.h+120)*je,t=+this.l,e=isNaN(this.s)?0:this.s*t*(1-t),r=Math.cos(n),i=Math.sin(n);return new T(255*(t+e*(lr*r+Pt*i)),255*(t+e*(Ft*r+at*i)),255*(t+e*(Hn*r)),this.opacity)}}));function hr(n,t,e,r,i){var u=n*n,o=u*n;return((1-3*n+3*u-o)*t+(4-6*u+3*o)*e+(1+3*n+3*u-3*o)*r+o*i)/6}function ko(n){var t=n.length-1;return function(e){var r=e<=0?e=0:e>=1?(e=1,t-1):Math.floor(e*t),i=n[r],u=n[r+1],o=r>0?n[r-1]:2*i-u,a=r<t-1?n[r+2]:2*u-i;return hr((e-r/t)*t,o,i,u,a)}}function So(n){var t=n.length;return function(e){var r=Math.floor(((e%=1)<0?++e:e)*t),i=n[(r+t-1)%t],u=n[r%t],o=n[(r+1)%t],a=n[(r+2)%t];return hr((e-r/t)*t,i,u,o,a)}}var ct=n=>()=>n;function dr(n,t){return function(e){return n+e*t}}function Eo(n,t,e){return n=Math.pow(n,e),t=Math.pow(t,e)-n,e=1/e,function(r){return Math.pow(n+r*t,e)}}function Yt(n,t){var e=t-n;return e?dr(n,e>180||e<-180?e-360*Math.round(e/360):e):ct(isNaN(n)?t:n)}function Io(n){return(n=+n)==1?D:function(t,e){return e-t?Eo(t,e,n):ct(isNaN(t)?e:t)}}function D(n,t){var e=t-n;return e?dr(n,e):ct(isNaN(n)?t:n)}var Fn=(function n(t){var e=Io(t);function r(i,u){var o=e((i=Pn(i)).r,(u=Pn(u)).r),a=e(i.g,u.g),l=e(i.b,u.b),f=D(i.opacity,u.opacity);return function(s){return i.r=o(s),i.g=a(s),i.b=l(s),i.opacity=f(s),i+""}}return r.gamma=n,r})(1);function gr(n){return function(t){var e=t.length,r=new Array(e),i=new Array(e),u=new Array(e),o,a;for(o=0;o<e;++o)a=Pn(t[o]),r[o]=a.r||0,i[o]=a.g||0,u[o]=a.b||0;return r=n(r),i=n(i),u=n(u),a.opacity=1,function(l){return a.r=r(l),a.g=i(l),a.b=u(l),a+""}}}var Hf=gr(ko),Lf=gr(So);function Co(n,t){t||(t=[]);var e=n?Math.min(t.length,n.length):0,r=t.slice(),i;return function(u){for(i=0;i<e;++i)r[i]=n[i]*(1-u)+t[i]*u;return r}}function $o(n){return ArrayBuffer.isView(n)&&!(n instanceof DataView)}function qo(n,t){var e=t?t.length:0,r=n?Math.min(e,n.length):0,i=new Array(r),u=new Array(e),o;for(o=0;o<r;++o)i[o]=st(n[o],t[o]);for(;o<e;++o)u[o]=t[o];return function(a){for(o=0;o<r;++o)u[o]=i[o](a);return u}}function Oo(n,t){var e=new Date;return n=+n,t=+t,function(r){return e.setTime(n*(1-r)+t*r),e}}function L(n,t){return n=+n,t=+t,function(e){return n*(1-e)+t*e}}function Ro(n,t){var e={},r={},i;(n===null||typeof n!="object")&&(n={}),(t===null||typeof t!="object")&&(t={});for(i in t)i in n?e[i]=st(n[i],t[i]):r[i]=t[i];return function(u){for(i in e)r[i]=e[i](u);return r}}var Vt=/[-+]?(?:\\d+\\.?\\d*|\\.?\\d+)(?:[eE][-+]?\\d+)?/g,Bt=new RegExp(Vt.source,"g");function To(n){return function(){return n}}function zo(n){return function(t){return n(t)+""}}function Ut(n,t){var e=Vt.lastIndex=Bt.lastIndex=0,r,i,u,o=-1,a=[],l=[];for(n=n+"",t=t+"";(r=Vt.exec(n))&&(i=Bt.exec(t));)(u=i.index)>e&&(u=t.slice(e,u),a[o]?a[o]+=u:a[++o]=u),(r=r[0])===(i=i[0])?a[o]?a[o]+=i:a[++o]=i:(a[++o]=null,l.push({i:o,x:L(r,i)})),e=Bt.lastIndex;return e<t.length&&(u=t.slice(e),a[o]?a[o]+=u:a[++o]=u),a.length<2?l[0]?zo(l[0].x):To(t):(t=l.length,function(f){for(var s=0,h;s<t;++s)a[(h=l[s]).i]=h.x(f);return a.join("")})}function st(n,t){var e=typeof t,r;return t==null||e==="boolean"?ct(t):(e==="number"?L:e==="string"?(r=j(t))?(t=r,Fn):Ut:t instanceof j?Fn:t instanceof Date?Oo:$o(t)?Co:Array.isArray(t)?qo:typeof t.valueOf!="function"&&typeof t.toString!="function"||isNaN(t)?Ro:L)(n,t)}function pr(n,t){return n=+n,t=+t,function(e){return Math.round(n*(1-e)+t*e)}}var cr=180/Math.PI,Xt={translateX:0,translateY:0,rotate:0,skewX:0,scaleX:1,scaleY:1};function mr(n,t,e,r,i,u){var o,a,l;return(o=Math.sqrt(n*n+t*t))&&(n/=o,t/=o),(l=n*e+t*r)&&(e-=n*l,r-=t*l),(a=Math.sqrt(e*e+r*r))&&(e/=a,r/=a,l/=a),n*r<t*e&&(n=-n,t=-t,l=-l,o=-o),{translateX:i,translateY:u,rotate:Math.atan2(t,n)*cr,skewX:Math.atan(l)*cr,scaleX:o,scaleY:a}}var lt;function Do(n){let t=new(typeof DOMMatrix=="function"?DOMMatrix:WebKitCSSMatrix)(n+"");return t.isIdentity?Xt:mr(t.a,t.b,t.c,t.d,t.e,t.f)}function Ho(n){return n==null||(lt||(lt=document.createElementNS("http://www.w3.org/2000/svg","g")),lt.setAttribute("transform",n),!(n=lt.transform.baseVal.consolidate()))?Xt:(n=n.matrix,mr(n.a,n.b,n.c,n.d,n.e,n.f))}function yr(n,t,e,r){function i(f){return f.length?f.pop()+" ":""}function u(f,s,h,d,p,v){if(f!==h||s!==d){var x=p.push("translate(",null,t,null,e);v.push({i:x-4,x:L(f,h)},{i:x-2,x:L(s,d)})}else(h||d)&&p.push("translate("+h+t+d+e)}function o(f,s,h,d){f!==s?(f-s>180?s+=360:s-f>180&&(f+=360),d.push({i:h.push(i(h)+"rotate(",null,r)-2,x:L(f,s)})):s&&h.push(i(h)+"rotate("+s+r)}function a(f,s,h,d){f!==s?d.push({i:h.push(i(h)+"skewX(",null,r)-2,x:L(f,s)}):s&&h.push(i(h)+"skewX("+s+r)}function l(f,s,h,d,p,v){if(f!==h||s!==d){var x=p.push(i(p)+"scale(",null,",",null,")");v.push({i:x-4,x:L(f,h)},{i:x-2,x:L(s,d)})}else(h!==1||d!==1)&&p.push(i(p)+"scale("+h+","+d+")")}return function(f,s){var h=[],d=[];return f=n(f),s=n(s),u(f.translateX,f.translateY,s.translateX,s.translateY,h,d),o(f.rotate,s.rotate,h,d),a(f.skewX,s.skewX,h,d),l(f.scaleX,f.scaleY,s.scaleX,s.scaleY,h,d),f=s=null,function(p){for(var v=-1,x=d.length,b;++v<x;)h[(b=d[v]).i]=b.x(p);return h.join("")}}}var wr=yr(Do,"px, ","px)","deg)"),xr=yr(Ho,", ",")",")"),Lo=1e-12;function sr(n){return((n=Math.exp(n))+1/n)/2}function Po(n){return((n=Math.exp(n))-1/n)/2}function Fo(n){return((n=Math.exp(2*n))-1)/(n+1)}var Pf=(function n(t,e,r){function i(u,o){var a=u[0],l=u[1],f=u[2],s=o[0],h=o[1],d=o[2],p=s-a,v=h-l,x=p*p+v*v,b,$;if(x<Lo)$=Math.log(d/f)/t,b=function(F){return[a+F*p,l+F*v,f*Math.exp(t*F*$)]};else{var S=Math.sqrt(x),q=(d*d-f*f+r*x)/(2*f*e*S),C=(d*d-f*f-r*x)/(2*d*e*S),E=Math.log(Math.sqrt(q*q+1)-q),k=Math.log(Math.sqrt(C*C+1)-C);$=(k-E)/t,b=function(F){var en=F*$,W=sr(E),Q=f/(e*S)*(W*Fo(t*en+E)-Po(E));return[a+Q*p,l+Q*v,f*W/sr(t*en+E)]}}return b.duration=Math.abs($)*1e3*t/Math.SQRT2,b}return i.rho=function(u){var o=Math.max(.001,+u),a=o*o,l=a*a;return n(o,a,l)},i})(Math.SQRT2,2,4);function vr(n){return function(t,e){var r=n((t=ut(t)).h,(e=ut(e)).h),i=D(t.s,e.s),u=D(t.l,e.l),o=D(t.opacity,e.opacity);return function(a){return t.h=r(a),t.s=i(a),t.l=u(a),t.opacity=o(a),t+""}}}var Ff=vr(Yt),Bf=vr(D);function _r(n){return function(t,e){var r=n((t=ot(t)).h,(e=ot(e)).h),i=D(t.c,e.c),u=D(t.l,e.l),o=D(t.opacity,e.opacity);return function(a){return t.h=r(a),t.c=i(a),t.l=u(a),t.opacity=o(a),t+""}}}var Vf=_r(Yt),Xf=_r(D);function Mr(n){return(function t(e){e=+e;function r(i,u){var o=n((i=ft(i)).h,(u=ft(u)).h),a=D(i.s,u.s),l=D(i.l,u.l),f=D(i.opacity,u.opacity);return function(s){return i.h=o(s),i.s=a(s),i.l=l(Math.pow(s,e)),i.opacity=f(s),i+""}}return r.gamma=t,r})(1)}var Yf=Mr(Yt),Uf=Mr(D);function Bo(n,t){switch(arguments.length){case 0:break;case 1:this.range(n);break;default:this.range(t).domain(n);break}return this}function Vo(n){return function(){return n}}function Xo(n){return+n}var br=[0,1];function In(n){return n}function Wt(n,t){return(t-=n=+n)?function(e){return(e-n)/t}:Vo(isNaN(t)?NaN:.5)}function Yo(n,t){var e;return n>t&&(e=n,n=t,t=e),function(r){return Math.max(n,Math.min(t,r))}}function Uo(n,t,e){var r=n[0],i=n[1],u=t[0],o=t[1];return i<r?(r=Wt(i,r),u=e(o,u)):(r=Wt(r,i),u=e(u,o)),function(a){return u(r(a))}}function Wo(n,t,e){var r=Math.min(n.length,t.length)-1,i=new Array(r),u=new Array(r),o=-1;for(n[r]<n[0]&&(n=n.slice().reverse(),t=t.slice().reverse());++o<r;)i[o]=Wt(n[o],n[o+1]),u[o]=e(t[o],t[o+1]);return function(a){var l=qe(n,a,1,r)-1;return u[l](i[l](a))}}function Qo(n,t){return t.domain(n.domain()).range(n.range()).interpolate(n.interpolate()).clamp(n.clamp()).unknown(n.unknown())}function Zo(){var n=br,t=br,e=st,r,i,u,o=In,a,l,f;function s(){var d=Math.min(n.length,t.length);return o!==In&&(o=Yo(n[0],n[d-1])),a=d>2?Wo:Uo,l=f=null,h}function h(d){return d==null||isNaN(d=+d)?u:(l||(l=a(n.map(r),t,e)))(r(o(d)))}return h.invert=function(d){return o(i((f||(f=a(t,n.map(r),L)))(d)))},h.domain=function(d){return arguments.length?(n=Array.from(d,Xo),s()):n.slice()},h.range=function(d){return arguments.length?(t=Array.from(d),s()):t.slice()},h.rangeRound=function(d){return t=Array.from(d),e=pr,s()},h.clamp=function(d){return arguments.length?(o=d?!0:In,s()):o!==In},h.interpolate=function(d){return arguments.length?(e=d,s()):e},h.unknown=function(d){return arguments.length?(u=d,h):u},function(d,p){return r=d,i=p,s()}}function Go(){return Zo()(In,In)}function Ko(n,t,e,r){var i=ze(n,t,e),u;switch(r=Tn(r??",f"),r.type){case"s":{var o=Math.max(Math.abs(n),Math.abs(t));return r.precision==null&&!isNaN(u=Ee(i,o))&&(r.precision=u),qt(r,o)}case"":case"e":case"g":case"p":case"r":{r.precision==null&&!isNaN(u=Ie(i,Math.max(Math.abs(n),Math.abs(t))))&&(r.precision=u-(r.type==="e"));break}case"f":case"%":{r.precision==null&&!isNaN(u=Se(i))&&(r.precision=u-(r.type==="%")*2);break}}return Mn(r)}function Jo(n){var t=n.domain;return n.ticks=function(e){var r=t();return Te(r[0],r[r.length-1],e??10)},n.tickFormat=function(e,r){var i=t();return Ko(i[0],i[i.length-1],e??10,r)},n.nice=function(e){e==null&&(e=10);var r=t(),i=0,u=r.length-1,o=r[i],a=r[u],l,f,s=10;for(a<o&&(f=o,o=a,a=f,f=i,i=u,u=f);s-- >0;){if(f=jn(o,a,e),f===l)return r[i]=o,r[u]=a,t(r);if(f>0)o=Math.floor(o/f)*f,a=Math.ceil(a/f)*f;else if(f<0)o=Math.ceil(o*f)/f,a=Math.floor(a*f)/f;else break;l=f}return n},n}function ht(){var n=Go();return n.copy=function(){return Qo(n,ht())},Bo.apply(n,arguments),Jo(n)}function gt(n){return((n*=2)<=1?n*n*n:(n-=2)*n*n+2)/2}var Qt=3,rl=(function n(t){t=+t;function e(r){return Math.pow(r,t)}return e.exponent=n,e})(Qt),il=(function n(t){t=+t;function e(r){return 1-Math.pow(1-r,t)}return e.exponent=n,e})(Qt),ul=(function n(t){t=+t;function e(r){return((r*=2)<=1?Math.pow(r,t):2-Math.pow(2-r,t))/2}return e.exponent=n,e})(Qt),jo=Math.PI,ol=jo/2;function dt(n){return(Math.pow(2,-10*n)-.0009765625)*1.0009775171065494}var Ar=4/11,al=6/11,fl=8/11,ll=3/4,cl=9/11,sl=10/11,hl=15/16,dl=21/22,gl=63/64,pl=1/Ar/Ar;var Zt=1.70158,ml=(function n(t){t=+t;function e(r){return(r=+r)*r*(t*(r-1)+r)}return e.overshoot=n,e})(Zt),yl=(function n(t){t=+t;function e(r){return--r*r*((r+1)*t+r)+1}return e.overshoot=n,e})(Zt),wl=(function n(t){t=+t;function e(r){return((r*=2)<1?r*r*((t+1)*r-t):(r-=2)*r*((t+1)*r+t)+2)/2}return e.overshoot=n,e})(Zt),Cn=2*Math.PI,Gt=1,Kt=.3,xl=(function n(t,e){var r=Math.asin(1/(t=Math.max(1,t)))*(e/=Cn);function i(u){return t*dt(- --u)*Math.sin((r-u)/e)}return i.amplitude=function(u){return n(u,e*Cn)},i.period=function(u){return n(t,u)},i})(Gt,Kt),vl=(function n(t,e){var r=Math.asin(1/(t=Math.max(1,t)))*(e/=Cn);function i(u){return 1-t*dt(u=+u)*Math.sin((u+r)/e)}return i.amplitude=function(u){return n(u,e*Cn)},i.period=function(u){return n(t,u)},i})(Gt,Kt),_l=(function n(t,e){var r=Math.asin(1/(t=Math.max(1,t)))*(e/=Cn);function i(u){return((u=u*2-1)<0?t*dt(-u)*Math.sin((r-u)/e):2-t*dt(u)*Math.sin((r+u)/e))/2}return i.amplitude=function(u){return n(u,e*Cn)},i.period=function(u){return n(t,u)},i})(Gt,Kt);var na={value:()=>{}};function Jt(){for(var n=0,t=arguments.length,e={},r;n<t;++n){if(!(r=arguments[n]+"")||r in e||/[\\s.]/.test(r))throw new Error("illegal type: "+r);e[r]=[]}return new pt(e)}function pt(n){this._=n}function ta(n,t){return n.trim().split(/^|\\s+/).map(function(e){var r="",i=e.indexOf(".");if(i>=0&&(r=e.slice(i+1),e=e.slice(0,i)),e&&!t.hasOwnProperty(e))throw new Error("unknown type: "+e);return{type:e,name:r}})}pt.prototype=Jt.prototype={constructor:pt,on:function(n,t){var e=this._,r=ta(n+"",e),i,u=-1,o=r.length;if(arguments.length<2){for(;++u<o;)if((i=(n=r[u]).type)&&(i=ea(e[i],n.name)))return i;return}if(t!=null&&typeof t!="function")throw new Error("invalid callback: "+t);for(;++u<o;)if(i=(n=r[u]).type)e[i]=Nr(e[i],n.name,t);else if(t==null)for(i in e)e[i]=Nr(e[i],n.name,null);return this},copy:function(){var n={},t=this._;for(var e in t)n[e]=t[e].slice();return new pt(n)},call:function(n,t){if((i=arguments.length-2)>0)for(var e=new Array(i),r=0,i,u;r<i;++r)e[r]=arguments[r+2];if(!this._.hasOwnProperty(n))throw new Error("unknown type: "+n);for(u=this._[n],r=0,i=u.length;r<i;++r)u[r].value.apply(t,e)},apply:function(n,t,e){if(!this._.hasOwnProperty(n))throw new Error("unknown type: "+n);for(var r=this._[n],i=0,u=r.length;i<u;++i)r[i].value.apply(t,e)}};function ea(n,t){for(var e=0,r=n.length,i;e<r;++e)if((i=n[e]).name===t)return i.value}function Nr(n,t,e){for(var r=0,i=n.length;r<i;++r)if(n[r].name===t){n[r]=na,n=n.slice(0,r).concat(n.slice(r+1));break}return e!=null&&n.push({name:t,value:e}),n}var $n=0,Vn=0,Bn=0,Sr=1e3,mt,Xn,yt=0,yn=0,xt=0,Yn=typeof performance=="object"&&performance.now?performance:Date,Er=typeof window=="object"&&window.requestAnimationFrame?window.requestAnimationFrame.bind(window):function(n){setTimeout(n,17)};function vt(){return yn||(Er(ra),yn=Yn.now()+xt)}function ra(){yn=0}function wt(){this._call=this._time=this._next=null}wt.prototype=ne.prototype={constructor:wt,restart:function(n,t,e){if(typeof n!="function")throw new TypeError("callback is not a function");e=(e==null?vt():+e)+(t==null?0:+t),!this._next&&Xn!==this&&(Xn?Xn._next=this:mt=this,Xn=this),this._call=n,this._time=e,jt()},stop:function(){this._call&&(this._call=null,this._time=1/0,jt())}};function ne(n,t,e){var r=new wt;return r.restart(n,t,e),r}function ia(){vt(),++$n;for(var n=mt,t;n;)(t=yn-n._time)>=0&&n._call.call(void 0,t),n=n._next;--$n}function kr(){yn=(yt=Yn.now())+xt,$n=Vn=0;try{ia()}finally{$n=0,oa(),yn=0}}function ua(){var n=Yn.now(),t=n-yt;t>Sr&&(xt-=t,yt=n)}function oa(){for(var n,t=mt,e,r=1/0;t;)t._call?(r>t._time&&(r=t._time),n=t,t=t._next):(e=t._next,t._next=null,t=n?n._next=e:mt=e);Xn=n,jt(r)}function jt(n){if(!$n){Vn&&(Vn=clearTimeout(Vn));var t=n-yn;t>24?(n<1/0&&(Vn=setTimeout(kr,Math.ceil(n-Yn.now()-xt)+1)),Bn&&(Bn=clearInterval(Bn))):(Bn||(yt=Yn.now(),Bn=setInterval(ua,Sr)),$n=1,Er(kr))}}function te(n,t,e){var r=new wt;return t=t==null?0:+t,r.restart(i=>{r.stop(),n(i+t)},t,e),r}var aa=Jt("start","end","cancel","interrupt"),fa=[],$r=0,Ir=1,ee=2,_t=3,Cr=4,re=5,Mt=6;function bt(n,t,e,r,i,u){var o=n.__transition;if(!o)n.__transition={};else if(e in o)return;la(n,e,{name:t,index:r,group:i,on:aa,tween:fa,time:u.time,delay:u.delay,duration:u.duration,ease:u.ease,timer:null,state:$r})}function ie(n,t){var e=V(n,t);if(e.state>$r)throw new Error("too late; already scheduled");return e}function U(n,t){var e=V(n,t);if(e.state>_t)throw new Error("too late; already running");return e}function V(n,t){var e=n.__transition;if(!e||!(e=e[t]))throw new Error("transition not found");return e}function la(n,t,e){var r=n.__transition,i;r[t]=e,e.timer=ne(u,0,e.time);function u(f){e.state=Ir,e.timer.restart(o,e.delay,e.time),e.delay<=f&&o(f-e.delay)}function o(f){var s,h,d,p;if(e.state!==Ir)return l();for(s in r)if(p=r[s],p.name===e.name){if(p.state===_t)return te(o);p.state===Cr?(p.state=Mt,p.timer.stop(),p.on.call("interrupt",n,n.__data__,p.index,p.group),delete r[s]):+s<t&&(p.state=Mt,p.timer.stop(),p.on.call("cancel",n,n.__data__,p.index,p.group),delete r[s])}if(te(function(){e.state===_t&&(e.state=Cr,e.timer.restart(a,e.delay,e.time),a(f))}),e.state=ee,e.on.call("start",n,n.__data__,e.index,e.group),e.state===ee){for(e.state=_t,i=new Array(d=e.tween.length),s=0,h=-1;s<d;++s)(p=e.tween[s].value.call(n,n.__data__,e.index,e.group))&&(i[++h]=p);i.length=h+1}}function a(f){for(var s=f<e.duration?e.ease.call(null,f/e.duration):(e.timer.restart(l),e.state=re,1),h=-1,d=i.length;++h<d;)i[h].call(n,s);e.state===re&&(e.on.call("end",n,n.__data__,e.index,e.group),l())}function l(){e.state=Mt,e.timer.stop(),delete r[t];for(var f in r)return;delete n.__transition}}function ca(n,t){var e=n.__transition,r,i,u=!0,o;if(e){t=t==null?null:t+"";for(o in e){if((r=e[o]).name!==t){u=!1;continue}i=r.state>ee&&r.state<re,r.state=Mt,r.timer.stop(),r.on.call(i?"interrupt":"cancel",n,n.__data__,r.index,r.group),delete e[o]}u&&delete n.__transition}}function sa(n){return this.each(function(){ca(this,n)})}function ha(n,t){var e,r;return function(){var i=U(this,n),u=i.tween;if(u!==e){r=e=u;for(var o=0,a=r.length;o<a;++o)if(r[o].name===t){r=r.slice(),r.splice(o,1);break}}i.tween=r}}function da(n,t,e){var r,i;if(typeof e!="function")throw new Error;return function(){var u=U(this,n),o=u.tween;if(o!==r){i=(r=o).slice();for(var a={name:t,value:e},l=0,f=i.length;l<f;++l)if(i[l].name===t){i[l]=a;break}l===f&&i.push(a)}u.tween=i}}function ga(n,t){var e=this._id;if(n+="",arguments.length<2){for(var r=V(this.node(),e).tween,i=0,u=r.length,o;i<u;++i)if((o=r[i]).name===n)return o.value;return null}return this.each((t==null?ha:da)(e,n,t))}function ue(n,t,e){var r=n._id;return n.each(function(){var i=U(this,r);(i.value||(i.value={}))[t]=e.apply(this,arguments)}),function(i){return V(i,r).value[t]}}function qr(n,t){var e;return(typeof t=="number"?L:t instanceof j?Fn:(e=j(t))?(t=e,Fn):Ut)(n,t)}function pa(n){return function(){this.removeAttribute(n)}}function ma(n){return function(){this.removeAttributeNS(n.space,n.local)}}function ya(n,t,e){var r,i=e+"",u;return function(){var o=this.getAttribute(n);return o===i?null:o===r?u:u=t(r=o,e)}}function wa(n,t,e){var r,i=e+"",u;return function(){var o=this.getAttributeNS(n.space,n.local);return o===i?null:o===r?u:u=t(r=o,e)}}function xa(n,t,e){var r,i,u;return function(){var o,a=e(this),l;return a==null?void this.removeAttribute(n):(o=this.getAttribute(n),l=a+"",o===l?null:o===r&&l===i?u:(i=l,u=t(r=o,a)))}}function va(n,t,e){var r,i,u;return function(){var o,a=e(this),l;return a==null?void this.removeAttributeNS(n.space,n.local):(o=this.getAttributeNS(n.space,n.local),l=a+"",o===l?null:o===r&&l===i?u:(i=l,u=t(r=o,a)))}}function _a(n,t){var e=Rn(n),r=e==="transform"?xr:qr;return this.attrTween(n,typeof t=="function"?(e.local?va:xa)(e,r,ue(this,"attr."+n,t)):t==null?(e.local?ma:pa)(e):(e.local?wa:ya)(e,r,t))}function Ma(n,t){return function(e){this.setAttribute(n,t.call(this,e))}}function ba(n,t){return function(e){this.setAttributeNS(n.space,n.local,t.call(this,e))}}function Aa(n,t){var e,r;function i(){var u=t.apply(this,arguments);return u!==r&&(e=(r=u)&&ba(n,u)),e}return i._value=t,i}function Na(n,t){var e,r;function i(){var u=t.apply(this,arguments);return u!==r&&(e=(r=u)&&Ma(n,u)),e}return i._value=t,i}function ka(n,t){var e="attr."+n;if(arguments.length<2)return(e=this.tween(e))&&e._value;if(t==null)return this.tween(e,null);if(typeof t!="function")throw new Error;var r=Rn(n);return this.tween(e,(r.local?Aa:Na)(r,t))}function Sa(n,t){return function(){ie(this,n).delay=+t.apply(this,arguments)}}function Ea(n,t){return t=+t,function(){ie(this,n).delay=t}}function Ia(n){var t=this._id;return arguments.length?this.each((typeof n=="function"?Sa:Ea)(t,n)):V(this.node(),t).delay}function Ca(n,t){return function(){U(this,n).duration=+t.apply(this,arguments)}}function $a(n,t){return t=+t,function(){U(this,n).duration=t}}function qa(n){var t=this._id;return arguments.length?this.each((typeof n=="function"?Ca:$a)(t,n)):V(this.node(),t).duration}function Oa(n,t){if(typeof t!="function")throw new Error;return function(){U(this,n).ease=t}}function Ra(n){var t=this._id;return arguments.length?this.each(Oa(t,n)):V(this.node(),t).ease}function Ta(n,t){return function(){var e=t.apply(this,arguments);if(typeof e!="function")throw new Error;U(this,n).ease=e}}function za(n){if(typeof n!="function")throw new Error;return this.each(Ta(this._id,n))}function Da(n){typeof n!="function"&&(n=It(n));for(var t=this._groups,e=t.length,r=new Array(e),i=0;i<e;++i)for(var u=t[i],o=u.length,a=r[i]=[],l,f=0;f<o;++f)(l=u[f])&&n.call(l,l.__data__,f,u)&&a.push(l);return new tn(r,this._parents,this._name,this._id)}function Ha(n){if(n._id!==this._id)throw new Error;for(var t=this._groups,e=n._groups,r=t.length,i=e.length,u=Math.min(r,i),o=new Array(r),a=0;a<u;++a)for(var l=t[a],f=e[a],s=l.length,h=o[a]=new Array(s),d,p=0;p<s;++p)(d=l[p]||f[p])&&(h[p]=d);for(;a<r;++a)o[a]=t[a];return new tn(o,this._parents,this._name,this._id)}function La(n){return(n+"").trim().split(/^|\\s+/).every(function(t){var e=t.indexOf(".");return e>=0&&(t=t.slice(0,e)),!t||t==="start"})}function Pa(n,t,e){var r,i,u=La(t)?ie:U;return function(){var o=u(this,n),a=o.on;a!==r&&(i=(r=a).copy()).on(t,e),o.on=i}}function Fa(n,t){var e=this._id;return arguments.length<2?V(this.node(),e).on.on(n):this.each(Pa(e,n,t))}function Ba(n){return function(){var t=this.parentNode;for(var e in this.__transition)if(+e!==n)return;t&&t.removeChild(this)}}function Va(){return this.on("end.remove",Ba(this._id))}function Xa(n){var t=this._name,e=this._id;typeof n!="function"&&(n=Qn(n));for(var r=this._groups,i=r.length,u=new Array(i),o=0;o<i;++o)for(var a=r[o],l=a.length,f=u[o]=new Array(l),s,h,d=0;d<l;++d)(s=a[d])&&(h=n.call(s,s.__data__,d,a))&&("__data__"in s&&(h.__data__=s.__data__),f[d]=h,bt(f[d],t,e,d,f,V(s,e)));return new tn(u,this._parents,t,e)}function Ya(n){var t=this._name,e=this._id;typeof n!="function"&&(n=Et(n));for(var r=this._groups,i=r.length,u=[],o=[],a=0;a<i;++a)for(var l=r[a],f=l.length,s,h=0;h<f;++h)if(s=l[h]){for(var d=n.call(s,s.__data__,h,l),p,v=V(s,e),x=0,b=d.length;x<b;++x)(p=d[x])&&bt(p,t,e,x,d,v);u.push(d),o.push(s)}return new tn(u,o,t,e)}var Ua=sn.prototype.constructor;function Wa(){return new Ua(this._groups,this._parents)}function Qa(n,t){var e,r,i;return function(){var u=cn(this,n),o=(this.style.removeProperty(n),cn(this,n));return u===o?null:u===e&&o===r?i:i=t(e=u,r=o)}}function Or(n){return function(){this.style.removeProperty(n)}}function Za(n,t,e){var r,i=e+"",u;return function(){var o=cn(this,n);return o===i?null:o===r?u:u=t(r=o,e)}}function Ga(n,t,e){var r,i,u;return function(){var o=cn(this,n),a=e(this),l=a+"";return a==null&&(l=a=(this.style.removeProperty(n),cn(this,n))),o===l?null:o===r&&l===i?u:(i=l,u=t(r=o,a))}}function Ka(n,t){var e,r,i,u="style."+t,o="end."+u,a;return function(){var l=U(this,n),f=l.on,s=l.value[u]==null?a||(a=Or(t)):void 0;(f!==e||i!==s)&&(r=(e=f).copy()).on(o,i=s),l.on=r}}function Ja(n,t,e){var r=(n+="")=="transform"?wr:qr;return t==null?this.styleTween(n,Qa(n,r)).on("end.style."+n,Or(n)):typeof t=="function"?this.styleTween(n,Ga(n,r,ue(this,"style."+n,t))).each(Ka(this._id,n)):this.styleTween(n,Za(n,r,t),e).on("end.style."+n,null)}function ja(n,t,e){return function(r){this.style.setProperty(n,t.call(this,r),e)}}function nf(n,t,e){var r,i;function u(){var o=t.apply(this,arguments);return o!==i&&(r=(i=o)&&ja(n,o,e)),r}return u._value=t,u}function tf(n,t,e){var r="style."+(n+="");if(arguments.length<2)return(r=this.tween(r))&&r._value;if(t==null)return this.tween(r,null);if(typeof t!="function")throw new Error;return this.tween(r,nf(n,t,e??""))}function ef(n){return function(){this.textContent=n}}function rf(n){return function(){var t=n(this);this.textContent=t??""}}function uf(n){return this.tween("text",typeof n=="function"?rf(ue(this,"text",n)):ef(n==null?"":n+""))}function of(n){return function(t){this.textContent=n.call(this,t)}}function af(n){var t,e;function r(){var i=n.apply(this,arguments);return i!==e&&(t=(e=i)&&of(i)),t}return r._value=n,r}function ff(n){var t="text";if(arguments.length<1)return(t=this.tween(t))&&t._value;if(n==null)return this.tween(t,null);if(typeof n!="function")throw new Error;return this.tween(t,af(n))}function lf(){for(var n=this._name,t=this._id,e=Rr(),r=this._groups,i=r.length,u=0;u<i;++u)for(var o=r[u],a=o.length,l,f=0;f<a;++f)if(l=o[f]){var s=V(l,t);bt(l,n,e,f,o,{time:s.time+s.delay+s.duration,delay:0,duration:s.duration,ease:s.ease})}return new tn(r,this._parents,n,e)}function cf(){var n,t,e=this,r=e._id,i=e.size();return new Promise(function(u,o){var a={value:o},l={value:function(){--i===0&&u()}};e.each(function(){var f=U(this,r),s=f.on;s!==n&&(t=(n=s).copy(),t._.cancel.push(a),t._.interrupt.push(a),t._.end.push(l)),f.on=t}),i===0&&u()})}var sf=0;function tn(n,t,e,r){this._groups=n,this._parents=t,this._name=e,this._id=r}function hf(n){return sn().transition(n)}function Rr(){return++sf}var nn=sn.prototype;tn.prototype=hf.prototype={constructor:tn,select:Xa,selectAll:Ya,selectChild:nn.selectChild,selectChildren:nn.selectChildren,filter:Da,merge:Ha,selection:Wa,transition:lf,call:nn.call,nodes:nn.nodes,node:nn.node,size:nn.size,empty:nn.empty,each:nn.each,on:Fa,attr:_a,attrTween:ka,style:Ja,styleTween:tf,text:uf,textTween:ff,remove:Va,tween:ga,delay:Ia,duration:qa,ease:Ra,easeVarying:za,end:cf,[Symbol.iterator]:nn[Symbol.iterator]};var df={time:null,delay:0,duration:250,ease:gt};function gf(n,t){for(var e;!(e=n.__transition)||!(e=e[t]);)if(!(n=n.parentNode))throw new Error(`transition ${t} not found`);return e}function pf(n){var t,e;n instanceof tn?(t=n._id,n=n._name):(t=Rr(),(e=df).time=vt(),n=n==null?null:n+"");for(var r=this._groups,i=r.length,u=0;u<i;++u)for(var o=r[u],a=o.length,l,f=0;f<a;++f)(l=o[f])&&bt(l,n,t,f,o,e||gf(l,t));return new tn(r,this._parents,n,t)}sn.prototype.interrupt=sa;sn.prototype.transition=pf;function mf(n){let e=0,r=0,i=1,u=10;if(n){for(let o=0;o<n.length&&!(o>6);o++)e+=i*(n.charCodeAt(o)%u),r+=i*(u-1),i*=.7;r>0&&(e=e/r)}return e}function yf(n){let t=0;if(n){let e=n.split("`");e.length>1&&(n=e[e.length-1]),n=n.split("(")[0],t=mf(n)}return t}function wf(n,t){let e,r,i;return n==="red"?(e=200+Math.round(55*t),r=50+Math.round(80*t),i=r):n==="orange"?(e=190+Math.round(65*t),r=90+Math.round(65*t),i=0):n==="yellow"?(e=175+Math.round(55*t),r=e,i=50+Math.round(20*t)):n==="green"?(e=50+Math.round(60*t),r=200+Math.round(55*t),i=e):n==="pastelgreen"?(e=163+Math.round(75*t),r=195+Math.round(49*t),i=72+Math.round(149*t)):n==="blue"?(e=91+Math.round(126*t),r=156+Math.round(76*t),i=221+Math.round(26*t)):n==="aqua"?(e=50+Math.round(60*t),r=165+Math.round(55*t),i=r):n==="cold"?(e=0+Math.round(55*(1-t)),r=0+Math.round(230*(1-t)),i=200+Math.round(55*t)):(e=200+Math.round(55*t),r=0+Math.round(230*(1-t)),i=0+Math.round(55*(1-t))),"rgb("+e+","+r+","+i+")"}function Tr(){let n=960,t=null,e=18,r=null,i=null,u="",o=750,a=gt,l=!1,f=!1,s=null,h=null,d=0,p=null,v=null,x=!1,b=!1,$=!1,S=null,q=!1,C=null,E=function(c){return c.data.n||c.data.name},k=function(c){return"v"in c?c.v:c.value},F=function(c){return c.c||c.children},en=function(c){return c.data.l||c.data.libtype},W=function(c){return"d"in c.data?c.data.d:c.data.delta},Q=function(c,y,m){v=()=>{p&&(p.textContent="search: "+y+" of "+m+" total samples ( "+Mn(".3f")(100*(y/m),3)+"%)")},v()},Un=Q,M=(c,y,m=!1)=>{if(!y)return!1;let w=E(c);m&&(y=y.toLowerCase(),w=w.toLowerCase());let _=new RegExp(y);return typeof w<"u"&&w&&w.match(_)},Z=M,O=function(c){p&&(c?p.textContent=c:typeof v=="function"?v():p.textContent="")},rn=O,an=function(c){return E(c)+" ("+Mn(".3f")(100*(c.x1-c.x0),3)+"%, "+k(c)+" samples)"},G=function(c){return c.highlight?"#E600E6":wn(E(c),en(c))},fn=G;function wn(c,y){let m=C||"warm";!C&&!(typeof y>"u"||y==="")&&(m="red",typeof c<"u"&&c&&c.match(/::/)&&(m="yellow"),y==="kernel"?m="orange":y==="jit"?m="green":y==="inlined"&&(m="aqua"));let w=yf(c);return wf(m,w)}function P(c){c.data.fade=!1,c.data.hide=!1,c.children&&c.children.forEach(P)}function Hr(c){let y=c,m=y.parent,w,_,N;for(;m;){for(w=m.children,_=w.length;_--;)N=w[_],N!==y&&(N.data.hide=!0);y=m,m=y.parent}}function oe(c){c.parent&&(c.parent.data.fade=!0,oe(c.parent))}function At(c,y){if(i&&i.hide(),Hr(c),P(c),oe(c),xn(),$){let m=y.parentNode.offsetTop,w=(window.innerHeight-m)/e,_=(c.height-w+10)*e;window.scrollTo({top:m+_,left:0,behavior:"smooth"})}typeof s=="function"&&s(c)}function Lr(c,y){let m=[],w=0;function _(N,R){let I=!1;M(N,y)?(N.highlight=!0,I=!0,R||(w+=k(N)),m.push(N)):N.highlight=!1,N.children&&N.children.forEach(function(K){_(K,R||I)})}return _(c,!1),[m,w]}function ae(c,y){if(c.id===y)return c;{let m=c.children;if(m)for(let w=0;w<m.length;w++){let _=ae(m[w],y);if(_)return _}}}function fe(c){c.highlight=!1,c.children&&c.children.forEach(function(y){fe(y)})}function Pr(c,y){if(typeof l=="function")return l(c,y);if(l)return hn(E(c),E(y))}let Fr=De();function Br(c){let y=c.descendants();if(d>0){let m=n/(c.x1-c.x0);y=y.filter(function(w){return(w.x1-w.x0)*m>d})}return y}function xn(){r.each(function(c){let y=ht().range([0,n]),m=ht().range([0,e]);l&&c.sort(Pr),ce(c),Fr(c);let w=n/(c.x1-c.x0);function _(A){return(A.x1-A.x0)*w}let N=Br(c),R=vn(this).select("svg");R.attr("width",n);let I=R.selectAll("g").data(N,function(A){return A.id});if(!t||b){let A=0;for(let z=0;z<N.length;++z)N[z].depth>A&&(A=N[z].depth);t=(A+3)*e,t<S&&(t=S),R.attr("height",t)}I.transition().duration(o).ease(a).attr("transform",function(A){return"translate("+y(A.x0)+","+(f?m(A.depth):t-m(A.depth)-e)+")"}),I.select("rect").transition().duration(o).ease(a).attr("width",_);let K=I.enter().append("svg:g").attr("transform",function(A){return"translate("+y(A.x0)+","+(f?m(A.depth):t-m(A.depth)-e)+")"});K.append("svg:rect").transition().delay(o/2).attr("width",_),i||K.append("svg:title"),K.append("foreignObject").append("xhtml:div"),I=R.selectAll("g").data(N,function(A){return A.id}),I.attr("width",_).attr("height",function(A){return e}).attr("name",function(A){return E(A)}).attr("class",function(A){return A.data.fade?"frame fade":"frame"}),I.select("rect").attr("height",function(A){return e}).attr("fill",function(A){return G(A)}),i||I.select("title").text(an),I.select("foreignObject").attr("width",_).attr("height",function(A){return e}).style("pointer-events","none").select("div").attr("class","d3-flame-graph-label").style("display",function(A){return _(A)<35?"none":"block"}).transition().delay(o).text(E),I.on("click",function(A,z){At(z,this)}),I.exit().remove(),I.on("mouseover",function(A,z){i&&i.show(A,z),O(an(z)),typeof h=="function"&&h(z)}).on("mouseout",function(){i&&i.hide(),O(null)})})}function le(c,y){y.forEach(function(m){let w=c.find(function(_){return _.name===m.name});w?(w.value+=m.value,m.children&&(w.children||(w.children=[]),le(w.children,m.children))):c.push(m)})}function Vr(c,y){y(c);let m=c.children;if(m){let w=[m],_,N,R;for(;w.length;)for(m=w.pop(),_=m.length;_--;)N=m[_],y(N),R=N.children,R&&w.push(R)}}function Xr(c){let y=0;Vr(c,function(m){m.id=y++})}function ce(c){let y,m,w,_,N,R,I,K,A=[],z=[],On=[],Yr=!x,ln=c.data;for(ln.hide?(c.value=0,m=c.children,m&&On.push(m)):(c.value=ln.fade?0:k(ln),A.push(c));y=A.pop();)if(m=y.children,m&&(N=m.length)){for(_=0;N--;){if(I=m[N],ln=I.data,ln.hide){I.value=0,w=I.children,w&&On.push(w);continue}ln.fade?I.value=0:(K=k(ln),I.value=K,_+=K),A.push(I)}Yr&&y.value&&(y.value-=_),z.push(m)}for(N=z.length;N--;){for(m=z[N],_=0,R=m.length;R--;)_+=m[R].value;m[0].parent.value+=_}for(;On.length;)for(m=On.pop(),R=m.length;R--;)I=m[R],I.value=0,w=I.children,w&&On.push(w)}function Nt(){r.datum(c=>{if(c.constructor.name!=="Node"){let y=nt(c,F);return Xr(y),ce(y),y.originalValue=y.value,q&&y.eachAfter(m=>{let w=W(m),_=m.children,N=_&&_.length;for(;--N>=0;)w+=_[N].delta;m.delta=w}),y}})}function g(c){if(!arguments.length)return g;r=c,Nt(),r.each(function(y){if(vn(this).select("svg").size()===0){let m=vn(this).append("svg:svg").attr("width",n).attr("class","partition d3-flame-graph");t&&(t<S&&(t=S),m.attr("height",t)),m.append("svg:text").attr("class","title").attr("text-anchor","middle").attr("y","25").attr("x",n/2).attr("fill","#808080").text(u),i&&m.call(i)}}),xn()}return g.height=function(c){return arguments.length?(t=c,g):t},g.minHeight=function(c){return arguments.length?(S=c,g):S},g.width=function(c){return arguments.length?(n=c,g):n},g.cellHeight=function(c){return arguments.length?(e=c,g):e},g.tooltip=function(c){return arguments.length?(typeof c=="function"&&(i=c),g):i},g.title=function(c){return arguments.length?(u=c,g):u},g.transitionDuration=function(c){return arguments.length?(o=c,g):o},g.transitionEase=function(c){return arguments.length?(a=c,g):a},g.sort=function(c){return arguments.length?(l=c,g):l},g.inverted=function(c){return arguments.length?(f=c,g):f},g.computeDelta=function(c){return arguments.length?(q=c,g):q},g.setLabelHandler=function(c){return arguments.length?(an=c,g):an},g.label=g.setLabelHandler,g.search=function(c){let y=[],m=0,w=0;r.each(function(_){let N=Lr(_,c);y.push(...N[0]),m+=N[1],w+=_.originalValue}),Q(y,m,w),xn()},g.findById=function(c){if(typeof c>"u"||c===null)return null;let y=null;return r.each(function(m){y===null&&(y=ae(m,c))}),y},g.clear=function(){O(null),r.each(function(c){fe(c),xn()})},g.zoomTo=function(c){At(c,r.node())},g.resetZoom=function(){r.each(function(c){At(c,r.node())})},g.onClick=function(c){return arguments.length?(s=c,g):s},g.onHover=function(c){return arguments.length?(h=c,g):h},g.merge=function(c){return r&&(this.resetZoom(),v=null,O(null),r.datum(y=>(le([y.data],[c]),y.data)),Nt(),xn()),g},g.update=function(c){return r&&(c&&(r.datum(c),Nt()),xn()),g},g.destroy=function(){return r&&(i&&(i.hide(),typeof i.destroy=="function"&&i.destroy()),r.selectAll("svg").remove()),g},g.setColorMapper=function(c){return arguments.length?(G=y=>{let m=fn(y);return c(y,m)},g):(G=fn,g)},g.color=g.setColorMapper,g.setColorHue=function(c){return arguments.length?(C=c,g):(C=null,g)},g.minFrameSize=function(c){return arguments.length?(d=c,g):d},g.setDetailsElement=function(c){return arguments.length?(p=c,g):p},g.details=g.setDetailsElement,g.selfValue=function(c){return arguments.length?(x=c,g):x},g.resetHeightOnZoom=function(c){return arguments.length?(b=c,g):b},g.scrollOnZoom=function(c){return arguments.length?($=c,g):$},g.getName=function(c){return arguments.length?(E=c,g):E},g.getValue=function(c){return arguments.length?(k=c,g):k},g.getChildren=function(c){return arguments.length?(F=c,g):F},g.getLibtype=function(c){return arguments.length?(en=c,g):en},g.getDelta=function(c){return arguments.length?(W=c,g):W},g.setSearchHandler=function(c){return arguments.length?(Q=c,g):(Q=Un,g)},g.setDetailsHandler=function(c){return arguments.length?(O=c,g):(O=rn,g)},g.setSearchMatch=function(c){return arguments.length?(M=c,g):(M=Z,g)},g}var{title:xf,event:qn,differential:Dr,tree:vf}=JSON.parse(document.getElementById("flame-data").textContent),on=n=>n.toLocaleString("en-US"),zr=n=>n>0?`+${on(n)}`:on(n);function _f(n){let t=n.data,e=[t.name];if(Dr){let r=t.value-t.base,i=t.base===0?"":` (${zr(Math.round(1e3*r/t.base)/10)}%)`;e.push(`base: ${on(t.base)} ${qn}`,`head: ${on(t.value)} ${qn}`,`change: ${zr(r)} ${qn}${i}`,`self: ${on(t.selfBase)} \\u2192 ${on(t.self)} ${qn}`)}else e.push(`${on(t.value)} ${qn}`,`self: ${on(t.self)} ${qn}`);return e.join(`\n`)}function Mf(n){if(n.highlight)return"#e600e6";let{self:t,selfBase:e}=n.data;if(!Dr||t===e)return"rgb(224,224,224)";let r=Math.min(1,Math.abs(t-e)/Math.max(t,e)),i=Math.round(200*(1-r));return t>e?`rgb(255,${i},${i})`:`rgb(${i},${i},255)`}document.title=xf;var bf=Tr().width(Math.max(800,window.innerWidth-32)).cellHeight(18).transitionDuration(0).minFrameSize(1).sort(!0).title("").setLabelHandler(_f).setColorMapper(Mf);vn("#chart").datum(vf).call(bf);})();\n';
var FLAME_GRAPH_STYLE = ".d3-flame-graph rect{stroke:#eee;fill-opacity:.8}.d3-flame-graph rect:hover{stroke:#474747;stroke-width:.5;cursor:pointer}.d3-flame-graph-label{white-space:nowrap;text-overflow:ellipsis;overflow:hidden;font-size:12px;font-family:Verdana;margin-left:4px;margin-right:4px;line-height:1.5;padding:0;font-weight:400;color:#000;text-align:left}.d3-flame-graph .fade{opacity:.6!important}.d3-flame-graph .title{font-size:20px;font-family:Verdana}.d3-flame-graph-tip{background-color:#000;border:none;border-radius:3px;padding:5px 10px;min-width:250px;text-align:left;color:#fff;z-index:10}";

// src/report/flame-graph.ts
function benchmarkCallTree(benchmark) {
  if (benchmark.calls === void 0) return void 0;
  const primary = benchmark.events[0] ?? "";
  const total = benchmark.totals[primary] ?? 0;
  const functions = benchmark.functions.map((fn) => ({
    name: fn.name,
    self: fn.counts[primary] ?? 0
  }));
  const children = callTree(functions, benchmark.calls, total);
  return { name: benchmark.name, value: total, self: 0, children };
}
function differentialTree(head, base) {
  const frame = (node, before) => {
    const baseChildren = new Map((before?.children ?? []).map((child) => [child.name, child]));
    return {
      name: node.name,
      value: node.value,
      self: node.self,
      base: before?.value ?? 0,
      selfBase: before?.self ?? 0,
      children: node.children.map((child) => frame(child, baseChildren.get(child.name)))
    };
  };
  return frame(head, base ?? head);
}
function flameGraphHtml(options) {
  const data = JSON.stringify(options).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>body{margin:16px;font-family:Verdana,sans-serif}${FLAME_GRAPH_STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1 style="font-size:16px">${escapeHtml(options.title)}</h1>`,
    '<div id="chart"></div>',
    `<script type="application/json" id="flame-data">${data}</script>`,
    `<script>${FLAME_GRAPH_SCRIPT}</script>`,
    "</body>",
    "</html>",
    ""
  ].join("\n");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function flameGraphFiles(base, head, names) {
  const baseByName = new Map(base.map((benchmark) => [benchmark.name, benchmark]));
  const taken = /* @__PURE__ */ new Set();
  return head.flatMap((benchmark) => {
    if (!names.includes(benchmark.name)) return [];
    const headTree = benchmarkCallTree(benchmark);
    if (headTree === void 0) return [];
    const before = baseByName.get(benchmark.name);
    const baseTree = before === void 0 ? void 0 : benchmarkCallTree(before);
    const differential = baseTree !== void 0;
    return [
      {
        benchmark: benchmark.name,
        fileName: uniqueFileName(benchmark.name, taken),
        html: flameGraphHtml({
          title: `${benchmark.name}: ${differential ? "base \u2192 head" : "flame graph"}`,
          event: benchmark.events[0] ?? "",
          differential,
          tree: differentialTree(headTree, baseTree)
        })
      }
    ];
  });
}
function uniqueFileName(benchmark, taken) {
  const stem = benchmark.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "_");
  let name = `${stem}.flamegraph.html`;
  for (let number = 2; taken.has(name); number++) name = `${stem}-${number}.flamegraph.html`;
  taken.add(name);
  return name;
}
function movedFlameGraphs(base, head, comparison) {
  const moved = comparison.benchmarks.filter((benchmark) => benchmark.status === "regressed" || benchmark.status === "improved").map((benchmark) => benchmark.name);
  return flameGraphFiles(
    base.benchmarks.map(graphedBenchmark),
    head.benchmarks.map(graphedBenchmark),
    moved
  );
}
function graphedBenchmark(benchmark) {
  const { functions } = benchmark;
  if (Array.isArray(functions)) return { ...benchmark, functions };
  const primary = benchmark.events[0] ?? "";
  const counts = functions.countsOf(primary);
  return {
    ...benchmark,
    functions: Array.from({ length: functions.length }, (_, index) => ({
      name: functions.name(index),
      counts: { [primary]: counts[index] }
    }))
  };
}

// src/cli/flamegraph-command.ts
var help2 = `rust-perf flamegraph: flame graphs of profiles measured under Callgrind

Usage: rust-perf flamegraph [BASE] HEAD [options]

HEAD (and BASE) are profile.json files written by \`rust-perf measure\`, or raw
Callgrind output files (*.callgrind.out). Writes one self-contained HTML flame
graph per benchmark (open it in a browser, no server needed) and prints the
paths. With BASE, only for the benchmarks that regressed or improved, as
differential flame graphs: a frame's width is its inclusive cost in HEAD, its
colour how its own cost changed (red grew, blue shrank), its tooltip the base,
head and change.

Callgrind records calls between pairs of functions, not whole stacks: a
function's cost is shared among its callers in proportion to their calls' cost.

Options:
  --out DIR            Where the HTML files go (default: HEAD's directory)
  --folded             Print HEAD's stacks in the folded format of flamegraph.pl
                       and inferno instead (\`frame;frame;frame count\`, one
                       line per stack, the benchmark as the first frame)
  --bench NAME         Only this benchmark; repeat for several
  --threshold PERCENT  With BASE: a benchmark regressed or improved when its
                       total changed by more than this (default: 1%)
  -h, --help           Show this help.

Exit status: 0 written, 2 a usage error, an unreadable input or no call graph.
`;
var flamegraphCommand = {
  name: "flamegraph",
  summary: "Write flame graphs (or folded stacks) of profiles measured under Callgrind",
  help: help2,
  async execute(args2, context) {
    const { values, positionals } = parseCommandArgs(
      "flamegraph",
      args2,
      {
        out: { type: "string" },
        folded: { type: "boolean", default: false },
        bench: { type: "string", multiple: true, default: [] },
        threshold: { type: "string", default: "1%" }
      },
      true
    );
    if (positionals.length < 1 || positionals.length > 2) {
      throw new InputError(
        `expected HEAD or BASE HEAD, found ${positionals.length} arguments; see \`rust-perf flamegraph --help\``
      );
    }
    const threshold = parsePercent(values.threshold, "--threshold");
    const paths = positionals.map((path) => resolve2(context.cwd, path));
    const normalisation = { workspaceRoot: context.cwd };
    const documents = await Promise.all(paths.map((path) => loadProfileInput(path, normalisation)));
    const head = documents[documents.length - 1];
    const base = documents.length === 2 ? documents[0] : void 0;
    checkBenchNames(values.bench, head.benchmarks, positionals.at(-1));
    const chosen = (benchmark) => values.bench.length === 0 || values.bench.includes(benchmark.name);
    const graphed = head.benchmarks.filter(chosen).map(graphedBenchmark);
    if (!graphed.some((benchmark) => benchmark.calls !== void 0)) {
      throw new InputError(
        `${positionals.at(-1)} has no call graph for ${values.bench.length === 0 ? "any benchmark" : values.bench.join(", ")}`,
        "Flame graphs need a profile measured under Callgrind: measure again with this rust-perf, or give a *.callgrind.out file."
      );
    }
    if (values.folded) {
      context.stdout(
        graphed.map((benchmark) => benchmarkCallTree(benchmark)).map((tree) => tree === void 0 ? "" : foldedStacks([tree])).join("")
      );
      return 0;
    }
    const files = base === void 0 ? flameGraphFiles(
      [],
      graphed,
      graphed.map((benchmark) => benchmark.name)
    ) : movedFlameGraphs(
      base,
      { ...head, benchmarks: head.benchmarks.filter(chosen) },
      compareProfiles(base, head, { threshold, functionThreshold: threshold })
    );
    const outDir = values.out === void 0 ? dirname(paths.at(-1)) : resolve2(context.cwd, values.out);
    for (const path of await writeFlameGraphs(outDir, files)) context.stdout(`${path}
`);
    if (files.length === 0)
      context.log.info("No benchmark regressed or improved: no flame graph written.");
    return 0;
  }
};
function checkBenchNames(names, benchmarks, file) {
  const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length === 0) return;
  throw new InputError(
    `${file} has no benchmark named ${unknown.map((name) => `'${name}'`).join(", ")}`,
    `Its benchmarks: ${benchmarks.map((benchmark) => benchmark.name).join(", ")}.`
  );
}
async function writeFlameGraphs(outDir, files) {
  if (files.length === 0) return [];
  await mkdir(outDir, { recursive: true });
  return Promise.all(
    files.map(async (file) => {
      const path = join(outDir, file.fileName);
      await writeFile(path, file.html);
      return path;
    })
  );
}

// src/cli/history-command.ts
import { readFile as readFile3 } from "node:fs/promises";
import { resolve as resolve3 } from "node:path";
var help3 = `Usage: rust-perf history PROFILE [--format text|markdown]

Prints the trend of each benchmark of a saved baseline: its instruction counts
in the baselines saved before it (a baseline carries the totals of the last
${HISTORY_LENGTH}) and its own. The action's baselines carry them, as do the
baselines \`rust-perf run --save-baseline NAME\` saves under one NAME at one
commit after another (<target dir>/rust-perf/baselines/NAME/profile.json); a
save at the commit of the last one replaces it and adds no point.

Options:
  --format text|markdown   text (default): one line per benchmark with its bars,
                           first and last count; markdown: a Mermaid chart per
                           benchmark, as the job summary shows them
  -h, --help               Print this help

Exit status: 0 success, 2 a usage error or a missing or invalid profile.
`;
var historyCommand = {
  name: "history",
  summary: "Print the trend of each benchmark from a saved baseline",
  help: help3,
  async execute(args2, context) {
    const { values, positionals } = parseCommandArgs(
      "history",
      args2,
      { format: { type: "string", default: "text" } },
      true
    );
    const [file, ...extra] = positionals;
    if (file === void 0 || extra.length > 0) {
      throw new InputError(
        `expected one PROFILE, found ${positionals.length}; see \`rust-perf history --help\``
      );
    }
    if (values.format !== "text" && values.format !== "markdown") {
      throw new InputError(`--format must be text or markdown, got '${values.format}'.`);
    }
    const path = resolve3(context.cwd, file);
    const profile = parseProfileDocument(await readProfile(path, file), file);
    const trends = profileTrends(profile);
    if (trends.length === 0) {
      context.log.info(
        `${file} carries no history: no baseline of an earlier commit was saved before it under its name and conditions.`
      );
      return 0;
    }
    context.stdout(
      values.format === "markdown" ? trendChartsMarkdown(trends).join("\n") : trendText(trends)
    );
    return 0;
  }
};
async function readProfile(path, name) {
  try {
    return await readFile3(path, "utf8");
  } catch (error) {
    throw unreadable(name, error);
  }
}

// src/cli/measure-command.ts
import { join as join10, resolve as resolve9 } from "node:path";

// src/cargo/cargo.ts
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname as dirname4, resolve as resolve6 } from "node:path";

// src/system/process.ts
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { setTimeout as sleep } from "node:timers/promises";
var TEXT_BUSY_ATTEMPTS = 5;
var TEXT_BUSY_DELAY_MS = 20;
var nodeProcessRunner = {
  async run(command, args2, options) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await spawnOnce(command, args2, options);
      } catch (error) {
        if (error.code !== "ETXTBSY" || attempt === TEXT_BUSY_ATTEMPTS) {
          throw error;
        }
        await sleep(TEXT_BUSY_DELAY_MS * attempt, void 0, { signal: options.signal });
      }
    }
  }
};
function spawnOnce(command, args2, options) {
  return new Promise((resolve14, reject) => {
    const child = spawn(command, args2, {
      cwd: options.cwd,
      env: options.env,
      signal: options.signal,
      stdio: ["ignore", "pipe", "pipe"]
    });
    const stdout = collectLines(options.onStdoutLine);
    const stderr = collectLines(options.onStderrLine);
    child.stdout.on("data", stdout.write);
    child.stderr.on("data", stderr.write);
    child.on("error", reject);
    child.on("close", (exitCode2, signal) => {
      resolve14({ exitCode: exitCode2, signal, stdout: stdout.end(), stderr: stderr.end() });
    });
  });
}
function isMissingProgram(error) {
  const code2 = error?.code;
  return code2 === "ENOENT" || code2 === "EACCES";
}
function collectLines(onLine) {
  const decoder = new StringDecoder("utf8");
  let text = "";
  let lineStart = 0;
  const emitLines = (final) => {
    if (!onLine) return;
    let newline = text.indexOf("\n", lineStart);
    while (newline !== -1) {
      onLine(text.slice(lineStart, newline).replace(/\r$/, ""));
      lineStart = newline + 1;
      newline = text.indexOf("\n", lineStart);
    }
    if (final && lineStart < text.length) {
      onLine(text.slice(lineStart));
      lineStart = text.length;
    }
  };
  return {
    write: (chunk) => {
      text += decoder.write(chunk);
      emitLines(false);
    },
    end: () => {
      text += decoder.end();
      emitLines(true);
      return text;
    }
  };
}
function definedEnvironment(env) {
  const result = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0) result[name] = value;
  }
  return result;
}

// src/cargo/artifacts.ts
import { dirname as dirname2, isAbsolute, resolve as resolve4 } from "node:path";

// src/inputs/command-line.ts
var BENCHMARK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function parseNamedCommand(spec) {
  const equals = spec.indexOf("=");
  const name = spec.slice(0, Math.max(equals, 0)).trim();
  const command = spec.slice(equals + 1).trim();
  if (equals === -1 || !BENCHMARK_NAME.test(name) || command === "") {
    throw new InputError(
      `'${spec}' is not a command to measure: expected NAME=COMMAND, e.g. 'report=report --lines 2000'`,
      "NAME is made of letters, digits, `_`, `-` and `.`; it names the benchmark in the report."
    );
  }
  splitCommandLine(command);
  return { name, command };
}
function splitCommandLine(line) {
  const words = [];
  let word;
  let index = 0;
  const fail = (reason) => {
    throw new InputError(`cannot run the command \`${line}\`: ${reason}`);
  };
  while (index < line.length) {
    const char = line[index];
    index += 1;
    if (/\s/.test(char)) {
      if (word !== void 0) words.push(word);
      word = void 0;
    } else if (char === "'") {
      const end = line.indexOf("'", index);
      if (end === -1) fail("a single quote is not closed");
      word = (word ?? "") + line.slice(index, end);
      index = end + 1;
    } else if (char === '"') {
      word ??= "";
      for (; ; ) {
        const next = line[index];
        index += 1;
        if (next === void 0) fail("a double quote is not closed");
        if (next === '"') break;
        if (next === "\\" && (line[index] === '"' || line[index] === "\\")) {
          word += line[index];
          index += 1;
        } else {
          word += next;
        }
      }
    } else if (char === "\\") {
      if (index >= line.length) fail("it ends with a backslash");
      word = (word ?? "") + line[index];
      index += 1;
    } else if ("|&;<>$`".includes(char)) {
      fail(
        `'${char}' is shell syntax, and the command is run without a shell (quote it if it is an argument)`
      );
    } else {
      word = (word ?? "") + char;
    }
  }
  if (word !== void 0) words.push(word);
  if (words.length === 0) fail("it is empty");
  return words;
}

// src/cargo/artifacts.ts
function executablesFromCargoJson(output) {
  const executables = [];
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = parseCargoMessage(line);
    if (message.reason !== "compiler-artifact") continue;
    const artifact = message;
    if (!artifact.executable) continue;
    const kinds = artifact.target.kind;
    const kind = kinds.includes("bench") ? "bench" : artifact.profile.test ? void 0 : kinds.includes("bin") ? "bin" : kinds.includes("example") ? "example" : void 0;
    if (kind === void 0) continue;
    executables.push({
      name: artifact.target.name,
      kind,
      path: artifact.executable,
      packageRoot: dirname2(artifact.manifest_path)
    });
  }
  return executables;
}
function parseCargoMessage(line) {
  try {
    return JSON.parse(line);
  } catch {
    throw new BuildError(`cargo printed a line that is not JSON on stdout: ${line.slice(0, 200)}`);
  }
}
function selectBenches(executables, names) {
  const benches = executables.filter((executable) => executable.kind === "bench");
  const available = [...new Set(benches.map((bench) => bench.name))].sort();
  const wanted = names.length > 0 ? [...new Set(names)] : available;
  return wanted.map((name) => {
    const matches = benches.filter((bench2) => bench2.name === name);
    if (matches.length === 0) {
      throw new InputError(
        `there is no bench target named '${name}'`,
        available.length > 0 ? `The bench targets are: ${available.join(", ")}.` : "The package has no bench targets: add one under benches/ (with `harness = false` in a [[bench]] section) or measure a program with --command."
      );
    }
    if (matches.length > 1) {
      throw new InputError(
        `more than one package has a bench target named '${name}'`,
        "Measure one package at a time: pass `-p PACKAGE` in the cargo arguments."
      );
    }
    const bench = matches[0];
    return { name, executable: bench.path, args: [], cwd: bench.packageRoot };
  }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function resolveCommand(command, executables, packageRoot) {
  const [program, ...args2] = splitCommandLine(command.command);
  const built = executables.find(
    (executable) => executable.kind !== "bench" && executable.name === program
  );
  if (built) {
    return { name: command.name, executable: built.path, args: args2, cwd: built.packageRoot };
  }
  if (program.includes("/")) {
    const executable = isAbsolute(program) ? program : resolve4(packageRoot, program);
    return { name: command.name, executable, args: args2, cwd: packageRoot };
  }
  const programs = [
    ...new Set(
      executables.filter((executable) => executable.kind !== "bench").map((executable) => `${executable.name} (${executable.kind})`)
    )
  ];
  throw new InputError(
    `the command '${command.name}' runs '${program}', which is not a binary or example that cargo built`,
    programs.length > 0 ? `Cargo built: ${programs.join(", ")}. To build another, add e.g. \`--example ${program} --benches\` to the cargo arguments.` : `Add e.g. \`--example ${program} --benches\` or \`--bin ${program} --benches\` to the cargo arguments so that cargo builds it, or give a path to the program.`
  );
}

// src/cargo/metadata.ts
import { resolve as resolve5 } from "node:path";
function parseCargoMetadata(stdout) {
  const invalid = (reason) => new BuildError(`cargo metadata printed something rust-perf cannot read: ${reason}`);
  const raw = parseJson(stdout, invalid);
  if (!isJsonObject(raw) || typeof raw.workspace_root !== "string" || typeof raw.target_directory !== "string" || !Array.isArray(raw.packages)) {
    throw invalid("no workspace_root, target_directory or packages");
  }
  return {
    workspaceRoot: raw.workspace_root,
    targetDirectory: raw.target_directory,
    packages: raw.packages.map((entry) => {
      const pkg = entry;
      return {
        name: pkg.name,
        manifestPath: resolve5(pkg.manifest_path),
        targets: pkg.targets.map((target) => ({
          name: target.name,
          kind: target.kind,
          srcPath: target.src_path
        })),
        dependencies: pkg.dependencies.map((dependency) => ({
          name: dependency.name,
          ...dependency.rename ? { rename: dependency.rename } : {},
          req: dependency.req,
          kind: dependency.kind === "dev" || dependency.kind === "build" ? dependency.kind : "normal"
        }))
      };
    })
  };
}

// src/cargo/path-remap.ts
import { createHash } from "node:crypto";
import { chmod, mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";
async function writePathRemapWrapper(targetDir, workspaceRoot, userWrapper) {
  const key = createHash("sha256").update(workspaceRoot).digest("hex").slice(0, 16);
  const directory = join2(targetDir, "rust-perf", "rustc-wrapper", key);
  const path = join2(directory, "remap-path-prefix");
  const wrapped = userWrapper ? `${shellQuote(userWrapper)} ` : "";
  const script = [
    "#!/bin/sh",
    "# Written by rust-perf: remaps the workspace root out of the debug info of its own crates.",
    `exec ${wrapped}"$@" ${shellQuote(`--remap-path-prefix=${workspaceRoot}=`)}`,
    ""
  ].join("\n");
  await mkdir2(directory, { recursive: true });
  await writeFile2(path, script);
  await chmod(path, 493);
  return path;
}
function shellQuote(text) {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// src/cargo/rustflags.ts
import { dirname as dirname3, join as join3 } from "node:path";
var V0_MANGLING_FLAG = "-Csymbol-mangling-version=v0";
function userRustflags(context) {
  const { env } = context;
  const ignored = Object.keys(env).filter((name) => /^CARGO_TARGET_.+_RUSTFLAGS$/.test(name)).map((name) => `${name} (environment)`);
  if (env.CARGO_ENCODED_RUSTFLAGS !== void 0) {
    const encoded = env.CARGO_ENCODED_RUSTFLAGS;
    const flags2 = encoded === "" ? [] : encoded.split("");
    return { flags: flags2, source: "CARGO_ENCODED_RUSTFLAGS", ignored };
  }
  for (const name of ["RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS"]) {
    const value = env[name];
    if (value !== void 0) return { flags: splitWhitespace(value), source: name, ignored };
  }
  const flags = [];
  const sources = [];
  for (const file of configFiles(context)) {
    const text = context.readFile(file);
    if (text === void 0) continue;
    const config = readRustflagsConfig(text, file);
    if (config.buildRustflags) {
      flags.push(...config.buildRustflags);
      sources.push(file);
    }
    if (config.hasTargetRustflags) ignored.push(`target.<triple>.rustflags in ${file}`);
  }
  return { flags, source: sources.length > 0 ? sources.join(", ") : "none", ignored };
}
function withV0Mangling(userFlags) {
  const chosen = manglingVersion(userFlags);
  if (chosen === void 0) return { rustflags: [...userFlags, V0_MANGLING_FLAG], mangling: "v0" };
  return { rustflags: [...userFlags], mangling: chosen === "v0" ? "v0" : "legacy" };
}
function manglingVersion(flags) {
  let version;
  for (const [index, flag] of flags.entries()) {
    const option = flag === "-C" || flag === "--codegen" ? flags[index + 1] : flag.match(/^(?:-C|--codegen=)(.*)$/)?.[1];
    const value = option?.match(/^symbol-mangling-version=(.*)$/)?.[1];
    if (value !== void 0) version = value;
  }
  return version;
}
function configFiles(context) {
  const directories = [];
  for (let directory = context.cwd; ; directory = dirname3(directory)) {
    directories.unshift(join3(directory, ".cargo"));
    if (dirname3(directory) === directory) break;
  }
  const cargoHome = context.env.CARGO_HOME ?? join3(context.home, ".cargo");
  if (!directories.includes(cargoHome)) directories.unshift(cargoHome);
  return directories.map(
    (directory) => context.readFile(join3(directory, "config")) === void 0 ? join3(directory, "config.toml") : join3(directory, "config")
  );
}
function readRustflagsConfig(text, file) {
  const config = { hasTargetRustflags: false };
  const reader = new ValueReader(text, file);
  let table = "";
  while (!reader.atEnd()) {
    const line = reader.restOfLine();
    const header = line.match(/^\s*\[\s*([^\]\s]+)\s*\]\s*(?:#.*)?$/);
    if (header) {
      table = header[1];
      reader.skipLine();
      continue;
    }
    const key = line.match(/^\s*([\w.-]+)\s*=\s*/);
    const fullKey = key ? table === "" ? key[1] : `${table}.${key[1]}` : void 0;
    if (fullKey === "build.rustflags") {
      reader.advance(key[0].length);
      const value = reader.readValue();
      config.buildRustflags = typeof value === "string" ? splitWhitespace(value) : value;
      reader.expectEndOfLine();
      continue;
    }
    if (fullKey !== void 0 && /^target\..+\.rustflags$/.test(fullKey)) {
      config.hasTargetRustflags = true;
    }
    reader.skipLine();
  }
  return config;
}
var ValueReader = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
  }
  text;
  file;
  position = 0;
  atEnd() {
    return this.position >= this.text.length;
  }
  restOfLine() {
    const end = this.text.indexOf("\n", this.position);
    return this.text.slice(this.position, end === -1 ? void 0 : end);
  }
  skipLine() {
    const end = this.text.indexOf("\n", this.position);
    this.position = end === -1 ? this.text.length : end + 1;
  }
  advance(count) {
    this.position += count;
  }
  readValue() {
    const char = this.text[this.position];
    if (char === '"' || char === "'") return this.readString();
    if (char !== "[") this.fail("rustflags must be a string or an array of strings");
    this.position += 1;
    const items = [];
    for (; ; ) {
      this.skipBlank();
      const next = this.text[this.position];
      if (next === "]") {
        this.position += 1;
        return items;
      }
      if (next !== '"' && next !== "'") this.fail("rustflags must be an array of strings");
      items.push(this.readString());
      this.skipBlank();
      if (this.text[this.position] === ",") this.position += 1;
      else if (this.text[this.position] !== "]") this.fail("expected ',' or ']' in rustflags");
    }
  }
  expectEndOfLine() {
    const rest = this.restOfLine();
    if (!/^\s*(?:#.*)?$/.test(rest)) this.fail(`unexpected text after rustflags: ${rest.trim()}`);
    this.skipLine();
  }
  /** Whitespace, newlines and comments, as allowed between array items. */
  skipBlank() {
    for (; ; ) {
      const char = this.text[this.position];
      if (char === " " || char === "	" || char === "\r" || char === "\n") this.position += 1;
      else if (char === "#") this.skipLine();
      else return;
    }
  }
  readString() {
    const quote = this.text[this.position];
    if (this.text.startsWith(quote.repeat(3), this.position)) {
      this.fail("multi-line strings in rustflags are not supported; use an array of strings");
    }
    this.position += 1;
    let value = "";
    for (; ; ) {
      const char = this.text[this.position];
      if (char === void 0 || char === "\n") this.fail("unterminated string in rustflags");
      this.position += 1;
      if (char === quote) return value;
      if (char === "\\" && quote === '"') value += this.readEscape();
      else value += char;
    }
  }
  readEscape() {
    const char = this.text[this.position];
    this.position += 1;
    const simple = {
      b: "\b",
      t: "	",
      n: "\n",
      f: "\f",
      r: "\r",
      '"': '"',
      "\\": "\\"
    };
    if (char !== void 0 && char in simple) return simple[char];
    const digits = char === "u" ? 4 : char === "U" ? 8 : 0;
    const hex = this.text.slice(this.position, this.position + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
      this.fail(`invalid escape \\${char ?? ""} in a rustflags string`);
    }
    this.position += digits;
    return String.fromCodePoint(Number.parseInt(hex, 16));
  }
  fail(reason) {
    const lineNumber = this.text.slice(0, this.position).split("\n").length;
    throw new CorruptFileError(this.file, lineNumber, reason);
  }
};
function splitWhitespace(value) {
  return value.split(/\s+/).filter((flag) => flag !== "");
}

// src/cargo/cargo.ts
async function buildBenchmarks(settings, deps) {
  const { log } = deps;
  const manifestPath = resolve6(settings.manifestPath);
  const { user, rustflags, mangling } = buildRustflags(manifestPath, deps.env);
  for (const setting of user.ignored) {
    log.warn(
      `rust-perf does not read ${setting}: those flags are not used. Set them in RUSTFLAGS or build.rustflags instead.`
    );
  }
  const env = cargoEnvironment(deps.env, rustflags, settings.targetDir);
  env.RUSTC_WORKSPACE_WRAPPER = await writePathRemapWrapper(
    settings.targetDir,
    settings.workspaceRoot,
    env.RUSTC_WORKSPACE_WRAPPER
  );
  const build = async (subcommand) => {
    const args2 = [
      ...subcommand,
      "--manifest-path",
      manifestPath,
      "--message-format=json-render-diagnostics",
      ...settings.cargoArgs
    ];
    const progress = progressUntilErrors(log);
    const result = await runCargo(args2, manifestPath, env, deps, progress.line);
    if (result.exitCode !== 0) {
      throw new BuildError(
        `\`cargo ${args2.join(" ")}\` failed (${result.signal ?? `exit ${result.exitCode}`}):
${cargoErrors(result.stderr)}`,
        "Fix these build errors; `cargo bench --no-run` shows them too."
      );
    }
    progress.flush();
    return executablesFromCargoJson(result.stdout);
  };
  return log.group("Building benchmarks", async () => {
    log.info(`rustflags: ${rustflags.join(" ")} (user flags from ${user.source})`);
    const only = settings.benches.flatMap((name) => ["--bench", name]);
    const executables = await build(["bench", "--no-run", ...only]);
    if (settings.buildPrograms) {
      executables.push(...await build(["build", "--profile", "bench", "--bins", "--examples"]));
    }
    return { executables, rustflags, mangling };
  });
}
function buildRustflags(manifestPath, env) {
  const user = userRustflags({
    env,
    cwd: dirname4(resolve6(manifestPath)),
    home: homedir(),
    readFile: readTextIfExists
  });
  return { user, ...withV0Mangling(user.flags) };
}
var FORCED_PROFILE_SETTINGS = /^CARGO_PROFILE_(BENCH|RELEASE)_(DEBUG|STRIP)$/;
function codegenSettings(env) {
  return Object.entries(env).filter(
    ([name, value]) => value !== void 0 && /^CARGO_PROFILE_(BENCH|RELEASE)_/.test(name) && !FORCED_PROFILE_SETTINGS.test(name)
  ).map(([name, value]) => `${name}=${value}`).sort();
}
async function cargoMetadata(manifestPath, deps) {
  const path = resolve6(manifestPath);
  const args2 = ["metadata", "--no-deps", "--format-version", "1", "--manifest-path", path];
  const result = await runCargo(args2, path, definedEnvironment(deps.env), deps);
  if (result.exitCode !== 0) {
    throw new BuildError(`cargo could not read ${path}:
${cargoErrors(result.stderr)}`);
  }
  return parseCargoMetadata(result.stdout);
}
async function targetDirectory(manifestPath, deps) {
  return (await cargoMetadata(manifestPath, deps)).targetDirectory;
}
function cargoEnvironment(env, rustflags, targetDir) {
  const result = definedEnvironment(env);
  delete result.RUSTFLAGS;
  for (const profile of ["BENCH", "RELEASE"]) {
    result[`CARGO_PROFILE_${profile}_DEBUG`] = "line-tables-only";
    result[`CARGO_PROFILE_${profile}_STRIP`] = "none";
  }
  result.CARGO_ENCODED_RUSTFLAGS = rustflags.join("");
  result.CARGO_TARGET_DIR = targetDir;
  return result;
}
function runCargo(args2, manifestPath, env, deps, onStderrLine) {
  checkManifestExists(manifestPath);
  deps.log.debug(`cargo ${args2.join(" ")} (in ${dirname4(manifestPath)})`);
  return deps.processes.run("cargo", args2, { cwd: dirname4(manifestPath), env, signal: deps.signal, onStderrLine }).catch((error) => {
    if (!isMissingProgram(error)) throw error;
    throw new EnvironmentError(
      "cargo was not found on PATH",
      "Install Rust with rustup (https://rustup.rs); on GitHub Actions, add a toolchain step such as dtolnay/rust-toolchain before this one."
    );
  });
}
function checkManifestExists(manifestPath) {
  if (!existsSync2(manifestPath)) {
    throw new InputError(
      `there is no Cargo.toml at ${manifestPath}`,
      "Point the manifest path at the Cargo.toml of the crate whose benchmarks to measure."
    );
  }
}
function progressUntilErrors(log) {
  const held = [];
  return {
    line(line) {
      if (held.length > 0 || ERROR_LINE.test(line)) held.push(line);
      else log.info(line);
    },
    flush() {
      for (const line of held.splice(0)) log.info(line);
    }
  };
}
var ERROR_LINE = /^error(\[\w+\])?:/;
function cargoErrors(stderr) {
  const lines2 = stderr.trimEnd().split("\n");
  const firstError = lines2.findIndex((line) => ERROR_LINE.test(line));
  const errors = firstError === -1 ? lines2.slice(-40) : lines2.slice(firstError);
  return errors.length > 80 ? [...errors.slice(0, 80), "\u2026"].join("\n") : errors.join("\n");
}
function readTextIfExists(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}

// src/cargo/find-manifest.ts
import { existsSync as existsSync3 } from "node:fs";
import { dirname as dirname5, join as join4, resolve as resolve7 } from "node:path";
function findManifest(directory) {
  const start = resolve7(directory);
  for (let current = start; ; current = dirname5(current)) {
    const candidate = join4(current, "Cargo.toml");
    if (existsSync3(candidate)) return candidate;
    if (dirname5(current) === current) break;
  }
  throw new InputError(
    `there is no Cargo.toml in ${start} or any directory above it`,
    "Run rust-perf inside the crate whose benchmarks to measure, or name its manifest with --manifest-path PATH/Cargo.toml."
  );
}

// src/inputs/harness-setting.ts
var TARGET_NAME = /^[A-Za-z0-9_-]+$/;
function parseHarnessSetting(spec) {
  const equals = spec.indexOf("=");
  const target = spec.slice(0, Math.max(equals, 0)).trim();
  const harness = HARNESSES.find((name) => name === spec.slice(equals + 1).trim());
  if (equals === -1 || !TARGET_NAME.test(target) || harness === void 0) {
    throw new InputError(
      `'${spec}' is not a harness setting: expected TARGET=HARNESS, e.g. 'ops=criterion'`,
      `TARGET is a bench target's name; HARNESS is one of ${HARNESSES.join(", ")}.`
    );
  }
  return [target, harness];
}
function parseHarnessSettings(specs) {
  const settings = /* @__PURE__ */ new Map();
  for (const spec of specs) {
    const [target, harness] = parseHarnessSetting(spec);
    if (settings.has(target)) {
      throw new InputError(
        `the harness of '${target}' is set twice`,
        "Set each target\u2019s harness once."
      );
    }
    settings.set(target, harness);
  }
  return settings;
}

// src/inputs/metrics.ts
var METRICS = ["instructions", "allocations"];
var DEFAULT_METRICS = ["instructions"];
function parseMetrics(value, what) {
  const names = value.split(/[\s,]+/).filter((name) => name !== "");
  if (names.length === 0) return [...DEFAULT_METRICS];
  const unknown = names.find((name) => !METRICS.includes(name));
  if (unknown !== void 0) {
    throw new InputError(
      `${what} must list metrics among ${METRICS.join(" and ")}, separated by commas, got '${unknown}'.`
    );
  }
  return METRICS.filter((metric) => metric === "instructions" || names.includes(metric));
}

// src/inputs/run-count.ts
var MAX_RUNS = 20;
function runCount(value) {
  const text = value.trim();
  const runs = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return runs >= 1 && runs <= MAX_RUNS ? runs : void 0;
}
function parseRuns(value, what) {
  const runs = runCount(value);
  if (runs === void 0) {
    throw new InputError(
      `${what} must be a whole number from 1 to ${MAX_RUNS}, not '${value}'`,
      "Two runs (the default) are enough to notice functions whose counts vary."
    );
  }
  return runs;
}

// src/inputs/timeout.ts
var UNIT_SECONDS = { "": 1, s: 1, m: 60, h: 3600 };
function parseTimeout(value, what) {
  const text = value.trim();
  const match = /^(\d{1,6})([smh]?)$/.exec(text);
  if (text !== "" && !match) {
    throw new InputError(
      `${what} must be a whole number of seconds, or of minutes or hours with 'm' or 'h' (e.g. '90', '15m', '1h'), or 0 for none, got '${value}'`
    );
  }
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2]] : 0;
  return seconds === 0 ? void 0 : seconds;
}
function formatDuration(seconds) {
  const parts = [
    [Math.floor(seconds / 3600), "h"],
    [Math.floor(seconds % 3600 / 60), "m"],
    [seconds % 60, "s"]
  ];
  return parts.filter(([count]) => count > 0).map(([count, unit]) => `${count}${unit}`).join(" ");
}

// src/measure/measure.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { mkdir as mkdir5, readdir as readdir2, rm as rm4, writeFile as writeFile4 } from "node:fs/promises";
import { availableParallelism as availableParallelism2 } from "node:os";
import { dirname as dirname8, join as join9, resolve as resolve8 } from "node:path";

// src/benchmarks/bench-targets.ts
import { dirname as dirname6, relative } from "node:path";

// src/benchmarks/harness.ts
var GUNGRAUN_CRATES = ["gungraun", "iai-callgrind", "iai_callgrind"];
function detectHarness(libtestHarness, source, devDependencies, sourceName) {
  if (libtestHarness) return { harness: "libtest", evidence: "harness = true, the default" };
  const code2 = withoutComments(source);
  const aliases = (crates) => devDependencies.filter((dependency) => crates.includes(dependency.name)).map((dependency) => (dependency.rename ?? dependency.name).replace(/-/g, "_"));
  const gungraun = [.../* @__PURE__ */ new Set([...aliases(GUNGRAUN_CRATES), "gungraun", "iai_callgrind"])];
  if (gungraun.some((alias) => new RegExp(`\\b${alias}\\s*::\\s*main\\s*!`).test(code2)) || /\b(?:library|binary)_benchmark_group\s*!/.test(code2)) {
    return { harness: "gungraun", evidence: `Gungraun's main! in ${sourceName}` };
  }
  if (/\bcriterion_main\s*!/.test(code2)) {
    return { harness: "criterion", evidence: `criterion_main! in ${sourceName}` };
  }
  const divan = [.../* @__PURE__ */ new Set([...aliases(["divan"]), "divan"])];
  if (divan.some((alias) => new RegExp(`\\b${alias}\\s*::\\s*main\\s*\\(`).test(code2))) {
    return { harness: "divan", evidence: `divan::main() in ${sourceName}` };
  }
  return { harness: "plain", evidence: `harness = false, its own main in ${sourceName}` };
}
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, "");
}
function criterionVersionWarning(devDependencies) {
  const criterion = devDependencies.find((dependency) => dependency.name === "criterion");
  if (!criterion) return void 0;
  const version = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(criterion.req);
  if (!version) return void 0;
  const [major, minor, patch] = [Number(version[1]), Number(version[2]), Number(version[3] ?? 0)];
  const known = major === 0 && (minor > 3 || minor === 3 && patch >= 4) && minor <= 7;
  return known ? void 0 : `criterion ${criterion.req} is outside the versions rust-perf knows (0.3.4 to 0.7): its benchmarks are measured as for those, so check that each one is listed`;
}

// src/benchmarks/manifest.ts
var TABLE_HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
var KEY_VALUE = /^\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*(?:#[^"']*)?$/;
function declaredBenches(manifest) {
  const benches = [];
  let current;
  for (const line of manifest.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const header = TABLE_HEADER.exec(line);
    if (header) {
      current = line.trim().startsWith("[[") && header[1] === "bench" ? { harness: true } : void 0;
      if (current) benches.push(current);
      continue;
    }
    const entry = current && KEY_VALUE.exec(line);
    if (!current || !entry) continue;
    const [, key, value] = entry;
    if (key === "harness") current.harness = value !== "false";
    else if (key === "name" || key === "path") {
      const text = tomlString(value);
      if (text !== void 0) current[key] = text;
    }
  }
  return benches;
}
function tomlString(value) {
  const basic = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  if (basic) return basic[1].replace(/\\(["\\])/g, "$1");
  return /^'([^']*)'$/.exec(value)?.[1];
}
function usesLibtest(declared, name, srcPath) {
  const table = declared.find(
    (bench) => bench.name === name || bench.path !== void 0 && samePath(bench.path, srcPath)
  );
  return table?.harness ?? true;
}
function samePath(a, b) {
  const clean = (path) => path.replace(/^\.\//, "");
  return clean(a) === clean(b);
}

// src/benchmarks/bench-targets.ts
function findBenchTargets(metadata, manifestPath, named, overrides, readText) {
  const own = metadata.packages.filter((pkg) => pkg.manifestPath === manifestPath);
  const packages = own.length > 0 ? own : metadata.packages;
  const all = packages.flatMap(
    (pkg) => pkg.targets.filter((target) => target.kind.includes("bench")).map((target) => ({ pkg, target }))
  );
  const available = [...new Set(all.map(({ target }) => target.name))].sort();
  for (const name of [...named, ...overrides.keys()]) {
    if (!available.includes(name)) {
      throw new InputError(
        `there is no bench target named '${name}'`,
        available.length > 0 ? `The bench targets are: ${available.join(", ")}.` : "The package has no bench targets: add one under benches/ or measure a program with a command."
      );
    }
  }
  const wanted = named.length > 0 ? all.filter(({ target }) => named.includes(target.name)) : all;
  const manifests = /* @__PURE__ */ new Map();
  return wanted.map(({ pkg, target }) => {
    const packageRoot = dirname6(pkg.manifestPath);
    const override = overrides.get(target.name);
    if (override !== void 0) {
      return { name: target.name, harness: override, evidence: "as configured", packageRoot };
    }
    if (!manifests.has(pkg)) manifests.set(pkg, readText(pkg.manifestPath));
    const sourceName = relative(packageRoot, target.srcPath);
    const libtest = usesLibtest(declaredBenches(manifests.get(pkg)), target.name, sourceName);
    const devDependencies = pkg.dependencies.filter((dependency) => dependency.kind === "dev");
    const finding = detectHarness(libtest, readText(target.srcPath), devDependencies, sourceName);
    return { name: target.name, ...finding, packageRoot };
  }).sort((a, b) => compareText(a.name, b.name));
}

// src/benchmarks/listing.ts
var LISTED_BENCHMARK = /^(.+): bench(?:mark)?$/;
function listedBenchmarks(stdout) {
  return stdout.split(/\r?\n/).map((line) => LISTED_BENCHMARK.exec(line)?.[1]).filter((id) => id !== void 0);
}

// src/benchmarks/list-ids.ts
async function listBenchmarkIds(program, cut, env, deps) {
  const result = await deps.processes.run(program.executable, cut.listArgs, {
    cwd: program.cwd,
    env: { ...env, PWD: program.cwd },
    signal: deps.signal
  });
  if (result.exitCode !== 0) {
    const how = result.signal === null ? `exited with status ${result.exitCode}` : `was killed by ${result.signal}`;
    throw new BenchmarkError(
      `bench ${program.name} ${how} when asked to list its benchmarks (${cut.listArgs.join(" ")}):
${result.stderr.trimEnd().split("\n").slice(-20).join("\n")}`,
      `rust-perf found the ${cut.harness} harness in it; if that is wrong, say which harness it uses with the harness setting (e.g. ${program.name}=plain).`
    );
  }
  return listedBenchmarks(result.stdout);
}

// src/benchmarks/routine-cut.ts
var CRITERION_ROUTINES = ["Bencher", "AsyncBencher"].flatMap(
  (bencher) => ["iter", "iter_custom", "iter_batched", "iter_batched_ref"].map(
    (method) => `<criterion::bencher::${bencher}>::${method}::<*`
  )
);
var CRITERION_BOUNDARIES = [
  "*criterion::routine::*",
  "*criterion::benchmark_group::BenchmarkGroup*"
];
var CRITERION_TIMING = [
  "<criterion::measurement::WallTime as criterion::measurement::Measurement>::*",
  "<std::time::Instant>::*",
  "std::time::Instant::*"
];
var LIBTEST_ROUTINE = "<*::{closure#*} as core::ops::function::FnOnce<(&mut test::bench::Bencher,)>>::call_once";
var LIBTEST_ROUTINE_PATH = /^<(.+)::\{closure#\d+\} as core::ops::function::FnOnce<\(&mut test::bench::Bencher,\)>>::call_once$/;
var LIBTEST_BOUNDARY = "test::__rust_begin_short_backtrace*";
var LIBTEST_TIMING = ["<std::time::Instant>::*", "std::time::Instant::*"];
function routineCut(harness) {
  switch (harness) {
    case "criterion":
      return {
        harness,
        listArgs: ["--bench", "--list"],
        // Without --bench, criterion runs in test mode.
        runArgs: [],
        // Criterion's filter is a regular expression (0.4 and later also take `--exact`, 0.3
        // refuses it): the id, anchored and escaped, matches that id alone.
        onlyArgs: (id) => [`^${escapeRegex(id)}$`],
        callgrindArgs: callgrindArgs(CRITERION_ROUTINES, CRITERION_BOUNDARIES),
        isRoutine: matcher(CRITERION_ROUTINES),
        isTiming: matcher(CRITERION_TIMING)
      };
    case "libtest":
      return {
        harness,
        listArgs: ["--list"],
        // Without --bench, libtest runs each benchmark once as a test; one thread keeps the
        // parts in order and the counts free of scheduling.
        runArgs: ["--test-threads=1"],
        onlyArgs: (id) => ["--exact", id],
        callgrindArgs: callgrindArgs([LIBTEST_ROUTINE], [LIBTEST_BOUNDARY]),
        isRoutine: matcher([LIBTEST_ROUTINE]),
        isTiming: matcher(LIBTEST_TIMING),
        idOfRoutine(name, target) {
          const path = LIBTEST_ROUTINE_PATH.exec(name)?.[1];
          const crate = `${target.replace(/-/g, "_")}::`;
          return path?.startsWith(crate) ? path.slice(crate.length) : void 0;
        }
      };
    default:
      return void 0;
  }
}
function callgrindArgs(routines, boundaries) {
  return [
    "--tool=callgrind",
    "--collect-atstart=no",
    ...routines.map((pattern) => `--toggle-collect=${pattern}`),
    ...boundaries.map((pattern) => `--dump-after=${pattern}`),
    "--combine-dumps=yes"
  ];
}
function escapeRegex(text) {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}
function matcher(patterns) {
  const expression = new RegExp(
    `^(?:${patterns.map(
      (pattern) => pattern.split("").map(
        (char) => char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      ).join("")
    ).join("|")})$`,
    "s"
  );
  return (name) => expression.test(name);
}

// src/cargo/toolchain.ts
async function rustcVersion(processes, env, cwd) {
  const result = await processes.run("rustc", ["-vV"], { cwd, env }).catch((error) => {
    if (!isMissingProgram(error)) throw error;
    throw new EnvironmentError(
      "rustc was not found on PATH",
      "Install Rust with rustup (https://rustup.rs)."
    );
  });
  if (result.exitCode !== 0) {
    throw new EnvironmentError(`\`rustc -vV\` failed: ${result.stderr.trim()}`);
  }
  return result.stdout.trim();
}
function targetTriple(rustc, cargoArgs) {
  let target = rustc.match(/^host: (.+)$/m)?.[1]?.trim();
  for (const [index, arg] of cargoArgs.entries()) {
    if (arg === "--target") target = cargoArgs[index + 1] ?? target;
    else if (arg.startsWith("--target=")) target = arg.slice("--target=".length);
  }
  if (target === void 0) {
    throw new EnvironmentError(`\`rustc -vV\` did not name the host target:
${rustc}`);
  }
  return target;
}

// src/profile/shard-assignment.ts
import { createHash as createHash2 } from "node:crypto";
function shardAssignment(count, costs = /* @__PURE__ */ new Map()) {
  const loads = new Array(count).fill(0);
  const costed = /* @__PURE__ */ new Map();
  const byCost = [...costs].sort(
    ([a, costA], [b, costB]) => costB - costA || hashOf(a, 0) - hashOf(b, 0) || (a < b ? -1 : 1)
  );
  for (const [unit, cost] of byCost) {
    let best = 0;
    for (let shard = 1; shard < count; shard++) {
      const lighter = loads[shard] < loads[best];
      const tie = loads[shard] === loads[best] && hashOf(unit, shard) > hashOf(unit, best);
      if (lighter || tie) best = shard;
    }
    loads[best] += cost;
    costed.set(unit, best + 1);
  }
  return (unit) => costed.get(unit) ?? rendezvous(unit, count);
}
function shareOf(spec, units, costs) {
  const shardOf3 = shardAssignment(spec.count, costs);
  return units.filter((unit) => shardOf3(unit) === spec.index);
}
function rendezvous(unit, count) {
  let best = 0;
  for (let shard = 1; shard < count; shard++) {
    if (hashOf(unit, shard) > hashOf(unit, best)) best = shard;
  }
  return best + 1;
}
function hashOf(unit, shard) {
  return createHash2("sha256").update(`${unit}\0${shard}`).digest().readUIntBE(0, 6);
}

// src/measure/routine.ts
function routineProfile(part, isRoot, isExcluded) {
  const { names } = part.profile.functions;
  const kept = new Uint8Array(names.length);
  const toVisit = [];
  names.forEach((name, fn) => {
    if (isRoot(name)) {
      kept[fn] = 1;
      toVisit.push(fn);
    }
  });
  if (toVisit.length === 0) return void 0;
  const calleesOf = callees(part.profile.calls, names.length);
  for (let caller = toVisit.pop(); caller !== void 0; caller = toVisit.pop()) {
    for (const callee of calleesOf[caller]) {
      if (kept[callee] === 0 && !isExcluded(names[callee])) {
        kept[callee] = 1;
        toVisit.push(callee);
      }
    }
  }
  return keptFunctions(part.profile, part.profile.calls, kept);
}
function callees(calls, functions) {
  const calleesOf = Array.from({ length: functions }, () => []);
  for (let edge = 0; edge < calls.length; edge++) {
    calleesOf[calls.callers[edge]].push(calls.callees[edge]);
  }
  return calleesOf;
}
function keptFunctions(profile, calls, kept) {
  const { functions, events } = profile;
  const width = events.length;
  const indices = functions.names.flatMap((_, fn) => kept[fn] === 1 ? [fn] : []);
  const counts = new Float64Array(indices.length * width);
  const totals2 = new Array(width).fill(0);
  indices.forEach((fn, index) => {
    const own = functions.counts.subarray(fn * width, (fn + 1) * width);
    counts.set(own, index * width);
    own.forEach((count, event) => {
      totals2[event] += count;
    });
  });
  return {
    command: profile.command,
    events,
    totals: totals2,
    functions: {
      length: indices.length,
      names: indices.map((fn) => functions.names[fn]),
      files: indices.map((fn) => functions.files[fn]),
      lines: Float64Array.from(indices, (fn) => functions.lines[fn]),
      counts
    },
    calls: keptCalls(calls, indices, width)
  };
}
function keptCalls(calls, indices, width) {
  const newIndex = new Map(indices.map((fn, index) => [fn, index]));
  const edges = [];
  for (let edge = 0; edge < calls.length; edge++) {
    if (newIndex.has(calls.callers[edge]) && newIndex.has(calls.callees[edge])) edges.push(edge);
  }
  const counts = new Float64Array(edges.length * width);
  edges.forEach((edge, index) => {
    counts.set(calls.counts.subarray(edge * width, (edge + 1) * width), index * width);
  });
  return {
    length: edges.length,
    callers: Uint32Array.from(edges, (edge) => newIndex.get(calls.callers[edge])),
    callees: Uint32Array.from(edges, (edge) => newIndex.get(calls.callees[edge])),
    calls: Float64Array.from(edges, (edge) => calls.calls[edge]),
    counts
  };
}

// src/measure/benchmark-parts.ts
function benchmarksOfParts(parts, ids, cut, target) {
  const measured = parts.filter((part) => (part.profile.totals[0] ?? 0) > 0);
  const profiles = /* @__PURE__ */ new Map();
  measured.forEach((part, index) => {
    const routine = routineProfile(part, cut.isRoutine, cut.isTiming);
    const id = cut.idOfRoutine ? idFromRoutine(part, cut, target) : ids[index];
    if (routine === void 0 || id === void 0 || !ids.includes(id) || profiles.has(id)) {
      throw misplaced(
        target,
        cut,
        `part ${part.part} (${part.trigger}) matches no listed benchmark`
      );
    }
    profiles.set(id, routine);
  });
  const missing = ids.filter((id) => !profiles.has(id));
  if (missing.length > 0) {
    throw misplaced(
      target,
      cut,
      `no part was measured for ${missing.map((id) => `'${id}'`).join(", ")}`
    );
  }
  return profiles;
}
function idFromRoutine(part, cut, target) {
  const ids = new Set(
    part.profile.functions.names.filter((name) => cut.isRoutine(name)).map((name) => cut.idOfRoutine(name, target))
  );
  return ids.size === 1 ? [...ids][0] : void 0;
}
function misplaced(target, cut, what) {
  return new BenchmarkError(
    `bench ${target}: its ${cut.harness} benchmarks could not be told apart under Callgrind: ${what}`,
    `rust-perf runs each ${cut.harness} benchmark once and counts its routine; a harness version it does not know, or benchmarks that run other benchmarks, can defeat this. Measure the target as one whole program instead with the harness setting \`${target}=plain\`, and please report the harness version.`
  );
}

// src/measure/dhat.ts
var PROGRAM_STACK_DEPTH = 40;
var ROUTINE_STACK_DEPTH = 256;
function dhatArgs(outFile, depth = PROGRAM_STACK_DEPTH) {
  return [
    "--tool=dhat",
    "--fullpath-after=",
    `--num-callers=${depth}`,
    `--dhat-out-file=${outFile.replaceAll("%", "%%")}`
  ];
}
var POINT_FIELDS = ["tb", "tbk", "gb", "fs"];
function parseDhat(text, source) {
  const invalid = (reason) => new CorruptFileError(source, void 0, `not a DHAT heap profile: ${reason}`);
  const data = parseJson(text, (reason) => invalid(`invalid JSON (${reason})`));
  const reader = new StrictJsonReader(
    (path, problem) => invalid(
      `${path === "" ? "the document" : path}: ${problem.kind === "expected" ? `expected ${problem.expected}` : problem.kind === "rule" ? problem.rule : `${problem.kind} ${problem.key}`}`
    )
  );
  const document = reader.object(data, "");
  if (document.dhatFileVersion !== 2) {
    reader.refuse("dhatFileVersion", "expected version 2 (valgrind 3.15 or later)");
  }
  if (document.mode !== "heap") reader.refuse("mode", 'expected "heap"');
  const table = reader.array(document.ftbl, "ftbl").map((frame, index) => reader.string(frame, `ftbl[${index}]`));
  return reader.array(document.pps, "pps").map((value, index) => {
    const path = `pps[${index}]`;
    const point = reader.object(value, path);
    for (const field of POINT_FIELDS) {
      if (point[field] === void 0)
        reader.fail(path, { kind: "missing", key: field, object: point });
    }
    const count = (field) => reader.expect(
      point[field],
      `${path}.${field}`,
      (item) => Number.isSafeInteger(item) && item >= 0,
      "a whole number of at least 0"
    );
    const frames = reader.array(point.fs, `${path}.fs`).map((frame, at) => {
      const text2 = table[reader.integer(frame, `${path}.fs[${at}]`)];
      return text2 ?? reader.refuse(`${path}.fs[${at}]`, `no frame ${String(frame)} in ftbl`);
    });
    return { allocations: count("tbk"), bytes: count("tb"), bytesAtPeak: count("gb"), frames };
  });
}
var FRAME = /^(0x[0-9A-Fa-f]+): (.*?)(?: \((?:in [^()]*|([^()]+):(\d+)(?::\d+)?)\))?$/;
var UNKNOWN_INLINED = "UnknownInlinedFun";
function readFrame(text) {
  const match = FRAME.exec(text);
  if (match === null) return { address: "", name: text, file: "", line: 0 };
  return { address: match[1], name: match[2], file: match[3] ?? "", line: Number(match[4] ?? 0) };
}
function isWorkspaceFrame(frame, options) {
  return frame.file.includes("/./") ? false : isOwnFile(frame.file, options);
}
function routinePoints(points, routine, depth) {
  const kept = [];
  for (const point of points) {
    const frames = point.frames.map(readFrame);
    const at = frames.findIndex((frame) => routine.isRoutine(frame.name));
    if (at === -1) {
      if (frames.length >= depth) return void 0;
      continue;
    }
    if (!frames.slice(0, at).some((frame) => routine.isTiming(frame.name))) kept.push(point);
  }
  return kept;
}
function allocationsText(count) {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "allocation" : "allocations"}`;
}
function allocationProfile(points, options) {
  const sites = /* @__PURE__ */ new Map();
  let allocations = 0;
  let bytes = 0;
  let peakBytes = 0;
  for (const point of points) {
    allocations += point.allocations;
    bytes += point.bytes;
    peakBytes += point.bytesAtPeak;
    if (point.allocations === 0) continue;
    const site = siteOf(point.frames, options);
    const key = siteKey(site);
    const known = sites.get(key);
    if (known === void 0) {
      sites.set(key, { ...site, allocations: point.allocations, bytes: point.bytes });
    } else {
      known.allocations += point.allocations;
      known.bytes += point.bytes;
    }
  }
  return { allocations, bytes, peakBytes, sites: [...sites.values()].sort(bySize) };
}
function siteOf(texts, options) {
  const frames = texts.map(readFrame);
  const chosen = frames.find((frame) => isWorkspaceFrame(frame, options)) ?? frames.find((frame) => frame.file !== "");
  if (chosen === void 0) return { function: "???", file: "???", line: 0 };
  const name = chosen.name === UNKNOWN_INLINED ? frames.findLast((frame) => frame.address === chosen.address).name : chosen.name;
  return {
    function: normaliseName(name),
    file: normalisePath(chosen.file, options),
    line: chosen.line
  };
}
function bySize(a, b) {
  return b.allocations - a.allocations || b.bytes - a.bytes || compareText(a.function, b.function) || compareText(a.file, b.file) || a.line - b.line;
}

// src/measure/run.ts
import { readdir, readFile as readFile4, rename, rm } from "node:fs/promises";
import { machine } from "node:os";
import { basename as basename2, dirname as dirname7, join as join5 } from "node:path";
var HEARTBEAT_SECONDS = 30;
function benchmarkEnvironment(env) {
  const result = {
    PATH: env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: env.HOME ?? "/",
    LANG: "C",
    LC_ALL: "C"
  };
  if (env.TMPDIR) result.TMPDIR = env.TMPDIR;
  return result;
}
async function aslrOffPrefix(processes, env) {
  const prefix = ["setarch", machine(), "-R"];
  try {
    const probe = await processes.run("setarch", [...prefix.slice(1), "true"], { cwd: "/", env });
    return probe.exitCode === 0 ? prefix : [];
  } catch (error) {
    if (isMissingProgram(error)) return [];
    throw error;
  }
}
async function runUnderDhat(benchmarkRun, setup, deps, normalisation, routineRun) {
  const started = performance.now();
  const { outFile } = benchmarkRun;
  const depth = routineRun === void 0 ? PROGRAM_STACK_DEPTH : ROUTINE_STACK_DEPTH;
  const programArgs = routineRun?.programArgs ?? [];
  await runUnderValgrind(benchmarkRun, dhatArgs(outFile, depth), programArgs, setup, deps);
  const points = parseDhat(await readFile4(outFile, "utf8"), outFile);
  const measured = routineRun === void 0 ? points : routinePoints(points, routineRun.routine, depth);
  if (measured === void 0) {
    throw new BenchmarkError(
      `${runLabel(benchmarkRun)}: an allocation's stack is deeper than ${depth} return addresses and does not reach a benchmark routine, so its allocations cannot be told inside the routine or outside it (${outFile})`,
      `Measure the target as one whole program instead with the harness setting \`${benchmarkRun.target.name}=plain\`, or measure instructions alone.`
    );
  }
  const allocations = allocationProfile(measured, normalisation);
  deps.log.info(
    `${runLabel(benchmarkRun)}: ${allocationsText(allocations.allocations)} in ${secondsSince(started)}s`
  );
  return allocations;
}
async function runUnderCallgrind(benchmarkRun, cut, setup, deps, parserOptions2) {
  const { outFile } = benchmarkRun;
  const started = performance.now();
  const toolArgs = [
    ...cut?.callgrindArgs ?? ["--tool=callgrind"],
    "--child-silent-after-fork=yes",
    `--callgrind-out-file=${outFile}.%p`
  ];
  const result = await runUnderValgrind(benchmarkRun, toolArgs, cut?.runArgs ?? [], setup, deps);
  await keepOwnOutput(outFile, valgrindPid(result.stderr));
  const parts = await parseCallgrindFile(outFile, parserOptions2);
  const measured = parts.filter((part) => (part.profile.totals[0] ?? 0) > 0).length;
  const what = cut === void 0 ? `${(parts[0]?.profile.totals[0] ?? 0).toLocaleString("en-US")} ${parts[0]?.profile.events[0] ?? ""}` : `${measured} benchmarks`;
  deps.log.info(`${runLabel(benchmarkRun)}: ${what} in ${secondsSince(started)}s`);
  return parts;
}
async function runUnderValgrind(benchmarkRun, toolArgs, programArgs, setup, deps) {
  const { target } = benchmarkRun;
  const [program, ...args2] = [
    ...setup.aslrOff,
    setup.valgrind,
    ...toolArgs,
    target.executable,
    ...target.args,
    ...programArgs
  ];
  deps.log.debug(`${runLabel(benchmarkRun)}: ${[program, ...args2].join(" ")} (in ${target.cwd})`);
  const result = await withTimeLimit(
    benchmarkRun,
    setup.timeoutSeconds,
    deps,
    (signal) => deps.processes.run(program, args2, {
      cwd: target.cwd,
      env: { ...setup.env, PWD: target.cwd },
      signal
    })
  );
  if (result.exitCode !== 0) {
    const built = target.built ?? target;
    const how = result.signal === null ? `exited with status ${result.exitCode}` : `was killed by ${result.signal}`;
    throw new BenchmarkError(
      `${runLabel(benchmarkRun)} ${how}. The end of its output:
${benchmarkStderrTail(result.stderr)}`,
      `Run it without rust-perf to see the problem: ${[built.executable, ...target.args, ...programArgs].join(" ")} (in ${built.cwd}).`
    );
  }
  return result;
}
async function withTimeLimit(benchmarkRun, timeoutSeconds, deps, run) {
  const timeout = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, timeout.signal]) : timeout.signal;
  let heartbeats = 0;
  const heartbeat = setInterval(() => {
    heartbeats += 1;
    deps.log.info(
      `${runLabel(benchmarkRun)}: still running after ${formatDuration(heartbeats * HEARTBEAT_SECONDS)}`
    );
  }, HEARTBEAT_SECONDS * 1e3);
  const timer = timeoutSeconds === void 0 ? void 0 : setTimeout(() => timeout.abort(), timeoutSeconds * 1e3);
  try {
    return await run(signal);
  } catch (error) {
    if (!timeout.signal.aborted || deps.signal?.aborted) throw error;
    const limit = formatDuration(timeoutSeconds);
    throw new BenchmarkError(
      `${runLabel(benchmarkRun)} did not finish within its time limit of ${limit}: valgrind was stopped.`,
      `Under valgrind a program runs some 20 to 100 times slower than on its own. Give it more time (\`--timeout\`, or the action's \`timeout\` input), or make the benchmark do less work.`
    );
  } finally {
    clearInterval(heartbeat);
    clearTimeout(timer);
  }
}
function runLabel({ target, runNumber, runs, id, step }) {
  const name = id === void 0 ? target.name : `${target.name}/${id}`;
  const progress = runs > 1 ? ` (run ${runNumber}/${runs})` : step === void 0 ? "" : ` (${step})`;
  return `bench ${name}${progress}`;
}
function secondsSince(started) {
  return ((performance.now() - started) / 1e3).toFixed(1);
}
function valgrindPid(stderr) {
  const pid = /^==(\d+)==/m.exec(stderr)?.[1];
  if (pid === void 0) throw new Error("valgrind printed no ==pid== line");
  return pid;
}
async function keepOwnOutput(outFile, pid) {
  const prefix = `${basename2(outFile)}.`;
  const directory = dirname7(outFile);
  const others = (await readdir(directory)).filter(
    (name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)) && name !== `${prefix}${pid}`
  );
  await rename(`${outFile}.${pid}`, outFile);
  await Promise.all(others.map((name) => rm(join5(directory, name), { force: true })));
}
function benchmarkStderrTail(stderr, count = 20) {
  const lines2 = stderr.trimEnd().split("\n");
  const own = lines2.filter((line) => !/^(==|--)\d+(==|--)/.test(line));
  const shown = (own.some((line) => line.trim() !== "") ? own : lines2).slice(-count);
  return shown.map((line) => `  ${line}`).join("\n");
}

// src/measure/runs.ts
function combineRuns(identity2, runs) {
  const { name } = identity2;
  const [first] = runs;
  if (first === void 0) throw new Error(`combineRuns: no runs of ${name}`);
  const { events } = first;
  for (const run of runs) {
    if (run.events.join(" ") !== events.join(" ")) {
      throw new Error(
        `combineRuns: runs of ${name} recorded different events (${events} and ${run.events})`
      );
    }
  }
  const byName = runs.map((run) => new Map(run.functions.map((entry) => [entry.name, entry])));
  const names = new Set(runs.flatMap((run) => run.functions.map((entry) => entry.name)));
  const functions = [];
  const nondeterministic = [];
  for (const functionName of names) {
    const entries = byName.map((run) => run.get(functionName));
    const present = entries.filter((entry) => entry !== void 0);
    const counts = {};
    let varies = present.length < runs.length;
    for (const event of events) {
      const values = entries.map((entry) => (entry && countOf(entry.counts, event)) ?? 0);
      const smallest = Math.min(...values);
      varies ||= values.some((value) => value !== smallest);
      counts[event] = smallest;
    }
    if (varies) nondeterministic.push(functionName);
    if (events.every((event) => counts[event] === 0)) continue;
    const kept = present.reduce(
      (a, b) => primaryCount(b, events) < primaryCount(a, events) ? b : a
    );
    functions.push({ name: functionName, file: kept.file, line: kept.line, counts });
  }
  const primary = events[0] ?? "";
  functions.sort(
    (a, b) => (b.counts[primary] ?? 0) - (a.counts[primary] ?? 0) || compareText(a.name, b.name)
  );
  const totals2 = {};
  for (const event of events) {
    totals2[event] = functions.reduce((sum, entry) => sum + (countOf(entry.counts, event) ?? 0), 0);
  }
  const combined = { events, totals: totals2, functions };
  const calls = combineCalls(runs, new Set(functions.map((entry) => entry.name)));
  return {
    ...identity2,
    nondeterministic: nondeterministic.sort(compareText),
    ...calls === void 0 ? combined : withCalls(combined, calls)
  };
}
function combineCalls(runs, kept) {
  const [first, ...others] = runs;
  if (first?.calls === void 0) return void 0;
  const key = (call) => `${call.caller}\0${call.callee}`;
  const byKey = others.map((run) => new Map((run.calls ?? []).map((call) => [key(call), call])));
  return first.calls.flatMap((call) => {
    if (!kept.has(call.caller) || !kept.has(call.callee)) return [];
    const same = byKey.map((calls) => calls.get(key(call)));
    if (same.some((other) => other === void 0)) return [];
    return [
      {
        ...call,
        calls: Math.min(call.calls, ...same.map((other) => other.calls)),
        inclusive: Math.min(call.inclusive, ...same.map((other) => other.inclusive))
      }
    ];
  });
}
var UNNAMED2 = /^(\?\?\?|0x[0-9a-f]+)$/;
function unnamedShare(benchmark) {
  const primary = benchmark.events[0] ?? "";
  const total = benchmark.totals[primary] ?? 0;
  if (total === 0) return 0;
  const unnamed = benchmark.functions.filter((entry) => UNNAMED2.test(entry.name)).reduce((sum, entry) => sum + (entry.counts[primary] ?? 0), 0);
  return unnamed / total;
}
function primaryCount(entry, events) {
  return entry.counts[events[0] ?? ""] ?? 0;
}

// src/measure/staging.ts
import { chmod as chmod2, copyFile, lstat, mkdir as mkdir4, rm as rm3, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join7 } from "node:path";

// src/system/lock.ts
import { mkdir as mkdir3, readFile as readFile5, rename as rename2, rm as rm2, stat as stat3, writeFile as writeFile3 } from "node:fs/promises";
import { join as join6 } from "node:path";
import { setTimeout as sleep2 } from "node:timers/promises";
async function acquireLock(lock, deps) {
  const owner = await ownerRecord(process.pid);
  let waiting = false;
  for (; ; ) {
    deps.signal?.throwIfAborted();
    try {
      await mkdir3(lock, { mode: 448 });
      await writeFile3(join6(lock, "pid"), owner);
      return () => rm2(lock, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    if (await isStale(lock)) {
      const abandoned = `${lock}.stale-${process.pid}`;
      try {
        await rename2(lock, abandoned);
        await rm2(abandoned, { recursive: true, force: true });
      } catch (error) {
        if (error.code !== "ENOENT") throw error;
      }
      continue;
    }
    if (!waiting) {
      deps.log.info(`Waiting for another rust-perf process to release ${lock}`);
      waiting = true;
    }
    await sleep2(250, void 0, { signal: deps.signal });
  }
}
async function ownerRecord(pid) {
  const started = await processStartTime(pid);
  return started === void 0 ? String(pid) : `${pid} ${started}`;
}
async function processStartTime(pid) {
  const stat4 = await readFile5(`/proc/${pid}/stat`, "utf8").catch(() => void 0);
  if (stat4 === void 0) return void 0;
  const fields = stat4.slice(stat4.lastIndexOf(")") + 2).split(" ");
  const started = fields[19];
  return started !== void 0 && /^\d+$/.test(started) ? started : void 0;
}
async function isStale(lock) {
  const record = await readFile5(join6(lock, "pid"), "utf8").catch(() => "");
  const match = /^(\d+)(?: (\d+))?$/.exec(record.trim());
  const owner = Number(match?.[1]);
  const started = match?.[2];
  if (Number.isSafeInteger(owner) && owner > 0 && !isAlive(owner)) return true;
  if (started !== void 0) {
    const now = await processStartTime(owner);
    return now !== void 0 && now !== started;
  }
  if (match !== null && await processStartTime(process.pid) === void 0) return false;
  const created = await stat3(lock).catch(() => void 0);
  return created !== void 0 && Date.now() - created.mtimeMs > 1e4;
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== "ESRCH";
  }
}

// src/system/temp-dir.ts
function missingTempDirectory(tempDir, purpose) {
  return new EnvironmentError(
    `The temporary directory ${tempDir} does not exist, so rust-perf has nowhere to ${purpose}`,
    "Create it, or set TMPDIR to a directory that exists."
  );
}
function isMissingPath(error) {
  const code2 = error?.code;
  return code2 === "ENOENT" || code2 === "ENOTDIR";
}

// src/measure/staging.ts
async function withStagedExecutables(targets, deps, work) {
  const root = await privateStagingRoot(deps.tempDir ?? tmpdir());
  const release = await acquireLock(join7(root, "lock"), deps);
  const stagingDirs = [join7(root, "bin"), join7(root, "cwd")];
  try {
    await removeAll(stagingDirs);
    await Promise.all(stagingDirs.map((dir) => mkdir4(dir, { mode: 448 })));
    const staged = [];
    for (const target of targets) {
      const previous = staged.at(-1) ?? Promise.resolve();
      staged.push(previous.then(() => stage(target, root)));
    }
    const everyStaging = Promise.allSettled(staged);
    try {
      return await work(staged);
    } finally {
      await everyStaging;
    }
  } finally {
    await removeAll(stagingDirs).finally(release);
  }
}
function removeAll(paths) {
  return Promise.all(paths.map((path) => rm3(path, { recursive: true, force: true })));
}
async function privateStagingRoot(tempDir) {
  const uid = process.getuid?.();
  const root = join7(tempDir, uid === void 0 ? "rust-perf" : `rust-perf-${uid}`);
  const hint = `Remove ${root} if it is yours, or set TMPDIR to a directory only you can write to.`;
  try {
    await mkdir4(root, { mode: 448 });
  } catch (error) {
    if (isMissingPath(error)) throw missingTempDirectory(tempDir, "stage the benchmarks");
    if (error.code !== "EEXIST") {
      throw new EnvironmentError(
        `Cannot create the staging directory ${root}: ${error.message}`,
        hint
      );
    }
  }
  const found = await lstat(root);
  const refusal = found.isSymbolicLink() ? "is a symbolic link, which rust-perf does not follow" : !found.isDirectory() ? "is not a directory" : uid !== void 0 && found.uid !== uid ? `belongs to user ${found.uid}, not to you (user ${uid})` : (found.mode & 63) !== 0 ? `is open to other users (mode ${(found.mode & 511).toString(8)}, not 700)` : void 0;
  if (refusal !== void 0) {
    throw new EnvironmentError(`The staging directory ${root} ${refusal}`, hint);
  }
  return root;
}
async function stage(target, root) {
  const executable = join7(root, "bin", target.name);
  const cwd = join7(root, "cwd", target.name);
  await Promise.all([rm3(executable, { force: true }), rm3(cwd, { force: true })]);
  await Promise.all([
    copyFile(target.executable, executable).catch((error) => {
      if (error.code !== "ENOENT") throw stagingError(error, target);
      throw new InputError(`'${target.name}' runs ${target.executable}, which does not exist`);
    }).then(() => chmod2(executable, 448)),
    symlink(target.cwd, cwd).catch((error) => {
      throw stagingError(error, target);
    })
  ]);
  return { ...target, executable, cwd, built: { executable: target.executable, cwd: target.cwd } };
}
function stagingError(error, target) {
  return new EnvironmentError(
    `Cannot stage '${target.name}' (${target.executable}) for its run: ${error.message}`,
    "Check the space and permissions of the temporary directory (TMPDIR)."
  );
}

// src/measure/valgrind.ts
import { accessSync, constants } from "node:fs";
import { delimiter, join as join8 } from "node:path";
var INSTALL_HINT = "rust-perf runs benchmarks under Valgrind (Callgrind, and DHAT for allocations). Install it with `sudo apt-get install -y valgrind` on Debian/Ubuntu (or your distribution\u2019s package manager); valgrind runs on Linux only.";
async function detectValgrind(processes, env, platform = process.platform) {
  if (platform !== "linux") {
    throw new EnvironmentError(
      `valgrind runs on Linux only, and this is ${platform}`,
      "Run rust-perf on a Linux machine, or in a Linux container or CI runner."
    );
  }
  const path = findOnPath("valgrind", env.PATH ?? "");
  if (path === void 0) {
    throw new EnvironmentError("valgrind was not found on PATH", INSTALL_HINT);
  }
  const result = await processes.run(path, ["--version"], {
    cwd: "/",
    env: { PATH: env.PATH ?? "" }
  });
  const version = result.stdout.trim().match(/^valgrind-(\d+\.\d+\.\d+)/)?.[1];
  if (result.exitCode !== 0 || version === void 0) {
    throw new EnvironmentError(
      `\`${path} --version\` did not print a valgrind version (exit ${result.exitCode ?? result.signal}): ${(result.stdout + result.stderr).trim()}`,
      INSTALL_HINT
    );
  }
  return { version, path };
}
function findOnPath(name, path) {
  for (const directory of path.split(delimiter)) {
    if (directory === "") continue;
    const candidate = join8(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}

// src/measure/measure.ts
var MAX_UNNAMED_SHARE = 0.5;
async function measure(settings, deps) {
  const { log } = deps;
  const manifestPath = resolve8(settings.manifestPath);
  checkManifestExists(manifestPath);
  for (const command of settings.commands) splitCommandLine(command.command);
  const env = benchmarkEnvironment(deps.env);
  const [valgrind, metadata, aslrOff] = await allInOrder([
    detectValgrind(deps.processes, deps.env),
    cargoMetadata(manifestPath, deps),
    aslrOffPrefix(deps.processes, env)
  ]);
  if (aslrOff.length === 0) {
    log.info("Address space randomisation stays on: `setarch -R` does not work on this machine.");
  }
  const benches = chooseBenchTargets(metadata, manifestPath, settings, log);
  if (benches.length === 0 && settings.commands.length === 0) throw nothingToMeasure();
  const root = settings.workspaceRoot ?? metadata.workspaceRoot;
  const build = await buildBenchmarks(
    {
      manifestPath,
      workspaceRoot: root,
      cargoArgs: settings.cargoArgs,
      benches: settings.benches,
      targetDir: settings.targetDir ?? metadata.targetDirectory,
      buildPrograms: settings.commands.length > 0
    },
    deps
  );
  const harnessOf = new Map(benches.map((bench) => [bench.name, bench.harness]));
  const targets = [
    ...selectBenches(build.executables, [...harnessOf.keys()]),
    ...settings.commands.map(
      (command) => resolveCommand(command, build.executables, dirname8(manifestPath))
    )
  ];
  checkTargets(targets);
  const outDir = resolve8(settings.outDir);
  await mkdir5(outDir, { recursive: true });
  await removeEarlierOutput(outDir);
  const rustcProbe = rustcVersion(
    deps.processes,
    definedEnvironment(deps.env),
    dirname8(manifestPath)
  );
  const fingerprintProbe = rustcProbe.then(
    (rustc) => fingerprintOf(
      { valgrind: valgrind.version, rustc, rustflags: build.rustflags, mangling: build.mangling },
      settings,
      deps.env
    )
  );
  const measured = settings.shard === void 0 ? targets : await shareOfTargets(targets, settings.shard, await fingerprintProbe, log);
  const setup = {
    valgrind: valgrind.path,
    aslrOff,
    env,
    timeoutSeconds: settings.timeoutSeconds
  };
  const allocations = (settings.metrics ?? DEFAULT_METRICS).includes("allocations");
  const measuring = { runs: settings.runs, outDir, setup, root, harnessOf, allocations };
  const [fingerprint, benchmarks] = await allInOrder([
    fingerprintProbe,
    log.group(
      "Running benchmarks under valgrind",
      () => withStagedExecutables(measured, deps, async (staged) => {
        await rustcProbe;
        return runAll(staged, measuring, deps);
      })
    )
  ]);
  const document = {
    version: PROFILE_VERSION,
    tool: TOOL_NAME,
    ...settings.commit === void 0 ? {} : { commit: settings.commit },
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    fingerprint,
    ...settings.shard === void 0 ? {} : { shard: settings.shard.spec },
    benchmarks
  };
  const profilePath = join9(outDir, "profile.json");
  await writeFile4(profilePath, serialiseProfileDocument(document));
  log.info(`Wrote ${profilePath}`);
  return document;
}
async function shareOfTargets(targets, shard, fingerprint, log) {
  const costs = await shard.costs?.(fingerprint);
  const names = shareOf(
    shard.spec,
    targets.map((target) => target.name),
    costs
  );
  log.info(
    `Shard ${shardName(shard.spec)} measures ${names.length === 0 ? "no target" : names.join(", ")} of ${targets.length} (balanced by ${costs === void 0 ? "count" : "the baseline's costs"}).`
  );
  return targets.filter((target) => names.includes(target.name));
}
function fingerprintOf(toolchain, settings, env) {
  const codegen = codegenSettings(env);
  return {
    valgrind: toolchain.valgrind,
    rustc: toolchain.rustc,
    target: targetTriple(toolchain.rustc, settings.cargoArgs),
    rustflags: toolchain.rustflags,
    mangling: toolchain.mangling,
    ...codegen.length > 0 ? { codegen } : {},
    runs: settings.runs
  };
}
function chooseBenchTargets(metadata, manifestPath, settings, log) {
  const found = findBenchTargets(
    metadata,
    manifestPath,
    settings.benches,
    settings.harnesses ?? /* @__PURE__ */ new Map(),
    (path) => readFileSync2(path, "utf8")
  );
  for (const bench of found) log.info(`bench ${bench.name}: ${bench.harness} (${bench.evidence})`);
  const measured = found.filter((bench) => bench.harness !== "gungraun");
  const refused = found.filter((bench) => bench.harness === "gungraun").map((bench) => bench.name);
  if (refused.length > 0) {
    const message = `${refused.join(", ")} ${refused.length === 1 ? "is a Gungraun (or iai-callgrind) benchmark, which starts" : "are Gungraun (or iai-callgrind) benchmarks, which start"} valgrind itself: rust-perf does not measure ${refused.length === 1 ? "it" : "them"}`;
    if (measured.length === 0 && settings.commands.length === 0) {
      throw new InputError(
        message,
        "Measure them with Gungraun; rust-perf measures plain, criterion and libtest #[bench] targets."
      );
    }
    log.warn(message);
  }
  if (found.some((bench) => bench.harness === "criterion")) {
    const devDependencies = metadata.packages.flatMap((pkg) => pkg.dependencies);
    const warning = criterionVersionWarning(
      devDependencies.filter((dependency) => dependency.kind === "dev")
    );
    if (warning !== void 0) log.warn(warning);
  }
  if (found.some((bench) => bench.harness === "divan")) {
    log.warn(
      "divan targets are measured as one whole program each: rust-perf does not yet count divan benchmarks one by one"
    );
  }
  return measured;
}
function nothingToMeasure() {
  return new InputError(
    "there is nothing to measure: the package has no bench targets and no command was given",
    "Add a benchmark under benches/ (a criterion or libtest #[bench] target, or a main with `harness = false`), or measure a program with a command."
  );
}
function checkTargets(targets) {
  if (targets.length === 0) throw nothingToMeasure();
  const seen = /* @__PURE__ */ new Set();
  for (const { name } of targets) {
    if (seen.has(name)) {
      throw new InputError(
        `two benchmarks are named '${name}'`,
        "Give each command a name that no bench target has."
      );
    }
    seen.add(name);
  }
}
async function runAll(staged, measuring, deps) {
  const { runs } = measuring;
  const plans = staged.map((target) => planTarget(target, measuring, deps));
  const jobs = plans.flatMap((plan, targetIndex) => [
    ...Array.from({ length: runs }, (_, index) => ({
      plan,
      targetIndex,
      runNumber: index + 1,
      metric: "instructions"
    })),
    ...measuring.allocations ? [{ plan, targetIndex, runNumber: 1, metric: "allocations" }] : []
  ]);
  const jobsPerTarget = jobs.length / Math.max(plans.length, 1);
  const ofTargets = plans.map(() => ({
    ended: 0,
    profiles: /* @__PURE__ */ new Map(),
    allocations: /* @__PURE__ */ new Map()
  }));
  const benchmarks = [];
  const slots = new Slots(availableParallelism2());
  const inSlot = async (signal, run) => {
    const release = await slots.acquire(signal);
    const processes = {
      run: (command, args2, options) => deps.processes.run(command, args2, options).finally(release)
    };
    return run({ ...deps, processes, signal }).finally(release);
  };
  await allOrNone(jobs.length, deps.signal, async (index, signal) => {
    const job = jobs[index];
    const plan = await job.plan;
    if (plan.ids?.length === 0) return;
    const ofTarget = ofTargets[job.targetIndex];
    await runJob(job, plan, ofTarget, measuring, { inSlot, signal });
    ofTarget.ended += 1;
    if (ofTarget.ended === jobsPerTarget) {
      for (const [id, profiles] of ofTarget.profiles) {
        const benchmark = combineRuns(identity(plan, id), profiles);
        checkSymbols(benchmark);
        const allocations = ofTarget.allocations.get(id);
        if (allocations !== void 0 && plan.cut !== void 0) {
          checkRanAlone(benchmark, allocations, plan.cut);
        }
        benchmarks.push(allocations === void 0 ? benchmark : { ...benchmark, allocations });
      }
    }
  });
  return benchmarks.sort((a, b) => compareText(a.name, b.name));
}
async function runJob(job, plan, ofTarget, measuring, running) {
  const { target, cut } = plan;
  const normalisation = { workspaceRoot: measuring.root };
  if (job.metric === "allocations") {
    await measureAllocations(plan, ofTarget, measuring, running);
    return;
  }
  const { runs } = measuring;
  const outFile = join9(
    measuring.outDir,
    runs > 1 ? `${target.name}.${job.runNumber}.callgrind.out` : `${target.name}.callgrind.out`
  );
  const parsing = parserOptions(normalisation);
  const benchmarkRun = { target, runNumber: job.runNumber, runs, outFile };
  const parts = await running.inSlot(
    running.signal,
    (deps) => runUnderCallgrind(benchmarkRun, cut, measuring.setup, deps, parsing)
  );
  const parsed = cut ? benchmarksOfParts(parts, plan.ids, cut, target.name) : /* @__PURE__ */ new Map([["", wholeProgramProfile(parts, target.name)]]);
  for (const [id, profile] of parsed) {
    const profiles = ofTarget.profiles.get(id) ?? [];
    profiles[job.runNumber - 1] = normaliseProfile(profile, normalisation);
    ofTarget.profiles.set(id, profiles);
  }
}
async function measureAllocations(plan, ofTarget, measuring, { inSlot, signal }) {
  const { target, cut, ids } = plan;
  const { outDir, setup } = measuring;
  const normalisation = { workspaceRoot: measuring.root };
  if (cut === void 0 || ids === void 0) {
    const outFile = join9(outDir, `${target.name}.dhat.json`);
    const dhatRun = { target, runNumber: 1, runs: 1, outFile };
    const allocations = await inSlot(
      signal,
      (deps) => runUnderDhat(dhatRun, setup, deps, normalisation)
    );
    ofTarget.allocations.set("", allocations);
    return;
  }
  await allOrNone(ids.length, signal, async (index, idSignal) => {
    const id = ids[index];
    const outFile = join9(outDir, `${target.name}.${encodeURIComponent(id)}.dhat.json`);
    const step = `allocations ${index + 1}/${ids.length}`;
    const dhatRun = { target, runNumber: 1, runs: 1, outFile, id, step };
    const routineRun = { programArgs: [...cut.runArgs, ...cut.onlyArgs(id)], routine: cut };
    const allocations = await inSlot(
      idSignal,
      (deps) => runUnderDhat(dhatRun, setup, deps, normalisation, routineRun)
    );
    ofTarget.allocations.set(id, allocations);
  });
}
function wholeProgramProfile(parts, target) {
  const [part, ...others] = parts;
  if (part === void 0 || others.length > 0) {
    throw new Error(
      `bench ${target}: Callgrind wrote ${parts.length} parts of a whole program, not one`
    );
  }
  return part.profile;
}
async function planTarget(staged, measuring, deps) {
  const target = await staged;
  const harness = measuring.harnessOf.get(target.name) ?? "plain";
  const cut = routineCut(harness);
  if (cut === void 0) return { target, harness };
  const ids = await listBenchmarkIds(target, cut, measuring.setup.env, deps);
  if (ids.length === 0) {
    deps.log.warn(
      harness === "libtest" ? `bench ${target.name} uses libtest's harness (its [[bench]] section does not say \`harness = false\`) but has no #[bench] function, so it measures nothing. If it has a main of its own, add \`harness = false\` to its [[bench]] section in Cargo.toml.` : `bench ${target.name} lists no ${harness} benchmark, so it measures nothing.`
    );
  }
  return { target, harness, cut, ids };
}
function identity(plan, id) {
  const { target, harness, cut } = plan;
  const command = [target.executable, ...target.args, ...cut?.runArgs ?? []];
  return id === "" ? { name: target.name, target: target.name, harness, command } : { name: `${target.name}/${id}`, target: target.name, id, harness, command };
}
var ALLOCATORS = /* @__PURE__ */ new Set([
  "malloc",
  "calloc",
  "realloc",
  "memalign",
  "posix_memalign",
  "aligned_alloc",
  "valloc"
]);
function checkRanAlone(benchmark, allocations, cut) {
  const callsAllocator = benchmark.functions.some((entry) => ALLOCATORS.has(entry.name));
  if (callsAllocator === allocations.allocations > 0) return;
  throw new BenchmarkError(
    `bench ${benchmark.name}: run alone under DHAT its routine made ${allocationsText(allocations.allocations)}, while its instruction count ${callsAllocator ? "calls" : "never calls"} the allocator: the ${cut.harness} filter (${cut.onlyArgs(benchmark.id ?? "").join(" ")}) did not run this benchmark alone`,
    `Please report the harness version. Measure the target as one whole program instead with the harness setting \`${benchmark.target}=plain\`, or measure instructions alone.`
  );
}
function checkSymbols(benchmark) {
  const share = unnamedShare(benchmark);
  if (share > MAX_UNNAMED_SHARE) {
    throw new BenchmarkError(
      `bench ${benchmark.name}: ${Math.round(share * 100)}% of its instructions are in functions without a name (??? or an address): the executable has no symbols, so its profile would be useless`,
      "Check `strip` in the [profile.release] and [profile.bench] sections of Cargo.toml, and `-C strip` in RUSTFLAGS or build.rustflags: rust-perf sets CARGO_PROFILE_BENCH_STRIP=none, but an explicit `-C strip=\u2026` rustflag wins."
    );
  }
}
async function removeEarlierOutput(outDir) {
  const earlier = (await readdir2(outDir)).filter(
    (name) => name === "profile.json" || name.endsWith(".cachegrind.out") || name.endsWith(".callgrind.out") || name.endsWith(".dhat.json")
  );
  await Promise.all(earlier.map((name) => rm4(join9(outDir, name), { force: true })));
}

// src/report/profile-summary.ts
function summaryEvent(benchmark) {
  return benchmark.events.includes("Ir") ? "Ir" : benchmark.events[0] ?? "Ir";
}
function profileSummaryText(document) {
  const rows = document.benchmarks.map((benchmark) => {
    const event = summaryEvent(benchmark);
    return [
      benchmark.name,
      `${formatCount(countOf(benchmark.totals, event) ?? 0)} ${event}`,
      String(benchmark.functions.length),
      String(benchmark.nondeterministic.length)
    ];
  });
  const header = ["bench", "instructions", "functions", "nondeterministic"];
  const lines2 = alignColumns(
    [header, ...rows],
    [{ align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }]
  );
  return `${lines2.join("\n")}
`;
}

// src/cli/measure-command.ts
var measureOptions = {
  "manifest-path": { type: "string" },
  bench: { type: "string", multiple: true },
  command: { type: "string", multiple: true },
  harness: { type: "string", multiple: true },
  "cargo-args": { type: "string" },
  runs: { type: "string" },
  metrics: { type: "string" },
  shard: { type: "string" },
  timeout: { type: "string" },
  out: { type: "string" }
};
var measureOptionsHelp = `  --manifest-path PATH   Cargo.toml of the crate or workspace (default: the one cargo
                         uses here, in this directory or the nearest one above)
  --bench NAME           A bench target to measure; repeat for several (default: all)
  --command NAME=CMD     Also measure a program: a binary or example of the package by
                         target name (or a path relative to the package), with arguments,
                         e.g. --command 'report=report --lines 2000'; repeatable
  --harness TARGET=KIND  The harness a bench target uses, where detection cannot tell:
                         plain, criterion, libtest, divan or gungraun (left out);
                         repeatable (default: detected)
  --cargo-args ARGS      Extra cargo arguments, e.g. "--features slow" or "-p my-crate"
  --runs N               Runs of each benchmark, 1-20 (default 2); functions whose counts
                         differ between runs are reported as nondeterministic
  --metrics LIST         What to measure: instructions, or instructions,allocations to
                         also count heap allocations per benchmark and allocation site
                         under DHAT: one more valgrind run per whole program and per
                         criterion or libtest benchmark, which counts its routine only;
                         instructions are always measured, so \`allocations\` alone means
                         both (default: instructions)
  --shard K/N            Measure only shard K of N: whole bench targets, shared out by
                         a hash of their names; \`rust-perf merge\` joins the shards
  --timeout TIME         Stop a benchmark run that takes longer, and fail: seconds,
                         or 15m, 1h (default: no limit; a run still going says so
                         every 30s)
  --out DIR              Where profile.json and the raw valgrind files go
                         (default: <target dir>/rust-perf/latest); those of an
                         earlier measurement there are replaced`;
var help4 = `rust-perf measure: build the benchmarks and count their instructions per function

Usage: rust-perf measure [options]

Builds the bench targets with \`cargo bench --no-run\` (with line-table debug info, symbols
and v0 symbol names, set through the environment: Cargo.toml is not changed) and runs each one
under valgrind in a clean environment with address randomisation off. A plain target (its own
main, \`harness = false\`) is one benchmark, counted whole under Callgrind; a criterion or
libtest #[bench] target is one benchmark per id, each counting one iteration of its routine
only, from one Callgrind run per target cut into parts. Callgrind's call graph gives each
function its inclusive cost (and \`rust-perf flamegraph\` its flame graphs). The harness is
found from Cargo.toml, the dev-dependencies and the target's source (--harness overrides it);
Gungraun targets are left out. Writes DIR/profile.json (the profile document that
\`rust-perf compare\` reads) and the raw files DIR/<bench>.callgrind.out
(DIR/<bench>.<run>.callgrind.out with more than one run), and with --metrics
instructions,allocations DIR/<bench>.dhat.json (a criterion or libtest benchmark's
DIR/<target>.<id, URI-encoded>.dhat.json). Prints one line per benchmark: total
instructions, functions, nondeterministic functions.

Options:
${measureOptionsHelp}
  -h, --help             Show this help

Requires valgrind (Linux; \`sudo apt-get install -y valgrind\`) and cargo.

Exit status: 0 measured, 2 a usage error, 3 a failed build or benchmark or a missing tool.
`;
var measureCommand = {
  name: "measure",
  summary: "Build and run the benchmarks under valgrind; write profile.json",
  help: help4,
  async execute(args2, context) {
    const { values } = parseCommandArgs("measure", args2, measureOptions, false);
    const settings = await measureSettingsFromOptions(values, context);
    const document = await measure(settings, measureDeps(context));
    context.stdout(profileSummaryText(document));
    context.stdout(`
profile: ${join10(settings.outDir, "profile.json")}
`);
    return 0;
  }
};
async function measureSettingsFromOptions(values, context) {
  const options = {
    benches: values.bench ?? [],
    commands: (values.command ?? []).map(parseNamedCommand),
    harnesses: parseHarnessSettings(values.harness ?? []),
    cargoArgs: values["cargo-args"]?.trim() ? splitCommandLine(values["cargo-args"]) : [],
    runs: values.runs === void 0 ? 2 : parseRuns(values.runs, "--runs"),
    metrics: parseMetrics(values.metrics ?? "", "--metrics"),
    timeoutSeconds: values.timeout === void 0 ? void 0 : parseTimeout(values.timeout, "--timeout"),
    ...values.shard === void 0 ? {} : { shard: { spec: parseShard(values.shard, "--shard") } }
  };
  const manifestPath = values["manifest-path"] === void 0 ? findManifest(context.cwd) : resolve9(context.cwd, values["manifest-path"]);
  const outDir = values.out === void 0 ? join10(await targetDirectory(manifestPath, measureDeps(context)), "rust-perf", "latest") : resolve9(context.cwd, values.out);
  return { manifestPath, ...options, outDir };
}
function measureDeps(context) {
  return {
    log: context.log,
    processes: nodeProcessRunner,
    env: context.env,
    signal: context.signal
  };
}

// src/cli/merge-command.ts
import { readFile as readFile6, writeFile as writeFile5 } from "node:fs/promises";
import { resolve as resolve10 } from "node:path";

// src/profile/merge.ts
function mergeShardProfiles(parts) {
  const tally = tallyShards(parts, shardOf, (part) => part.profile.benchmarks);
  const first = parts[0];
  for (const part of parts) {
    if (part.profile.commit !== first.profile.commit) {
      throw refusedShard(
        part.source,
        `measured commit ${part.profile.commit ?? "unknown"}, but ${first.source} measured ${first.profile.commit ?? "an unknown one"}`
      );
    }
    if (JSON.stringify(part.profile.fingerprint) !== JSON.stringify(first.profile.fingerprint)) {
      throw refusedShard(
        part.source,
        `was measured under other conditions (fingerprint) than ${first.source}`
      );
    }
  }
  const { shard: _shard, ...whole } = first.profile;
  const profile = {
    ...whole,
    createdAt: parts.map((part) => part.profile.createdAt).sort(compareText).at(-1),
    benchmarks: parts.flatMap((part) => part.profile.benchmarks).sort((a, b) => compareText(a.name, b.name))
  };
  return { profile, count: tally.count, missing: tally.missing() };
}
function tallyShards(parts, shardOf3, benchmarks) {
  const [first] = parts;
  if (first === void 0) throw new InputError("there are no shards to merge");
  const tally = new ShardTally(first.source, shardOf3(first));
  for (const part of parts) {
    tally.add(
      part.source,
      shardOf3(part),
      benchmarks(part).map((benchmark) => benchmark.name)
    );
  }
  return tally;
}
var ShardTally = class {
  constructor(firstSource, first) {
    this.firstSource = firstSource;
    this.count = first.count;
  }
  firstSource;
  count;
  #seen = /* @__PURE__ */ new Map();
  #benchmarks = /* @__PURE__ */ new Map();
  add(source, shard, benchmarks) {
    if (shard.count !== this.count) {
      throw refusedShard(
        source,
        `is shard ${shardName(shard)}, but ${this.firstSource} is one of ${this.count}`
      );
    }
    const earlier = this.#seen.get(shard.index);
    if (earlier !== void 0) {
      throw refusedShard(source, `is shard ${shardName(shard)}, as is ${earlier}`);
    }
    this.#seen.set(shard.index, source);
    for (const name of benchmarks) {
      const other = this.#benchmarks.get(name);
      if (other !== void 0) {
        throw refusedShard(
          source,
          `measured ${name}, as did ${other}: the legs did not share the benchmarks out alike`
        );
      }
      this.#benchmarks.set(name, source);
    }
  }
  /** Shards (from 1) that no part holds, in order. */
  missing() {
    return Array.from({ length: this.count }, (_, index) => index + 1).filter(
      (index) => !this.#seen.has(index)
    );
  }
};
function shardOf(part) {
  if (part.profile.shard === void 0) {
    throw new InputError(
      `${part.source} is not a shard: it holds a whole measurement`,
      "Merge the profiles that `rust-perf measure --shard K/N` (or the action with `shard`) wrote."
    );
  }
  return part.profile.shard;
}
function refusedShard(source, reason) {
  return new InputError(
    `cannot merge ${source}: it ${reason}`,
    "Merge the shards of one run, measured with one rust-perf version and one set of inputs."
  );
}

// src/compare/merge-reports.ts
var SHARED_FIELDS = {
  "another base (commit or conditions)": (report) => report.base,
  "another head (commit or conditions)": (report) => report.head,
  "other thresholds or another event": ({ event, threshold, functionThreshold }) => ({
    event,
    threshold,
    functionThreshold
  }),
  "other limits": (report) => report.limits ?? null
};
function mergeShardReports(parts) {
  const tally = tallyShards(parts, shardOf2, (part) => part.comparison.benchmarks);
  const first = parts[0].comparison;
  for (const part of parts) {
    for (const [what, field] of Object.entries(SHARED_FIELDS)) {
      if (JSON.stringify(field(part.comparison)) !== JSON.stringify(field(first))) {
        throw refusedShard(part.source, `has ${what} than ${parts[0].source}`);
      }
    }
  }
  const allocationThreshold2 = agreedOn(parts, "allocationThreshold");
  const allocationsUnmeasured2 = agreedOn(parts, "allocationsUnmeasured");
  const label = agreedOn(parts, "acceptedBy");
  const benchmarks = inComparisonOrder(parts.flatMap((part) => part.comparison.benchmarks));
  const regressed = benchmarks.some(benchmarkFails);
  const comparison = {
    version: first.version,
    regressed,
    event: first.event,
    threshold: first.threshold,
    functionThreshold: first.functionThreshold,
    ...allocationThreshold2 === void 0 ? {} : { allocationThreshold: allocationThreshold2 },
    ...allocationsUnmeasured2 === void 0 ? {} : { allocationsUnmeasured: allocationsUnmeasured2 },
    base: first.base,
    head: first.head,
    fingerprintDifferences: first.fingerprintDifferences,
    ...first.limits === void 0 ? {} : { limits: first.limits },
    benchmarks,
    ...regressed && label !== void 0 ? { acceptedBy: label } : {}
  };
  return { comparison, count: tally.count, missing: tally.missing() };
}
function agreedOn(parts, key) {
  const having = parts.filter((part) => part.comparison[key] !== void 0);
  const [first] = having;
  for (const part of having) {
    if (part.comparison[key] !== first.comparison[key]) {
      throw refusedShard(
        part.source,
        `has ${key} ${JSON.stringify(part.comparison[key])}, ${first.source} ${JSON.stringify(first.comparison[key])}`
      );
    }
  }
  return first?.comparison[key];
}
function inComparisonOrder(benchmarks) {
  const inBase = new Set(
    benchmarks.filter((benchmark) => benchmark.base !== null).map((benchmark) => benchmark.target)
  );
  return benchmarks.sort(
    (a, b) => Number(!inBase.has(a.target)) - Number(!inBase.has(b.target)) || compareText(a.target, b.target)
  );
}
function shardOf2(part) {
  if (part.comparison.shard === void 0) {
    throw new InputError(
      `${part.source} is not a shard's report: it compares whole measurements`,
      "Merge the reports that `rust-perf compare --format json` wrote for the profiles of `rust-perf measure --shard K/N`."
    );
  }
  return part.comparison.shard;
}

// src/compare/read-comparison.ts
var MAX_BYTES = 32 * 1024 * 1024;
var MAX_STRING = 1e4;
var REPORT_FIELDS = [
  "version",
  "regressed",
  "event",
  "threshold",
  "functionThreshold",
  "base",
  "head",
  "fingerprintDifferences",
  "benchmarks"
];
var OPTIONAL_REPORT_FIELDS = [
  "allocationThreshold",
  "allocationsUnmeasured",
  "acceptedBy",
  "limits",
  "shard"
];
var BENCHMARK_FIELDS2 = {
  required: [
    "name",
    "target",
    "harness",
    "status",
    "base",
    "head",
    "change",
    "otherEvents",
    "functions"
  ],
  optional: [
    "id",
    "allocations",
    "trend",
    "threshold",
    "allocationThreshold",
    "ignored",
    "overBudget",
    "uncheckedBudgets"
  ]
};
var ALLOCATION_FIELDS2 = { required: ["status", "base", "head", "change", "sites"] };
var TOTALS_FIELDS = { required: ["allocations", "bytes", "peakBytes"] };
var SITE_FIELDS2 = { required: ["function", "file", "line", "base", "head"] };
var SITE_COUNTS_FIELDS = { required: ["allocations", "bytes"] };
var FUNCTION_CHANGE_FIELDS = {
  required: ["name", "file", "line", "base", "head", "delta", "change", "status", "significant"],
  optional: ["movedFrom", "movedTo", "inclusive", "callPath", "calledMoreBy"]
};
var SIDES_FIELDS = { required: ["base", "head"] };
var CALL_GROWTH_FIELDS = { required: ["caller", "base", "head"] };
var MAX_EVENT_LENGTH = 32;
function parseComparison(text, source) {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) {
    throw new CorruptFileError(
      source,
      void 0,
      `is ${bytes} bytes, more than the 32 MiB a comparison report may have`
    );
  }
  const json = parseJson(
    text,
    (reason) => new CorruptFileError(source, void 0, `is not valid JSON (${reason})`)
  );
  return new ComparisonReader(source).comparison(json);
}
function comparisonProblem(path, problem) {
  switch (problem.kind) {
    case "missing":
      return `${path}.${problem.key} is missing`;
    case "unknown-field":
      return `${path} has an unexpected field '${truncateForMessage(problem.key)}'`;
    case "expected":
      return `${path} must be ${problem.expected} (got ${describeJsonValue(problem.found)})`;
    case "rule":
      return "found" in problem ? `${path} ${problem.rule} (got ${describeJsonValue(problem.found)})` : `${path} ${problem.rule}`;
  }
}
var ComparisonReader = class {
  json;
  constructor(source) {
    this.json = new StrictJsonReader(
      (path, problem) => new CorruptFileError(
        source,
        void 0,
        `${comparisonProblem(path, problem)}; this is not a comparison report written by rust-perf`
      )
    );
  }
  comparison(value) {
    const { json } = this;
    const object = json.object(value, "the report", {
      required: REPORT_FIELDS,
      optional: OPTIONAL_REPORT_FIELDS
    });
    json.expect(
      object.version,
      "version",
      (version) => version === COMPARISON_VERSION,
      String(COMPARISON_VERSION)
    );
    const benchmarks = json.array(object.benchmarks, "benchmarks").map((benchmark, index) => this.benchmark(benchmark, `benchmarks[${index}]`));
    const regressed = json.boolean(object.regressed, "regressed");
    if (regressed !== benchmarks.some(benchmarkFails)) {
      json.refuse(
        "regressed",
        "must be true exactly when a benchmark regressed (in instructions or allocations) or exceeded a budget, and is not ignored",
        regressed
      );
    }
    return {
      version: COMPARISON_VERSION,
      regressed,
      event: this.event(object.event, "event"),
      threshold: this.fraction(object.threshold, "threshold"),
      functionThreshold: this.fraction(object.functionThreshold, "functionThreshold"),
      ...object.allocationThreshold === void 0 ? {} : {
        allocationThreshold: this.fraction(object.allocationThreshold, "allocationThreshold")
      },
      ...object.allocationsUnmeasured === void 0 ? {} : {
        allocationsUnmeasured: this.json.expect(
          object.allocationsUnmeasured,
          "allocationsUnmeasured",
          (side) => side === "base" || side === "head",
          '"base" or "head"'
        )
      },
      base: this.side(object.base, "base"),
      head: this.side(object.head, "head"),
      fingerprintDifferences: json.array(object.fingerprintDifferences, "fingerprintDifferences").map(
        (difference, index) => this.difference(difference, `fingerprintDifferences[${index}]`)
      ),
      ...object.limits === void 0 ? {} : { limits: this.name(object.limits, "limits") },
      ...object.shard === void 0 ? {} : { shard: readShard(json, object.shard) },
      benchmarks,
      ...object.acceptedBy === void 0 ? {} : { acceptedBy: this.acceptedBy(object.acceptedBy, regressed) }
    };
  }
  acceptedBy(value, regressed) {
    const label = this.json.expect(
      value,
      "acceptedBy",
      (name) => typeof name === "string" && name !== "" && name.length <= 50,
      "a label name of 1 to 50 characters"
    );
    if (!regressed) this.json.refuse("acceptedBy", "is set only when a benchmark regressed", label);
    return label;
  }
  side(value, path) {
    const object = this.json.object(value, path, {
      required: [],
      optional: ["commit", "fingerprint"]
    });
    const side = {};
    if (object.commit !== void 0) {
      side.commit = this.json.expect(
        this.string(object.commit, `${path}.commit`),
        `${path}.commit`,
        (commit) => COMMIT_ID.test(commit),
        "a hexadecimal commit id"
      );
    }
    if (object.fingerprint !== void 0) {
      side.fingerprint = this.fingerprint(object.fingerprint, `${path}.fingerprint`);
    }
    return side;
  }
  fingerprint(value, path) {
    const object = this.json.object(value, path, {
      required: FINGERPRINT_FIELDS,
      optional: ["codegen"]
    });
    const strings = (field) => this.json.array(object[field], `${path}.${field}`).map((entry, index) => this.string(entry, `${path}.${field}[${index}]`));
    const runs = this.count(object.runs, `${path}.runs`);
    if (runs < 1) this.json.refuse(`${path}.runs`, "must be at least 1", runs);
    return {
      valgrind: this.string(object.valgrind, `${path}.valgrind`),
      rustc: this.string(object.rustc, `${path}.rustc`),
      target: this.string(object.target, `${path}.target`),
      rustflags: strings("rustflags"),
      mangling: this.json.oneOf(object.mangling, `${path}.mangling`, MANGLINGS),
      ...object.codegen === void 0 ? {} : { codegen: strings("codegen") },
      runs
    };
  }
  difference(value, path) {
    const object = this.json.object(value, path, { required: ["field", "base", "head"] });
    return {
      field: this.json.oneOf(object.field, `${path}.field`, COMPARABLE_FINGERPRINT_FIELDS),
      base: this.string(object.base, `${path}.base`),
      head: this.string(object.head, `${path}.head`)
    };
  }
  benchmark(value, path) {
    const object = this.json.object(value, path, BENCHMARK_FIELDS2);
    const status = this.json.oneOf(object.status, `${path}.status`, BENCHMARK_STATUSES);
    const base = this.optionalCount(object.base, `${path}.base`);
    const head = this.optionalCount(object.head, `${path}.head`);
    if (base === null !== (status === "added")) {
      this.json.refuse(`${path}.base`, "must be null exactly when the benchmark was added", base);
    }
    if (head === null !== (status === "removed")) {
      this.json.refuse(`${path}.head`, "must be null exactly when the benchmark was removed", head);
    }
    return {
      name: this.name(object.name, `${path}.name`),
      target: this.name(object.target, `${path}.target`),
      ...object.id === void 0 ? {} : { id: this.name(object.id, `${path}.id`) },
      harness: this.json.oneOf(object.harness, `${path}.harness`, HARNESSES),
      status,
      base,
      head,
      change: this.change(object.change, `${path}.change`),
      otherEvents: this.otherEvents(object.otherEvents, `${path}.otherEvents`),
      functions: this.json.array(object.functions, `${path}.functions`).map((change, index) => this.functionChange(change, `${path}.functions[${index}]`)),
      ...object.allocations === void 0 ? {} : { allocations: this.allocations(object.allocations, `${path}.allocations`) },
      ...object.trend === void 0 ? {} : { trend: this.trend(object.trend, `${path}.trend`) },
      ...this.limitFields(object, path)
    };
  }
  allocations(value, path) {
    const object = this.json.object(value, path, ALLOCATION_FIELDS2);
    const totals2 = (side, at) => {
      if (side === null) return null;
      const fields = this.json.object(side, at, TOTALS_FIELDS);
      return {
        allocations: this.count(fields.allocations, `${at}.allocations`),
        bytes: this.count(fields.bytes, `${at}.bytes`),
        peakBytes: this.count(fields.peakBytes, `${at}.peakBytes`)
      };
    };
    return {
      status: this.json.oneOf(object.status, `${path}.status`, BENCHMARK_STATUSES),
      base: totals2(object.base, `${path}.base`),
      head: totals2(object.head, `${path}.head`),
      change: this.change(object.change, `${path}.change`),
      sites: this.json.array(object.sites, `${path}.sites`).map((site, index) => this.site(site, `${path}.sites[${index}]`))
    };
  }
  site(value, path) {
    const object = this.json.object(value, path, SITE_FIELDS2);
    const counts = (side, at) => {
      const fields = this.json.object(side, at, SITE_COUNTS_FIELDS);
      return {
        allocations: this.count(fields.allocations, `${at}.allocations`),
        bytes: this.count(fields.bytes, `${at}.bytes`)
      };
    };
    return {
      function: this.name(object.function, `${path}.function`),
      file: this.name(object.file, `${path}.file`),
      line: this.count(object.line, `${path}.line`),
      base: counts(object.base, `${path}.base`),
      head: counts(object.head, `${path}.head`)
    };
  }
  trend(value, path) {
    const values = this.json.array(value, path);
    if (values.length > HISTORY_LENGTH) {
      this.json.refuse(path, `must have at most ${HISTORY_LENGTH} values`, values.length);
    }
    return values.map((total, index) => this.count(total, `${path}[${index}]`));
  }
  /** What rust-perf.toml set for a benchmark: its threshold, ignore, exceeded budgets. */
  limitFields(object, path) {
    const fields = {};
    if (object.threshold !== void 0) {
      fields.threshold = this.fraction(object.threshold, `${path}.threshold`);
    }
    if (object.allocationThreshold !== void 0) {
      fields.allocationThreshold = this.fraction(
        object.allocationThreshold,
        `${path}.allocationThreshold`
      );
    }
    if (object.uncheckedBudgets !== void 0) {
      fields.uncheckedBudgets = this.json.array(object.uncheckedBudgets, `${path}.uncheckedBudgets`).map(
        (key, index) => this.json.oneOf(key, `${path}.uncheckedBudgets[${index}]`, ALLOCATION_BUDGET_KEYS)
      );
    }
    if (object.ignored !== void 0) {
      this.json.expect(object.ignored, `${path}.ignored`, (value) => value === true, "true");
      fields.ignored = true;
    }
    if (object.overBudget !== void 0) {
      fields.overBudget = this.json.array(object.overBudget, `${path}.overBudget`).map((budget, index) => this.exceededBudget(budget, `${path}.overBudget[${index}]`));
    }
    return fields;
  }
  exceededBudget(value, path) {
    const object = this.json.object(value, path, {
      required: ["limit", "count"],
      optional: ["function", "metric"]
    });
    const limit = this.count(object.limit, `${path}.limit`);
    const count = this.count(object.count, `${path}.count`);
    if (count <= limit) this.json.refuse(`${path}.count`, "must exceed the limit", count);
    if (object.metric !== void 0 && object.function !== void 0) {
      this.json.refuse(`${path}.metric`, "is set only for a whole benchmark, not a function");
    }
    return {
      ...object.function === void 0 ? {} : { function: this.name(object.function, `${path}.function`) },
      ...object.metric === void 0 ? {} : { metric: this.json.oneOf(object.metric, `${path}.metric`, BUDGET_METRICS) },
      limit,
      count
    };
  }
  otherEvents(value, path) {
    const events = this.json.object(value, path);
    return Object.fromEntries(
      Object.entries(events).map(([event, totals2]) => {
        const at = `${path}.${this.event(event, path)}`;
        const pair = this.json.object(totals2, at, { required: ["base", "head"] });
        const sides = {
          base: this.optionalCount(pair.base, `${at}.base`),
          head: this.optionalCount(pair.head, `${at}.head`)
        };
        return [event, sides];
      })
    );
  }
  functionChange(value, path) {
    const object = this.json.object(value, path, FUNCTION_CHANGE_FIELDS);
    const base = this.count(object.base, `${path}.base`);
    const head = this.count(object.head, `${path}.head`);
    const delta = this.json.integer(object.delta, `${path}.delta`);
    if (delta !== head - base) this.json.refuse(`${path}.delta`, "must be head - base", delta);
    const change = {
      name: this.name(object.name, `${path}.name`),
      file: this.name(object.file, `${path}.file`),
      line: this.count(object.line, `${path}.line`),
      base,
      head,
      delta,
      change: this.change(object.change, `${path}.change`),
      status: this.json.oneOf(object.status, `${path}.status`, FUNCTION_STATUSES),
      significant: this.json.boolean(object.significant, `${path}.significant`)
    };
    for (const key of ["movedFrom", "movedTo"]) {
      if (object[key] === void 0) continue;
      change[key] = this.json.array(object[key], `${path}.${key}`).map((name, index) => this.name(name, `${path}.${key}[${index}]`));
    }
    return { ...change, ...this.callContext(object, path) };
  }
  /** What the call graph told of a function: inclusive costs, call path, who called it more. */
  callContext(object, path) {
    const context = {};
    if (object.inclusive !== void 0) {
      const at = `${path}.inclusive`;
      const sides = this.json.object(object.inclusive, at, SIDES_FIELDS);
      context.inclusive = {
        base: this.count(sides.base, `${at}.base`),
        head: this.count(sides.head, `${at}.head`)
      };
    }
    if (object.callPath !== void 0) {
      const names = this.json.array(object.callPath, `${path}.callPath`);
      if (names.length < 2) this.json.refuse(`${path}.callPath`, "must name at least 2 frames");
      context.callPath = names.map((name, index) => this.name(name, `${path}.callPath[${index}]`));
    }
    if (object.calledMoreBy !== void 0) {
      const at = `${path}.calledMoreBy`;
      const growth = this.json.object(object.calledMoreBy, at, CALL_GROWTH_FIELDS);
      const base = this.count(growth.base, `${at}.base`);
      const head = this.count(growth.head, `${at}.head`);
      if (head <= base) this.json.refuse(`${at}.head`, "must exceed base", head);
      context.calledMoreBy = { caller: this.name(growth.caller, `${at}.caller`), base, head };
    }
    return context;
  }
  /** A string of at most MAX_STRING characters. */
  string(value, path) {
    const text = this.json.string(value, path);
    if (text.length > MAX_STRING) {
      this.json.refuse(path, `must be at most ${MAX_STRING} characters, not ${text.length}`);
    }
    return text;
  }
  /** A name or path: a non-empty string. */
  name(value, path) {
    const text = this.string(value, path);
    if (text === "") this.json.refuse(path, "must not be empty");
    return text;
  }
  event(value, path) {
    return this.json.expect(
      this.string(value, path),
      path,
      (text) => EVENT_NAME.test(text) && text.length <= MAX_EVENT_LENGTH,
      "a Cachegrind event name such as Ir"
    );
  }
  /** A count: a whole number, 0 or more. */
  count(value, path) {
    const number = this.json.integer(value, path);
    if (number < 0) this.json.refuse(path, "must not be negative", number);
    return number;
  }
  /** A count, or null on the side where the benchmark does not exist. */
  optionalCount(value, path) {
    return value === null ? null : this.count(value, path);
  }
  fraction(value, path) {
    return this.json.expect(
      value,
      path,
      (number) => typeof number === "number" && number >= 0 && number <= 1,
      "a fraction from 0 to 1"
    );
  }
  /** A percent change, or null where there is nothing to relate it to. */
  change(value, path) {
    if (value === null) return null;
    return this.json.expect(
      value,
      path,
      (number) => typeof number === "number" && Number.isFinite(number) && number >= -100,
      "a percent change (-100 or more) or null"
    );
  }
};

// src/cli/merge-command.ts
var help5 = `rust-perf merge: join the shards of one measurement into one profile or report

Usage: rust-perf merge --out FILE PROFILE...
       rust-perf merge [--format FORMAT] [--out FILE] REPORT...

Reads the profile.json files that \`rust-perf measure --shard K/N\` wrote, one per shard, and
writes one profile document holding every benchmark, as one measurement without --shard would
have: \`rust-perf compare\` and \`--baseline\` read it. The shards must be of one commit,
measured under the same conditions, each shard of N exactly once.

Or reads the JSON reports that \`rust-perf compare --format json\` (or \`run\`) wrote for the
shards, and prints the report of the whole suite. The shards' reports must compare the same
base with the same head, under the same conditions, thresholds and limits, each shard of N
exactly once, no benchmark in two of them. Profiles and reports are not merged together.

Options:
  --out FILE        Where the merged profile.json goes (required for profiles); for reports,
                    also write the merged JSON report there
  --format FORMAT   For reports: text, markdown, comment or json. Default: text on a
                    terminal, markdown otherwise.
  -h, --help        Show this help

Exit status: 0 merged, 2 a usage error, an unreadable file, a missing shard, or shards of
different measurements.
`;
var mergeCommand = {
  name: "merge",
  summary: "Join the profiles or reports of several shards into one",
  help: help5,
  async execute(args2, context) {
    const { values, positionals } = parseCommandArgs(
      "merge",
      args2,
      { out: { type: "string" }, format: { type: "string" } },
      true
    );
    if (positionals.length === 0) {
      throw new InputError("expected the shards to merge; see `rust-perf merge --help`");
    }
    const parts = await Promise.all(positionals.map((file) => readPart(file, context)));
    const reports = parts.filter((part) => part.kind === "report");
    const profiles = parts.filter((part) => part.kind === "profile");
    if (reports.length > 0 && profiles.length > 0) {
      throw new InputError(
        `cannot merge profiles with comparison reports: ${profiles[0].source} is a profile, ${reports[0].source} a report`,
        "Merge the profile.json files of the shards, or their JSON reports, not both."
      );
    }
    if (reports.length > 0) return mergeReports(reports, values, context);
    if (values.out === void 0) {
      throw new InputError(
        "expected --out FILE for the merged profile; see `rust-perf merge --help`"
      );
    }
    if (values.format !== void 0) {
      throw new InputError("--format applies to merged reports; profiles are written with --out");
    }
    const { profile, count, missing } = mergeShardProfiles(profiles);
    refuseIncomplete(count, missing);
    const out = resolve10(context.cwd, values.out);
    await writeFile5(out, serialiseProfileDocument(profile));
    context.stdout(profileSummaryText(profile));
    context.stdout(`
profile: ${out}
`);
    return 0;
  }
};
async function mergeReports(reports, values, context) {
  const format = chooseFormat(values.format, context);
  const { comparison, count, missing } = mergeShardReports(reports);
  refuseIncomplete(count, missing);
  if (values.out !== void 0) {
    await writeFile5(resolve10(context.cwd, values.out), renderJson(comparison));
  }
  context.stdout(renderReport(comparison, format, context));
  return 0;
}
async function readPart(file, context) {
  const path = resolve10(context.cwd, file);
  let text;
  try {
    text = await readFile6(path, "utf8");
  } catch (error) {
    throw unreadable(file, error);
  }
  const json = parseJson(
    text,
    (reason) => new CorruptFileError(file, void 0, `is not valid JSON (${reason})`)
  );
  return isJsonObject(json) && "regressed" in json ? { kind: "report", source: file, comparison: parseComparison(text, file) } : { kind: "profile", source: file, profile: parseProfileDocument(text, file) };
}
function refuseIncomplete(count, missing) {
  if (missing.length === 0) return;
  throw new InputError(
    `shard ${missing.map((index) => `${index}/${count}`).join(", ")} ${missing.length === 1 ? "is" : "are"} missing: a merge of ${count} shards needs every one`
  );
}

// src/cli/parse-command.ts
import { resolve as resolve11 } from "node:path";

// src/report/function-table.ts
var NAME_COLUMN_LIMIT = 60;
var SHARE_WIDTH = 7;
function renderFunctionTable(command, profile) {
  const { events, totals: totals2 } = profile;
  const primary = events[0];
  const primaryTotal = countOf(totals2, primary) ?? 0;
  const header = `cmd: ${sanitise(command)}  events: ${events.join(" ")}  totals: ${events.map((event) => countOf(totals2, event) ?? 0).join(" ")}  functions: ${profile.functions.length}`;
  const inclusive = profile.calls !== void 0;
  const rows = profile.functions.map((entry) => {
    const file = sanitise(entry.file);
    return [
      ...events.map((event) => String(countOf(entry.counts, event) ?? 0)),
      primaryTotal === 0 ? "-" : `${(100 * (countOf(entry.counts, primary) ?? 0) / primaryTotal).toFixed(2)}%`,
      ...inclusive ? [String(entry.inclusive ?? 0)] : [],
      sanitise(entry.name),
      entry.line === 0 ? file : `${file}:${entry.line}`
    ];
  });
  const table = alignColumns(
    [[...events, "%", ...inclusive ? ["inclusive"] : [], "function", "location"], ...rows],
    [
      ...events.map(() => ({ align: "right" })),
      { align: "right", minWidth: SHARE_WIDTH },
      ...inclusive ? [{ align: "right" }] : [],
      { align: "left", maxWidth: NAME_COLUMN_LIMIT },
      { align: "last" }
    ]
  );
  return `${[header, ...table].join("\n")}
`;
}

// src/cli/parse-command.ts
var help6 = `Usage: rust-perf parse FILE [--json] [--raw]

Prints the per-function profile in one Cachegrind or Callgrind output file
(what \`valgrind --tool=cachegrind\` or \`--tool=callgrind\` writes, valgrind
3.18 to 3.26; a Callgrind file's parts are added up), largest first: each
function's count for every recorded event, its share of the first event's
total (Ir, instructions, in every file valgrind writes), for a Callgrind file
its inclusive count (itself and all it called, a recursion counted once),
its name, and the file and line
where most of its cost sits in your own code (files under the current
directory), or anywhere when none of it is in your code.

Names and paths are normalised as they are for comparisons: symbol hashes,
LTO suffixes, crate disambiguators and symbol versions are removed, toolchain,
registry, vendored and git-checkout paths shortened, and paths under the current
directory made relative. Functions whose names become equal are summed.

Options:
  --json       Print JSON instead of a table:
               { "events": [...], "totals": { event: count },
                 "functions": [{ "name", "file", "line", "counts": { event: count },
                                 "inclusive" }],
                 "calls": [{ "caller", "callee", "calls", "inclusive" }] }
               (inclusive costs and calls from a Callgrind file only: the first
               event's count of a function and all it called, recursion once)
  --raw        Keep names and paths exactly as the file has them
  -h, --help   Print this help

Exit status: 0 success, 2 a usage error or a missing, unreadable or corrupt file.
`;
var parseCommand = {
  name: "parse",
  summary: "Print one cachegrind.out or callgrind.out file's per-function profile",
  help: help6,
  async execute(args2, context) {
    const { values, positionals } = parseCommandArgs(
      "parse",
      args2,
      { json: { type: "boolean" }, raw: { type: "boolean" } },
      true
    );
    const [file, ...extra] = positionals;
    if (file === void 0 || extra.length > 0) {
      throw new InputError(
        `expected one FILE, found ${positionals.length}; see \`rust-perf parse --help\``
      );
    }
    const normalisation = { workspaceRoot: context.cwd };
    const parsed = await parseValgrindFile(
      resolve11(context.cwd, file),
      parserOptions(normalisation)
    );
    const profile = values.raw ? rawProfile(parsed) : normaliseProfile(parsed, normalisation);
    context.stdout(
      values.json ? `${JSON.stringify(profile, null, 2)}
` : renderFunctionTable(parsed.command, profile)
    );
    return 0;
  }
};

// src/cli/run-command.ts
import { dirname as dirname10, join as join14, relative as relative3, resolve as resolve13 } from "node:path";

// src/measure/measure-revision.ts
import { existsSync as existsSync4 } from "node:fs";
import { realpath } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join12, relative as relative2, resolve as resolve12, sep } from "node:path";

// src/system/git.ts
import { mkdtemp, rm as rm5 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename as basename3, join as join11 } from "node:path";
function createGit(processes, options) {
  const env = definedEnvironment(options.env);
  async function git(args2) {
    try {
      return await processes.run("git", args2, { cwd: options.cwd, env });
    } catch (error) {
      if (isMissingProgram(error)) {
        throw new EnvironmentError(
          "git is not installed or not on PATH.",
          "Install git (e.g. `sudo apt-get install -y git`) and try again."
        );
      }
      throw error;
    }
  }
  async function gitOutput(args2) {
    const result = await git(args2);
    if (result.exitCode !== 0) throw new GitError(failureMessage(args2, result));
    return result.stdout.trim();
  }
  async function branchesHint() {
    const [listed, originHead, current] = await Promise.all([
      git(["for-each-ref", "--format=%(refname:short)", "refs/heads/"]),
      git(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]),
      git(["symbolic-ref", "--quiet", "--short", "HEAD"])
    ]);
    const branches = listed.exitCode === 0 ? lines(listed.stdout) : [];
    if (branches.length === 0) return "";
    const fromOrigin = originHead.exitCode === 0 ? originHead.stdout.trim().replace(/^origin\//, "") : "";
    const checkedOut = current.exitCode === 0 ? current.stdout.trim() : "";
    const first = [fromOrigin, checkedOut].filter((name) => branches.includes(name));
    const ordered = [.../* @__PURE__ */ new Set([...first, ...branches])];
    const label = (name) => name === fromOrigin ? `${name} (origin's default)` : name === checkedOut ? `${name} (checked out)` : name;
    const shown = ordered.slice(0, 6).map(label);
    const more = ordered.length > shown.length ? ` and ${ordered.length - shown.length} more` : "";
    return `Branches here: ${shown.join(", ")}${more}. `;
  }
  return {
    async topLevel() {
      const result = await git(["rev-parse", "--show-toplevel"]);
      if (result.exitCode !== 0) {
        throw new GitError(
          `${options.cwd} is not inside a git repository (${gitReason(result.stderr)}).`
        );
      }
      return result.stdout.trim();
    },
    async resolveCommit(ref) {
      const result = await git([
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        `${ref}^{commit}`
      ]);
      if (result.exitCode !== 0) {
        throw new GitError(
          `'${ref}' does not name a commit in this repository.`,
          `${await branchesHint()}Use a branch, tag or commit that exists locally (run \`git fetch\` for remote ones).`
        );
      }
      return result.stdout.trim();
    },
    async fetchCommit(sha) {
      if (!FULL_COMMIT_SHA.test(sha)) {
        throw new GitError(`'${sha}' is not a full commit sha, so it cannot be fetched by itself.`);
      }
      await gitOutput(["fetch", "--no-tags", "--depth=1", "origin", sha]);
    },
    async readFileAt(sha, path) {
      if (!FULL_COMMIT_SHA.test(sha)) {
        throw new GitError(`'${sha}' is not a full commit sha, so no file is read from it.`);
      }
      await gitOutput(["cat-file", "-e", `${sha}^{commit}`]);
      const object = `${sha}:./${path}`;
      if ((await git(["cat-file", "-e", object])).exitCode !== 0) return void 0;
      const result = await git(["cat-file", "blob", object]);
      if (result.exitCode !== 0)
        throw new GitError(failureMessage(["cat-file", "blob", object], result));
      return result.stdout;
    },
    async hasUncommittedChanges() {
      return await gitOutput(["status", "--porcelain"]) !== "";
    },
    async addWorktree(path, sha) {
      await gitOutput(["worktree", "add", "--detach", "--quiet", path, sha]);
    },
    async removeWorktree(path) {
      await gitOutput(["worktree", "remove", "--force", path]);
    },
    async pruneWorktrees() {
      await gitOutput(["worktree", "prune"]);
    }
  };
}
async function cleanWorkingTreeCommit(processes, options) {
  const git = createGit(processes, options);
  try {
    await git.topLevel();
    return await git.hasUncommittedChanges() ? void 0 : await git.resolveCommit("HEAD");
  } catch (error) {
    if (error instanceof GitError || error instanceof EnvironmentError) return void 0;
    throw error;
  }
}
async function withTemporaryWorktree(git, sha, log, work) {
  const repository = basename3(await git.topLevel());
  const parent = await mkdtemp(join11(tmpdir2(), "rust-perf-worktree-")).catch((error) => {
    throw isMissingPath(error) ? missingTempDirectory(tmpdir2(), "check out the base") : error;
  });
  const worktree = join11(parent, repository);
  let added = false;
  try {
    await git.addWorktree(worktree, sha);
    added = true;
    return await work(worktree);
  } finally {
    const failures = [];
    const attempt = (step) => step().catch((error) => failures.push(describeError(error)));
    if (added) await attempt(() => git.removeWorktree(worktree));
    await attempt(() => rm5(parent, { recursive: true, force: true }));
    await attempt(() => git.pruneWorktrees());
    if (failures.length > 0) {
      log.warn(
        `cleaning up the temporary worktree ${worktree} failed: ${failures.join("; ")}. If it is still there, delete that directory and run \`git worktree prune\`.`
      );
    }
  }
}
function failureMessage(args2, result) {
  const status = result.signal === null ? `exit ${result.exitCode}` : `signal ${result.signal}`;
  const reason = gitReason(result.stderr);
  return `git ${args2.join(" ")} failed (${status})${reason ? `: ${reason}` : ""}`;
}
function gitReason(stderr) {
  const lines2 = stderr.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  return lines2.find((line) => /^(fatal|error):/.test(line)) ?? lines2.at(-1) ?? "";
}
function lines(text) {
  return text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
}

// src/measure/measure-revision.ts
async function measureRevision(ref, settings, deps) {
  const git = createGit(deps.processes, { cwd: deps.repoRoot, env: deps.env });
  const topLevel = await git.topLevel();
  const sha = await git.resolveCommit(ref);
  const manifestPath = await existingPath(resolve12(deps.repoRoot, settings.manifestPath));
  const workspaceRoot = settings.workspaceRoot === void 0 ? void 0 : await existingPath(resolve12(deps.repoRoot, settings.workspaceRoot));
  const targetDir = settings.targetDir === void 0 ? await targetDirectory(manifestPath, deps) : resolve12(deps.repoRoot, settings.targetDir);
  deps.signal?.throwIfAborted();
  return withTemporaryWorktree(git, sha, deps.log, async (worktree) => {
    const shared = { ...settings, manifestPath, workspaceRoot, targetDir };
    const mapped = settingsInWorktree(shared, topLevel, { worktree, sha });
    if (!existsSync4(mapped.manifestPath)) {
      throw new GitError(
        `${ref} (${sha.slice(0, 12)}) has no ${relative2(topLevel, manifestPath)}: the crate does not exist at that commit.`
      );
    }
    deps.log.info(`Measuring ${ref} (${sha.slice(0, 12)}) in a temporary worktree ${worktree}`);
    return measure(mapped, deps);
  });
}
function settingsInWorktree(settings, topLevel, checkout) {
  const intoWorktree = (path) => {
    const inside = relative2(topLevel, path);
    if (inside.split(sep)[0] === ".." || isAbsolute2(inside)) {
      throw new InputError(`${path} is outside the git repository ${topLevel}.`);
    }
    return join12(checkout.worktree, inside);
  };
  return {
    ...settings,
    manifestPath: intoWorktree(settings.manifestPath),
    workspaceRoot: settings.workspaceRoot === void 0 ? void 0 : intoWorktree(settings.workspaceRoot),
    commit: checkout.sha
  };
}
async function existingPath(path) {
  try {
    return await realpath(path);
  } catch (error) {
    if (error.code === "ENOENT") {
      throw new InputError(`${path} does not exist.`);
    }
    throw error;
  }
}

// src/publish/local-baselines.ts
import { existsSync as existsSync5 } from "node:fs";
import { mkdir as mkdir6, readdir as readdir3, readFile as readFile7, rename as rename3, writeFile as writeFile6 } from "node:fs/promises";
import { dirname as dirname9, join as join13 } from "node:path";

// src/profile/identity.ts
import { createHash as createHash3 } from "node:crypto";
function fingerprintHash(fingerprint) {
  const comparable = COMPARABLE_FINGERPRINT_FIELDS.map((field) => [
    field,
    fingerprint[field]
  ]).filter(([, value]) => value !== void 0);
  return createHash3("sha256").update(JSON.stringify(comparable)).digest("hex").slice(0, 16);
}

// src/publish/local-baselines.ts
var BASELINE_NAME = /^[A-Za-z0-9._-]{1,100}$/;
function checkBaselineName(name) {
  if (!BASELINE_NAME.test(name) || /^\.+$/.test(name)) {
    throw new InputError(
      `'${name}' is not a valid baseline name: use 1 to 100 letters, digits, '-', '_' or '.' (not only dots).`
    );
  }
  return name;
}
function baselinesDir(targetDir) {
  return join13(targetDir, "rust-perf", "baselines");
}
function baselineFile(targetDir, name) {
  return join13(baselinesDir(targetDir), checkBaselineName(name), "profile.json");
}
async function saveBaseline(targetDir, name, profile) {
  const file = baselineFile(targetDir, name);
  await mkdir6(dirname9(file), { recursive: true });
  const previous = await earlierBaseline(file, profile);
  const partial = `${file}.${process.pid}.partial`;
  await writeFile6(partial, serialiseProfileDocument(withHistory(profile, previous)));
  await rename3(partial, file);
  return file;
}
async function earlierBaseline(file, profile) {
  let previous;
  try {
    previous = parseProfileDocument(await readFile7(file, "utf8"), file);
  } catch (error) {
    if (error instanceof CorruptFileError || error.code === "ENOENT") {
      return void 0;
    }
    throw error;
  }
  const comparable = fingerprintHash(previous.fingerprint) === fingerprintHash(profile.fingerprint);
  return comparable ? previous : void 0;
}
async function loadBaseline(targetDir, name) {
  const file = baselineFile(targetDir, name);
  let text;
  try {
    text = await readFile7(file, "utf8");
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    const saved = await savedBaselines(targetDir);
    throw new InputError(
      `there is no baseline named '${name}' (no ${file}).`,
      saved.length === 0 ? `No baseline has been saved yet: save one with \`--save-baseline ${name}\`.` : `Saved baselines: ${saved.join(", ")}. Save a new one with \`--save-baseline ${name}\`.`
    );
  }
  return parseProfileDocument(text, file);
}
async function savedBaselines(targetDir) {
  let entries;
  try {
    entries = await readdir3(baselinesDir(targetDir));
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  return entries.filter((entry) => BASELINE_NAME.test(entry) && existsSync5(baselineFile(targetDir, entry))).sort();
}

// src/cli/run-command.ts
var runOptions = {
  ...measureOptions,
  ...compareOptions,
  "base-ref": { type: "string" },
  baseline: { type: "string" },
  "head-cargo-args": { type: "string" },
  "save-baseline": { type: "string" }
};
var help7 = `rust-perf run: measure the working tree and compare it with a base, in one command

Usage: rust-perf run [--base-ref REF | --baseline NAME] [--head-cargo-args ARGS]
                     [--save-baseline NAME] [measure options] [compare options]

Measures the benchmarks of the working tree as it is, uncommitted changes included, and
compares them function by function with a base:
  --base-ref REF         The commit REF as committed: checked out into a temporary git
                         worktree (removed afterwards, also on failure or Ctrl-C) and
                         measured the same way, in the same target directory
  --baseline NAME        A profile saved earlier with --save-baseline NAME
  --head-cargo-args ARGS Extra cargo arguments for the working tree only; without
                         --base-ref or --baseline, the base is the working tree built
                         without them: --head-cargo-args="--features slow" shows what
                         a feature costs
Without a base it measures and prints each benchmark's totals, as \`rust-perf measure\`.
For each benchmark that regressed or improved it writes a differential flame graph,
<out dir>/<benchmark>.flamegraph.html (\`ops/fib 15\` as ops_fib_15.flamegraph.html;
see \`rust-perf flamegraph\`), and prints its path on stderr.
The limits of rust-perf.toml next to Cargo.toml apply, when there is one (--limits
names another file).

  --save-baseline NAME   Also save the working tree's profile as baseline NAME, in
                         <target dir>/rust-perf/baselines/NAME/profile.json (replacing an
                         earlier one). Names: letters, digits, '-', '_' and '.'

Measure options (as \`rust-perf measure\`):
${measureOptionsHelp}
                         With a measured base, its files go to DIR/base and the working
                         tree's to DIR/head.

Compare options (as \`rust-perf compare\`):
${compareOptionsHelp}
  -h, --help                     Show this help

Examples:
  rust-perf run --base-ref main          what your changes do, before you commit them
  rust-perf run --save-baseline before   then, after a change:
  rust-perf run --baseline before
  rust-perf run --manifest-path examples/textbench/Cargo.toml --head-cargo-args="--features slow"

Exit status: 0 measured and compared, 1 a regression with --fail-on-regression,
2 a usage error, an unknown REF or baseline, 3 a failed build or benchmark or a missing tool.
`;
var runCommand = {
  name: "run",
  summary: "Measure the working tree and compare it with a git ref or a saved baseline",
  help: help7,
  async execute(args2, context) {
    const { values } = parseCommandArgs("run", args2, runOptions, false);
    const source = baseSource(values);
    const saveAs = values["save-baseline"];
    if (saveAs !== void 0) checkBaselineName(saveAs);
    const report = reportSettingsFromOptions(values, context);
    const settings = await measureSettingsFromOptions(values, context);
    const limitsPath = values.limits ?? join14(dirname10(settings.manifestPath), LIMITS_FILE);
    const limits = await readLimits(
      resolve13(context.cwd, limitsPath),
      relative3(context.cwd, resolve13(context.cwd, limitsPath)) || LIMITS_FILE,
      values.limits === void 0
    );
    if (limits !== void 0) report.compare.limits = limits;
    const headCargoArgs = values["head-cargo-args"]?.trim() ? splitCommandLine(values["head-cargo-args"]) : [];
    const deps = measureDeps(context);
    const targetDir = await targetDirectory(settings.manifestPath, deps);
    const measuredBase = source.kind === "ref" || source.kind === "working-tree";
    const headSettings = {
      ...settings,
      cargoArgs: [...settings.cargoArgs, ...headCargoArgs],
      outDir: measuredBase ? join14(settings.outDir, "head") : settings.outDir
    };
    const baseSettings = { ...settings, outDir: join14(settings.outDir, "base"), targetDir };
    if (source.kind !== "ref") {
      headSettings.commit = await cleanWorkingTreeCommit(deps.processes, {
        cwd: dirname10(settings.manifestPath),
        env: deps.env
      });
      if (source.kind === "working-tree") baseSettings.commit = headSettings.commit;
    }
    let base;
    switch (source.kind) {
      case "baseline":
        base = await loadBaseline(targetDir, source.name);
        context.log.info(`Comparing the working tree with baseline '${source.name}'.`);
        break;
      case "ref": {
        const revision = await measureBaseRevision(source.ref, baseSettings, deps);
        base = revision.base;
        headSettings.commit = revision.headCommit;
        break;
      }
      case "working-tree":
        context.log.info(
          `Comparing the working tree built with \`${headCargoArgs.join(" ")}\` against without.`
        );
        base = await measure(baseSettings, deps);
        break;
      case "none":
        break;
    }
    const head = await measure(headSettings, deps);
    if (saveAs !== void 0) {
      const file = await saveBaseline(targetDir, saveAs, head);
      context.log.info(`Saved baseline '${saveAs}': ${file}`);
    }
    if (base === void 0) {
      context.stdout(profileSummaryText(head));
      return 0;
    }
    const comparison = compareProfiles(base, head, report.compare);
    const flameGraphs = await writeFlameGraphs(
      settings.outDir,
      movedFlameGraphs(base, head, comparison)
    );
    for (const path of flameGraphs) context.log.info(`Flame graph: ${path}`);
    return printReport(comparison, report, context);
  }
};
async function measureBaseRevision(ref, settings, deps) {
  const repoRoot = dirname10(settings.manifestPath);
  const git = createGit(deps.processes, { cwd: repoRoot, env: deps.env });
  await git.topLevel();
  const sha = (await git.resolveCommit(ref)).slice(0, 12);
  const dirty = await git.hasUncommittedChanges();
  deps.log.info(
    dirty ? `The working tree has uncommitted changes: it is measured as it is, against ${ref} (${sha}) as committed.` : `Comparing the working tree (no uncommitted changes) with ${ref} (${sha}).`
  );
  const base = await measureRevision(ref, settings, { ...deps, repoRoot });
  return { base, headCommit: dirty ? void 0 : await git.resolveCommit("HEAD") };
}
function baseSource(values) {
  const ref = values["base-ref"];
  const name = values.baseline;
  if (ref !== void 0 && name !== void 0) {
    throw new InputError("--base-ref and --baseline both name the base: give one of them.");
  }
  if (ref !== void 0) {
    if (ref.trim() === "") throw new InputError("--base-ref needs a git ref.");
    return { kind: "ref", ref };
  }
  if (name !== void 0) return { kind: "baseline", name: checkBaselineName(name) };
  if (values["head-cargo-args"]?.trim()) return { kind: "working-tree" };
  return { kind: "none" };
}

// src/cli/main.ts
var commands = [
  measureCommand,
  compareCommand,
  runCommand,
  mergeCommand,
  historyCommand,
  parseCommand,
  flamegraphCommand
];
var topLevelHelp = `rust-perf: per-function instruction counts for Rust benchmarks, compared.

Usage: rust-perf [--debug] <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(11)} ${command.summary}`).join("\n")}

Run \`rust-perf <command> --help\` for a command's options.

  --debug   Also print debug output: the commands run, and the stack trace of an
            internal error.

Exit status: 0 success, 1 a regression with --fail-on-regression,
2 a usage or input error, 3 a failed build, benchmark or missing tool,
70 an internal error (please report it), 130 interrupted.
`;
function takeDebugFlag(argv) {
  return argv[0] === "--debug" ? { debug: true, args: argv.slice(1) } : { debug: false, args: argv };
}
async function main(argv, context) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    context.stdout(topLevelHelp);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    context.stdout(`rust-perf ${TOOL_VERSION}
`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    context.log.info(`rust-perf: unknown command '${name}'. Run \`rust-perf --help\`.`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    context.stdout(command.help);
    return 0;
  }
  try {
    return await command.execute(rest, context);
  } catch (error) {
    if (context.signal.aborted) {
      context.log.info(`rust-perf ${name}: interrupted`);
      return 130;
    }
    context.log.info(`rust-perf ${name}: ${describeError(error)}`);
    if (error instanceof UserError) return error.exitCode;
    context.log.info(
      "This is a bug in rust-perf: please report it, with the output of the same command run as `rust-perf --debug \u2026`."
    );
    if (error instanceof Error && error.stack) context.log.debug(error.stack);
    return 70;
  }
}

// src/system/logger.ts
function lineLogger(write, options) {
  return {
    debug: (message) => {
      if (options.debug) write(`debug: ${message}
`);
    },
    info: (message) => write(`${message}
`),
    warn: (message) => write(`warning: ${message}
`),
    async group(title, work) {
      write(`${title}
`);
      return work();
    }
  };
}

// src/cli.ts
var controller = new AbortController();
process.once("SIGINT", () => {
  controller.abort();
  process.once("SIGINT", () => process.exit(130));
});
var outputClosed = false;
var onOutputError = (error) => {
  if (error.code !== "EPIPE") throw error;
  outputClosed = true;
  process.exitCode = 0;
  controller.abort();
};
process.stdout.on("error", onOutputError);
process.stderr.on("error", onOutputError);
var writeTo = (stream) => (text) => {
  if (!outputClosed) stream.write(text);
};
var { debug, args } = takeDebugFlag(process.argv.slice(2));
var exitCode = await main(args, {
  stdout: writeTo(process.stdout),
  log: lineLogger(writeTo(process.stderr), { debug }),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal
});
process.exitCode = outputClosed ? 0 : exitCode;
