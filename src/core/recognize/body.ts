/** Below the header: each row classified as it arrives — data, section label, 小计/合计, template row or footer. */
import type { Cells, FieldId, Ledger, LedgerRecord, TotalRow } from "../ledger";
import { MAIN_FIELD } from "../headers";
import type { CellValue, SheetRow } from "../sheet";
import { isBlank } from "../sheet";
import { compact, displayValue } from "../text";
import type { Header } from "./header";
import type { Heading } from "./heading";
import type { RecordSink } from "./sheet";

/** 合计 / 小计 is looked for among this many first non-blank cells of a row. */
const TOTAL_LABEL_CELLS = 3;

/** Footer lines start with these (after compact()); they and every row after them are no data. */
const FOOTER_PREFIXES = ["填报人", "填表人", "制表人", "审核人", "负责人:", "单位负责人", "联系电话", "注:", "说明:", "备注:", "制表:", "审核:"];
/** Labels that are footer only alone in their cell: 说明 also begins project names (说明书…). */
const FOOTER_WORDS: ReadonlySet<string> = new Set(["注", "说明", "备注"]);
const FOOTER_FIRST_CHARS: ReadonlySet<string> = new Set([...FOOTER_PREFIXES, ...FOOTER_WORDS].map((p) => p[0]));

/** 一、 二. 1、 (一) （二）: a numbered label. "1.5" is a number, not a label. */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十百零〇]+|\d+)(?:、|\.(?!\d))|^\((?:[一二三四五六七八九十百零〇]+|\d+)\)/;
const DIGITS = /^\s*\d+\s*$/;

function isFooterText(text: string): boolean {
  // The first character rules out nearly every data row before the text is folded.
  if (!FOOTER_FIRST_CHARS.has(text.trimStart().charAt(0))) return false;
  const c = compact(text);
  return FOOTER_WORDS.has(c) || FOOTER_PREFIXES.some((p) => c.startsWith(p));
}

function totalKindOf(text: string): TotalRow["kind"] | null {
  if (!text.includes("计")) return null;
  const c = compact(text);
  if (c === "合计" || c === "总计") return "total";
  if (c === "小计") return "subtotal";
  return null;
}

/** A 合计/小计 row whose data range is still open. */
interface OpenTotal {
  readonly row: number;
  readonly kind: TotalRow["kind"];
  readonly cells: Cells;
  readonly from: number;
}

/** Classifies the rows after the header, one at a time, keeping only recognised cells. */
export class LedgerBody {
  private readonly sheet: string;
  private readonly header: Header;
  private readonly heading: Heading;
  /** 0-based column index and field of every column read, computed once. */
  private readonly indexes: number[];
  private readonly fields: FieldId[];
  private readonly isRead: boolean[];
  private readonly mainIndex: number;
  private readonly unitIndex: number;

  private readonly records: LedgerRecord[] = [];
  /** Where data rows go instead of `records`, when the caller reads them as they come. */
  private readonly sink: RecordSink | null;
  /** Data rows so far, kept or handed on: totals index them. */
  private count = 0;
  private readonly totals: TotalRow[] = [];
  private footer = false;
  /** Where the records a 小计 adds up begin: after the last 小计, 合计 or section row. */
  private groupStart = 0;
  /** Where the records a 合计 adds up begin: after the last 合计. */
  private totalStart = 0;
  /** A 合计 above any data (right under the header) adds up the records below it. */
  private leadingTotal: OpenTotal | null = null;
  private unit: string | null = null;
  /** The 单位 cell the current unit was read from: a unit repeated down its rows is compacted once. */
  private unitSource: CellValue = null;
  /** The first non-blank row since the last data row, if any (see Ledger.afterData). */
  private afterData: number | null = null;

  constructor(sheet: string, header: Header, heading: Heading, sink: RecordSink | null) {
    this.sheet = sheet;
    this.sink = sink;
    this.header = header;
    this.heading = heading;
    const columns = header.mapping.columns;
    this.indexes = columns.map((c) => c.column - 1);
    this.fields = columns.map((c) => c.field);
    this.isRead = [];
    for (const i of this.indexes) this.isRead[i] = true;
    this.mainIndex = this.indexOf(MAIN_FIELD[header.kind]);
    this.unitIndex = this.indexOf("unit");
  }

  private indexOf(field: FieldId): number {
    const at = this.fields.indexOf(field);
    return at < 0 ? -1 : this.indexes[at];
  }

  push(row: SheetRow): void {
    if (this.footer) return;
    const values = row.values;
    let count = 0;
    let first = -1;
    let totalKind: TotalRow["kind"] | null = null;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (isBlank(v)) continue;
      if (count === 0) first = i;
      count++;
      if (totalKind === null && typeof v === "string") totalKind = totalKindOf(v);
      // Only none, one and more matter below, and 合计 is looked for among the first cells: a data row is read no further.
      if (count === TOTAL_LABEL_CELLS) break;
    }
    if (count === 0) return;
    // Data rows reset it below; any other non-blank row (合计, section, footer, notes) sets it once.
    this.afterData ??= row.row;
    const lead = values[first];
    if (typeof lead === "string" && isFooterText(lead)) {
      this.footer = true;
      return;
    }
    if (totalKind) return this.addTotal(row.row, totalKind, this.cellsOf(values));
    if (count === 1) {
      const lone = this.loneCellKind(lead, first);
      if (lone === "template") return;
      if (lone === "section") return this.startSection(lead as string, first);
    }
    if (this.sink) {
      if (!this.readsAny(values)) return; // nothing recognised: a template row, or notes beside the ledger
      this.sink.push(row.row, values, this.unitOf(values));
    } else {
      const cells = this.cellsOf(values);
      if (cells === null) return;
      this.records.push({ row: row.row, cells, unit: this.unitOf(values) });
    }
    this.count++;
    this.afterData = null;
  }

  /**
   * What a row with one non-blank cell is: a pre-numbered template row (a number outside the read
   * columns), a section label (a text numbered, or outside the main column: 一、签约项目 in the 序号
   * column), or data (a project with nothing but its name).
   */
  private loneCellKind(v: CellValue, index: number): "template" | "section" | "data" {
    const read = this.isRead[index] === true;
    if (!read && (typeof v === "number" || (typeof v === "string" && DIGITS.test(v)))) return "template";
    if (typeof v !== "string") return "data";
    return index !== this.mainIndex || SECTION_NUMBER.test(compact(v)) ? "section" : "data";
  }

  /** A section starts a new 小计 group; an unnumbered label in the 单位 column names the unit of the rows below. */
  private startSection(label: string, index: number): void {
    this.groupStart = this.count;
    const text = compact(label);
    if (index === this.unitIndex && !SECTION_NUMBER.test(text)) {
      this.unit = text;
      this.unitSource = null;
    }
  }

  /** Whether any recognised cell is non-blank (what cellsOf tells, without building the cells). */
  private readsAny(values: readonly CellValue[]): boolean {
    for (let k = 0; k < this.indexes.length; k++) if (!isBlank(values[this.indexes[k]])) return true;
    return false;
  }

  /** The recognised non-blank cells, or null when there are none. */
  private cellsOf(values: readonly CellValue[]): Cells | null {
    let cells: Cells | null = null;
    for (let k = 0; k < this.indexes.length; k++) {
      const v = values[this.indexes[k]];
      if (isBlank(v)) continue;
      cells ??= {};
      cells[this.fields[k]] = v;
    }
    return cells;
  }

  /** The row's 单位, filled down: a blank cell (or a merged one below its first row) belongs to the unit above. */
  private unitOf(values: readonly CellValue[]): string | null {
    if (this.unitIndex < 0) return null;
    const v = values[this.unitIndex];
    if (v !== this.unitSource && !isBlank(v)) {
      this.unit = compact(displayValue(v));
      this.unitSource = v;
    }
    return this.unit;
  }

  private addTotal(row: number, kind: TotalRow["kind"], cells: Cells | null): void {
    const end = this.count;
    const total = { row, kind, cells: cells ?? {} };
    if (kind === "subtotal") {
      this.totals.push({ ...total, from: this.groupStart, to: end });
    } else {
      this.closeLeadingTotal();
      if (end === this.totalStart) this.leadingTotal = { ...total, from: end };
      else this.totals.push({ ...total, from: this.totalStart, to: end });
      this.totalStart = end;
    }
    this.groupStart = end;
  }

  private closeLeadingTotal(): void {
    if (!this.leadingTotal) return;
    this.totals.push({ ...this.leadingTotal, to: this.count });
    // Subtotals below it were pushed first.
    this.totals.sort((a, b) => a.row - b.row);
    this.leadingTotal = null;
  }

  finish(): Ledger {
    this.closeLeadingTotal();
    const { kind, rows, mapping } = this.header;
    return {
      sheet: this.sheet,
      kind,
      headerRows: rows,
      columns: mapping.columns,
      duplicateColumns: mapping.duplicates,
      unmappedHeaders: mapping.unmapped.map(({ column, header }) => ({ column, header })),
      sheetUnit: this.heading.sheetUnit,
      title: this.heading.title,
      unitName: this.heading.unitName,
      records: this.records,
      totals: this.totals,
      afterData: this.count > 0 ? this.afterData : null,
    };
  }
}

