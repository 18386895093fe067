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
  constructor(file, lineNumber, reason) {
    super(`${file}${lineNumber === void 0 ? "" : `:${lineNumber}`}: ${reason}`);
    this.file = file;
    this.lineNumber = lineNumber;
  }
  file;
  lineNumber;
};
function describeError(error) {
  if (error instanceof UserError) {
    return error.hint ? `${error.message}
${error.hint}` : error.message;
  }
  if (error instanceof Error) return error.stack ?? error.message;
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
    demo: "node dist/cli.js run --manifest-path examples/textbench/Cargo.toml --demo",
    bench: "node scripts/bench.mjs",
    "validate-actions": "node scripts/validate-actions.mjs"
  },
  devDependencies: {
    "@action-validator/cli": "^0.6.0",
    "@action-validator/core": "^0.6.0",
    "@biomejs/biome": "^2.6.8",
    "@types/node": "^20.19.43",
    esbuild: "^0.28.2",
    typescript: "^6.0.3",
    vitest: "^4.1.12",
    yaml: "^2.9.1"
  },
  dependencies: {
    "@actions/artifact": "^6.2.1",
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5"
  }
};

// src/version.ts
var TOOL_VERSION = package_default.version;
var TOOL_NAME = `rust-perf ${TOOL_VERSION}`;

// src/cli/compare-command.ts
var compareCommand = {
  name: "compare",
  summary: "(not yet available)",
  help: "rust-perf compare: not yet available\n",
  async run() {
    return 2;
  }
};

// src/cli/measure-command.ts
var measureCommand = {
  name: "measure",
  summary: "(not yet available)",
  help: "rust-perf measure: not yet available\n",
  async run() {
    return 2;
  }
};

// src/cli/parse-command.ts
import { resolve } from "node:path";

// src/measure/normalise.ts
var SYMBOL_VERSION = /@@?[A-Za-z0-9_.]+$/;
var LLVM_SUFFIX = /\.llvm\.\d+$/;
var LEGACY_HASH = /::h[0-9a-f]{16}$/;
var MANGLED_LEGACY_HASH = /17h[0-9a-f]{16}E$/;
var CRATE_DISAMBIGUATOR = /(?<=[A-Za-z0-9_])\[[0-9a-f]{1,16}\]/g;
function normaliseName(raw) {
  let name = raw;
  if (name.includes("@")) name = name.replace(SYMBOL_VERSION, "");
  if (name.includes(".llvm.")) name = name.replace(LLVM_SUFFIX, "");
  if (name.includes("h")) name = name.replace(LEGACY_HASH, "").replace(MANGLED_LEGACY_HASH, "E");
  if (name.includes("[")) name = name.replace(CRATE_DISAMBIGUATOR, "");
  return name;
}
var RUSTC_SOURCES = /^\/rustc\/[0-9a-f]{40}\//;
var REGISTRY_SOURCES = /^.*\/registry\/src\/[^/]+-[0-9a-f]{16}\//;
var GIT_SOURCES = /^.*\/git\/checkouts\/([^/]+)-[0-9a-f]{16}\/[^/]+\//;
function normalisePath(raw, options) {
  if (RUSTC_SOURCES.test(raw)) return raw.replace(RUSTC_SOURCES, "/rustc/");
  if (REGISTRY_SOURCES.test(raw)) return raw.replace(REGISTRY_SOURCES, "[registry]/");
  if (GIT_SOURCES.test(raw)) return raw.replace(GIT_SOURCES, "[git]/$1/");
  const root = options.workspaceRoot.replace(/\/+$/, "");
  if (root !== "" && raw.startsWith(`${root}/`)) return raw.slice(root.length + 1);
  return raw;
}
function normaliseProfile(parsed, options) {
  const paths = /* @__PURE__ */ new Map();
  const normalisedPath = (raw) => {
    let path = paths.get(raw);
    if (path === void 0) {
      path = normalisePath(raw, options);
      paths.set(raw, path);
    }
    return path;
  };
  return aggregate(parsed, normaliseName, normalisedPath);
}
function rawProfile(parsed) {
  const asWritten = (raw) => raw;
  return aggregate(parsed, asWritten, asWritten);
}
function aggregate(parsed, nameOf, pathOf) {
  const { events } = parsed;
  const merged = /* @__PURE__ */ new Map();
  for (const parsedFunction of parsed.functions) {
    const name = nameOf(parsedFunction.name);
    const counts = events.map((_, index) => parsedFunction.counts[index] ?? 0);
    const primary = counts[0];
    const existing = merged.get(name);
    if (existing === void 0) {
      const file = pathOf(parsedFunction.file);
      merged.set(name, {
        name,
        file,
        line: parsedFunction.line,
        counts,
        primary,
        lineOwnerCount: primary
      });
      continue;
    }
    for (let index = 0; index < counts.length; index++) {
      existing.counts[index] = existing.counts[index] + counts[index];
    }
    existing.primary = existing.counts[0];
    if (primary > existing.lineOwnerCount) {
      existing.file = pathOf(parsedFunction.file);
      existing.line = parsedFunction.line;
      existing.lineOwnerCount = primary;
    }
  }
  const functions = [...merged.values()].sort((a, b) => b.primary - a.primary || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(
    (entry) => ({
      name: entry.name,
      file: entry.file,
      line: entry.line,
      counts: countsByEvent(events, entry.counts)
    })
  );
  return { events, totals: countsByEvent(events, parsed.totals), functions };
}
function countsByEvent(events, counts) {
  const byEvent = {};
  for (let index = 0; index < events.length; index++) byEvent[events[index]] = counts[index] ?? 0;
  return byEvent;
}

// src/measure/parse-file.ts
import { createReadStream } from "node:fs";

// src/measure/parse.ts
import { Buffer } from "node:buffer";
var LF = 10;
var CR = 13;
var SPACE = 32;
var TAB = 9;
var DIGIT_0 = 48;
var DIGIT_9 = 57;
var LOWER_F = 102;
var LOWER_N = 110;
var EQUALS = 61;
var AFTER_SUMMARY = "a line after the summary: line: two files concatenated?";
var EVENT_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
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
var CachegrindParser = class {
  #source;
  #lineNumber = 0;
  /** The bytes of an incomplete last line, waiting for the rest of it. */
  #pending;
  #command;
  #events;
  #totals = new Float64Array(0);
  #summary;
  #file;
  /**
   * Functions, stored column-wise so that a function costs a few array slots rather than an
   * object and a typed array of its own: function `i` has its counts at
   * `counts[i * events.length ...]` and the best line seen so far in `files[i]`/`lines[i]`,
   * whose primary count is `lineCounts[i]` (-1 before its first count line).
   */
  #indexByName = /* @__PURE__ */ new Map();
  #names = [];
  #files = [];
  #lines = new Float64Array(1024);
  #lineCounts = new Float64Array(1024);
  #counts = new Float64Array(0);
  /** Index of the function the next count line belongs to; -1 for none. */
  #current = -1;
  /** `source` names the input in error messages (usually its path). */
  constructor(source) {
    this.#source = source;
  }
  write(chunk) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    if (this.#pending !== void 0) {
      const newline = bytes.indexOf(LF);
      if (newline === -1) {
        this.#pending = Buffer.concat([this.#pending, bytes]);
        return;
      }
      const line = Buffer.concat([this.#pending, bytes.subarray(0, newline + 1)]);
      this.#pending = void 0;
      this.#parseLines(line, 0, line.length);
      start = newline + 1;
    }
    const end = Math.max(start, bytes.lastIndexOf(LF) + 1);
    if (end > start) this.#parseLines(bytes, start, end);
    if (end < bytes.length) this.#pending = Buffer.from(bytes.subarray(end));
  }
  finish() {
    if (this.#pending !== void 0) {
      const lastLine = Buffer.concat([this.#pending, Buffer.of(LF)]);
      this.#pending = void 0;
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
    const width = events.length;
    return {
      command: this.#command ?? "",
      events,
      totals: summary,
      functions: this.#names.map((name, index) => {
        const counts = new Array(width);
        for (let event = 0; event < width; event++) {
          counts[event] = this.#counts[index * width + event];
        }
        return { name, file: this.#files[index], line: this.#lines[index], counts };
      })
    };
  }
  /**
   * Parses complete lines (`bytes[end - 1]` is a line feed). Count lines, nearly all of a file,
   * are parsed here from the bytes with the parser's state held in locals; other lines are
   * rare enough to be decoded and handled one by one.
   */
  #parseLines(bytes, start, end) {
    let lineNumber = this.#lineNumber;
    let current = this.#current;
    let counts = this.#counts;
    let totals = this.#totals;
    let width = totals.length;
    let position = start;
    while (position < end) {
      lineNumber++;
      let byte = bytes[position];
      if (byte < DIGIT_0 || byte > DIGIT_9) {
        this.#lineNumber = lineNumber;
        const newline = bytes.indexOf(LF, position);
        const lineEnd = newline > position && bytes[newline - 1] === CR ? newline - 1 : newline;
        if (byte === LOWER_F && bytes[position + 1] === LOWER_N && bytes[position + 2] === EQUALS) {
          this.#startFunction(bytes.toString("utf8", position + 3, lineEnd));
        } else {
          this.#parseOtherLine(bytes.toString("utf8", position, lineEnd));
        }
        current = this.#current;
        counts = this.#counts;
        totals = this.#totals;
        width = totals.length;
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
      let sourceLine = 0;
      while (byte >= DIGIT_0 && byte <= DIGIT_9) {
        sourceLine = sourceLine * 10 + (byte - DIGIT_0);
        byte = bytes[++position];
      }
      const base = current * width;
      let event = 0;
      let primary = 0;
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
          throw this.#malformedCountLine(bytes, lineStart, event === width);
        }
        let count = 0;
        while (byte >= DIGIT_0 && byte <= DIGIT_9) {
          count = count * 10 + (byte - DIGIT_0);
          byte = bytes[++position];
        }
        counts[base + event] += count;
        totals[event] += count;
        if (event === 0) primary = count;
        event++;
      }
      if (primary > this.#lineCounts[current]) {
        this.#lineCounts[current] = primary;
        this.#lines[current] = sourceLine;
        this.#files[current] = this.#file;
      }
      position++;
    }
    this.#lineNumber = lineNumber;
  }
  #parseOtherLine(line) {
    if (this.#summary !== void 0) throw this.#corrupt(AFTER_SUMMARY);
    if (line === "") {
      throw this.#corrupt("an empty line: not Cachegrind output");
    } else if (line.startsWith("fl=")) {
      this.#requireEvents("fl=");
      this.#file = line.slice(3);
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
    } else {
      throw this.#corrupt(`unrecognised line ${excerpt(line)}: not Cachegrind output`);
    }
  }
  #startFunction(name) {
    if (this.#summary !== void 0) throw this.#corrupt(AFTER_SUMMARY);
    this.#requireEvents("fn=");
    if (this.#file === void 0) throw this.#corrupt("an fn= line before any fl= line");
    let index = this.#indexByName.get(name);
    if (index === void 0) {
      index = this.#names.length;
      if (index === this.#lineCounts.length) this.#grow();
      this.#names.push(name);
      this.#files.push(this.#file);
      this.#lineCounts[index] = -1;
      this.#indexByName.set(name, index);
    }
    this.#current = index;
  }
  /** Doubles the capacity of the function columns. */
  #grow() {
    const capacity = this.#lineCounts.length * 2;
    this.#lines = resized(this.#lines, capacity);
    this.#lineCounts = resized(this.#lineCounts, capacity);
    this.#counts = resized(this.#counts, capacity * this.#totals.length);
  }
  #setEvents(text) {
    if (this.#events !== void 0) throw this.#corrupt("a second events: line");
    const events = text.split(/\s+/).filter((event) => event !== "");
    if (events.length === 0) throw this.#corrupt("an events: line that names no event");
    const oddName = events.find((event) => !EVENT_NAME.test(event));
    if (oddName !== void 0) {
      throw this.#corrupt(`${excerpt(oddName)} is not an event name (letters and digits)`);
    }
    const duplicate = events.find((event, index) => events.indexOf(event) !== index);
    if (duplicate !== void 0) throw this.#corrupt(`event ${duplicate} is listed twice`);
    this.#events = events;
    this.#totals = new Float64Array(events.length);
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
    events.forEach((event, index) => {
      const counted = this.#totals[index];
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
      return this.#corrupt(`a count line with more counts than the ${this.#totals.length} events`);
    }
    const line = bytes.toString("utf8", start, bytes.indexOf(LF, start)).replace(/\r$/, "");
    return this.#corrupt(`malformed count line ${excerpt(line)}: expected <line> <count>...`);
  }
  #corrupt(reason) {
    return new CorruptFileError(this.#source, this.#lineNumber, reason);
  }
};
function resized(array, length) {
  const copy = new Float64Array(length);
  copy.set(array);
  return copy;
}
function isCount(text) {
  return /^\d+$/.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER;
}
function excerpt(line) {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}\u2026` : line);
}

// src/measure/parse-file.ts
async function parseCachegrindFile(path) {
  const parser = new CachegrindParser(path);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      parser.write(chunk);
    }
  } catch (error) {
    throw unreadable(path, error);
  }
  return parser.finish();
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

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, args, options, allowPositionals) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals,
      strict: true
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${reason.split("\n")[0]} (see \`rust-perf ${command} --help\`)`);
  }
}

// src/cli/parse-command.ts
var help = `Usage: rust-perf parse FILE [--json] [--raw]

Prints the per-function profile in one Cachegrind output file (what
\`valgrind --tool=cachegrind\` writes), largest first: each function's count
for every recorded event, its share of the first event's total (Ir,
instructions, in every file valgrind writes), its name, and the file and line
where most of its cost sits.

Names and paths are normalised as they are for comparisons: symbol hashes,
LTO suffixes, crate disambiguators and symbol versions are removed, toolchain,
registry and git-checkout paths shortened, and paths under the current
directory made relative. Functions whose names become equal are summed.

Options:
  --json       Print JSON instead of a table:
               { "events": [...], "totals": { event: count },
                 "functions": [{ "name", "file", "line", "counts": { event: count } }] }
  --raw        Keep names and paths exactly as the file has them
  -h, --help   Print this help

Exit status: 0 success, 2 a usage error or a missing, unreadable or corrupt file.
`;
var parseCommand = {
  name: "parse",
  summary: "Print one cachegrind.out file's per-function profile",
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      "parse",
      args,
      { json: { type: "boolean" }, raw: { type: "boolean" } },
      true
    );
    const [file, ...extra] = positionals;
    if (file === void 0 || extra.length > 0) {
      throw new InputError(
        `expected one FILE, found ${positionals.length}; see \`rust-perf parse --help\``
      );
    }
    const parsed = await parseCachegrindFile(resolve(context.cwd, file));
    const profile = values.raw ? rawProfile(parsed) : normaliseProfile(parsed, { workspaceRoot: context.cwd });
    context.stdout(
      values.json ? `${JSON.stringify(profile, null, 2)}
` : renderTable(parsed.command, profile)
    );
    return 0;
  }
};
var NAME_COLUMN_LIMIT = 60;
function renderTable(command, profile) {
  const { events, totals, functions } = profile;
  const primary = events[0];
  const primaryTotal = totals[primary] ?? 0;
  const header = `cmd: ${command}  events: ${events.join(" ")}  totals: ${events.map((event) => totals[event] ?? 0).join(" ")}  functions: ${functions.length}`;
  const widest = (first, cell) => functions.reduce((width, entry) => Math.max(width, cell(entry).length), first.length);
  const countWidths = events.map(
    (event) => widest(event, (entry) => String(entry.counts[event] ?? 0))
  );
  const nameWidth = Math.min(
    NAME_COLUMN_LIMIT,
    widest("function", (entry) => entry.name)
  );
  const row = (counts, share, name, location) => [
    ...counts.map((count, index) => count.padStart(countWidths[index])),
    share.padStart(7),
    name.padEnd(nameWidth),
    location
  ].join("  ").trimEnd();
  const rows = functions.map(
    (entry) => row(
      events.map((event) => String(entry.counts[event] ?? 0)),
      primaryTotal === 0 ? "-" : `${(100 * (entry.counts[primary] ?? 0) / primaryTotal).toFixed(2)}%`,
      entry.name,
      entry.line === 0 ? entry.file : `${entry.file}:${entry.line}`
    )
  );
  return `${[header, row(events, "%", "function", "location"), ...rows].join("\n")}
`;
}

// src/cli/run-command.ts
var runCommand = {
  name: "run",
  summary: "(not yet available)",
  help: "rust-perf run: not yet available\n",
  async run() {
    return 2;
  }
};

// src/cli/main.ts
var commands = [measureCommand, compareCommand, runCommand, parseCommand];
var topLevelHelp = `rust-perf: per-function instruction counts for Rust benchmarks, compared.

Usage: rust-perf <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`).join("\n")}

Run \`rust-perf <command> --help\` for a command's options.

Exit status: 0 success, 1 a regression with --fail-on-regression,
2 a usage or input error, 3 a failed build, benchmark or missing tool,
70 an internal error (please report it).
`;
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
    return await command.run(rest, context);
  } catch (error) {
    context.log.info(`rust-perf ${name}: ${describeError(error)}`);
    return error instanceof UserError ? error.exitCode : 70;
  }
}

// src/system/logger.ts
function lineLogger(write) {
  return {
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
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  log: lineLogger((text) => process.stderr.write(text)),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal
});
