/**
 * The crate with one bench target per harness (test/fixtures/crates/harnesses), copied out of
 * the repository and set up to build offline: criterion comes from the Debian package
 * `librust-criterion-dev` through a cargo directory source that only the copy's
 * `.cargo/config.toml` names, and libtest's `#[bench]` builds on a stable compiler with
 * `RUSTC_BOOTSTRAP=1`, which only the tests set.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../fixtures/crates/harnesses', import.meta.url));
/** Where Debian's `librust-*-dev` packages install crate sources. */
export const DEBIAN_CARGO_REGISTRY = '/usr/share/cargo/registry';

/**
 * Copies the crate to `destination` and returns its Cargo.toml. `fixture` is where the crate is,
 * for callers bundled elsewhere than this file (the benchmark script).
 */
export async function copyHarnessCrate(destination: string, fixture = FIXTURE): Promise<string> {
  if (!existsSync(join(DEBIAN_CARGO_REGISTRY, 'criterion-0.3.6'))) {
    throw new Error(
      `criterion 0.3.6 is not in ${DEBIAN_CARGO_REGISTRY}: install the Debian package librust-criterion-dev (.ci/run does)`,
    );
  }
  await cp(fixture, destination, { recursive: true });
  await mkdir(join(destination, '.cargo'), { recursive: true });
  await writeFile(
    join(destination, '.cargo', 'config.toml'),
    [
      '[source.crates-io]',
      'replace-with = "debian-packages"',
      '[source.debian-packages]',
      `directory = "${DEBIAN_CARGO_REGISTRY}"`,
      '[net]',
      'offline = true',
      '',
    ].join('\n'),
  );
  return join(destination, 'Cargo.toml');
}

/** The environment the crate builds in: the test's own, with libtest's #[bench] allowed. */
export function harnessCrateEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, RUSTC_BOOTSTRAP: '1' };
}
