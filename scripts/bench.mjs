// `npm run bench`: bundles the benchmark (scripts/bench/, TypeScript importing src/) with
// esbuild into a scratch folder and runs it. See docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = mkdtempSync(join(tmpdir(), 'rust-perf-bench-build-'));
const removeOutdir = () => rmSync(outdir, { recursive: true, force: true });
process.on('SIGINT', () => {
  removeOutdir();
  process.exit(130);
});
try {
  await build({
    // Named: the parse worker (src/measure/parse-pool.ts) must sit next to the bundle that starts it.
    entryPoints: {
      main: join(repoRoot, 'scripts/bench/main.ts'),
      worker: join(repoRoot, 'scripts/bench/worker.ts'),
      'parse-worker': join(repoRoot, 'src/measure/parse-worker.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // As in scripts/bundle.mjs: bundled CommonJS dependencies need a `require`.
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const { runBench } = await import(pathToFileURL(join(outdir, 'main.js')).href);
  process.exitCode = await runBench({
    workerPath: join(outdir, 'worker.js'),
    repoRoot,
    argv: process.argv.slice(2),
  });
} finally {
  removeOutdir();
}
