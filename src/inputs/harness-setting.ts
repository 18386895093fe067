import { InputError } from '../errors.js';
import { HARNESSES, type Harness } from '../harness.js';

/** Cargo target names. */
const TARGET_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Parses `target=harness`, as given to `--harness` or one line of the action's `harness`
 * input: the harness a bench target uses where detection cannot tell (a macro of the project's
 * own around criterion's, say). `gungraun` leaves the target out.
 */
export function parseHarnessSetting(spec: string): [string, Harness] {
  const equals = spec.indexOf('=');
  const target = spec.slice(0, Math.max(equals, 0)).trim();
  const harness = HARNESSES.find((name) => name === spec.slice(equals + 1).trim());
  if (equals === -1 || !TARGET_NAME.test(target) || harness === undefined) {
    throw new InputError(
      `'${spec}' is not a harness setting: expected TARGET=HARNESS, e.g. 'ops=criterion'`,
      `TARGET is a bench target's name; HARNESS is one of ${HARNESSES.join(', ')}.`,
    );
  }
  return [target, harness];
}

/** Every setting, one target once. */
export function parseHarnessSettings(specs: string[]): Map<string, Harness> {
  const settings = new Map<string, Harness>();
  for (const spec of specs) {
    const [target, harness] = parseHarnessSetting(spec);
    if (settings.has(target)) {
      throw new InputError(
        `the harness of '${target}' is set twice`,
        'Set each target’s harness once.',
      );
    }
    settings.set(target, harness);
  }
  return settings;
}
