/**
 * Builds the blank ledger template from templateSpec.ts: per ledger a merged title, the units line
 * where there are amounts, one header row (frozen, with the name column), an example row, date
 * formats on date columns and drop-down lists on vocabulary columns; then 台账设置 with every key.
 * `npm run template` writes it to assets/台账模板.xlsx (writeTemplate.ts).
 */
import ExcelJS from "exceljs";
import { cellAddress } from "../../src/core/sheet";
import {
  DATE_FORMAT,
  LEDGER_TEMPLATES,
  PREPARED_ROWS,
  SETTING_ROWS,
  SETTINGS_TEMPLATE,
  UNIT_KIND_WORDS,
  type LedgerTemplate,
} from "./templateSpec";

const FONT = { name: "宋体", size: 11 };
const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const EXAMPLE_FONT = { ...FONT, color: { argb: "FF7F7F7F" } };
/** Every sheet prints on A4 landscape, one page wide. */
const PRINTED: Partial<ExcelJS.PageSetup> = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
/** The document's dates, fixed so that a rebuild changes no property. */
const WRITTEN = new Date("2022-08-01T00:00:00Z");

/** ExcelJS writes data validations but its typings omit the collection. */
interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}
function validationsOf(ws: ExcelJS.Worksheet): DataValidations {
  return (ws as unknown as { dataValidations: DataValidations }).dataValidations;
}

/** A drop-down list; a word outside it is allowed after a warning (the engine accepts more words than the list shows). */
function listValidation(words: readonly string[]): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${words.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "招商台账助手",
    error: `请从下拉列表中选择：${words.join("、")}`,
  };
}

/** Column width in Excel's character units: a Chinese character counts as two. */
function widthOf(texts: readonly string[]): number {
  const chars = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return Math.min(40, Math.max(10, ...texts.map((t) => chars(t) + 2)));
}

function shown(value: unknown): string {
  return value instanceof Date ? DATE_FORMAT : value === null || value === undefined ? "" : String(value);
}

function addLedger(wb: ExcelJS.Workbook, t: LedgerTemplate): void {
  const headerRow = t.unitsLine === null ? 2 : 3;
  const width = t.columns.length;
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: "frozen", xSplit: 1, ySplit: headerRow }], pageSetup: PRINTED });
  ws.columns = t.columns.map((c, i) => ({ width: widthOf([c.header, shown(t.example[i])]), style: c.date ? { numFmt: DATE_FORMAT } : {} }));

  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { ...FONT, size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).height = 30;
  if (t.unitsLine !== null) {
    const units = ws.getCell(2, 1);
    units.value = t.unitsLine;
    units.font = FONT;
    ws.mergeCells(2, 1, 2, width);
  }

  t.columns.forEach((c, i) => {
    const head = ws.getCell(headerRow, i + 1);
    head.value = c.header;
    head.font = { ...FONT, bold: true };
    head.fill = HEADER_FILL;
    head.border = THIN;
    head.alignment = { horizontal: "center", vertical: "middle", wrapText: true };

    const cell = ws.getCell(headerRow + 1, i + 1);
    const value = t.example[i];
    if (value !== null && value !== undefined) cell.value = value as ExcelJS.CellValue;
    cell.font = EXAMPLE_FONT;
    cell.border = THIN;
    if (c.date) cell.numFmt = DATE_FORMAT;

    if (c.list) {
      const from = cellAddress(headerRow + 1, i + 1);
      const to = cellAddress(headerRow + PREPARED_ROWS, i + 1);
      validationsOf(ws).add(`${from}:${to}`, listValidation(c.list));
    }
  });
  ws.getRow(headerRow).height = 22;
}

function addSettings(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SETTINGS_TEMPLATE.sheet, { views: [{ state: "frozen", ySplit: 1 }], pageSetup: PRINTED });
  ws.columns = [{ width: 18 }, { width: 16 }, { width: 90 }];
  SETTINGS_TEMPLATE.header.forEach((text, i) => {
    const head = ws.getCell(1, i + 1);
    head.value = text;
    head.font = { ...FONT, bold: true };
    head.fill = HEADER_FILL;
    head.border = THIN;
  });
  SETTING_ROWS.forEach((s, i) => {
    const row = i + 2;
    ws.getCell(row, 1).value = s.word;
    ws.getCell(row, 3).value = s.note;
    for (let c = 1; c <= 3; c++) {
      ws.getCell(row, c).font = c === 3 ? EXAMPLE_FONT : FONT;
      ws.getCell(row, c).border = THIN;
    }
    if (s.key === SETTINGS_TEMPLATE.unitKindKey) validationsOf(ws).add(cellAddress(row, 2), listValidation(UNIT_KIND_WORDS));
  });
}

export function buildTemplate(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "招商台账助手";
  wb.title = "招商引资台账模板";
  wb.created = WRITTEN;
  wb.modified = WRITTEN;
  for (const t of LEDGER_TEMPLATES) addLedger(wb, t);
  addSettings(wb);
  return wb;
}
