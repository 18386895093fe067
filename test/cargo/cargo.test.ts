/** Where cargo builds, as real cargo reports it for small crates laid out as users lay them out. */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codegenSettings, targetDirectory } from '../../src/cargo/cargo.js';
import { BuildError, EnvironmentError, InputError } from '../../src/errors.js';
import { nodeProcessRunner } from '../../src/system/process.js';
import { memoryLogger } from '../support/memory-logger.js';

let scratch: string;
beforeAll(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'rust-perf-target-dir-')));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The test runner's environment without its own target directory setting. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('CARGO_TARGET_DIR' in extra)) delete env.CARGO_TARGET_DIR;
  delete env.CARGO_BUILD_TARGET_DIR;
  return env;
}

async function targetDirOf(manifestPath: string, env = environment()): Promise<string> {
  return targetDirectory(manifestPath, { log: memoryLogger(), processes: nodeProcessRunner, env });
}

/** Writes a library package; returns its manifest path. */
async function writePackage(dir: string, name: string): Promise<string> {
  await mkdir(join(dir, 'src'), { recursive: true });
  await writeFile(
    join(dir, 'Cargo.toml'),
    `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n`,
  );
  await writeFile(join(dir, 'src', 'lib.rs'), '');
  return join(dir, 'Cargo.toml');
}

describe('targetDirectory', () => {
  it("is `target` next to a lone package's manifest", async () => {
    const manifest = await writePackage(join(scratch, 'lone'), 'lone');
    expect(await targetDirOf(manifest)).toBe(join(scratch, 'lone', 'target'));
  });

  it("is `target` in the workspace root for a member's manifest", async () => {
    const root = join(scratch, 'workspace');
    const member = await writePackage(join(root, 'crates', 'member'), 'member');
    await writeFile(join(root, 'Cargo.toml'), '[workspace]\nmembers = ["crates/member"]\n');
    expect(await targetDirOf(member)).toBe(join(root, 'target'));
  });

  it('is CARGO_TARGET_DIR when set; relative, from the directory cargo runs in', async () => {
    const manifest = await writePackage(join(scratch, 'env'), 'env');
    const absolute = join(scratch, 'shared-target');
    expect(await targetDirOf(manifest, environment({ CARGO_TARGET_DIR: absolute }))).toBe(absolute);
    // rust-perf runs cargo, the build included, in the manifest's directory.
    expect(await targetDirOf(manifest, environment({ CARGO_TARGET_DIR: 'out' }))).toBe(
      join(scratch, 'env', 'out'),
    );
  });

  it('is build.target-dir of a cargo config file, relative to the directory holding .cargo', async () => {
    const manifest = await writePackage(join(scratch, 'configured', 'crate'), 'configured');
    await mkdir(join(scratch, 'configured', '.cargo'));
    await writeFile(
      join(scratch, 'configured', '.cargo', 'config.toml'),
      '[build]\ntarget-dir = "build-output"\n',
    );
    expect(await targetDirOf(manifest)).toBe(join(scratch, 'configured', 'build-output'));
    // The environment wins over the config file, as in cargo.
    const fromEnv = join(scratch, 'env-wins');
    expect(await targetDirOf(manifest, environment({ CARGO_TARGET_DIR: fromEnv }))).toBe(fromEnv);
  });

  it("is a BuildError with cargo's own error when cargo cannot read the manifest", async () => {
    const manifest = await writePackage(join(scratch, 'invalid'), 'invalid');
    await writeFile(manifest, '[package]\nname = \n');
    const error = await targetDirOf(manifest).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).message).toMatch(
      new RegExp(`^cargo could not read ${manifest}:\nerror: string values must be quoted`),
    );
    expect((error as BuildError).message).toContain('--> Cargo.toml:2:8');
  });

  it('is an InputError when there is no manifest, also in a directory that does not exist', async () => {
    for (const manifest of [join(scratch, 'Cargo.toml'), join(scratch, 'nowhere', 'Cargo.toml')]) {
      const error = await targetDirOf(manifest).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({
        message: `there is no Cargo.toml at ${manifest}`,
        hint: 'Point the manifest path at the Cargo.toml of the crate whose benchmarks to measure.',
      });
    }
  });

  it('is an EnvironmentError that says to install Rust when cargo is missing', async () => {
    const manifest = join(scratch, 'lone', 'Cargo.toml');
    const error = await targetDirOf(manifest, environment({ PATH: '/nonexistent' })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).message).toBe('cargo was not found on PATH');
    expect((error as EnvironmentError).hint).toMatch(/^Install Rust with rustup/);
  });
});

describe('codegenSettings', () => {
  it('lists the bench and release profile settings the environment gives, but not those rust-perf sets', () => {
    expect(
      codegenSettings({
        CARGO_PROFILE_RELEASE_LTO: 'fat',
        CARGO_PROFILE_BENCH_OPT_LEVEL: '1',
        CARGO_PROFILE_BENCH_DEBUG: 'true',
        CARGO_PROFILE_RELEASE_STRIP: 'symbols',
        CARGO_PROFILE_DEV_OPT_LEVEL: '3',
        CARGO_PROFILE_BENCH_PACKAGE_FOO_OPT_LEVEL: 's',
        PATH: '/usr/bin',
      }),
    ).toEqual([
      'CARGO_PROFILE_BENCH_OPT_LEVEL=1',
      'CARGO_PROFILE_BENCH_PACKAGE_FOO_OPT_LEVEL=s',
      'CARGO_PROFILE_RELEASE_LTO=fat',
    ]);
  });
});
