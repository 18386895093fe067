import { InputError } from '../errors.js';

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 };

/**
 * A benchmark's time limit as the user writes it, in seconds: `90`, `90s`, `15m` or `1h`;
 * `0` or nothing for none (undefined). Anything else is an InputError naming `what`.
 */
export function parseTimeout(value: string, what: string): number | undefined {
  const text = value.trim();
  const match = /^(\d{1,6})([smh]?)$/.exec(text);
  if (text !== '' && !match) {
    throw new InputError(
      `${what} must be a whole number of seconds, or of minutes or hours with 'm' or 'h' (e.g. '90', '15m', '1h'), or 0 for none, got '${value}'`,
    );
  }
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2]!]! : 0;
  return seconds === 0 ? undefined : seconds;
}

/** `90s`, `15m`, `1h 30m`: a limit of `seconds` as a user would write it. */
export function formatDuration(seconds: number): string {
  const parts = [
    [Math.floor(seconds / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [seconds % 60, 's'],
  ] as const;
  return parts
    .filter(([count]) => count > 0)
    .map(([count, unit]) => `${count}${unit}`)
    .join(' ');
}
