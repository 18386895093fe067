// Bundles the two entry points into self-contained ESM files under dist/.
// The banner gives bundled CommonJS dependencies a `require` for Node's built-ins.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// check-dist.mjs bundles into a scratch folder to compare with the committed dist/.
const outdir = process.env.RUST_PERF_DIST_DIR ?? 'dist';

const banner = [
  "import { createRequire as __rustPerfCreateRequire } from 'node:module';",
  'const require = __rustPerfCreateRequire(import.meta.url);',
].join('\n');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: banner },
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: join(outdir, 'index.js') });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: join(outdir, 'cli.js'),
  banner: { js: `#!/usr/bin/env node\n${banner}` },
});
chmodSync(join(outdir, 'cli.js'), 0o755);
