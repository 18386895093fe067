/** A minimal, bounded zip reader for the report artifact, which comes from untrusted code. */
import { crc32, inflateRawSync } from 'node:zlib';
import { CorruptFileError } from '../errors.js';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Reads a zip that must hold exactly the files `names` (and may hold those of `optional`), stored
 * or deflated, each checked against its recorded size and CRC, and never inflated past
 * `maxBytes` in all.
 */
export function unzipExactly(
  zip: Buffer,
  names: readonly string[],
  maxBytes: number,
  source: string,
  optional: readonly string[] = [],
): Map<string, Buffer> {
  const corrupt = (reason: string) => new CorruptFileError(source, undefined, reason);
  const expected =
    `exactly ${names.join(' and ')}` +
    (optional.length === 0 ? '' : `, and optionally ${optional.join(' and ')}`);
  const allowed = [...names, ...optional];
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw corrupt('is not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  if (count < names.length || count > allowed.length) {
    throw corrupt(`holds ${count} entries, expected ${expected}`);
  }
  const files = new Map<string, Buffer>();
  let unpacked = 0;
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) {
      throw corrupt('has a damaged zip directory');
    }
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);

    if (!allowed.includes(name) || files.has(name)) {
      throw corrupt(`holds ${JSON.stringify(name)}, expected ${expected}`);
    }
    if (flags & 1) throw corrupt(`holds ${name} encrypted`);
    unpacked += size;
    if (unpacked > maxBytes) throw corrupt(`unpacks to more than ${maxBytes} bytes`);
    if (localHeader + 30 > zip.length || zip.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) {
      throw corrupt(`has a damaged entry for ${name}`);
    }
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) throw corrupt(`is truncated in ${name}`);

    let content: Buffer;
    if (method === STORED) {
      content = data;
    } else if (method === DEFLATED) {
      try {
        // One byte of room beyond the recorded size, so that a lying size is caught, not obeyed.
        content = inflateRawSync(data, { maxOutputLength: size + 1 });
      } catch (error) {
        throw corrupt(
          `holds ${name} compressed in a way that does not unpack (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    } else {
      throw corrupt(
        `holds ${name} compressed with zip method ${method}; only stored and deflated are read`,
      );
    }
    if (content.length !== size || crc32(content) !== crc) {
      throw corrupt(
        `holds ${name} with content that does not match its recorded size and checksum`,
      );
    }
    files.set(name, content);
  }
  if (names.some((required) => !files.has(required))) throw corrupt(`does not hold ${expected}`);
  return files;
}
