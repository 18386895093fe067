import type { Command } from './command.js';

// Placeholder until the command lands.
export const compareCommand: Command = {
  name: 'compare',
  summary: '(not yet available)',
  help: 'rust-perf compare: not yet available\n',
  async run() {
    return 2;
  },
};
