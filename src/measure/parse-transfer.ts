/**
 * What a parse worker thread sends back: a parsed profile or the error that stopped it, in a form
 * that crosses threads cheaply and arrives as it was sent. The memory of the columns and of the
 * undecoded names is handed over, not copied; each function's file, a reference to one of a few
 * thousand paths, travels as an index, where structured cloning would copy every path once per
 * function. Errors are plain data, rebuilt
 * into their own class: structured cloning keeps only a message, and the user must see exactly
 * what a parse in the main thread would have thrown.
 */
import { CorruptFileError, InputError } from '../errors.js';
import type { UndecodedProfile } from './parse.js';

export type ParseMessage =
  | {
      ok: true;
      command: string;
      events: string[];
      totals: number[];
      nameBytes: Uint8Array;
      nameStarts: Int32Array;
      nameHashes: Int32Array;
      /** Distinct paths; function `i` is at `paths[pathIndexes[i]]`. */
      paths: string[];
      pathIndexes: Int32Array;
      lines: Float64Array;
      counts: Float64Array;
    }
  | { ok: false; error: TransferredError };

type TransferredError =
  | { kind: 'corrupt'; file: string; lineNumber: number | undefined; reason: string; hint?: string }
  | { kind: 'input'; message: string; hint?: string }
  | { kind: 'other'; message: string; stack: string | undefined };

/** The message for `profile`, and the buffers to transfer with it. */
export function profileMessage(profile: UndecodedProfile): {
  message: ParseMessage;
  transfer: ArrayBuffer[];
} {
  const { functions } = profile;
  const indexOfPath = new Map<string, number>();
  const pathIndexes = new Int32Array(functions.length);
  for (let index = 0; index < functions.length; index++) {
    const path = functions.files[index]!;
    let pathIndex = indexOfPath.get(path);
    if (pathIndex === undefined) {
      pathIndex = indexOfPath.size;
      indexOfPath.set(path, pathIndex);
    }
    pathIndexes[index] = pathIndex;
  }
  // Copied to a memory of its own size: the parser's has room to grow, up to twice as much,
  // which the receiving thread would otherwise hold until it has decoded the names.
  const nameBytes = new Uint8Array(functions.nameBytes);
  const message: ParseMessage = {
    ok: true,
    command: profile.command,
    events: profile.events,
    totals: profile.totals,
    nameBytes,
    nameStarts: functions.nameStarts,
    nameHashes: functions.nameHashes,
    paths: [...indexOfPath.keys()],
    pathIndexes,
    lines: functions.lines,
    counts: functions.counts,
  };
  const transfer = [
    pathIndexes.buffer,
    nameBytes.buffer,
    functions.nameStarts.buffer,
    functions.nameHashes.buffer,
    functions.lines.buffer,
    functions.counts.buffer,
  ];
  return { message, transfer: transfer.filter((buffer) => buffer instanceof ArrayBuffer) };
}

export function errorMessage(error: unknown): ParseMessage {
  if (error instanceof CorruptFileError) {
    const { file, lineNumber, reason, hint } = error;
    return { ok: false, error: { kind: 'corrupt', file, lineNumber, reason, hint } };
  }
  if (error instanceof InputError) {
    return { ok: false, error: { kind: 'input', message: error.message, hint: error.hint } };
  }
  const { message, stack } = error instanceof Error ? error : { message: String(error), stack: '' };
  return { ok: false, error: { kind: 'other', message, stack } };
}

/** The profile a message carries, its names still bytes; throws the error it carries instead. */
export function fromMessage(message: ParseMessage): UndecodedProfile {
  if (!message.ok) throw rebuiltError(message.error);
  const { nameBytes, nameStarts, nameHashes, paths, pathIndexes, lines, counts } = message;
  const files: string[] = new Array(pathIndexes.length);
  for (let index = 0; index < files.length; index++) files[index] = paths[pathIndexes[index]!]!;
  return {
    command: message.command,
    events: message.events,
    totals: message.totals,
    functions: { length: files.length, nameBytes, nameStarts, nameHashes, files, lines, counts },
  };
}

function rebuiltError(error: TransferredError): Error {
  switch (error.kind) {
    case 'corrupt':
      return new CorruptFileError(error.file, error.lineNumber, error.reason, error.hint);
    case 'input':
      return new InputError(error.message, error.hint);
    case 'other': {
      const rebuilt = new Error(error.message);
      rebuilt.stack = error.stack;
      return rebuilt;
    }
  }
}
