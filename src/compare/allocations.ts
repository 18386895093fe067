/**
 * Compares two benchmarks' heap allocations: the totals against the allocation threshold, and
 * the allocation sites whose count or bytes changed.
 */
import { type AllocationProfile, type AllocationSite, siteKey } from '../profile/profile.js';
import { compareText } from '../system/text-order.js';
import { benchmarkStatus, percentChange } from './change.js';
import type {
  AllocationComparison,
  AllocationSiteChange,
  AllocationTotals,
  SiteCounts,
} from './comparison.js';

/**
 * The comparison of a benchmark's allocations, or undefined when a side that has the benchmark
 * did not measure them (a baseline measured with instructions alone says nothing about them).
 */
export function compareAllocations(
  base: { allocations?: AllocationProfile } | undefined,
  head: { allocations?: AllocationProfile } | undefined,
  threshold: number,
): AllocationComparison | undefined {
  if (base === undefined && head === undefined) return undefined;
  if (base !== undefined && base.allocations === undefined) return undefined;
  if (head !== undefined && head.allocations === undefined) return undefined;
  const before = base?.allocations;
  const after = head?.allocations;
  const baseCount = before === undefined ? null : before.allocations;
  const headCount = after === undefined ? null : after.allocations;
  return {
    status: benchmarkStatus(baseCount, headCount, threshold),
    base: before === undefined ? null : totals(before),
    head: after === undefined ? null : totals(after),
    change: percentChange(baseCount, headCount),
    sites: siteChanges(before?.sites ?? [], after?.sites ?? []),
  };
}

function totals(profile: AllocationProfile): AllocationTotals {
  return { allocations: profile.allocations, bytes: profile.bytes, peakBytes: profile.peakBytes };
}

const NONE: SiteCounts = { allocations: 0, bytes: 0 };

/**
 * The sites whose counts changed. Sites are matched by function, file and line; a site left
 * without a partner is then matched, within its function and file, with one whose counts are
 * exactly its own: code added above a site moves its line but not its allocations.
 */
export function siteChanges(
  base: readonly AllocationSite[],
  head: readonly AllocationSite[],
): AllocationSiteChange[] {
  const pairs = new Map<string, { base?: AllocationSite; head?: AllocationSite }>();
  for (const site of base) pairs.set(siteKey(site), { base: site });
  const unmatchedHead: AllocationSite[] = [];
  for (const site of head) {
    const pair = pairs.get(siteKey(site));
    if (pair === undefined) unmatchedHead.push(site);
    else pair.head = site;
  }
  const unmatchedBase = [...pairs.values()].filter((pair) => pair.head === undefined);
  const changes: AllocationSiteChange[] = [];
  for (const site of unmatchedHead) {
    const moved = unmatchedBase.find(
      (pair) =>
        pair.base !== undefined &&
        pair.base.function === site.function &&
        pair.base.file === site.file &&
        pair.base.allocations === site.allocations &&
        pair.base.bytes === site.bytes,
    );
    if (moved === undefined) changes.push(siteChange(undefined, site));
    else moved.head = site;
  }
  for (const pair of pairs.values()) changes.push(siteChange(pair.base, pair.head));
  return changes.filter(changed).sort(byMagnitude);
}

function changed(change: AllocationSiteChange): boolean {
  return (
    change.base.allocations !== change.head.allocations || change.base.bytes !== change.head.bytes
  );
}

function siteChange(
  base: AllocationSite | undefined,
  head: AllocationSite | undefined,
): AllocationSiteChange {
  const located = (head ?? base)!;
  return {
    function: located.function,
    file: located.file,
    line: located.line,
    base: base === undefined ? NONE : { allocations: base.allocations, bytes: base.bytes },
    head: head === undefined ? NONE : { allocations: head.allocations, bytes: head.bytes },
  };
}

function byMagnitude(a: AllocationSiteChange, b: AllocationSiteChange): number {
  const count = (change: AllocationSiteChange) =>
    Math.abs(change.head.allocations - change.base.allocations);
  const bytes = (change: AllocationSiteChange) => Math.abs(change.head.bytes - change.base.bytes);
  return (
    count(b) - count(a) ||
    bytes(b) - bytes(a) ||
    compareText(a.function, b.function) ||
    compareText(a.file, b.file) ||
    a.line - b.line
  );
}
