import { dirname, relative } from 'node:path';
import type { CargoMetadata, CargoPackage } from '../cargo/metadata.js';
import { InputError } from '../errors.js';
import type { Harness } from '../harness.js';
import { compareText } from '../system/text-order.js';
import { detectHarness } from './harness.js';
import { declaredBenches, usesLibtest } from './manifest.js';

/** A bench target to measure, with the harness it uses. */
export interface BenchTarget {
  name: string;
  harness: Harness;
  /** How the harness was found, for the log: the user's setting or what gave it away. */
  evidence: string;
  packageRoot: string;
}

/**
 * The bench targets to measure, before anything is built: those `named`, or every bench target
 * of the manifest's package (of every workspace member, for a virtual manifest), each with its
 * harness: `overrides` first, else detected from its manifest, dev-dependencies and source.
 * An unknown name, or an override for a target that is not measured, is an InputError that lists
 * the bench targets there are.
 */
export function findBenchTargets(
  metadata: CargoMetadata,
  manifestPath: string,
  named: string[],
  overrides: ReadonlyMap<string, Harness>,
  readText: (path: string) => string,
): BenchTarget[] {
  const own = metadata.packages.filter((pkg) => pkg.manifestPath === manifestPath);
  const packages = own.length > 0 ? own : metadata.packages;
  const all = packages.flatMap((pkg) =>
    pkg.targets
      .filter((target) => target.kind.includes('bench'))
      .map((target) => ({ pkg, target })),
  );
  const available = [...new Set(all.map(({ target }) => target.name))].sort();
  for (const name of [...named, ...overrides.keys()]) {
    if (!available.includes(name)) {
      throw new InputError(
        `there is no bench target named '${name}'`,
        available.length > 0
          ? `The bench targets are: ${available.join(', ')}.`
          : 'The package has no bench targets: add one under benches/ or measure a program with a command.',
      );
    }
  }
  const wanted = named.length > 0 ? all.filter(({ target }) => named.includes(target.name)) : all;
  const manifests = new Map<CargoPackage, string>();
  return wanted
    .map(({ pkg, target }) => {
      const packageRoot = dirname(pkg.manifestPath);
      const override = overrides.get(target.name);
      if (override !== undefined) {
        return { name: target.name, harness: override, evidence: 'as configured', packageRoot };
      }
      if (!manifests.has(pkg)) manifests.set(pkg, readText(pkg.manifestPath));
      const sourceName = relative(packageRoot, target.srcPath);
      const libtest = usesLibtest(declaredBenches(manifests.get(pkg)!), target.name, sourceName);
      const devDependencies = pkg.dependencies.filter((dependency) => dependency.kind === 'dev');
      const finding = detectHarness(libtest, readText(target.srcPath), devDependencies, sourceName);
      return { name: target.name, ...finding, packageRoot };
    })
    .sort((a, b) => compareText(a.name, b.name));
}
