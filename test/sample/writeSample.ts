/**
 * Writes assets/sample-ledger.xlsx from the grids of sampleLedger.ts, dressed the way a unit's
 * clerk dresses a ledger: merged and bold title, filled header, thin borders, dates shown as
 * yyyy-mm-dd, a highlighted 合计 row. Run it with `npm run sample`.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cellAddress, type MergeArea } from "../../src/core/sheet";
import { SAMPLE_AS_OF, sampleSheets, type SampleSheet } from "./sampleLedger";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const SECTION_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };

/** Column widths per sheet, in Excel's character units. */
const WIDTHS: Readonly<Record<string, readonly number[]>> = {
  项目台账: [6, 28, 28, 16, 12, 10, 9, 10, 14, 14, 14, 10, 9, 11, 12, 24],
  外出招商: [12, 10, 14, 8, 44, 28],
  客商邀请: [30, 12, 10, 14, 13],
  例会记录: [12, 28, 36, 8],
  台账设置: [14, 14],
};

/** How a row of the sample is dressed, from what it holds. */
type RowRole = "title" | "units" | "header" | "section" | "total" | "footer" | "data";

function roleOf(sheet: SampleSheet, rowIndex: number, headerRows: readonly number[]): RowRole {
  const row = sheet.grid[rowIndex];
  const first = row.find((v) => v !== null && v !== undefined);
  const text = typeof first === "string" ? first : "";
  const wide = sheet.merges.some((m) => m.top === rowIndex + 1 && m.left === 1 && m.right === row.length);
  if (headerRows.includes(rowIndex + 1)) return "header";
  if (wide && rowIndex === 0) return "title";
  if (text.startsWith("填报单位")) return "units";
  if (text.startsWith("填报人")) return "footer";
  if (/^[一二三四五六七八九十]+、/.test(text)) return "section";
  if (text === "合计" || text === "小计") return "total";
  return "data";
}

/** The header rows of each sheet: the row holding 序号/日期/企业名称/项目, and its second level. */
function headerRowsOf(sheet: SampleSheet): number[] {
  const first = sheet.grid.findIndex((r) => ["序号", "日期", "企业名称", "项目"].includes(String(r[0] ?? ""))) + 1;
  if (first === 0) return [];
  const twoLevel = sheet.merges.some((m) => m.top === first && m.bottom === first + 1);
  return twoLevel ? [first, first + 1] : [first];
}

function addSheet(wb: ExcelJS.Workbook, sheet: SampleSheet): void {
  const headerRows = headerRowsOf(sheet);
  const ws = wb.addWorksheet(sheet.name, {
    views: headerRows.length > 0 ? [{ state: "frozen", ySplit: headerRows[headerRows.length - 1] }] : [],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = Math.max(0, ...sheet.grid.map((r) => r.length));
  ws.columns = (WIDTHS[sheet.name] ?? []).map((w) => ({ width: w }));

  sheet.grid.forEach((values, i) => {
    const role = roleOf(sheet, i, headerRows);
    const row = ws.getRow(i + 1);
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(c + 1);
      const v = values[c];
      if (v !== null && v !== undefined) cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = "yyyy-mm-dd";
      dress(cell, role);
    }
    if (role === "title") row.height = 30;
    if (role === "header") row.height = 22;
  });
  for (const m of sheet.merges) ws.mergeCells(rangeOf(m));
}

function dress(cell: ExcelJS.Cell, role: RowRole): void {
  switch (role) {
    case "title":
      cell.font = { name: "宋体", size: 16, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle" };
      return;
    case "units":
    case "footer":
      cell.font = { name: "宋体", size: 11 };
      cell.alignment = { horizontal: "left", vertical: "middle" };
      return;
    case "header":
      cell.font = { name: "宋体", size: 11, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      return;
    case "section":
      cell.font = { name: "宋体", size: 11, bold: true };
      cell.fill = SECTION_FILL;
      cell.border = THIN;
      return;
    case "total":
      cell.font = { name: "宋体", size: 11, bold: true };
      cell.fill = TOTAL_FILL;
      cell.border = THIN;
      return;
    case "data":
      cell.font = { name: "宋体", size: 11 };
      cell.border = THIN;
      cell.alignment = { vertical: "middle", wrapText: typeof cell.value === "string" && cell.value.length > 14 };
      return;
  }
}

function rangeOf(m: MergeArea): string {
  return `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;
}

/**
 * A workbook of the given sheets, dressed like the sample (tests build their own ledgers with it).
 * Its document dates are fixed so that a rebuild changes nothing visible.
 */
export function workbookOf(sheets: readonly SampleSheet[], options: { date1904?: boolean } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "财源街道";
  wb.lastModifiedBy = "王敏";
  wb.created = new Date(`${SAMPLE_AS_OF}T08:00:00Z`);
  wb.modified = new Date(`${SAMPLE_AS_OF}T08:00:00Z`);
  if (options.date1904) wb.properties.date1904 = true;
  for (const sheet of sheets) addSheet(wb, sheet);
  return wb;
}

export function buildSampleWorkbook(): ExcelJS.Workbook {
  return workbookOf(sampleSheets());
}

/** The folder holding the package's package.json, found from this script wherever it was compiled to. */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "assets"))) return dir;
    if (path.dirname(dir) === dir) throw new Error("package root not found");
  }
}

async function main(): Promise<void> {
  const out = path.join(packageRoot(__dirname), "assets", "sample-ledger.xlsx");
  await buildSampleWorkbook().xlsx.writeFile(out);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
