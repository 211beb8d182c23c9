/**
 * The bulletin's sheets as printed tables (table.ts holds the layout, workbook.ts what each sheet
 * says): A4 landscape fitted to width, the header row repeated and frozen, page numbers, columns as
 * wide as their text (a CJK character counts double), wrapped rows tall enough to show it.
 *
 * Text goes in as string cells; text that Excel would take for a formula (= + - @) also gets the
 * text number format, which write.ts turns into quotePrefix (src/core/safeText.ts).
 */
import ExcelJS from "exceljs";
import { ymd, type Day } from "../../core/day";
import type { MarkStyle } from "../../core/marks/mark";
import { isFormulaLike } from "../../core/safeText";
import { displayWidth } from "../report/text";

/** The number format write.ts marks quotePrefix: used only on formula-like text. */
const TEXT_FORMAT = "@";

export const FONT = "宋体";
/** Points: a data row, and one line of wrapped 11-point text. */
const ROW_HEIGHT = 20;
const LINE_HEIGHT = 14.5;
const HEADER_FILL = "#DDEBF7";
export const NOTE_GREY = "#7F7F7F";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF808080" } },
  left: { style: "thin", color: { argb: "FF808080" } },
  bottom: { style: "thin", color: { argb: "FF808080" } },
  right: { style: "thin", color: { argb: "FF808080" } },
};

export type Value = string | number | Date | null;

export interface Column {
  readonly header: string;
  /** Narrowest and widest, in Excel's character units. */
  readonly min: number;
  readonly max: number;
  readonly align?: "left" | "center" | "right";
  /** Amounts: thousands separated, decimals only where there are some. */
  readonly amount?: boolean;
  /** Shrunk to fit on one line rather than wrapped (file paths: for tracing, not for reading aloud). */
  readonly shrink?: boolean;
  /** A change from the last bulletin, shown with its sign or arrow. */
  readonly change?: "rank" | "figure";
}

/**
 * A sheet of tables: title rows, a header row, rows; widths fitted to the text. Most sheets hold one
 * table; 本期变化 holds several, each started by section() below the one before.
 */
export class Table {
  readonly ws: ExcelJS.Worksheet;
  /** The header row's number. */
  readonly headerRow: number;
  private readonly widths: number[] = [];
  /** Each data row's text widths and columns, to size its height once the column widths are known. */
  private readonly shown: { row: ExcelJS.Row; widths: number[]; columns: readonly Column[] }[] = [];
  private next: number;
  private columns: readonly Column[];

  constructor(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], titles: readonly string[], options: { repeatHeader: boolean } = { repeatHeader: true }) {
    this.columns = columns;
    this.ws = wb.addWorksheet(name, {
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
        ...(options.repeatHeader ? { printTitlesRow: `${titles.length + 1}:${titles.length + 1}` } : {}),
      },
      headerFooter: { oddFooter: "&C第 &P 页，共 &N 页", evenFooter: "&C第 &P 页，共 &N 页" },
      views: [{ state: "frozen", ySplit: options.repeatHeader ? titles.length + 1 : titles.length, xSplit: 0 }],
    });
    this.fit(columns);
    titles.forEach((title, i) => {
      const row = this.ws.getRow(i + 1);
      const cell = row.getCell(1);
      setText(cell, title);
      cell.font = i === 0 ? { name: FONT, size: 16, bold: true } : { name: FONT, size: 10, color: { argb: argb(NOTE_GREY) } };
      cell.alignment = { horizontal: "center", vertical: "middle" };
      row.height = i === 0 ? 30 : 18;
      this.ws.mergeCells(i + 1, 1, i + 1, columns.length);
    });
    this.headerRow = titles.length + 1;
    this.next = this.headerRow;
    this.header();
  }

  /** Another table below the last one: a bold title line, then its own header row. */
  section(title: string, columns: readonly Column[]): void {
    this.columns = columns;
    this.fit(columns);
    this.line(title, { bold: true, size: 12 }, true);
    this.header();
  }

  private fit(columns: readonly Column[]): void {
    columns.forEach((c, i) => (this.widths[i] = Math.max(this.widths[i] ?? 0, c.min, displayWidth(c.header) / 2 + 2)));
  }

  private header(): void {
    const columns = this.columns;
    const header = this.ws.getRow(this.next++);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      setText(cell, c.header);
      cell.font = { name: FONT, size: 11, bold: true };
      cell.fill = solid(HEADER_FILL);
      cell.border = THIN;
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    });
    header.height = Math.max(22, ...columns.map((c, i) => 15 * Math.ceil(displayWidth(c.header) / Math.max(1, this.widths[i] - 1)) + 6));
  }

  add(values: readonly Value[], style?: (column: number, cell: ExcelJS.Cell) => void): ExcelJS.Row {
    const row = this.ws.getRow(this.next++);
    const columns = this.columns;
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const c = columns[i];
      // An empty string stays a blank cell (a target the unit's kind is not assessed on).
      if (typeof v === "string") {
        if (v !== "") setText(cell, v);
      } else if (v !== null) cell.value = v;
      cell.font = { name: FONT, size: 11 };
      cell.border = THIN;
      cell.alignment = c.shrink ? { horizontal: c.align ?? "left", vertical: "middle", shrinkToFit: true } : { horizontal: c.align ?? "left", vertical: "middle", wrapText: true };
      if (v instanceof Date) cell.numFmt = "yyyy-mm-dd";
      else if (c.amount && typeof v === "number") cell.numFmt = Number.isInteger(v) ? "#,##0" : "#,##0.00";
      else if (c.change && typeof v === "number") cell.numFmt = CHANGE_FORMATS[c.change](v);
      style?.(i, cell);
    });
    // A change shows one character more than its number (the sign or arrow).
    const widths = values.map((v, i) => (v instanceof Date ? 10 : v === null ? 0 : displayWidth(String(v)) + (columns[i].change && typeof v === "number" ? 1 : 0)));
    // Never narrower than an earlier section made a column: a later section's limit bounds only its own text.
    widths.forEach((w, i) => (this.widths[i] = Math.max(this.widths[i], Math.min(columns[i].max, w + 2))));
    this.shown.push({ row, widths, columns });
    return row;
  }

  /** A line of text across the table below it (notes, the unreadable files). */
  line(text: string, font: Partial<ExcelJS.Font> = {}, gap = false): void {
    if (gap) this.next++;
    const at = this.next++;
    const row = this.ws.getRow(at);
    const cell = row.getCell(1);
    setText(cell, text);
    cell.font = { name: FONT, size: 10, ...font };
    cell.alignment = { horizontal: "left", vertical: "top", wrapText: true };
    this.ws.mergeCells(at, 1, at, this.columns.length);
    const room = this.widths.slice(0, this.columns.length).reduce((s, w) => s + w, 0);
    row.height = 15 * Math.max(1, Math.ceil(displayWidth(text) / Math.max(20, room))) + 3;
  }

  /** Fixes the column widths; call once the rows are in. */
  finish(filter: boolean): void {
    this.widths.forEach((w, i) => (this.ws.getColumn(i + 1).width = Math.ceil(w)));
    // Wrapped text needs its rows tall enough: neither Excel nor LibreOffice sizes them on opening.
    for (const { row, widths, columns } of this.shown) {
      const lines = Math.max(1, ...widths.map((w, i) => (columns[i].shrink ? 1 : Math.ceil(w / Math.max(1, Math.ceil(this.widths[i]) - 1)))));
      row.height = Math.max(ROW_HEIGHT, lines * LINE_HEIGHT + 5);
    }
    if (filter && this.next - 1 > this.headerRow) {
      this.ws.autoFilter = { from: { row: this.headerRow, column: 1 }, to: { row: this.headerRow, column: this.columns.length } };
    }
  }
}

/** A change from the last bulletin: up ↑ and down ↓ for a rank, a sign for a figure; 持平 for none. */
const CHANGE_FORMATS: Readonly<Record<"rank" | "figure", (v: number) => string>> = {
  rank: () => '"↑"0;"↓"0;"持平"',
  figure: (v) => (Number.isInteger(v) ? "+0;-0;0" : "+0.0#;-0.0#;0"),
};

/** A string cell; formula-like text also gets the text format (quotePrefix in write.ts). */
function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (isFormulaLike(text)) cell.numFmt = TEXT_FORMAT;
}

export function paint(cell: ExcelJS.Cell, style: MarkStyle): void {
  if (style.fill) cell.fill = solid(style.fill);
  cell.font = { ...(cell.font ?? {}), name: FONT, size: 11, color: { argb: argb(style.font) } };
}

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

export function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

/** A Day as a date cell: UTC midnight, which ExcelJS writes as that day's serial. */
export function date(day: Day | null): Date | null {
  return day === null ? null : new Date(day * 86_400_000);
}

export function dateZh(day: Day): string {
  const { year, month, day: d } = ymd(day);
  return `${year}年${month}月${d}日`;
}
