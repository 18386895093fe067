/**
 * The history a baseline carries: the totals of the baselines saved before it, so that a trend
 * needs no storage or service beyond the baseline cache itself.
 */
import {
  HISTORY_EVENT,
  HISTORY_LENGTH,
  type HistoryEntry,
  type ProfileDocument,
} from './profile.js';

/** What `profile` remembers of itself once a later baseline follows it. */
export function historyEntry(profile: ProfileDocument): HistoryEntry {
  const totals: Record<string, number> = {};
  for (const benchmark of profile.benchmarks) {
    const total = benchmark.totals[HISTORY_EVENT];
    if (total !== undefined) totals[benchmark.name] = total;
  }
  return {
    ...(profile.commit === undefined ? {} : { commit: profile.commit }),
    createdAt: profile.createdAt,
    totals,
  };
}

/**
 * `profile`, to be saved as the baseline after `previous`: it carries the previous baseline's
 * history and the previous baseline itself, the last HISTORY_LENGTH of them. A baseline saved
 * again for the same commit (a re-run) takes over its history without counting itself twice.
 */
export function withHistory(
  profile: ProfileDocument,
  previous: ProfileDocument | undefined,
): ProfileDocument {
  if (previous === undefined) return profile;
  const earlier = previous.history ?? [];
  const sameCommit = previous.commit !== undefined && previous.commit === profile.commit;
  const history = sameCommit ? earlier : [...earlier, historyEntry(previous)];
  return { ...profile, history: history.slice(-HISTORY_LENGTH) };
}

/** A benchmark's totals in `history`, oldest first; baselines that lack it are left out. */
export function benchmarkTrend(history: HistoryEntry[] | undefined, name: string): number[] {
  return (history ?? []).flatMap((entry) => {
    const total = entry.totals[name];
    return total === undefined ? [] : [total];
  });
}
