/** A reader fed a 64 MiB line in 64 KiB chunks: what it refuses it with, and how fast. */
import { expect } from 'vitest';
import { CorruptFileError } from '../../src/errors.js';

export function expectLongLineRefused(parser: { write(chunk: Uint8Array): void }, message: string) {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const started = performance.now();
  let refusal: unknown;
  try {
    for (let written = 0; written < 64 * 1024 * 1024; written += chunk.length) parser.write(chunk);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(CorruptFileError);
  expect((refusal as CorruptFileError).message).toBe(message);
  // Each chunk copied once: a copy of the whole line so far per chunk takes minutes.
  expect(performance.now() - started).toBeLessThan(5_000);
}
