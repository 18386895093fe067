/** Whether a run may save its profile as a baseline for later pull requests. */
import type { SaveBaselineSetting } from '../inputs/settings.js';

export interface SaveDecision {
  save: boolean;
  /** Why, in words for the log. */
  reason: string;
}

/**
 * The events whose checkout is the repository's own code at `GITHUB_SHA`, the commit a baseline
 * is saved under. Others either run pull-request code (`pull_request`, `pull_request_target`,
 * whose saved entry would poison every later comparison) or check out something else than
 * `GITHUB_SHA` (`issue_comment`, `workflow_run`: the default branch's head, while a workflow may
 * check out a pull request).
 */
export const BASELINE_EVENTS = ['push', 'schedule', 'workflow_dispatch'];

/**
 * Whether this run may save its profile as a baseline: `auto` on pushes to the default branch,
 * `true` on any of BASELINE_EVENTS, never otherwise. The caller checks besides that the
 * checkout is `GITHUB_SHA`.
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
  if (!BASELINE_EVENTS.includes(eventName)) {
    return {
      save: false,
      reason: `baselines are saved only from ${BASELINE_EVENTS.join(', ')} events, whose checkout is the commit they are saved under, not from ${eventName} events`,
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
