import { describe, expect, it } from 'vitest';
import type { NormalisedProfile } from '../../src/measure/normalise.js';
import { combineRuns, unnamedShare } from '../../src/measure/runs.js';
import { type FunctionProfile, wholeProgram } from '../../src/profile/profile.js';

const fn = (name: string, ir: number, file = 'src/lib.rs', line = 1): FunctionProfile => ({
  name,
  file,
  line,
  counts: { Ir: ir },
});

/** A run as normaliseProfile returns it; its totals are deliberately not the sum of functions. */
const run = (...functions: FunctionProfile[]): NormalisedProfile => ({
  events: ['Ir'],
  totals: { Ir: 999_999 },
  functions,
});

describe('combineRuns', () => {
  it('keeps identical runs as they are and finds nothing nondeterministic', () => {
    const profile = run(fn('app::parse', 500), fn('app::main', 100, 'src/main.rs', 3));
    expect(
      combineRuns({ ...wholeProgram('parse'), command: ['/tmp/bin/parse'] }, [profile, profile]),
    ).toEqual({
      name: 'parse',
      target: 'parse',
      harness: 'plain',
      command: ['/tmp/bin/parse'],
      events: ['Ir'],
      totals: { Ir: 600 },
      nondeterministic: [],
      functions: [fn('app::parse', 500), fn('app::main', 100, 'src/main.rs', 3)],
    });
  });

  it('keeps the smallest counts of a function that varies, with that run’s file and line', () => {
    const combined = combineRuns({ ...wholeProgram('hash'), command: ['hash'] }, [
      run(fn('hashbrown::find', 700, 'map.rs', 10), fn('app::main', 100)),
      run(fn('hashbrown::find', 650, 'map.rs', 12), fn('app::main', 100)),
      run(fn('hashbrown::find', 690, 'map.rs', 10), fn('app::main', 100)),
    ]);
    expect(combined.nondeterministic).toEqual(['hashbrown::find']);
    expect(combined.functions).toEqual([
      fn('hashbrown::find', 650, 'map.rs', 12),
      fn('app::main', 100),
    ]);
    expect(combined.totals).toEqual({ Ir: 750 });
  });

  it('counts a function missing from a run as zero there: flagged, and left out when never above zero', () => {
    const combined = combineRuns({ ...wholeProgram('b'), command: ['b'] }, [
      run(fn('app::main', 100), fn('app::resize', 40)),
      run(fn('app::main', 100)),
    ]);
    expect(combined.nondeterministic).toEqual(['app::resize']);
    expect(combined.functions).toEqual([fn('app::main', 100)]);
    expect(combined.totals).toEqual({ Ir: 100 });
  });

  it('compares every event, and keeps the minimum of each', () => {
    const two = (name: string, ir: number, dr: number): FunctionProfile => ({
      name,
      file: 'src/lib.rs',
      line: 1,
      counts: { Ir: ir, Dr: dr },
    });
    const combined = combineRuns({ ...wholeProgram('b'), command: ['b'] }, [
      { events: ['Ir', 'Dr'], totals: {}, functions: [two('a', 10, 5), two('b', 8, 2)] },
      { events: ['Ir', 'Dr'], totals: {}, functions: [two('a', 10, 4), two('b', 8, 2)] },
    ]);
    expect(combined.nondeterministic).toEqual(['a']);
    expect(combined.functions).toEqual([two('a', 10, 4), two('b', 8, 2)]);
    expect(combined.totals).toEqual({ Ir: 18, Dr: 6 });
  });

  it('orders functions by count, largest first, then by name in code-unit order', () => {
    const combined = combineRuns({ ...wholeProgram('b'), command: ['b'] }, [
      run(fn('b', 5), fn('a', 5), fn('Z', 5), fn('c', 9)),
    ]);
    expect(combined.functions.map((entry) => entry.name)).toEqual(['c', 'Z', 'a', 'b']);
  });

  it('refuses runs that recorded different events', () => {
    expect(() =>
      combineRuns({ ...wholeProgram('b'), command: ['b'] }, [
        run(fn('a', 1)),
        { events: ['Ir', 'Dr'], totals: {}, functions: [] },
      ]),
    ).toThrow('runs of b recorded different events');
    expect(() => combineRuns({ ...wholeProgram('b'), command: ['b'] }, [])).toThrow('no runs of b');
  });
});

describe('unnamedShare', () => {
  it('is the share of the primary event in functions named ???', () => {
    const profile = combineRuns({ ...wholeProgram('s'), command: ['s'] }, [
      run(fn('???', 300, '???', 0), fn('malloc', 100)),
    ]);
    expect(unnamedShare(profile)).toBe(0.75);
    expect(
      unnamedShare(combineRuns({ ...wholeProgram('s'), command: ['s'] }, [run(fn('malloc', 100))])),
    ).toBe(0);
    expect(unnamedShare(combineRuns({ ...wholeProgram('s'), command: ['s'] }, [run()]))).toBe(0);
  });
});
