/** A description of the machine the numbers were taken on. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  /** e.g. `3.19.0` */
  valgrind: string;
  os: string;
  /** One-minute load average when the benchmark started: other work skews every number. */
  loadAverage: number;
}

export function describeMachine(): Machine {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
    valgrind: valgrindVersion(),
    os: osName(),
    loadAverage: loadavg()[0] ?? 0,
  };
}

function cpuModel(): string {
  try {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    const field = (name: string) =>
      new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(cpuinfo)?.[1]?.trim();
    // Virtual machines often report a generic name: family and model tell the generation.
    const model = field('model');
    const family = field('cpu family');
    const generation = model && family ? ` (family ${family}, model ${model})` : '';
    return `${field('model name') ?? 'unknown'}${generation}`;
  } catch {
    return 'unknown (no /proc/cpuinfo)';
  }
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

/** The installed valgrind's version; the benchmark needs valgrind, so its absence is fatal. */
function valgrindVersion(): string {
  let output: string;
  try {
    output = execFileSync('valgrind', ['--version'], { encoding: 'utf8' });
  } catch {
    throw new Error(
      'valgrind is not installed: the benchmark compares against its tools and runs the example ' +
        'crate under it (Debian/Ubuntu: sudo apt-get install -y valgrind).',
    );
  }
  const version = /valgrind-(\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1];
  if (version === undefined) throw new Error(`cannot read the valgrind version from: ${output}`);
  return version;
}

/** valgrind 3.21 replaced the Perl cg_annotate/cg_diff pair with `cg_annotate --diff`. */
export function hasAnnotateDiff(valgrind: string): boolean {
  const [major = 0, minor = 0] = valgrind.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 21);
}
