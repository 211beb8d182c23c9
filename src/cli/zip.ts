/**
 * Just enough of the zip format to read an .xlsx part by part: the central directory (every
 * entry's name, sizes and place, read without inflating a byte) and one entry as a stream.
 *
 * Why not ExcelJS's own unzipping: its streaming reader walks the archive in stored order through
 * unzipper, which on Node ≥ 18 intermittently stops early and drops the last entries (exceljs#3064,
 * #2790; unzipper#234): sheets vanish, or xl/workbook.xml (stored last by ExcelJS) is never read.
 * It also spools every sheet to a temp file when sharedStrings.xml comes after the sheets, which a
 * zip bomb turns into a full disk. Addressing entries through the directory avoids both.
 */
import * as fs from "fs";
import { Transform, pipeline, type Readable, type TransformCallback } from "stream";
import * as zlib from "zlib";
import { FileProblemError, type FileProblem } from "./messages";

export interface ZipEntry {
  readonly name: string;
  /** The name's bytes as the directory stores them: its length places the data, the local header must repeat them. */
  readonly nameBytes: number;
  /** 0 stored, 8 deflated: the only methods an .xlsx uses. */
  readonly method: number;
  readonly packed: number;
  readonly unpacked: number;
  /** Offset of the entry's local header. */
  readonly offset: number;
  readonly encrypted: boolean;
  /** General-purpose flags, CRC-32 and DOS time/date as the directory declares them: a copy (zipWrite.ts) keeps them. */
  readonly flags: number;
  readonly crc32: number;
  readonly time: number;
  readonly date: number;
}

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
/** End of central directory: 22 bytes plus a comment of up to 65535. */
const END_SEARCH = 22 + 0xffff;
/** A workbook's directory is a few KB; a huge one is a forged record, not something to allocate. */
const MAX_DIRECTORY = 64 * 1024 ** 2;

export function isZipStart(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL;
}

export function isEmptyZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === ZIP_END;
}

/** The entries as the central directory declares them, or why it cannot be read. */
export function readCentralDirectory(fd: number, size: number): ZipEntry[] | FileProblem {
  const tailStart = Math.max(0, size - END_SEARCH);
  const tail = readAt(fd, tailStart, size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  // Cut before its end record: the data might stream, but the rest of the workbook is missing.
  if (end < 0) return { kind: "truncated" };
  let count = tail.readUInt16LE(end + 10);
  let cdSize = tail.readUInt32LE(end + 12);
  let cdOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const zip64 = readZip64End(fd, tailStart + end);
    if (!zip64) return { kind: "corrupt" };
    ({ count, cdSize, cdOffset } = zip64);
  }
  if (cdOffset + cdSize > tailStart + end) return cdOffset + cdSize > size ? { kind: "truncated" } : { kind: "corrupt" };
  if (cdSize > MAX_DIRECTORY) return { kind: "corrupt" };
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== ZIP_CENTRAL) return { kind: "corrupt" };
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let packed = cd.readUInt32LE(p + 20);
    let unpacked = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let offset = cd.readUInt32LE(p + 42);
    const name = cd.toString("utf8", p + 46, p + 46 + nameLength);
    if (unpacked === 0xffffffff || packed === 0xffffffff || offset === 0xffffffff) {
      const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      const big = zip64Fields(extra, [unpacked === 0xffffffff, packed === 0xffffffff, offset === 0xffffffff]);
      if (!big) return { kind: "corrupt" };
      [unpacked, packed, offset] = [big[0] ?? unpacked, big[1] ?? packed, big[2] ?? offset];
    }
    if (offset + packed > cdOffset) return { kind: "corrupt" };
    const [crc32, time, date] = [cd.readUInt32LE(p + 16), cd.readUInt16LE(p + 12), cd.readUInt16LE(p + 14)];
    entries.push({ name, nameBytes: nameLength, method, packed, unpacked, offset, encrypted: (flags & 1) === 1, flags, crc32, time, date });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const overlap = overlapping(entries);
  return overlap ? { kind: "corrupt", detail: `${overlap}: overlapping entries` } : entries;
}

/**
 * An entry whose data lies inside another's: two directory records pointing at the same bytes (a
 * forged directory reading one part as another) or the overlapping entries of a "better" zip bomb,
 * which a sum of declared sizes does not see. Every entry's local header, name and data must end
 * before the next entry begins.
 */
function overlapping(entries: readonly ZipEntry[]): string | null {
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1];
    if (before.offset + 30 + before.nameBytes + before.packed > byOffset[i].offset) return byOffset[i].name;
  }
  return null;
}

function readZip64End(fd: number, endPos: number): { count: number; cdSize: number; cdOffset: number } | null {
  if (endPos < 20) return null;
  const locator = readAt(fd, endPos - 20, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) return null;
  const recordPos = Number(locator.readBigUInt64LE(8));
  if (recordPos + 56 > endPos) return null;
  const record = readAt(fd, recordPos, 56);
  if (record.readUInt32LE(0) !== ZIP64_END) return null;
  return { count: Number(record.readBigUInt64LE(32)), cdSize: Number(record.readBigUInt64LE(40)), cdOffset: Number(record.readBigUInt64LE(48)) };
}

/** The zip64 extra field (id 1) holds, in this order, the unpacked size, packed size and offset that did not fit. */
function zip64Fields(extra: Buffer, wanted: readonly boolean[]): (number | undefined)[] | null {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const out: (number | undefined)[] = [];
      for (const want of wanted) {
        if (!want) {
          out.push(undefined);
          continue;
        }
        if (q + 8 > p + 4 + length) return null;
        out.push(Number(extra.readBigUInt64LE(q)));
        q += 8;
      }
      return out;
    }
    p += 4 + length;
  }
  return null;
}

/**
 * One entry's content as a stream, inflated and checked against its directory record: it fails
 * with a `forged-size` FileProblemError as soon as it yields more than the record declares (a
 * forged directory cannot slip a bomb past the sniff), and as damage when it ends short of that
 * size or its CRC-32 differs (bytes changed, or a record pointing at some other entry's data).
 */
export function entryStream(filePath: string, entry: ZipEntry): Readable {
  const fd = openForReading(filePath);
  let start: number;
  try {
    start = entryDataOffset(fd, entry);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  const guard = new SizeGuard(entry);
  if (entry.packed === 0) {
    fs.closeSync(fd);
    guard.end();
    return guard;
  }
  // The descriptor opened above: the file is not looked up by its path a second time.
  const raw = fs.createReadStream("", { fd, autoClose: true, start, end: start + entry.packed - 1 });
  // Errors anywhere (a bad deflate stream, the guard) end up on the guard, which the reader iterates.
  const failed = (e: NodeJS.ErrnoException | null) => {
    if (e && !guard.destroyed) guard.destroy(e);
  };
  if (entry.method === 8) pipeline(raw, zlib.createInflateRaw(), guard, failed);
  else pipeline(raw, guard, failed);
  return guard;
}

/**
 * Where an entry's (packed) data begins: past its local header, whose extra field may differ from
 * the directory's. The header must name the same entry: a record pointing elsewhere is damage.
 */
export function entryDataOffset(fd: number, entry: ZipEntry): number {
  const header = readAt(fd, entry.offset, 30 + entry.nameBytes);
  if (header.length < 30 || header.readUInt32LE(0) !== ZIP_LOCAL) throw new FileProblemError({ kind: "corrupt", detail: entry.name });
  const nameLength = header.readUInt16LE(26);
  if (nameLength !== entry.nameBytes || header.toString("utf8", 30, 30 + nameLength) !== entry.name) {
    throw new FileProblemError({ kind: "corrupt", detail: `${entry.name}: local header names another entry` });
  }
  return entry.offset + 30 + nameLength + header.readUInt16LE(28);
}

/**
 * Opening never blocks: a FIFO swapped in for the file after the sniff would otherwise wait
 * forever for a writer (O_NONBLOCK does nothing to a regular file; Windows has no such flag).
 */
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function openForReading(filePath: string): number {
  return fs.openSync(filePath, READ_FLAGS);
}

class SizeGuard extends Transform {
  private seen = 0;
  private crc = 0;
  constructor(private readonly entry: ZipEntry) {
    super();
  }
  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.entry.unpacked) {
      done(new FileProblemError({ kind: "forged-size", entry: this.entry.name }));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    done(null, chunk);
  }
  _flush(done: TransformCallback): void {
    if (this.seen !== this.entry.unpacked) done(new FileProblemError({ kind: "corrupt", detail: `${this.entry.name}: shorter than its directory record` }));
    else if (this.crc !== this.entry.crc32 >>> 0) done(new FileProblemError({ kind: "corrupt", detail: `${this.entry.name}: CRC-32 mismatch` }));
    else done();
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `data` continuing from `value`: zlib's native one where Node has it (20.15+), else a table. */
export function crc32(data: Buffer, value = 0): number {
  const native = (zlib as { crc32?: (d: Buffer, v?: number) => number }).crc32;
  if (typeof native === "function") return native(data, value) >>> 0;
  let c = ~value >>> 0;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(Math.max(0, length));
  let done = 0;
  while (done < buf.length) {
    const n = fs.readSync(fd, buf, done, buf.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}
