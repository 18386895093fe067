/**
 * The example crate, measured for real: copied out of the repository first, so that a build
 * neither depends on nor writes to the checkout, and measured quietly with real cargo and
 * valgrind.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type MeasureSettings, measure } from '../../src/measure/measure.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { nodeProcessRunner } from '../../src/system/process.js';
import { exampleCrateDir } from './git-fixture.js';
import { memoryLogger } from './memory-logger.js';

/**
 * Copies examples/textbench (without its target directory) to `destination`, optionally with
 * another package version; returns the copy's Cargo.toml.
 */
export async function copyExampleCrate(
  destination: string,
  options: { version?: string } = {},
): Promise<string> {
  await cp(exampleCrateDir, destination, {
    recursive: true,
    filter: (source) => basename(source) !== 'target',
  });
  const manifestPath = join(destination, 'Cargo.toml');
  if (options.version !== undefined) {
    const manifest = await readFile(manifestPath, 'utf8');
    const version = /^version = "[^"]*"$/m;
    if (!version.test(manifest)) throw new Error(`no package version in ${manifestPath}`);
    await writeFile(manifestPath, manifest.replace(version, `version = "${options.version}"`));
  }
  return manifestPath;
}

/** Measures every bench of the crate twice (so that nondeterministic functions are flagged). */
export function measureExampleCrate(
  manifestPath: string,
  outDir: string,
  changes: Partial<MeasureSettings> = {},
): Promise<ProfileDocument> {
  return measure(
    { manifestPath, benches: [], commands: [], cargoArgs: [], runs: 2, outDir, ...changes },
    { log: memoryLogger(), processes: nodeProcessRunner, env: process.env },
  );
}
