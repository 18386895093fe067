/**
 * Runs the bundled action (dist/index.js) the way the GitHub runner does: a node child process
 * whose inputs arrive as INPUT_<NAME> variables (upper-cased, hyphens kept) with action.yml's
 * defaults filled in, the event payload in a file named by GITHUB_EVENT_PATH, and outputs and
 * the job summary written to the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

// GitHub runs the action on Node 24 (`using: node24`); CI points this at a Node 24 binary.
const ACTION_NODE = process.env.RUST_PERF_ACTION_NODE || process.execPath;

const ACTION_YML = new URL('../../action.yml', import.meta.url);
const BUNDLE = new URL('../../dist/index.js', import.meta.url);

interface ActionMetadata {
  inputs: Record<string, { default?: string }>;
}

/**
 * Every input with its default from action.yml, as the runner fills them in. Expressions such
 * as `${{ github.token }}` are left for the caller to replace.
 */
export function actionInputDefaults(): Record<string, string> {
  const metadata = parse(readFileSync(ACTION_YML, 'utf8')) as ActionMetadata;
  return Object.fromEntries(
    Object.entries(metadata.inputs).map(([name, input]) => [name, input.default ?? '']),
  );
}

export interface ActionRun {
  /** Inputs by their action.yml names; the rest take their defaults. */
  inputs: Record<string, string>;
  eventName: string;
  payload: unknown;
  /** GITHUB_* and other variables: GITHUB_SHA, GITHUB_WORKSPACE, GITHUB_API_URL, ... */
  env: Record<string, string>;
}

export interface ActionResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::warning::` and `::error::` workflow commands, without the prefix. */
  warnings: string[];
  errors: string[];
}

export async function runAction(run: ActionRun): Promise<ActionResult> {
  const files = await mkdtemp(join(run.env.RUNNER_TEMP ?? '/tmp', 'runner-files-'));
  const eventPath = join(files, 'event.json');
  const outputPath = join(files, 'output');
  const summaryPath = join(files, 'summary.md');
  await writeFile(eventPath, JSON.stringify(run.payload));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');

  const inputs = { ...actionInputDefaults(), ...run.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...run.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: run.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
  };
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const child = spawn(ACTION_NODE, [BUNDLE.pathname], {
    cwd: run.env.GITHUB_WORKSPACE ?? process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });

  const commands = (kind: string) =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith(`::${kind}`))
      .map((line) => line.slice(line.indexOf('::', 2) + 2));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
    warnings: commands('warning'),
    errors: commands('error'),
  };
}

/** Reads the `name<<DELIMITER\nvalue\nDELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) {
    outputs[match[1]!] = match[3]!;
  }
  return outputs;
}
