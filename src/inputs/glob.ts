/**
 * The globs of rust-perf.toml, over benchmark names (`target/id`) and function names: `*` is any
 * run of characters (`/` and `::` included), `?` one character, `\` makes the next one literal.
 * Everything else matches itself, so `<[T] as Debug>::fmt` needs no escaping.
 */

/** A compiled glob: whether a whole name matches it. */
export type Glob = (name: string) => boolean;

/** Compiles `pattern`; undefined with the reason when it is not a glob rust-perf reads. */
export function compileGlob(pattern: string): Glob | { problem: string } {
  if (pattern.trim() === '') return { problem: 'is empty: it would match no name' };
  if (/\\$/.test(pattern.replace(/\\\\/g, ''))) {
    return { problem: 'ends in a lone \\, which escapes nothing' };
  }
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index]!;
    if (character === '\\') source += escapeRegExp(pattern[++index]!);
    else if (character === '*') source += '.*';
    else if (character === '?') source += '.';
    else source += escapeRegExp(character);
  }
  const expression = new RegExp(`^${source}$`, 's');
  return (name) => expression.test(name);
}

function escapeRegExp(character: string): string {
  return character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
