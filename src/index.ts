// The action's entry point (action.yml runs the bundle of this file).
import { runAction } from './action/main.js';
import { productionDeps } from './action/production.js';

const controller = new AbortController();
// A cancelled job gets SIGINT, then SIGTERM: either way, stop and remove temporary worktrees.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort());
}

await runAction(productionDeps(controller.signal));
