/**
 * Reading a recognised ledger's raw cells into typed rows, once the workbook's date system and
 * as-of year are known. Every unreadable or guessed value becomes a finding here, so the rules
 * downstream see only values they can trust (and `unreadable` tells them when to stay silent).
 */
import type { Day } from "./day";
import type { Finding } from "./findings";
import { HEADER_SYNONYMS } from "./headers";
import type { FieldId, LedgerColumn, LedgerKind } from "./ledger";
import type { LedgerHead, RecordSink } from "./recognize/sheet";
import { ROW_REQUIRED, valueTypeOf, type AmountField, type DateField, type FlagField, type ParsedRow, type RowValues, type ValueType } from "./row";
import { valueHit, type ValueHit } from "./rules/engine";
import { finding, type FindingPlace } from "./rules/rule";
import { cellAddress, isBlank, type CellValue, type DateSystem } from "./sheet";
import { displayValue } from "./text";
import { parseAmount } from "./values/amount";
import { parseCategory } from "./values/category";
import { parseCount } from "./values/count";
import { parseDate, type DateContext } from "./values/date";
import { parseFlag } from "./values/flag";
import { parseRole } from "./values/role";
import { parseStage } from "./values/stage";
import { BLANK } from "./values/cell";
import { KEPT_RAW_FIELDS } from "./marks/guards";
import type { Amount, AmountUnit, DateGuess, InviteeCategory, Parsed, Role, Stage } from "./values/types";

const NONE_UNREADABLE: ReadonlySet<FieldId> = new Set();

function markUnreadable(row: ReadRow, field: FieldId, raw: CellValue): void {
  row.unreadable = new Set(row.unreadable).add(field);
  (row.raw ??= {})[field] = raw;
}

export interface ReadContext {
  readonly dateSystem: DateSystem;
  /** The as-of date's year, for dates written without one. */
  readonly defaultYear: number;
  /** Unit of rows of a ledger with no 单位 column. */
  readonly defaultUnit: string;
  /** Whether rows of this workbook are told apart by unit (findings then carry it). */
  readonly multiUnit: boolean;
}

/** What reading a row needs before the workbook's settings are known. */
export interface RowContext {
  readonly dateSystem: DateSystem;
  /** The as-of year as far as known yet: `finish` reads again the dates that took it, if it changed. */
  readonly defaultYear: number;
}

/** A row's values, writable while the row is read. */
type Values = { -readonly [F in keyof RowValues]: RowValues[F] };
type TextField = Exclude<keyof RowValues, AmountField | DateField | FlagField>;

/**
 * A row while it is read: its unit is settled by `finish` (the workbook's unit for rows with none).
 * A class, so that every row is built with one shape and no copying of a literal's boilerplate.
 */
class ReadRow implements Omit<ParsedRow, "unit"> {
  stage: Stage | undefined = undefined;
  role: Role | undefined = undefined;
  category: InviteeCategory | undefined = undefined;
  promotions: number | undefined = undefined;
  unreadable: ReadonlySet<FieldId> = NONE_UNREADABLE;
  raw: Partial<Record<FieldId, CellValue>> | null = null;

  constructor(
    readonly sheet: string,
    readonly row: number,
    public unit: string | null,
    readonly values: Values,
  ) {}
}

/**
 * An empty row's values with a slot for every field of its ledger's kind: each row's values are a
 * copy of it ({ ...template }), built whole at once with one shape, never grown field by field.
 */
function template(kind: LedgerKind): Values {
  return Object.fromEntries(Object.keys(HEADER_SYNONYMS[kind]).map((field) => [field, undefined])) as Values;
}
const TEMPLATES: Readonly<Record<LedgerKind, Values>> = {
  projects: template("projects"),
  trips: template("trips"),
  invitations: template("invitations"),
  meetings: template("meetings"),
};

/** A text date that took the default year (8月15日): where it is, to read it again if that year changes. */
interface YearCell {
  readonly row: ReadRow;
  readonly reader: FieldReader;
  readonly raw: string;
  /** Index of its finding in `found`, or -1. */
  at: number;
}

/** Distinct cell values a column remembers the reading of (dates, amounts and words repeat a lot). */
const MEMO_LIMIT = 4096;

/**
 * Reads a ledger's data rows as recognition hands them over (a RecordSink), so that only typed
 * rows are kept. Settings that only the whole workbook tells — the workbook's unit, whether rows
 * are told apart by unit, the as-of year for dates written without one — are applied by `finish`.
 */
export class LedgerReader implements RecordSink {
  private readonly sheet: string;
  private readonly fields: FieldReader[];
  private readonly required: FieldReader[];
  private readonly ctx: RowContext;
  private readonly rows: ReadRow[] = [];
  /** Findings in reading order (null once withdrawn by a second reading), and the row of each. */
  private readonly found: (Finding | null)[] = [];
  private readonly foundOn: ReadRow[] = [];
  private readonly yearCells: YearCell[] = [];
  /** The year the cells of `yearCells` were last read in. */
  private year: number;
  /** Rows without a 单位 of their own take the workbook's unit: all of them in a ledger without the column. */
  private readonly hasUnitColumn: boolean;
  private readonly unitless: ReadRow[] = [];
  private readonly template: Values;
  /** Columns whose raw cells a project row keeps for the highlight's guarded marks. */
  private readonly kept: FieldReader[];
  /**
   * One Date per instant among the kept cells: a date column repeats a few hundred days over
   * 100,000 rows, and keeping each row's own Date cost the collector more than the whole read of
   * the column (nothing compares kept Dates by identity, nor changes them).
   */
  private readonly keptDates = new Map<number, Date>();

  constructor(head: LedgerHead, ctx: RowContext) {
    this.sheet = head.sheet;
    this.year = ctx.defaultYear;
    this.template = TEMPLATES[head.kind];
    this.hasUnitColumn = head.columns.some((c) => c.field === "unit");
    this.ctx = { dateSystem: ctx.dateSystem, defaultYear: ctx.defaultYear };
    this.fields = head.columns.map((c) => fieldReader(c, head.sheetUnit, this.ctx));
    this.required = ROW_REQUIRED[head.kind].flatMap((field) => this.fields.filter((f) => f.field === field));
    this.kept = head.kind === "projects" ? this.fields.filter((f) => KEPT_RAW_FIELDS.has(f.field)) : [];
  }

  push(row: number, values: readonly CellValue[], unit: string | null): void {
    const parsed = new ReadRow(this.sheet, row, unit, { ...this.template });
    if (this.kept.length > 0) {
      const raw: Partial<Record<FieldId, CellValue>> = {};
      for (const f of this.kept) raw[f.field] = this.keptCell(values[f.index]);
      parsed.raw = raw;
    }
    const fields = this.fields;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      const raw = values[f.index];
      if (isBlank(raw)) continue;
      const found = readCell(parsed, f, raw);
      if (found) this.add(found, parsed);
      if (f.type === "date" && typeof raw === "string" && f.yearDependent.has(raw)) {
        this.yearCells.push({ row: parsed, reader: f, raw, at: found ? this.found.length - 1 : -1 });
      }
    }
    for (const f of this.required) {
      const found = raised(valueHit("required", values[f.index], values[f.index]), parsed, f, values[f.index]);
      if (found) this.add(found, parsed);
    }
    this.rows.push(parsed);
    if (unit === null && this.hasUnitColumn) this.unitless.push(parsed);
  }

  private keptCell(v: CellValue): CellValue {
    if (!(v instanceof Date)) return v;
    const t = v.getTime();
    const same = this.keptDates.get(t);
    if (same !== undefined) return same;
    if (this.keptDates.size < MEMO_LIMIT) this.keptDates.set(t, v);
    return v;
  }

  /**
   * The rows and findings, once the workbook's settings are known (its 台账设置 sheet may come
   * after this ledger): dates read without a year are read again if the as-of year differs.
   */
  finish(ctx: ReadContext): { readonly rows: ParsedRow[]; readonly findings: Finding[] } {
    if (!Object.is(ctx.defaultYear, this.year)) this.readYearCellsAgain(ctx);
    for (const row of this.hasUnitColumn ? this.unitless : this.rows) row.unit = ctx.defaultUnit;
    const findings: Finding[] = [];
    for (let i = 0; i < this.found.length; i++) {
      const f = this.found[i];
      if (f !== null) findings.push(ctx.multiUnit ? { ...f, unit: this.foundOn[i].unit! } : f);
    }
    return { rows: this.rows as ParsedRow[], findings };
  }

  private add(f: Finding, row: ReadRow): void {
    this.found.push(f);
    this.foundOn.push(row);
  }

  /** Dates without a year were read in the year known then; the workbook's settings named another. */
  private readYearCellsAgain(ctx: ReadContext): void {
    this.year = ctx.defaultYear;
    const dateCtx: DateContext = { dateSystem: ctx.dateSystem, defaultYear: ctx.defaultYear };
    for (const cell of this.yearCells) {
      const { row, reader, raw } = cell;
      if (cell.at >= 0) this.found[cell.at] = null;
      row.values[reader.field as DateField] = undefined;
      if (row.unreadable.has(reader.field)) {
        const rest = new Set(row.unreadable);
        rest.delete(reader.field);
        row.unreadable = rest;
      }
      const found = storeDate(row, reader, raw, parseDate(raw, dateCtx));
      if (found) this.add(found, row);
      cell.at = found ? this.found.length - 1 : -1;
    }
  }
}

/** How one column is read: its field, where it is, what kind of value, in which unit. */
interface FieldReader {
  readonly field: FieldId;
  /** 1-based column, and its index in a row's values. */
  readonly column: number;
  readonly index: number;
  readonly type: ValueType | undefined;
  /** The column's parse (its unit and the dates' context applied), remembering repeated values. */
  readonly parse: (raw: CellValue) => Parsed<unknown, string>;
  /** Texts of a date column that took the default year. */
  readonly yearDependent: Set<string>;
}

function fieldReader(c: LedgerColumn, sheetUnit: AmountUnit, ctx: RowContext): FieldReader {
  const type = valueTypeOf(c.field);
  const unit = (c.unit ?? sheetUnit) as AmountUnit;
  const { parse, yearDependent } = sharedParse(type, unit, ctx);
  return { field: c.field, column: c.column, index: c.column - 1, type, parse, yearDependent };
}

interface SharedParse {
  readonly parse: (raw: CellValue) => Parsed<unknown, string>;
  readonly yearDependent: Set<string>;
}

/**
 * One remembering parse per kind of value, unit and date context, shared by every ledger read:
 * a batch of fifty unit workbooks holds the same dates, amounts and words, and each would
 * otherwise parse them all again. A parse depends on nothing but these, and its results are never
 * mutated, so sharing them changes no answer. Bounded: MEMO_LIMIT values each, SHARED_LIMIT parses.
 */
const shared = new Map<string, SharedParse>();
const SHARED_LIMIT = 64;

function sharedParse(type: ValueType | undefined, unit: AmountUnit, ctx: RowContext): SharedParse {
  const key = `${type}|${type === "amount" ? unit : ""}|${type === "date" ? `${ctx.dateSystem}|${ctx.defaultYear}` : ""}`;
  let found = shared.get(key);
  if (!found) {
    const yearDependent = new Set<string>();
    const parse = parserOf(type, unit, ctx, yearDependent);
    found = { parse: parse ? memoized(parse) : NO_PARSE, yearDependent };
    if (shared.size >= SHARED_LIMIT) shared.clear();
    shared.set(key, found);
  }
  return found;
}

const NO_PARSE = (): Parsed<never> => BLANK;

function parserOf(type: ValueType | undefined, unit: AmountUnit, ctx: RowContext, yearDependent: Set<string>): ((raw: CellValue) => Parsed<unknown, string>) | null {
  switch (type) {
    case "amount":
      return (raw) => parseAmount(raw, unit);
    case "date": {
      const withoutYear: DateContext = { dateSystem: ctx.dateSystem, defaultYear: NaN };
      return (raw) => {
        const p = parseDate(raw, ctx);
        // A reading that changes without a default year took it (and is read again if it changes).
        if (typeof raw === "string") {
          const bare = parseDate(raw, withoutYear);
          if (bare.status !== p.status || (p.status === "invalid" && bare.status === "invalid" && bare.reason !== p.reason)) yearDependent.add(raw);
        }
        return p;
      };
    }
    case "flag":
      return parseFlag;
    case "stage":
      return parseStage;
    case "role":
      return parseRole;
    case "category":
      return parseCategory;
    case "count":
      return parseCount;
    case undefined:
      return null;
  }
}

/**
 * A parse that remembers what it gave for texts and numbers. Results are never mutated, so rows
 * share them (one Amount object for every 5000 of a column).
 */
function memoized<T extends Parsed<unknown, string>>(parse: (raw: CellValue) => T): (raw: CellValue) => T {
  const memo = new Map<string | number, T>();
  // The cell above often holds the same (是, 否, a stage, a date): compared before any hashing.
  let lastRaw: CellValue = undefined;
  let last: T | undefined;
  return (raw) => {
    if (raw === lastRaw && last !== undefined) return last;
    let p: T | undefined;
    if (typeof raw === "string" || typeof raw === "number") {
      p = memo.get(raw);
      if (p === undefined) {
        p = parse(raw);
        if (memo.size < MEMO_LIMIT) memo.set(raw, p);
      }
    } else return parse(raw);
    lastRaw = raw;
    last = p;
    return p;
  };
}

/**
 * The finding of a cell's value rule, at the cell; built only for a hit (most cells of a large
 * ledger have none). The unit is set by `finish`. The row keeps the cell as it was, for the
 * finding's row key (core/verify/rowKey).
 */
function raised(hit: ValueHit | null, row: ReadRow, f: FieldReader, raw: CellValue): Finding | null {
  if (hit === null) return null;
  (row.raw ??= {})[f.field] = raw;
  const place: FindingPlace = { sheet: row.sheet, cell: cellAddress(row.row, f.column), row: row.row, column: f.column, field: f.field };
  return finding(hit.rule, place, hit);
}

/** Stores one non-blank cell's value on the row; returns the finding its value rules raise, if any. */
function readCell(row: ReadRow, f: FieldReader, raw: CellValue): Finding | null {
  const field = f.field;
  switch (f.type) {
    case undefined:
      row.values[field as TextField] = displayValue(raw).trim();
      return null;
    case "amount": {
      const p = f.parse(raw) as Parsed<Amount>;
      if (p.status === "ok") row.values[field as AmountField] = p.value;
      else markUnreadable(row, field, raw);
      return raised(valueHit("amount", p, raw), row, f, raw);
    }
    case "date":
      return storeDate(row, f, raw, f.parse(raw) as Parsed<Day, DateGuess>);
    case "flag": {
      const p = f.parse(raw) as Parsed<boolean>;
      if (p.status === "ok") row.values[field as FlagField] = p.value;
      else if (p.status === "invalid") markUnreadable(row, field, raw);
      return raised(valueHit("flag", p, raw), row, f, raw);
    }
    case "stage": {
      const p = f.parse(raw) as Parsed<Stage>;
      row.values.stage = displayValue(raw).trim();
      if (p.status === "ok") row.stage = p.value;
      else if (p.status === "invalid") markUnreadable(row, field, raw);
      return raised(valueHit("stage", p, raw), row, f, raw);
    }
    case "role": {
      const p = f.parse(raw) as Parsed<Role>;
      if (p.status === "ok") row.role = p.value;
      else markUnreadable(row, field, raw);
      return null;
    }
    case "category": {
      const p = f.parse(raw) as Parsed<InviteeCategory>;
      if (p.status === "ok") row.category = p.value;
      else markUnreadable(row, field, raw);
      return null;
    }
    case "count": {
      const p = f.parse(raw) as Parsed<number>;
      if (p.status === "ok") row.promotions = p.value;
      else markUnreadable(row, field, raw);
      return null;
    }
  }
}

function storeDate(row: ReadRow, f: FieldReader, raw: CellValue, p: Parsed<Day, DateGuess>): Finding | null {
  if (p.status === "ok") row.values[f.field as DateField] = p.value;
  else markUnreadable(row, f.field, raw);
  return raised(valueHit("date", p, raw), row, f, raw);
}
