/** Test helpers that open a written .xlsx's parts and write an edited copy, as another program's save would. */
import ExcelJS from "exceljs";
import { sniffFile } from "../../src/cli/sniff";
import { entryStream, type ZipEntry } from "../../src/cli/zip";
import { writeZip, type OutEntry } from "../../src/cli/zipWrite";

export function entriesOf(file: string): readonly ZipEntry[] {
  const sniffed = sniffFile(file);
  if ("problem" in sniffed) throw new Error(`${file}: ${sniffed.problem.kind}`);
  return sniffed.entries;
}

export async function partText(file: string, name: string): Promise<string> {
  const entry = entriesOf(file).find((e) => e.name === name);
  if (!entry) throw new Error(`${file} has no ${name}`);
  const chunks: Buffer[] = [];
  for await (const c of entryStream(file, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A copy of `from` at `to` with parts changed: `edit` gets each part's name and text and returns
 * the new text, `null` to drop the part, or `undefined` to copy it byte for byte.
 */
export async function editZip(from: string, to: string, edit: (name: string, text: () => Promise<string>) => Promise<string | null | undefined> | string | null | undefined): Promise<void> {
  const out: OutEntry[] = [];
  for (const e of entriesOf(from)) {
    const changed = await edit(e.name, () => partText(from, e.name));
    if (changed === null) continue;
    out.push(changed === undefined ? { copy: e } : { name: e.name, data: Buffer.from(changed, "utf8") });
  }
  writeZip(to, from, out);
}

/** All cell values of a sheet, row by row (merged cells as ExcelJS gives them). */
export function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
