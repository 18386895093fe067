import { resolve } from 'node:path';
import { BuildError } from '../errors.js';
import { isJsonObject, parseJson } from '../system/strict-json.js';

/** A dependency as `cargo metadata` lists it. */
export interface CargoDependency {
  /** The crate's name on its registry, e.g. `criterion`. */
  name: string;
  /** The name the code uses when the dependency is renamed (`crit = { package = … }`). */
  rename?: string;
  /** The version requirement, e.g. `^0.5.1`. */
  req: string;
  kind: 'normal' | 'dev' | 'build';
}

export interface CargoTarget {
  name: string;
  kind: string[];
  /** Absolute path of the target's main source file. */
  srcPath: string;
}

export interface CargoPackage {
  name: string;
  manifestPath: string;
  targets: CargoTarget[];
  dependencies: CargoDependency[];
}

/** What rust-perf reads of `cargo metadata --no-deps`: the workspace's own packages. */
export interface CargoMetadata {
  /** The workspace's root directory (a lone package's own). */
  workspaceRoot: string;
  targetDirectory: string;
  packages: CargoPackage[];
}

/** Reads the output of `cargo metadata --format-version 1` (cargo's documented schema). */
export function parseCargoMetadata(stdout: string): CargoMetadata {
  const invalid = (reason: string) =>
    new BuildError(`cargo metadata printed something rust-perf cannot read: ${reason}`);
  const raw = parseJson(stdout, invalid);
  if (
    !isJsonObject(raw) ||
    typeof raw.workspace_root !== 'string' ||
    typeof raw.target_directory !== 'string' ||
    !Array.isArray(raw.packages)
  ) {
    throw invalid('no workspace_root, target_directory or packages');
  }
  return {
    workspaceRoot: raw.workspace_root,
    targetDirectory: raw.target_directory,
    packages: raw.packages.map((entry: unknown) => {
      const pkg = entry as {
        name: string;
        manifest_path: string;
        targets: { name: string; kind: string[]; src_path: string }[];
        dependencies: { name: string; rename: string | null; req: string; kind: string | null }[];
      };
      return {
        name: pkg.name,
        manifestPath: resolve(pkg.manifest_path),
        targets: pkg.targets.map((target) => ({
          name: target.name,
          kind: target.kind,
          srcPath: target.src_path,
        })),
        dependencies: pkg.dependencies.map((dependency) => ({
          name: dependency.name,
          ...(dependency.rename ? { rename: dependency.rename } : {}),
          req: dependency.req,
          kind:
            dependency.kind === 'dev' || dependency.kind === 'build' ? dependency.kind : 'normal',
        })),
      };
    }),
  };
}
