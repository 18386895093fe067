/** Whether a run may save its profile as a baseline for later pull requests. */
import type { SaveBaselineSetting } from '../inputs/settings.js';

interface SaveDecision {
  save: boolean;
  /** Why, in words for the log. */
  reason: string;
}

/**
 * Whether this run may save its profile as a baseline. Never from pull-request events: their
 * code is untrusted, and `pull_request_target` runs in the base branch's cache scope, so a saved
 * entry would poison every later comparison.
 */
export function maySaveBaseline(event: {
  eventName: string;
  /** `refs/heads/<branch>` on pushes. */
  ref: string;
  defaultBranch: string;
  setting: SaveBaselineSetting;
}): SaveDecision {
  const { eventName, ref, defaultBranch, setting } = event;
  if (setting === 'false') return { save: false, reason: 'save-baseline is false' };
  if (eventName.startsWith('pull_request')) {
    return {
      save: false,
      reason: `baselines are never saved from ${eventName} events: pull-request code could poison the cache`,
    };
  }
  if (setting === 'true')
    return { save: true, reason: `save-baseline is true (${eventName} event)` };
  if (eventName !== 'push') {
    return {
      save: false,
      reason: `save-baseline: auto saves only on pushes to the default branch, not on ${eventName} events`,
    };
  }
  if (ref !== `refs/heads/${defaultBranch}`) {
    return {
      save: false,
      reason: `save-baseline: auto saves only on pushes to the default branch ${defaultBranch}, not to ${ref}`,
    };
  }
  return { save: true, reason: `push to the default branch ${defaultBranch}` };
}
