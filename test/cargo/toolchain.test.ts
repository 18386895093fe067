import { describe, expect, it } from 'vitest';
import { targetTriple } from '../../src/cargo/toolchain.js';
import { EnvironmentError } from '../../src/errors.js';

const rustc = [
  'rustc 1.95.0 (59807616e 2026-04-14)',
  'binary: rustc',
  'commit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860',
  'commit-date: 2026-04-14',
  'host: x86_64-unknown-linux-gnu',
  'release: 1.95.0',
  'LLVM version: 22.1.2',
].join('\n');

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
