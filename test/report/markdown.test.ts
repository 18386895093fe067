import { describe, expect, it } from 'vitest';
import { compareProfiles } from '../../src/compare/compare.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { benchmark, document, fixtureProfile } from '../compare/documents.js';

const OPTIONS = { threshold: 0.01, functionThreshold: 0.001 };
const REPOSITORY = {
  url: 'https://github.com/octo-org/textbench',
  sha: 'c0ffee5d1e2a3b4c5d6e7f8091a2b3c4d5e6f708',
};

function fixturePair(name: string) {
  return compareProfiles(fixtureProfile(`${name}-base`), fixtureProfile(`${name}-head`), OPTIONS);
}

/** Every table's rows have as many unescaped `|` as its header: no name broke out of its cell. */
function expectIntactTables(markdown: string): void {
  const tables: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) {
        current = [];
        tables.push(current);
      }
      current.push(line);
    } else {
      current = undefined;
    }
  }
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    const pipes = table.map((row) => row.split('|').length - 1);
    expect(new Set(pipes).size, table[0]).toBe(1);
  }
}

/** The only HTML in a report is rust-perf's own few tags. */
function expectNoForeignHtml(markdown: string): void {
  const ours = /<\/?(code|details|summary|sub|br)>/g;
  expect(markdown.replace(ours, '')).not.toMatch(/[<>]/);
}

/** A base/head pair in which 10,000 functions of one benchmark changed. */
function manyChanges(count: number) {
  const names = Array.from(
    { length: count },
    (_, index) =>
      `textbench::generated::module_${index % 97}::<alloc::vec::Vec<u64>>::step_${index}`,
  );
  const base = Object.fromEntries(names.map((name, index) => [name, 100_000 + index]));
  const head = Object.fromEntries(
    names.map((name, index) => [name, 100_000 + index + 1_000 + (index % 13) * 17]),
  );
  return compareProfiles(
    document([benchmark('parse', base)], { commit: '8f2c1e0a9b7d4c3e2f1a0b9c8d7e6f5a4b3c2d1e' }),
    document([benchmark('parse', head)], { commit: 'c0ffee5d1e2a3b4c5d6e7f8091a2b3c4d5e6f708' }),
    { threshold: 0.01, functionThreshold: 0.000001 },
  );
}

/** Function rows shown: table rows that are not a header, a separator or a benchmark row. */
function functionRows(markdown: string): number {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| <code>') && line.split('|').length === 9).length;
}

describe('renderMarkdown', () => {
  it('renders the textbench pair as a pull request comment with source links', async () => {
    const markdown = renderMarkdown(fixturePair('textbench'), {
      target: 'comment',
      repository: REPOSITORY,
    });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/textbench.comment.md');
    expect(markdown.split('\n')[0]).toBe(
      '🔴 **1 regression**, 1 improvement, 1 added, 1 removed in 6 benchmarks · instructions (Ir)',
    );
    expect(markdown).toContain(
      '[<code>src/parse.rs:31</code>](https://github.com/octo-org/textbench/blob/c0ffee5d1e2a3b4c5d6e7f8091a2b3c4d5e6f708/src/parse.rs#L31)',
    );
    expectIntactTables(markdown);
  });

  it('renders the job summary without links when no repository is given', async () => {
    const markdown = renderMarkdown(fixturePair('textbench'), { target: 'summary' });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/textbench.summary.md');
    expect(markdown).not.toContain('](');
  });

  it('says so at the top when the profiles were measured under different conditions', async () => {
    const base = fixtureProfile('textbench-base');
    base.fingerprint.valgrind = '3.18.1';
    base.fingerprint.rustc = base.fingerprint.rustc.replace(
      'LLVM version: 22.1.2',
      'LLVM version: 21.1.0',
    );
    const markdown = renderMarkdown(
      compareProfiles(base, fixtureProfile('textbench-head'), OPTIONS),
      {
        target: 'comment',
      },
    );
    await expect(markdown).toMatchFileSnapshot('__snapshots__/fingerprint.comment.md');
    expect(markdown.split('\n').slice(0, 2)).toEqual([
      '> [!WARNING]',
      '> The base and head were not measured under the same conditions, so some of these changes may come from the toolchain rather than the code: valgrind <code>3.18.1</code> → <code>3.19.0</code>; rustc <code>LLVM version: 21.1.0</code> → <code>LLVM version: 22.1.2</code>.',
    ]);
  });

  it('says that nothing changed when nothing did', () => {
    const same = document([benchmark('parse', { a: 10 }), benchmark('sort', { b: 20 })]);
    const markdown = renderMarkdown(compareProfiles(same, same, OPTIONS), { target: 'comment' });
    expect(markdown.split('\n')[0]).toBe(
      '✅ No significant change in 2 benchmarks · instructions (Ir)',
    );
    expect(markdown).not.toContain('<details>');
  });

  it('escapes hostile names and paths: no HTML, no broken table, no mention, no link', async () => {
    const markdown = renderMarkdown(fixturePair('hostile'), {
      target: 'comment',
      repository: REPOSITORY,
    });
    await expect(markdown).toMatchFileSnapshot('__snapshots__/hostile.comment.md');
    expectIntactTables(markdown);
    expectNoForeignHtml(markdown);
    expect(markdown).not.toMatch(/@(?!&#8203;)/);
    expect(markdown).not.toMatch(/\]\((?!https:\/\/github\.com\/octo-org\/textbench\/)/);
    expect(markdown).not.toMatch(/https?:\/\/(?!github\.com\/octo-org\/textbench\/)/);
    for (const [, content] of markdown.matchAll(/<code>(.*?)<\/code>/g)) {
      expect(content).not.toMatch(/[*_`~[\]\\|<>]|#(?!\d+;)/);
    }
    // A name can neither end a line nor carry a terminal escape into the comment.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point.
    expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('escapes the warnings it is given, which may quote a service', () => {
    const markdown = renderMarkdown(fixturePair('textbench'), {
      target: 'comment',
      warnings: ['Upload failed: <img src=x> @octocat see https://evil.example/x | *rust_perf*'],
    });

    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '> [!WARNING]',
      '> Upload failed: &#60;img src=x&#62; @&#8203;octocat see https&#58;//evil.example/x &#124; &#42;rust&#95;perf&#42;',
      '',
    ]);
  });

  it('links only relative paths inside the repository, percent-encoded', () => {
    const markdown = renderMarkdown(fixturePair('hostile'), {
      target: 'summary',
      repository: REPOSITORY,
    });
    const links = [...markdown.matchAll(/\]\((https:[^)]*)\)/g)].map((match) => match[1]);
    expect(links.filter((link) => link?.includes('/blob/'))).toEqual([
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/lib.rs#L1`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/ops.rs#L2`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/tick.rs#L3`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/mention.rs#L4`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/emph.rs#L5`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/link.rs#L6`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/refs.rs#L7`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/html.rs#L8`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/ctl.rs#L9`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/long.rs#L10`,
      `${REPOSITORY.url}/blob/${REPOSITORY.sha}/src/%40evil/%3Cb%3Ex%3C/b%3E%20%28copy%29%20%231.rs#L11`,
    ]);
  });

  it('keeps a comment on 10,000 changed functions under 60,000 characters and says exactly what it left out', async () => {
    const comparison = manyChanges(10_000);
    const markdown = renderMarkdown(comparison, { target: 'comment' });
    expect(markdown.length).toBeLessThan(60_000);
    const shown = functionRows(markdown);
    expect(shown).toBe(210);
    // 2,310 of the changes (index % 13 < 3: +1,000 to +1,034) stay below the threshold's 1,050.
    expect(markdown).toContain(
      '<details><summary><code>parse</code>: 200 of 7,680 more changed functions</summary>',
    );
    expect(markdown).toContain('… and 2,310 smaller changes below the 0.0001% function threshold.');
    expect(markdown).toContain(
      `… and ${(7_690 - shown).toLocaleString('en-US')} more changed functions: see the job summary or the JSON report.`,
    );
    expectIntactTables(markdown);
    await expect(markdown.split('\n').slice(0, 12).join('\n')).toMatchFileSnapshot(
      '__snapshots__/many.comment.head.md',
    );
  });

  it('keeps the tool versions in the footer inside <code>, where GitHub links nothing', () => {
    const base = fixtureProfile('textbench-base');
    const head = fixtureProfile('textbench-head');
    head.fingerprint = {
      ...head.fingerprint,
      rustc: 'rustc 1.95.0-nightly (octo-org/textbench#12 59807616e7d4c3e2f1a0 2026-04-14)',
      valgrind: '3.19.0 see @octocat',
    };
    const footer = renderMarkdown(compareProfiles(base, head, OPTIONS), { target: 'comment' })
      .split('\n')
      .find((line) => line.startsWith('<sub>base'));
    expect(footer).toContain(
      ' · <code>rustc 1.95.0-nightly (octo-org/textbench&#35;12 59807616e7d4c3e2f1a0 2026-04-14)</code> · valgrind <code>3.19.0 see @&#8203;octocat</code> · ',
    );
  });

  it('cuts function rows first, then detail sections, to fit a smaller budget', () => {
    const comparison = fixturePair('textbench');
    // 14 changed functions, 3 of them below the function threshold: counted, not listed.
    const total = 11;
    const full = renderMarkdown(comparison, { target: 'comment' });
    expect(functionRows(full)).toBe(total);
    expect(full.match(/smaller change below the 0\.1% function threshold/g)).toHaveLength(3);
    const budgets = [4_000, 2_530, 1_530, 1_090, 990];
    const cuts = budgets.map((maxLength) =>
      renderMarkdown(comparison, { target: 'comment', maxLength }),
    );
    expect(cuts.map(functionRows)).toEqual([9, 4, 1, 0, 0]);
    cuts.forEach((cut, index) => {
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(budgets[index]!);
      expect(cut).toContain(
        `… and ${total - functionRows(cut)} more changed functions: see the job summary or the JSON report.`,
      );
      expectIntactTables(cut);
      // The verdict, the benchmark table and the footer survive every cut.
      expect(cut).toContain('| <code>report</code> | — | 1,338,400 | new | 🆕 added |');
      expect(cut).toContain('counted by Callgrind</sub>');
    });
    // Sections go after rows, the least important first: the regression's heading is the last to go.
    expect(cuts[3]).toContain('#### 🔴 regressed: <code>parse</code> +25.01%');
    expect(cuts[3]).not.toContain('#### 🟢 improved');
    expect(cuts[4]).not.toContain('####');
  });

  it('lists in the comment only changes that reach the function threshold, noisy or not, and moves; the summary lists all', () => {
    const comparison = fixturePair('textbench');
    const comment = renderMarkdown(comparison, { target: 'comment' });
    const summary = renderMarkdown(comparison, { target: 'summary' });
    const count = (markdown: string, text: string) => markdown.split(text).length - 1;
    // hash: the hash-table function's noisy +21,664 reaches 0.1% of 4,106,809, the other's does not.
    expect(count(comment, '〰️ noisy |')).toBe(1);
    expect(count(summary, '〰️ noisy |')).toBe(2);
    expect(count(comment, '⚪ below threshold |')).toBe(0);
    expect(count(summary, '⚪ below threshold |')).toBe(2);
    // format: render_record inlined into render_report, both sides of the move listed in both.
    expect(count(comment, '↔️ moved')).toBe(2);
    expect(count(summary, '↔️ moved')).toBe(2);
    expect(comment).toContain(
      '</details>\n\n… and 1 smaller change below the 0.1% function threshold.\n',
    );
    expect(count(comment, 'smaller change below the 0.1% function threshold.')).toBe(3);
    expect(summary).not.toContain('smaller change');
  });

  it('gives the job summary more rows than the comment', () => {
    const comparison = manyChanges(3_000);
    expect(functionRows(renderMarkdown(comparison, { target: 'comment' }))).toBe(210);
    expect(functionRows(renderMarkdown(comparison, { target: 'summary' }))).toBe(2_025);
  });
});

describe('renderMarkdown: what the counts cover', () => {
  it('names a benchmark by target and id, and says that criterion counts one iteration of the routine', () => {
    const criterion = {
      ...benchmark('ops/fib 15', { 'harnesses::fib': 20_000 }),
      target: 'ops',
      id: 'fib 15',
      harness: 'criterion' as const,
    };
    const doc = document([criterion]);
    const markdown = renderMarkdown(compareProfiles(doc, doc, OPTIONS), { target: 'comment' });
    expect(markdown).toContain('| <code>ops/fib 15</code> | 20,000 | 20,000 |');
    expect(markdown).toContain(
      'instructions (Ir) counted by Callgrind for one iteration of each benchmark’s routine</sub>',
    );
  });
});
