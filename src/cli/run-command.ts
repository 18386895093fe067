import type { Command } from './command.js';

// Placeholder until the command lands.
export const runCommand: Command = {
  name: 'run',
  summary: '(not yet available)',
  help: 'rust-perf run: not yet available\n',
  async run() {
    return 2;
  },
};
