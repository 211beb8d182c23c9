/**
 * Reading a recognised ledger's raw cells into typed rows, once the workbook's date system and
 * as-of year are known. Every unreadable or guessed value becomes a finding here, so the rules
 * downstream see only values they can trust (and `unreadable` tells them when to stay silent).
 */
import type { Day } from "./day";
import type { Finding } from "./findings";
import type { FieldId, InvitationField, Ledger, LedgerColumn, LedgerKind, MeetingField, ProjectField, TripField } from "./ledger";
import type { LedgerHead, RecordSink } from "./recognize";
import { amountFinding, dateFinding, invalidFlag, missingValue, unknownStage } from "./rules/values";
import { finding, type FindingPlace } from "./rules/rule";
import { cellAddress, isBlank, type CellValue, type DateSystem } from "./sheet";
import { caseless, compact, compactCode, displayValue, lowerCase } from "./text";
import { parseAmount } from "./values/amount";
import { parseCategory } from "./values/category";
import { parseCount } from "./values/count";
import { parseDate, type DateContext } from "./values/date";
import { parseFlag } from "./values/flag";
import { parseRole, roleFromTitle } from "./values/role";
import { parseStage } from "./values/stage";
import { BLANK } from "./values/cell";
import { KEPT_RAW_FIELDS } from "./marks";
import type { Amount, AmountUnit, DateGuess, InviteeCategory, Parsed, Role, Stage } from "./values/types";

type ValueType = "amount" | "date" | "flag" | "stage" | "role" | "category" | "count";

const VALUE_TYPES: Partial<Record<FieldId, ValueType>> = {
  investment: "amount",
  fundsInPlace: "amount",
  planDate: "date",
  signDate: "date",
  plannedStart: "date",
  actualStart: "date",
  date: "date",
  endDate: "date",
  keyNegotiation: "flag",
  keySigned: "flag",
  fairSigned: "flag",
  expertReviewed: "flag",
  confirmed: "flag",
  stage: "stage",
  role: "role",
  category: "category",
  promotions: "count",
};

/** Fields a data row must fill (DOMAIN.md marks the projects' three; the others cannot be counted without theirs). */
export const REQUIRED_FIELDS: Readonly<Record<LedgerKind, readonly FieldId[]>> = {
  projects: ["name", "investment", "stage"],
  trips: ["date"],
  invitations: ["company"],
  meetings: ["date"],
};

/**
 * One data row, typed. A field absent here (undefined) was blank, unreadable (see `unreadable`) or
 * has no column. `text`, `amounts`, `dates` and `flags` may be one object underneath (a field has
 * one type, so their fields never collide): read them by field, never enumerate them.
 */
export interface ParsedRow {
  readonly sheet: string;
  readonly row: number;
  /** The row's 单位, or the workbook's unit when the ledger has no 单位 column. */
  readonly unit: string;
  readonly text: Partial<Record<FieldId, string>>;
  readonly amounts: Partial<Record<FieldId, Amount>>;
  readonly dates: Partial<Record<FieldId, Day>>;
  readonly flags: Partial<Record<FieldId, boolean>>;
  stage?: Stage;
  role?: Role;
  category?: InviteeCategory;
  promotions?: number;
  /** Fields whose cell holds something that could not be read (shared and empty until one is). */
  unreadable: ReadonlySet<FieldId>;
  /**
   * Raw cells the highlight's guarded marks compare against (marks.ts): on project rows the cells
   * the row rules read (KEPT_RAW_FIELDS), and on any row each cell that could not be read; null
   * when there is none.
   */
  readonly raw: Readonly<Partial<Record<FieldId, CellValue>>> | null;
}

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

export interface ReadLedger {
  readonly ledger: Ledger;
  readonly rows: ParsedRow[];
  readonly findings: Finding[];
}

export function readLedger(ledger: Ledger, ctx: ReadContext): ReadLedger {
  const reader = new LedgerReader(ledger, ctx);
  for (const record of ledger.records) {
    const values: CellValue[] = [];
    for (const c of ledger.columns) values[c.column - 1] = record.cells[c.field];
    reader.push(record.row, values, record.unit);
  }
  return { ledger, ...reader.finish(ctx) };
}

/** What reading a row needs before the workbook's settings are known. */
export interface RowContext {
  readonly dateSystem: DateSystem;
  /** The as-of year as far as known yet: `finish` reads again the dates that took it, if it changed. */
  readonly defaultYear: number;
}

/**
 * A row while it is read: its unit is settled by `finish` (the workbook's unit for rows with none).
 * A class, so that every row is built with one shape and no copying of a literal's boilerplate.
 */
class ReadRow implements Omit<ParsedRow, "unit"> {
  readonly text: Partial<Record<FieldId, string>>;
  readonly amounts: Partial<Record<FieldId, Amount>>;
  readonly dates: Partial<Record<FieldId, Day>>;
  readonly flags: Partial<Record<FieldId, boolean>>;
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
    values: object,
  ) {
    this.text = this.amounts = this.dates = this.flags = values;
  }
}

/*
 * A row's values, one object with a slot for every field of its ledger's kind, so that it is
 * built whole at once (no growing from {} field by field, no second object for the overflow).
 */
class ProjectValues implements Record<ProjectField, undefined> {
  unit = undefined;
  name = undefined;
  investor = undefined;
  industry = undefined;
  investment = undefined;
  stage = undefined;
  keyNegotiation = undefined;
  keySigned = undefined;
  fairSigned = undefined;
  planDate = undefined;
  signDate = undefined;
  plannedStart = undefined;
  actualStart = undefined;
  fundsInPlace = undefined;
  owner = undefined;
  promotions = undefined;
  expertReviewed = undefined;
  progress = undefined;
  notes = undefined;
}
class TripValues implements Record<TripField, undefined> {
  unit = undefined;
  date = undefined;
  endDate = undefined;
  leader = undefined;
  role = undefined;
  title = undefined;
  region = undefined;
  companies = undefined;
  outcome = undefined;
}
class InvitationValues implements Record<InvitationField, undefined> {
  unit = undefined;
  company = undefined;
  category = undefined;
  invitee = undefined;
  title = undefined;
  confirmed = undefined;
}
class MeetingValues implements Record<MeetingField, undefined> {
  unit = undefined;
  date = undefined;
  location = undefined;
  topic = undefined;
  recorder = undefined;
}
const VALUES: Readonly<Record<LedgerKind, new () => object>> = {
  projects: ProjectValues,
  trips: TripValues,
  invitations: InvitationValues,
  meetings: MeetingValues,
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
  private readonly values: new () => object;
  /** Columns whose raw cells a project row keeps for the highlight. */
  private readonly kept: FieldReader[];

  constructor(head: LedgerHead, ctx: RowContext) {
    this.sheet = head.sheet;
    this.year = ctx.defaultYear;
    this.values = VALUES[head.kind];
    this.hasUnitColumn = head.columns.some((c) => c.field === "unit");
    this.ctx = { dateSystem: ctx.dateSystem, defaultYear: ctx.defaultYear };
    this.fields = head.columns.map((c) => fieldReader(c, head.sheetUnit, this.ctx));
    this.required = REQUIRED_FIELDS[head.kind].flatMap((field) => this.fields.filter((f) => f.field === field));
    this.kept = head.kind === "projects" ? this.fields.filter((f) => KEPT_RAW_FIELDS.includes(f.field)) : [];
  }

  push(row: number, values: readonly CellValue[], unit: string | null): void {
    const parsed = new ReadRow(this.sheet, row, unit, new this.values());
    if (this.kept.length > 0) {
      const raw: Partial<Record<FieldId, CellValue>> = {};
      for (const f of this.kept) raw[f.field] = values[f.index];
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
      if (isBlank(values[f.index])) this.add(finding(missingValue, placeOf(parsed, f)), parsed);
    }
    this.rows.push(parsed);
    if (unit === null && this.hasUnitColumn) this.unitless.push(parsed);
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
      row.dates[reader.field] = undefined;
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
  const type = VALUE_TYPES[c.field];
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

/** Built only when there is something to report: most cells of a large ledger have nothing. The unit is set by `finish`. */
function placeOf(row: ReadRow, f: FieldReader): FindingPlace {
  return { sheet: row.sheet, cell: cellAddress(row.row, f.column), row: row.row, column: f.column, field: f.field };
}

/** Stores one non-blank cell's value on the row; returns the finding it deserves, if any. */
function readCell(row: ReadRow, f: FieldReader, raw: CellValue): Finding | null {
  const field = f.field;
  switch (f.type) {
    case undefined:
      row.text[field] = displayValue(raw).trim();
      return null;
    case "amount": {
      const p = f.parse(raw) as Parsed<Amount>;
      if (p.status === "ok") {
        row.amounts[field] = p.value;
        if (!p.value.currency && !p.value.approximate) return null;
      } else markUnreadable(row, field, raw);
      return amountFinding(p, placeOf(row, f), displayValue(raw));
    }
    case "date":
      return storeDate(row, f, raw, f.parse(raw) as Parsed<Day, DateGuess>);
    case "flag": {
      const p = f.parse(raw) as Parsed<boolean>;
      if (p.status === "ok") row.flags[field] = p.value;
      if (p.status !== "invalid") return null;
      markUnreadable(row, field, raw);
      return finding(invalidFlag, placeOf(row, f), { value: p.text });
    }
    case "stage": {
      const p = f.parse(raw) as Parsed<Stage>;
      row.text.stage = displayValue(raw).trim();
      if (p.status === "ok") row.stage = p.value;
      if (p.status !== "invalid") return null;
      markUnreadable(row, field, raw);
      return finding(unknownStage, placeOf(row, f), { value: p.text });
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
  if (p.status === "ok") row.dates[f.field] = p.value;
  else markUnreadable(row, f.field, raw);
  return p.status === "ok" && !p.guess ? null : dateFinding(p, placeOf(row, f), displayValue(raw));
}

/** A trip's role: its role column, else what its title says. */
export function tripRole(row: ParsedRow): Role | null {
  if (row.role) return row.role;
  return row.text.title ? roleFromTitle(row.text.title) : null;
}

/** Project names compared as a person would: no spaces, full-width folded. */
export function projectKey(name: string): string {
  return lowerCase(compact(name));
}

/**
 * A 32-bit hash of projectKey(name), computed without building the key where the name is Chinese
 * or ASCII (nearly always): equal keys give equal hashes, so a ledger's names are told apart by
 * numbers and only names whose hashes meet are compared as keys.
 */
export function projectKeyHash(name: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) {
    let c = compactCode(name.charCodeAt(i));
    if (c < 0) continue;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (!caseless(c)) return stringHash(projectKey(name));
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function stringHash(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
