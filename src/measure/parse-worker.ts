/**
 * The entry point of a parse worker thread (bundled as dist/parse-worker.js): parses the one
 * `cachegrind.out` file named in its `workerData` and posts the result, or the error, back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parserOptions } from './normalise.js';
import { readCachegrindFile } from './parse-file.js';
import { errorMessage, profileMessage } from './parse-transfer.js';

export interface ParseJob {
  path: string;
  workspaceRoot: string;
}

const { path, workspaceRoot } = workerData as ParseJob;
try {
  const parser = await readCachegrindFile(path, parserOptions({ workspaceRoot }));
  // The names are decoded where they arrive: bytes are handed over, strings would be copied.
  const { message, transfer } = profileMessage(parser.finishUndecoded());
  parentPort!.postMessage(message, transfer);
} catch (error) {
  parentPort!.postMessage(errorMessage(error));
}
