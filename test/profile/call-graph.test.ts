import { describe, expect, it } from 'vitest';
import { callTree, foldedStacks, inclusiveCosts } from '../../src/profile/call-graph.js';

// main calls work twice as expensively as it calls log; both call alloc; fib calls itself.
const functions = [
  { name: 'main', self: 10 },
  { name: 'work', self: 50 },
  { name: 'log', self: 5 },
  { name: 'alloc', self: 30 },
  { name: 'fib', self: 5 },
];
const calls = [
  { caller: 'main', callee: 'work', calls: 1, inclusive: 70 },
  { caller: 'main', callee: 'log', calls: 1, inclusive: 15 },
  { caller: 'main', callee: 'fib', calls: 1, inclusive: 5 },
  { caller: 'work', callee: 'alloc', calls: 2, inclusive: 20 },
  { caller: 'log', callee: 'alloc', calls: 1, inclusive: 10 },
  { caller: 'fib', callee: 'fib', calls: 8, inclusive: 4 },
];

describe('inclusiveCosts', () => {
  it('adds the calls to other functions to the self cost, a recursion once', () => {
    expect(Object.fromEntries(inclusiveCosts(functions, calls, 100))).toEqual({
      main: 100,
      work: 70,
      log: 15,
      alloc: 30,
      fib: 5,
    });
  });

  it('caps what a cycle of several functions counts twice at the total', () => {
    const cycle = [
      { caller: 'a', callee: 'b', calls: 1, inclusive: 9 },
      { caller: 'b', callee: 'a', calls: 1, inclusive: 5 },
    ];
    const pair = [
      { name: 'a', self: 5 },
      { name: 'b', self: 4 },
    ];
    expect(Object.fromEntries(inclusiveCosts(pair, cycle, 9))).toEqual({ a: 9, b: 9 });
  });
});

describe('callTree and foldedStacks', () => {
  it('shares a function among its callers by their calls and adds up to the total', () => {
    const tree = callTree(functions, calls, 100);
    expect(foldedStacks(tree)).toBe(
      [
        'main 10',
        'main;work 50',
        'main;work;alloc 20',
        'main;log 5',
        'main;log;alloc 10',
        'main;fib 5',
        '',
      ].join('\n'),
    );
    expect(tree.map((root) => root.value)).toEqual([100]);
  });

  it('follows no call that closes a cycle, and still adds up', () => {
    const tree = callTree(
      [
        { name: 'a', self: 5 },
        { name: 'b', self: 4 },
      ],
      [
        { caller: 'a', callee: 'b', calls: 1, inclusive: 9 },
        { caller: 'b', callee: 'a', calls: 1, inclusive: 5 },
      ],
      9,
    );
    expect(foldedStacks(tree)).toBe('a 5\na;b 4\n');
  });

  it('keeps a name from splitting its frame or its line', () => {
    const tree = callTree([{ name: 'evil;name\nnext 7', self: 3 }], [], 3);
    expect(foldedStacks(tree)).toBe('evil:name next 7 3\n');
  });
});
