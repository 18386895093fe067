// Fails when dist/ is not exactly what `npm run bundle` makes from src/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'rust-perf-dist-'));
try {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, RUST_PERF_DIST_DIR: scratch },
  });
  const committed = readdirSync('dist').sort();
  const fresh = readdirSync(scratch).sort();
  const stale = [...new Set([...committed, ...fresh])].filter(
    (name) =>
      !committed.includes(name) ||
      !fresh.includes(name) ||
      !readFileSync(join('dist', name)).equals(readFileSync(join(scratch, name))),
  );
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(', ')}): run \`npm run bundle\` and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ matches src/.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
