/** The results table, as aligned text for the terminal and as Markdown for a file. */
import type { Machine } from './machine.js';

export type Status = 'PASS' | 'FAIL' | 'info';

export interface Row {
  measurement: string;
  result: string;
  target: string;
  status: Status;
}

/** A row with a target: PASS when `met`. */
export function checked(measurement: string, result: string, target: string, met: boolean): Row {
  return { measurement, result, target, status: met ? 'PASS' : 'FAIL' };
}

/** A row reported for context, without a target. */
export function info(measurement: string, result: string): Row {
  return { measurement, result, target: '', status: 'info' };
}

const HEADERS = ['Measurement', 'Result', 'Target', 'Status'] as const;

function cells(row: Row): string[] {
  return [row.measurement, row.result, row.target, row.status];
}

export function renderTextTable(rows: Row[]): string {
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => cells(row)[column]!.length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [
    line(HEADERS),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(cells(row))),
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

export function renderMarkdownTable(rows: Row[]): string {
  const line = (values: readonly string[]) => `| ${values.map(escapeCell).join(' | ')} |`;
  return [
    line(HEADERS),
    line(HEADERS.map(() => '---')),
    ...rows.map((row) => line(cells(row))),
  ].join('\n');
}

export function describeMachineMarkdown(machine: Machine): string {
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores available`,
    `- Memory: ${formatBytes(machine.memoryBytes)}`,
    `- OS: ${machine.os}`,
    `- Node ${machine.node}, valgrind ${machine.valgrind}`,
    `- Load average at the start: ${machine.loadAverage.toFixed(2)}`,
  ].join('\n');
}

/** Decimal units throughout (1 MB = 10^6 bytes), for sizes, memory and throughput alike. */
export const MB = 1e6;

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

export function formatSeconds(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(3)} s` : `${seconds.toFixed(1)} s`;
}
