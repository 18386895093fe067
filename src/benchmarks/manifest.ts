/**
 * The `[[bench]]` sections of a Cargo.toml, for the one key `cargo metadata` leaves out:
 * `harness`. Only what cargo's own manifest format allows for these keys is read: a bench
 * target's `name`, `path` and `harness`, written as `key = value` lines under `[[bench]]`.
 */

export interface DeclaredBench {
  name?: string;
  path?: string;
  /** `harness = false` turns libtest off; cargo's default is true. */
  harness: boolean;
}

const TABLE_HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
const KEY_VALUE = /^\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*(?:#[^"']*)?$/;

/** Every `[[bench]]` table of a manifest, in order. */
export function declaredBenches(manifest: string): DeclaredBench[] {
  const benches: DeclaredBench[] = [];
  let current: DeclaredBench | undefined;
  for (const line of manifest.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const header = TABLE_HEADER.exec(line);
    if (header) {
      current =
        line.trim().startsWith('[[') && header[1] === 'bench' ? { harness: true } : undefined;
      if (current) benches.push(current);
      continue;
    }
    const entry = current && KEY_VALUE.exec(line);
    if (!current || !entry) continue;
    const [, key, value] = entry;
    if (key === 'harness') current.harness = value !== 'false';
    else if (key === 'name' || key === 'path') {
      const text = tomlString(value!);
      if (text !== undefined) current[key] = text;
    }
  }
  return benches;
}

/** A basic or literal TOML string on one line, without escapes beyond `\"` and `\\`. */
function tomlString(value: string): string | undefined {
  const basic = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  if (basic) return basic[1]!.replace(/\\(["\\])/g, '$1');
  return /^'([^']*)'$/.exec(value)?.[1];
}

/**
 * Whether the bench target named `name` with source `srcPath` (relative to the package root,
 * as cargo resolved it) uses libtest: the `[[bench]]` table that names it or points at its
 * file decides; a target cargo found on its own (`benches/*.rs`, no table) uses libtest.
 */
export function usesLibtest(declared: DeclaredBench[], name: string, srcPath: string): boolean {
  const table = declared.find(
    (bench) => bench.name === name || (bench.path !== undefined && samePath(bench.path, srcPath)),
  );
  return table?.harness ?? true;
}

function samePath(a: string, b: string): boolean {
  const clean = (path: string) => path.replace(/^\.\//, '');
  return clean(a) === clean(b);
}
