import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../../src/errors.js';
import { parseProfileDocument, serialiseProfileDocument } from '../../src/profile/document.js';
import { benchmarkTrend, withHistory } from '../../src/profile/history.js';
import { HISTORY_LENGTH, type ProfileDocument } from '../../src/profile/profile.js';
import { mutated, sampleDocument } from '../support/sample-profile.js';

/** The sample document as the baseline of `commit`, its `ops/parse` at `parse` instructions. */
function baseline(commit: string, parse: number): ProfileDocument {
  const doc = sampleDocument();
  doc.commit = commit;
  doc.createdAt = `2026-01-01T00:00:${String(parse % 60).padStart(2, '0')}.000Z`;
  doc.benchmarks[0]!.totals.Ir = parse;
  // Its functions' counts add up to its total, as a reader checks.
  doc.benchmarks[0]!.functions[0]!.counts.Ir = parse - 100;
  return doc;
}

describe('the history a baseline carries', () => {
  it('adds the previous baseline to its history, the last 30 of them', () => {
    let saved: ProfileDocument | undefined;
    for (let index = 1; index <= HISTORY_LENGTH + 3; index++) {
      saved = withHistory(baseline(`c${index}`, 1000 + index), saved);
    }
    const history = saved?.history ?? [];
    expect(history).toHaveLength(HISTORY_LENGTH);
    expect(history.at(-1)).toEqual({
      commit: `c${HISTORY_LENGTH + 2}`,
      createdAt: '2026-01-01T00:00:12.000Z',
      totals: { 'ops/parse': 1000 + HISTORY_LENGTH + 2, empty: 0 },
    });
    expect(benchmarkTrend(history, 'ops/parse')).toEqual(
      Array.from({ length: HISTORY_LENGTH }, (_, index) => 1003 + index),
    );
    expect(benchmarkTrend(history, 'gone')).toEqual([]);
  });

  it('does not count a baseline saved again for the same commit twice', () => {
    const first = withHistory(baseline('c2', 1002), baseline('c1', 1001));
    const again = withHistory(baseline('c2', 1002), first);
    expect(again.history).toEqual(first.history);
    expect(withHistory(baseline('c1', 1), undefined)).not.toHaveProperty('history');
  });

  it('round-trips through the document, one earlier baseline per line', () => {
    const doc = withHistory(baseline('c2', 1002), baseline('c1', 1001));
    const text = serialiseProfileDocument(doc);
    expect(text).toContain(
      '  "history": [\n    {"commit":"c1","createdAt":"2026-01-01T00:00:41.000Z","totals":{"ops/parse":1001,"empty":0}}\n  ],\n',
    );
    expect(parseProfileDocument(text, 'profile.json')).toEqual(doc);
  });

  it.each([
    [
      'a negative total',
      (doc: Record<string, unknown>) => {
        doc.history = [{ createdAt: '2026-01-01T00:00:00Z', totals: { parse: -1 } }];
      },
      'history[0].totals.parse: expected a whole number of at least 0, found -1',
    ],
    [
      'too long a history',
      (doc: Record<string, unknown>) => {
        doc.history = Array.from({ length: HISTORY_LENGTH + 1 }, () => ({
          createdAt: '2026-01-01T00:00:00Z',
          totals: {},
        }));
      },
      `history: expected at most ${HISTORY_LENGTH} entries, found ${HISTORY_LENGTH + 1}`,
    ],
  ])('refuses %s', (_, change, message) => {
    expect(() => parseProfileDocument(mutated(change), 'profile.json')).toThrow(CorruptFileError);
    expect(() => parseProfileDocument(mutated(change), 'profile.json')).toThrow(message);
  });
});
