import type { Command } from './command.js';

// Placeholder until the command lands.
export const measureCommand: Command = {
  name: 'measure',
  summary: '(not yet available)',
  help: 'rust-perf measure: not yet available\n',
  async run() {
    return 2;
  },
};
