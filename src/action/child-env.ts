/**
 * The environment handed to cargo, git and the benchmarks: the runner's, without the action's
 * inputs, credentials and command files. Benchmarks and build scripts are the pull request's
 * code; they must never see the token, even where the measuring layer would clear the
 * environment anyway, nor be handed the files through which a step sets outputs, environment
 * variables and the job summary. (They run as the runner's user all the same: see "What the
 * token is protected from" in the README for what that leaves open.)
 */

/** Credentials the runner gives every action; the cache and artifact clients read them here. */
const RUNNER_CREDENTIALS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
];

/** The runner's command files: outputs, state, environment and PATH of later steps, the summary. */
const RUNNER_COMMAND_FILES = [
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STEP_SUMMARY',
];

export function childEnvironment(env: NodeJS.ProcessEnv, token: string): Record<string, string> {
  const child: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    // INPUT_GITHUB-TOKEN among them; a copy of the token under another name goes too.
    if (name.startsWith('INPUT_') || RUNNER_CREDENTIALS.includes(name)) continue;
    if (RUNNER_COMMAND_FILES.includes(name)) continue;
    if (token !== '' && value.includes(token)) continue;
    child[name] = value;
  }
  return child;
}
