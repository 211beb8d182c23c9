/**
 * A tiny zip writer for the corpus: entries stored or deflated, written straight to a file, with
 * every field of the directory under the test's control (sizes can be forged, flags set, zip64
 * sizes declared). Large entries are streamed chunk by chunk so a million-row sheet never sits in
 * memory; a repeated deflate chunk makes a real zip bomb without deflating gigabytes.
 */
import * as fs from "fs";
import { Readable } from "stream";
import * as zlib from "zlib";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
/** zlib.crc32 came in Node 20.15; the table form is for older 20.x. */
const CRC_TABLE = Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32: (data: Buffer, value?: number) => number =
  typeof zlib.crc32 === "function"
    ? (data, value = 0) => zlib.crc32(data, value)
    : (data, value = 0) => {
        let c = ~value >>> 0;
        for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        return ~c >>> 0;
      };

/** Sizes up to 4 GiB − 1 fit the 32-bit fields; a larger (forged) one is declared in a zip64 record. */
const MAX32 = 0xffffffff;

export interface EntryOptions {
  /** 8 deflate (default), 0 stored. */
  readonly method?: 0 | 8;
  /** What the central directory claims instead of the truth. */
  readonly declareUnpacked?: number;
  /** General purpose flags (bit 0: encrypted). */
  readonly flags?: number;
}

interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly packed: number;
  readonly unpacked: number;
  readonly declaredUnpacked: number;
  readonly offset: number;
}

type Chunk = string | Buffer;

export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: Written[] = [];

  constructor(readonly path: string) {
    this.fd = fs.openSync(path, "w");
  }

  /** A whole entry from one string or buffer. */
  add(name: string, data: Chunk, options: EntryOptions = {}): this {
    const raw = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const method = options.method ?? 8;
    const packed = method === 8 ? zlib.deflateRawSync(raw) : raw;
    this.writeEntry(name, method, options, packed.length, raw.length, crc32(raw), [packed]);
    return this;
  }

  /**
   * An entry produced chunk by chunk and deflated as it comes: the local header is written first
   * with zero sizes and patched at the end, so only a chunk at a time is ever held.
   */
  async addStream(name: string, chunks: Iterable<Chunk>, options: EntryOptions = {}): Promise<this> {
    const nameBytes = Buffer.from(name, "utf8");
    const headerAt = this.offset;
    const flags = options.flags ?? 0;
    this.write(localHeader(nameBytes, 8, flags, 0, 0, 0));
    let crc = 0;
    let unpacked = 0;
    let packed = 0;
    const counted = function* (): Iterable<Buffer> {
      for (const chunk of chunks) {
        const raw = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
        crc = crc32(raw, crc);
        unpacked += raw.length;
        yield raw;
      }
    };
    const deflate = zlib.createDeflateRaw({ level: 1 });
    Readable.from(counted()).pipe(deflate);
    for await (const out of deflate as AsyncIterable<Buffer>) {
      packed += out.length;
      this.write(out);
    }
    fs.writeSync(this.fd, localHeader(nameBytes, 8, flags, crc, packed, unpacked), 0, 30, headerAt);
    this.entries.push({ name: nameBytes, method: 8, flags, crc, packed, unpacked, declaredUnpacked: options.declareUnpacked ?? unpacked, offset: headerAt });
    return this;
  }

  /**
   * A deflated entry made of `head`, then `unit` repeated `times`, then `tail`, each part deflated
   * once with a full flush (so the parts are independent and can be concatenated): gigabytes of
   * content from kilobytes of file, without ever deflating the gigabytes.
   */
  addRepeated(name: string, head: string, unit: Buffer, times: number, tail: string, options: EntryOptions = {}): this {
    return this.addSegments(name, [{ data: head }, { data: unit, times }, { data: tail }], options);
  }

  /** A deflated entry made of segments, each repeated its `times` (default once), as addRepeated. */
  addSegments(name: string, segments: readonly { readonly data: Chunk; readonly times?: number }[], options: EntryOptions = {}): this {
    const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
    const parts = segments.map((seg, i) => {
      const raw = typeof seg.data === "string" ? Buffer.from(seg.data, "utf8") : seg.data;
      // The last segment ends the deflate stream; the others are flushed so that they can repeat.
      return { raw, packed: zlib.deflateRawSync(raw, i === segments.length - 1 ? { level: 9 } : full), times: seg.times ?? 1 };
    });
    if (parts[parts.length - 1].times !== 1) parts.push({ raw: Buffer.alloc(0), packed: zlib.deflateRawSync(Buffer.alloc(0)), times: 1 });
    let crc = 0;
    let unpacked = 0;
    let packed = 0;
    for (const part of parts) {
      for (let i = 0; i < part.times; i++) crc = crc32(part.raw, crc);
      unpacked += part.raw.length * part.times;
      packed += part.packed.length * part.times;
    }
    const body = function* (): Iterable<Buffer> {
      for (const part of parts) for (let i = 0; i < part.times; i++) yield part.packed;
    };
    this.writeEntry(name, 8, options, packed, unpacked, crc, body());
    return this;
  }

  /** Ends the archive: the central directory (zip64 records when a size needs them), then its end record. */
  finish(): string {
    const cdStart = this.offset;
    for (const e of this.entries) this.write(centralRecord(e));
    const cdSize = this.offset - cdStart;
    const count = this.entries.length;
    if (this.entries.some((e) => e.declaredUnpacked > MAX32)) {
      const zip64At = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(ZIP64_END, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(cdSize), 40);
      record.writeBigUInt64LE(BigInt(cdStart), 48);
      this.write(record);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR, 0);
      locator.writeBigUInt64LE(BigInt(zip64At), 8);
      locator.writeUInt32LE(1, 16);
      this.write(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(cdStart, 16);
    this.write(end);
    fs.closeSync(this.fd);
    return this.path;
  }

  private writeEntry(name: string, method: number, options: EntryOptions, packed: number, unpacked: number, crc: number, body: Iterable<Buffer>): void {
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    const flags = options.flags ?? 0;
    this.write(localHeader(nameBytes, method, flags, crc, packed, Math.min(unpacked, MAX32)));
    for (const b of body) this.write(b);
    this.entries.push({ name: nameBytes, method, flags, crc, packed, unpacked, declaredUnpacked: options.declareUnpacked ?? unpacked, offset });
  }

  private write(b: Buffer): void {
    let done = 0;
    while (done < b.length) done += fs.writeSync(this.fd, b, done, b.length - done);
    this.offset += b.length;
  }
}

function localHeader(name: Buffer, method: number, flags: number, crc: number, packed: number, unpacked: number): Buffer {
  const h = Buffer.alloc(30 + name.length);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(flags | 0x0800, 6); // bit 11: names are UTF-8
  h.writeUInt16LE(method, 8);
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(packed, 18);
  h.writeUInt32LE(unpacked, 22);
  h.writeUInt16LE(name.length, 26);
  name.copy(h, 30);
  return h;
}

function centralRecord(e: Written): Buffer {
  const zip64 = e.declaredUnpacked > MAX32;
  const extra = Buffer.alloc(zip64 ? 12 : 0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(e.declaredUnpacked), 4);
  }
  const c = Buffer.alloc(46 + e.name.length + extra.length);
  c.writeUInt32LE(CENTRAL, 0);
  c.writeUInt16LE(zip64 ? 45 : 20, 4);
  c.writeUInt16LE(zip64 ? 45 : 20, 6);
  c.writeUInt16LE(e.flags | 0x0800, 8);
  c.writeUInt16LE(e.method, 10);
  c.writeUInt32LE(e.crc >>> 0, 16);
  c.writeUInt32LE(e.packed, 20);
  c.writeUInt32LE(zip64 ? MAX32 : e.declaredUnpacked, 24);
  c.writeUInt16LE(e.name.length, 28);
  c.writeUInt16LE(extra.length, 30);
  c.writeUInt32LE(e.offset, 42);
  e.name.copy(c, 46);
  extra.copy(c, 46 + e.name.length);
  return c;
}
