/**
 * Writes a bench ledger to an .xlsx with ExcelJS's streaming writer (shared strings, styles,
 * merged title and header cells, date formats, thin borders), then rearranges the zip's parts.
 *
 * Why rearrange: ExcelJS writes the sheets first and workbook.xml, styles and shared strings last
 * (so does Excel itself for shared strings). ExcelJS's own streaming reader, which is the floor
 * the command line is measured against, then spools every sheet to a temporary file before
 * reading it. Putting those parts first gives the floor its fastest path, so the comparison is
 * against the best a bare ExcelJS read can do. The command line reads parts by name and does not
 * care about their order.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { cellAddress, type MergeArea } from "../../src/core/sheet";
import type { SampleSheet } from "../sample/sampleLedger";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 11 };
/**
 * One style object per kind of cell: ExcelJS's writer remembers the style of an object it has
 * seen (a WeakMap), where setting font and border cell by cell would make a new one per cell.
 */
const STYLES: Readonly<Record<"title" | "header" | "data" | "date", Partial<ExcelJS.Style>>> = {
  title: { font: { name: "宋体", size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } },
  header: {
    font: { ...FONT, bold: true },
    border: THIN,
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  },
  data: { font: FONT, border: THIN },
  date: { font: FONT, border: THIN, numFmt: "yyyy-mm-dd" },
};

export async function writeLedgerXlsx(file: string, sheets: readonly SampleSheet[]): Promise<void> {
  const raw = `${file}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: raw, useStyles: true, useSharedStrings: true });
  wb.creator = "财源街道";
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const headerRows = headerRowsOf(sheet);
    sheet.grid.forEach((values, i) => {
      const row = ws.getRow(i + 1);
      const header = headerRows.includes(i + 1);
      const title = i === 0 && !header;
      for (let c = 0; c < values.length; c++) {
        const v = values[c];
        const cell = row.getCell(c + 1);
        if (v !== null && v !== undefined) cell.value = v as ExcelJS.CellValue;
        cell.style = STYLES[title ? "title" : header ? "header" : v instanceof Date ? "date" : "data"];
      }
      // A streamed row can no longer be merged once committed: merge an area on its last row,
      // and hold back rows that an area still open below them covers.
      const r = i + 1;
      for (const m of sheet.merges) if (m.bottom === r) ws.mergeCells(rangeOf(m));
      if (!sheet.merges.some((m) => m.top <= r && m.bottom > r)) row.commit();
    });
    ws.commit();
  }
  await wb.commit();
  reorderParts(raw, file);
  fs.unlinkSync(raw);
}

function headerRowsOf(sheet: SampleSheet): number[] {
  const first = sheet.grid.findIndex((r) => ["序号", "日期", "企业名称", "项目"].includes(String(r[0] ?? ""))) + 1;
  if (first === 0) return [];
  return sheet.merges.some((m) => m.top === first && m.bottom === first + 1) ? [first, first + 1] : [first];
}

function rangeOf(m: MergeArea): string {
  return `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;
}

/** Parts a reader needs before the sheets, in the order they are put. */
const FIRST = [
  "[Content_Types].xml",
  "_rels/.rels",
  "docProps/app.xml",
  "docProps/core.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/sharedStrings.xml",
];

/**
 * Copies a zip with its entries in a new order: local headers and data (with any data
 * descriptor) are copied byte for byte, the central directory is rewritten with the new offsets.
 * Enough for the zips ExcelJS writes (no zip64, no archive comment).
 */
export function reorderParts(from: string, to: string): void {
  const zip = fs.readFileSync(from);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${from}: no end of central directory`);
  const count = zip.readUInt16LE(end + 10);
  const cdOffset = zip.readUInt32LE(end + 16);
  const entries: { name: string; record: Buffer; offset: number; next: number }[] = [];
  for (let p = cdOffset, n = 0; n < count; n++) {
    const nameLength = zip.readUInt16LE(p + 28);
    const size = 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLength).replace(/^\//, "");
    entries.push({ name, record: Buffer.from(zip.subarray(p, p + size)), offset: zip.readUInt32LE(p + 42), next: 0 });
    p += size;
  }
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  byOffset.forEach((e, i) => (e.next = i + 1 < byOffset.length ? byOffset[i + 1].offset : cdOffset));
  const rank = (name: string) => {
    const at = FIRST.indexOf(name);
    if (at >= 0) return at;
    return name.startsWith("xl/worksheets/") ? FIRST.length + 1 : FIRST.length;
  };
  const ordered = [...entries].sort((a, b) => rank(a.name) - rank(b.name) || a.offset - b.offset);
  const parts: Buffer[] = [];
  let offset = 0;
  for (const e of ordered) {
    const local = zip.subarray(e.offset, e.next);
    e.record.writeUInt32LE(offset, 42);
    parts.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(ordered.map((e) => e.record));
  const eocd = Buffer.from(zip.subarray(end, end + 22));
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(0, 20);
  fs.writeFileSync(to, Buffer.concat([...parts, directory, eocd]));
}
