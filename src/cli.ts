import { main, takeDebugFlag } from './cli/main.js';
import { lineLogger } from './system/logger.js';

const controller = new AbortController();
// First Ctrl-C: let running steps clean up (temporary worktrees) and exit; a second one kills.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

// A reader that stopped reading (`rust-perf parse FILE | head`) is no failure: stop quietly,
// as a shell user expects, after the steps under way have cleaned up; never exit 1, which
// means a regression.
let outputClosed = false;
const onOutputError = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  outputClosed = true;
  process.exitCode = 0;
  controller.abort();
};
process.stdout.on('error', onOutputError);
process.stderr.on('error', onOutputError);
const writeTo = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!outputClosed) stream.write(text);
};

const { debug, args } = takeDebugFlag(process.argv.slice(2));
const exitCode = await main(args, {
  stdout: writeTo(process.stdout),
  log: lineLogger(writeTo(process.stderr), { debug }),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
process.exitCode = outputClosed ? 0 : exitCode;
