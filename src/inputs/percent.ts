import { InputError } from '../errors.js';

// A plain decimal, with or without one trailing '%': '1%', '0.1%', '2.5', '.5%'.
const PERCENT = /^(?:\d+(?:\.\d+)?|\.\d+)%?$/;

/** Parses a percentage as the user writes it into a fraction: '1%' → 0.01, '2.5' → 0.025. */
export function parsePercent(value: string, what: string): number {
  const text = value.trim();
  const percent = PERCENT.test(text) ? Number(text.replace('%', '')) : Number.NaN;
  if (!(percent >= 0 && percent <= 100)) {
    throw new InputError(
      `${what} must be a percentage from 0% to 100% such as '1%' or '0.1%', got '${value}'.`,
    );
  }
  return percent / 100;
}
