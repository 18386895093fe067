#!/usr/bin/env node
import { createRequire as __rustPerfCreateRequire } from 'node:module';
const require = __rustPerfCreateRequire(import.meta.url);

// src/errors.ts
var UserError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
    this.name = new.target.name;
  }
  hint;
};
function describeError(error) {
  if (error instanceof UserError) {
    return error.hint ? `${error.message}
${error.hint}` : error.message;
  }
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

// package.json
var package_default = {
  name: "rust-perf-action",
  version: "0.1.0",
  description: "Catch performance regressions in Rust projects: per-function Cachegrind instruction counts, compared on every pull request.",
  license: "MIT",
  type: "module",
  private: true,
  engines: {
    node: ">=20"
  },
  bin: {
    "rust-perf": "dist/cli.js"
  },
  files: [
    "dist",
    "action.yml"
  ],
  scripts: {
    bundle: "node scripts/bundle.mjs",
    typecheck: "tsc --noEmit",
    lint: "biome ci .",
    format: "biome check --write .",
    "check-dist": "node scripts/check-dist.mjs",
    vitest: "vitest run",
    test: "npm run typecheck && npm run lint && npm run check-dist && vitest run",
    demo: "node dist/cli.js run --manifest-path examples/textbench/Cargo.toml --demo",
    bench: "node scripts/bench.mjs"
  },
  devDependencies: {
    "@biomejs/biome": "^2.6.8",
    "@types/node": "^20.19.43",
    esbuild: "^0.28.2",
    typescript: "^6.0.3",
    vitest: "^4.1.12"
  },
  dependencies: {
    "@actions/artifact": "^6.2.1",
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5"
  }
};

// src/version.ts
var TOOL_VERSION = package_default.version;
var TOOL_NAME = `rust-perf ${TOOL_VERSION}`;

// src/cli/compare-command.ts
var compareCommand = {
  name: "compare",
  summary: "(not yet available)",
  help: "rust-perf compare: not yet available\n",
  async run() {
    return 2;
  }
};

// src/cli/measure-command.ts
var measureCommand = {
  name: "measure",
  summary: "(not yet available)",
  help: "rust-perf measure: not yet available\n",
  async run() {
    return 2;
  }
};

// src/cli/parse-command.ts
var parseCommand = {
  name: "parse",
  summary: "(not yet available)",
  help: "rust-perf parse: not yet available\n",
  async run() {
    return 2;
  }
};

// src/cli/run-command.ts
var runCommand = {
  name: "run",
  summary: "(not yet available)",
  help: "rust-perf run: not yet available\n",
  async run() {
    return 2;
  }
};

// src/cli/main.ts
var commands = [measureCommand, compareCommand, runCommand, parseCommand];
var topLevelHelp = `rust-perf: per-function instruction counts for Rust benchmarks, compared.

Usage: rust-perf <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`).join("\n")}

Run \`rust-perf <command> --help\` for a command's options.

Exit status: 0 success, 1 a regression with --fail-on-regression,
2 a usage or input error, 3 a failed build, benchmark or missing tool,
70 an internal error (please report it).
`;
async function main(argv, context) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    context.stdout(topLevelHelp);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    context.stdout(`rust-perf ${TOOL_VERSION}
`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    context.log.info(`rust-perf: unknown command '${name}'. Run \`rust-perf --help\`.`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    context.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    context.log.info(`rust-perf ${name}: ${describeError(error)}`);
    return error instanceof UserError ? error.exitCode : 70;
  }
}

// src/system/logger.ts
function lineLogger(write) {
  return {
    info: (message) => write(`${message}
`),
    warn: (message) => write(`warning: ${message}
`),
    async group(title, work) {
      write(`${title}
`);
      return work();
    }
  };
}

// src/cli.ts
var controller = new AbortController();
process.once("SIGINT", () => {
  controller.abort();
  process.once("SIGINT", () => process.exit(130));
});
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  log: lineLogger((text) => process.stderr.write(text)),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal
});
