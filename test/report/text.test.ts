import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { renderText } from '../../src/report/text.js';
import { benchmark, document, fixtureProfile } from '../compare/documents.js';

const OPTIONS = { threshold: 0.01, functionThreshold: 0.001 };

function fixturePair(name: string) {
  return compareProfiles(fixtureProfile(`${name}-base`), fixtureProfile(`${name}-head`), OPTIONS);
}

describe('renderText', () => {
  it('renders aligned columns without colour', async () => {
    const text = renderText(fixturePair('textbench'), { color: false });
    await expect(text).toMatchFileSnapshot('__snapshots__/textbench.txt');
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').slice(2, 5)).toEqual([
      'benchmark       base       head   change  status',
      'parse      4,812,345  6,016,008  +25.01%  regressed',
      'hash       4,106,809  4,129,333   +0.55%  unchanged',
    ]);
  });

  it('colours regressions red and improvements green when asked to', async () => {
    const text = renderText(fixturePair('textbench'), { color: true });
    await expect(text).toMatchFileSnapshot('__snapshots__/textbench.color.txt');
    expect(text).toContain(
      '\u001b[31mparse      4,812,345  6,016,008  +25.01%  regressed\u001b[0m',
    );
    expect(text).toContain('\u001b[32msort       3,942,800  3,803,300   -3.54%  improved\u001b[0m');
    // Without the escape codes it is the same report.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point.
    expect(text.replace(/\u001b\[\d+m/g, '')).toBe(
      renderText(fixturePair('textbench'), { color: false }),
    );
  });

  it('shortens a long caller in the "called more by" note as it does the frames of a call path', () => {
    const caller = `crate::driver::${'Generic<'.repeat(20)}u8${'>'.repeat(20)}::run`;
    const graphed = (calls: number, cost: number) => ({
      ...benchmark('parse', { [caller]: 100, work: cost }),
      calls: [{ caller, callee: 'work', calls, inclusive: cost }],
    });
    const base = document([graphed(1, 1_000)]);
    const head = document([graphed(2, 2_000)]);
    const text = renderText(compareProfiles(base, head, OPTIONS), { color: false });
    const note = text.split('\n').find((line) => line.includes('called more by'));
    expect(note?.trim()).toMatch(
      /^called more by crate::driver::Generic<.*….*>::run: 1 → 2 calls$/,
    );
    expect(note!.length).toBeLessThan(120);
  });

  it('cannot be steered by a hostile name: no control character reaches the terminal', async () => {
    const text = renderText(fixturePair('hostile'), { color: false });
    await expect(text).toMatchFileSnapshot('__snapshots__/hostile.txt');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).toContain(
      'line\uFFFDbreak\uFFFD\uFFFDtab \uFFFD[31mred\uFFFD[0m \\ backslash (src/ctl.rs:9)',
    );
  });
});

describe('renderText: what the counts cover', () => {
  it('says that criterion and libtest benchmarks count one iteration of their routine, and divan targets whole programs', () => {
    const inTarget = (target: string, id: string, harness: 'criterion' | 'divan') => ({
      ...benchmark(id === '' ? target : `${target}/${id}`, { f: 10 }),
      target,
      ...(id === '' ? {} : { id }),
      harness,
    });
    const doc = document([inTarget('ops', 'fib', 'criterion'), inTarget('div', '', 'divan')]);
    const text = renderText(
      compareProfiles(doc, doc, { threshold: 0.01, functionThreshold: 0.001 }),
      {
        color: false,
      },
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'counted by Callgrind for whole programs and for one iteration of each criterion or libtest routine; divan targets are measured as whole programs',
    );
  });
});
