/**
 * Writes the bulletin workbook: ExcelJS builds it (a new workbook, nothing of the user's to
 * lose), then one pass over its package gives formula-like text Excel's quotePrefix, which
 * ExcelJS cannot write. The file appears at OUT only when complete (temporary file, then rename).
 */
import * as fs from "fs";
import * as path from "path";
import { FileProblemError } from "../messages";
import { sniffFile } from "../sniff";
import { entryStream } from "../zip";
import { writeZip, type OutEntry } from "../zipWrite";
import { buildBulletin } from "./workbook";
import type { Bulletin } from "./model";

export async function writeBulletin(b: Bulletin, out: string): Promise<void> {
  const base = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}`);
  const raw = `${base}.raw.tmp`;
  const done = `${base}.tmp`;
  try {
    await buildBulletin(b).xlsx.writeFile(raw);
    await withQuotePrefix(raw, done);
    fs.renameSync(done, out);
  } finally {
    fs.rmSync(raw, { force: true });
    fs.rmSync(done, { force: true });
  }
}

/**
 * Copies the package, adding quotePrefix="1" to every cell format with the text number format
 * (id 49, "@"): the bulletin gives that format to formula-like text only (workbook.ts).
 */
async function withQuotePrefix(from: string, to: string): Promise<void> {
  const sniffed = sniffFile(from);
  if ("problem" in sniffed) throw new FileProblemError(sniffed.problem);
  const entries: OutEntry[] = [];
  for (const e of sniffed.entries) {
    if (e.name !== "xl/styles.xml") {
      entries.push({ copy: e });
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entryStream(from, e)) chunks.push(chunk as Buffer);
    const styles = Buffer.concat(chunks).toString("utf8");
    const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(styles);
    const patched = cellXfs
      ? styles.slice(0, cellXfs.index) +
        cellXfs[0].replace(/<xf\b([^>]*?)(\/?)>/g, (tag, attrs: string, close: string) =>
          /\bnumFmtId="49"/.test(attrs) && !/\bquotePrefix=/.test(attrs) ? `<xf${attrs} quotePrefix="1"${close}>` : tag,
        ) +
        styles.slice(cellXfs.index + cellXfs[0].length)
      : styles;
    entries.push({ name: e.name, data: Buffer.from(patched, "utf8") });
  }
  writeZip(to, from, entries);
}
