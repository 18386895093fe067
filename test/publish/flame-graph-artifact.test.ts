import { describe, expect, it } from 'vitest';
import { artifactUrl, flameGraphArtifactName } from '../../src/publish/flame-graph-artifact.js';

describe('the name of the flame graph artifact', () => {
  it('is the cache-key-prefix and the job, so that two jobs of one run do not collide', () => {
    const owner = { prefix: 'rust-perf', job: 'bench', workingDirectory: '.' };
    expect(flameGraphArtifactName(owner)).toBe('rust-perf-bench-flamegraphs');
    expect(flameGraphArtifactName({ ...owner, job: 'bench-nightly' })).toBe(
      'rust-perf-bench-nightly-flamegraphs',
    );
  });

  it('carries the working directory when it is not the workspace, as the sticky comment does', () => {
    const owner = { prefix: 'perf', job: 'bench', workingDirectory: 'crates/engine' };
    expect(flameGraphArtifactName(owner)).toBe('perf-bench-crates_engine-flamegraphs');
  });

  it('replaces what an artifact name may not hold', () => {
    const owner = { prefix: 'a:b', job: 'job', workingDirectory: 'x\\y/<z>|*?"\r\n' };
    expect(flameGraphArtifactName(owner)).toBe('a_b-job-x_y_z_-flamegraphs');
  });

  it('leaves out an unknown job rather than writing an empty part', () => {
    expect(flameGraphArtifactName({ prefix: 'rust-perf', job: '', workingDirectory: '.' })).toBe(
      'rust-perf-flamegraphs',
    );
  });
});

describe('the URL of an artifact', () => {
  it("is the run's artifact page on the server", () => {
    const run = { serverUrl: 'https://github.com', owner: 'octo', repo: 'engine', runId: 31337 };
    expect(artifactUrl(run, 4242)).toBe(
      'https://github.com/octo/engine/actions/runs/31337/artifacts/4242',
    );
  });
});
