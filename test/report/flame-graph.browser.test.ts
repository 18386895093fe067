/**
 * The differential flame graph as a person sees it: opened from disk in headless Chromium
 * (Debian's `chromium`, installed by .ci/run), its drawn page read back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flameGraphFiles, type GraphedBenchmark } from '../../src/report/flame-graph.js';

const HOSTILE = '<img src=x onerror="document.title=1">::</script><b>';

function benchmark(fieldCost: number): GraphedBenchmark {
  const functions = [
    { name: 'main', counts: { Ir: 100 } },
    { name: 'textbench::parse::parse_line', counts: { Ir: 200 } },
    { name: 'textbench::parse::parse_field', counts: { Ir: fieldCost } },
    { name: HOSTILE, counts: { Ir: 300 } },
  ];
  return {
    name: 'parse',
    events: ['Ir'],
    totals: { Ir: 600 + fieldCost },
    functions,
    calls: [
      {
        caller: 'main',
        callee: 'textbench::parse::parse_line',
        calls: 1,
        inclusive: 200 + fieldCost,
      },
      {
        caller: 'textbench::parse::parse_line',
        callee: 'textbench::parse::parse_field',
        calls: 9,
        inclusive: fieldCost,
      },
      { caller: 'main', callee: HOSTILE, calls: 1, inclusive: 300 },
    ],
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'rust-perf-flame-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The page after its scripts ran, as Chromium serialises it. */
function renderedPage(html: string): string {
  const path = join(scratch, 'parse.flamegraph.html');
  writeFileSync(path, html);
  return execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--virtual-time-budget=2000',
      '--dump-dom',
      `file://${path}`,
    ],
    { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

describe('a differential flame graph in a browser', () => {
  const [file] = flameGraphFiles([benchmark(400)], [benchmark(1000)], ['parse']);
  const page = renderedPage(file!.html);
  const frame = (name: string) => {
    const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const match = new RegExp(
      `<g[^>]*class="frame"[^>]*>(?:(?!</g>).)*?<title>${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n((?:(?!</title>).)*)</title>`,
      's',
    ).exec(page);
    const fill = match === null ? undefined : /fill="([^"]+)"/.exec(match[0])?.[1];
    return { tooltip: match?.[1], fill };
  };

  it('draws the function whose own cost grew in red, its tooltip giving base, head and change', () => {
    expect(file!.fileName).toBe('parse.flamegraph.html');
    const field = frame('textbench::parse::parse_field');
    // The share of its own cost that is new (600 of 1,000) sets how deep the red is.
    expect(field.fill).toBe('rgb(255,80,80)');
    expect(field.tooltip).toBe(
      'base: 400 Ir\nhead: 1,000 Ir\nchange: +600 Ir (+150%)\nself: 400 → 1,000 Ir',
    );
  });

  it('leaves a frame whose own cost did not change grey', () => {
    expect(frame('textbench::parse::parse_line').fill).toBe('rgb(224,224,224)');
  });

  it('keeps a hostile function name as text', () => {
    expect(frame(HOSTILE).tooltip).toBe(
      'base: 300 Ir\nhead: 300 Ir\nchange: 0 Ir (0%)\nself: 300 → 300 Ir',
    );
    expect(page).not.toMatch(/<img|<b>/);
    expect(page).toContain('<title>parse: base → head</title>');
  });
});
