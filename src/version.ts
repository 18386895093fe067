import packageJson from '../package.json' with { type: 'json' };

export const TOOL_VERSION: string = packageJson.version;
export const TOOL_NAME = `rust-perf ${TOOL_VERSION}`;
