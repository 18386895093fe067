/**
 * Parsed functions one object per function, as a test reads or writes a handful of them; the
 * parser hands them over column by column.
 */
import type { ParsedProfile } from '../../src/measure/parse.js';

export interface ParsedFunctionRow {
  name: string;
  file: string;
  line: number;
  counts: number[];
}

export interface ParsedProfileRows {
  command: string;
  events: string[];
  totals: number[];
  functions: ParsedFunctionRow[];
}

/** The profile with its functions as rows. */
export function withRows(profile: ParsedProfile): ParsedProfileRows {
  const { functions } = profile;
  const width = profile.events.length;
  return {
    command: profile.command,
    events: profile.events,
    totals: profile.totals,
    functions: functions.names.map((name, index) => ({
      name,
      file: functions.files[index]!,
      line: functions.lines[index]!,
      counts: Array.from(functions.counts.subarray(index * width, (index + 1) * width)),
    })),
  };
}

/** The parsed profile the parser would give for these rows. */
export function fromRows(profile: ParsedProfileRows): ParsedProfile {
  const { functions } = profile;
  return {
    command: profile.command,
    events: profile.events,
    totals: profile.totals,
    functions: {
      length: functions.length,
      names: functions.map((row) => row.name),
      files: functions.map((row) => row.file),
      lines: Float64Array.from(functions, (row) => row.line),
      counts: Float64Array.from(functions.flatMap((row) => row.counts)),
    },
  };
}
