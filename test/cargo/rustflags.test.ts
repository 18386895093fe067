import { describe, expect, it } from 'vitest';
import {
  type RustflagsContext,
  readRustflagsConfig,
  userRustflags,
  V0_MANGLING_FLAG,
  withV0Mangling,
} from '../../src/cargo/rustflags.js';
import { CorruptFileError } from '../../src/errors.js';

/** A context whose file system holds exactly `files`. */
function context(env: NodeJS.ProcessEnv, files: Record<string, string> = {}): RustflagsContext {
  return {
    env,
    cwd: '/home/dev/project/crates/app',
    home: '/home/dev',
    readFile: (path) => files[path],
  };
}

describe('userRustflags', () => {
  it('finds nothing when no variable or config file sets rustflags', () => {
    expect(userRustflags(context({}))).toEqual({ flags: [], source: 'none', ignored: [] });
  });

  it('prefers CARGO_ENCODED_RUSTFLAGS, split on 0x1f so that flags keep their spaces', () => {
    const env = {
      CARGO_ENCODED_RUSTFLAGS: '-Clink-arg=-Wl,--as-needed\x1f--cfg\x1ffeature="a b"',
      RUSTFLAGS: '-Ctarget-cpu=native',
    };
    expect(userRustflags(context(env))).toEqual({
      flags: ['-Clink-arg=-Wl,--as-needed', '--cfg', 'feature="a b"'],
      source: 'CARGO_ENCODED_RUSTFLAGS',
      ignored: [],
    });
  });

  it('takes an empty CARGO_ENCODED_RUSTFLAGS as no flags, not as one empty flag', () => {
    const env = { CARGO_ENCODED_RUSTFLAGS: '', RUSTFLAGS: '-Ctarget-cpu=native' };
    expect(userRustflags(context(env)).flags).toEqual([]);
  });

  it('splits RUSTFLAGS on any whitespace, over CARGO_BUILD_RUSTFLAGS and config files', () => {
    const files = {
      '/home/dev/project/.cargo/config.toml': '[build]\nrustflags = ["-Cdebuginfo=0"]\n',
    };
    const env = {
      RUSTFLAGS: '  -Ctarget-cpu=x86-64 \t -Copt-level=2\n',
      CARGO_BUILD_RUSTFLAGS: '-Cpanic=abort',
    };
    expect(userRustflags(context(env, files))).toEqual({
      flags: ['-Ctarget-cpu=x86-64', '-Copt-level=2'],
      source: 'RUSTFLAGS',
      ignored: [],
    });
    expect(userRustflags(context({ CARGO_BUILD_RUSTFLAGS: '-Cpanic=abort' }, files)).flags).toEqual(
      ['-Cpanic=abort'],
    );
  });

  it('merges config files as cargo does: CARGO_HOME first, then from the root down to cwd', () => {
    const files = {
      '/home/dev/.cargo/config.toml': 'build.rustflags = "-Chome-flag"\n',
      '/home/dev/project/.cargo/config.toml': '[build]\nrustflags = ["-Cproject-flag"]\n',
      '/home/dev/project/crates/app/.cargo/config.toml': '[build]\nrustflags = ["-Capp-flag"]\n',
    };
    expect(userRustflags(context({}, files))).toEqual({
      flags: ['-Chome-flag', '-Cproject-flag', '-Capp-flag'],
      source:
        '/home/dev/.cargo/config.toml, /home/dev/project/.cargo/config.toml, /home/dev/project/crates/app/.cargo/config.toml',
      ignored: [],
    });
  });

  it('reads CARGO_HOME from the environment and prefers `config` over `config.toml`', () => {
    const files = {
      '/opt/cargo/config.toml': '[build]\nrustflags = ["-Cfrom-cargo-home"]\n',
      '/home/dev/.cargo/config.toml': '[build]\nrustflags = ["-Cnot-read"]\n',
      '/home/dev/project/.cargo/config': '[build]\nrustflags = ["-Cfrom-config"]\n',
      '/home/dev/project/.cargo/config.toml': '[build]\nrustflags = ["-Cshadowed"]\n',
    };
    expect(userRustflags(context({ CARGO_HOME: '/opt/cargo' }, files)).flags).toEqual([
      '-Cfrom-cargo-home',
      '-Cnot-read',
      '-Cfrom-config',
    ]);
  });

  it('reports target rustflags it does not read, from config files and the environment', () => {
    const files = {
      '/home/dev/project/.cargo/config.toml':
        '[target.x86_64-unknown-linux-gnu]\nrustflags = ["-Ctarget-cpu=native"]\n',
    };
    const env = { CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS: '-Cfoo' };
    expect(userRustflags(context(env, files))).toEqual({
      flags: [],
      source: 'none',
      ignored: [
        'CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS (environment)',
        'target.<triple>.rustflags in /home/dev/project/.cargo/config.toml',
      ],
    });
  });
});

describe('readRustflagsConfig', () => {
  const read = (text: string) => readRustflagsConfig(text, 'config.toml');

  it('reads an array spread over lines, with comments, trailing commas and both quote styles', () => {
    const text = [
      '# rustflags = ["-Cnot-this"]',
      '[alias]',
      'rustflags = "x"',
      '[ build ]  # the build table',
      'jobs = 2',
      'rustflags = [',
      '  "-C", "target-cpu=x86-64", # a comment',
      "  '-Clink-arg=C:\\path',",
      '  "--cfg=name=\\"quoted\\"\\u00e9",',
      ']',
      'target-dir = "out"',
    ].join('\n');
    expect(read(text)).toEqual({
      buildRustflags: ['-C', 'target-cpu=x86-64', '-Clink-arg=C:\\path', '--cfg=name="quoted"é'],
      hasTargetRustflags: false,
    });
  });

  it('splits a string value on whitespace', () => {
    expect(read('[build]\nrustflags = "-Ca  -Cb"\n').buildRustflags).toEqual(['-Ca', '-Cb']);
  });

  it('ignores rustflags outside the build table', () => {
    expect(read('[profile.release]\nrustflags = ["-Cx"]\n[env]\nbuild.rustflags = "y"\n')).toEqual({
      hasTargetRustflags: false,
    });
  });

  it('rejects malformed values with the line they are on', () => {
    const cases: [string, string][] = [
      [
        '[build]\nrustflags = 3\n',
        'config.toml:2: rustflags must be a string or an array of strings',
      ],
      [
        '[build]\n\nrustflags = ["-Ca",\n  4]\n',
        'config.toml:4: rustflags must be an array of strings',
      ],
      ['[build]\nrustflags = ["-Ca" "-Cb"]\n', "config.toml:2: expected ',' or ']' in rustflags"],
      ['[build]\nrustflags = ["-Ca\n', 'config.toml:2: unterminated string in rustflags'],
      ['[build]\nrustflags = ["-Ca"', "config.toml:2: expected ',' or ']' in rustflags"],
      [
        '[build]\nrustflags = "-Ca" extra\n',
        'config.toml:2: unexpected text after rustflags: extra',
      ],
      [
        '[build]\nrustflags = """-Ca"""\n',
        'config.toml:2: multi-line strings in rustflags are not supported; use an array of strings',
      ],
      ['[build]\nrustflags = ["\\q"]\n', 'config.toml:2: invalid escape \\q in a rustflags string'],
    ];
    for (const [text, message] of cases) {
      expect(() => read(text), text).toThrow(CorruptFileError);
      expect(() => read(text), text).toThrow(message);
    }
  });
});

describe('withV0Mangling', () => {
  it('appends the v0 flag to the user flags, keeping them in order', () => {
    expect(withV0Mangling(['-Ctarget-cpu=x86-64', '--cfg', 'x'])).toEqual({
      rustflags: ['-Ctarget-cpu=x86-64', '--cfg', 'x', V0_MANGLING_FLAG],
      mangling: 'v0',
    });
    expect(V0_MANGLING_FLAG).toBe('-Csymbol-mangling-version=v0');
  });

  it("keeps the user's own mangling choice, in every spelling rustc accepts, the last one winning", () => {
    expect(withV0Mangling(['-C', 'symbol-mangling-version=legacy'])).toEqual({
      rustflags: ['-C', 'symbol-mangling-version=legacy'],
      mangling: 'legacy',
    });
    expect(withV0Mangling(['--codegen=symbol-mangling-version=legacy']).mangling).toBe('legacy');
    expect(withV0Mangling(['--codegen', 'symbol-mangling-version=v0']).mangling).toBe('v0');
    expect(
      withV0Mangling(['-Csymbol-mangling-version=legacy', '-Csymbol-mangling-version=v0']),
    ).toEqual({
      rustflags: ['-Csymbol-mangling-version=legacy', '-Csymbol-mangling-version=v0'],
      mangling: 'v0',
    });
  });
});
