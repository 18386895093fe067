import { describe, expect, it } from 'vitest';
import { declaredBenches, usesLibtest } from '../../src/benchmarks/manifest.js';

const MANIFEST = `\uFEFF[package]
name = "critbench"
harness = false # not a bench table

[[bench]]
name = "ops"
harness = false   # criterion

[[bench]]
name = 'nightly'
path = "benches/nightly/main.rs"

[[bench]]
path = "./benches/by_path.rs"
harness = false

[dev-dependencies]
criterion = "0.3.6"
`;

describe('declaredBenches', () => {
  it('reads name, path and harness of every [[bench]] table and nothing else', () => {
    expect(declaredBenches(MANIFEST)).toEqual([
      { name: 'ops', harness: false },
      { name: 'nightly', path: 'benches/nightly/main.rs', harness: true },
      { path: './benches/by_path.rs', harness: false },
    ]);
  });

  it('reads CRLF manifests and escaped quotes', () => {
    expect(declaredBenches('[[bench]]\r\nname = "a\\"b"\r\nharness=false\r\n')).toEqual([
      { name: 'a"b', harness: false },
    ]);
  });
});

describe('usesLibtest', () => {
  const declared = declaredBenches(MANIFEST);
  it('follows the table that names the target', () => {
    expect(usesLibtest(declared, 'ops', 'benches/ops.rs')).toBe(false);
    expect(usesLibtest(declared, 'nightly', 'benches/nightly/main.rs')).toBe(true);
  });
  it('finds a table by its path when it names no target', () => {
    expect(usesLibtest(declared, 'by_path', 'benches/by_path.rs')).toBe(false);
  });
  it('takes cargo’s default, libtest, for a target without a table', () => {
    expect(usesLibtest(declared, 'found', 'benches/found.rs')).toBe(true);
  });
});
