/**
 * `rust-perf merge` on the JSON reports of shards: the report one comparison of the whole suite
 * prints, in the format asked for; a file that is not a shard's report, or a mix of reports and
 * profiles, refused with a message that names it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseProfileDocument, serialiseProfileDocument } from '../../src/profile/document.js';
import { profileShare } from '../../src/profile/merge.js';
import type { ProfileDocument } from '../../src/profile/profile.js';
import { shardAssignment } from '../../src/profile/shard-assignment.js';
import { runCli } from '../support/cli.js';

const fixture = async (name: string): Promise<ProfileDocument> => {
  const profile = parseProfileDocument(
    await readFile(new URL(`../fixtures/profiles/${name}`, import.meta.url), 'utf8'),
    name,
  );
  return {
    ...profile,
    benchmarks: profile.benchmarks.toSorted((a, b) => (a.name < b.name ? -1 : 1)),
  };
};

const HINT =
  '\nMerge the shards of one run, measured with one rust-perf version and one set of inputs.';
let dir: string;
const run = (...args: string[]) => runCli(args, { cwd: dir });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rust-perf-merge-reports-'));
  const base = await fixture('textbench-base.json');
  const head = await fixture('textbench-head.json');
  await writeFile(join(dir, 'base.json'), serialiseProfileDocument(base));
  await writeFile(join(dir, 'head.json'), serialiseProfileDocument(head));
  const shardOf = shardAssignment(2);
  for (const index of [1, 2]) {
    const spec = { index, count: 2 };
    for (const [side, profile] of [
      ['base', base],
      ['head', head],
    ] as const) {
      const share = profileShare(profile, spec, shardOf);
      await writeFile(join(dir, `${side}-${index}.json`), serialiseProfileDocument(share));
    }
    const compared = await run(
      'compare',
      `base-${index}.json`,
      `head-${index}.json`,
      '--format',
      'json',
    );
    expect(compared.exitCode, compared.log.join('\n')).toBe(0);
    await writeFile(join(dir, `report-${index}.json`), compared.stdout);
  }
});

describe('rust-perf merge with reports', () => {
  it('prints the report of the whole comparison, in each format', async () => {
    for (const format of ['json', 'text', 'markdown', 'comment']) {
      const whole = await run('compare', 'base.json', 'head.json', '--format', format);
      const merged = await run('merge', '--format', format, 'report-2.json', 'report-1.json');
      expect(merged.exitCode, merged.log.join('\n')).toBe(0);
      expect(merged.stdout).toBe(whole.stdout);
    }
  });

  it('writes the merged JSON report with --out', async () => {
    const whole = await run('compare', 'base.json', 'head.json', '--format', 'json');
    const merged = await run('merge', '--out', 'merged.json', 'report-1.json', 'report-2.json');
    expect(merged.exitCode).toBe(0);
    expect(await readFile(join(dir, 'merged.json'), 'utf8')).toBe(whole.stdout);
  });

  it('names a missing shard', async () => {
    const merged = await run('merge', 'report-2.json');
    expect(merged.exitCode).toBe(2);
    expect(merged.log).toContain(
      'rust-perf merge: shard 1/2 is missing: a merge of 2 shards needs every one',
    );
  });

  it('refuses a report given twice under two names, naming both', async () => {
    await writeFile(join(dir, 'again.json'), await readFile(join(dir, 'report-1.json')));
    const merged = await run('merge', 'report-1.json', 'again.json', 'report-2.json');
    expect(merged.exitCode).toBe(2);
    expect(merged.log[0]).toBe(
      `rust-perf merge: cannot merge again.json: it is shard 1/2, as is report-1.json${HINT}`,
    );
  });

  it('refuses a shard of another base', async () => {
    const report = JSON.parse(await readFile(join(dir, 'report-2.json'), 'utf8'));
    report.base.commit = 'c0ffee00'.repeat(5);
    await writeFile(join(dir, 'other-base.json'), JSON.stringify(report));
    const merged = await run('merge', 'report-1.json', 'other-base.json');
    expect(merged.exitCode).toBe(2);
    expect(merged.log[0]).toBe(
      `rust-perf merge: cannot merge other-base.json: it has another base (commit or conditions) than report-1.json${HINT}`,
    );
  });

  it('refuses a report of another version, and a file that is not JSON, naming them', async () => {
    const report = JSON.parse(await readFile(join(dir, 'report-2.json'), 'utf8'));
    await writeFile(join(dir, 'v1.json'), JSON.stringify({ ...report, version: 1 }));
    await writeFile(join(dir, 'garbage.json'), 'regressed: yes\n\u0000');
    const old = await run('merge', 'report-1.json', 'v1.json');
    expect(old.exitCode).toBe(2);
    expect(old.log[0]).toBe(
      'rust-perf merge: v1.json: version must be 2 (got 1); this is not a comparison report written by rust-perf',
    );
    const garbage = await run('merge', 'report-1.json', 'garbage.json');
    expect(garbage.exitCode).toBe(2);
    expect(garbage.log[0]).toMatch(/^rust-perf merge: garbage\.json: is not valid JSON \(/);
  });

  it('refuses profiles and reports together', async () => {
    const merged = await run('merge', '--out', 'x.json', 'head-1.json', 'report-2.json');
    expect(merged.exitCode).toBe(2);
    expect(merged.log[0]).toBe(
      'rust-perf merge: cannot merge profiles with comparison reports: head-1.json is a profile, report-2.json a report\n' +
        'Merge the profile.json files of the shards, or their JSON reports, not both.',
    );
  });
});
