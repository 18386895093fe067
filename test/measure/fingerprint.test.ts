import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { fingerprintHash, targetTriple } from '../../src/measure/fingerprint.js';
import type { Fingerprint } from '../../src/measure/profile.js';

const rustc = [
  'rustc 1.95.0 (59807616e 2026-04-14)',
  'binary: rustc',
  'commit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860',
  'commit-date: 2026-04-14',
  'host: x86_64-unknown-linux-gnu',
  'release: 1.95.0',
  'LLVM version: 22.1.2',
].join('\n');

const fingerprint: Fingerprint = {
  valgrind: '3.19.0',
  rustc,
  target: 'x86_64-unknown-linux-gnu',
  rustflags: ['-Csymbol-mangling-version=v0'],
  mangling: 'v0',
  runs: 2,
};

describe('targetTriple', () => {
  it('is the host rustc names, unless the cargo arguments choose a target', () => {
    expect(targetTriple(rustc, [])).toBe('x86_64-unknown-linux-gnu');
    expect(
      targetTriple(rustc, ['--features', 'slow', '--target', 'aarch64-unknown-linux-gnu']),
    ).toBe('aarch64-unknown-linux-gnu');
    expect(targetTriple(rustc, ['--target=i686-unknown-linux-gnu'])).toBe('i686-unknown-linux-gnu');
    expect(targetTriple(rustc, ['--target', 'a', '--target=b'])).toBe('b');
  });

  it('fails clearly when rustc does not name its host', () => {
    expect(() => targetTriple('rustc 1.95.0', [])).toThrow(EnvironmentError);
  });
});

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
    ];
    for (const other of changed) expect(fingerprintHash(other)).not.toBe(hash);
  });

  it('does not confuse flags joined differently', () => {
    expect(fingerprintHash({ ...fingerprint, rustflags: ['-C', 'a'] })).not.toBe(
      fingerprintHash({ ...fingerprint, rustflags: ['-C a'] }),
    );
  });
});
