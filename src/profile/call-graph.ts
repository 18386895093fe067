/**
 * What a benchmark's call graph (Callgrind's calls between functions) tells: each function's
 * inclusive cost, and the benchmark's cost as a tree of call stacks, the shape of a flame graph.
 */
import type { FunctionCall } from './profile.js';

/** A function of the graph: its name and its self cost of the primary event. */
export interface GraphFunction {
  name: string;
  self: number;
}

/**
 * Each function's inclusive cost: its self cost plus the inclusive cost of its calls to other
 * functions, as Callgrind counts it. A call to itself is not added, so direct recursion counts
 * once; a cost above `total` (calls in a cycle of several functions) is capped at `total`.
 */
export function inclusiveCosts(
  functions: readonly GraphFunction[],
  calls: readonly FunctionCall[],
  total: number,
): Map<string, number> {
  const inclusive = new Map(functions.map((fn) => [fn.name, fn.self]));
  for (const call of calls) {
    const own = inclusive.get(call.caller);
    if (call.caller !== call.callee && own !== undefined && inclusive.has(call.callee)) {
      inclusive.set(call.caller, own + call.inclusive);
    }
  }
  for (const [name, cost] of inclusive) inclusive.set(name, Math.min(cost, total));
  return inclusive;
}

/** One frame of a call tree: a function called along one stack. */
export interface CallTreeNode {
  name: string;
  /** Inclusive cost along this stack: `self` plus the children's values. */
  value: number;
  /** Cost of the function itself along this stack (with the stacks below too thin to split). */
  self: number;
  children: CallTreeNode[];
}

/** Frames thinner than this share of the total are not split into their callees. */
const SPLIT_SHARE = 1 / 2000;

/**
 * The benchmark's cost as call stacks, from its functions' self costs and its calls. Callgrind
 * records calls between pairs of functions, not whole stacks, so a function's cost is shared
 * among its callers in proportion to the cost of their calls to it (as gprof and KCachegrind
 * do); a call that closes a cycle is not followed. The roots' values add up to `total` exactly,
 * each frame's children and self to its value, all in whole numbers.
 */
export function callTree(
  functions: readonly GraphFunction[],
  calls: readonly FunctionCall[],
  total: number,
): CallTreeNode[] {
  const graph = acyclicGraph(functions, calls);
  const weight = subtreeWeights(graph);
  const minimum = total * SPLIT_SHARE;
  const expand = (fn: number, value: number): CallTreeNode => {
    const node: CallTreeNode = { name: graph.names[fn]!, value, self: value, children: [] };
    if (value < minimum || weight[fn] === 0) return node;
    const scale = value / weight[fn]!;
    const parts = [graph.self[fn]! * scale];
    for (const edge of graph.out[fn]!) parts.push(edge.share * weight[edge.callee]! * scale);
    const shares = wholeShares(value, parts);
    node.self = shares[0]!;
    graph.out[fn]!.forEach((edge, index) => {
      const share = shares[index + 1]!;
      if (share > 0) node.children.push(expand(edge.callee, share));
    });
    return node;
  };
  const rootValues = wholeShares(
    total,
    graph.roots.map((root) => weight[root]!),
  );
  return graph.roots
    .map((root, index) => expand(root, rootValues[index]!))
    .filter((node) => node.value > 0);
}

interface AcyclicGraph {
  names: string[];
  self: number[];
  roots: number[];
  /** Per function, its calls that close no cycle, each with the share of the callee it takes. */
  out: { callee: number; share: number }[][];
}

/**
 * The calls without those that close a cycle (found by a depth-first walk from the functions
 * nobody calls, then from any function not reached yet), and each call's share of its callee:
 * its inclusive cost over the cost of all the callee's remaining calls.
 */
function acyclicGraph(
  functions: readonly GraphFunction[],
  calls: readonly FunctionCall[],
): AcyclicGraph {
  const index = new Map(functions.map((fn, position) => [fn.name, position]));
  const out = functions.map((): { callee: number; cost: number }[] => []);
  const called = new Uint8Array(functions.length);
  for (const call of calls) {
    const caller = index.get(call.caller);
    const callee = index.get(call.callee);
    if (caller === undefined || callee === undefined || caller === callee) continue;
    out[caller]!.push({ callee, cost: call.inclusive });
    called[callee] = 1;
  }
  const state = new Uint8Array(functions.length); // 0 new, 1 on the stack, 2 done
  const kept = functions.map((): { callee: number; cost: number }[] => []);
  const roots: number[] = [];
  const walk = (start: number): void => {
    roots.push(start);
    const stack: { fn: number; next: number }[] = [{ fn: start, next: 0 }];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edge = out[top.fn]![top.next++];
      if (edge === undefined) {
        state[top.fn] = 2;
        stack.pop();
      } else if (state[edge.callee] !== 1) {
        kept[top.fn]!.push(edge);
        if (state[edge.callee] === 0) {
          state[edge.callee] = 1;
          stack.push({ fn: edge.callee, next: 0 });
        }
      }
    }
  };
  const bySelf = functions.map((_, position) => position);
  bySelf.sort((a, b) => functions[b]!.self - functions[a]!.self || a - b);
  for (const fn of bySelf) if (called[fn] === 0) walk(fn);
  for (const fn of bySelf) if (state[fn] === 0) walk(fn);
  const incoming = new Float64Array(functions.length);
  for (const edges of kept) for (const edge of edges) incoming[edge.callee]! += edge.cost;
  return {
    names: functions.map((fn) => fn.name),
    self: functions.map((fn) => fn.self),
    roots,
    out: kept.map((edges) =>
      edges.map((edge) => ({
        callee: edge.callee,
        share: incoming[edge.callee]! === 0 ? 0 : edge.cost / incoming[edge.callee]!,
      })),
    ),
  };
}

/** Per function, its self cost plus the shares it takes of its callees' weights. */
function subtreeWeights(graph: AcyclicGraph): Float64Array {
  const weight = new Float64Array(graph.names.length).fill(-1);
  const weigh = (start: number): void => {
    const stack = [start];
    while (stack.length > 0) {
      const fn = stack[stack.length - 1]!;
      const pending = graph.out[fn]!.filter((edge) => weight[edge.callee]! < 0);
      if (pending.length > 0) {
        for (const edge of pending) stack.push(edge.callee);
        continue;
      }
      stack.pop();
      if (weight[fn]! >= 0) continue;
      weight[fn] = graph.out[fn]!.reduce(
        (sum, edge) => sum + edge.share * weight[edge.callee]!,
        graph.self[fn]!,
      );
    }
  };
  graph.roots.forEach(weigh);
  return weight;
}

/**
 * `whole` split into whole numbers in proportion to `parts` (largest remainder): they add up
 * to `whole` exactly.
 */
function wholeShares(whole: number, parts: readonly number[]): number[] {
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum <= 0) return parts.map((_, index) => (index === 0 ? whole : 0));
  const exact = parts.map((part) => (part / sum) * whole);
  const shares = exact.map(Math.floor);
  let left = whole - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((_, index) => index);
  byRemainder.sort((a, b) => exact[b]! - shares[b]! - (exact[a]! - shares[a]!) || a - b);
  for (const index of byRemainder) {
    if (left <= 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}

/**
 * The stacks of a call tree in the folded format of `flamegraph.pl` and inferno: one line per
 * stack, its frames joined by `;`, a space and its self cost. A `;` or a line break in a name
 * would split a frame, so it is written as `:` or a space.
 */
export function foldedStacks(roots: readonly CallTreeNode[]): string {
  const lines: string[] = [];
  const visit = (node: CallTreeNode, prefix: string): void => {
    const stack = prefix + node.name.replace(/;/g, ':').replace(/[\r\n]/g, ' ');
    if (node.self > 0) lines.push(`${stack} ${node.self}`);
    for (const child of node.children) visit(child, `${stack};`);
  };
  for (const root of roots) visit(root, '');
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
