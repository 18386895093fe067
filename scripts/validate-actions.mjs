// Validates action.yml and every workflow against the GitHub Actions schemas.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const validator = createRequire(import.meta.url).resolve('@action-validator/cli/cli.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'rust-perf-validate-'));

/** The validator's schema predates the node24 runtime; check the rest of the file as node20. */
function withKnownRuntime(file) {
  const text = readFileSync(file, 'utf8');
  if (!/^\s+using:\s*['"]?node24['"]?\s*$/m.test(text)) return file;
  const copy = join(scratch, file.replaceAll('/', '_'));
  writeFileSync(copy, text.replace(/^(\s+using:\s*['"]?)node24/m, '$1node20'));
  return copy;
}

const files = [
  'action.yml',
  ...readdirSync('.github/workflows')
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `.github/workflows/${name}`),
];
let failed = 0;
try {
  for (const file of files) {
    try {
      execFileSync(process.execPath, [validator, withKnownRuntime(file)], { stdio: 'inherit' });
    } catch {
      console.error(`${file}: does not match its schema (see above)`);
      failed += 1;
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed > 0) process.exit(1);
console.log(`${files.length} action and workflow files match their schemas.`);
