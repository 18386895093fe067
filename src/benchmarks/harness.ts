/**
 * Which benchmark harness a bench target uses, found from what the project already has: the
 * target's `harness` key, the package's dev-dependencies and the target's source. rust-perf
 * measures each harness's benchmarks one by one where it knows how (see `routine-cut.ts`).
 */
import type { CargoDependency } from '../cargo/metadata.js';
import type { Harness } from '../harness.js';

export interface HarnessFinding {
  harness: Harness;
  /** How it was found, for the log: e.g. `criterion_main! in benches/ops.rs`. */
  evidence: string;
}

const GUNGRAUN_CRATES = ['gungraun', 'iai-callgrind', 'iai_callgrind'];

/**
 * The harness of one bench target. `libtestHarness` is its `harness` key (true unless the
 * manifest says `harness = false`); `source` is its main file's text.
 */
export function detectHarness(
  libtestHarness: boolean,
  source: string,
  devDependencies: CargoDependency[],
  sourceName: string,
): HarnessFinding {
  if (libtestHarness) return { harness: 'libtest', evidence: 'harness = true, the default' };
  const code = withoutComments(source);
  const aliases = (crates: string[]) =>
    devDependencies
      .filter((dependency) => crates.includes(dependency.name))
      .map((dependency) => (dependency.rename ?? dependency.name).replace(/-/g, '_'));
  const gungraun = [...new Set([...aliases(GUNGRAUN_CRATES), 'gungraun', 'iai_callgrind'])];
  if (
    gungraun.some((alias) => new RegExp(`\\b${alias}\\s*::\\s*main\\s*!`).test(code)) ||
    /\b(?:library|binary)_benchmark_group\s*!/.test(code)
  ) {
    return { harness: 'gungraun', evidence: `Gungraun's main! in ${sourceName}` };
  }
  if (/\bcriterion_main\s*!/.test(code)) {
    return { harness: 'criterion', evidence: `criterion_main! in ${sourceName}` };
  }
  const divan = [...new Set([...aliases(['divan']), 'divan'])];
  if (divan.some((alias) => new RegExp(`\\b${alias}\\s*::\\s*main\\s*\\(`).test(code))) {
    return { harness: 'divan', evidence: `divan::main() in ${sourceName}` };
  }
  return { harness: 'plain', evidence: `harness = false, its own main in ${sourceName}` };
}

/** Rust source without its line and block comments, so that a commented-out macro is not taken. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
}

/**
 * The criterion versions whose test mode, `--list` output and timing loop rust-perf knows.
 * Outside them the target is still measured the same way, with a warning.
 */
export function criterionVersionWarning(devDependencies: CargoDependency[]): string | undefined {
  const criterion = devDependencies.find((dependency) => dependency.name === 'criterion');
  if (!criterion) return undefined;
  const version = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(criterion.req);
  if (!version) return undefined;
  const [major, minor, patch] = [Number(version[1]), Number(version[2]), Number(version[3] ?? 0)];
  const known = major === 0 && (minor > 3 || (minor === 3 && patch >= 4)) && minor <= 7;
  return known
    ? undefined
    : `criterion ${criterion.req} is outside the versions rust-perf knows (0.3.4 to 0.7): its benchmarks are measured as for those, so check that each one is listed`;
}
