/**
 * Looks at a file's container before anything inflates it, so that every broken or hostile file
 * gets one clear sentence instead of a raw unzip error, a hang or a full disk.
 *
 * An .xlsx is a zip whose central directory (at its end) lists every entry with its sizes: those
 * are checked here without inflating a byte. Old .xls and WPS .et workbooks, and password-protected
 * .xlsx files, are OLE compound files (D0 CF 11 E0 …).
 */
import * as fs from "fs";
import { DEFAULT_LIMITS, type Limits } from "./limits";
import type { FileProblem, NonRegular } from "./messages";
import { isEmptyZip, isZipStart, openForReading, readAt, readCentralDirectory, type ZipEntry } from "./zip";

/** The container's bounds are part of the run's limits (limits.ts). */
export type SniffLimits = Limits;
export { DEFAULT_LIMITS };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** How much of an OLE file is searched for the stream names of an encrypted package. */
const OLE_SCAN = 8 * 1024 ** 2;
/** The workbook part every .xlsx has. */
const WORKBOOK_PART = "xl/workbook.xml";

export type Sniffed = { readonly problem: FileProblem } | { readonly entries: readonly ZipEntry[] };

/** The zip's entries when the file looks like a readable .xlsx; otherwise what is wrong with it. */
export function sniffFile(path: string, limits: SniffLimits = DEFAULT_LIMITS): Sniffed {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (e) {
    return { problem: (e as NodeJS.ErrnoException).code === "ENOENT" ? { kind: "not-found" } : { kind: "no-access", detail: errnoText(e) } };
  }
  if (stat.isDirectory()) return { problem: { kind: "not-a-file" } };
  // A FIFO or a device is named, never opened: a FIFO's size is 0 and opening it waits for a writer.
  if (!stat.isFile()) return { problem: { kind: "not-regular", what: nonRegular(stat) } };
  if (stat.size === 0) return { problem: { kind: "empty" } };
  let fd: number;
  try {
    fd = openForReading(path);
  } catch (e) {
    return { problem: { kind: "no-access", detail: errnoText(e) } };
  }
  try {
    // The path may have been swapped between the stat and the open: what was opened is what counts.
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { problem: { kind: "not-regular", what: nonRegular(opened) } };
    return sniffOpen(fd, opened.size, limits);
  } finally {
    fs.closeSync(fd);
  }
}

function nonRegular(stat: fs.Stats): NonRegular {
  if (stat.isFIFO()) return "fifo";
  if (stat.isCharacterDevice()) return "character-device";
  if (stat.isBlockDevice()) return "block-device";
  if (stat.isSocket()) return "socket";
  return "other";
}

function sniffOpen(fd: number, size: number, limits: SniffLimits): Sniffed {
  const head = readAt(fd, 0, Math.min(size, 4096));
  if (head.length >= 8 && head.subarray(0, 8).equals(OLE_MAGIC)) return { problem: sniffOle(fd, size) };
  if (isEmptyZip(head)) return { problem: { kind: "not-workbook" } };
  if (!isZipStart(head)) {
    if (!looksLikeText(head)) return { problem: { kind: "not-zip" } };
    return { problem: { kind: "text", markup: /^\s*<(?:!doctype|html|\?xml|table|meta)/i.test(head.toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/, "")) } };
  }
  const entries = readCentralDirectory(fd, size);
  if (!Array.isArray(entries)) return { problem: entries };
  if (entries.some((e) => e.encrypted)) return { problem: { kind: "zip-encrypted" } };
  const odd = entries.find((e) => e.method !== 0 && e.method !== 8);
  if (odd) return { problem: { kind: "corrupt", detail: `${odd.name}: compression method ${odd.method}` } };
  if (!entries.some((e) => e.name === WORKBOOK_PART)) return { problem: { kind: "not-workbook" } };
  const unpacked = entries.reduce((s, e) => s + e.unpacked, 0);
  const packed = entries.reduce((s, e) => s + e.packed, 0);
  const ratio = unpacked / Math.max(1, packed);
  if (unpacked >= limits.bombMinBytes && ratio > limits.bombRatio) return { problem: { kind: "bomb", bytes: unpacked, ratio } };
  // Each entry on its own too: stored padding elsewhere in the archive dilutes the ratio of the whole.
  for (const e of entries) {
    const entryRatio = e.unpacked / Math.max(1, e.packed);
    if (e.unpacked >= limits.bombMinBytes && entryRatio > limits.bombRatio) return { problem: { kind: "bomb", bytes: e.unpacked, ratio: entryRatio, entry: e.name } };
  }
  if (unpacked > limits.maxUnpackedBytes) return { problem: { kind: "too-large", bytes: unpacked, limit: limits.maxUnpackedBytes } };
  return { entries };
}

/** An encrypted .xlsx is an OLE file holding the streams EncryptionInfo and EncryptedPackage. */
function sniffOle(fd: number, size: number): FileProblem {
  const body = readAt(fd, 0, Math.min(size, OLE_SCAN));
  const encrypted = body.includes(Buffer.from("EncryptedPackage", "utf16le")) || body.includes(Buffer.from("EncryptionInfo", "utf16le"));
  return encrypted ? { kind: "encrypted" } : { kind: "legacy" };
}

/** Text has no control bytes besides tabs and line breaks (UTF-8 and GBK alike). */
function looksLikeText(head: Buffer): boolean {
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) return false;
  return true;
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ?? (e instanceof Error ? e.message : String(e));
}
