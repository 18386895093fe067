import type { Command } from './command.js';

// Placeholder until the command lands.
export const parseCommand: Command = {
  name: 'parse',
  summary: '(not yet available)',
  help: 'rust-perf parse: not yet available\n',
  async run() {
    return 2;
  },
};
