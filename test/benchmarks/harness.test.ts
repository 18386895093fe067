import { describe, expect, it } from 'vitest';
import { criterionVersionWarning, detectHarness } from '../../src/benchmarks/harness.js';
import type { CargoDependency } from '../../src/cargo/metadata.js';

const criterion: CargoDependency = { name: 'criterion', req: '^0.3.6', kind: 'dev' };

describe('detectHarness', () => {
  it('takes a target that keeps the default harness for libtest, whatever its source', () => {
    expect(detectHarness(true, 'fn main() {}', [], 'benches/main.rs')).toEqual({
      harness: 'libtest',
      evidence: 'harness = true, the default',
    });
  });

  it('finds criterion by criterion_main!, also through a renamed dependency', () => {
    const source =
      'use crit::{criterion_group};\ncriterion_group!(b, f);\ncrit::criterion_main!(b);';
    expect(
      detectHarness(false, source, [{ ...criterion, rename: 'crit' }], 'benches/ops.rs'),
    ).toEqual({
      harness: 'criterion',
      evidence: 'criterion_main! in benches/ops.rs',
    });
  });

  it('finds divan by divan::main(), also renamed', () => {
    expect(detectHarness(false, 'fn main() { divan::main(); }', [], 'benches/d.rs').harness).toBe(
      'divan',
    );
    const renamed: CargoDependency = { name: 'divan', rename: 'dv', req: '0.1', kind: 'dev' };
    expect(
      detectHarness(false, 'fn main() { dv::main(); }', [renamed], 'benches/d.rs').harness,
    ).toBe('divan');
  });

  it('finds Gungraun and iai-callgrind, which run valgrind themselves', () => {
    expect(
      detectHarness(false, 'gungraun::main!(library_benchmark_groups = g);', [], 'b.rs').harness,
    ).toBe('gungraun');
    expect(
      detectHarness(
        false,
        'main!(library_benchmark_groups = g);\nlibrary_benchmark_group!(name = g);',
        [],
        'b.rs',
      ).harness,
    ).toBe('gungraun');
    expect(
      detectHarness(false, 'iai_callgrind::main!(callgrind_args = []);', [], 'b.rs').harness,
    ).toBe('gungraun');
  });

  it('takes any other harness = false target for a plain main, ignoring commented-out macros', () => {
    const source = '// criterion_main!(benches);\n/* divan::main() */\nfn main() { work(); }';
    expect(detectHarness(false, source, [criterion], 'benches/plain.rs')).toEqual({
      harness: 'plain',
      evidence: 'harness = false, its own main in benches/plain.rs',
    });
  });
});

describe('criterionVersionWarning', () => {
  it('says nothing for the versions rust-perf knows', () => {
    for (const req of ['0.3.4', '^0.3.6', '0.4', '=0.5.1', '~0.7.0']) {
      expect(criterionVersionWarning([{ ...criterion, req }])).toBeUndefined();
    }
  });
  it('warns outside them', () => {
    expect(criterionVersionWarning([{ ...criterion, req: '0.3.3' }])).toMatch(
      /^criterion 0\.3\.3 is outside the versions rust-perf knows \(0\.3\.4 to 0\.7\)/,
    );
    expect(criterionVersionWarning([{ ...criterion, req: '0.8' }])).toMatch(
      /^criterion 0\.8 is outside/,
    );
  });
});
