import { dirname, join } from 'node:path';
import { CorruptFileError } from '../errors.js';
import type { Mangling } from '../profile/profile.js';

/** Readable symbol names (`<T as Trait>::method`, generics) without hashes, on every build. */
export const V0_MANGLING_FLAG = '-Csymbol-mangling-version=v0';

export interface RustflagsContext {
  env: NodeJS.ProcessEnv;
  /** The directory cargo runs in: cargo looks for config files from there upward. */
  cwd: string;
  /** The user's home directory, for the default `$CARGO_HOME` (`~/.cargo`). */
  home: string;
  /** A file's text, or `undefined` when there is no such file. */
  readFile: (path: string) => string | undefined;
}

interface UserRustflags {
  /** The flags cargo would pass to rustc for this build without rust-perf. */
  flags: string[];
  /** Where they came from: an environment variable, config files, or `none`. */
  source: string;
  /** Settings rust-perf does not read and that its own rustflags therefore override. */
  ignored: string[];
}

/**
 * The rustflags the user has set, found where cargo finds them and in the same order:
 * `CARGO_ENCODED_RUSTFLAGS` wins over `RUSTFLAGS`, which wins over `CARGO_BUILD_RUSTFLAGS`,
 * which wins over `build.rustflags` in the cargo config files (merged as cargo merges arrays:
 * `$CARGO_HOME` first, then from the file system root down to `cwd`). rust-perf must pass its
 * own flag through `CARGO_ENCODED_RUSTFLAGS`, which replaces all of these, so it re-reads them
 * to keep them. Not read: `target.<triple>.rustflags` (config or environment) and
 * `--config` arguments; these are reported in `ignored`.
 */
export function userRustflags(context: RustflagsContext): UserRustflags {
  const { env } = context;
  const ignored = Object.keys(env)
    .filter((name) => /^CARGO_TARGET_.+_RUSTFLAGS$/.test(name))
    .map((name) => `${name} (environment)`);
  if (env.CARGO_ENCODED_RUSTFLAGS !== undefined) {
    const encoded = env.CARGO_ENCODED_RUSTFLAGS;
    const flags = encoded === '' ? [] : encoded.split('\x1f');
    return { flags, source: 'CARGO_ENCODED_RUSTFLAGS', ignored };
  }
  for (const name of ['RUSTFLAGS', 'CARGO_BUILD_RUSTFLAGS']) {
    const value = env[name];
    if (value !== undefined) return { flags: splitWhitespace(value), source: name, ignored };
  }
  const flags: string[] = [];
  const sources: string[] = [];
  for (const file of configFiles(context)) {
    const text = context.readFile(file);
    if (text === undefined) continue;
    const config = readRustflagsConfig(text, file);
    if (config.buildRustflags) {
      flags.push(...config.buildRustflags);
      sources.push(file);
    }
    if (config.hasTargetRustflags) ignored.push(`target.<triple>.rustflags in ${file}`);
  }
  return { flags, source: sources.length > 0 ? sources.join(', ') : 'none', ignored };
}

/**
 * The flags to build with: the user's, plus v0 mangling unless the user chose a mangling
 * scheme (rustc keeps the last `-C` value, so the user's choice is then in effect).
 */
export function withV0Mangling(userFlags: string[]): {
  rustflags: string[];
  mangling: Mangling;
} {
  const chosen = manglingVersion(userFlags);
  if (chosen === undefined) return { rustflags: [...userFlags, V0_MANGLING_FLAG], mangling: 'v0' };
  return { rustflags: [...userFlags], mangling: chosen === 'v0' ? 'v0' : 'legacy' };
}

/** The last `symbol-mangling-version` in the flags, in any of the spellings rustc accepts. */
function manglingVersion(flags: string[]): string | undefined {
  let version: string | undefined;
  for (const [index, flag] of flags.entries()) {
    const option =
      flag === '-C' || flag === '--codegen'
        ? flags[index + 1]
        : flag.match(/^(?:-C|--codegen=)(.*)$/)?.[1];
    const value = option?.match(/^symbol-mangling-version=(.*)$/)?.[1];
    if (value !== undefined) version = value;
  }
  return version;
}

/** Config files in increasing precedence: `$CARGO_HOME`, then root → `cwd`. */
function configFiles(context: RustflagsContext): string[] {
  const directories: string[] = [];
  for (let directory = context.cwd; ; directory = dirname(directory)) {
    directories.unshift(join(directory, '.cargo'));
    if (dirname(directory) === directory) break;
  }
  const cargoHome = context.env.CARGO_HOME ?? join(context.home, '.cargo');
  if (!directories.includes(cargoHome)) directories.unshift(cargoHome);
  // Cargo reads `config` when both exist (and warns); `config.toml` otherwise.
  return directories.map((directory) =>
    context.readFile(join(directory, 'config')) === undefined
      ? join(directory, 'config.toml')
      : join(directory, 'config'),
  );
}

interface RustflagsConfig {
  buildRustflags?: string[];
  hasTargetRustflags: boolean;
}

/**
 * Reads `build.rustflags` from a cargo config file: under a `[build]` table or as a dotted
 * `build.rustflags` key at the top level, as a string (split on whitespace, as cargo does) or
 * an array of strings that may span lines. This is not a TOML parser; other keys are skipped
 * line by line, and only a malformed `rustflags` value is an error.
 */
export function readRustflagsConfig(text: string, file: string): RustflagsConfig {
  const config: RustflagsConfig = { hasTargetRustflags: false };
  const reader = new ValueReader(text, file);
  let table = '';
  while (!reader.atEnd()) {
    const line = reader.restOfLine();
    const header = line.match(/^\s*\[\s*([^\]\s]+)\s*\]\s*(?:#.*)?$/);
    if (header) {
      table = header[1]!;
      reader.skipLine();
      continue;
    }
    const key = line.match(/^\s*([\w.-]+)\s*=\s*/);
    const fullKey = key ? (table === '' ? key[1]! : `${table}.${key[1]!}`) : undefined;
    if (fullKey === 'build.rustflags') {
      reader.advance(key![0].length);
      const value = reader.readValue();
      config.buildRustflags = typeof value === 'string' ? splitWhitespace(value) : value;
      reader.expectEndOfLine();
      continue;
    }
    if (fullKey !== undefined && /^target\..+\.rustflags$/.test(fullKey)) {
      config.hasTargetRustflags = true;
    }
    reader.skipLine();
  }
  return config;
}

/** A cursor over a config file that reads TOML strings and arrays of strings. */
class ValueReader {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  restOfLine(): string {
    const end = this.text.indexOf('\n', this.position);
    return this.text.slice(this.position, end === -1 ? undefined : end);
  }

  skipLine(): void {
    const end = this.text.indexOf('\n', this.position);
    this.position = end === -1 ? this.text.length : end + 1;
  }

  advance(count: number): void {
    this.position += count;
  }

  readValue(): string | string[] {
    const char = this.text[this.position];
    if (char === '"' || char === "'") return this.readString();
    if (char !== '[') this.fail('rustflags must be a string or an array of strings');
    this.position += 1;
    const items: string[] = [];
    for (;;) {
      this.skipBlank();
      const next = this.text[this.position];
      if (next === ']') {
        this.position += 1;
        return items;
      }
      if (next !== '"' && next !== "'") this.fail('rustflags must be an array of strings');
      items.push(this.readString());
      this.skipBlank();
      if (this.text[this.position] === ',') this.position += 1;
      else if (this.text[this.position] !== ']') this.fail("expected ',' or ']' in rustflags");
    }
  }

  expectEndOfLine(): void {
    const rest = this.restOfLine();
    if (!/^\s*(?:#.*)?$/.test(rest)) this.fail(`unexpected text after rustflags: ${rest.trim()}`);
    this.skipLine();
  }

  /** Whitespace, newlines and comments, as allowed between array items. */
  private skipBlank(): void {
    for (;;) {
      const char = this.text[this.position];
      if (char === ' ' || char === '\t' || char === '\r' || char === '\n') this.position += 1;
      else if (char === '#') this.skipLine();
      else return;
    }
  }

  private readString(): string {
    const quote = this.text[this.position];
    if (this.text.startsWith(quote!.repeat(3), this.position)) {
      this.fail('multi-line strings in rustflags are not supported; use an array of strings');
    }
    this.position += 1;
    let value = '';
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined || char === '\n') this.fail('unterminated string in rustflags');
      this.position += 1;
      if (char === quote) return value;
      if (char === '\\' && quote === '"') value += this.readEscape();
      else value += char;
    }
  }

  private readEscape(): string {
    const char = this.text[this.position];
    this.position += 1;
    const simple: Record<string, string> = {
      b: '\b',
      t: '\t',
      n: '\n',
      f: '\f',
      r: '\r',
      '"': '"',
      '\\': '\\',
    };
    if (char !== undefined && char in simple) return simple[char]!;
    const digits = char === 'u' ? 4 : char === 'U' ? 8 : 0;
    const hex = this.text.slice(this.position, this.position + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
      this.fail(`invalid escape \\${char ?? ''} in a rustflags string`);
    }
    this.position += digits;
    return String.fromCodePoint(Number.parseInt(hex, 16));
  }

  private fail(reason: string): never {
    const lineNumber = this.text.slice(0, this.position).split('\n').length;
    throw new CorruptFileError(this.file, lineNumber, reason);
  }
}

function splitWhitespace(value: string): string[] {
  return value.split(/\s+/).filter((flag) => flag !== '');
}
