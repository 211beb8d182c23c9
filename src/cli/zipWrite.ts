/**
 * Writes a zip whose entries are either copied from another zip byte for byte (their packed data,
 * CRC, method, flags and time as they were: nothing is inflated or re-compressed) or given anew
 * and deflated here. This is how the highlighted copy keeps every part of the user's workbook that
 * it does not change exactly as it was.
 *
 * Plain zip only (no zip64): an .xlsx of 4 GB is far beyond what the reader accepts anyway.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { crc32, entryDataOffset, openForReading, type ZipEntry } from "./zip";

export type OutEntry =
  /** An entry of `source`, copied as it is (under its own name). */
  | { readonly copy: ZipEntry }
  /** A new or changed entry; `mode` (e.g. 0o755) marks it as a Unix file with those permissions. */
  | { readonly name: string; readonly data: Buffer; readonly mode?: number };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Bit 3: sizes and CRC in a data descriptor after the data. Copies carry them in the header instead. */
const DATA_DESCRIPTOR = 0x0008;
/** Bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const MAX32 = 0xffffffff;
const COPY_CHUNK = 1024 * 1024;

interface Written {
  readonly name: Buffer;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc32: number;
  readonly packed: number;
  readonly unpacked: number;
  readonly offset: number;
  /** Unix permissions kept in the central directory (an executable keeps its x bit when unzipped). */
  readonly mode?: number;
}

class ZipTooLargeError extends Error {}

/**
 * Writes `entries`, in order, to `target`: a path (created or truncated) or a descriptor opened for
 * writing (an exclusively created temporary file, safeWrite.ts), left open. `source` is the zip
 * copies come from: a path, or a descriptor opened for reading, likewise left open.
 */
export function writeZip(target: string | number, source: string | number | null, entries: readonly OutEntry[]): void {
  const out = typeof target === "number" ? target : fs.openSync(target, "w");
  const src = source !== null && entries.some((e) => "copy" in e) ? (typeof source === "number" ? source : openForReading(source)) : null;
  try {
    let position = 0;
    const write = (buf: Buffer) => {
      let done = 0;
      while (done < buf.length) done += fs.writeSync(out, buf, done, buf.length - done, position + done);
      position += buf.length;
    };
    const written: Written[] = [];
    const now = dosTime(new Date());
    for (const e of entries) {
      let w: Omit<Written, "offset">;
      let data: Buffer | null = null;
      if ("copy" in e) {
        const c = e.copy;
        const name = Buffer.from(c.name, "utf8");
        w = { name, flags: (c.flags & ~DATA_DESCRIPTOR) | utf8Flag(name, c.name), method: c.method, time: c.time, date: c.date, crc32: c.crc32, packed: c.packed, unpacked: c.unpacked };
      } else {
        const name = Buffer.from(e.name, "utf8");
        data = zlib.deflateRawSync(e.data);
        w = { name, flags: utf8Flag(name, e.name), method: 8, time: now.time, date: now.date, crc32: crc32(e.data), packed: data.length, unpacked: e.data.length, mode: e.mode };
      }
      const offset = position;
      if (offset > MAX32 || w.packed > MAX32 || w.unpacked > MAX32) throw new ZipTooLargeError("the copy would need zip64");
      write(localHeader(w));
      if (data) write(data);
      else copyData(src!, (e as { copy: ZipEntry }).copy, write);
      written.push({ ...w, offset });
    }
    const cdStart = position;
    for (const w of written) write(centralHeader(w));
    if (position > MAX32 || written.length > 0xffff) throw new ZipTooLargeError("the copy would need zip64");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(written.length, 8);
    end.writeUInt16LE(written.length, 10);
    end.writeUInt32LE(position - cdStart, 12);
    end.writeUInt32LE(cdStart, 16);
    write(end);
  } finally {
    if (typeof target !== "number") fs.closeSync(out);
    if (src !== null && typeof source !== "number") fs.closeSync(src);
  }
}

function copyData(fd: number, entry: ZipEntry, write: (buf: Buffer) => void): void {
  const start = entryDataOffset(fd, entry);
  const buf = Buffer.alloc(Math.min(COPY_CHUNK, Math.max(1, entry.packed)));
  for (let done = 0; done < entry.packed; ) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, entry.packed - done), start + done);
    if (n === 0) throw new Error(`${entry.name}: unexpected end of file`);
    write(buf.subarray(0, n));
    done += n;
  }
}

function localHeader(w: Omit<Written, "offset">): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(w.flags, 6);
  h.writeUInt16LE(w.method, 8);
  h.writeUInt16LE(w.time, 10);
  h.writeUInt16LE(w.date, 12);
  h.writeUInt32LE(w.crc32 >>> 0, 14);
  h.writeUInt32LE(w.packed, 18);
  h.writeUInt32LE(w.unpacked, 22);
  h.writeUInt16LE(w.name.length, 26);
  return Buffer.concat([h, w.name]);
}

function centralHeader(w: Written): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL, 0);
  // Version made by: 2.0, and on Unix (3) when the entry carries Unix permissions.
  h.writeUInt16LE(w.mode === undefined ? 20 : (3 << 8) | 20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(w.flags, 8);
  h.writeUInt16LE(w.method, 10);
  h.writeUInt16LE(w.time, 12);
  h.writeUInt16LE(w.date, 14);
  h.writeUInt32LE(w.crc32 >>> 0, 16);
  h.writeUInt32LE(w.packed, 20);
  h.writeUInt32LE(w.unpacked, 24);
  h.writeUInt16LE(w.name.length, 28);
  if (w.mode !== undefined) h.writeUInt32LE(((0o100000 | w.mode) << 16) >>> 0, 38);
  h.writeUInt32LE(w.offset, 42);
  return Buffer.concat([h, w.name]);
}

function utf8Flag(name: Buffer, text: string): number {
  return name.length !== text.length ? UTF8_NAME : 0;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
