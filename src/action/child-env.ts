/**
 * The environment handed to cargo, git and the benchmarks: the runner's, without the action's
 * inputs and credentials. Benchmarks and build scripts are the pull request's code; they must
 * never see the token, even where the measuring layer would clear the environment anyway.
 */

/** Credentials the runner gives every action; the cache and artifact clients read them here. */
const RUNNER_CREDENTIALS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
];

export function childEnvironment(env: NodeJS.ProcessEnv, token: string): Record<string, string> {
  const child: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    // INPUT_GITHUB-TOKEN among them; a copy of the token under another name goes too.
    if (name.startsWith('INPUT_') || RUNNER_CREDENTIALS.includes(name)) continue;
    if (token !== '' && value.includes(token)) continue;
    child[name] = value;
  }
  return child;
}
