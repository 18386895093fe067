// The action's entry point (action.yml runs the bundle of this file).
import { run } from './action/main.js';
import { productionDeps } from './action/production.js';

const controller = new AbortController();
// A cancelled job gets SIGINT, then SIGTERM: either way, stop and remove temporary worktrees.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort());
}

await run(productionDeps(controller.signal));
