/**
 * What a baseline must match to stand in for another commit's: the conditions it was measured
 * under (the comparable fingerprint) and what it measured.
 */
import { createHash } from 'node:crypto';
import { COMPARABLE_FINGERPRINT_FIELDS, type Fingerprint } from './profile.js';

/**
 * A short hash of the fields that decide whether two profiles are comparable, for cache keys:
 * equal hashes mean counts can be compared function by function.
 */
export function fingerprintHash(fingerprint: Fingerprint): string {
  // A field a fingerprint leaves out (codegen, without settings) leaves the hash as it was.
  const comparable = COMPARABLE_FINGERPRINT_FIELDS.map((field) => [
    field,
    fingerprint[field],
  ]).filter(([, value]) => value !== undefined);
  return createHash('sha256').update(JSON.stringify(comparable)).digest('hex').slice(0, 16);
}

/** What decides what was measured, besides the toolchain: the legs of a matrix differ here. */
interface MeasuredSet {
  workingDirectory: string;
  benches: string[];
  commands: { name: string; command: string }[];
  cargoArgs: string[];
  /** What was measured of each benchmark: instructions, and allocations when asked. */
  metrics: readonly string[];
}

/**
 * `<fingerprint hash>-<measured-set hash>`: a baseline stands in for another commit's only when
 * it was measured under the same conditions (the comparable fingerprint) and measured the same
 * things; without the second part, the legs of a matrix that measure different crates would
 * restore each other's profiles; and a baseline measured with instructions alone never stands in
 * for one that allocations are compared with (nor the other way round).
 */
export function baselineIdentity(fingerprintHash: string, measured: MeasuredSet): string {
  const what = JSON.stringify([
    measured.workingDirectory,
    measured.benches,
    measured.commands.map(({ name, command }) => [name, command]),
    measured.cargoArgs,
    // Instructions alone, the default, add nothing: the keys saved before metrics existed stay.
    ...(measured.metrics.some((metric) => metric !== 'instructions') ? [measured.metrics] : []),
  ]);
  return `${fingerprintHash}-${createHash('sha256').update(what).digest('hex').slice(0, 8)}`;
}
