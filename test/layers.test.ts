/**
 * The import rules of src/: each folder is a layer, and a module imports only from its own
 * folder or from layers below its own, never in a cycle. A new folder must be placed here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers, top to bottom: the entry points, then the pipeline's stages from the last to the
 * first, then the shared model and the plumbing. Folders on one line do not import each other.
 * `.` is the files directly in src/: the bundles' entry files (`index.ts`, `cli.ts`) stand above
 * everything, `errors.ts` and `version.ts` below everything.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['entry'],
  ['action', 'cli'],
  ['publish'],
  ['report'],
  ['compare'],
  ['measure'],
  ['benchmarks'],
  ['cargo'],
  ['profile'],
  ['inputs'],
  ['system'],
  ['root'],
];
const ENTRY_FILES = ['index.ts', 'cli.ts'];
/** Only these layers talk to GitHub: the core stays free of `@actions/*` and Octokit. */
const SERVICE_LAYERS = ['action', 'publish'];

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

interface Module {
  /** Relative to src/, e.g. `measure/run.ts`. */
  path: string;
  layer: string;
  /** src-relative paths of the modules it imports. */
  imports: string[];
  /** Package names it imports. */
  packages: string[];
}

function listModules(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return listModules(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  const [first, ...rest] = path.split('/');
  if (rest.length > 0) return first!;
  return ENTRY_FILES.includes(first!) ? 'entry' : 'root';
}

function readModule(file: string): Module {
  const path = relative(srcDir, file);
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g)]
    .map((match) => match[1]!)
    .concat([...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => match[1]!));
  const imports = specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(srcDir, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts'))
    .filter((target) => !target.startsWith('..'));
  const packages = specifiers.filter((specifier) => !specifier.startsWith('.'));
  return { path, layer: layerOf(path), imports, packages };
}

const modules = listModules(srcDir).map(readModule);
const rank = new Map(LAYERS.flatMap((layer, index) => layer.map((name) => [name, index])));

describe('the layers of src/', () => {
  it('places every folder', () => {
    const unplaced = [...new Set(modules.map((module) => module.layer))].filter(
      (layer) => !rank.has(layer),
    );
    expect(unplaced, 'add these folders to LAYERS').toEqual([]);
  });

  it('imports only from the same folder or a layer below', () => {
    const upward = modules.flatMap((module) =>
      module.imports
        .filter((target) => {
          const layer = layerOf(target);
          return layer !== module.layer && rank.get(layer)! <= rank.get(module.layer)!;
        })
        .map((target) => `${module.path} imports ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const byPath = new Map(modules.map((module) => [module.path, module]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (path: string, trail: string[]) => {
      if (state.get(path) === 'done') return;
      if (state.get(path) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(path)), path].join(' → '));
        return;
      }
      state.set(path, 'visiting');
      for (const target of byPath.get(path)?.imports ?? []) visit(target, [...trail, path]);
      state.set(path, 'done');
    };
    for (const module of modules) visit(module.path, []);
    expect(cycles).toEqual([]);
  });

  it('keeps GitHub services out of the core', () => {
    const reaching = modules
      .filter((module) => !SERVICE_LAYERS.includes(module.layer))
      .filter((module) => module.packages.some((name) => /^@(actions|octokit)\//.test(name)))
      .map((module) => module.path);
    expect(reaching).toEqual([]);
  });
});
