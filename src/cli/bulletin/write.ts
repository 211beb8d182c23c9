/**
 * Writes the bulletin workbook: ExcelJS builds it (a new workbook, nothing of the user's to
 * lose), then one pass over its package gives formula-like text Excel's quotePrefix, which ExcelJS
 * cannot write, adds the bulletin's data (data.ts) and marks it as this tool's output
 * (ownOutput.ts). Both files on disk are created exclusively under random names beside OUT and
 * written through their descriptors (safeWrite.ts); OUT appears only when complete.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { FileProblemError } from "../messages";
import { markOwnOutput } from "../ownOutput";
import { exclusiveTemp, writeAll, writeAtomically } from "../safeWrite";
import { entryDataOffset, readAt, readCentralDirectory, type ZipEntry } from "../zip";
import { writeZip, type OutEntry } from "../zipWrite";
import { withDataPart, type BulletinData } from "./data";
import type { Bulletin } from "./model";
import { buildBulletin } from "./workbook";

export async function writeBulletin(b: Bulletin, data: BulletinData, out: string): Promise<void> {
  const built = Buffer.from(await buildBulletin(b).xlsx.writeBuffer());
  const raw = exclusiveTemp(path.dirname(out), path.basename(out));
  try {
    writeAll(raw.fd, built);
    const directory = readCentralDirectory(raw.fd, built.length);
    if (!Array.isArray(directory)) throw new FileProblemError(directory);
    const read = async (e: ZipEntry) => entryData(raw.fd, e);
    let entries: OutEntry[] = [];
    for (const e of directory) entries.push(e.name === "xl/styles.xml" ? { name: e.name, data: Buffer.from(withQuotePrefix((await read(e)).toString("utf8")), "utf8") } : { copy: e });
    entries = await withDataPart(entries, data, read);
    entries = await markOwnOutput(entries, "bulletin", read);
    await writeAtomically(out, (fd) => writeZip(fd, raw.fd, entries));
  } finally {
    fs.closeSync(raw.fd);
    fs.rmSync(raw.path, { force: true });
  }
}

/** An entry of the package ExcelJS just wrote, inflated (its sizes are ExcelJS's own, not a stranger's). */
function entryData(fd: number, e: ZipEntry): Buffer {
  const packed = readAt(fd, entryDataOffset(fd, e), e.packed);
  return e.method === 8 ? zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, e.unpacked) }) : packed;
}

/**
 * quotePrefix="1" on every cell format with the text number format (id 49, "@"): the bulletin
 * gives that format to formula-like text only (workbook.ts).
 */
function withQuotePrefix(styles: string): string {
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(styles);
  if (!cellXfs) return styles;
  return (
    styles.slice(0, cellXfs.index) +
    cellXfs[0].replace(/<xf\b([^>]*?)(\/?)>/g, (tag, attrs: string, close: string) =>
      /\bnumFmtId="49"/.test(attrs) && !/\bquotePrefix=/.test(attrs) ? `<xf${attrs} quotePrefix="1"${close}>` : tag,
    ) +
    styles.slice(cellXfs.index + cellXfs[0].length)
  );
}
