import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baselineIdentity, fingerprintHash } from '../../src/profile/identity.js';
import type { Fingerprint } from '../../src/profile/profile.js';
import { FINGERPRINT } from '../compare/documents.js';

const fingerprint: Fingerprint = FINGERPRINT;
const { rustc } = fingerprint;

describe('fingerprintHash', () => {
  it('is 16 hex digits, the same for the same comparable fields', () => {
    expect(fingerprintHash(fingerprint)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintHash({ ...fingerprint })).toBe(fingerprintHash(fingerprint));
  });

  it('ignores the number of runs, which does not change what the counts mean', () => {
    expect(fingerprintHash({ ...fingerprint, runs: 5 })).toBe(fingerprintHash(fingerprint));
  });

  it('changes with every comparable field', () => {
    const hash = fingerprintHash(fingerprint);
    const changed: Fingerprint[] = [
      { ...fingerprint, valgrind: '3.22.0' },
      { ...fingerprint, rustc: rustc.replace('1.95.0', '1.96.0') },
      { ...fingerprint, target: 'aarch64-unknown-linux-gnu' },
      { ...fingerprint, rustflags: ['-Ctarget-cpu=native', '-Csymbol-mangling-version=v0'] },
      { ...fingerprint, mangling: 'legacy' },
      { ...fingerprint, codegen: ['CARGO_PROFILE_BENCH_OPT_LEVEL=1'] },
    ];
    for (const other of changed) expect(fingerprintHash(other)).not.toBe(hash);
  });

  it('is what it was before codegen settings were recorded, when there are none', () => {
    // So that the baselines saved until then keep their keys.
    const fields = ['valgrind', 'rustc', 'target', 'rustflags', 'mangling'] as const;
    const before = JSON.stringify(fields.map((field) => [field, fingerprint[field]]));
    expect(fingerprintHash(fingerprint)).toBe(
      createHash('sha256').update(before).digest('hex').slice(0, 16),
    );
  });

  it('does not confuse flags joined differently', () => {
    expect(fingerprintHash({ ...fingerprint, rustflags: ['-C', 'a'] })).not.toBe(
      fingerprintHash({ ...fingerprint, rustflags: ['-C a'] }),
    );
  });
});

describe('baselineIdentity', () => {
  it('is what it was before metrics were recorded, for instructions alone', () => {
    // So that the baselines saved until then keep their keys.
    const before = JSON.stringify(['crates/parser', [], [], []]);
    expect(
      baselineIdentity('0123456789abcdef', {
        workingDirectory: 'crates/parser',
        benches: [],
        commands: [],
        cargoArgs: [],
        metrics: ['instructions'],
      }),
    ).toBe(`0123456789abcdef-${createHash('sha256').update(before).digest('hex').slice(0, 8)}`);
  });

  const measured = {
    workingDirectory: 'crates/parser',
    benches: [],
    commands: [],
    cargoArgs: [],
    metrics: ['instructions'],
  };

  it('is the fingerprint hash and a short hash of what was measured', () => {
    expect(baselineIdentity('0123456789abcdef', measured)).toMatch(
      /^0123456789abcdef-[0-9a-f]{8}$/,
    );
    expect(baselineIdentity('0123456789abcdef', { ...measured })).toBe(
      baselineIdentity('0123456789abcdef', measured),
    );
  });

  it('differs for the legs of a matrix that measure different things', () => {
    const identities = [
      measured,
      { ...measured, workingDirectory: 'crates/server' },
      { ...measured, benches: ['parse'] },
      { ...measured, commands: [{ name: 'report', command: 'report --lines 10' }] },
      { ...measured, cargoArgs: ['--features', 'simd'] },
      { ...measured, metrics: ['instructions', 'allocations'] },
    ].map((set) => baselineIdentity('0123456789abcdef', set));
    expect(new Set(identities).size).toBe(identities.length);
  });
});
