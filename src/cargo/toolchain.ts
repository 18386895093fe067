import { EnvironmentError } from '../errors.js';
import { isMissingProgram, type ProcessRunner } from '../system/process.js';

/**
 * `rustc -vV`, trimmed: the compiler's exact version, commit and LLVM version. Run in the
 * package's directory so that a `rust-toolchain.toml` there picks the same rustc as cargo.
 */
export async function rustcVersion(
  processes: ProcessRunner,
  env: Record<string, string>,
  cwd: string,
): Promise<string> {
  const result = await processes.run('rustc', ['-vV'], { cwd, env }).catch((error: unknown) => {
    if (!isMissingProgram(error)) throw error;
    throw new EnvironmentError(
      'rustc was not found on PATH',
      'Install Rust with rustup (https://rustup.rs).',
    );
  });
  if (result.exitCode !== 0) {
    throw new EnvironmentError(`\`rustc -vV\` failed: ${result.stderr.trim()}`);
  }
  return result.stdout.trim();
}

/** The target the benchmarks are built for: `--target` in the cargo arguments, else the host. */
export function targetTriple(rustc: string, cargoArgs: string[]): string {
  let target = rustc.match(/^host: (.+)$/m)?.[1]?.trim();
  for (const [index, arg] of cargoArgs.entries()) {
    if (arg === '--target') target = cargoArgs[index + 1] ?? target;
    else if (arg.startsWith('--target=')) target = arg.slice('--target='.length);
  }
  if (target === undefined) {
    throw new EnvironmentError(`\`rustc -vV\` did not name the host target:\n${rustc}`);
  }
  return target;
}
