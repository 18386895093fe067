/**
 * The metadata file of the report artifact: which pull request and commit the report is of.
 * Written by the measuring run, read back by the reporting run as untrusted input.
 */
import { CorruptFileError } from '../errors.js';
import { FULL_COMMIT_SHA } from '../system/commit-id.js';
import {
  describeJsonValue,
  type JsonProblem,
  parseJson,
  StrictJsonReader,
} from '../system/strict-json.js';

const METADATA_VERSION = 1;
const METADATA_FIELDS = ['version', 'prNumber', 'headSha'];

export interface ReportMetadata {
  prNumber: number;
  /** The pull request head commit that was measured. */
  headSha: string;
}

export function serialiseMetadata({ prNumber, headSha }: ReportMetadata): string {
  return `${JSON.stringify({ version: METADATA_VERSION, prNumber, headSha })}\n`;
}

export function parseMetadata(bytes: Buffer, source: string): ReportMetadata {
  const corrupt = (reason: string) => new CorruptFileError(source, undefined, reason);
  const value = parseJson(bytes.toString('utf8'), (reason) =>
    corrupt(`is not valid JSON (${reason})`),
  );
  const metadata = new StrictJsonReader((path, problem) => corrupt(metadataProblem(path, problem)));
  const record = metadata.object(value, '', { required: METADATA_FIELDS });
  metadata.expect(record.version, 'version', (version) => version === METADATA_VERSION, '1');
  return {
    prNumber: metadata.expect(
      record.prNumber,
      'prNumber',
      (number) => Number.isSafeInteger(number) && (number as number) >= 1,
      'a positive whole number',
    ),
    headSha: metadata.expect(
      record.headSha,
      'headSha',
      (sha) => typeof sha === 'string' && FULL_COMMIT_SHA.test(sha),
      'a commit hash',
    ),
  };
}

function metadataProblem(path: string, problem: JsonProblem): string {
  switch (problem.kind) {
    case 'missing':
    case 'unknown-field':
      return `has the fields ${Object.keys(problem.object).sort().join(', ')}, expected exactly version, prNumber and headSha`;
    case 'expected':
      return path === ''
        ? 'is not a JSON object'
        : `has ${path} ${describeJsonValue(problem.found)}, expected ${problem.expected}`;
    case 'rule':
      return `has ${path}: ${problem.rule}`;
  }
}
