// Validates action.yml and every workflow against the GitHub Actions schemas.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const validator = createRequire(import.meta.url).resolve('@action-validator/cli/cli.mjs');
const files = [
  'action.yml',
  ...readdirSync('.github/workflows')
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `.github/workflows/${name}`),
];
let failed = 0;
for (const file of files) {
  try {
    execFileSync(process.execPath, [validator, file], { stdio: 'inherit' });
  } catch {
    console.error(`${file}: does not match its schema (see above)`);
    failed += 1;
  }
}
if (failed > 0) process.exit(1);
console.log(`${files.length} action and workflow files match their schemas.`);
