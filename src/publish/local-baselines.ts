/**
 * Named local baselines, as Gungraun's `--save-baseline`/`--baseline`: a profile saved under
 * the project's target directory so that later runs compare against it without git.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CorruptFileError, InputError } from '../errors.js';
import { parseProfileDocument, serialiseProfileDocument } from '../profile/document.js';
import { withHistory } from '../profile/history.js';
import { fingerprintHash } from '../profile/identity.js';
import type { ProfileDocument } from '../profile/profile.js';

const BASELINE_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** Returns `name` if it can name a baseline (a single safe path component); InputError otherwise. */
export function checkBaselineName(name: string): string {
  if (!BASELINE_NAME.test(name) || /^\.+$/.test(name)) {
    throw new InputError(
      `'${name}' is not a valid baseline name: use 1 to 100 letters, digits, '-', '_' or '.' (not only dots).`,
    );
  }
  return name;
}

function baselinesDir(targetDir: string): string {
  return join(targetDir, 'rust-perf', 'baselines');
}

function baselineFile(targetDir: string, name: string): string {
  return join(baselinesDir(targetDir), checkBaselineName(name), 'profile.json');
}

/**
 * Saves `profile` as baseline `name`, replacing any earlier one, whose history it carries on
 * (`rust-perf history` prints it) when it was measured under the same conditions; returns the
 * file written.
 */
export async function saveBaseline(
  targetDir: string,
  name: string,
  profile: ProfileDocument,
): Promise<string> {
  const file = baselineFile(targetDir, name);
  await mkdir(dirname(file), { recursive: true });
  const previous = await earlierBaseline(file, profile);
  // Write then rename, so an interrupted save never leaves a truncated baseline behind.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, serialiseProfileDocument(withHistory(profile, previous)));
  await rename(partial, file);
  return file;
}

/** The baseline a save replaces, if it is one whose counts compare with `profile`'s. */
async function earlierBaseline(
  file: string,
  profile: ProfileDocument,
): Promise<ProfileDocument | undefined> {
  let previous: ProfileDocument;
  try {
    previous = parseProfileDocument(await readFile(file, 'utf8'), file);
  } catch (error) {
    // A missing or unreadable baseline is replaced, as it always was: there is no history to keep.
    if (error instanceof CorruptFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  const comparable = fingerprintHash(previous.fingerprint) === fingerprintHash(profile.fingerprint);
  return comparable ? previous : undefined;
}

/** Loads baseline `name`; an InputError listing the saved baselines when there is none by that name. */
export async function loadBaseline(targetDir: string, name: string): Promise<ProfileDocument> {
  const file = baselineFile(targetDir, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const saved = await savedBaselines(targetDir);
    throw new InputError(
      `there is no baseline named '${name}' (no ${file}).`,
      saved.length === 0
        ? `No baseline has been saved yet: save one with \`--save-baseline ${name}\`.`
        : `Saved baselines: ${saved.join(', ')}. Save a new one with \`--save-baseline ${name}\`.`,
    );
  }
  return parseProfileDocument(text, file);
}

/** The names of the baselines saved under `targetDir`, sorted. */
async function savedBaselines(targetDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(baselinesDir(targetDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => BASELINE_NAME.test(entry) && existsSync(baselineFile(targetDir, entry)))
    .sort();
}
