/**
 * Recognition: what a sheet is (a ledger of some kind, the 台账设置 sheet, or neither), where its
 * header is, which column names which field, and what every later row is — data, section label,
 * 小计/合计, blank template row or footer.
 *
 * Streaming: only the header search window (the first 15 rows and the one below them) is held.
 * Once the header is decided each row is classified as it arrives and only its recognised cells
 * are kept.
 */
import type { Cells, FieldId, Ledger, LedgerColumn, LedgerKind, LedgerRecord, RecognizedSheet, SettingsEntry, TotalRow } from "./ledger";
import { LEDGER_KINDS } from "./ledger";
import {
  MAIN_FIELD,
  dropBracketedParts,
  fieldOfHeader,
  meetsRequirement,
  normalizeHeader,
} from "./headers";
import type { CellValue, MergeArea, SheetInput, SheetMeta, SheetRow } from "./sheet";
import { isBlank, isCellError } from "./sheet";
import { compact, displayValue, foldWidth } from "./text";
import { parseAmountUnit } from "./values/amountUnit";
import type { AmountUnit } from "./values/types";

/** How many rows, from the first non-blank one, may hold the header (its upper row). */
const HEADER_WINDOW = 15;
/** How many non-blank rows a sheet that is no ledger reports as its titles. */
const TITLE_ROWS = 5;
/** 合计 / 小计 is looked for among this many first non-blank cells of a row. */
const TOTAL_LABEL_CELLS = 3;
const DEFAULT_SHEET_UNIT: AmountUnit = "万元";

export function recognizeSheet(sheet: SheetInput): RecognizedSheet {
  const recognizer = new SheetRecognizer(sheet);
  for (const row of sheet.rows) recognizer.push(row);
  return recognizer.finish();
}

/** What is known of a ledger once its header is read: enough to read its data rows as they come. */
export interface LedgerHead {
  readonly sheet: string;
  readonly kind: LedgerKind;
  readonly columns: readonly LedgerColumn[];
  readonly sheetUnit: AmountUnit;
}

/**
 * Takes a ledger's data rows as they are recognised. With one, the ledger keeps no records
 * (`records` stays empty): a large sheet is read row by row and never held whole.
 */
export interface RecordSink {
  /** `values` is the row as pushed (values[0] is column A); `unit` its 单位, filled down. */
  push(row: number, values: readonly CellValue[], unit: string | null): void;
}

export interface RecognizerOptions {
  /** Called once the header is decided; the sink it returns receives every data row. */
  readonly onLedger?: (head: LedgerHead) => RecordSink;
}

export class SheetRecognizer {
  private readonly meta: SheetMeta;
  private readonly onLedger: RecognizerOptions["onLedger"];
  /** Set for the 台账设置 sheet: its rows are read as (项目, 值) pairs and nothing else. */
  private readonly settings: SettingsEntry[] | null;
  /** The header search window, released once the header is decided. */
  private window: SheetRow[] = [];
  /** The last row number the window holds; 0 until the first non-blank row. */
  private windowEnd = 0;
  private decided = false;
  private body: LedgerBody | null = null;
  private titles: string[] = [];

  constructor(meta: SheetMeta, options: RecognizerOptions = {}) {
    // Only what recognition needs: a SheetInput passed as meta must not keep its rows alive.
    this.meta = { name: meta.name, merges: meta.merges };
    this.onLedger = options.onLedger;
    this.settings = isSettingsSheet(meta.name) ? [] : null;
  }

  push(row: SheetRow): void {
    if (this.settings) {
      const entry = settingsEntry(row);
      if (entry) this.settings.push(entry);
      return;
    }
    if (!this.decided) {
      if (this.windowEnd === 0) {
        if (isBlankRow(row)) return;
        // The upper header row is one of the first HEADER_WINDOW rows; the lower one may be the next.
        this.windowEnd = row.row + HEADER_WINDOW;
      }
      if (row.row <= this.windowEnd) {
        this.window.push(row);
        return;
      }
      this.decide();
    }
    this.body?.push(row);
  }

  finish(): RecognizedSheet {
    const sheet = this.meta.name;
    if (this.settings) return { type: "settings", sheet, entries: this.settings };
    if (!this.decided) this.decide();
    if (this.body) return { type: "ledger", ledger: this.body.finish() };
    return { type: "none", sheet, titles: this.titles };
  }

  private decide(): void {
    this.decided = true;
    const rows = this.window;
    this.window = [];
    const header = findHeader(rows, this.meta);
    if (!header) {
      this.titles = leadingTexts(rows);
      return;
    }
    const firstHeaderRow = header.rows[0];
    const lastHeaderRow = header.rows[header.rows.length - 1];
    const heading = readHeading(rows.filter((r) => r.row < firstHeaderRow));
    const sink = this.onLedger?.({ sheet: this.meta.name, kind: header.kind, columns: header.mapping.columns, sheetUnit: heading.sheetUnit });
    this.body = new LedgerBody(this.meta.name, header, heading, sink ?? null);
    for (const row of rows) if (row.row > lastHeaderRow) this.body.push(row);
  }
}

// ---------------------------------------------------------------------------------------------
// The settings sheet

function isSettingsSheet(name: string): boolean {
  const key = compact(name).toLowerCase();
  return key === "台账设置" || key === "设置" || key === "settings";
}

/**
 * A row's (key, value, row, column): the first non-blank cell and the one right of it, with where
 * that value sits (the highlight's as-of may refer to it). The 项目 | 值 header and rows without a
 * value set nothing.
 */
function settingsEntry(row: SheetRow): SettingsEntry | null {
  const at = row.values.findIndex((v) => !isBlank(v));
  if (at < 0) return null;
  const key = compact(displayValue(row.values[at]));
  const value = row.values[at + 1] ?? null;
  if (isBlank(value)) return null;
  if (key === "项目" && compact(displayValue(value)) === "值") return null;
  return [key, value, row.row, at + 2];
}

// ---------------------------------------------------------------------------------------------
// The header

/** A header cell: its text as shown, and the key synonyms are compared with. */
interface HeaderCell {
  readonly text: string;
  readonly key: string;
  readonly unit: AmountUnit | null;
}

/** One column as a header reading sees it, before a kind is chosen: the keys to try, in order. */
interface HeaderColumn {
  /** 1-based. */
  readonly column: number;
  readonly header: string;
  readonly keys: readonly string[];
  readonly unit: AmountUnit | null;
}

interface ColumnMapping {
  readonly columns: LedgerColumn[];
  readonly duplicates: LedgerColumn[];
  readonly fields: Set<FieldId>;
}

/** A reading of the header as a ledger of one kind: its rows, and what each column names. */
interface Header {
  readonly kind: LedgerKind;
  readonly rows: readonly number[];
  readonly mapping: ColumnMapping;
  /** Lower-row cells that only name a unit. */
  readonly unitCells: number;
}

const LINE_BREAKS = /[\r\n]+/;

/**
 * A cell's text without the line breaks that only wrap it: 计划开工\n时间 shows as 计划开工时间.
 * Split and trimmed, not /\s*[\r\n]+\s*\/g, which takes quadratic time on a long run of spaces.
 */
function shownText(v: CellValue): string {
  const text = displayValue(v);
  return LINE_BREAKS.test(text) ? text.split(LINE_BREAKS).map((part) => part.trim()).join("") : text.trim();
}

function headerCellOf(v: CellValue): HeaderCell | null {
  if (isBlank(v) || isCellError(v)) return null;
  const text = shownText(v);
  const { key, unit } = normalizeHeader(text);
  return { text, key, unit };
}

/**
 * Tries every row of the window as a one-row header and, with the row below it, as a two-level
 * header, for every kind. The reading that names the most fields among those meeting their kind's
 * requirement wins; on a tie, the kind the sheet name suggests, then the reading with a row of
 * units under the header ((亿元) under 总投资), then the one-row reading (a title merged over the
 * header must not become its upper level), then the earlier row, then kind order.
 */
function findHeader(rows: readonly SheetRow[], meta: SheetMeta): Header | null {
  if (rows.length === 0) return null;
  const cells = rows.map((r) => r.values.map(headerCellOf));
  const lastCandidate = rows[0].row + HEADER_WINDOW - 1;
  const hint = kindHintOf(meta.name);
  let best: Header | null = null;
  for (let i = 0; i < rows.length && rows[i].row <= lastCandidate; i++) {
    if (cells[i].every((c) => c === null)) continue;
    const upperRow = rows[i].row;
    const readings = [{ rows: [upperRow], header: oneRowHeader(cells[i]), unitCells: 0 }];
    if (rows[i + 1]?.row === upperRow + 1) {
      const lower = cells[i + 1];
      readings.push({
        rows: [upperRow, upperRow + 1],
        header: twoRowHeader(cells[i], lower, upperRow, meta.merges ?? []),
        unitCells: lower.filter((c) => c?.key === "" && c.unit !== null).length,
      });
    }
    for (const reading of readings) {
      for (const kind of LEDGER_KINDS) {
        const mapping = mapColumns(kind, reading.header);
        if (!meetsRequirement(kind, mapping.fields)) continue;
        const candidate: Header = { kind, mapping, rows: reading.rows, unitCells: reading.unitCells };
        if (!best || isBetterHeader(candidate, best, hint)) best = candidate;
      }
    }
  }
  return best;
}

/** Candidates arrive by row, one-row reading first, then kind order: the first one found wins a full tie. */
function isBetterHeader(a: Header, b: Header, hint: LedgerKind | null): boolean {
  const named = a.mapping.columns.length - b.mapping.columns.length;
  if (named !== 0) return named > 0;
  if ((a.kind === hint) !== (b.kind === hint)) return a.kind === hint;
  if (a.unitCells !== b.unitCells) return a.unitCells > b.unitCells;
  return a.rows.length < b.rows.length;
}

const KIND_HINTS: readonly (readonly [string, LedgerKind])[] = [
  ["外出", "trips"],
  ["邀请", "invitations"],
  ["客商", "invitations"],
  ["例会", "meetings"],
  ["调度", "meetings"],
  ["项目", "projects"],
];

/** The kind a sheet name suggests (外出招商 → trips), to break a tie between kinds. */
function kindHintOf(sheetName: string): LedgerKind | null {
  const name = compact(sheetName);
  return KIND_HINTS.find(([word]) => name.includes(word))?.[1] ?? null;
}

function oneRowHeader(cells: readonly (HeaderCell | null)[]): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  cells.forEach((cell, i) => {
    if (cell) columns.push({ column: i + 1, header: cell.text, keys: [cell.key], unit: cell.unit });
  });
  return columns;
}

/**
 * A two-level header. A lower cell names its column; where it is blank (序号 merged over both
 * rows) the upper one does; where it alone names nothing, group+lower or lower+group may
 * (计划 under 开工时间 → 计划开工时间). An upper label spanning several columns is only a group
 * label; one over a single column still names it when nothing else does.
 */
function twoRowHeader(
  upper: readonly (HeaderCell | null)[],
  lower: readonly (HeaderCell | null)[],
  upperRow: number,
  merges: readonly MergeArea[],
): HeaderColumn[] {
  const labels = upperLabels(upper, lower, upperRow, merges);
  const columns: HeaderColumn[] = [];
  const width = Math.max(labels.length, lower.length);
  for (let i = 0; i < width; i++) {
    const up = labels[i] ?? null;
    const low = lower[i] ?? null;
    // A lower cell that is only a unit, (亿元) under 总投资, adds the unit but names nothing.
    if (!low || low.key === "") {
      if (!up || !up.first) continue;
      const header = low ? `${up.cell.text}/${low.text}` : up.cell.text;
      columns.push({ column: i + 1, header, keys: [up.cell.key], unit: low?.unit ?? up.cell.unit });
      continue;
    }
    if (!up) {
      columns.push({ column: i + 1, header: low.text, keys: [low.key], unit: low.unit });
      continue;
    }
    const keys = [low.key, up.cell.key + low.key, low.key + up.cell.key];
    if (!up.group) keys.push(up.cell.key);
    columns.push({ column: i + 1, header: `${up.cell.text}/${low.text}`, keys, unit: low.unit ?? up.cell.unit });
  }
  return columns;
}

interface UpperLabel {
  readonly cell: HeaderCell;
  /** Spans several columns: a group label. */
  readonly group: boolean;
  /** The column the label is written in (the first of its group). */
  readonly first: boolean;
}

/** The upper label over each column: merged areas spread theirs across their columns. */
function upperLabels(
  upper: readonly (HeaderCell | null)[],
  lower: readonly (HeaderCell | null)[],
  upperRow: number,
  merges: readonly MergeArea[],
): (UpperLabel | null)[] {
  const labels: (UpperLabel | null)[] = upper.map((cell) => cell && { cell, group: false, first: true });
  const spread = (cell: HeaderCell, from: number, to: number): void => {
    for (let i = from; i <= to; i++) labels[i] = { cell, group: true, first: i === from };
  };
  for (const m of merges) {
    // Only an area within the upper row groups columns; one reaching the lower row is a single header.
    const cell = upper[m.left - 1];
    if (m.top === upperRow && m.bottom === upperRow && m.right > m.left && cell) spread(cell, m.left - 1, m.right - 1);
  }
  // Streamed sheets lose their merges: a label followed by blanks, over named lower cells, is a group too.
  for (let i = 0; i < upper.length; i++) {
    const cell = upper[i];
    if (!cell || labels[i]?.group || !lower[i]) continue;
    let end = i + 1;
    while (end < lower.length && !upper[end] && !labels[end] && lower[end]) end++;
    if (end > i + 1) spread(cell, i, end - 1);
    i = end - 1;
  }
  return labels;
}

/** What the columns name in a ledger of `kind`; a field named again goes to `duplicates`. */
function mapColumns(kind: LedgerKind, header: readonly HeaderColumn[]): ColumnMapping {
  const mapping: ColumnMapping = { columns: [], duplicates: [], fields: new Set() };
  for (const { column, header: text, keys, unit } of header) {
    const field = firstField(kind, keys);
    if (!field) continue;
    const ledgerColumn: LedgerColumn = { field, column, header: text, unit };
    if (mapping.fields.has(field)) mapping.duplicates.push(ledgerColumn);
    else {
      mapping.fields.add(field);
      mapping.columns.push(ledgerColumn);
    }
  }
  return mapping;
}

function firstField(kind: LedgerKind, keys: readonly string[]): FieldId | null {
  for (const key of keys) {
    const field = fieldOfHeader(kind, key);
    if (field) return field;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Above the header: title, units line, 填报单位

interface Heading {
  readonly title: string | null;
  readonly sheetUnit: AmountUnit;
  readonly unitName: string | null;
}

/** Labels whose value names the amount unit of the sheet (单位：万元). */
const AMOUNT_UNIT_LABELS: ReadonlySet<string> = new Set(["单位", "金额单位", "计量单位", "货币单位"]);
/** Labels whose value names the reporting unit (填报单位：财源街道); so does 单位 with a value that is no amount unit. */
const UNIT_NAME_LABELS: ReadonlySet<string> = new Set(["填报单位", "报送单位", "所属单位", "责任单位", "单位名称", "单位"]);
/** Labels a heading line may run together without spaces (填报单位：财源街道单位：万元). */
const HEADING_LABELS =
  /(填报单位|报送单位|所属单位|责任单位|单位名称|金额单位|计量单位|货币单位|单位|填报日期|填报时间|统计截止日期|统计截止日|截止日期|日期|填报人|联系电话|制表人|审核人)(?=:)/g;
/**
 * A bracketed part, unwrapped when it holds a label, as in 财源街道招商引资项目台账（单位：万元）.
 * The colon is looked for in the replacer: /[(…]([^…]*:[^…]*)[)…]/ backtracks quadratically.
 */
const BRACKETED_PART = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/g;
const unwrapLabelled = (part: string, inside: string): string => (inside.includes(":") ? ` ${inside} ` : part);

/** `a : b` → `a:b`, in linear time (/\s*:\s*\/g is quadratic on a long run of spaces). */
function tightenColons(s: string): string {
  if (!s.includes(":")) return s;
  const parts = s.split(":");
  const last = parts.length - 1;
  return parts.map((p, i) => (i === 0 ? p.trimEnd() : i === last ? p.trimStart() : p.trim())).join(":");
}

interface HeadingText {
  /** The parts that are no `label: value`. */
  readonly plain: string[];
  readonly labels: [string, string][];
}

function parseHeadingText(text: string): HeadingText {
  const spaced = tightenColons(foldWidth(text).replace(BRACKETED_PART, unwrapLabelled)).replace(HEADING_LABELS, " $1");
  const plain: string[] = [];
  const labels: [string, string][] = [];
  for (const part of spaced.split(/\s+/)) {
    if (part === "") continue;
    const colon = part.indexOf(":");
    if (colon < 0) plain.push(part);
    else labels.push([normalizeHeader(part.slice(0, colon)).key, part.slice(colon + 1)]);
  }
  return { plain, labels };
}

/**
 * Reads the rows above the header: the title is the first text that is no `label: value`; a
 * units line sets the sheet's amount unit; 填报单位 names the unit, else the title does.
 */
function readHeading(rows: readonly SheetRow[]): Heading {
  let title: string | null = null;
  const found: { sheetUnit: AmountUnit | null; unitName: string | null } = { sheetUnit: null, unitName: null };
  const label = (name: string, value: string): void => {
    const amountUnit = AMOUNT_UNIT_LABELS.has(name) ? parseAmountUnit(value) : null;
    if (amountUnit) found.sheetUnit ??= amountUnit;
    else if (UNIT_NAME_LABELS.has(name) && value !== "") found.unitName ??= compact(value);
  };
  for (const row of rows) {
    // A label whose value is in the next cell (填报单位： | 财源街道).
    let pending: string | null = null;
    for (const v of row.values) {
      if (typeof v !== "string" || isBlank(v)) continue;
      const { plain, labels } = parseHeadingText(v);
      let valueOfPending = false;
      if (pending !== null && plain.length > 0) {
        label(pending, plain.shift()!);
        pending = null;
        valueOfPending = true;
      }
      // A cell that is all title is kept as shown; otherwise only its parts that are no label.
      if (title === null && plain.length > 0) title = labels.length === 0 && !valueOfPending ? shownText(v) : plain.join(" ");
      for (const [name, value] of labels) label(name, value);
      const last = labels[labels.length - 1];
      if (last && last[1] === "") pending = last[0];
    }
  }
  return {
    title,
    sheetUnit: found.sheetUnit ?? DEFAULT_SHEET_UNIT,
    unitName: found.unitName ?? unitNameOfTitle(title),
  };
}

/** The title must end like a ledger's (…台账, …记录) to name a unit at all. */
const TITLE_END = /(台账|记录|清单|一览表|统计表|明细表|汇总表)$/;
/** Words between the unit and the title's end: 财源街道[招商引资][项目]台账. */
const TITLE_WORDS = /(招商引资|招商|集中攻坚活动|集中攻坚|攻坚|活动|签约|项目|外出|客商|邀请|例会|调度会|调度|会议|工作|\d{4}年度?)$/;
const LEADING_YEAR = /^\d{4}年度?/;

/** 2022年财源街道招商引资项目台账 → 财源街道. */
export function unitNameOfTitle(title: string | null): string | null {
  if (title === null) return null;
  let name = dropBracketedParts(compact(title));
  if (!TITLE_END.test(name)) return null;
  name = name.replace(TITLE_END, "");
  for (let before = ""; before !== name; ) {
    before = name;
    name = name.replace(TITLE_WORDS, "");
  }
  name = name.replace(LEADING_YEAR, "");
  return name === "" ? null : name;
}

/** What a sheet that is no ledger shows first: its first non-blank rows' texts. */
function leadingTexts(rows: readonly SheetRow[]): string[] {
  const texts: string[] = [];
  for (const row of rows) {
    const text = row.values
      .filter((v) => !isBlank(v) && !isCellError(v))
      .map((v) => displayValue(v).trim())
      .join(" ");
    if (text !== "") texts.push(text);
    if (texts.length === TITLE_ROWS) break;
  }
  return texts;
}

function isBlankRow(row: SheetRow): boolean {
  return row.values.every(isBlank);
}

// ---------------------------------------------------------------------------------------------
// Below the header

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
class LedgerBody {
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
      sheetUnit: this.heading.sheetUnit,
      title: this.heading.title,
      unitName: this.heading.unitName,
      records: this.records,
      totals: this.totals,
      afterData: this.count > 0 ? this.afterData : null,
    };
  }
}
