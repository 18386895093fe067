import { main } from './cli/main.js';
import { lineLogger } from './system/logger.js';

const controller = new AbortController();
// First Ctrl-C: let running steps clean up (temporary worktrees) and exit; a second one kills.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  log: lineLogger((text) => process.stderr.write(text)),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
