/**
 * The bulletin as an ExcelJS workbook: 汇总 (one row per unit, ranked), 逾期未开工 and 问题清单,
 * each printable on A4 landscape (fit to width, header rows repeated, page numbers), with frozen
 * header rows, columns as wide as their text (a CJK character counts double) and the target cells
 * coloured met / not met.
 *
 * Text the ledgers wrote (unit, project and owner names, messages that quote them) goes in as
 * string cells; text that Excel would take for a formula (= + - @) also gets the text number
 * format, which write.ts turns into quotePrefix (src/core/safeText.ts).
 */
import ExcelJS from "exceljs";
import { TARGET_STYLES, daysOverdue, rankByNet, targetColumns, targetText } from "../../core/bulletin";
import { ymd, type Day } from "../../core/day";
import { SEVERITY_LABELS, STATUS_LABELS, TARGET_LABELS, UNIT_KIND_LABELS } from "../../core/labels";
import { MARK_STYLES, STATUS_MARK, type MarkStyle } from "../../core/marks";
import { isFormulaLike } from "../../core/safeText";
import { displayWidth } from "../report/text";
import type { Bulletin } from "./model";

/** The number format write.ts marks quotePrefix: used only on formula-like text. */
const TEXT_FORMAT = "@";

const FONT = "宋体";
/** Points: a data row, and one line of wrapped 11-point text. */
const ROW_HEIGHT = 20;
const LINE_HEIGHT = 14.5;
const HEADER_FILL = "#DDEBF7";
const NOTE_GREY = "#7F7F7F";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF808080" } },
  left: { style: "thin", color: { argb: "FF808080" } },
  bottom: { style: "thin", color: { argb: "FF808080" } },
  right: { style: "thin", color: { argb: "FF808080" } },
};

function bulletinTitle(district: string, asOf: Day): string {
  return `${district}招商引资集中攻坚活动半月通报（截至${dateZh(asOf)}）`;
}

export function buildBulletin(b: Bulletin): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "zsledger 招商台账助手";
  wb.title = bulletinTitle(b.district, b.asOf);
  summarySheet(wb, b);
  overdueSheet(wb, b);
  findingsSheet(wb, b);
  return wb;
}

type Value = string | number | Date | null;

interface Column {
  readonly header: string;
  /** Narrowest and widest, in Excel's character units. */
  readonly min: number;
  readonly max: number;
  readonly align?: "left" | "center" | "right";
  /** Amounts: thousands separated, decimals only where there are some. */
  readonly amount?: boolean;
  /** Shrunk to fit on one line rather than wrapped (file paths: for tracing, not for reading aloud). */
  readonly shrink?: boolean;
}

/** A sheet of one table: title rows, a header row, rows; widths fitted to the text. */
class Table {
  readonly ws: ExcelJS.Worksheet;
  /** The header row's number. */
  readonly headerRow: number;
  private readonly widths: number[];
  /** Each data row's text widths, to size its height once the column widths are known. */
  private readonly shown: { row: ExcelJS.Row; widths: number[] }[] = [];
  private next: number;

  constructor(
    wb: ExcelJS.Workbook,
    name: string,
    private readonly columns: readonly Column[],
    titles: readonly string[],
  ) {
    this.ws = wb.addWorksheet(name, {
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: `${titles.length + 1}:${titles.length + 1}`,
      },
      headerFooter: { oddFooter: "&C第 &P 页，共 &N 页", evenFooter: "&C第 &P 页，共 &N 页" },
      views: [{ state: "frozen", ySplit: titles.length + 1, xSplit: 0 }],
    });
    this.widths = columns.map((c) => Math.max(c.min, displayWidth(c.header) / 2 + 2));
    titles.forEach((title, i) => {
      const row = this.ws.getRow(i + 1);
      const cell = row.getCell(1);
      setText(cell, title);
      cell.font = i === 0 ? { name: FONT, size: 16, bold: true } : { name: FONT, size: 10, color: { argb: argb(NOTE_GREY) } };
      cell.alignment = { horizontal: "center", vertical: "middle" };
      row.height = i === 0 ? 30 : 18;
      this.ws.mergeCells(i + 1, 1, i + 1, columns.length);
    });
    const header = this.ws.getRow(titles.length + 1);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      setText(cell, c.header);
      cell.font = { name: FONT, size: 11, bold: true };
      cell.fill = solid(HEADER_FILL);
      cell.border = THIN;
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    });
    header.height = Math.max(22, ...columns.map((c, i) => 15 * Math.ceil(displayWidth(c.header) / Math.max(1, this.widths[i] - 1)) + 6));
    this.headerRow = titles.length + 1;
    this.next = titles.length + 2;
  }

  add(values: readonly Value[], style?: (column: number, cell: ExcelJS.Cell) => void): ExcelJS.Row {
    const row = this.ws.getRow(this.next++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const c = this.columns[i];
      // An empty string stays a blank cell (a target the unit's kind is not assessed on).
      if (typeof v === "string") {
        if (v !== "") setText(cell, v);
      } else if (v !== null) cell.value = v;
      cell.font = { name: FONT, size: 11 };
      cell.border = THIN;
      cell.alignment = c.shrink ? { horizontal: c.align ?? "left", vertical: "middle", shrinkToFit: true } : { horizontal: c.align ?? "left", vertical: "middle", wrapText: true };
      if (v instanceof Date) cell.numFmt = "yyyy-mm-dd";
      else if (c.amount && typeof v === "number") cell.numFmt = Number.isInteger(v) ? "#,##0" : "#,##0.00";
      style?.(i, cell);
    });
    const widths = values.map((v) => (v instanceof Date ? 10 : v === null ? 0 : displayWidth(String(v))));
    widths.forEach((w, i) => (this.widths[i] = Math.min(this.columns[i].max, Math.max(this.widths[i], w + 2))));
    this.shown.push({ row, widths });
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
    const room = this.widths.reduce((s, w) => s + w, 0);
    row.height = 15 * Math.max(1, Math.ceil(displayWidth(text) / Math.max(20, room))) + 3;
  }

  /** Fixes the column widths; call once the rows are in. */
  finish(filter: boolean): void {
    this.widths.forEach((w, i) => (this.ws.getColumn(i + 1).width = Math.ceil(w)));
    // Wrapped text needs its rows tall enough: neither Excel nor LibreOffice sizes them on opening.
    for (const { row, widths } of this.shown) {
      const lines = Math.max(1, ...widths.map((w, i) => (this.columns[i].shrink ? 1 : Math.ceil(w / Math.max(1, Math.ceil(this.widths[i]) - 1)))));
      row.height = Math.max(ROW_HEIGHT, lines * LINE_HEIGHT + 5);
    }
    if (filter && this.next - 1 > this.headerRow) {
      this.ws.autoFilter = { from: { row: this.headerRow, column: 1 }, to: { row: this.headerRow, column: this.columns.length } };
    }
  }
}

function summarySheet(wb: ExcelJS.Workbook, b: Bulletin): void {
  const targets = targetColumns(b.units);
  const columns: Column[] = [
    { header: "排名", min: 6, max: 6, align: "center" },
    { header: "单位", min: 12, max: 24 },
    { header: "类型", min: 8, max: 10, align: "center" },
    ...targets.map((id): Column => ({ header: TARGET_LABELS[id].zh, min: 9, max: 16, align: "center" })),
    { header: "得分", min: 7, max: 9, align: "center" },
    { header: "扣分", min: 7, max: 9, align: "center" },
    { header: "得分−扣分", min: 8, max: 10, align: "center" },
    { header: "错误", min: 6, max: 8, align: "center" },
    { header: "警告", min: 6, max: 8, align: "center" },
    { header: "来源文件", min: 14, max: 26, shrink: true },
  ];
  const counts = [`参评单位 ${b.units.length} 个`];
  if (b.failed.length > 0) counts.push(`无法读取的文件 ${b.failed.length} 个`);
  if (b.missing.length > 0) counts.push(`未报送台账的单位 ${b.missing.length} 个`);
  const t = new Table(wb, "汇总", columns, [
    bulletinTitle(b.district, b.asOf),
    `活动期间：${dateZh(b.windowStart)}至${dateZh(b.windowEnd)}　统计截止日：${dateZh(b.asOf)}　${counts.join("　")}`,
  ]);
  for (const { item: u, net, rank } of rankByNet(b.units)) {
    const byId = new Map(u.targets.map((x) => [x.id, x]));
    const values: Value[] = [
      rank,
      u.unit,
      UNIT_KIND_LABELS[u.unitKind].zh,
      ...targets.map((id) => targetText(byId.get(id))),
      u.score,
      u.penalty,
      net,
      u.errors,
      u.warnings,
      u.file,
    ];
    t.add(values, (i, cell) => {
      const target = i >= 3 && i < 3 + targets.length ? byId.get(targets[i - 3]) : undefined;
      if (target?.met === true) paint(cell, TARGET_STYLES.met);
      else if (target?.met === false) paint(cell, TARGET_STYLES["not-met"]);
      else if (target) cell.font = { name: FONT, size: 10, color: { argb: argb(NOTE_GREY) } };
      if (i === columns.length - 1) cell.font = { name: FONT, size: 9, color: { argb: argb(NOTE_GREY) } };
    });
  }
  const grey = { color: { argb: argb(NOTE_GREY) } };
  t.line(
    "说明：“完成/要求 ✓”为达标，“✗”为未达标；“未评估”为缺少相应台账或列，空白为该类单位不考核此项。排名按 得分 − 扣分 从高到低，分数相同者并列。" +
      "得分含签约项目按期开工、延期开工、未按期开工、不能实施的计分及投洽会签约加分；扣分为未按期开工、不能实施和主要负责人外出不足次数的扣分。",
    grey,
    true,
  );
  if (b.failed.length > 0) {
    t.line(`无法读取的文件（${b.failed.length} 个，未计入本通报）：`, { bold: true }, true);
    for (const f of b.failed) t.line(`${f.file}：${f.error}`, { color: { argb: argb(MARK_STYLES["start-alert"].font) } });
  }
  if (b.missing.length > 0) {
    t.line(`未报送台账的单位（${b.missing.length} 个）：${b.missing.join("、")}`, { bold: true }, true);
  }
  t.finish(false);
}

function overdueSheet(wb: ExcelJS.Workbook, b: Bulletin): void {
  const columns: Column[] = [
    { header: "序号", min: 6, max: 6, align: "center" },
    { header: "单位", min: 10, max: 20 },
    { header: "项目名称", min: 16, max: 40 },
    { header: "总投资（万元）", min: 15, max: 15, align: "right", amount: true },
    { header: "签约日期", min: 12, max: 12, align: "center" },
    { header: "计划开工日期", min: 12, max: 12, align: "center" },
    { header: "状态", min: 10, max: 16, align: "center" },
    { header: "逾期天数", min: 8, max: 8, align: "center" },
    { header: "包保责任人", min: 10, max: 16 },
    { header: "来源", min: 16, max: 36, shrink: true },
  ];
  const t = new Table(wb, "逾期未开工", columns, [`签约项目逾期未开工及缺计划开工日期情况（截至${dateZh(b.asOf)}）`]);
  b.overdue.forEach((p, i) => {
    const late = daysOverdue(p, b.asOf);
    const kind = STATUS_MARK[p.status];
    t.add(
      [i + 1, p.unit, p.name, p.investmentWan, date(p.signDate), date(p.plannedStart), STATUS_LABELS[p.status].zh, late, p.owner, `${p.file} / ${p.sheet} 第 ${p.row} 行`],
      (col, cell) => {
        if (col === 6 && kind) paint(cell, MARK_STYLES[kind]);
        if (col === 9) cell.font = { name: FONT, size: 9, color: { argb: argb(NOTE_GREY) } };
      },
    );
  });
  if (b.overdue.length === 0) t.line("无逾期未开工或缺计划开工日期的签约项目。");
  t.finish(b.overdue.length > 0);
}

function findingsSheet(wb: ExcelJS.Workbook, b: Bulletin): void {
  const columns: Column[] = [
    { header: "序号", min: 6, max: 7, align: "center" },
    { header: "单位", min: 10, max: 20 },
    { header: "文件", min: 14, max: 30, shrink: true },
    { header: "工作表", min: 10, max: 16 },
    { header: "单元格", min: 8, max: 8, align: "center" },
    { header: "级别", min: 6, max: 6, align: "center" },
    { header: "规则", min: 14, max: 24 },
    { header: "问题说明", min: 30, max: 66 },
  ];
  const errors = b.findings.filter((f) => f.severity === "error").length;
  const t = new Table(wb, "问题清单", columns, [`台账问题清单（错误 ${errors} 个，警告 ${b.findings.length - errors} 个；截至${dateZh(b.asOf)}）`]);
  b.findings.forEach((f, i) => {
    t.add([i + 1, f.unit, f.file, f.sheet, f.cell, SEVERITY_LABELS[f.severity].zh, f.rule, f.message], (col, cell) => {
      if (col === 5) cell.font = { name: FONT, size: 11, bold: f.severity === "error", color: { argb: argb(f.severity === "error" ? MARK_STYLES["error-cell"].font : MARK_STYLES["start-soon"].font) } };
    });
  });
  if (b.findings.length === 0) t.line("未发现问题。");
  t.finish(b.findings.length > 0);
}

/** A string cell; formula-like text also gets the text format (quotePrefix in write.ts). */
function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (isFormulaLike(text)) cell.numFmt = TEXT_FORMAT;
}

function paint(cell: ExcelJS.Cell, style: MarkStyle): void {
  if (style.fill) cell.fill = solid(style.fill);
  cell.font = { ...(cell.font ?? {}), name: FONT, size: 11, color: { argb: argb(style.font) } };
}

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

/** A Day as a date cell: UTC midnight, which ExcelJS writes as that day's serial. */
function date(day: Day | null): Date | null {
  return day === null ? null : new Date(day * 86_400_000);
}

function dateZh(day: Day): string {
  const { year, month, day: d } = ymd(day);
  return `${year}年${month}月${d}日`;
}
