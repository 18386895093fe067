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
var InputError = class extends UserError {
  exitCode = 2;
};
var CorruptFileError = class extends InputError {
  constructor(file, lineNumber, reason, hint) {
    super(`${file}${lineNumber === void 0 ? "" : `:${lineNumber}`}: ${reason}`, hint);
    this.file = file;
    this.lineNumber = lineNumber;
    this.reason = reason;
  }
  file;
  lineNumber;
  reason;
};
var EnvironmentError = class extends UserError {
  exitCode = 3;
};
var BuildError = class extends UserError {
  exitCode = 3;
};
var BenchmarkError = class extends UserError {
  exitCode = 3;
};
var GitError = class extends InputError {
};
function describeError(error) {
  if (error instanceof UserError) {
    return error.hint ? `${error.message}
${error.hint}` : error.message;
  }
  if (error instanceof Error) return error.message;
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
    test: "npm run typecheck && npm run lint && npm run validate-actions && npm run check-dist && vitest run",
    demo: "node dist/cli.js run --manifest-path examples/textbench/Cargo.toml --head-cargo-args='--features slow'",
    bench: "node scripts/bench.mjs",
    "validate-actions": "node scripts/validate-actions.mjs"
  },
  devDependencies: {
    "@action-validator/cli": "^0.6.0",
    "@action-validator/core": "^0.6.0",
    "@actions/artifact": "^6.2.1",
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@biomejs/biome": "^2.6.8",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@types/node": "^20.19.43",
    esbuild: "^0.28.2",
    typescript: "^6.0.3",
    vitest: "^4.1.12",
    yaml: "^2.9.1"
  },
  overrides: {
    "content-type": "^2.1.0"
  }
};

// src/version.ts
var TOOL_VERSION = package_default.version;
var TOOL_NAME = `rust-perf ${TOOL_VERSION}`;

// src/cli/compare-command.ts
import { resolve } from "node:path";

// src/profile/profile.ts
var PROFILE_VERSION = 2;
var EVENT_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
function siteKey(site) {
  return `${site.function} (${site.file}:${site.line})`;
}
function wholeProgram(name) {
  return { name, target: name, harness: "plain" };
}
var MANGLINGS = ["v0", "legacy"];
var FINGERPRINT_FIELDS = [
  "valgrind",
  "rustc",
  "target",
  "rustflags",
  "mangling",
  "runs"
];
var COMPARABLE_FINGERPRINT_FIELDS = [
  "valgrind",
  "rustc",
  "target",
  "rustflags",
  "mangling"
];

// src/system/text-order.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/compare/change.ts
var FRACTION_SCALE = 1000000000000n;
function benchmarkStatus(base, head, threshold) {
  if (base === null) return "added";
  if (head === null) return "removed";
  const delta = head - base;
  if (exceedsFraction(delta, base, threshold)) return "regressed";
  if (exceedsFraction(-delta, base, threshold)) return "improved";
  return "unchanged";
}
function exceedsFraction(amount, whole, fraction) {
  return BigInt(amount) * FRACTION_SCALE > scaledFraction(fraction) * BigInt(whole);
}
function reachesFraction(amount, whole, fraction) {
  return BigInt(amount) * FRACTION_SCALE >= scaledFraction(fraction) * BigInt(whole);
}
function scaledFraction(fraction) {
  return BigInt(Math.round(fraction * Number(FRACTION_SCALE)));
}
function percentChange(base, head) {
  if (base === null || head === null || base === 0) return null;
  return Math.round((head - base) / base * 1e6) / 1e4;
}

// src/compare/allocations.ts
function compareAllocations(base, head, threshold) {
  if (base === void 0 && head === void 0) return void 0;
  if (base !== void 0 && base.allocations === void 0) return void 0;
  if (head !== void 0 && head.allocations === void 0) return void 0;
  const before = base?.allocations;
  const after = head?.allocations;
  const baseCount = before === void 0 ? null : before.allocations;
  const headCount = after === void 0 ? null : after.allocations;
  return {
    status: benchmarkStatus(baseCount, headCount, threshold),
    base: before === void 0 ? null : totals(before),
    head: after === void 0 ? null : totals(after),
    change: percentChange(baseCount, headCount),
    sites: siteChanges(before?.sites ?? [], after?.sites ?? [])
  };
}
function totals(profile) {
  return { allocations: profile.allocations, bytes: profile.bytes, peakBytes: profile.peakBytes };
}
var NONE = { allocations: 0, bytes: 0 };
function siteChanges(base, head) {
  const pairs = /* @__PURE__ */ new Map();
  for (const site of base) pairs.set(siteKey(site), { base: site });
  const unmatchedHead = [];
  for (const site of head) {
    const pair = pairs.get(siteKey(site));
    if (pair === void 0) unmatchedHead.push(site);
    else pair.head = site;
  }
  const unmatchedBase = [...pairs.values()].filter((pair) => pair.head === void 0);
  const changes = [];
  for (const site of unmatchedHead) {
    const moved = unmatchedBase.find(
      (pair) => pair.base !== void 0 && pair.base.function === site.function && pair.base.file === site.file && pair.base.allocations === site.allocations && pair.base.bytes === site.bytes
    );
    if (moved === void 0) changes.push(siteChange(void 0, site));
    else moved.head = site;
  }
  for (const pair of pairs.values()) changes.push(siteChange(pair.base, pair.head));
  return changes.filter(changed).sort(byMagnitude);
}
function changed(change) {
  return change.base.allocations !== change.head.allocations || change.base.bytes !== change.head.bytes;
}
function siteChange(base, head) {
  const located = head ?? base;
  return {
    function: located.function,
    file: located.file,
    line: located.line,
    base: base === void 0 ? NONE : { allocations: base.allocations, bytes: base.bytes },
    head: head === void 0 ? NONE : { allocations: head.allocations, bytes: head.bytes }
  };
}
function byMagnitude(a, b) {
  const count = (change) => Math.abs(change.head.allocations - change.base.allocations);
  const bytes = (change) => Math.abs(change.head.bytes - change.base.bytes);
  return count(b) - count(a) || bytes(b) - bytes(a) || compareText(a.function, b.function) || compareText(a.file, b.file) || a.line - b.line;
}

// src/compare/comparison.ts
var COMPARISON_VERSION = 2;
var BENCHMARK_STATUSES = [
  "regressed",
  "improved",
  "unchanged",
  "added",
  "removed"
];
var FUNCTION_STATUSES = [...BENCHMARK_STATUSES, "noisy"];

// src/compare/compare.ts
var DEFAULT_ALLOCATION_THRESHOLD = 0.01;
var PREFERRED_EVENT = "Ir";
var MOVE_TOLERANCE = 0.05;
function compareProfiles(base, head, options) {
  const event = primaryEvent(base, head);
  const headByName = new Map(head.benchmarks.map((benchmark) => [benchmark.name, benchmark]));
  const baseNames = new Set(base.benchmarks.map((benchmark) => benchmark.name));
  const benchmarks = groupedByTarget([
    ...base.benchmarks.map(
      (benchmark) => compareBenchmark(benchmark, headByName.get(benchmark.name), event, options)
    ),
    ...head.benchmarks.filter((benchmark) => !baseNames.has(benchmark.name)).map((benchmark) => compareBenchmark(void 0, benchmark, event, options))
  ]);
  const comparesAllocations = benchmarks.some((benchmark) => benchmark.allocations !== void 0);
  return {
    version: COMPARISON_VERSION,
    regressed: benchmarks.some(isRegressed),
    event,
    threshold: options.threshold,
    functionThreshold: options.functionThreshold,
    ...comparesAllocations ? { allocationThreshold: allocationThreshold(options) } : {},
    base: profileSide(base),
    head: profileSide(head),
    fingerprintDifferences: fingerprintDifferences(base.fingerprint, head.fingerprint),
    benchmarks
  };
}
function isRegressed(benchmark) {
  return benchmark.status === "regressed" || benchmark.allocations?.status === "regressed";
}
function allocationThreshold(options) {
  return options.allocationThreshold ?? DEFAULT_ALLOCATION_THRESHOLD;
}
function primaryEvent(base, head) {
  const all = [...base.benchmarks, ...head.benchmarks];
  const first = all[0];
  if (!first) return PREFERRED_EVENT;
  const shared = first.events.filter(
    (event) => all.every((benchmark) => benchmark.events.includes(event))
  );
  if (shared.includes(PREFERRED_EVENT)) return PREFERRED_EVENT;
  const fallback = shared[0];
  if (fallback === void 0) {
    throw new InputError(
      "The two profiles have no Cachegrind event in common, so their counts cannot be compared.",
      "Measure both with the same Cachegrind options (rust-perf measure records `Ir`, instructions)."
    );
  }
  return fallback;
}
function profileSide(profile) {
  return profile.commit === void 0 ? { fingerprint: profile.fingerprint } : { commit: profile.commit, fingerprint: profile.fingerprint };
}
var UNKNOWN = "unknown";
function fingerprintDifferences(base, head) {
  if (isRawInput(base) || isRawInput(head)) return [];
  const differences = [];
  for (const field of COMPARABLE_FINGERPRINT_FIELDS) {
    const baseValue = fingerprintValue(base, field);
    const headValue = fingerprintValue(head, field);
    if (baseValue === UNKNOWN || headValue === UNKNOWN || baseValue === headValue) continue;
    differences.push({ field, base: baseValue, head: headValue });
  }
  return differences;
}
function isRawInput(fingerprint) {
  return [fingerprint.valgrind, fingerprint.rustc, fingerprint.target].every(
    (value) => value === UNKNOWN
  );
}
function fingerprintValue(fingerprint, field) {
  const value = fingerprint[field];
  return Array.isArray(value) ? value.join(" ") : value;
}
function groupedByTarget(benchmarks) {
  const byTarget = /* @__PURE__ */ new Map();
  for (const benchmark of benchmarks) {
    const group = byTarget.get(benchmark.target);
    if (group) group.push(benchmark);
    else byTarget.set(benchmark.target, [benchmark]);
  }
  return [...byTarget.values()].flat();
}
function compareBenchmark(base, head, event, options) {
  const { name, target, id, harness } = head ?? base;
  const baseTotal = base ? base.totals[event] ?? 0 : null;
  const headTotal = head ? head.totals[event] ?? 0 : null;
  const status = benchmarkStatus(baseTotal, headTotal, options.threshold);
  const reference = baseTotal ?? headTotal ?? 0;
  const noisy = /* @__PURE__ */ new Set([...base?.nondeterministic ?? [], ...head?.nondeterministic ?? []]);
  const functions = new FunctionPairs(
    functionTable(base?.functions ?? []),
    functionTable(head?.functions ?? []),
    event
  ).changes(noisy, reference, options.functionThreshold);
  if (status === "unchanged") markMoves(functions, reference, options.functionThreshold);
  const allocations = compareAllocations(base, head, allocationThreshold(options));
  return {
    name,
    target,
    ...id === void 0 ? {} : { id },
    harness,
    status,
    base: baseTotal,
    head: headTotal,
    change: percentChange(baseTotal, headTotal),
    otherEvents: otherEvents(base, head, event),
    functions,
    ...allocations === void 0 ? {} : { allocations }
  };
}
function otherEvents(base, head, primary) {
  const events = [...base?.events ?? [], ...head?.events ?? []].filter(
    (event, index, all) => event !== primary && all.indexOf(event) === index
  );
  return Object.fromEntries(
    events.map((event) => [
      event,
      { base: base?.totals[event] ?? null, head: head?.totals[event] ?? null }
    ])
  );
}
function functionTable(functions) {
  if (!Array.isArray(functions)) return functions;
  return {
    length: functions.length,
    name: (index) => functions[index].name,
    file: (index) => functions[index].file,
    line: (index) => functions[index].line,
    countsOf: (event) => functions.map((fn) => fn.counts[event] ?? 0)
  };
}
var NONE2 = -1;
var FunctionPairs = class {
  #slotByName = /* @__PURE__ */ new Map();
  #slots = 0;
  #base;
  #head;
  constructor(base, head, event) {
    const capacity = base.length + head.length;
    this.#base = this.#addSide(base, event, capacity);
    this.#head = this.#addSide(head, event, capacity);
  }
  /** Adds one side's functions to the slots of their names. */
  #addSide(table, event, capacity) {
    const side = {
      table,
      counts: new Float64Array(capacity),
      locations: new Int32Array(capacity).fill(NONE2)
    };
    const counts = table.countsOf(event);
    for (let index = 0; index < table.length; index++) {
      const name = table.name(index);
      const count = counts[index];
      let slot = this.#slotByName.get(name);
      if (slot === void 0) {
        slot = this.#slots++;
        this.#slotByName.set(name, slot);
      }
      if (side.locations[slot] === NONE2 || count > side.counts[slot]) side.locations[slot] = index;
      side.counts[slot] += count;
    }
    return side;
  }
  /** Every function whose count differs between the sides, largest change first. */
  changes(noisy, reference, functionThreshold) {
    const changes = [];
    for (let slot = 0; slot < this.#slots; slot++) {
      const baseCount = this.#base.counts[slot];
      const headCount = this.#head.counts[slot];
      const delta = headCount - baseCount;
      if (delta === 0) continue;
      const before = this.#base.locations[slot];
      const after = this.#head.locations[slot];
      const [table, index] = after === NONE2 ? [this.#base.table, before] : [this.#head.table, after];
      const name = table.name(index);
      const deterministic = !noisy.has(name);
      const significant = deterministic && reachesFraction(Math.abs(delta), reference, functionThreshold);
      changes.push({
        name,
        file: table.file(index),
        line: table.line(index),
        base: baseCount,
        head: headCount,
        delta,
        change: percentChange(baseCount, headCount),
        status: functionStatus(before !== NONE2, after !== NONE2, deterministic, significant, delta),
        significant
      });
    }
    return changes.sort(byMagnitude2);
  }
};
function functionStatus(inBase, inHead, deterministic, significant, delta) {
  if (!deterministic) return "noisy";
  if (!inBase) return "added";
  if (!inHead) return "removed";
  if (!significant) return "unchanged";
  return delta > 0 ? "regressed" : "improved";
}
function byMagnitude2(a, b) {
  const difference = Math.abs(b.delta) - Math.abs(a.delta);
  if (difference !== 0) return difference;
  return compareText(a.name, b.name);
}
function markMoves(changes, reference, functionThreshold) {
  const significant = changes.filter((change) => change.significant);
  const losses = significant.filter((change) => change.delta < 0).reverse();
  const gains = significant.filter((change) => change.delta > 0).reverse();
  const paired = /* @__PURE__ */ new Set();
  const floor = functionThreshold * reference;
  for (const anchor of significant) {
    if (paired.has(anchor)) continue;
    const size2 = Math.abs(anchor.delta);
    const tolerance = Math.max(size2 * MOVE_TOLERANCE, floor);
    const partner = closestUnpaired(anchor.delta < 0 ? gains : losses, size2, tolerance, paired);
    if (!partner) continue;
    paired.add(anchor);
    paired.add(partner);
    const [from, to] = anchor.delta < 0 ? [anchor, partner] : [partner, anchor];
    from.movedTo = [to.name];
    to.movedFrom = [from.name];
    for (const change of [from, to]) {
      change.significant = false;
      if (change.status === "regressed" || change.status === "improved") {
        change.status = "unchanged";
      }
    }
  }
}
function closestUnpaired(ascending, size2, tolerance, paired) {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = low + high >> 1;
    if (Math.abs(ascending[middle].delta) < size2) low = middle + 1;
    else high = middle;
  }
  let above = low;
  let below = low - 1;
  while (above < ascending.length && paired.has(ascending[above])) above++;
  while (below >= 0 && paired.has(ascending[below])) below--;
  const up = ascending[above];
  const down = ascending[below];
  const upDistance = up ? Math.abs(up.delta) - size2 : Number.POSITIVE_INFINITY;
  const downDistance = down ? size2 - Math.abs(down.delta) : Number.POSITIVE_INFINITY;
  const [best, distance] = upDistance <= downDistance ? [up, upDistance] : [down, downDistance];
  return best && distance <= tolerance ? best : void 0;
}

// src/compare/load-input.ts
import { open as open2, readFile, stat } from "node:fs/promises";
import { basename } from "node:path";

// src/measure/normalise.ts
var SYMBOL_VERSION = /@@?[A-Za-z0-9_.]+$/;
var LLVM_SUFFIX = /\.llvm\.\d+$/;
var LEGACY_HASH = /::h[0-9a-f]{16}$/;
var MANGLED_LEGACY_HASH = /17h[0-9a-f]{16}E$/;
var CRATE_DISAMBIGUATOR = /(?<=[A-Za-z0-9_])\[[0-9a-f]{1,16}\]/g;
function normaliseName(raw) {
  let name = raw;
  if (name.includes("@")) name = replaceMatch(name, SYMBOL_VERSION, "");
  if (name.includes(".llvm.")) name = replaceMatch(name, LLVM_SUFFIX, "");
  if (name.charAt(name.length - 17) === "h") name = replaceMatch(name, LEGACY_HASH, "");
  if (name.charAt(name.length - 18) === "h") name = replaceMatch(name, MANGLED_LEGACY_HASH, "E");
  if (name.includes("[")) name = replaceMatch(name, CRATE_DISAMBIGUATOR, "");
  return name;
}
function replaceMatch(text, pattern, replacement) {
  return pattern.test(text) ? text.replace(pattern, replacement) : text;
}
var RUSTC_SOURCES = /^\/rustc\/[0-9a-f]{40}\//;
var REGISTRY_SOURCES = /^.*\/registry\/src\/[^/]+-[0-9a-f]{16}\//;
var DEBIAN_REGISTRY_SOURCES = /^\/usr\/share\/cargo\/registry\/(?=[^/]+\/)/;
var VENDORED_SOURCES = /^(?:\/?(?!src\/)[^/]+\/)*?vendor\/(?=[^/]+\/)/;
var GIT_SOURCES = /^.*\/git\/checkouts\/([^/]+)-[0-9a-f]{16}\/[^/]+\//;
var DEPENDENCY_SOURCES = [
  RUSTC_SOURCES,
  REGISTRY_SOURCES,
  DEBIAN_REGISTRY_SOURCES,
  VENDORED_SOURCES,
  GIT_SOURCES
];
function normalisePath(raw, options) {
  if (RUSTC_SOURCES.test(raw)) return raw.replace(RUSTC_SOURCES, "/rustc/");
  if (REGISTRY_SOURCES.test(raw)) return raw.replace(REGISTRY_SOURCES, "[registry]/");
  if (DEBIAN_REGISTRY_SOURCES.test(raw)) return raw.replace(DEBIAN_REGISTRY_SOURCES, "[registry]/");
  if (VENDORED_SOURCES.test(raw)) return raw.replace(VENDORED_SOURCES, "[vendor]/");
  if (GIT_SOURCES.test(raw)) return raw.replace(GIT_SOURCES, "[git]/$1/");
  const root = options.workspaceRoot.replace(/\/+$/, "");
  if (root !== "" && raw.startsWith(`${root}/`)) return raw.slice(root.length + 1);
  return raw;
}
function isOwnFile(raw, options) {
  if (raw === "" || raw === "???") return false;
  if (DEPENDENCY_SOURCES.some((sources) => sources.test(raw))) return false;
  if (!raw.startsWith("/")) return !raw.startsWith("./");
  const root = options.workspaceRoot.replace(/\/+$/, "");
  return root !== "" && raw.startsWith(`${root}/`);
}
function parserOptions(options) {
  return { isOwnFile: (raw) => isOwnFile(raw, options) };
}
function normaliseProfile(parsed, options) {
  return withProfiles(normaliseColumns(parsed, options));
}
function normaliseColumns(parsed, options) {
  return aggregate(
    parsed,
    normaliseName,
    oncePerPath((raw) => normalisePath(raw, options)),
    oncePerPath((raw) => isOwnFile(raw, options))
  );
}
function rawProfile(parsed) {
  const asWritten = (raw) => raw;
  return withProfiles(aggregate(parsed, asWritten, asWritten, () => false));
}
var FunctionColumns = class {
  constructor(events, names, files, lines2, counts) {
    this.events = events;
    this.names = names;
    this.files = files;
    this.lines = lines2;
    this.counts = counts;
  }
  events;
  names;
  files;
  lines;
  counts;
  get length() {
    return this.names.length;
  }
  name(index) {
    return this.names[index];
  }
  file(index) {
    return this.files[index];
  }
  line(index) {
    return this.lines[index];
  }
  countsOf(event) {
    const width = this.events.length;
    const offset = this.events.indexOf(event);
    if (offset === -1) return new Float64Array(this.length);
    if (width === 1) return this.counts;
    const column = new Float64Array(this.length);
    for (let index = 0; index < column.length; index++) {
      column[index] = this.counts[index * width + offset];
    }
    return column;
  }
  /** Function `index` as an object of its own. */
  profile(index) {
    const byEvent = {};
    const width = this.events.length;
    for (let event = 0; event < width; event++) {
      byEvent[this.events[event]] = this.counts[index * width + event];
    }
    return {
      name: this.name(index),
      file: this.file(index),
      line: this.line(index),
      counts: byEvent
    };
  }
};
function oncePerPath(of) {
  const results = /* @__PURE__ */ new Map();
  return (raw) => {
    if (results.has(raw)) return results.get(raw);
    const result = of(raw);
    results.set(raw, result);
    return result;
  };
}
function aggregate(parsed, nameOf, pathOf, isOwn) {
  const { events } = parsed;
  const parsedFunctions = parsed.functions;
  const width = events.length;
  const parsedNames = parsedFunctions.names.map(nameOf);
  const meetingNames = /* @__PURE__ */ new Set();
  parsedNames.forEach((name, index) => {
    if (name !== parsedFunctions.names[index]) meetingNames.add(name);
  });
  const mergeable = /* @__PURE__ */ new Map();
  const names = [];
  const files = [];
  const lines2 = new Float64Array(parsedFunctions.length);
  const counts = new Float64Array(parsedFunctions.length * width);
  for (let parsedIndex = 0; parsedIndex < parsedFunctions.length; parsedIndex++) {
    const name = parsedNames[parsedIndex];
    const file = parsedFunctions.files[parsedIndex];
    const parsedCounts = parsedIndex * width;
    const existing = meetingNames.size === 0 ? void 0 : mergeable.get(name);
    if (existing === void 0) {
      const index2 = names.length;
      names.push(name);
      files.push(pathOf(file));
      lines2[index2] = parsedFunctions.lines[parsedIndex];
      for (let event = 0; event < width; event++) {
        counts[index2 * width + event] = parsedFunctions.counts[parsedCounts + event];
      }
      if (meetingNames.has(name)) {
        const locationCount = parsedFunctions.counts[parsedCounts] ?? 0;
        mergeable.set(name, { index: index2, locationCount, locationOwned: isOwn(file) });
      }
      continue;
    }
    const { index } = existing;
    for (let event = 0; event < width; event++) {
      counts[index * width + event] += parsedFunctions.counts[parsedCounts + event];
    }
    const primary = parsedFunctions.counts[parsedCounts] ?? 0;
    const owned = isOwn(file);
    if (owned && !existing.locationOwned || owned === existing.locationOwned && primary > existing.locationCount) {
      files[index] = pathOf(file);
      lines2[index] = parsedFunctions.lines[parsedIndex];
      existing.locationCount = primary;
      existing.locationOwned = owned;
    }
  }
  const length = names.length;
  return {
    events,
    totals: countsByEvent(events, parsed.totals),
    functions: new FunctionColumns(
      events,
      names,
      files,
      lines2.subarray(0, length),
      counts.subarray(0, length * width)
    )
  };
}
function withProfiles({ events, totals: totals2, functions }) {
  const profiles = new Array(functions.length);
  for (let index = 0; index < functions.length; index++) profiles[index] = functions.profile(index);
  return sortedByCount({ events, totals: totals2, functions: profiles });
}
function sortedByCount(profile) {
  const primary = profile.events[0];
  const countOf = (fn) => primary === void 0 ? 0 : fn.counts[primary] ?? 0;
  profile.functions.sort(
    (a, b) => countOf(b) - countOf(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
  return profile;
}
function countsByEvent(events, values) {
  const byEvent = {};
  for (let index = 0; index < events.length; index++) byEvent[events[index]] = values[index];
  return byEvent;
}

// src/measure/parse-file.ts
import { open } from "node:fs/promises";

// src/measure/parse.ts
import { Buffer as Buffer2 } from "node:buffer";
var LF = 10;
var CR = 13;
var SPACE = 32;
var TAB = 9;
var DIGIT_0 = 48;
var DIGIT_9 = 57;
var LOWER_F = 102;
var LOWER_N = 110;
var EQUALS = 61;
var NON_ASCII = 128;
var FNV_OFFSET = 2166136261 | 0;
var FNV_PRIME = 16777619;
var AFTER_SUMMARY = "a line after the summary: line: two files concatenated?";
var CALLGRIND_PREFIXES = [
  "# callgrind format",
  "version:",
  "creator:",
  "positions:",
  "totals:",
  "part:",
  "pid:",
  "thread:",
  "calls=",
  "cfn=",
  "cfi=",
  "cfl=",
  "cob=",
  "ob=",
  "fi=",
  "fe=",
  "jump=",
  "jcnd="
];
var CachegrindParser = class {
  #source;
  #isOwnFile;
  #ownByPath = /* @__PURE__ */ new Map();
  #lineNumber = 0;
  /** The bytes of an incomplete last line, waiting for the rest of it. */
  #pending;
  #command;
  #events;
  /** Counts per line: the number of events, 0 until the events: line. */
  #width = 0;
  #summary;
  #file;
  /** 1 when `#file` is one of the user's own files, else 0. */
  #fileOwn = 0;
  /**
   * Functions, stored column-wise so that a function costs a few array slots rather than an
   * object and a typed array of its own: function `i` has its counts at
   * `counts[i * events.length ...]` and the best line seen so far in `files[i]`/`lines[i]`,
   * whose primary count is `lineCounts[i]` (-1 before its first count line) and which is in
   * one of the user's own files when `linesOwn[i]` is 1.
   *
   * Functions are found by name in a hash table of their own, keyed by the bytes of the `fn=`
   * line: a name becomes a string only the first time it is seen, and a lookup needs neither a
   * new string nor a Map's hashing of one. `slots` holds pairs, `nameHashes[i]` and `i + 1`
   * for function `i` (0: empty), found from the hash by linear probing; at most half are used.
   */
  #names = [];
  #nameHashes = new Int32Array(1024);
  #slots = new Int32Array(4096);
  #files = [];
  #lines = new Float64Array(1024);
  #lineCounts = new Float64Array(1024);
  #linesOwn = new Uint8Array(1024);
  #counts = new Float64Array(0);
  /** Index of the function the next count line belongs to; -1 for none. */
  #current = -1;
  /** `source` names the input in error messages (usually its path). */
  constructor(source, options = {}) {
    this.#source = source;
    this.#isOwnFile = options.isOwnFile;
  }
  write(chunk) {
    const bytes = Buffer2.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    if (this.#pending !== void 0) {
      const newline = bytes.indexOf(LF);
      if (newline === -1) {
        this.#pending = Buffer2.concat([this.#pending, bytes]);
        return;
      }
      const line = Buffer2.concat([this.#pending, bytes.subarray(0, newline + 1)]);
      this.#pending = void 0;
      this.#parseLines(line, 0, line.length);
      start = newline + 1;
    }
    const end = Math.max(start, bytes.lastIndexOf(LF) + 1);
    if (end > start) this.#parseLines(bytes, start, end);
    if (end < bytes.length) this.#pending = Buffer2.from(bytes.subarray(end));
  }
  finish() {
    if (this.#pending !== void 0) {
      const lastLine = Buffer2.concat([this.#pending, Buffer2.of(LF)]);
      this.#pending = void 0;
      this.#parseLines(lastLine, 0, lastLine.length);
    }
    if (this.#lineNumber === 0) {
      throw new CorruptFileError(
        this.#source,
        void 0,
        "the file is empty: no Cachegrind output"
      );
    }
    const events = this.#events;
    const summary = this.#summary;
    if (events === void 0 || summary === void 0) {
      throw this.#corrupt("the file ends without a summary: line: it is truncated or corrupt");
    }
    const length = this.#names.length;
    return {
      command: this.#command ?? "",
      events,
      totals: summary,
      functions: {
        length,
        names: this.#names,
        files: this.#files,
        lines: this.#lines.subarray(0, length),
        counts: this.#counts.subarray(0, length * events.length)
      }
    };
  }
  /**
   * Parses complete lines (`bytes[end - 1]` is a line feed). Count lines, nearly all of a file,
   * are parsed here from the bytes with the parser's state held in locals; other lines are
   * rare enough to be decoded and handled one by one.
   */
  #parseLines(bytes, start, end) {
    let lineNumber = this.#lineNumber;
    let current = this.#current;
    let counts = this.#counts;
    let width = this.#width;
    let fileOwn = this.#fileOwn;
    let linesOwn = this.#linesOwn;
    let lineCounts = this.#lineCounts;
    let lines2 = this.#lines;
    let position = start;
    while (position < end) {
      lineNumber++;
      let byte = bytes[position];
      if (byte < DIGIT_0 || byte > DIGIT_9) {
        this.#lineNumber = lineNumber;
        const newline = bytes.indexOf(LF, position);
        const lineEnd = newline > position && bytes[newline - 1] === CR ? newline - 1 : newline;
        if (byte === LOWER_F && bytes[position + 1] === LOWER_N && bytes[position + 2] === EQUALS) {
          this.#startFunction(bytes, position + 3, lineEnd);
        } else {
          this.#parseOtherLine(bytes.toString("utf8", position, lineEnd));
        }
        current = this.#current;
        counts = this.#counts;
        width = this.#width;
        fileOwn = this.#fileOwn;
        linesOwn = this.#linesOwn;
        lineCounts = this.#lineCounts;
        lines2 = this.#lines;
        position = newline + 1;
        continue;
      }
      if (current < 0) {
        this.#lineNumber = lineNumber;
        throw this.#corrupt(
          this.#summary === void 0 ? "a count line before any fn= line" : AFTER_SUMMARY
        );
      }
      const lineStart = position;
      let sourceLine = 0;
      while (byte >= DIGIT_0 && byte <= DIGIT_9) {
        sourceLine = sourceLine * 10 + (byte - DIGIT_0);
        byte = bytes[++position];
      }
      const base = current * width;
      let event = 0;
      let primary = 0;
      for (; ; ) {
        if (byte === SPACE || byte === TAB) {
          byte = bytes[++position];
          continue;
        }
        if (byte === LF) break;
        if (byte < DIGIT_0 || byte > DIGIT_9 || event === width) {
          if (byte === CR && bytes[position + 1] === LF) {
            position++;
            break;
          }
          this.#lineNumber = lineNumber;
          const isExtraCount = event === width && byte >= DIGIT_0 && byte <= DIGIT_9;
          throw this.#malformedCountLine(bytes, lineStart, isExtraCount);
        }
        let count = 0;
        while (byte >= DIGIT_0 && byte <= DIGIT_9) {
          count = count * 10 + (byte - DIGIT_0);
          byte = bytes[++position];
        }
        counts[base + event] += count;
        if (event === 0) primary = count;
        event++;
      }
      const bestOwn = linesOwn[current];
      if (fileOwn > bestOwn || fileOwn === bestOwn && primary > lineCounts[current]) {
        linesOwn[current] = fileOwn;
        lineCounts[current] = primary;
        lines2[current] = sourceLine;
        this.#files[current] = this.#file;
      }
      position++;
    }
    this.#lineNumber = lineNumber;
  }
  #parseOtherLine(line) {
    if (this.#summary !== void 0) throw this.#corrupt(AFTER_SUMMARY);
    if (line === "") {
      throw this.#corrupt("an empty line: not Cachegrind output");
    } else if (line.startsWith("fl=")) {
      this.#requireEvents("fl=");
      this.#file = line.slice(3);
      this.#fileOwn = this.#isOwn(this.#file) ? 1 : 0;
      this.#current = -1;
    } else if (line.startsWith("summary:")) {
      this.#checkSummary(line.slice("summary:".length));
    } else if (line.startsWith("desc:")) {
      this.#requireHeader("desc:");
    } else if (line.startsWith("cmd:")) {
      this.#requireHeader("cmd:");
      if (this.#command !== void 0) throw this.#corrupt("a second cmd: line");
      this.#command = line.slice("cmd:".length).trim();
    } else if (line.startsWith("events:")) {
      this.#requireHeader("events:");
      this.#setEvents(line.slice("events:".length));
    } else if (CALLGRIND_PREFIXES.some((prefix) => line.startsWith(prefix))) {
      throw this.#corrupt(
        "this is a Callgrind file; rust-perf reads Cachegrind output (valgrind --tool=cachegrind)"
      );
    } else if (this.#lineNumber === 1 && line.startsWith("{")) {
      throw this.#corrupt(
        "this is JSON (a profile.json?), not Cachegrind output; `rust-perf compare` reads profile documents"
      );
    } else {
      throw this.#corrupt(`unrecognised line ${excerpt(line)}: not Cachegrind output`);
    }
  }
  /** Starts the function named by `bytes[start..end)`, the rest of an `fn=` line. */
  #startFunction(bytes, start, end) {
    if (this.#summary !== void 0) throw this.#corrupt(AFTER_SUMMARY);
    this.#requireEvents("fn=");
    if (this.#file === void 0) throw this.#corrupt("an fn= line before any fl= line");
    const hash = hashBytes(bytes, start, end);
    const slots = this.#slots;
    const mask = slots.length - 2;
    let slot = hash & mask;
    for (let entry = slots[slot + 1]; entry !== 0; entry = slots[slot + 1]) {
      if (slots[slot] === hash && isNamedBy(this.#names[entry - 1], bytes, start, end)) {
        this.#current = entry - 1;
        return;
      }
      slot = slot + 2 & mask;
    }
    const index = this.#names.length;
    this.#names.push(bytes.toString("utf8", start, end));
    this.#files.push(this.#file);
    this.#lineCounts[index] = -1;
    this.#nameHashes[index] = hash;
    slots[slot] = hash;
    slots[slot + 1] = index + 1;
    if (index + 1 === this.#lineCounts.length) this.#grow();
    this.#current = index;
  }
  /** Doubles the capacity of the function columns and of the table that finds them by name. */
  #grow() {
    const capacity = this.#lineCounts.length * 2;
    const nameHashes = new Int32Array(capacity);
    nameHashes.set(this.#nameHashes);
    this.#nameHashes = nameHashes;
    const slots = new Int32Array(capacity * 4);
    const mask = slots.length - 2;
    for (let index = 0; index < this.#names.length; index++) {
      const hash = nameHashes[index];
      let slot = hash & mask;
      while (slots[slot + 1] !== 0) slot = slot + 2 & mask;
      slots[slot] = hash;
      slots[slot + 1] = index + 1;
    }
    this.#slots = slots;
    this.#lines = resized(this.#lines, capacity);
    this.#lineCounts = resized(this.#lineCounts, capacity);
    const linesOwn = new Uint8Array(capacity);
    linesOwn.set(this.#linesOwn);
    this.#linesOwn = linesOwn;
    this.#counts = resized(this.#counts, capacity * this.#width);
  }
  #isOwn(rawPath) {
    if (this.#isOwnFile === void 0) return false;
    let own = this.#ownByPath.get(rawPath);
    if (own === void 0) {
      own = this.#isOwnFile(rawPath);
      this.#ownByPath.set(rawPath, own);
    }
    return own;
  }
  #setEvents(text) {
    if (this.#events !== void 0) throw this.#corrupt("a second events: line");
    const events = eventNames(text, (reason) => this.#corrupt(reason));
    this.#events = events;
    this.#width = events.length;
    this.#counts = new Float64Array(this.#lineCounts.length * events.length);
  }
  #checkSummary(text) {
    const events = this.#requireEvents("summary:");
    const fields = text.split(/\s+/).filter((field) => field !== "");
    if (fields.length === 0 || fields.length > events.length || !fields.every(isCount)) {
      throw this.#corrupt(
        `summary:${text} is not a list of at most ${events.length} counts, one per event`
      );
    }
    const summary = events.map((_, index) => Number(fields[index] ?? "0"));
    const width = events.length;
    const totals2 = new Float64Array(width);
    for (let index = 0; index < this.#names.length * width; index++) {
      totals2[index % width] += this.#counts[index];
    }
    events.forEach((event, index) => {
      const counted = totals2[index];
      if (counted > Number.MAX_SAFE_INTEGER) {
        throw this.#corrupt(`the ${event} counts add up to more than rust-perf can count exactly`);
      }
      if (summary[index] !== counted) {
        throw this.#corrupt(
          `summary says ${summary[index]} ${event} but the counts add up to ${counted}: the file is truncated or corrupt`
        );
      }
    });
    this.#summary = summary;
    this.#current = -1;
  }
  /** Header lines come before the first data line. */
  #requireHeader(kind) {
    if (this.#file !== void 0) throw this.#corrupt(`a ${kind} line after the data began`);
  }
  #requireEvents(kind) {
    if (this.#command === void 0 || this.#events === void 0) {
      throw this.#corrupt(
        `a ${kind} line before the cmd: and events: lines: not Cachegrind output, or its start is missing`
      );
    }
    return this.#events;
  }
  #malformedCountLine(bytes, start, tooManyCounts) {
    if (tooManyCounts) {
      return this.#corrupt(`a count line with more counts than the ${this.#width} events`);
    }
    const line = bytes.toString("utf8", start, bytes.indexOf(LF, start)).replace(/\r$/, "");
    return this.#corrupt(`malformed count line ${excerpt(line)}: expected <line> <count>...`);
  }
  #corrupt(reason) {
    return new CorruptFileError(this.#source, this.#lineNumber, reason);
  }
};
function hashBytes(bytes, start, end) {
  let hash = FNV_OFFSET;
  let position = start;
  for (; position + 4 <= end; position += 4) {
    const word = bytes[position] | bytes[position + 1] << 8 | bytes[position + 2] << 16 | bytes[position + 3] << 24;
    hash = Math.imul(hash ^ word, FNV_PRIME);
    hash ^= hash >>> 15;
  }
  for (; position < end; position++) hash = Math.imul(hash ^ bytes[position], FNV_PRIME);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 2246822507);
  return hash ^ hash >>> 13;
}
function isNamedBy(name, bytes, start, end) {
  if (name.length > end - start) return false;
  for (let position = start; position < end; position++) {
    const byte = bytes[position];
    if (byte >= NON_ASCII) return name === bytes.toString("utf8", start, end);
    if (name.charCodeAt(position - start) !== byte) return false;
  }
  return name.length === end - start;
}
function resized(array, length) {
  const copy = new Float64Array(length);
  copy.set(array);
  return copy;
}
function eventNames(text, corrupt) {
  const events = text.split(/\s+/).filter((event) => event !== "");
  if (events.length === 0) throw corrupt("an events: line that names no event");
  const oddName = events.find((event) => !EVENT_NAME.test(event));
  if (oddName !== void 0) {
    throw corrupt(`${excerpt(oddName)} is not an event name (letters and digits)`);
  }
  const duplicate = events.find((event, index) => events.indexOf(event) !== index);
  if (duplicate !== void 0) throw corrupt(`event ${duplicate} is listed twice`);
  return events;
}
function isCount(text) {
  return /^\d+$/.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER;
}
function excerpt(line) {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}\u2026` : line);
}

// src/measure/parse-callgrind.ts
import { Buffer as Buffer3 } from "node:buffer";

// src/measure/callgrind-part.ts
var LINES_PER_FILE = 2 ** 32;
var CallgrindPartBuilder = class {
  #isOwnFile;
  #width;
  #fileIndexByPath = /* @__PURE__ */ new Map();
  #filePaths = [];
  #filesOwn = [];
  #functionIndexByName = /* @__PURE__ */ new Map();
  #names = [];
  /** The file a function was named in, its file when none of its lines has a cost. */
  #namedIn = [];
  /**
   * Per function, the primary-event cost of each of its lines by line key: Callgrind writes
   * a line once per basic block and call context, so one line's cost is spread over several.
   */
  #lineCosts = [];
  #counts = [];
  /** Per caller, the index of its edge to each callee. */
  #edgesFrom = [];
  #callers = [];
  #callees = [];
  #calls = [];
  #edgeCounts = [];
  /** `isOwnFile` is asked once per distinct path of the part. */
  constructor(events, isOwnFile2) {
    this.#width = events;
    this.#isOwnFile = isOwnFile2;
  }
  /** The index of a source file, for `functionIndex` and `addSelfCost`. */
  fileIndex(path) {
    let index = this.#fileIndexByPath.get(path);
    if (index === void 0) {
      index = this.#filePaths.length;
      this.#fileIndexByPath.set(path, index);
      this.#filePaths.push(path);
      this.#filesOwn.push(this.#isOwnFile(path));
    }
    return index;
  }
  /** The index of the function with this name, added with no cost when it is new. */
  functionIndex(name, file) {
    let index = this.#functionIndexByName.get(name);
    if (index === void 0) {
      index = this.#names.length;
      this.#functionIndexByName.set(name, index);
      this.#names.push(name);
      this.#namedIn.push(file);
      this.#lineCosts.push(void 0);
      this.#edgesFrom.push(void 0);
      for (let event = 0; event < this.#width; event++) this.#counts.push(0);
    }
    return index;
  }
  addSelfCost(fn, file, line, costs) {
    const base = fn * this.#width;
    for (let event = 0; event < this.#width; event++) this.#counts[base + event] += costs[event];
    let lines2 = this.#lineCosts[fn];
    if (lines2 === void 0) {
      lines2 = /* @__PURE__ */ new Map();
      this.#lineCosts[fn] = lines2;
    }
    const key = file * LINES_PER_FILE + line;
    lines2.set(key, (lines2.get(key) ?? 0) + costs[0]);
  }
  addCall(caller, callee, calls, costs) {
    let edges = this.#edgesFrom[caller];
    if (edges === void 0) {
      edges = /* @__PURE__ */ new Map();
      this.#edgesFrom[caller] = edges;
    }
    let edge = edges.get(callee);
    if (edge === void 0) {
      edge = this.#callers.length;
      edges.set(callee, edge);
      this.#callers.push(caller);
      this.#callees.push(callee);
      this.#calls.push(0);
      for (let event = 0; event < this.#width; event++) this.#edgeCounts.push(0);
    }
    this.#calls[edge] += calls;
    const base = edge * this.#width;
    for (let event = 0; event < this.#width; event++)
      this.#edgeCounts[base + event] += costs[event];
  }
  /** The self costs of every function added up, per event. */
  selfTotals() {
    const totals2 = new Array(this.#width).fill(0);
    this.#counts.forEach((count, index) => {
      totals2[index % this.#width] += count;
    });
    return totals2;
  }
  /** The largest number among the calls' counts and inclusive costs, to check it is exact. */
  largestCallNumber() {
    let largest = 0;
    for (const count of this.#calls) largest = Math.max(largest, count);
    for (const count of this.#edgeCounts) largest = Math.max(largest, count);
    return largest;
  }
  build(part, trigger, profile) {
    return {
      part,
      trigger,
      profile: { ...profile, functions: this.#functions() },
      calls: {
        length: this.#callers.length,
        callers: Uint32Array.from(this.#callers),
        callees: Uint32Array.from(this.#callees),
        calls: Float64Array.from(this.#calls),
        counts: Float64Array.from(this.#edgeCounts)
      }
    };
  }
  #functions() {
    const files = [];
    const lines2 = new Float64Array(this.#names.length);
    this.#names.forEach((_, fn) => {
      const key = this.#bestLine(fn);
      if (key === void 0) {
        files.push(this.#filePaths[this.#namedIn[fn]]);
      } else {
        files.push(this.#filePaths[Math.floor(key / LINES_PER_FILE)]);
        lines2[fn] = key % LINES_PER_FILE;
      }
    });
    return {
      length: this.#names.length,
      names: this.#names,
      files,
      lines: lines2,
      counts: Float64Array.from(this.#counts)
    };
  }
  /**
   * The key of the function's line with the largest primary-event cost among its lines in the
   * user's own files, or among all its lines when none is; the first such line on a tie.
   */
  #bestLine(fn) {
    let best;
    let bestOwn = false;
    let bestCost = -1;
    for (const [key, cost] of this.#lineCosts[fn] ?? []) {
      const own = this.#filesOwn[Math.floor(key / LINES_PER_FILE)];
      if (own && !bestOwn || own === bestOwn && cost > bestCost) {
        best = key;
        bestOwn = own;
        bestCost = cost;
      }
    }
    return best;
  }
};

// src/measure/parse-callgrind.ts
var LF2 = 10;
var CR2 = 13;
var SPACE2 = 32;
var TAB2 = 9;
var HASH = 35;
var OPEN = 40;
var CLOSE = 41;
var STAR = 42;
var PLUS = 43;
var MINUS = 45;
var EQUALS2 = 61;
var DIGIT_02 = 48;
var DIGIT_92 = 57;
var LOWER_A = 97;
var LOWER_F2 = 102;
var LOWER_X = 120;
var LOWER_Z = 122;
var LONGEST_KEY = 5;
var LARGEST_LINE = 2 ** 32 - 1;
var RECURSION_SUFFIX = /'\d+$/;
var CallgrindParser = class {
  #source;
  #isOwnFile;
  #fileNames = /* @__PURE__ */ new Map();
  #functionNames = /* @__PURE__ */ new Map();
  #objectNames = /* @__PURE__ */ new Map();
  #parts = [];
  #lineNumber = 0;
  /** The bytes of an incomplete last line, waiting for the rest of it. */
  #pending;
  #command = "";
  #part;
  /** The number of the last part read; 0 before the first. */
  #lastPart = 0;
  /** The function the next cost line belongs to (-1: none), and the file of its fn= line. */
  #current = -1;
  #functionFile = -1;
  /** The file of the next cost line: the function's, or inlined code's after fi=. */
  #file = -1;
  /** The line of the last self cost line, which relative positions start from. */
  #lastLine = 0;
  #calleeName;
  #calleeFile = -1;
  /** The callee of a calls= line whose cost line comes next (-1: none), and its count. */
  #callee = -1;
  #callCount = 0;
  /** What the line being read holds: where reading is, the position's line and the costs. */
  #at = 0;
  #lineStart = 0;
  #positionLine = 0;
  #costs = new Float64Array(0);
  #costCount = 0;
  /** `source` names the input in error messages (usually its path). */
  constructor(source, options = {}) {
    this.#source = source;
    const isOwnFile2 = options.isOwnFile;
    this.#isOwnFile = isOwnFile2 === void 0 ? () => false : isOwnFile2;
  }
  write(chunk) {
    let bytes = Buffer3.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#pending !== void 0) {
      bytes = Buffer3.concat([this.#pending, bytes]);
      this.#pending = void 0;
    }
    let start = 0;
    for (let newline = bytes.indexOf(LF2); newline !== -1; newline = bytes.indexOf(LF2, start)) {
      this.#parseLine(bytes, start, newline);
      start = newline + 1;
    }
    if (start < bytes.length) this.#pending = Buffer3.from(bytes.subarray(start));
  }
  /** The parts in file order, each checked against its `summary:` and `totals:` lines. */
  finish() {
    if (this.#pending !== void 0) {
      const lastLine = this.#pending;
      this.#pending = void 0;
      this.#parseLine(lastLine, 0, lastLine.length);
    }
    if (this.#lineNumber === 0) {
      throw new CorruptFileError(this.#source, void 0, "the file is empty: no Callgrind output");
    }
    if (this.#callee >= 0) {
      throw this.#corrupt("the file ends after a calls= line, without its cost: it is truncated");
    }
    if (this.#part !== void 0) {
      throw this.#corrupt("the file ends without a totals: line: it is truncated");
    }
    if (this.#parts.length === 0) {
      throw this.#corrupt("no part with a totals: line: not Callgrind output");
    }
    return this.#parts;
  }
  /** Parses the line `bytes[start..end)`, `end` being where its line feed is or the file ends. */
  #parseLine(bytes, start, end) {
    this.#lineNumber++;
    this.#lineStart = start;
    const lineEnd = end > start && bytes[end - 1] === CR2 ? end - 1 : end;
    const first = bytes[start];
    if (this.#callee >= 0 && !isCostLineStart(first)) {
      throw this.#corrupt("a calls= line must be followed by the cost line of the call");
    }
    if (start === lineEnd || first === HASH) return;
    if (isCostLineStart(first)) {
      this.#parseCostLine(bytes, start, lineEnd);
      return;
    }
    const equals = keyEnd(bytes, start, lineEnd);
    if (equals === -1 || !this.#parseSpecification(bytes, start, equals, lineEnd)) {
      this.#parseHeaderLine(bytes.toString("utf8", start, lineEnd));
    }
  }
  /** A `key=value` line; false when the key is not one Callgrind writes. */
  #parseSpecification(bytes, start, equals, end) {
    const key = bytes.toString("latin1", start, equals);
    const value = equals + 1;
    switch (key) {
      case "ob":
      case "cob":
        this.#requireData(`${key}=`);
        this.#name(this.#objectNames, key, bytes, value, end);
        break;
      case "fl":
        this.#startFile(bytes, value, end);
        break;
      case "fi":
      case "fe":
        this.#file = this.#fileIndex(key, bytes, value, end);
        break;
      case "fn":
        this.#startFunction(bytes, value, end);
        break;
      case "cfi":
      case "cfl":
        this.#calleeFile = this.#fileIndex(key, bytes, value, end);
        break;
      case "cfn":
        this.#requireData("cfn=");
        this.#calleeName = this.#functionName(key, bytes, value, end);
        break;
      case "calls":
        this.#startCall(bytes, value, end);
        break;
      case "jfi":
        this.#fileIndex(key, bytes, value, end);
        break;
      case "jfn":
        this.#requireData("jfn=");
        this.#functionName(key, bytes, value, end);
        break;
      case "jump":
      case "jcnd":
        this.#requireFunction(`${key}=`);
        break;
      default:
        return false;
    }
    return true;
  }
  #startFile(bytes, start, end) {
    this.#functionFile = this.#fileIndex("fl", bytes, start, end);
    this.#file = this.#functionFile;
    this.#current = -1;
  }
  #startFunction(bytes, start, end) {
    const builder = this.#requireData("fn=");
    if (this.#functionFile < 0) throw this.#corrupt("an fn= line before any fl= line");
    const name = this.#functionName("fn", bytes, start, end);
    this.#current = builder.functionIndex(name, this.#functionFile);
    this.#file = this.#functionFile;
    this.#lastLine = 0;
    this.#calleeName = void 0;
    this.#calleeFile = -1;
  }
  /** `calls=<count> <target position>`: the callee is the last cfn=, in the last cfi= if any. */
  #startCall(bytes, start, end) {
    const builder = this.#requireFunction("calls=");
    if (this.#calleeName === void 0) {
      throw this.#corrupt("a calls= line without a cfn= line before it");
    }
    this.#at = start;
    this.#skipSpaces(bytes, end);
    this.#callCount = this.#readDecimal(bytes, end);
    this.#readPositions(bytes, end);
    this.#skipSpaces(bytes, end);
    if (this.#at < end) throw this.#malformed(bytes, end);
    const calleeFile = this.#calleeFile < 0 ? this.#file : this.#calleeFile;
    this.#callee = builder.functionIndex(this.#calleeName, calleeFile);
    this.#calleeName = void 0;
    this.#calleeFile = -1;
  }
  /**
   * A self cost line, the inclusive cost of the call on the line before, or (no costs) where
   * a jump is. Only a self cost line moves the position relative ones start from.
   */
  #parseCostLine(bytes, start, end) {
    const builder = this.#requireFunction("cost");
    this.#at = start;
    this.#readPositions(bytes, end);
    this.#readCounts(bytes, end);
    if (this.#callee >= 0) {
      builder.addCall(this.#current, this.#callee, this.#callCount, this.#costs);
      this.#callee = -1;
    } else if (this.#costCount > 0) {
      builder.addSelfCost(this.#current, this.#file, this.#positionLine, this.#costs);
      this.#lastLine = this.#positionLine;
    }
  }
  /** Reads the subpositions at `#at`, keeping the line's in `#positionLine`. */
  #readPositions(bytes, end) {
    const { count, lineColumn } = this.#part.positions;
    for (let column = 0; column < count; column++) {
      this.#skipSpaces(bytes, end);
      const first = bytes[this.#at];
      if (first === STAR) {
        this.#at++;
        if (column === lineColumn) this.#positionLine = this.#lastLine;
      } else if (first === PLUS || first === MINUS) {
        this.#at++;
        const offset = this.#readDecimal(bytes, end);
        if (column === lineColumn) {
          this.#positionLine = this.#lastLine + (first === PLUS ? offset : -offset);
        }
      } else if (first === DIGIT_02 && bytes[this.#at + 1] === LOWER_X) {
        this.#at += 2;
        this.#skipHexDigits(bytes, end);
      } else if (column === lineColumn) {
        this.#positionLine = this.#readDecimal(bytes, end);
      } else {
        this.#readDecimal(bytes, end);
      }
      if (this.#at < end && bytes[this.#at] !== SPACE2 && bytes[this.#at] !== TAB2) {
        throw this.#malformed(bytes, end);
      }
    }
    if (this.#positionLine < 0 || this.#positionLine > LARGEST_LINE) {
      throw this.#corrupt(`a position at line ${this.#positionLine}, which no file has`);
    }
  }
  /** Reads the counts after the position into `#costs`, zero for the events without one. */
  #readCounts(bytes, end) {
    const costs = this.#costs;
    costs.fill(0);
    let event = 0;
    for (; ; ) {
      this.#skipSpaces(bytes, end);
      if (this.#at === end) break;
      if (event === costs.length) {
        throw this.#corrupt(`a cost line with more counts than the ${costs.length} events`);
      }
      costs[event++] = this.#readDecimal(bytes, end);
      if (this.#at < end && bytes[this.#at] !== SPACE2 && bytes[this.#at] !== TAB2) {
        throw this.#malformed(bytes, end);
      }
    }
    this.#costCount = event;
  }
  #readDecimal(bytes, end) {
    const start = this.#at;
    let value = 0;
    for (; this.#at < end; this.#at++) {
      const byte = bytes[this.#at];
      if (byte < DIGIT_02 || byte > DIGIT_92) break;
      value = value * 10 + (byte - DIGIT_02);
    }
    if (this.#at === start) throw this.#malformed(bytes, end);
    return value;
  }
  #skipHexDigits(bytes, end) {
    const start = this.#at;
    while (this.#at < end && isHexDigit(bytes[this.#at])) this.#at++;
    if (this.#at === start) throw this.#malformed(bytes, end);
  }
  #skipSpaces(bytes, end) {
    while (this.#at < end && (bytes[this.#at] === SPACE2 || bytes[this.#at] === TAB2)) this.#at++;
  }
  /**
   * The name a `key=value` line gives: `(id) name` gives the name an id, `(id)` refers back
   * to it, a name without an id stands for itself. A name is decoded once per id: a later
   * definition of the same id (Callgrind repeats them in each part) is not read again.
   */
  #name(names, key, bytes, start, end, normalise = (name) => name) {
    const close = compressedIdEnd(bytes, start, end);
    let nameStart = close === -1 ? start : close + 1;
    while (nameStart < end && (bytes[nameStart] === SPACE2 || bytes[nameStart] === TAB2)) {
      nameStart++;
    }
    if (close === -1) {
      if (nameStart === end) throw this.#corrupt(`${aLine(`${key}=`)} without a name`);
      return normalise(bytes.toString("utf8", nameStart, end));
    }
    const id = Number(bytes.toString("latin1", start + 1, close));
    let name = names.get(id);
    if (name === void 0) {
      if (nameStart === end) {
        throw this.#corrupt(`${key}=(${id}) refers to an id that no line before it defines`);
      }
      name = normalise(bytes.toString("utf8", nameStart, end));
      names.set(id, name);
    }
    return name;
  }
  /** A function's name, without the recursion depth --separate-recs appends to it. */
  #functionName(key, bytes, start, end) {
    return this.#name(this.#functionNames, key, bytes, start, end, withoutRecursionDepth);
  }
  #fileIndex(key, bytes, start, end) {
    const builder = this.#requireData(`${key}=`);
    return builder.fileIndex(this.#name(this.#fileNames, key, bytes, start, end));
  }
  /** Lines without `=`: the file's and the parts' headers, and the `totals:` ending a part. */
  #parseHeaderLine(line) {
    const colon = line.indexOf(":");
    const key = colon === -1 ? line : line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    switch (key) {
      case "version":
        this.#requireHeader("version:");
        if (value !== "1") {
          throw this.#corrupt(`format version ${value}: rust-perf reads version 1 of Callgrind's`);
        }
        return;
      case "creator":
      case "pid":
        this.#requireHeader(`${key}:`);
        return;
      case "cmd":
        this.#requireHeader("cmd:");
        this.#command = value;
        return;
      case "part":
        this.#startPart(value);
        return;
      case "totals":
        this.#finishPart(value);
        return;
      default:
        this.#parsePartHeader(key, value, line);
    }
  }
  #parsePartHeader(key, value, line) {
    if (!["desc", "positions", "events", "event", "summary", "thread"].includes(key)) {
      throw this.#corrupt(`unrecognised line ${excerpt(line)}: not Callgrind output`);
    }
    if (key === "summary" && this.#part?.builder !== void 0) {
      throw this.#corrupt(
        "a summary: line after the data: this is Cachegrind output, not Callgrind",
        "Measure with valgrind --tool=callgrind, or read the file with the Cachegrind parser."
      );
    }
    const part = this.#partHeader(`${key}:`);
    if (key === "desc" && value.startsWith("Trigger:")) {
      part.trigger = value.slice("Trigger:".length).trim();
    } else if (key === "positions") {
      part.positions = this.#positions(value);
    } else if (key === "events") {
      part.events = eventNames(value, (reason) => this.#corrupt(reason));
    } else if (key === "summary") {
      part.summary = this.#countsOfLine("summary:", value, part);
    }
  }
  #startPart(value) {
    if (this.#part !== void 0) {
      throw this.#corrupt(`a part: line before part ${this.#part.number} has its totals: line`);
    }
    if (!/^\d+$/.test(value)) throw this.#corrupt(`part: ${excerpt(value)} is not a part number`);
    const number = Number(value);
    if (number <= this.#lastPart) {
      throw this.#corrupt(`part ${number} after part ${this.#lastPart}: two files concatenated?`);
    }
    this.#openPart(number);
  }
  #openPart(number) {
    this.#part = {
      number,
      trigger: "",
      positions: { count: 1, lineColumn: 0 },
      events: void 0,
      summary: void 0,
      builder: void 0
    };
    this.#lastPart = number;
    this.#current = -1;
    this.#functionFile = -1;
    this.#file = -1;
    this.#lastLine = 0;
    this.#calleeName = void 0;
    this.#calleeFile = -1;
    return this.#part;
  }
  /** Checks the part's costs against its summary: and totals: lines and keeps it. */
  #finishPart(value) {
    const part = this.#part;
    if (part?.events === void 0) {
      throw this.#corrupt("a totals: line outside a part with an events: line");
    }
    const totals2 = this.#countsOfLine("totals:", value, part);
    const builder = part.builder ?? new CallgrindPartBuilder(part.events.length, this.#isOwnFile);
    const counted = builder.selfTotals();
    part.events.forEach((event, index) => {
      if (counted[index] > Number.MAX_SAFE_INTEGER) {
        throw this.#corrupt(`the ${event} counts add up to more than rust-perf can count exactly`);
      }
      for (const [line, expected] of [
        ["summary:", part.summary],
        ["totals:", totals2]
      ]) {
        if (expected !== void 0 && expected[index] !== counted[index]) {
          throw this.#corrupt(
            `${line} says ${expected[index]} ${event} but the self costs add up to ${counted[index]}: the file is truncated or corrupt`
          );
        }
      }
    });
    if (builder.largestCallNumber() > Number.MAX_SAFE_INTEGER) {
      throw this.#corrupt("the calls add up to more than rust-perf can count exactly");
    }
    const profile = { command: this.#command, events: part.events, totals: totals2 };
    this.#parts.push(builder.build(part.number, part.trigger, profile));
    this.#part = void 0;
  }
  /** `positions: line`, `instr line` or `line instr`: which subposition is the line. */
  #positions(value) {
    const names = value.split(/\s+/).filter((name) => name !== "");
    const known = names.every(
      (name, index) => ["instr", "line"].includes(name) && names.indexOf(name) === index
    );
    if (!known) throw this.#corrupt(`positions: ${excerpt(value)} is not a list of instr and line`);
    const lineColumn = names.indexOf("line");
    if (lineColumn === -1) {
      throw this.#corrupt(
        `positions: ${value} gives no source lines`,
        "Run Callgrind with --dump-line=yes, its default."
      );
    }
    return { count: names.length, lineColumn };
  }
  /** A summary: or totals: line's counts, one per event, 0 for the events it leaves out. */
  #countsOfLine(kind, value, part) {
    const events = part.events;
    if (events === void 0) throw this.#corrupt(`${aLine(kind)} before the events: line`);
    const fields = value.split(/\s+/).filter((field) => field !== "");
    if (fields.length === 0 || fields.length > events.length || !fields.every(isCount)) {
      throw this.#corrupt(
        `${kind} ${value} is not a list of at most ${events.length} counts, one per event`
      );
    }
    return events.map((_, index) => Number(fields[index] ?? "0"));
  }
  /** A header line of the whole file comes before the data of the part it is in. */
  #requireHeader(kind) {
    if (this.#part?.builder !== void 0) {
      throw this.#corrupt(`${aLine(kind)} after the data of part ${this.#part.number} began`);
    }
  }
  /** The part a part's header line belongs to; a file without part: lines has one part. */
  #partHeader(kind) {
    this.#requireHeader(kind);
    if (this.#part !== void 0) return this.#part;
    if (this.#lastPart > 0) {
      throw this.#corrupt(`${aLine(kind)} after the totals: line of part ${this.#lastPart}`);
    }
    return this.#openPart(1);
  }
  /** The part's data, which begins with the first data line after its events: line. */
  #requireData(kind) {
    const part = this.#part;
    if (part?.builder !== void 0) return part.builder;
    if (part?.events === void 0) {
      throw this.#corrupt(
        this.#lastPart > 0 && part === void 0 ? `${aLine(kind)} after the totals: line of part ${this.#lastPart}` : `${aLine(kind)} before the events: line: not Callgrind output, or its start is missing`
      );
    }
    part.builder = new CallgrindPartBuilder(part.events.length, this.#isOwnFile);
    this.#costs = new Float64Array(part.events.length);
    return part.builder;
  }
  #requireFunction(kind) {
    const builder = this.#requireData(kind);
    if (this.#current < 0) throw this.#corrupt(`${aLine(kind)} outside a function (no fn= line)`);
    return builder;
  }
  #malformed(bytes, end) {
    const line = bytes.toString("utf8", this.#lineStart, end);
    return this.#corrupt(`malformed line ${excerpt(line)}: expected <position> <count>...`);
  }
  #corrupt(reason, hint) {
    return new CorruptFileError(this.#source, this.#lineNumber, reason, hint);
  }
};
function aLine(kind) {
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} line`;
}
function isCostLineStart(byte) {
  return byte !== void 0 && (byte >= DIGIT_02 && byte <= DIGIT_92 || byte === PLUS || byte === MINUS || byte === STAR);
}
function keyEnd(bytes, start, end) {
  const last = Math.min(end, start + LONGEST_KEY);
  let position = start;
  while (position < last && bytes[position] >= LOWER_A && bytes[position] <= LOWER_Z) position++;
  return position > start && position < end && bytes[position] === EQUALS2 ? position : -1;
}
function compressedIdEnd(bytes, start, end) {
  if (bytes[start] !== OPEN) return -1;
  let position = start + 1;
  while (position < end && bytes[position] >= DIGIT_02 && bytes[position] <= DIGIT_92) position++;
  return position > start + 1 && bytes[position] === CLOSE ? position : -1;
}
function withoutRecursionDepth(name) {
  return name.replace(RECURSION_SUFFIX, "");
}
function isHexDigit(byte) {
  return byte >= DIGIT_02 && byte <= DIGIT_92 || byte >= LOWER_A && byte <= LOWER_F2;
}

// src/measure/parse-file.ts
var CHUNK_BYTES = 1 << 20;
async function parseCachegrindFile(path, options = {}) {
  const parser = new CachegrindParser(path, options);
  await readInChunks(path, parser);
  return parser.finish();
}
async function parseCallgrindFile(path, options = {}) {
  const parser = new CallgrindParser(path, options);
  await readInChunks(path, parser);
  return parser.finish();
}
async function readInChunks(path, parser) {
  try {
    const file = await open(path, "r");
    try {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      for (; ; ) {
        const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, null);
        if (bytesRead === 0) break;
        parser.write(chunk.subarray(0, bytesRead));
      }
    } finally {
      await file.close();
    }
  } catch (error) {
    throw unreadable(path, error);
  }
}
function unreadable(path, error) {
  if (!isSystemError(error)) return error;
  const reasons = {
    ENOENT: "no such file",
    EISDIR: "is a directory, not a file",
    EACCES: "permission denied"
  };
  const reason = reasons[error.code] ?? error.message;
  return new InputError(`cannot read ${path}: ${reason}`);
}
function isSystemError(error) {
  return error instanceof Error && typeof error.code === "string";
}

// src/harness.ts
var HARNESSES = ["plain", "criterion", "libtest", "divan", "gungraun"];

// src/inputs/shard.ts
var MAX_SHARDS = 256;
function parseShard(value, what) {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new InputError(
      `${what} must be K/N, shard K of N with 1 <= K <= N <= ${MAX_SHARDS}, not '${value}'`,
      "In a matrix: `shard: ${{ matrix.shard }}/4` with `shard: [1, 2, 3, 4]`."
    );
  }
  return { index, count };
}
function shardName({ index, count }) {
  return `${index}/${count}`;
}

// src/system/strict-json.ts
var StrictJsonReader = class {
  constructor(failure) {
    this.failure = failure;
  }
  failure;
  fail(path, problem) {
    throw this.failure(path, problem);
  }
  /** Fails with `rule`, quoting `found` when it is given. */
  refuse(path, rule, ...found) {
    return this.fail(
      path,
      found.length > 0 ? { kind: "rule", rule, found: found[0] } : { kind: "rule", rule }
    );
  }
  /** Checks `test`; fails saying that the field must be `expected` otherwise. */
  expect(value, path, test, expected) {
    if (!test(value)) this.fail(path, { kind: "expected", expected, found: value });
    return value;
  }
  /** An object; with `fields`, exactly the required ones and any of the optional ones. */
  object(value, path, fields) {
    const object = this.expect(value, path, isJsonObject, "an object");
    if (fields !== void 0) {
      const optional = fields.optional ?? [];
      const unknown = unexpectedKey(object, [...fields.required, ...optional]);
      if (unknown !== void 0) this.fail(path, { kind: "unknown-field", key: unknown, object });
      const missing = missingKey(object, fields.required);
      if (missing !== void 0) this.fail(path, { kind: "missing", key: missing, object });
    }
    return object;
  }
  array(value, path) {
    return this.expect(value, path, Array.isArray, "an array");
  }
  string(value, path) {
    return this.expect(value, path, (item) => typeof item === "string", "a string");
  }
  boolean(value, path) {
    return this.expect(value, path, (item) => typeof item === "boolean", "true or false");
  }
  /** A whole number that a double holds exactly. */
  integer(value, path, expected = "a whole number") {
    return this.expect(value, path, Number.isSafeInteger, expected);
  }
  oneOf(value, path, allowed, expected = `one of ${allowed.join(", ")}`) {
    return this.expect(
      value,
      path,
      (item) => typeof item === "string" && allowed.includes(item),
      expected
    );
  }
  /** Fails at the second of two equal values; `pathOf` names the value at an index. */
  unique(values, pathOf) {
    const seen = /* @__PURE__ */ new Set();
    values.forEach((value, index) => {
      if (seen.has(value)) this.refuse(pathOf(index), `${describeJsonValue(value)} appears twice`);
      seen.add(value);
    });
  }
};
function parseJson(text, invalid) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
}
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function unexpectedKey(object, allowed) {
  return Object.keys(object).find((key) => !allowed.includes(key));
}
function missingKey(object, required) {
  return required.find((key) => !Object.hasOwn(object, key));
}
function describeJsonValue(value) {
  if (value === void 0) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  return truncateForMessage(JSON.stringify(value));
}
function truncateForMessage(text) {
  return text.length > 40 ? `${text.slice(0, 39)}\u2026` : text;
}

// src/profile/document.ts
var DOCUMENT_FIELDS = {
  required: ["version", "tool", "createdAt", "fingerprint", "benchmarks"],
  optional: ["commit", "shard"]
};
var SHARD_FIELDS = { required: ["index", "count"] };
var BENCHMARK_FIELDS = {
  required: [
    "name",
    "target",
    "harness",
    "command",
    "events",
    "totals",
    "nondeterministic",
    "functions"
  ],
  optional: ["id", "allocations"]
};
var ALLOCATION_FIELDS = { required: ["allocations", "bytes", "peakBytes", "sites"] };
var SITE_FIELDS = { required: ["function", "file", "line", "allocations", "bytes"] };
var FUNCTION_FIELDS = { required: ["name", "file", "line", "counts"] };
function parseProfileDocument(text, source) {
  const data = parseJson(
    text,
    (reason) => new CorruptFileError(source, void 0, `not a profile document: invalid JSON (${reason})`)
  );
  const reader = new StrictJsonReader(
    (path, problem) => new CorruptFileError(
      source,
      void 0,
      `not a valid profile document: ${documentProblem(path, problem)}`
    )
  );
  return readDocument(reader, data);
}
function documentProblem(path, problem) {
  const field = (key) => path === "" ? key : `${path}.${key}`;
  const at = path === "" ? "the document" : path;
  switch (problem.kind) {
    case "missing":
      return `${field(problem.key)}: missing`;
    case "unknown-field":
      return `${field(problem.key)}: not a known field`;
    case "expected":
      return `${at}: expected ${problem.expected}, found ${describeJsonValue(problem.found)}`;
    case "rule":
      return `${at}: ${problem.rule}`;
  }
}
function readDocument(reader, data) {
  const fields = reader.object(data, "", DOCUMENT_FIELDS);
  if (fields.version === 1) {
    reader.refuse(
      "version",
      "profile version 1 was written by an earlier rust-perf, which measured each bench target as one whole program: its counts do not compare with per-benchmark counts, so measure this side again with this version of rust-perf"
    );
  }
  if (fields.version !== PROFILE_VERSION) {
    reader.refuse(
      "version",
      `${describeJsonValue(fields.version)} is not a profile version this rust-perf reads (${PROFILE_VERSION}): measure again with this version of rust-perf`
    );
  }
  const benchmarks = reader.array(fields.benchmarks, "benchmarks").map((benchmark, index) => readBenchmark(reader, benchmark, `benchmarks[${index}]`));
  reader.unique(
    benchmarks.map((benchmark) => benchmark.name),
    (index) => `benchmarks[${index}].name`
  );
  const createdAt = reader.expect(
    reader.string(fields.createdAt, "createdAt"),
    "createdAt",
    (value) => !Number.isNaN(Date.parse(value)),
    "a date and time"
  );
  return {
    version: PROFILE_VERSION,
    tool: reader.string(fields.tool, "tool"),
    ...fields.commit === void 0 ? {} : { commit: reader.string(fields.commit, "commit") },
    createdAt,
    fingerprint: readFingerprint(reader, fields.fingerprint, "fingerprint"),
    ...fields.shard === void 0 ? {} : { shard: readShard(reader, fields.shard) },
    benchmarks
  };
}
function readShard(reader, value) {
  const fields = reader.object(value, "shard", SHARD_FIELDS);
  const count = readCount(reader, fields.count, "shard.count");
  const index = readCount(reader, fields.index, "shard.index");
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    reader.refuse("shard", `shard ${index} of ${count} is not one of 1 to ${MAX_SHARDS} shards`);
  }
  return { index, count };
}
function readFingerprint(reader, value, path) {
  const fields = reader.object(value, path, { required: FINGERPRINT_FIELDS });
  const mangling = reader.oneOf(fields.mangling, `${path}.mangling`, MANGLINGS, '"v0" or "legacy"');
  const runs = readCount(reader, fields.runs, `${path}.runs`);
  if (runs === 0) reader.refuse(`${path}.runs`, "expected at least 1 run, found 0");
  return {
    valgrind: reader.string(fields.valgrind, `${path}.valgrind`),
    rustc: reader.string(fields.rustc, `${path}.rustc`),
    target: reader.string(fields.target, `${path}.target`),
    rustflags: readStrings(reader, fields.rustflags, `${path}.rustflags`),
    mangling,
    runs
  };
}
function readBenchmark(reader, value, path) {
  const fields = reader.object(value, path, BENCHMARK_FIELDS);
  const events = readStrings(reader, fields.events, `${path}.events`);
  if (events.length === 0) reader.refuse(`${path}.events`, "expected at least one event");
  events.forEach((event, index) => {
    if (!EVENT_NAME.test(event)) {
      reader.refuse(`${path}.events[${index}]`, `${describeJsonValue(event)} is not an event name`);
    }
  });
  reader.unique(events, (index) => `${path}.events[${index}]`);
  const functions = reader.array(fields.functions, `${path}.functions`).map((entry, index) => readFunction(reader, entry, `${path}.functions[${index}]`, events));
  reader.unique(
    functions.map((entry) => entry.name),
    (index) => `${path}.functions[${index}].name`
  );
  return {
    name: reader.string(fields.name, `${path}.name`),
    target: reader.string(fields.target, `${path}.target`),
    ...fields.id === void 0 ? {} : { id: reader.string(fields.id, `${path}.id`) },
    harness: reader.oneOf(
      fields.harness,
      `${path}.harness`,
      HARNESSES,
      HARNESSES.map((name) => `"${name}"`).join(", ")
    ),
    command: readStrings(reader, fields.command, `${path}.command`),
    events,
    totals: readCounts(reader, fields.totals, `${path}.totals`, events),
    nondeterministic: readStrings(reader, fields.nondeterministic, `${path}.nondeterministic`),
    functions,
    ...fields.allocations === void 0 ? {} : { allocations: readAllocations(reader, fields.allocations, `${path}.allocations`) }
  };
}
function readAllocations(reader, value, path) {
  const fields = reader.object(value, path, ALLOCATION_FIELDS);
  const sites = reader.array(fields.sites, `${path}.sites`).map((site, index) => readSite(reader, site, `${path}.sites[${index}]`));
  reader.unique(sites.map(siteKey), (index) => `${path}.sites[${index}]`);
  return {
    allocations: readCount(reader, fields.allocations, `${path}.allocations`),
    bytes: readCount(reader, fields.bytes, `${path}.bytes`),
    peakBytes: readCount(reader, fields.peakBytes, `${path}.peakBytes`),
    sites
  };
}
function readSite(reader, value, path) {
  const fields = reader.object(value, path, SITE_FIELDS);
  return {
    function: reader.string(fields.function, `${path}.function`),
    file: reader.string(fields.file, `${path}.file`),
    line: readCount(reader, fields.line, `${path}.line`),
    allocations: readCount(reader, fields.allocations, `${path}.allocations`),
    bytes: readCount(reader, fields.bytes, `${path}.bytes`)
  };
}
function readFunction(reader, value, path, events) {
  const fields = reader.object(value, path, FUNCTION_FIELDS);
  return {
    name: reader.string(fields.name, `${path}.name`),
    file: reader.string(fields.file, `${path}.file`),
    line: readCount(reader, fields.line, `${path}.line`),
    counts: readCounts(reader, fields.counts, `${path}.counts`, events)
  };
}
function readCounts(reader, value, path, events) {
  const fields = reader.object(value, path, { required: events });
  const counts = {};
  for (const event of events) counts[event] = readCount(reader, fields[event], `${path}.${event}`);
  return counts;
}
function readStrings(reader, value, path) {
  return reader.array(value, path).map((item, index) => reader.string(item, `${path}[${index}]`));
}
function readCount(reader, value, path) {
  return reader.expect(
    value,
    path,
    (count) => Number.isSafeInteger(count) && count >= 0,
    "a whole number of at least 0"
  );
}
function serialiseProfileDocument(doc) {
  const header = {
    version: doc.version,
    tool: doc.tool,
    ...doc.commit === void 0 ? {} : { commit: doc.commit },
    createdAt: doc.createdAt,
    fingerprint: {
      valgrind: doc.fingerprint.valgrind,
      rustc: doc.fingerprint.rustc,
      target: doc.fingerprint.target,
      rustflags: doc.fingerprint.rustflags,
      mangling: doc.fingerprint.mangling,
      runs: doc.fingerprint.runs
    },
    ...doc.shard === void 0 ? {} : { shard: { index: doc.shard.index, count: doc.shard.count } }
  };
  const headerLines = JSON.stringify(header, null, 2).split("\n").slice(1, -1);
  const benchmarks = doc.benchmarks.map(serialiseBenchmark).join(",\n");
  const body = doc.benchmarks.length === 0 ? '  "benchmarks": []' : `  "benchmarks": [
${benchmarks}
  ]`;
  return `{
${headerLines.join("\n")},
${body}
}
`;
}
function serialiseBenchmark(benchmark) {
  const { events } = benchmark;
  const functions = benchmark.functions.map(
    (entry) => `        ${JSON.stringify({
      name: entry.name,
      file: entry.file,
      line: entry.line,
      counts: inEventOrder(entry.counts, events)
    })}`
  );
  const lines2 = [
    `      "name": ${JSON.stringify(benchmark.name)},`,
    `      "target": ${JSON.stringify(benchmark.target)},`,
    ...benchmark.id === void 0 ? [] : [`      "id": ${JSON.stringify(benchmark.id)},`],
    `      "harness": ${JSON.stringify(benchmark.harness)},`,
    `      "command": ${JSON.stringify(benchmark.command)},`,
    `      "events": ${JSON.stringify(events)},`,
    `      "totals": ${JSON.stringify(inEventOrder(benchmark.totals, events))},`,
    `      "nondeterministic": ${JSON.stringify(benchmark.nondeterministic)},`,
    functions.length === 0 ? '      "functions": []' : `      "functions": [
${functions.join(",\n")}
      ]`
  ];
  if (benchmark.allocations !== void 0) {
    lines2[lines2.length - 1] += ",";
    lines2.push(...serialiseAllocations(benchmark.allocations));
  }
  return `    {
${lines2.join("\n")}
    }`;
}
function serialiseAllocations(allocations) {
  const { sites } = allocations;
  const siteLines = sites.map(
    (site) => `          ${JSON.stringify({
      function: site.function,
      file: site.file,
      line: site.line,
      allocations: site.allocations,
      bytes: site.bytes
    })}`
  );
  return [
    '      "allocations": {',
    `        "allocations": ${allocations.allocations}, "bytes": ${allocations.bytes}, "peakBytes": ${allocations.peakBytes},`,
    siteLines.length === 0 ? '        "sites": []' : `        "sites": [
${siteLines.join(",\n")}
        ]`,
    "      }"
  ];
}
function inEventOrder(counts, events) {
  const ordered = {};
  for (const event of events) ordered[event] = counts[event] ?? 0;
  return ordered;
}

// src/compare/load-input.ts
async function loadProfileInput(path, options = { workspaceRoot: process.cwd() }) {
  if (await startsWithJsonObject(path)) {
    const text = await readFile(path, "utf8").catch((error) => {
      throw unreadable(path, error);
    });
    return parseProfileDocument(text, path);
  }
  const parsed = await parseCachegrindFile(path, parserOptions(options));
  const { mtime } = await stat(path);
  const { events, totals: totals2, functions } = normaliseColumns(parsed, options);
  return {
    version: PROFILE_VERSION,
    tool: TOOL_NAME,
    createdAt: mtime.toISOString(),
    fingerprint: {
      valgrind: "unknown",
      rustc: "unknown",
      target: "unknown",
      rustflags: [],
      // rustc's default; a raw file does not say which scheme its names were mangled with.
      mangling: "legacy",
      runs: 1
    },
    benchmarks: [
      {
        ...wholeProgram(benchmarkName(path)),
        command: parsed.command.split(/\s+/).filter((word) => word !== ""),
        events,
        totals: totals2,
        nondeterministic: [],
        functions
      }
    ]
  };
}
function benchmarkName(path) {
  const file = basename(path);
  return file.replace(/(\.\d+)?\.cachegrind\.out$/, "") || file;
}
async function startsWithJsonObject(path) {
  try {
    const handle = await open2(path, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      return buffer.toString("utf8", 0, bytesRead).trimStart().startsWith("{");
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(path, error);
  }
}

// src/inputs/percent.ts
var PERCENT = /^(?:\d+(?:\.\d+)?|\.\d+)%?$/;
function parsePercent(value, what) {
  const text = value.trim();
  const percent = PERCENT.test(text) ? Number(text.replace("%", "")) : Number.NaN;
  if (!(percent >= 0 && percent <= 100)) {
    throw new InputError(
      `${what} must be a percentage from 0% to 100% such as '1%' or '0.1%', got '${value}'.`
    );
  }
  return percent / 100;
}

// src/report/json.ts
function renderJson(comparison) {
  return `${JSON.stringify(comparison, null, 2)}
`;
}

// src/system/commit-id.ts
var FULL_COMMIT_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
var COMMIT_ID = /^[0-9a-f]{4,64}$/;

// src/report/format.ts
function formatCount(count) {
  const digits = Math.abs(count).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ",");
  return count < 0 ? `-${grouped}` : grouped;
}
function formatDelta(delta) {
  return delta > 0 ? `+${formatCount(delta)}` : formatCount(delta);
}
function formatChange(percent) {
  const rounded = percent.toFixed(2);
  if (Number(rounded) === 0) return "0.00%";
  return percent > 0 ? `+${rounded}%` : `${rounded}%`;
}
function changeText(change, status) {
  if (status === "added") return "new";
  return change === null ? "\u2014" : formatChange(change);
}
function formatThreshold(fraction) {
  return `${Number((fraction * 100).toFixed(6))}%`;
}
function describeThresholds(comparison) {
  const allocations = comparison.allocationThreshold === void 0 ? "" : `, its allocations beyond \xB1${formatThreshold(comparison.allocationThreshold)}`;
  return `a benchmark changes beyond \xB1${formatThreshold(comparison.threshold)}${allocations}, a function from ${formatThreshold(comparison.functionThreshold)} of its benchmark`;
}
function describeMeasurement(comparison) {
  const harnesses = new Set(comparison.benchmarks.map((benchmark) => benchmark.harness));
  const routines = harnesses.has("criterion") || harnesses.has("libtest");
  const wholes = harnesses.has("plain") || harnesses.has("divan");
  const tools = routines ? wholes ? "counted by Cachegrind for whole programs and by Callgrind for one iteration of each criterion or libtest routine" : "counted by Callgrind for one iteration of each benchmark\u2019s routine" : "counted by Cachegrind";
  return harnesses.has("divan") ? `${tools}; divan targets are measured as whole programs` : tools;
}
function describeEvent(event) {
  return event === "Ir" ? "instructions (Ir)" : event;
}
var UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function sanitise(text) {
  return text.replace(UNPRINTABLE, "\uFFFD");
}
function shorten(text, max) {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${characters.slice(0, head).join("")}\u2026${characters.slice(characters.length - tail).join("")}`;
}
function shortCommit(commit) {
  return commit.slice(0, 10);
}
function describeDifference(difference) {
  const baseLines = difference.base.split("\n");
  const headLines = difference.head.split("\n");
  const index = Math.max(
    0,
    baseLines.findIndex((line, position) => line !== headLines[position])
  );
  return {
    field: difference.field,
    base: baseLines[index] ?? "",
    head: headLines[index] ?? ""
  };
}
function countStatuses(comparison) {
  const count = (status) => comparison.benchmarks.filter((benchmark) => benchmark.status === status).length;
  return {
    regressed: count("regressed"),
    allocationRegressions: comparison.benchmarks.filter(
      (benchmark) => benchmark.allocations?.status === "regressed"
    ).length,
    improved: count("improved"),
    added: count("added"),
    removed: count("removed"),
    total: comparison.benchmarks.length
  };
}
function plural(count, singular, pluralForm = `${singular}s`) {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
function verdict(comparison, emphasise = (text) => text) {
  const counts = countStatuses(comparison);
  const parts = [];
  if (counts.regressed > 0) parts.push(emphasise(plural(counts.regressed, "regression")));
  if (counts.allocationRegressions > 0) {
    parts.push(emphasise(plural(counts.allocationRegressions, "allocation regression")));
  }
  if (counts.improved > 0) parts.push(plural(counts.improved, "improvement"));
  if (counts.added > 0) parts.push(`${formatCount(counts.added)} added`);
  if (counts.removed > 0) parts.push(`${formatCount(counts.removed)} removed`);
  const scope = plural(counts.total, "benchmark");
  if (counts.regressed === 0 && counts.allocationRegressions === 0 && counts.improved === 0) {
    const rest = parts.length > 0 ? ` (${parts.join(", ")})` : "";
    return `No significant change in ${scope}${rest}`;
  }
  return `${parts.join(", ")} in ${scope}`;
}

// src/report/markdown.ts
var TARGETS = {
  comment: {
    maxLength: 6e4,
    openRows: 10,
    foldedRows: 200,
    elsewhere: "the job summary or the JSON report",
    // Real builds differ in start-up code by a few instructions: rows of those bury what matters.
    listsSmallChanges: false
  },
  summary: {
    maxLength: 1048576,
    openRows: 25,
    foldedRows: 2e3,
    elsewhere: "the JSON report",
    listsSmallChanges: true
  }
};
var NAME_LENGTH = 200;
var PATH_LENGTH = 100;
var BENCHMARK_NAME_LENGTH = 100;
var FINGERPRINT_LENGTH = 120;
var BENCHMARK_STATUS = {
  regressed: "\u{1F534} regressed",
  improved: "\u{1F7E2} improved",
  unchanged: "\u26AA unchanged",
  added: "\u{1F195} added",
  removed: "\u2716\uFE0F removed"
};
var BENCHMARK_TABLE = [
  "| Benchmark | Base | Head | Change | Status |",
  "| :-- | --: | --: | --: | :-- |"
];
var ALLOCATION_BENCHMARK_TABLE = [
  "| Benchmark | Base | Head | Change | Status | Allocations | Change | Status |",
  "| :-- | --: | --: | --: | :-- | --: | --: | :-- |"
];
var SITE_TABLE = [
  "| Allocated in | Source | Base | Head | Change | Bytes base | Bytes head |",
  "| :-- | :-- | --: | --: | --: | --: | --: |"
];
var SITE_ROWS = 10;
var FUNCTION_TABLE = [
  "| Function | Source | Base | Head | Delta | Change | Status |",
  "| :-- | :-- | --: | --: | --: | --: | :-- |"
];
function renderMarkdown(comparison, options) {
  const limits = TARGETS[options.target];
  const links = repositoryLinks(options.repository);
  const withAllocations = comparison.allocationThreshold !== void 0;
  const top = [
    ...(options.warnings ?? []).flatMap((warning) => ["> [!WARNING]", `> ${warning}`, ""]),
    ...fingerprintWarning(comparison),
    verdictLine(comparison),
    "",
    ...withAllocations ? ALLOCATION_BENCHMARK_TABLE : BENCHMARK_TABLE
  ];
  const benchmarkRows = comparison.benchmarks.map(
    (benchmark) => benchmarkRow(benchmark, withAllocations)
  );
  const siteSections = comparison.benchmarks.flatMap(
    (benchmark) => allocationSites(benchmark, links)
  );
  const sections = comparison.benchmarks.filter((benchmark) => benchmark.functions.length > 0).sort(bySeverity).map((benchmark) => detailSection(benchmark, comparison.functionThreshold, limits));
  const footer2 = footerLines(comparison, links);
  const totalFunctions = sections.reduce((sum, section) => sum + section.changed, 0);
  const budget = new Budget(options.maxLength ?? limits.maxLength);
  budget.spend([
    ...top,
    "",
    omissionNote(comparison.benchmarks.length, totalFunctions, limits),
    "",
    ...siteSections,
    ...footer2
  ]);
  const shownBenchmarks = budget.takeRows(benchmarkRows, (row2) => row2, []);
  const plans = sections.map((section) => ({
    section,
    open: [],
    folded: [],
    included: false
  }));
  for (const plan of plans) {
    const fixed = [...plan.section.heading, ...plan.section.smallChangesNote];
    plan.included = fixed.length === 0 || budget.take(fixed);
  }
  const row = (change) => functionRow(change, links);
  for (const plan of plans.filter((candidate) => candidate.included)) {
    const candidates = plan.section.openCandidates.slice(0, limits.openRows);
    plan.open = budget.takeRows(candidates, row, [...FUNCTION_TABLE, ""]);
  }
  for (const plan of plans.filter((candidate) => candidate.included)) {
    const candidates = plan.section.foldedCandidates.slice(0, limits.foldedRows);
    const frame = [...detailsOpening(plan.section, -1), ...DETAILS_CLOSING];
    plan.folded = budget.takeRows(candidates, row, frame);
  }
  const lines2 = [...top, ...shownBenchmarks, ""];
  for (const { section, open: open3, folded, included } of plans) {
    if (!included) continue;
    lines2.push(...section.heading);
    if (open3.length > 0) lines2.push(...FUNCTION_TABLE, ...open3, "");
    if (folded.length > 0) {
      lines2.push(...detailsOpening(section, folded.length), ...folded, ...DETAILS_CLOSING);
    }
    lines2.push(...section.smallChangesNote);
  }
  const shownFunctions = plans.reduce(
    (sum, plan) => sum + plan.open.length + plan.folded.length,
    0
  );
  const leftOut = {
    benchmarks: comparison.benchmarks.length - shownBenchmarks.length,
    functions: totalFunctions - shownFunctions
  };
  if (leftOut.benchmarks > 0 || leftOut.functions > 0) {
    lines2.push(omissionNote(leftOut.benchmarks, leftOut.functions, limits), "");
  }
  lines2.push(...siteSections, ...footer2);
  return `${lines2.join("\n")}
`;
}
var Budget = class {
  constructor(remaining) {
    this.remaining = remaining;
  }
  remaining;
  exhausted = false;
  spend(lines2) {
    this.remaining -= size(lines2);
  }
  take(lines2) {
    const cost = size(lines2);
    if (this.exhausted || cost > this.remaining) {
      this.exhausted = true;
      return false;
    }
    this.remaining -= cost;
    return true;
  }
  /**
   * Renders `items` into rows in order while they fit, and returns the rows taken: each row is
   * rendered once, here, and only until the budget runs out. The first row comes with the
   * lines of its `frame` (a table header, a fold), which are paid for with it.
   */
  takeRows(items, render2, frame) {
    const rows = [];
    for (const item of items) {
      const row = render2(item);
      if (!this.take(rows.length === 0 ? [...frame, row] : [row])) break;
      rows.push(row);
    }
    return rows;
  }
};
function size(lines2) {
  return lines2.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}
var SEVERITY = ["regressed", "improved", "added", "removed", "unchanged"];
function bySeverity(a, b) {
  return SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status);
}
function detailSection(benchmark, functionThreshold, limits) {
  const highlighted = benchmark.status === "regressed" || benchmark.status === "improved";
  const open3 = highlighted ? benchmark.functions.filter((change) => change.significant).slice(0, limits.openRows) : [];
  const openSet = new Set(open3);
  const floor = functionThreshold * (benchmark.base ?? benchmark.head ?? 0);
  const listed = limits.listsSmallChanges ? benchmark.functions : benchmark.functions.filter((change) => matters(change, floor));
  const folded = listed.filter((change) => !openSet.has(change));
  const small = benchmark.functions.length - listed.length;
  const name = code(benchmark.name, BENCHMARK_NAME_LENGTH);
  const smallChanges = `${plural(small, "smaller change")} below the ${formatThreshold(functionThreshold)} function threshold`;
  return {
    benchmark,
    heading: highlighted ? [
      `#### ${BENCHMARK_STATUS[benchmark.status]}: ${code(benchmark.name, BENCHMARK_NAME_LENGTH)} ${changeText(benchmark.change, benchmark.status)}`,
      ""
    ] : [],
    openCandidates: open3,
    foldedCandidates: folded,
    changed: listed.length,
    smallChangesNote: small === 0 ? [] : listed.length > 0 ? [`\u2026 and ${smallChanges}.`, ""] : [`${name} (${benchmark.status}): ${smallChanges}.`, ""]
  };
}
function matters(change, floor) {
  return change.significant || change.movedTo !== void 0 || change.movedFrom !== void 0 || change.status === "noisy" && Math.abs(change.delta) >= floor;
}
function foldedCount(available, shown, noun) {
  const total = plural(available, noun);
  if (shown === available) return total;
  return `${formatCount(shown === -1 ? available : shown)} of ${total}`;
}
function detailsOpening(section, shown) {
  const { benchmark } = section;
  const name = code(benchmark.name, BENCHMARK_NAME_LENGTH);
  const available = section.foldedCandidates.length;
  const label = section.heading.length === 0 ? `${name} (${benchmark.status}): ${foldedCount(available, shown, "changed function")}` : section.openCandidates.length > 0 ? `${name}: ${foldedCount(available, shown, "more changed function")}` : `${name}: ${foldedCount(available, shown, "changed function")}`;
  return [`<details><summary>${label}</summary>`, "", ...FUNCTION_TABLE];
}
var DETAILS_CLOSING = ["", "</details>", ""];
function omissionNote(benchmarks, functions, limits) {
  const parts = [];
  if (benchmarks > 0) parts.push(`${formatCount(benchmarks)} more benchmarks`);
  if (functions > 0) parts.push(`${formatCount(functions)} more changed functions`);
  return `\u2026 and ${parts.join(" and ")}: see ${limits.elsewhere}.`;
}
function verdictLine(comparison) {
  const icon = comparison.regressed ? "\u{1F534}" : comparison.benchmarks.some((benchmark) => benchmark.status === "improved") ? "\u{1F7E2}" : "\u2705";
  return `${icon} ${verdict(comparison, (text) => `**${text}**`)} \xB7 ${describeEvent(escapeText(comparison.event))}`;
}
function fingerprintWarning(comparison) {
  if (comparison.fingerprintDifferences.length === 0) return [];
  const differences = comparison.fingerprintDifferences.map((difference) => {
    const { field, base, head } = describeDifference(difference);
    return `${escapeText(field)} ${code(base, FINGERPRINT_LENGTH)} \u2192 ${code(head, FINGERPRINT_LENGTH)}`;
  });
  return [
    "> [!WARNING]",
    `> The base and head were not measured under the same conditions, so some of these changes may come from the toolchain rather than the code: ${differences.join("; ")}.`,
    ""
  ];
}
function benchmarkRow(benchmark, withAllocations) {
  const cells = [
    code(benchmark.name, BENCHMARK_NAME_LENGTH),
    countText(benchmark.base),
    countText(benchmark.head),
    changeText(benchmark.change, benchmark.status),
    BENCHMARK_STATUS[benchmark.status]
  ];
  if (withAllocations) cells.push(...allocationCells(benchmark.allocations));
  return tableRow(cells);
}
function allocationCells(allocations) {
  if (allocations === void 0) return ["\u2014", "\u2014", "\u2014"];
  const { base, head, status } = allocations;
  const counts = base === null || head === null ? countText((head ?? base)?.allocations ?? null) : `${formatCount(base.allocations)} \u2192 ${formatCount(head.allocations)}`;
  return [counts, changeText(allocations.change, status), BENCHMARK_STATUS[status]];
}
function allocationSites(benchmark, links) {
  const allocations = benchmark.allocations;
  if (allocations === void 0 || allocations.base === null || allocations.head === null || allocations.sites.length === 0) {
    return [];
  }
  const shown = allocations.sites.slice(0, SITE_ROWS);
  const rows = shown.map(
    (site) => tableRow([
      code(site.function, NAME_LENGTH),
      sourceCell(site, links),
      formatCount(site.base.allocations),
      formatCount(site.head.allocations),
      formatDelta(site.head.allocations - site.base.allocations),
      formatCount(site.base.bytes),
      formatCount(site.head.bytes)
    ])
  );
  const rest = allocations.sites.length - shown.length;
  return [
    `Allocation sites of ${code(benchmark.name, BENCHMARK_NAME_LENGTH)} that changed (${BENCHMARK_STATUS[allocations.status]} ${changeText(allocations.change, allocations.status)} allocations):`,
    "",
    ...SITE_TABLE,
    ...rows,
    "",
    ...rest > 0 ? [`\u2026 and ${plural(rest, "more changed site")}: see the JSON report.`, ""] : []
  ];
}
function functionRow(change, links) {
  return tableRow([
    code(change.name, NAME_LENGTH),
    sourceCell(change, links),
    formatCount(change.base),
    formatCount(change.head),
    formatDelta(change.delta),
    changeText(change.change, change.status),
    functionStatus2(change)
  ]);
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function functionStatus2(change) {
  if (change.movedTo) return `\u2194\uFE0F moved to ${movedNames(change.movedTo)}`;
  if (change.movedFrom) return `\u2194\uFE0F moved from ${movedNames(change.movedFrom)}`;
  switch (change.status) {
    case "noisy":
      return "\u3030\uFE0F noisy";
    case "unchanged":
      return "\u26AA below threshold";
    default:
      return BENCHMARK_STATUS[change.status];
  }
}
function movedNames(names) {
  return names.map((name) => code(name, 60)).join(", ");
}
function sourceCell(change, links) {
  if (change.file === "???") return "?";
  const location = change.line > 0 ? `${change.file}:${change.line}` : change.file;
  const label = code(location, PATH_LENGTH);
  const url = links?.source(change.file, change.line);
  return url ? `[${label}](${url})` : label;
}
function countText(count) {
  return count === null ? "\u2014" : formatCount(count);
}
function footerLines(comparison, links) {
  const fingerprint = comparison.head.fingerprint;
  const facts = [
    `base ${commitText(comparison.base.commit, links)}`,
    `head ${commitText(comparison.head.commit, links)}`
  ];
  if (fingerprint) {
    facts.push(
      escapeText(shorten(fingerprint.rustc.split("\n")[0] ?? "", FINGERPRINT_LENGTH)),
      `valgrind ${escapeText(shorten(fingerprint.valgrind, FINGERPRINT_LENGTH))}`
    );
  }
  facts.push(
    describeThresholds(comparison),
    `${describeEvent(escapeText(comparison.event))} ${describeMeasurement(comparison)}`
  );
  return ["---", `<sub>${facts.join(" \xB7 ")}</sub>`];
}
function commitText(commit, links) {
  if (commit === void 0) return "commit unknown";
  const label = code(shortCommit(commit), 10);
  const url = links?.commit(commit);
  return url ? `[${label}](${url})` : label;
}
var REPOSITORY_URL = /^https?:\/\/[^\s<>()|"'`\\]+$/;
function repositoryLinks(repository) {
  if (!repository || !REPOSITORY_URL.test(repository.url) || !COMMIT_ID.test(repository.sha)) {
    return void 0;
  }
  const base = repository.url.replace(/\/+$/, "");
  return {
    source(file, line) {
      if (!isRepositoryPath(file)) return void 0;
      const path = file.split("/").map(encodePathSegment).join("/");
      return `${base}/blob/${repository.sha}/${path}${line > 0 ? `#L${line}` : ""}`;
    },
    commit: (sha) => COMMIT_ID.test(sha) ? `${base}/commit/${sha}` : void 0
  };
}
function isRepositoryPath(file) {
  if (file === "" || file.startsWith("/") || /^[A-Za-z]:/.test(file) || sanitise(file) !== file) {
    return false;
  }
  return file.split("/").every(
    (segment) => segment !== "" && segment !== "." && segment !== ".." && !segment.includes("\\")
  );
}
function encodePathSegment(segment) {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function code(text, maxLength) {
  return `<code>${escapeText(shorten(text, maxLength))}</code>`;
}
var MARKUP = /[&<>|\\`*_~[\]#]/g;
function escapeText(text) {
  return sanitise(text).replace(MARKUP, (character) => `&#${character.charCodeAt(0)};`).replaceAll("@", "@&#8203;").replace(/:(?=\/\/)/g, "&#58;").replace(/\b(www)\./gi, "$1&#46;");
}

// src/report/columns.ts
function alignColumns(rows, columns) {
  const widths = columns.map((column, index) => {
    let width = column.minWidth ?? 0;
    for (const row of rows) width = Math.max(width, (row[index] ?? "").length);
    return Math.min(width, column.maxWidth ?? width);
  });
  return rows.map(
    (row) => row.map((cell, index) => {
      const align = columns[index]?.align ?? "left";
      if (align === "last") return cell;
      const width = widths[index] ?? 0;
      return align === "right" ? cell.padStart(width) : cell.padEnd(width);
    }).join("  ").trimEnd()
  );
}

// src/report/text.ts
var LISTED_FUNCTIONS = 20;
var plain = (text) => text;
var ansi = (code2) => (text) => `\x1B[${code2}m${text}\x1B[0m`;
var PLAIN = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };
var COLOURED = {
  bold: ansi(1),
  dim: ansi(2),
  red: ansi(31),
  green: ansi(32),
  yellow: ansi(33)
};
function renderText(comparison, options) {
  const palette = options.color ? COLOURED : PLAIN;
  const lines2 = [
    `${verdict(comparison, palette.red)} \xB7 ${describeEvent(sanitise(comparison.event))}`
  ];
  if (comparison.fingerprintDifferences.length > 0) {
    const differences = comparison.fingerprintDifferences.map((difference) => {
      const { field, base, head } = describeDifference(difference);
      return `${sanitise(field)} ${sanitise(base)} \u2192 ${sanitise(head)}`;
    });
    lines2.push(
      palette.yellow(
        `warning: base and head were not measured under the same conditions: ${differences.join("; ")}`
      )
    );
  }
  const withAllocations = comparison.allocationThreshold !== void 0;
  lines2.push("", ...benchmarkTable(comparison.benchmarks, withAllocations, palette));
  for (const benchmark of comparison.benchmarks) {
    lines2.push(...functionSection(benchmark, palette), ...siteSection(benchmark));
  }
  lines2.push("", footer(comparison));
  return `${lines2.join("\n")}
`;
}
function benchmarkTable(benchmarks, withAllocations, palette) {
  const rows = benchmarks.map((benchmark) => {
    const allocations = benchmark.allocations;
    const cells = [
      sanitise(benchmark.name),
      benchmark.base === null ? "\u2014" : formatCount(benchmark.base),
      benchmark.head === null ? "\u2014" : formatCount(benchmark.head),
      changeText(benchmark.change, benchmark.status),
      benchmark.status
    ];
    if (withAllocations) {
      cells.push(
        allocations?.base ? formatCount(allocations.base.allocations) : "\u2014",
        allocations?.head ? formatCount(allocations.head.allocations) : "\u2014",
        allocations ? changeText(allocations.change, allocations.status) : "\u2014",
        allocations ? allocations.status : "\u2014"
      );
    }
    const worst = allocations?.status === "regressed" ? allocations.status : benchmark.status;
    return { cells, style: statusStyle(worst, palette) };
  });
  const header = ["benchmark", "base", "head", "change", "status"];
  const alignments = ["left", "right", "right", "right", "left"];
  if (withAllocations) {
    header.push("allocs base", "allocs head", "change", "status");
    alignments.push("right", "right", "right", "left");
  }
  return styledTable(header, rows, alignments);
}
function siteSection(benchmark) {
  const allocations = benchmark.allocations;
  if (!allocations?.base || !allocations.head || allocations.sites.length === 0) return [];
  const listed = allocations.sites.slice(0, LISTED_FUNCTIONS);
  const rows = listed.map((site) => ({
    cells: [
      formatCount(site.base.allocations),
      formatCount(site.head.allocations),
      formatDelta(site.head.allocations - site.base.allocations),
      formatDelta(site.head.bytes - site.base.bytes),
      functionLabel({ name: site.function, file: site.file, line: site.line })
    ],
    style: plain
  }));
  const rest = allocations.sites.length - listed.length;
  return [
    "",
    `${sanitise(benchmark.name)}: allocations ${allocations.status} ${changeText(allocations.change, allocations.status)}`,
    ...styledTable(["base", "head", "delta", "bytes", "allocated in"], rows, [
      "right",
      "right",
      "right",
      "right",
      "last"
    ]).map((line) => `  ${line}`),
    ...rest > 0 ? [`  \u2026 and ${plural(rest, "more changed site")} (--format json lists them all)`] : []
  ];
}
function functionSection(benchmark, palette) {
  if (benchmark.status === "added" || benchmark.status === "removed") return [];
  const notable = benchmark.functions.filter(
    (change2) => change2.significant || change2.movedTo || change2.movedFrom
  );
  if (notable.length === 0) return [];
  const listed = notable.slice(0, LISTED_FUNCTIONS);
  const rows = listed.map((change2) => ({
    cells: [
      formatCount(change2.base),
      formatCount(change2.head),
      formatDelta(change2.delta),
      changeText(change2.change, change2.status),
      functionStatus3(change2),
      functionLabel(change2)
    ],
    style: statusStyle(change2.status, palette)
  }));
  const change = benchmark.change === null ? "" : ` ${formatChange(benchmark.change)}`;
  const heading = `${palette.bold(sanitise(benchmark.name))}: ${benchmark.status}${change}`;
  const lines2 = [
    "",
    heading,
    ...styledTable(["base", "head", "delta", "change", "status", "function"], rows, [
      "right",
      "right",
      "right",
      "right",
      "left",
      "last"
    ]).map((line) => `  ${line}`)
  ];
  const rest = benchmark.functions.length - listed.length;
  if (rest > 0) {
    lines2.push(
      palette.dim(
        `  \u2026 and ${plural(rest, "more changed function")} (--format json lists them all)`
      )
    );
  }
  return lines2;
}
function functionStatus3(change) {
  if (change.movedTo || change.movedFrom) return "moved";
  return change.status === "unchanged" ? "below threshold" : change.status;
}
function functionLabel(change) {
  const location = change.file === "???" ? "" : ` (${sanitise(change.file)}${change.line > 0 ? `:${change.line}` : ""})`;
  const moved = change.movedTo ? ` \u2192 ${change.movedTo.map(sanitise).join(", ")}` : change.movedFrom ? ` \u2190 ${change.movedFrom.map(sanitise).join(", ")}` : "";
  return `${sanitise(change.name)}${location}${moved}`;
}
function statusStyle(status, palette) {
  switch (status) {
    case "regressed":
      return palette.red;
    case "improved":
      return palette.green;
    case "noisy":
    case "unchanged":
      return palette.dim;
    default:
      return plain;
  }
}
function styledTable(header, rows, alignments) {
  const columns = alignments.map((align) => ({ align }));
  const [headerLine = "", ...lines2] = alignColumns(
    [header, ...rows.map((row) => row.cells)],
    columns
  );
  return [headerLine, ...lines2.map((line, index) => rows[index].style(line))];
}
function footer(comparison) {
  const commit = (value) => value === void 0 ? "commit unknown" : sanitise(shortCommit(value));
  return `thresholds: ${describeThresholds(comparison)} \xB7 base ${commit(comparison.base.commit)} \xB7 head ${commit(comparison.head.commit)}` + (comparison.benchmarks.every((benchmark) => benchmark.harness === "plain") ? "" : `
${describeMeasurement(comparison)}`);
}

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, args2, options, allowPositionals) {
  try {
    return parseArgs({
      args: attachValues(args2, options),
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals,
      strict: true
    });
  } catch (error) {
    throw new InputError(`${usageProblem(error)} (see \`rust-perf ${command} --help\`)`);
  }
}
function usageProblem(error) {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const positional = /^Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument '${positional[1]}'`;
  return message.split("\n")[0];
}
function attachValues(args2, options) {
  const takesValue = /* @__PURE__ */ new Set();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== "string") continue;
    takesValue.add(`--${name}`);
    if (option.short) takesValue.add(`-${option.short}`);
  }
  const joined = [];
  for (let index = 0; index < args2.length; index += 1) {
    const arg = args2[index];
    if (arg === "--") {
      joined.push(...args2.slice(index));
      break;
    }
    const value = args2[index + 1];
    if (takesValue.has(arg) && value !== void 0) {
      joined.push(arg.startsWith("--") ? `${arg}=${value}` : `${arg}${value}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

// src/cli/compare-command.ts
var FORMATS = ["markdown", "text", "json"];
var compareOptions = {
  threshold: { type: "string", default: "1%" },
  "function-threshold": { type: "string", default: "0.1%" },
  "allocation-threshold": { type: "string", default: "1%" },
  format: { type: "string" },
  "fail-on-regression": { type: "boolean", default: false }
};
var compareOptionsHelp = `  --threshold PERCENT            A benchmark regresses (improves) when its total
                                 grows (shrinks) by more than this. Default: 1%
  --function-threshold PERCENT   A function's change is significant from this
                                 share of its benchmark's total on. Default: 0.1%
  --allocation-threshold PERCENT A benchmark's allocations regress (improve) when
                                 their count grows (shrinks) by more than this;
                                 any change is listed. Default: 1%
  --format markdown|text|json    Report format. Default: text on a terminal,
                                 markdown otherwise.
  --fail-on-regression           Exit with status 1 when a benchmark regressed.`;
var help = `rust-perf compare: compare two profiles function by function

Usage: rust-perf compare BASE HEAD [options]

BASE and HEAD are profile.json files written by \`rust-perf measure\`, or raw
Cachegrind output files (*.cachegrind.out), each taken as one benchmark named
after the file.

Options:
${compareOptionsHelp}
  -h, --help                     Show this help.

Exit status: 0 compared (regressions are reported, not failures, unless
--fail-on-regression), 1 a regression with --fail-on-regression, 2 a usage
error or an unreadable input.
`;
var compareCommand = {
  name: "compare",
  summary: "compare two profiles and report the functions that got slower",
  help,
  async execute(args2, context) {
    const { values, positionals } = parseCommandArgs("compare", args2, compareOptions, true);
    const [basePath, headPath, ...extra] = positionals;
    if (basePath === void 0 || headPath === void 0 || extra.length > 0) {
      throw new InputError(
        `expected two files, BASE and HEAD, got ${positionals.length}.`,
        "Run `rust-perf compare --help` for usage."
      );
    }
    const report = reportSettingsFromOptions(values, context);
    const workspace = { workspaceRoot: context.cwd };
    const base = await loadProfileInput(resolve(context.cwd, basePath), workspace);
    const head = await loadProfileInput(resolve(context.cwd, headPath), workspace);
    const comparison = compareProfiles(
      base,
      pairSingleBenchmarks(base, head, context),
      report.compare
    );
    return printReport(comparison, report, context);
  }
};
function reportSettingsFromOptions(values, context) {
  return {
    compare: {
      threshold: parsePercent(values.threshold, "--threshold"),
      functionThreshold: parsePercent(values["function-threshold"], "--function-threshold"),
      allocationThreshold: parsePercent(values["allocation-threshold"], "--allocation-threshold")
    },
    format: chooseFormat(values.format, context),
    failOnRegression: values["fail-on-regression"]
  };
}
function printReport(comparison, report, context) {
  context.stdout(render(comparison, report.format, context));
  return comparison.regressed && report.failOnRegression ? 1 : 0;
}
function pairSingleBenchmarks(base, head, context) {
  const [baseBenchmark, ...otherBase] = base.benchmarks;
  const [headBenchmark, ...otherHead] = head.benchmarks;
  if (!baseBenchmark || !headBenchmark || otherBase.length > 0 || otherHead.length > 0) return head;
  if (baseBenchmark.name === headBenchmark.name) return head;
  context.log.info(
    `Comparing benchmark '${headBenchmark.name}' with '${baseBenchmark.name}', the only one on each side.`
  );
  return { ...head, benchmarks: [{ ...headBenchmark, name: baseBenchmark.name }] };
}
function chooseFormat(value, context) {
  if (value === void 0) return context.isTTY ? "text" : "markdown";
  if (!FORMATS.includes(value)) {
    throw new InputError(`--format must be one of ${FORMATS.join(", ")}, got '${value}'.`);
  }
  return value;
}
function render(comparison, format, context) {
  switch (format) {
    case "json":
      return renderJson(comparison);
    case "text":
      return renderText(comparison, { color: context.isTTY && !context.env.NO_COLOR });
    case "markdown":
      return renderMarkdown(comparison, { target: "summary" });
  }
}

// src/cli/measure-command.ts
import { join as join9, resolve as resolve7 } from "node:path";

// src/cargo/cargo.ts
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname as dirname3, resolve as resolve4 } from "node:path";

// src/system/process.ts
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
var nodeProcessRunner = {
  run(command, args2, options) {
    return new Promise((resolve11, reject) => {
      const child = spawn(command, args2, {
        cwd: options.cwd,
        env: options.env,
        signal: options.signal,
        stdio: ["ignore", "pipe", "pipe"]
      });
      const stdout = collectLines(options.onStdoutLine);
      const stderr = collectLines(options.onStderrLine);
      child.stdout.on("data", stdout.write);
      child.stderr.on("data", stderr.write);
      child.on("error", reject);
      child.on("close", (exitCode2, signal) => {
        resolve11({ exitCode: exitCode2, signal, stdout: stdout.end(), stderr: stderr.end() });
      });
    });
  }
};
function isMissingProgram(error) {
  const code2 = error?.code;
  return code2 === "ENOENT" || code2 === "EACCES";
}
function collectLines(onLine) {
  const decoder = new StringDecoder("utf8");
  let text = "";
  let lineStart = 0;
  const emitLines = (final) => {
    if (!onLine) return;
    let newline = text.indexOf("\n", lineStart);
    while (newline !== -1) {
      onLine(text.slice(lineStart, newline).replace(/\r$/, ""));
      lineStart = newline + 1;
      newline = text.indexOf("\n", lineStart);
    }
    if (final && lineStart < text.length) {
      onLine(text.slice(lineStart));
      lineStart = text.length;
    }
  };
  return {
    write: (chunk) => {
      text += decoder.write(chunk);
      emitLines(false);
    },
    end: () => {
      text += decoder.end();
      emitLines(true);
      return text;
    }
  };
}
function definedEnvironment(env) {
  const result = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0) result[name] = value;
  }
  return result;
}

// src/cargo/artifacts.ts
import { dirname, isAbsolute, resolve as resolve2 } from "node:path";

// src/inputs/command-line.ts
var BENCHMARK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function parseNamedCommand(spec) {
  const equals = spec.indexOf("=");
  const name = spec.slice(0, Math.max(equals, 0)).trim();
  const command = spec.slice(equals + 1).trim();
  if (equals === -1 || !BENCHMARK_NAME.test(name) || command === "") {
    throw new InputError(
      `'${spec}' is not a command to measure: expected NAME=COMMAND, e.g. 'report=report --lines 2000'`,
      "NAME is made of letters, digits, `_`, `-` and `.`; it names the benchmark in the report."
    );
  }
  splitCommandLine(command);
  return { name, command };
}
function splitCommandLine(line) {
  const words = [];
  let word;
  let index = 0;
  const fail = (reason) => {
    throw new InputError(`cannot run the command \`${line}\`: ${reason}`);
  };
  while (index < line.length) {
    const char = line[index];
    index += 1;
    if (/\s/.test(char)) {
      if (word !== void 0) words.push(word);
      word = void 0;
    } else if (char === "'") {
      const end = line.indexOf("'", index);
      if (end === -1) fail("a single quote is not closed");
      word = (word ?? "") + line.slice(index, end);
      index = end + 1;
    } else if (char === '"') {
      word ??= "";
      for (; ; ) {
        const next = line[index];
        index += 1;
        if (next === void 0) fail("a double quote is not closed");
        if (next === '"') break;
        if (next === "\\" && (line[index] === '"' || line[index] === "\\")) {
          word += line[index];
          index += 1;
        } else {
          word += next;
        }
      }
    } else if (char === "\\") {
      if (index >= line.length) fail("it ends with a backslash");
      word = (word ?? "") + line[index];
      index += 1;
    } else if ("|&;<>$`".includes(char)) {
      fail(
        `'${char}' is shell syntax, and the command is run without a shell (quote it if it is an argument)`
      );
    } else {
      word = (word ?? "") + char;
    }
  }
  if (word !== void 0) words.push(word);
  if (words.length === 0) fail("it is empty");
  return words;
}

// src/cargo/artifacts.ts
function executablesFromCargoJson(output) {
  const executables = [];
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = parseCargoMessage(line);
    if (message.reason !== "compiler-artifact") continue;
    const artifact = message;
    if (!artifact.executable) continue;
    const kinds = artifact.target.kind;
    const kind = kinds.includes("bench") ? "bench" : artifact.profile.test ? void 0 : kinds.includes("bin") ? "bin" : kinds.includes("example") ? "example" : void 0;
    if (kind === void 0) continue;
    executables.push({
      name: artifact.target.name,
      kind,
      path: artifact.executable,
      packageRoot: dirname(artifact.manifest_path)
    });
  }
  return executables;
}
function parseCargoMessage(line) {
  try {
    return JSON.parse(line);
  } catch {
    throw new BuildError(`cargo printed a line that is not JSON on stdout: ${line.slice(0, 200)}`);
  }
}
function selectBenches(executables, names) {
  const benches = executables.filter((executable) => executable.kind === "bench");
  const available = [...new Set(benches.map((bench) => bench.name))].sort();
  const wanted = names.length > 0 ? [...new Set(names)] : available;
  return wanted.map((name) => {
    const matches = benches.filter((bench2) => bench2.name === name);
    if (matches.length === 0) {
      throw new InputError(
        `there is no bench target named '${name}'`,
        available.length > 0 ? `The bench targets are: ${available.join(", ")}.` : "The package has no bench targets: add one under benches/ (with `harness = false` in a [[bench]] section) or measure a program with --command."
      );
    }
    if (matches.length > 1) {
      throw new InputError(
        `more than one package has a bench target named '${name}'`,
        "Measure one package at a time: pass `-p PACKAGE` in the cargo arguments."
      );
    }
    const bench = matches[0];
    return { name, executable: bench.path, args: [], cwd: bench.packageRoot };
  }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function resolveCommand(command, executables, packageRoot) {
  const [program, ...args2] = splitCommandLine(command.command);
  const built = executables.find(
    (executable) => executable.kind !== "bench" && executable.name === program
  );
  if (built) {
    return { name: command.name, executable: built.path, args: args2, cwd: built.packageRoot };
  }
  if (program.includes("/")) {
    const executable = isAbsolute(program) ? program : resolve2(packageRoot, program);
    return { name: command.name, executable, args: args2, cwd: packageRoot };
  }
  const programs = [
    ...new Set(
      executables.filter((executable) => executable.kind !== "bench").map((executable) => `${executable.name} (${executable.kind})`)
    )
  ];
  throw new InputError(
    `the command '${command.name}' runs '${program}', which is not a binary or example that cargo built`,
    programs.length > 0 ? `Cargo built: ${programs.join(", ")}. To build another, add e.g. \`--example ${program} --benches\` to the cargo arguments.` : `Add e.g. \`--example ${program} --benches\` or \`--bin ${program} --benches\` to the cargo arguments so that cargo builds it, or give a path to the program.`
  );
}

// src/cargo/metadata.ts
import { resolve as resolve3 } from "node:path";
function parseCargoMetadata(stdout) {
  const invalid = (reason) => new BuildError(`cargo metadata printed something rust-perf cannot read: ${reason}`);
  const raw = parseJson(stdout, invalid);
  if (!isJsonObject(raw) || typeof raw.workspace_root !== "string" || typeof raw.target_directory !== "string" || !Array.isArray(raw.packages)) {
    throw invalid("no workspace_root, target_directory or packages");
  }
  return {
    workspaceRoot: raw.workspace_root,
    targetDirectory: raw.target_directory,
    packages: raw.packages.map((entry) => {
      const pkg = entry;
      return {
        name: pkg.name,
        manifestPath: resolve3(pkg.manifest_path),
        targets: pkg.targets.map((target) => ({
          name: target.name,
          kind: target.kind,
          srcPath: target.src_path
        })),
        dependencies: pkg.dependencies.map((dependency) => ({
          name: dependency.name,
          ...dependency.rename ? { rename: dependency.rename } : {},
          req: dependency.req,
          kind: dependency.kind === "dev" || dependency.kind === "build" ? dependency.kind : "normal"
        }))
      };
    })
  };
}

// src/cargo/path-remap.ts
import { createHash } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function writePathRemapWrapper(targetDir, workspaceRoot, userWrapper) {
  const key = createHash("sha256").update(workspaceRoot).digest("hex").slice(0, 16);
  const directory = join(targetDir, "rust-perf", "rustc-wrapper", key);
  const path = join(directory, "remap-path-prefix");
  const wrapped = userWrapper ? `${shellQuote(userWrapper)} ` : "";
  const script = [
    "#!/bin/sh",
    "# Written by rust-perf: remaps the workspace root out of the debug info of its own crates.",
    `exec ${wrapped}"$@" ${shellQuote(`--remap-path-prefix=${workspaceRoot}=`)}`,
    ""
  ].join("\n");
  await mkdir(directory, { recursive: true });
  await writeFile(path, script);
  await chmod(path, 493);
  return path;
}
function shellQuote(text) {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// src/cargo/rustflags.ts
import { dirname as dirname2, join as join2 } from "node:path";
var V0_MANGLING_FLAG = "-Csymbol-mangling-version=v0";
function userRustflags(context) {
  const { env } = context;
  const ignored = Object.keys(env).filter((name) => /^CARGO_TARGET_.+_RUSTFLAGS$/.test(name)).map((name) => `${name} (environment)`);
  if (env.CARGO_ENCODED_RUSTFLAGS !== void 0) {
    const encoded = env.CARGO_ENCODED_RUSTFLAGS;
    const flags2 = encoded === "" ? [] : encoded.split("");
    return { flags: flags2, source: "CARGO_ENCODED_RUSTFLAGS", ignored };
  }
  for (const name of ["RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS"]) {
    const value = env[name];
    if (value !== void 0) return { flags: splitWhitespace(value), source: name, ignored };
  }
  const flags = [];
  const sources = [];
  for (const file of configFiles(context)) {
    const text = context.readFile(file);
    if (text === void 0) continue;
    const config = readRustflagsConfig(text, file);
    if (config.buildRustflags) {
      flags.push(...config.buildRustflags);
      sources.push(file);
    }
    if (config.hasTargetRustflags) ignored.push(`target.<triple>.rustflags in ${file}`);
  }
  return { flags, source: sources.length > 0 ? sources.join(", ") : "none", ignored };
}
function withV0Mangling(userFlags) {
  const chosen = manglingVersion(userFlags);
  if (chosen === void 0) return { rustflags: [...userFlags, V0_MANGLING_FLAG], mangling: "v0" };
  return { rustflags: [...userFlags], mangling: chosen === "v0" ? "v0" : "legacy" };
}
function manglingVersion(flags) {
  let version;
  for (const [index, flag] of flags.entries()) {
    const option = flag === "-C" || flag === "--codegen" ? flags[index + 1] : flag.match(/^(?:-C|--codegen=)(.*)$/)?.[1];
    const value = option?.match(/^symbol-mangling-version=(.*)$/)?.[1];
    if (value !== void 0) version = value;
  }
  return version;
}
function configFiles(context) {
  const directories = [];
  for (let directory = context.cwd; ; directory = dirname2(directory)) {
    directories.unshift(join2(directory, ".cargo"));
    if (dirname2(directory) === directory) break;
  }
  const cargoHome = context.env.CARGO_HOME ?? join2(context.home, ".cargo");
  if (!directories.includes(cargoHome)) directories.unshift(cargoHome);
  return directories.map(
    (directory) => context.readFile(join2(directory, "config")) === void 0 ? join2(directory, "config.toml") : join2(directory, "config")
  );
}
function readRustflagsConfig(text, file) {
  const config = { hasTargetRustflags: false };
  const reader = new ValueReader(text, file);
  let table = "";
  while (!reader.atEnd()) {
    const line = reader.restOfLine();
    const header = line.match(/^\s*\[\s*([^\]\s]+)\s*\]\s*(?:#.*)?$/);
    if (header) {
      table = header[1];
      reader.skipLine();
      continue;
    }
    const key = line.match(/^\s*([\w.-]+)\s*=\s*/);
    const fullKey = key ? table === "" ? key[1] : `${table}.${key[1]}` : void 0;
    if (fullKey === "build.rustflags") {
      reader.advance(key[0].length);
      const value = reader.readValue();
      config.buildRustflags = typeof value === "string" ? splitWhitespace(value) : value;
      reader.expectEndOfLine();
      continue;
    }
    if (fullKey !== void 0 && /^target\..+\.rustflags$/.test(fullKey)) {
      config.hasTargetRustflags = true;
    }
    reader.skipLine();
  }
  return config;
}
var ValueReader = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
  }
  text;
  file;
  position = 0;
  atEnd() {
    return this.position >= this.text.length;
  }
  restOfLine() {
    const end = this.text.indexOf("\n", this.position);
    return this.text.slice(this.position, end === -1 ? void 0 : end);
  }
  skipLine() {
    const end = this.text.indexOf("\n", this.position);
    this.position = end === -1 ? this.text.length : end + 1;
  }
  advance(count) {
    this.position += count;
  }
  readValue() {
    const char = this.text[this.position];
    if (char === '"' || char === "'") return this.readString();
    if (char !== "[") this.fail("rustflags must be a string or an array of strings");
    this.position += 1;
    const items = [];
    for (; ; ) {
      this.skipBlank();
      const next = this.text[this.position];
      if (next === "]") {
        this.position += 1;
        return items;
      }
      if (next !== '"' && next !== "'") this.fail("rustflags must be an array of strings");
      items.push(this.readString());
      this.skipBlank();
      if (this.text[this.position] === ",") this.position += 1;
      else if (this.text[this.position] !== "]") this.fail("expected ',' or ']' in rustflags");
    }
  }
  expectEndOfLine() {
    const rest = this.restOfLine();
    if (!/^\s*(?:#.*)?$/.test(rest)) this.fail(`unexpected text after rustflags: ${rest.trim()}`);
    this.skipLine();
  }
  /** Whitespace, newlines and comments, as allowed between array items. */
  skipBlank() {
    for (; ; ) {
      const char = this.text[this.position];
      if (char === " " || char === "	" || char === "\r" || char === "\n") this.position += 1;
      else if (char === "#") this.skipLine();
      else return;
    }
  }
  readString() {
    const quote = this.text[this.position];
    if (this.text.startsWith(quote.repeat(3), this.position)) {
      this.fail("multi-line strings in rustflags are not supported; use an array of strings");
    }
    this.position += 1;
    let value = "";
    for (; ; ) {
      const char = this.text[this.position];
      if (char === void 0 || char === "\n") this.fail("unterminated string in rustflags");
      this.position += 1;
      if (char === quote) return value;
      if (char === "\\" && quote === '"') value += this.readEscape();
      else value += char;
    }
  }
  readEscape() {
    const char = this.text[this.position];
    this.position += 1;
    const simple = {
      b: "\b",
      t: "	",
      n: "\n",
      f: "\f",
      r: "\r",
      '"': '"',
      "\\": "\\"
    };
    if (char !== void 0 && char in simple) return simple[char];
    const digits = char === "u" ? 4 : char === "U" ? 8 : 0;
    const hex = this.text.slice(this.position, this.position + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
      this.fail(`invalid escape \\${char ?? ""} in a rustflags string`);
    }
    this.position += digits;
    return String.fromCodePoint(Number.parseInt(hex, 16));
  }
  fail(reason) {
    const lineNumber = this.text.slice(0, this.position).split("\n").length;
    throw new CorruptFileError(this.file, lineNumber, reason);
  }
};
function splitWhitespace(value) {
  return value.split(/\s+/).filter((flag) => flag !== "");
}

// src/cargo/cargo.ts
async function buildBenchmarks(settings, deps) {
  const { log } = deps;
  const manifestPath = resolve4(settings.manifestPath);
  const user = userRustflags({
    env: deps.env,
    cwd: dirname3(manifestPath),
    home: homedir(),
    readFile: readTextIfExists
  });
  for (const setting of user.ignored) {
    log.warn(
      `rust-perf does not read ${setting}: those flags are not used. Set them in RUSTFLAGS or build.rustflags instead.`
    );
  }
  const { rustflags, mangling } = withV0Mangling(user.flags);
  const env = cargoEnvironment(deps.env, rustflags, settings.targetDir);
  env.RUSTC_WORKSPACE_WRAPPER = await writePathRemapWrapper(
    settings.targetDir,
    settings.workspaceRoot,
    env.RUSTC_WORKSPACE_WRAPPER
  );
  const build = async (subcommand) => {
    const args2 = [
      ...subcommand,
      "--manifest-path",
      manifestPath,
      "--message-format=json-render-diagnostics",
      ...settings.cargoArgs
    ];
    const progress = progressUntilErrors(log);
    const result = await runCargo(args2, manifestPath, env, deps, progress.line);
    if (result.exitCode !== 0) {
      throw new BuildError(
        `\`cargo ${args2.join(" ")}\` failed (${result.signal ?? `exit ${result.exitCode}`}):
${cargoErrors(result.stderr)}`,
        "Fix these build errors; `cargo bench --no-run` shows them too."
      );
    }
    progress.flush();
    return executablesFromCargoJson(result.stdout);
  };
  return log.group("Building benchmarks", async () => {
    log.info(`rustflags: ${rustflags.join(" ")} (user flags from ${user.source})`);
    const only = settings.benches.flatMap((name) => ["--bench", name]);
    const executables = await build(["bench", "--no-run", ...only]);
    if (settings.buildPrograms) {
      executables.push(...await build(["build", "--profile", "bench", "--bins", "--examples"]));
    }
    return { executables, rustflags, mangling };
  });
}
async function cargoMetadata(manifestPath, deps) {
  const path = resolve4(manifestPath);
  const args2 = ["metadata", "--no-deps", "--format-version", "1", "--manifest-path", path];
  const result = await runCargo(args2, path, definedEnvironment(deps.env), deps);
  if (result.exitCode !== 0) {
    throw new BuildError(`cargo could not read ${path}:
${cargoErrors(result.stderr)}`);
  }
  return parseCargoMetadata(result.stdout);
}
async function targetDirectory(manifestPath, deps) {
  return (await cargoMetadata(manifestPath, deps)).targetDirectory;
}
function cargoEnvironment(env, rustflags, targetDir) {
  const result = definedEnvironment(env);
  delete result.RUSTFLAGS;
  for (const profile of ["BENCH", "RELEASE"]) {
    result[`CARGO_PROFILE_${profile}_DEBUG`] = "line-tables-only";
    result[`CARGO_PROFILE_${profile}_STRIP`] = "none";
  }
  result.CARGO_ENCODED_RUSTFLAGS = rustflags.join("");
  result.CARGO_TARGET_DIR = targetDir;
  return result;
}
function runCargo(args2, manifestPath, env, deps, onStderrLine) {
  checkManifestExists(manifestPath);
  deps.log.debug(`cargo ${args2.join(" ")} (in ${dirname3(manifestPath)})`);
  return deps.processes.run("cargo", args2, { cwd: dirname3(manifestPath), env, signal: deps.signal, onStderrLine }).catch((error) => {
    if (!isMissingProgram(error)) throw error;
    throw new EnvironmentError(
      "cargo was not found on PATH",
      "Install Rust with rustup (https://rustup.rs); on GitHub Actions, add a toolchain step such as dtolnay/rust-toolchain before this one."
    );
  });
}
function checkManifestExists(manifestPath) {
  if (!existsSync(manifestPath)) {
    throw new InputError(
      `there is no Cargo.toml at ${manifestPath}`,
      "Point the manifest path at the Cargo.toml of the crate whose benchmarks to measure."
    );
  }
}
function progressUntilErrors(log) {
  const held = [];
  return {
    line(line) {
      if (held.length > 0 || ERROR_LINE.test(line)) held.push(line);
      else log.info(line);
    },
    flush() {
      for (const line of held.splice(0)) log.info(line);
    }
  };
}
var ERROR_LINE = /^error(\[\w+\])?:/;
function cargoErrors(stderr) {
  const lines2 = stderr.trimEnd().split("\n");
  const firstError = lines2.findIndex((line) => ERROR_LINE.test(line));
  const errors = firstError === -1 ? lines2.slice(-40) : lines2.slice(firstError);
  return errors.length > 80 ? [...errors.slice(0, 80), "\u2026"].join("\n") : errors.join("\n");
}
function readTextIfExists(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}

// src/cargo/find-manifest.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname4, join as join3, resolve as resolve5 } from "node:path";
function findManifest(directory) {
  const start = resolve5(directory);
  for (let current = start; ; current = dirname4(current)) {
    const candidate = join3(current, "Cargo.toml");
    if (existsSync2(candidate)) return candidate;
    if (dirname4(current) === current) break;
  }
  throw new InputError(
    `there is no Cargo.toml in ${start} or any directory above it`,
    "Run rust-perf inside the crate whose benchmarks to measure, or name its manifest with --manifest-path PATH/Cargo.toml."
  );
}

// src/inputs/harness-setting.ts
var TARGET_NAME = /^[A-Za-z0-9_-]+$/;
function parseHarnessSetting(spec) {
  const equals = spec.indexOf("=");
  const target = spec.slice(0, Math.max(equals, 0)).trim();
  const harness = HARNESSES.find((name) => name === spec.slice(equals + 1).trim());
  if (equals === -1 || !TARGET_NAME.test(target) || harness === void 0) {
    throw new InputError(
      `'${spec}' is not a harness setting: expected TARGET=HARNESS, e.g. 'ops=criterion'`,
      `TARGET is a bench target's name; HARNESS is one of ${HARNESSES.join(", ")}.`
    );
  }
  return [target, harness];
}
function parseHarnessSettings(specs) {
  const settings = /* @__PURE__ */ new Map();
  for (const spec of specs) {
    const [target, harness] = parseHarnessSetting(spec);
    if (settings.has(target)) {
      throw new InputError(
        `the harness of '${target}' is set twice`,
        "Set each target\u2019s harness once."
      );
    }
    settings.set(target, harness);
  }
  return settings;
}

// src/inputs/metrics.ts
var METRICS = ["instructions", "allocations"];
var DEFAULT_METRICS = ["instructions"];
function parseMetrics(value, what) {
  const names = value.split(/[\s,]+/).filter((name) => name !== "");
  if (names.length === 0) return [...DEFAULT_METRICS];
  const unknown = names.find((name) => !METRICS.includes(name));
  if (unknown !== void 0) {
    throw new InputError(
      `${what} must list metrics among ${METRICS.join(" and ")}, separated by commas, got '${unknown}'.`
    );
  }
  return METRICS.filter((metric) => metric === "instructions" || names.includes(metric));
}

// src/inputs/run-count.ts
var MAX_RUNS = 20;
function runCount(value) {
  const text = value.trim();
  const runs = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return runs >= 1 && runs <= MAX_RUNS ? runs : void 0;
}
function parseRuns(value, what) {
  const runs = runCount(value);
  if (runs === void 0) {
    throw new InputError(
      `${what} must be a whole number from 1 to ${MAX_RUNS}, not '${value}'`,
      "Two runs (the default) are enough to notice functions whose counts vary."
    );
  }
  return runs;
}

// src/inputs/timeout.ts
var UNIT_SECONDS = { "": 1, s: 1, m: 60, h: 3600 };
function parseTimeout(value, what) {
  const text = value.trim();
  const match = /^(\d{1,6})([smh]?)$/.exec(text);
  if (text !== "" && !match) {
    throw new InputError(
      `${what} must be a whole number of seconds, or of minutes or hours with 'm' or 'h' (e.g. '90', '15m', '1h'), or 0 for none, got '${value}'`
    );
  }
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2]] : 0;
  return seconds === 0 ? void 0 : seconds;
}
function formatDuration(seconds) {
  const parts = [
    [Math.floor(seconds / 3600), "h"],
    [Math.floor(seconds % 3600 / 60), "m"],
    [seconds % 60, "s"]
  ];
  return parts.filter(([count]) => count > 0).map(([count, unit]) => `${count}${unit}`).join(" ");
}

// src/measure/measure.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { mkdir as mkdir4, readdir as readdir2, rm as rm4, writeFile as writeFile3 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname as dirname8, join as join8, resolve as resolve6 } from "node:path";

// src/benchmarks/bench-targets.ts
import { dirname as dirname5, relative } from "node:path";

// src/benchmarks/harness.ts
var GUNGRAUN_CRATES = ["gungraun", "iai-callgrind", "iai_callgrind"];
function detectHarness(libtestHarness, source, devDependencies, sourceName) {
  if (libtestHarness) return { harness: "libtest", evidence: "harness = true (the default)" };
  const code2 = withoutComments(source);
  const aliases = (crates) => devDependencies.filter((dependency) => crates.includes(dependency.name)).map((dependency) => (dependency.rename ?? dependency.name).replace(/-/g, "_"));
  const gungraun = [.../* @__PURE__ */ new Set([...aliases(GUNGRAUN_CRATES), "gungraun", "iai_callgrind"])];
  if (gungraun.some((alias) => new RegExp(`\\b${alias}\\s*::\\s*main\\s*!`).test(code2)) || /\b(?:library|binary)_benchmark_group\s*!/.test(code2)) {
    return { harness: "gungraun", evidence: `Gungraun's main! in ${sourceName}` };
  }
  if (/\bcriterion_main\s*!/.test(code2)) {
    return { harness: "criterion", evidence: `criterion_main! in ${sourceName}` };
  }
  const divan = [.../* @__PURE__ */ new Set([...aliases(["divan"]), "divan"])];
  if (divan.some((alias) => new RegExp(`\\b${alias}\\s*::\\s*main\\s*\\(`).test(code2))) {
    return { harness: "divan", evidence: `divan::main() in ${sourceName}` };
  }
  return { harness: "plain", evidence: `harness = false, its own main in ${sourceName}` };
}
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, "");
}
function criterionVersionWarning(devDependencies) {
  const criterion = devDependencies.find((dependency) => dependency.name === "criterion");
  if (!criterion) return void 0;
  const version = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(criterion.req);
  if (!version) return void 0;
  const [major, minor, patch] = [Number(version[1]), Number(version[2]), Number(version[3] ?? 0)];
  const known = major === 0 && (minor > 3 || minor === 3 && patch >= 4) && minor <= 7;
  return known ? void 0 : `criterion ${criterion.req} is outside the versions rust-perf knows (0.3.4 to 0.7): its benchmarks are measured as for those, so check that each one is listed`;
}

// src/benchmarks/manifest.ts
var TABLE_HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
var KEY_VALUE = /^\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*(?:#[^"']*)?$/;
function declaredBenches(manifest) {
  const benches = [];
  let current;
  for (const line of manifest.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const header = TABLE_HEADER.exec(line);
    if (header) {
      current = line.trim().startsWith("[[") && header[1] === "bench" ? { harness: true } : void 0;
      if (current) benches.push(current);
      continue;
    }
    const entry = current && KEY_VALUE.exec(line);
    if (!current || !entry) continue;
    const [, key, value] = entry;
    if (key === "harness") current.harness = value !== "false";
    else if (key === "name" || key === "path") {
      const text = tomlString(value);
      if (text !== void 0) current[key] = text;
    }
  }
  return benches;
}
function tomlString(value) {
  const basic = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  if (basic) return basic[1].replace(/\\(["\\])/g, "$1");
  return /^'([^']*)'$/.exec(value)?.[1];
}
function usesLibtest(declared, name, srcPath) {
  const table = declared.find(
    (bench) => bench.name === name || bench.path !== void 0 && samePath(bench.path, srcPath)
  );
  return table?.harness ?? true;
}
function samePath(a, b) {
  const clean = (path) => path.replace(/^\.\//, "");
  return clean(a) === clean(b);
}

// src/benchmarks/bench-targets.ts
function findBenchTargets(metadata, manifestPath, named, overrides, readText) {
  const own = metadata.packages.filter((pkg) => pkg.manifestPath === manifestPath);
  const packages = own.length > 0 ? own : metadata.packages;
  const all = packages.flatMap(
    (pkg) => pkg.targets.filter((target) => target.kind.includes("bench")).map((target) => ({ pkg, target }))
  );
  const available = [...new Set(all.map(({ target }) => target.name))].sort();
  for (const name of [...named, ...overrides.keys()]) {
    if (!available.includes(name)) {
      throw new InputError(
        `there is no bench target named '${name}'`,
        available.length > 0 ? `The bench targets are: ${available.join(", ")}.` : "The package has no bench targets: add one under benches/ or measure a program with a command."
      );
    }
  }
  const wanted = named.length > 0 ? all.filter(({ target }) => named.includes(target.name)) : all;
  const manifests = /* @__PURE__ */ new Map();
  return wanted.map(({ pkg, target }) => {
    const packageRoot = dirname5(pkg.manifestPath);
    const override = overrides.get(target.name);
    if (override !== void 0) {
      return { name: target.name, harness: override, evidence: "as configured", packageRoot };
    }
    if (!manifests.has(pkg)) manifests.set(pkg, readText(pkg.manifestPath));
    const sourceName = relative(packageRoot, target.srcPath);
    const libtest = usesLibtest(declaredBenches(manifests.get(pkg)), target.name, sourceName);
    const devDependencies = pkg.dependencies.filter((dependency) => dependency.kind === "dev");
    const finding = detectHarness(libtest, readText(target.srcPath), devDependencies, sourceName);
    return { name: target.name, ...finding, packageRoot };
  }).sort((a, b) => compareText(a.name, b.name));
}

// src/benchmarks/listing.ts
var LISTED_BENCHMARK = /^(.+): bench(?:mark)?$/;
function listedBenchmarks(stdout) {
  return stdout.split(/\r?\n/).map((line) => LISTED_BENCHMARK.exec(line)?.[1]).filter((id) => id !== void 0);
}

// src/benchmarks/list-ids.ts
async function listBenchmarkIds(program, cut, env, deps) {
  const result = await deps.processes.run(program.executable, cut.listArgs, {
    cwd: program.cwd,
    env: { ...env, PWD: program.cwd },
    signal: deps.signal
  });
  if (result.exitCode !== 0) {
    const how = result.signal === null ? `exited with status ${result.exitCode}` : `was killed by ${result.signal}`;
    throw new BenchmarkError(
      `bench ${program.name} ${how} when asked to list its benchmarks (${cut.listArgs.join(" ")}):
${result.stderr.trimEnd().split("\n").slice(-20).join("\n")}`,
      `rust-perf found the ${cut.harness} harness in it; if that is wrong, say which harness it uses with the harness setting (e.g. ${program.name}=plain).`
    );
  }
  return listedBenchmarks(result.stdout);
}

// src/benchmarks/routine-cut.ts
var CRITERION_ROUTINES = ["Bencher", "AsyncBencher"].flatMap(
  (bencher) => ["iter", "iter_custom", "iter_batched", "iter_batched_ref"].map(
    (method) => `<criterion::bencher::${bencher}>::${method}::<*`
  )
);
var CRITERION_BOUNDARIES = [
  "*criterion::routine::*",
  "*criterion::benchmark_group::BenchmarkGroup*"
];
var CRITERION_TIMING = [
  "<criterion::measurement::WallTime as criterion::measurement::Measurement>::*",
  "<std::time::Instant>::*",
  "std::time::Instant::*"
];
var LIBTEST_ROUTINE = "<*::{closure#*} as core::ops::function::FnOnce<(&mut test::bench::Bencher,)>>::call_once";
var LIBTEST_ROUTINE_PATH = /^<(.+)::\{closure#\d+\} as core::ops::function::FnOnce<\(&mut test::bench::Bencher,\)>>::call_once$/;
var LIBTEST_BOUNDARY = "test::__rust_begin_short_backtrace*";
var LIBTEST_TIMING = ["<std::time::Instant>::*", "std::time::Instant::*"];
function routineCut(harness) {
  switch (harness) {
    case "criterion":
      return {
        harness,
        listArgs: ["--bench", "--list"],
        // Without --bench, criterion runs in test mode.
        runArgs: [],
        callgrindArgs: callgrindArgs(CRITERION_ROUTINES, CRITERION_BOUNDARIES),
        isRoutine: matcher(CRITERION_ROUTINES),
        isTiming: matcher(CRITERION_TIMING)
      };
    case "libtest":
      return {
        harness,
        listArgs: ["--list"],
        // Without --bench, libtest runs each benchmark once as a test; one thread keeps the
        // parts in order and the counts free of scheduling.
        runArgs: ["--test-threads=1"],
        callgrindArgs: callgrindArgs([LIBTEST_ROUTINE], [LIBTEST_BOUNDARY]),
        isRoutine: matcher([LIBTEST_ROUTINE]),
        isTiming: matcher(LIBTEST_TIMING),
        idOfRoutine(name, target) {
          const path = LIBTEST_ROUTINE_PATH.exec(name)?.[1];
          const crate = `${target.replace(/-/g, "_")}::`;
          return path?.startsWith(crate) ? path.slice(crate.length) : void 0;
        }
      };
    default:
      return void 0;
  }
}
function callgrindArgs(routines, boundaries) {
  return [
    "--tool=callgrind",
    "--collect-atstart=no",
    ...routines.map((pattern) => `--toggle-collect=${pattern}`),
    ...boundaries.map((pattern) => `--dump-after=${pattern}`),
    "--combine-dumps=yes"
  ];
}
function matcher(patterns) {
  const expression = new RegExp(
    `^(?:${patterns.map(
      (pattern) => pattern.split("").map(
        (char) => char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      ).join("")
    ).join("|")})$`,
    "s"
  );
  return (name) => expression.test(name);
}

// src/cargo/toolchain.ts
async function rustcVersion(processes, env, cwd) {
  const result = await processes.run("rustc", ["-vV"], { cwd, env }).catch((error) => {
    if (!isMissingProgram(error)) throw error;
    throw new EnvironmentError(
      "rustc was not found on PATH",
      "Install Rust with rustup (https://rustup.rs)."
    );
  });
  if (result.exitCode !== 0) {
    throw new EnvironmentError(`\`rustc -vV\` failed: ${result.stderr.trim()}`);
  }
  return result.stdout.trim();
}
function targetTriple(rustc, cargoArgs) {
  let target = rustc.match(/^host: (.+)$/m)?.[1]?.trim();
  for (const [index, arg] of cargoArgs.entries()) {
    if (arg === "--target") target = cargoArgs[index + 1] ?? target;
    else if (arg.startsWith("--target=")) target = arg.slice("--target=".length);
  }
  if (target === void 0) {
    throw new EnvironmentError(`\`rustc -vV\` did not name the host target:
${rustc}`);
  }
  return target;
}

// src/profile/shard-assignment.ts
import { createHash as createHash2 } from "node:crypto";
function shardAssignment(count, costs = /* @__PURE__ */ new Map()) {
  const loads = new Array(count).fill(0);
  const costed = /* @__PURE__ */ new Map();
  const byCost = [...costs].sort(
    ([a, costA], [b, costB]) => costB - costA || hashOf(a, 0) - hashOf(b, 0) || (a < b ? -1 : 1)
  );
  for (const [unit, cost] of byCost) {
    let best = 0;
    for (let shard = 1; shard < count; shard++) {
      const lighter = loads[shard] < loads[best];
      const tie = loads[shard] === loads[best] && hashOf(unit, shard) > hashOf(unit, best);
      if (lighter || tie) best = shard;
    }
    loads[best] += cost;
    costed.set(unit, best + 1);
  }
  return (unit) => costed.get(unit) ?? rendezvous(unit, count);
}
function shareOf(spec, units, costs) {
  const shardOf2 = shardAssignment(spec.count, costs);
  return units.filter((unit) => shardOf2(unit) === spec.index);
}
function rendezvous(unit, count) {
  let best = 0;
  for (let shard = 1; shard < count; shard++) {
    if (hashOf(unit, shard) > hashOf(unit, best)) best = shard;
  }
  return best + 1;
}
function hashOf(unit, shard) {
  return createHash2("sha256").update(`${unit}\0${shard}`).digest().readUIntBE(0, 6);
}

// src/system/concurrency.ts
import { setMaxListeners } from "node:events";
var Slots = class {
  #free;
  #waiting = [];
  constructor(count) {
    this.#free = count;
  }
  /** Resolves, once a slot is taken, to the function that gives it back (once; then no-op). */
  async acquire(signal) {
    signal.throwIfAborted();
    if (this.#free > 0) this.#free -= 1;
    else await new Promise((resolve11) => this.#waiting.push(resolve11));
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.#handOver();
    };
    if (signal.aborted) {
      release();
      signal.throwIfAborted();
    }
    return release;
  }
  /** Straight to the next in line, so that no newcomer takes the slot in between. */
  #handOver() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
};
async function allInOrder(promises) {
  const settled = await Promise.allSettled(promises);
  const values = settled.map((outcome) => {
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  });
  return values;
}
async function allOrNone(count, signal, task) {
  const controller2 = new AbortController();
  setMaxListeners(count, controller2.signal);
  const forwardAbort = () => controller2.abort(signal?.reason);
  signal?.addEventListener("abort", forwardAbort, { once: true });
  let failure;
  try {
    await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        try {
          await task(index, controller2.signal);
        } catch (error) {
          failure ??= { error };
          controller2.abort();
        }
      })
    );
  } finally {
    signal?.removeEventListener("abort", forwardAbort);
  }
  if (failure) throw failure.error;
  signal?.throwIfAborted();
}

// src/measure/routine.ts
function routineProfile(part, isRoot, isExcluded) {
  const { names } = part.profile.functions;
  const kept = new Uint8Array(names.length);
  const toVisit = [];
  names.forEach((name, fn) => {
    if (isRoot(name)) {
      kept[fn] = 1;
      toVisit.push(fn);
    }
  });
  if (toVisit.length === 0) return void 0;
  const calleesOf = callees(part.calls, names.length);
  for (let caller = toVisit.pop(); caller !== void 0; caller = toVisit.pop()) {
    for (const callee of calleesOf[caller]) {
      if (kept[callee] === 0 && !isExcluded(names[callee])) {
        kept[callee] = 1;
        toVisit.push(callee);
      }
    }
  }
  return keptFunctions(part.profile, kept);
}
function callees(calls, functions) {
  const calleesOf = Array.from({ length: functions }, () => []);
  for (let edge = 0; edge < calls.length; edge++) {
    calleesOf[calls.callers[edge]].push(calls.callees[edge]);
  }
  return calleesOf;
}
function keptFunctions(profile, kept) {
  const { functions, events } = profile;
  const width = events.length;
  const indices = functions.names.flatMap((_, fn) => kept[fn] === 1 ? [fn] : []);
  const counts = new Float64Array(indices.length * width);
  const totals2 = new Array(width).fill(0);
  indices.forEach((fn, index) => {
    const own = functions.counts.subarray(fn * width, (fn + 1) * width);
    counts.set(own, index * width);
    own.forEach((count, event) => {
      totals2[event] += count;
    });
  });
  return {
    command: profile.command,
    events,
    totals: totals2,
    functions: {
      length: indices.length,
      names: indices.map((fn) => functions.names[fn]),
      files: indices.map((fn) => functions.files[fn]),
      lines: Float64Array.from(indices, (fn) => functions.lines[fn]),
      counts
    }
  };
}

// src/measure/benchmark-parts.ts
function benchmarksOfParts(parts, ids, cut, target) {
  const measured = parts.filter((part) => (part.profile.totals[0] ?? 0) > 0);
  const profiles = /* @__PURE__ */ new Map();
  measured.forEach((part, index) => {
    const routine = routineProfile(part, cut.isRoutine, cut.isTiming);
    const id = cut.idOfRoutine ? idFromRoutine(part, cut, target) : ids[index];
    if (routine === void 0 || id === void 0 || !ids.includes(id) || profiles.has(id)) {
      throw misplaced(
        target,
        cut,
        `part ${part.part} (${part.trigger}) matches no listed benchmark`
      );
    }
    profiles.set(id, routine);
  });
  const missing = ids.filter((id) => !profiles.has(id));
  if (missing.length > 0) {
    throw misplaced(
      target,
      cut,
      `no part was measured for ${missing.map((id) => `'${id}'`).join(", ")}`
    );
  }
  return profiles;
}
function idFromRoutine(part, cut, target) {
  const ids = new Set(
    part.profile.functions.names.filter((name) => cut.isRoutine(name)).map((name) => cut.idOfRoutine(name, target))
  );
  return ids.size === 1 ? [...ids][0] : void 0;
}
function misplaced(target, cut, what) {
  return new BenchmarkError(
    `bench ${target}: its ${cut.harness} benchmarks could not be told apart under Callgrind: ${what}`,
    `rust-perf runs each ${cut.harness} benchmark once and counts its routine; a harness version it does not know, or benchmarks that run other benchmarks, can defeat this. Measure the target as one whole program instead with the harness setting \`${target}=plain\`, and please report the harness version.`
  );
}

// src/measure/run.ts
import { readdir, readFile as readFile2, rename, rm } from "node:fs/promises";
import { machine } from "node:os";
import { basename as basename2, dirname as dirname6, join as join5 } from "node:path";

// src/measure/dhat.ts
function dhatArgs(outFile) {
  return ["--tool=dhat", "--fullpath-after=", "--num-callers=40", `--dhat-out-file=${outFile}`];
}
var POINT_FIELDS = ["tb", "tbk", "gb", "fs"];
function parseDhat(text, source) {
  const invalid = (reason) => new CorruptFileError(source, void 0, `not a DHAT heap profile: ${reason}`);
  const data = parseJson(text, (reason) => invalid(`invalid JSON (${reason})`));
  const reader = new StrictJsonReader(
    (path, problem) => invalid(
      `${path === "" ? "the document" : path}: ${problem.kind === "expected" ? `expected ${problem.expected}` : problem.kind === "rule" ? problem.rule : `${problem.kind} ${problem.key}`}`
    )
  );
  const document = reader.object(data, "");
  if (document.dhatFileVersion !== 2) {
    reader.refuse("dhatFileVersion", "expected version 2 (valgrind 3.15 or later)");
  }
  if (document.mode !== "heap") reader.refuse("mode", 'expected "heap"');
  const table = reader.array(document.ftbl, "ftbl").map((frame, index) => reader.string(frame, `ftbl[${index}]`));
  return reader.array(document.pps, "pps").map((value, index) => {
    const path = `pps[${index}]`;
    const point = reader.object(value, path);
    for (const field of POINT_FIELDS) {
      if (point[field] === void 0)
        reader.fail(path, { kind: "missing", key: field, object: point });
    }
    const count = (field) => reader.expect(
      point[field],
      `${path}.${field}`,
      (item) => Number.isSafeInteger(item) && item >= 0,
      "a whole number of at least 0"
    );
    const frames = reader.array(point.fs, `${path}.fs`).map((frame, at) => {
      const text2 = table[reader.integer(frame, `${path}.fs[${at}]`)];
      return text2 ?? reader.refuse(`${path}.fs[${at}]`, `no frame ${String(frame)} in ftbl`);
    });
    return { allocations: count("tbk"), bytes: count("tb"), bytesAtPeak: count("gb"), frames };
  });
}
var FRAME = /^(0x[0-9A-Fa-f]+): (.*?)(?: \((?:in [^()]*|([^()]+):(\d+)(?::\d+)?)\))?$/;
var UNKNOWN_INLINED = "UnknownInlinedFun";
function readFrame(text) {
  const match = FRAME.exec(text);
  if (match === null) return { address: "", name: text, file: "", line: 0 };
  return { address: match[1], name: match[2], file: match[3] ?? "", line: Number(match[4] ?? 0) };
}
function isWorkspaceFrame(frame, options) {
  return frame.file.includes("/./") ? false : isOwnFile(frame.file, options);
}
function allocationProfile(points, options) {
  const sites = /* @__PURE__ */ new Map();
  let allocations = 0;
  let bytes = 0;
  let peakBytes = 0;
  for (const point of points) {
    allocations += point.allocations;
    bytes += point.bytes;
    peakBytes += point.bytesAtPeak;
    if (point.allocations === 0) continue;
    const site = siteOf(point.frames, options);
    const key = siteKey(site);
    const known = sites.get(key);
    if (known === void 0) {
      sites.set(key, { ...site, allocations: point.allocations, bytes: point.bytes });
    } else {
      known.allocations += point.allocations;
      known.bytes += point.bytes;
    }
  }
  return { allocations, bytes, peakBytes, sites: [...sites.values()].sort(bySize) };
}
function siteOf(texts, options) {
  const frames = texts.map(readFrame);
  const chosen = frames.find((frame) => isWorkspaceFrame(frame, options)) ?? frames.find((frame) => frame.file !== "");
  if (chosen === void 0) return { function: "???", file: "???", line: 0 };
  const name = chosen.name === UNKNOWN_INLINED ? frames.findLast((frame) => frame.address === chosen.address).name : chosen.name;
  return {
    function: normaliseName(name),
    file: normalisePath(chosen.file, options),
    line: chosen.line
  };
}
function bySize(a, b) {
  return b.allocations - a.allocations || b.bytes - a.bytes || compareText(a.function, b.function) || compareText(a.file, b.file) || a.line - b.line;
}

// src/measure/valgrind.ts
import { accessSync, constants } from "node:fs";
import { delimiter, join as join4 } from "node:path";
var INSTALL_HINT = "rust-perf runs benchmarks under Valgrind (Cachegrind). Install it with `sudo apt-get install -y valgrind` on Debian/Ubuntu (or your distribution\u2019s package manager); valgrind runs on Linux only.";
async function detectValgrind(processes, env, platform = process.platform) {
  if (platform !== "linux") {
    throw new EnvironmentError(
      `valgrind runs on Linux only, and this is ${platform}`,
      "Run rust-perf on a Linux machine, or in a Linux container or CI runner."
    );
  }
  const path = findOnPath("valgrind", env.PATH ?? "");
  if (path === void 0) {
    throw new EnvironmentError("valgrind was not found on PATH", INSTALL_HINT);
  }
  const result = await processes.run(path, ["--version"], {
    cwd: "/",
    env: { PATH: env.PATH ?? "" }
  });
  const version = result.stdout.trim().match(/^valgrind-(\d+\.\d+\.\d+)/)?.[1];
  if (result.exitCode !== 0 || version === void 0) {
    throw new EnvironmentError(
      `\`${path} --version\` did not print a valgrind version (exit ${result.exitCode ?? result.signal}): ${(result.stdout + result.stderr).trim()}`,
      INSTALL_HINT
    );
  }
  return { version, path };
}
function findOnPath(name, path) {
  for (const directory of path.split(delimiter)) {
    if (directory === "") continue;
    const candidate = join4(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function cachegrindArgs(outFile) {
  return ["--tool=cachegrind", "--cache-sim=no", `--cachegrind-out-file=${outFile}`];
}

// src/measure/run.ts
var HEARTBEAT_SECONDS = 30;
function benchmarkEnvironment(env) {
  const result = {
    PATH: env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: env.HOME ?? "/",
    LANG: "C",
    LC_ALL: "C"
  };
  if (env.TMPDIR) result.TMPDIR = env.TMPDIR;
  return result;
}
async function aslrOffPrefix(processes, env) {
  const prefix = ["setarch", machine(), "-R"];
  try {
    const probe = await processes.run("setarch", [...prefix.slice(1), "true"], { cwd: "/", env });
    return probe.exitCode === 0 ? prefix : [];
  } catch (error) {
    if (isMissingProgram(error)) return [];
    throw error;
  }
}
async function runUnderCachegrind(benchmarkRun, setup, deps, parserOptions2) {
  const started = performance.now();
  await runUnderValgrind(benchmarkRun, cachegrindArgs(benchmarkRun.outFile), [], setup, deps);
  const parsed = await parseCachegrindFile(benchmarkRun.outFile, parserOptions2);
  deps.log.info(
    `${runLabel(benchmarkRun)}: ${(parsed.totals[0] ?? 0).toLocaleString("en-US")} ${parsed.events[0] ?? ""} in ${secondsSince(started)}s`
  );
  return parsed;
}
async function runUnderDhat(benchmarkRun, setup, deps, normalisation) {
  const started = performance.now();
  const { outFile } = benchmarkRun;
  await runUnderValgrind(benchmarkRun, dhatArgs(outFile), [], setup, deps);
  const allocations = allocationProfile(
    parseDhat(await readFile2(outFile, "utf8"), outFile),
    normalisation
  );
  deps.log.info(
    `${runLabel(benchmarkRun)}: ${allocations.allocations.toLocaleString("en-US")} allocations in ${secondsSince(started)}s`
  );
  return allocations;
}
async function runUnderCallgrind(benchmarkRun, cut, setup, deps, parserOptions2) {
  const { outFile } = benchmarkRun;
  const started = performance.now();
  const toolArgs = [
    ...cut.callgrindArgs,
    "--child-silent-after-fork=yes",
    `--callgrind-out-file=${outFile}.%p`
  ];
  const result = await runUnderValgrind(benchmarkRun, toolArgs, cut.runArgs, setup, deps);
  await keepOwnOutput(outFile, valgrindPid(result.stderr));
  const parts = await parseCallgrindFile(outFile, parserOptions2);
  const measured = parts.filter((part) => (part.profile.totals[0] ?? 0) > 0).length;
  deps.log.info(`${runLabel(benchmarkRun)}: ${measured} benchmarks in ${secondsSince(started)}s`);
  return parts;
}
async function runUnderValgrind(benchmarkRun, toolArgs, programArgs, setup, deps) {
  const { target } = benchmarkRun;
  const [program, ...args2] = [
    ...setup.aslrOff,
    setup.valgrind,
    ...toolArgs,
    target.executable,
    ...target.args,
    ...programArgs
  ];
  deps.log.debug(`${runLabel(benchmarkRun)}: ${[program, ...args2].join(" ")} (in ${target.cwd})`);
  const result = await withTimeLimit(
    benchmarkRun,
    setup.timeoutSeconds,
    deps,
    (signal) => deps.processes.run(program, args2, {
      cwd: target.cwd,
      env: { ...setup.env, PWD: target.cwd },
      signal
    })
  );
  if (result.exitCode !== 0) {
    const built = target.built ?? target;
    const how = result.signal === null ? `exited with status ${result.exitCode}` : `was killed by ${result.signal}`;
    throw new BenchmarkError(
      `${runLabel(benchmarkRun)} ${how}. The end of its output:
${benchmarkStderrTail(result.stderr)}`,
      `Run it without rust-perf to see the problem: ${[built.executable, ...target.args, ...programArgs].join(" ")} (in ${built.cwd}).`
    );
  }
  return result;
}
async function withTimeLimit(benchmarkRun, timeoutSeconds, deps, run) {
  const timeout = new AbortController();
  const signal = deps.signal ? AbortSignal.any([deps.signal, timeout.signal]) : timeout.signal;
  let heartbeats = 0;
  const heartbeat = setInterval(() => {
    heartbeats += 1;
    deps.log.info(
      `${runLabel(benchmarkRun)}: still running after ${formatDuration(heartbeats * HEARTBEAT_SECONDS)}`
    );
  }, HEARTBEAT_SECONDS * 1e3);
  const timer = timeoutSeconds === void 0 ? void 0 : setTimeout(() => timeout.abort(), timeoutSeconds * 1e3);
  try {
    return await run(signal);
  } catch (error) {
    if (!timeout.signal.aborted || deps.signal?.aborted) throw error;
    const limit = formatDuration(timeoutSeconds);
    throw new BenchmarkError(
      `${runLabel(benchmarkRun)} did not finish within its time limit of ${limit}: valgrind was stopped.`,
      `Under valgrind a program runs some 20 to 100 times slower than on its own. Give it more time (\`--timeout\`, or the action's \`timeout\` input), or make the benchmark do less work.`
    );
  } finally {
    clearInterval(heartbeat);
    clearTimeout(timer);
  }
}
function runLabel({ target, runNumber, runs }) {
  return `bench ${target.name}${runs > 1 ? ` (run ${runNumber}/${runs})` : ""}`;
}
function secondsSince(started) {
  return ((performance.now() - started) / 1e3).toFixed(1);
}
function valgrindPid(stderr) {
  const pid = /^==(\d+)==/m.exec(stderr)?.[1];
  if (pid === void 0) throw new Error("valgrind printed no ==pid== line");
  return pid;
}
async function keepOwnOutput(outFile, pid) {
  const prefix = `${basename2(outFile)}.`;
  const directory = dirname6(outFile);
  const others = (await readdir(directory)).filter(
    (name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)) && name !== `${prefix}${pid}`
  );
  await rename(`${outFile}.${pid}`, outFile);
  await Promise.all(others.map((name) => rm(join5(directory, name), { force: true })));
}
function benchmarkStderrTail(stderr, count = 20) {
  const lines2 = stderr.trimEnd().split("\n");
  const own = lines2.filter((line) => !/^(==|--)\d+(==|--)/.test(line));
  const shown = (own.some((line) => line.trim() !== "") ? own : lines2).slice(-count);
  return shown.map((line) => `  ${line}`).join("\n");
}

// src/measure/runs.ts
function combineRuns(identity2, runs) {
  const { name } = identity2;
  const [first] = runs;
  if (first === void 0) throw new Error(`combineRuns: no runs of ${name}`);
  const { events } = first;
  for (const run of runs) {
    if (run.events.join(" ") !== events.join(" ")) {
      throw new Error(
        `combineRuns: runs of ${name} recorded different events (${events} and ${run.events})`
      );
    }
  }
  const byName = runs.map((run) => new Map(run.functions.map((entry) => [entry.name, entry])));
  const names = new Set(runs.flatMap((run) => run.functions.map((entry) => entry.name)));
  const functions = [];
  const nondeterministic = [];
  for (const functionName of names) {
    const entries = byName.map((run) => run.get(functionName));
    const present = entries.filter((entry) => entry !== void 0);
    const counts = {};
    let varies = present.length < runs.length;
    for (const event of events) {
      const values = entries.map((entry) => entry?.counts[event] ?? 0);
      const smallest = Math.min(...values);
      varies ||= values.some((value) => value !== smallest);
      counts[event] = smallest;
    }
    if (varies) nondeterministic.push(functionName);
    if (events.every((event) => counts[event] === 0)) continue;
    const kept = present.reduce(
      (a, b) => primaryCount(b, events) < primaryCount(a, events) ? b : a
    );
    functions.push({ name: functionName, file: kept.file, line: kept.line, counts });
  }
  const primary = events[0] ?? "";
  functions.sort(
    (a, b) => (b.counts[primary] ?? 0) - (a.counts[primary] ?? 0) || compareText(a.name, b.name)
  );
  const totals2 = {};
  for (const event of events) {
    totals2[event] = functions.reduce((sum, entry) => sum + (entry.counts[event] ?? 0), 0);
  }
  return {
    ...identity2,
    events,
    totals: totals2,
    nondeterministic: nondeterministic.sort(compareText),
    functions
  };
}
function unnamedShare(benchmark) {
  const primary = benchmark.events[0] ?? "";
  const total = benchmark.totals[primary] ?? 0;
  if (total === 0) return 0;
  const unnamed = benchmark.functions.filter((entry) => entry.name === "???").reduce((sum, entry) => sum + (entry.counts[primary] ?? 0), 0);
  return unnamed / total;
}
function primaryCount(entry, events) {
  return entry.counts[events[0] ?? ""] ?? 0;
}

// src/measure/staging.ts
import { chmod as chmod2, copyFile, mkdir as mkdir3, rm as rm3, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join7 } from "node:path";

// src/system/lock.ts
import { mkdir as mkdir2, readFile as readFile3, rename as rename2, rm as rm2, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname7, join as join6 } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
async function acquireLock(lock, deps) {
  await mkdir2(dirname7(lock), { recursive: true });
  let waiting = false;
  for (; ; ) {
    deps.signal?.throwIfAborted();
    try {
      await mkdir2(lock);
      await writeFile2(join6(lock, "pid"), String(process.pid));
      return () => rm2(lock, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    if (await isStale(lock)) {
      const abandoned = `${lock}.stale-${process.pid}`;
      try {
        await rename2(lock, abandoned);
        await rm2(abandoned, { recursive: true, force: true });
      } catch (error) {
        if (error.code !== "ENOENT") throw error;
      }
      continue;
    }
    if (!waiting) {
      deps.log.info(`Waiting for another rust-perf process to release ${lock}`);
      waiting = true;
    }
    await sleep(250, void 0, { signal: deps.signal });
  }
}
async function isStale(lock) {
  const owner = Number(await readFile3(join6(lock, "pid"), "utf8").catch(() => ""));
  if (!Number.isSafeInteger(owner) || owner <= 0) {
    const created = await stat2(lock).catch(() => void 0);
    return created !== void 0 && Date.now() - created.mtimeMs > 1e4;
  }
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}

// src/measure/staging.ts
async function withStagedExecutables(targets, deps, work) {
  const root = join7(tmpdir(), "rust-perf");
  const release = await acquireLock(join7(root, "lock"), deps);
  try {
    await Promise.all([
      mkdir3(join7(root, "bin"), { recursive: true }),
      mkdir3(join7(root, "cwd"), { recursive: true })
    ]);
    const staged = [];
    for (const target of targets) {
      const previous = staged.at(-1) ?? Promise.resolve();
      staged.push(previous.then(() => stage(target, root)));
    }
    const everyStaging = Promise.allSettled(staged);
    try {
      return await work(staged);
    } finally {
      await everyStaging;
    }
  } finally {
    await release();
  }
}
async function stage(target, root) {
  const executable = join7(root, "bin", target.name);
  const cwd = join7(root, "cwd", target.name);
  await Promise.all([rm3(executable, { force: true }), rm3(cwd, { force: true })]);
  await Promise.all([
    copyFile(target.executable, executable).catch((error) => {
      if (error.code !== "ENOENT") throw error;
      throw new InputError(`'${target.name}' runs ${target.executable}, which does not exist`);
    }).then(() => chmod2(executable, 493)),
    symlink(target.cwd, cwd)
  ]);
  return { ...target, executable, cwd, built: { executable: target.executable, cwd: target.cwd } };
}

// src/measure/measure.ts
var MAX_UNNAMED_SHARE = 0.5;
async function measure(settings, deps) {
  const { log } = deps;
  const manifestPath = resolve6(settings.manifestPath);
  checkManifestExists(manifestPath);
  for (const command of settings.commands) splitCommandLine(command.command);
  const env = benchmarkEnvironment(deps.env);
  const [valgrind, metadata, aslrOff] = await allInOrder([
    detectValgrind(deps.processes, deps.env),
    cargoMetadata(manifestPath, deps),
    aslrOffPrefix(deps.processes, env)
  ]);
  if (aslrOff.length === 0) {
    log.info("Address space randomisation stays on: `setarch -R` does not work on this machine.");
  }
  const benches = chooseBenchTargets(metadata, manifestPath, settings, log);
  if (benches.length === 0 && settings.commands.length === 0) throw nothingToMeasure();
  const root = settings.workspaceRoot ?? metadata.workspaceRoot;
  const build = await buildBenchmarks(
    {
      manifestPath,
      workspaceRoot: root,
      cargoArgs: settings.cargoArgs,
      benches: settings.benches,
      targetDir: settings.targetDir ?? metadata.targetDirectory,
      buildPrograms: settings.commands.length > 0
    },
    deps
  );
  const harnessOf = new Map(benches.map((bench) => [bench.name, bench.harness]));
  const targets = [
    ...selectBenches(build.executables, [...harnessOf.keys()]),
    ...settings.commands.map(
      (command) => resolveCommand(command, build.executables, dirname8(manifestPath))
    )
  ];
  checkTargets(targets);
  const outDir = resolve6(settings.outDir);
  await mkdir4(outDir, { recursive: true });
  await removeEarlierOutput(outDir);
  const rustcProbe = rustcVersion(
    deps.processes,
    definedEnvironment(deps.env),
    dirname8(manifestPath)
  );
  const fingerprintProbe = rustcProbe.then(
    (rustc) => ({
      valgrind: valgrind.version,
      rustc,
      target: targetTriple(rustc, settings.cargoArgs),
      rustflags: build.rustflags,
      mangling: build.mangling,
      runs: settings.runs
    })
  );
  const measured = settings.shard === void 0 ? targets : await shareOfTargets(targets, settings.shard, await fingerprintProbe, log);
  const setup = {
    valgrind: valgrind.path,
    aslrOff,
    env,
    timeoutSeconds: settings.timeoutSeconds
  };
  const allocations = (settings.metrics ?? DEFAULT_METRICS).includes("allocations");
  if (allocations && benches.some((bench) => routineCut(bench.harness) !== void 0)) {
    log.warn(
      "allocations are measured for whole programs only: criterion and libtest benchmarks get instruction counts alone"
    );
  }
  const measuring = { runs: settings.runs, outDir, setup, root, harnessOf, allocations };
  const [fingerprint, benchmarks] = await allInOrder([
    fingerprintProbe,
    log.group(
      "Running benchmarks under valgrind",
      () => withStagedExecutables(measured, deps, async (staged) => {
        await rustcProbe;
        return runAll(staged, measuring, deps);
      })
    )
  ]);
  const document = {
    version: PROFILE_VERSION,
    tool: TOOL_NAME,
    ...settings.commit === void 0 ? {} : { commit: settings.commit },
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    fingerprint,
    ...settings.shard === void 0 ? {} : { shard: settings.shard.spec },
    benchmarks
  };
  const profilePath = join8(outDir, "profile.json");
  await writeFile3(profilePath, serialiseProfileDocument(document));
  log.info(`Wrote ${profilePath}`);
  return document;
}
async function shareOfTargets(targets, shard, fingerprint, log) {
  const costs = await shard.costs?.(fingerprint);
  const names = shareOf(
    shard.spec,
    targets.map((target) => target.name),
    costs
  );
  log.info(
    `Shard ${shardName(shard.spec)} measures ${names.length === 0 ? "no target" : names.join(", ")} of ${targets.length} (balanced by ${costs === void 0 ? "count" : "the baseline's costs"}).`
  );
  return targets.filter((target) => names.includes(target.name));
}
function chooseBenchTargets(metadata, manifestPath, settings, log) {
  const found = findBenchTargets(
    metadata,
    manifestPath,
    settings.benches,
    settings.harnesses ?? /* @__PURE__ */ new Map(),
    (path) => readFileSync2(path, "utf8")
  );
  for (const bench of found) log.info(`bench ${bench.name}: ${bench.harness} (${bench.evidence})`);
  const measured = found.filter((bench) => bench.harness !== "gungraun");
  const refused2 = found.filter((bench) => bench.harness === "gungraun").map((bench) => bench.name);
  if (refused2.length > 0) {
    const message = `${refused2.join(", ")} ${refused2.length === 1 ? "is a Gungraun (or iai-callgrind) benchmark, which starts" : "are Gungraun (or iai-callgrind) benchmarks, which start"} valgrind itself: rust-perf does not measure ${refused2.length === 1 ? "it" : "them"}`;
    if (measured.length === 0 && settings.commands.length === 0) {
      throw new InputError(
        message,
        "Measure them with Gungraun; rust-perf measures plain, criterion and libtest #[bench] targets."
      );
    }
    log.warn(message);
  }
  if (found.some((bench) => bench.harness === "criterion")) {
    const devDependencies = metadata.packages.flatMap((pkg) => pkg.dependencies);
    const warning = criterionVersionWarning(
      devDependencies.filter((dependency) => dependency.kind === "dev")
    );
    if (warning !== void 0) log.warn(warning);
  }
  if (found.some((bench) => bench.harness === "divan")) {
    log.warn(
      "divan targets are measured as one whole program each: rust-perf does not yet count divan benchmarks one by one"
    );
  }
  return measured;
}
function nothingToMeasure() {
  return new InputError(
    "there is nothing to measure: the package has no bench targets and no command was given",
    "Add a benchmark under benches/ (a criterion or libtest #[bench] target, or a main with `harness = false`), or measure a program with a command."
  );
}
function checkTargets(targets) {
  if (targets.length === 0) throw nothingToMeasure();
  const seen = /* @__PURE__ */ new Set();
  for (const { name } of targets) {
    if (seen.has(name)) {
      throw new InputError(
        `two benchmarks are named '${name}'`,
        "Give each command a name that no bench target has."
      );
    }
    seen.add(name);
  }
}
async function runAll(staged, measuring, deps) {
  const { runs } = measuring;
  const plans = staged.map((target) => planTarget(target, measuring, deps));
  const jobs = plans.flatMap((plan, targetIndex) => [
    ...Array.from({ length: runs }, (_, index) => ({
      plan,
      targetIndex,
      runNumber: index + 1,
      metric: "instructions"
    })),
    ...measuring.allocations ? [{ plan, targetIndex, runNumber: 1, metric: "allocations" }] : []
  ]);
  const jobsPerTarget = jobs.length / Math.max(plans.length, 1);
  const ofTargets = plans.map(() => ({ ended: 0, profiles: /* @__PURE__ */ new Map() }));
  const benchmarks = [];
  const slots = new Slots(availableParallelism());
  await allOrNone(jobs.length, deps.signal, async (index, signal) => {
    const job = jobs[index];
    const plan = await job.plan;
    if (plan.ids?.length === 0) return;
    const ofTarget = ofTargets[job.targetIndex];
    const release = await slots.acquire(signal);
    const processes = {
      run: (command, args2, options) => deps.processes.run(command, args2, options).finally(release)
    };
    await runJob(job, plan, ofTarget, measuring, { ...deps, processes, signal }).finally(release);
    ofTarget.ended += 1;
    if (ofTarget.ended === jobsPerTarget) {
      for (const [id, profiles] of ofTarget.profiles) {
        const benchmark = combineRuns(identity(plan, id), profiles);
        checkSymbols(benchmark);
        benchmarks.push(
          ofTarget.allocations === void 0 ? benchmark : { ...benchmark, allocations: ofTarget.allocations }
        );
      }
    }
  });
  return benchmarks.sort((a, b) => compareText(a.name, b.name));
}
async function runJob(job, plan, ofTarget, measuring, deps) {
  const { target, cut } = plan;
  const normalisation = { workspaceRoot: measuring.root };
  if (job.metric === "allocations") {
    if (cut !== void 0) return;
    const outFile2 = join8(measuring.outDir, `${target.name}.dhat.json`);
    const dhatRun = { target, runNumber: 1, runs: 1, outFile: outFile2 };
    ofTarget.allocations = await runUnderDhat(dhatRun, measuring.setup, deps, normalisation);
    return;
  }
  const { runs } = measuring;
  const kind = cut ? "callgrind" : "cachegrind";
  const outFile = join8(
    measuring.outDir,
    runs > 1 ? `${target.name}.${job.runNumber}.${kind}.out` : `${target.name}.${kind}.out`
  );
  const parsing = parserOptions(normalisation);
  const benchmarkRun = { target, runNumber: job.runNumber, runs, outFile };
  const parsed = cut ? benchmarksOfParts(
    await runUnderCallgrind(benchmarkRun, cut, measuring.setup, deps, parsing),
    plan.ids,
    cut,
    target.name
  ) : /* @__PURE__ */ new Map([["", await runUnderCachegrind(benchmarkRun, measuring.setup, deps, parsing)]]);
  for (const [id, profile] of parsed) {
    const profiles = ofTarget.profiles.get(id) ?? [];
    profiles[job.runNumber - 1] = normaliseProfile(profile, normalisation);
    ofTarget.profiles.set(id, profiles);
  }
}
async function planTarget(staged, measuring, deps) {
  const target = await staged;
  const harness = measuring.harnessOf.get(target.name) ?? "plain";
  const cut = routineCut(harness);
  if (cut === void 0) return { target, harness };
  const ids = await listBenchmarkIds(target, cut, measuring.setup.env, deps);
  if (ids.length === 0) {
    deps.log.warn(
      harness === "libtest" ? `bench ${target.name} uses libtest's harness (its [[bench]] section does not say \`harness = false\`) but has no #[bench] function, so it measures nothing. If it has a main of its own, add \`harness = false\` to its [[bench]] section in Cargo.toml.` : `bench ${target.name} lists no ${harness} benchmark, so it measures nothing.`
    );
  }
  return { target, harness, cut, ids };
}
function identity(plan, id) {
  const { target, harness, cut } = plan;
  const command = [target.executable, ...target.args, ...cut?.runArgs ?? []];
  return id === "" ? { name: target.name, target: target.name, harness, command } : { name: `${target.name}/${id}`, target: target.name, id, harness, command };
}
function checkSymbols(benchmark) {
  const share = unnamedShare(benchmark);
  if (share > MAX_UNNAMED_SHARE) {
    throw new BenchmarkError(
      `bench ${benchmark.name}: ${Math.round(share * 100)}% of its instructions are in functions without a name (???): the executable has no symbols, so its profile would be useless`,
      "Check `strip` in the [profile.release] and [profile.bench] sections of Cargo.toml, and `-C strip` in RUSTFLAGS or build.rustflags: rust-perf sets CARGO_PROFILE_BENCH_STRIP=none, but an explicit `-C strip=\u2026` rustflag wins."
    );
  }
}
async function removeEarlierOutput(outDir) {
  const earlier = (await readdir2(outDir)).filter(
    (name) => name === "profile.json" || name.endsWith(".cachegrind.out") || name.endsWith(".callgrind.out") || name.endsWith(".dhat.json")
  );
  await Promise.all(earlier.map((name) => rm4(join8(outDir, name), { force: true })));
}

// src/report/profile-summary.ts
function summaryEvent(benchmark) {
  return benchmark.events.includes("Ir") ? "Ir" : benchmark.events[0] ?? "Ir";
}
function profileSummaryText(document) {
  const rows = document.benchmarks.map((benchmark) => {
    const event = summaryEvent(benchmark);
    return [
      benchmark.name,
      `${formatCount(benchmark.totals[event] ?? 0)} ${event}`,
      String(benchmark.functions.length),
      String(benchmark.nondeterministic.length)
    ];
  });
  const header = ["bench", "instructions", "functions", "nondeterministic"];
  const lines2 = alignColumns(
    [header, ...rows],
    [{ align: "left" }, { align: "right" }, { align: "right" }, { align: "right" }]
  );
  return `${lines2.join("\n")}
`;
}

// src/cli/measure-command.ts
var measureOptions = {
  "manifest-path": { type: "string" },
  bench: { type: "string", multiple: true },
  command: { type: "string", multiple: true },
  harness: { type: "string", multiple: true },
  "cargo-args": { type: "string" },
  runs: { type: "string" },
  metrics: { type: "string" },
  shard: { type: "string" },
  timeout: { type: "string" },
  out: { type: "string" }
};
var measureOptionsHelp = `  --manifest-path PATH   Cargo.toml of the crate or workspace (default: the one cargo
                         uses here, in this directory or the nearest one above)
  --bench NAME           A bench target to measure; repeat for several (default: all)
  --command NAME=CMD     Also measure a program: a binary or example of the package by
                         target name (or a path relative to the package), with arguments,
                         e.g. --command 'report=report --lines 2000'; repeatable
  --harness TARGET=KIND  The harness a bench target uses, where detection cannot tell:
                         plain, criterion, libtest, divan or gungraun (left out);
                         repeatable (default: detected)
  --cargo-args ARGS      Extra cargo arguments, e.g. "--features slow" or "-p my-crate"
  --runs N               Runs of each benchmark, 1-20 (default 2); functions whose counts
                         differ between runs are reported as nondeterministic
  --metrics LIST         What to measure: instructions, or instructions,allocations to
                         also count heap allocations per benchmark and allocation site
                         under DHAT, one more valgrind run per whole program
                         (default: instructions)
  --shard K/N            Measure only shard K of N: whole bench targets, shared out by
                         a hash of their names; \`rust-perf merge\` joins the shards
  --timeout TIME         Stop a benchmark run that takes longer, and fail: seconds,
                         or 15m, 1h (default: no limit; a run still going says so
                         every 30s)
  --out DIR              Where profile.json and the raw valgrind files go
                         (default: <target dir>/rust-perf/latest); those of an
                         earlier measurement there are replaced`;
var help2 = `rust-perf measure: build the benchmarks and count their instructions per function

Usage: rust-perf measure [options]

Builds the bench targets with \`cargo bench --no-run\` (with line-table debug info, symbols
and v0 symbol names, set through the environment: Cargo.toml is not changed) and runs each one
under valgrind in a clean environment with address randomisation off. A plain target (its own
main, \`harness = false\`) is one benchmark, counted whole under Cachegrind; a criterion or
libtest #[bench] target is one benchmark per id, each counting one iteration of its routine
only, from one Callgrind run per target. The harness is found from Cargo.toml, the
dev-dependencies and the target's source (--harness overrides it); Gungraun targets are left
out. Writes DIR/profile.json (the profile document that \`rust-perf compare\` reads) and the
raw files DIR/<bench>.cachegrind.out or DIR/<bench>.callgrind.out (DIR/<bench>.<run>.\u2026 with
more than one run), and DIR/<bench>.dhat.json with --metrics instructions,allocations. Prints one line per benchmark: total instructions, functions,
nondeterministic functions.

Options:
${measureOptionsHelp}
  -h, --help             Show this help

Requires valgrind (Linux; \`sudo apt-get install -y valgrind\`) and cargo.

Exit status: 0 measured, 2 a usage error, 3 a failed build or benchmark or a missing tool.
`;
var measureCommand = {
  name: "measure",
  summary: "Build and run the benchmarks under valgrind; write profile.json",
  help: help2,
  async execute(args2, context) {
    const { values } = parseCommandArgs("measure", args2, measureOptions, false);
    const settings = await measureSettingsFromOptions(values, context);
    const document = await measure(settings, measureDeps(context));
    context.stdout(profileSummaryText(document));
    context.stdout(`
profile: ${join9(settings.outDir, "profile.json")}
`);
    return 0;
  }
};
async function measureSettingsFromOptions(values, context) {
  const options = {
    benches: values.bench ?? [],
    commands: (values.command ?? []).map(parseNamedCommand),
    harnesses: parseHarnessSettings(values.harness ?? []),
    cargoArgs: values["cargo-args"]?.trim() ? splitCommandLine(values["cargo-args"]) : [],
    runs: values.runs === void 0 ? 2 : parseRuns(values.runs, "--runs"),
    metrics: parseMetrics(values.metrics ?? "", "--metrics"),
    timeoutSeconds: values.timeout === void 0 ? void 0 : parseTimeout(values.timeout, "--timeout"),
    ...values.shard === void 0 ? {} : { shard: { spec: parseShard(values.shard, "--shard") } }
  };
  const manifestPath = values["manifest-path"] === void 0 ? findManifest(context.cwd) : resolve7(context.cwd, values["manifest-path"]);
  const outDir = values.out === void 0 ? join9(await targetDirectory(manifestPath, measureDeps(context)), "rust-perf", "latest") : resolve7(context.cwd, values.out);
  return { manifestPath, ...options, outDir };
}
function measureDeps(context) {
  return {
    log: context.log,
    processes: nodeProcessRunner,
    env: context.env,
    signal: context.signal
  };
}

// src/cli/merge-command.ts
import { readFile as readFile4, writeFile as writeFile4 } from "node:fs/promises";
import { resolve as resolve8 } from "node:path";

// src/profile/merge.ts
function mergeShardProfiles(parts) {
  const [first] = parts;
  if (first === void 0) throw new InputError("there are no shards to merge");
  const count = shardOf(first).count;
  const seen = /* @__PURE__ */ new Map();
  const benchmarkSources = /* @__PURE__ */ new Map();
  for (const part of parts) {
    const shard = shardOf(part);
    if (shard.count !== count) {
      throw refused(part, `is shard ${shardName(shard)}, but ${first.source} is one of ${count}`);
    }
    const earlier = seen.get(shard.index);
    if (earlier !== void 0) {
      throw refused(part, `is shard ${shardName(shard)}, as is ${earlier}`);
    }
    seen.set(shard.index, part.source);
    if (part.profile.commit !== first.profile.commit) {
      throw refused(
        part,
        `measured commit ${part.profile.commit ?? "unknown"}, but ${first.source} measured ${first.profile.commit ?? "an unknown one"}`
      );
    }
    if (JSON.stringify(part.profile.fingerprint) !== JSON.stringify(first.profile.fingerprint)) {
      throw refused(part, `was measured under other conditions (fingerprint) than ${first.source}`);
    }
    for (const benchmark of part.profile.benchmarks) {
      const other = benchmarkSources.get(benchmark.name);
      if (other !== void 0) {
        throw refused(
          part,
          `measured ${benchmark.name}, as did ${other}: the legs did not share the benchmarks out alike`
        );
      }
      benchmarkSources.set(benchmark.name, part.source);
    }
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter(
    (index) => !seen.has(index)
  );
  const { shard: _shard, ...whole } = first.profile;
  const profile = {
    ...whole,
    createdAt: parts.map((part) => part.profile.createdAt).sort(compareText).at(-1),
    benchmarks: parts.flatMap((part) => part.profile.benchmarks).sort((a, b) => compareText(a.name, b.name))
  };
  return { profile, count, missing };
}
function shardOf(part) {
  if (part.profile.shard === void 0) {
    throw new InputError(
      `${part.source} is not a shard: it holds a whole measurement`,
      "Merge the profiles that `rust-perf measure --shard K/N` (or the action with `shard`) wrote."
    );
  }
  return part.profile.shard;
}
function refused(part, reason) {
  return new InputError(
    `cannot merge ${part.source}: it ${reason}`,
    "Merge the shards of one run, measured with one rust-perf version and one set of inputs."
  );
}

// src/cli/merge-command.ts
var help3 = `rust-perf merge: join the shards of one measurement into one profile

Usage: rust-perf merge --out FILE SHARD...

Reads the profile.json files that \`rust-perf measure --shard K/N\` wrote, one per shard, and
writes one profile document holding every benchmark, as one measurement without --shard would
have: \`rust-perf compare\` and \`--baseline\` read it. The shards must be of one commit,
measured under the same conditions, each shard of N exactly once.

Options:
  --out FILE   Where the merged profile.json goes
  -h, --help   Show this help

Exit status: 0 merged, 2 a usage error, a missing shard, or shards of different measurements.
`;
var mergeCommand = {
  name: "merge",
  summary: "Join the profiles of several shards into one profile.json",
  help: help3,
  async execute(args2, context) {
    const { values, positionals } = parseCommandArgs(
      "merge",
      args2,
      { out: { type: "string" } },
      true
    );
    if (values.out === void 0 || positionals.length === 0) {
      throw new InputError(
        "expected --out FILE and the shards to merge; see `rust-perf merge --help`"
      );
    }
    const parts = await Promise.all(
      positionals.map(async (file) => {
        const path = resolve8(context.cwd, file);
        return { profile: parseProfileDocument(await readFile4(path, "utf8"), path), source: file };
      })
    );
    const { profile, count, missing } = mergeShardProfiles(parts);
    if (missing.length > 0) {
      throw new InputError(
        `shard ${missing.map((index) => `${index}/${count}`).join(", ")} ${missing.length === 1 ? "is" : "are"} missing: a merge of ${count} shards needs every one`
      );
    }
    const out = resolve8(context.cwd, values.out);
    await writeFile4(out, serialiseProfileDocument(profile));
    context.stdout(profileSummaryText(profile));
    context.stdout(`
profile: ${out}
`);
    return 0;
  }
};

// src/cli/parse-command.ts
import { resolve as resolve9 } from "node:path";

// src/report/function-table.ts
var NAME_COLUMN_LIMIT = 60;
var SHARE_WIDTH = 7;
function renderFunctionTable(command, profile) {
  const { events, totals: totals2 } = profile;
  const primary = events[0];
  const primaryTotal = totals2[primary] ?? 0;
  const header = `cmd: ${sanitise(command)}  events: ${events.join(" ")}  totals: ${events.map((event) => totals2[event] ?? 0).join(" ")}  functions: ${profile.functions.length}`;
  const rows = profile.functions.map((entry) => {
    const file = sanitise(entry.file);
    return [
      ...events.map((event) => String(entry.counts[event] ?? 0)),
      primaryTotal === 0 ? "-" : `${(100 * (entry.counts[primary] ?? 0) / primaryTotal).toFixed(2)}%`,
      sanitise(entry.name),
      entry.line === 0 ? file : `${file}:${entry.line}`
    ];
  });
  const table = alignColumns(
    [[...events, "%", "function", "location"], ...rows],
    [
      ...events.map(() => ({ align: "right" })),
      { align: "right", minWidth: SHARE_WIDTH },
      { align: "left", maxWidth: NAME_COLUMN_LIMIT },
      { align: "last" }
    ]
  );
  return `${[header, ...table].join("\n")}
`;
}

// src/cli/parse-command.ts
var help4 = `Usage: rust-perf parse FILE [--json] [--raw]

Prints the per-function profile in one Cachegrind output file (what
\`valgrind --tool=cachegrind\` writes), largest first: each function's count
for every recorded event, its share of the first event's total (Ir,
instructions, in every file valgrind writes), its name, and the file and line
where most of its cost sits in your own code (files under the current
directory), or anywhere when none of it is in your code.

Names and paths are normalised as they are for comparisons: symbol hashes,
LTO suffixes, crate disambiguators and symbol versions are removed, toolchain,
registry, vendored and git-checkout paths shortened, and paths under the current
directory made relative. Functions whose names become equal are summed.

Options:
  --json       Print JSON instead of a table:
               { "events": [...], "totals": { event: count },
                 "functions": [{ "name", "file", "line", "counts": { event: count } }] }
  --raw        Keep names and paths exactly as the file has them
  -h, --help   Print this help

Exit status: 0 success, 2 a usage error or a missing, unreadable or corrupt file.
`;
var parseCommand = {
  name: "parse",
  summary: "Print one cachegrind.out file's per-function profile",
  help: help4,
  async execute(args2, context) {
    const { values, positionals } = parseCommandArgs(
      "parse",
      args2,
      { json: { type: "boolean" }, raw: { type: "boolean" } },
      true
    );
    const [file, ...extra] = positionals;
    if (file === void 0 || extra.length > 0) {
      throw new InputError(
        `expected one FILE, found ${positionals.length}; see \`rust-perf parse --help\``
      );
    }
    const normalisation = { workspaceRoot: context.cwd };
    const parsed = await parseCachegrindFile(
      resolve9(context.cwd, file),
      parserOptions(normalisation)
    );
    const profile = values.raw ? rawProfile(parsed) : normaliseProfile(parsed, normalisation);
    context.stdout(
      values.json ? `${JSON.stringify(profile, null, 2)}
` : renderFunctionTable(parsed.command, profile)
    );
    return 0;
  }
};

// src/cli/run-command.ts
import { dirname as dirname10, join as join13 } from "node:path";

// src/measure/measure-revision.ts
import { existsSync as existsSync3 } from "node:fs";
import { realpath } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join11, relative as relative2, resolve as resolve10, sep } from "node:path";

// src/system/git.ts
import { mkdtemp, rm as rm5 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename as basename3, join as join10 } from "node:path";
function createGit(processes, options) {
  const env = definedEnvironment(options.env);
  async function git(args2) {
    try {
      return await processes.run("git", args2, { cwd: options.cwd, env });
    } catch (error) {
      if (isMissingProgram(error)) {
        throw new EnvironmentError(
          "git is not installed or not on PATH.",
          "Install git (e.g. `sudo apt-get install -y git`) and try again."
        );
      }
      throw error;
    }
  }
  async function gitOutput(args2) {
    const result = await git(args2);
    if (result.exitCode !== 0) throw new GitError(failureMessage(args2, result));
    return result.stdout.trim();
  }
  async function branchesHint() {
    const [listed, originHead, current] = await Promise.all([
      git(["for-each-ref", "--format=%(refname:short)", "refs/heads/"]),
      git(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]),
      git(["symbolic-ref", "--quiet", "--short", "HEAD"])
    ]);
    const branches = listed.exitCode === 0 ? lines(listed.stdout) : [];
    if (branches.length === 0) return "";
    const fromOrigin = originHead.exitCode === 0 ? originHead.stdout.trim().replace(/^origin\//, "") : "";
    const checkedOut = current.exitCode === 0 ? current.stdout.trim() : "";
    const first = [fromOrigin, checkedOut].filter((name) => branches.includes(name));
    const ordered = [.../* @__PURE__ */ new Set([...first, ...branches])];
    const label = (name) => name === fromOrigin ? `${name} (origin's default)` : name === checkedOut ? `${name} (checked out)` : name;
    const shown = ordered.slice(0, 6).map(label);
    const more = ordered.length > shown.length ? ` and ${ordered.length - shown.length} more` : "";
    return `Branches here: ${shown.join(", ")}${more}. `;
  }
  return {
    async topLevel() {
      const result = await git(["rev-parse", "--show-toplevel"]);
      if (result.exitCode !== 0) {
        throw new GitError(
          `${options.cwd} is not inside a git repository (${gitReason(result.stderr)}).`
        );
      }
      return result.stdout.trim();
    },
    async resolveCommit(ref) {
      const result = await git([
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        `${ref}^{commit}`
      ]);
      if (result.exitCode !== 0) {
        throw new GitError(
          `'${ref}' does not name a commit in this repository.`,
          `${await branchesHint()}Use a branch, tag or commit that exists locally (run \`git fetch\` for remote ones).`
        );
      }
      return result.stdout.trim();
    },
    async fetchCommit(sha) {
      if (!FULL_COMMIT_SHA.test(sha)) {
        throw new GitError(`'${sha}' is not a full commit sha, so it cannot be fetched by itself.`);
      }
      await gitOutput(["fetch", "--no-tags", "--depth=1", "origin", sha]);
    },
    async hasUncommittedChanges() {
      return await gitOutput(["status", "--porcelain"]) !== "";
    },
    async addWorktree(path, sha) {
      await gitOutput(["worktree", "add", "--detach", "--quiet", path, sha]);
    },
    async removeWorktree(path) {
      await gitOutput(["worktree", "remove", "--force", path]);
    },
    async pruneWorktrees() {
      await gitOutput(["worktree", "prune"]);
    }
  };
}
async function cleanWorkingTreeCommit(processes, options) {
  const git = createGit(processes, options);
  try {
    await git.topLevel();
    return await git.hasUncommittedChanges() ? void 0 : await git.resolveCommit("HEAD");
  } catch (error) {
    if (error instanceof GitError || error instanceof EnvironmentError) return void 0;
    throw error;
  }
}
async function withTemporaryWorktree(git, sha, log, work) {
  const repository = basename3(await git.topLevel());
  const parent = await mkdtemp(join10(tmpdir2(), "rust-perf-worktree-"));
  const worktree = join10(parent, repository);
  let added = false;
  try {
    await git.addWorktree(worktree, sha);
    added = true;
    return await work(worktree);
  } finally {
    const failures = [];
    const attempt = (step) => step().catch((error) => failures.push(describeError(error)));
    if (added) await attempt(() => git.removeWorktree(worktree));
    await attempt(() => rm5(parent, { recursive: true, force: true }));
    await attempt(() => git.pruneWorktrees());
    if (failures.length > 0) {
      log.warn(
        `cleaning up the temporary worktree ${worktree} failed: ${failures.join("; ")}. If it is still there, delete that directory and run \`git worktree prune\`.`
      );
    }
  }
}
function failureMessage(args2, result) {
  const status = result.signal === null ? `exit ${result.exitCode}` : `signal ${result.signal}`;
  const reason = gitReason(result.stderr);
  return `git ${args2.join(" ")} failed (${status})${reason ? `: ${reason}` : ""}`;
}
function gitReason(stderr) {
  const lines2 = stderr.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  return lines2.find((line) => /^(fatal|error):/.test(line)) ?? lines2.at(-1) ?? "";
}
function lines(text) {
  return text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
}

// src/measure/measure-revision.ts
async function measureRevision(ref, settings, deps) {
  const git = createGit(deps.processes, { cwd: deps.repoRoot, env: deps.env });
  const topLevel = await git.topLevel();
  const sha = await git.resolveCommit(ref);
  const manifestPath = await existingPath(resolve10(deps.repoRoot, settings.manifestPath));
  const workspaceRoot = settings.workspaceRoot === void 0 ? void 0 : await existingPath(resolve10(deps.repoRoot, settings.workspaceRoot));
  const targetDir = settings.targetDir === void 0 ? await targetDirectory(manifestPath, deps) : resolve10(deps.repoRoot, settings.targetDir);
  deps.signal?.throwIfAborted();
  return withTemporaryWorktree(git, sha, deps.log, async (worktree) => {
    const shared = { ...settings, manifestPath, workspaceRoot, targetDir };
    const mapped = settingsInWorktree(shared, topLevel, { worktree, sha });
    if (!existsSync3(mapped.manifestPath)) {
      throw new GitError(
        `${ref} (${sha.slice(0, 12)}) has no ${relative2(topLevel, manifestPath)}: the crate does not exist at that commit.`
      );
    }
    deps.log.info(`Measuring ${ref} (${sha.slice(0, 12)}) in a temporary worktree ${worktree}`);
    return measure(mapped, deps);
  });
}
function settingsInWorktree(settings, topLevel, checkout) {
  const intoWorktree = (path) => {
    const inside = relative2(topLevel, path);
    if (inside.split(sep)[0] === ".." || isAbsolute2(inside)) {
      throw new InputError(`${path} is outside the git repository ${topLevel}.`);
    }
    return join11(checkout.worktree, inside);
  };
  return {
    ...settings,
    manifestPath: intoWorktree(settings.manifestPath),
    workspaceRoot: settings.workspaceRoot === void 0 ? void 0 : intoWorktree(settings.workspaceRoot),
    commit: checkout.sha
  };
}
async function existingPath(path) {
  try {
    return await realpath(path);
  } catch (error) {
    if (error.code === "ENOENT") {
      throw new InputError(`${path} does not exist.`);
    }
    throw error;
  }
}

// src/publish/local-baselines.ts
import { existsSync as existsSync4 } from "node:fs";
import { mkdir as mkdir5, readdir as readdir3, readFile as readFile5, rename as rename3, writeFile as writeFile5 } from "node:fs/promises";
import { dirname as dirname9, join as join12 } from "node:path";
var BASELINE_NAME = /^[A-Za-z0-9._-]{1,100}$/;
function checkBaselineName(name) {
  if (!BASELINE_NAME.test(name) || /^\.+$/.test(name)) {
    throw new InputError(
      `'${name}' is not a valid baseline name: use 1 to 100 letters, digits, '-', '_' or '.' (not only dots).`
    );
  }
  return name;
}
function baselinesDir(targetDir) {
  return join12(targetDir, "rust-perf", "baselines");
}
function baselineFile(targetDir, name) {
  return join12(baselinesDir(targetDir), checkBaselineName(name), "profile.json");
}
async function saveBaseline(targetDir, name, profile) {
  const file = baselineFile(targetDir, name);
  await mkdir5(dirname9(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile5(partial, serialiseProfileDocument(profile));
  await rename3(partial, file);
  return file;
}
async function loadBaseline(targetDir, name) {
  const file = baselineFile(targetDir, name);
  let text;
  try {
    text = await readFile5(file, "utf8");
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    const saved = await savedBaselines(targetDir);
    throw new InputError(
      `there is no baseline named '${name}' (no ${file}).`,
      saved.length === 0 ? `No baseline has been saved yet: save one with \`--save-baseline ${name}\`.` : `Saved baselines: ${saved.join(", ")}. Save a new one with \`--save-baseline ${name}\`.`
    );
  }
  return parseProfileDocument(text, file);
}
async function savedBaselines(targetDir) {
  let entries;
  try {
    entries = await readdir3(baselinesDir(targetDir));
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  return entries.filter((entry) => BASELINE_NAME.test(entry) && existsSync4(baselineFile(targetDir, entry))).sort();
}

// src/cli/run-command.ts
var runOptions = {
  ...measureOptions,
  ...compareOptions,
  "base-ref": { type: "string" },
  baseline: { type: "string" },
  "head-cargo-args": { type: "string" },
  "save-baseline": { type: "string" }
};
var help5 = `rust-perf run: measure the working tree and compare it with a base, in one command

Usage: rust-perf run [--base-ref REF | --baseline NAME] [--head-cargo-args ARGS]
                     [--save-baseline NAME] [measure options] [compare options]

Measures the benchmarks of the working tree as it is, uncommitted changes included, and
compares them function by function with a base:
  --base-ref REF         The commit REF as committed: checked out into a temporary git
                         worktree (removed afterwards, also on failure or Ctrl-C) and
                         measured the same way, in the same target directory
  --baseline NAME        A profile saved earlier with --save-baseline NAME
  --head-cargo-args ARGS Extra cargo arguments for the working tree only; without
                         --base-ref or --baseline, the base is the working tree built
                         without them: --head-cargo-args="--features slow" shows what
                         a feature costs
Without a base it measures and prints each benchmark's totals, as \`rust-perf measure\`.

  --save-baseline NAME   Also save the working tree's profile as baseline NAME, in
                         <target dir>/rust-perf/baselines/NAME/profile.json (replacing an
                         earlier one). Names: letters, digits, '-', '_' and '.'

Measure options (as \`rust-perf measure\`):
${measureOptionsHelp}
                         With a measured base, its files go to DIR/base and the working
                         tree's to DIR/head.

Compare options (as \`rust-perf compare\`):
${compareOptionsHelp}
  -h, --help                     Show this help

Examples:
  rust-perf run --base-ref main          what your changes do, before you commit them
  rust-perf run --save-baseline before   then, after a change:
  rust-perf run --baseline before
  rust-perf run --manifest-path examples/textbench/Cargo.toml --head-cargo-args="--features slow"

Exit status: 0 measured and compared, 1 a regression with --fail-on-regression,
2 a usage error, an unknown REF or baseline, 3 a failed build or benchmark or a missing tool.
`;
var runCommand = {
  name: "run",
  summary: "Measure the working tree and compare it with a git ref or a saved baseline",
  help: help5,
  async execute(args2, context) {
    const { values } = parseCommandArgs("run", args2, runOptions, false);
    const source = baseSource(values);
    const saveAs = values["save-baseline"];
    if (saveAs !== void 0) checkBaselineName(saveAs);
    const report = reportSettingsFromOptions(values, context);
    const headCargoArgs = values["head-cargo-args"]?.trim() ? splitCommandLine(values["head-cargo-args"]) : [];
    const settings = await measureSettingsFromOptions(values, context);
    const deps = measureDeps(context);
    const targetDir = await targetDirectory(settings.manifestPath, deps);
    const measuredBase = source.kind === "ref" || source.kind === "working-tree";
    const headSettings = {
      ...settings,
      cargoArgs: [...settings.cargoArgs, ...headCargoArgs],
      outDir: measuredBase ? join13(settings.outDir, "head") : settings.outDir
    };
    const baseSettings = { ...settings, outDir: join13(settings.outDir, "base"), targetDir };
    if (source.kind !== "ref") {
      headSettings.commit = await cleanWorkingTreeCommit(deps.processes, {
        cwd: dirname10(settings.manifestPath),
        env: deps.env
      });
      if (source.kind === "working-tree") baseSettings.commit = headSettings.commit;
    }
    let base;
    switch (source.kind) {
      case "baseline":
        base = await loadBaseline(targetDir, source.name);
        context.log.info(`Comparing the working tree with baseline '${source.name}'.`);
        break;
      case "ref": {
        const revision = await measureBaseRevision(source.ref, baseSettings, deps);
        base = revision.base;
        headSettings.commit = revision.headCommit;
        break;
      }
      case "working-tree":
        context.log.info(
          `Comparing the working tree built with \`${headCargoArgs.join(" ")}\` against without.`
        );
        base = await measure(baseSettings, deps);
        break;
      case "none":
        break;
    }
    const head = await measure(headSettings, deps);
    if (saveAs !== void 0) {
      const file = await saveBaseline(targetDir, saveAs, head);
      context.log.info(`Saved baseline '${saveAs}': ${file}`);
    }
    if (base === void 0) {
      context.stdout(profileSummaryText(head));
      return 0;
    }
    return printReport(compareProfiles(base, head, report.compare), report, context);
  }
};
async function measureBaseRevision(ref, settings, deps) {
  const repoRoot = dirname10(settings.manifestPath);
  const git = createGit(deps.processes, { cwd: repoRoot, env: deps.env });
  await git.topLevel();
  const sha = (await git.resolveCommit(ref)).slice(0, 12);
  const dirty = await git.hasUncommittedChanges();
  deps.log.info(
    dirty ? `The working tree has uncommitted changes: it is measured as it is, against ${ref} (${sha}) as committed.` : `Comparing the working tree (no uncommitted changes) with ${ref} (${sha}).`
  );
  const base = await measureRevision(ref, settings, { ...deps, repoRoot });
  return { base, headCommit: dirty ? void 0 : await git.resolveCommit("HEAD") };
}
function baseSource(values) {
  const ref = values["base-ref"];
  const name = values.baseline;
  if (ref !== void 0 && name !== void 0) {
    throw new InputError("--base-ref and --baseline both name the base: give one of them.");
  }
  if (ref !== void 0) {
    if (ref.trim() === "") throw new InputError("--base-ref needs a git ref.");
    return { kind: "ref", ref };
  }
  if (name !== void 0) return { kind: "baseline", name: checkBaselineName(name) };
  if (values["head-cargo-args"]?.trim()) return { kind: "working-tree" };
  return { kind: "none" };
}

// src/cli/main.ts
var commands = [
  measureCommand,
  compareCommand,
  runCommand,
  mergeCommand,
  parseCommand
];
var topLevelHelp = `rust-perf: per-function instruction counts for Rust benchmarks, compared.

Usage: rust-perf [--debug] <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`).join("\n")}

Run \`rust-perf <command> --help\` for a command's options.

  --debug   Also print debug output: the commands run, and the stack trace of an
            internal error.

Exit status: 0 success, 1 a regression with --fail-on-regression,
2 a usage or input error, 3 a failed build, benchmark or missing tool,
70 an internal error (please report it), 130 interrupted.
`;
function takeDebugFlag(argv) {
  return argv[0] === "--debug" ? { debug: true, args: argv.slice(1) } : { debug: false, args: argv };
}
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
    return await command.execute(rest, context);
  } catch (error) {
    if (context.signal.aborted) {
      context.log.info(`rust-perf ${name}: interrupted`);
      return 130;
    }
    context.log.info(`rust-perf ${name}: ${describeError(error)}`);
    if (error instanceof UserError) return error.exitCode;
    context.log.info(
      "This is a bug in rust-perf: please report it, with the output of the same command run as `rust-perf --debug \u2026`."
    );
    if (error instanceof Error && error.stack) context.log.debug(error.stack);
    return 70;
  }
}

// src/system/logger.ts
function lineLogger(write, options) {
  return {
    debug: (message) => {
      if (options.debug) write(`debug: ${message}
`);
    },
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
var outputClosed = false;
var onOutputError = (error) => {
  if (error.code !== "EPIPE") throw error;
  outputClosed = true;
  process.exitCode = 0;
  controller.abort();
};
process.stdout.on("error", onOutputError);
process.stderr.on("error", onOutputError);
var writeTo = (stream) => (text) => {
  if (!outputClosed) stream.write(text);
};
var { debug, args } = takeDebugFlag(process.argv.slice(2));
var exitCode = await main(args, {
  stdout: writeTo(process.stdout),
  log: lineLogger(writeTo(process.stderr), { debug }),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal
});
process.exitCode = outputClosed ? 0 : exitCode;
