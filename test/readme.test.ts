/**
 * The README against the code it describes, so that the two cannot drift apart: the action's
 * inputs and outputs as action.yml declares them, the commands and options as the CLI parses
 * them, every `rust-perf` example line as a command line the CLI accepts, and the Node.js
 * version as package.json and the locked dependencies require it. The quick start's sample
 * output is checked against a real run in test/compare/textbench.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareOptions } from '../src/cli/compare-command.js';
import { commands } from '../src/cli/main.js';
import { measureOptions } from '../src/cli/measure-command.js';
import { splitCommandLine } from '../src/inputs/command-line.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const action = parse(read('action.yml')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

/** The text between `<!-- section: NAME -->` and its end marker. */
function section(name: string): string {
  const start = readme.indexOf(`<!-- section: ${name} -->`);
  const end = readme.indexOf(`<!-- /section: ${name} -->`);
  if (start === -1 || end < start) throw new Error(`README has no section '${name}'`);
  return readme.slice(start, end);
}

/** The cells of the Markdown table that follows `heading` in `text`, header and rule left out. */
function tableAfter(text: string, heading: string): string[][] {
  const from = text.indexOf(heading);
  if (from === -1) throw new Error(`no '${heading}' in the README`);
  const rows: string[][] = [];
  for (const line of text
    .slice(from + heading.length)
    .split('\n')
    .slice(2)) {
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2);
}

describe('the README on the action', () => {
  const actionSection = section('action');

  it('lists every input of action.yml, in its order, with its default', () => {
    const rows = tableAfter(actionSection, '### Inputs');
    expect(rows.map(([name]) => name)).toEqual(
      Object.keys(action.inputs).map((name) => `\`${name}\``),
    );
    for (const [name, readmeDefault] of rows) {
      const declared = action.inputs[name!.slice(1, -1)]!.default ?? '';
      // An empty default is described in words (all, none, detected); any other is quoted.
      if (declared === '') expect(readmeDefault, name).toMatch(/^[a-z]+$/);
      else expect(readmeDefault, name).toBe(`\`${declared}\``);
    }
  });

  it('lists every output of action.yml, in its order', () => {
    const rows = tableAfter(actionSection, '### Outputs');
    expect(rows.map(([name]) => name).sort()).toEqual(
      Object.keys(action.outputs)
        .map((name) => `\`${name}\``)
        .sort(),
    );
  });
});

describe('the README on the rust-perf command', () => {
  const local = section('local');

  it('lists the commands there are', () => {
    const rows = tableAfter(local, '### Commands');
    expect(rows.map(([command]) => /^`rust-perf (\w+)/.exec(command!)?.[1])).toEqual(
      commands.map((command) => command.name),
    );
  });

  it('names exactly the options of measure and compare that rust-perf run takes', () => {
    const listed = (command: string) => {
      const list = new RegExp(`\`${command}\`\\s*\\(([^)]*)\\)`).exec(local)?.[1];
      if (list === undefined) throw new Error(`no list of ${command}'s options`);
      return [...list.matchAll(/`--([a-z-]+)`/g)].map((match) => match[1]);
    };
    expect(listed('measure')).toEqual(Object.keys(measureOptions));
    expect(listed('compare')).toEqual(Object.keys(compareOptions));
  });

  it('shows only command lines whose options the command has', () => {
    const shellBlocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
    const lines = shellBlocks
      .flatMap((block) => block.split('\n'))
      .filter((line) => line.startsWith('rust-perf '));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const [name, ...args] = splitCommandLine(line.replace(/^.*?rust-perf /, '').trim());
      const command = commands.find((candidate) => candidate.name === name);
      expect(command, line).toBeDefined();
      for (const arg of args.filter((word) => word.startsWith('--'))) {
        const option = arg.replace(/=.*$/, '');
        expect(command!.help, `${line}: ${option}`).toMatch(
          new RegExp(`(^|\\s)${option}(\\s|=|$)`, 'm'),
        );
      }
    }
  });
});

describe('the README on Node.js', () => {
  const manifest = JSON.parse(read('package.json')) as {
    engines: { node: string };
    dependencies?: unknown;
  };

  it('asks for the Node.js version package.json declares', () => {
    expect(manifest.engines.node).toBe('>=20');
    expect(section('quick-start')).toContain('Node.js 20 or later');
    expect(section('local')).toContain('Node.js 20+');
  });

  it('locks no package that needs a newer Node.js (npm ci would warn EBADENGINE)', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const newer = Object.entries(lock.packages)
      .filter(([, entry]) => /^>=?\s*(2[1-9]|[3-9]\d)/.test(entry.engines?.node ?? ''))
      .map(([path, entry]) => `${path} ${entry.engines!.node}`);
    expect(newer).toEqual([]);
  });
});
