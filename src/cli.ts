import { main, takeDebugFlag } from './cli/main.js';
import { lineLogger } from './system/logger.js';

const controller = new AbortController();
// First Ctrl-C: let running steps clean up (temporary worktrees) and exit; a second one kills.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

const { debug, args } = takeDebugFlag(process.argv.slice(2));
process.exitCode = await main(args, {
  stdout: (text) => process.stdout.write(text),
  log: lineLogger((text) => process.stderr.write(text), { debug }),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
