/**
 * Reading a recognised ledger's raw cells into typed rows, once the workbook's date system and
 * as-of year are known. Every unreadable or guessed value becomes a finding here, so the rules
 * downstream see only values they can trust (and `unreadable` tells them when to stay silent).
 */
import type { Day } from "./day";
import type { Finding } from "./findings";
import type { FieldId, Ledger, LedgerKind } from "./ledger";
import { columnOf } from "./ledger";
import { amountFinding, dateFinding, invalidFlag, missingValue, unknownStage } from "./rules/values";
import { finding, type FindingPlace } from "./rules/rule";
import { cellAddress, isBlank, type CellValue, type DateSystem } from "./sheet";
import { compact, displayValue } from "./text";
import { parseAmount } from "./values/amount";
import { parseCategory } from "./values/category";
import { parseCount } from "./values/count";
import { parseDate, type DateContext } from "./values/date";
import { parseFlag } from "./values/flag";
import { parseRole, roleFromTitle } from "./values/role";
import { parseStage } from "./values/stage";
import type { Amount, AmountUnit, InviteeCategory, Role, Stage } from "./values/types";

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

/** One data row, typed. A field absent here was blank, unreadable (see `unreadable`) or has no column. */
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
}

const NONE_UNREADABLE: ReadonlySet<FieldId> = new Set();

function markUnreadable(row: ParsedRow, field: FieldId): void {
  row.unreadable = new Set(row.unreadable).add(field);
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
  const findings: Finding[] = [];
  const fields: FieldReader[] = ledger.columns.map((c) => ({
    field: c.field,
    column: c.column,
    type: VALUE_TYPES[c.field],
    unit: (c.unit ?? ledger.sheetUnit) as AmountUnit,
  }));
  const required = REQUIRED_FIELDS[ledger.kind].flatMap((field) => fields.filter((f) => f.field === field));
  const dateCtx = { dateSystem: ctx.dateSystem, defaultYear: ctx.defaultYear };
  const rows = ledger.records.map((record) => {
    const parsed: ParsedRow = {
      sheet: ledger.sheet,
      row: record.row,
      unit: record.unit ?? ctx.defaultUnit,
      text: {},
      amounts: {},
      dates: {},
      flags: {},
      unreadable: NONE_UNREADABLE,
    };
    for (const f of fields) {
      const raw = record.cells[f.field];
      if (isBlank(raw)) continue;
      const found = readCell(parsed, f, raw, dateCtx, ctx.multiUnit);
      if (found) findings.push(found);
    }
    for (const f of required) {
      if (isBlank(record.cells[f.field])) findings.push(finding(missingValue, placeOf(parsed, f, ctx.multiUnit)));
    }
    return parsed;
  });
  return { ledger, rows, findings };
}

/** How one column is read: its field, where it is, what kind of value, in which unit. */
interface FieldReader {
  readonly field: FieldId;
  readonly column: number;
  readonly type: ValueType | undefined;
  readonly unit: AmountUnit;
}

/** Built only when there is something to report: most cells of a large ledger have nothing. */
function placeOf(row: ParsedRow, f: FieldReader, multiUnit: boolean): FindingPlace {
  return {
    sheet: row.sheet,
    cell: cellAddress(row.row, f.column),
    row: row.row,
    column: f.column,
    field: f.field,
    unit: multiUnit ? row.unit : undefined,
  };
}

/** Stores one non-blank cell's value on the row; returns the finding it deserves, if any. */
function readCell(row: ParsedRow, f: FieldReader, raw: CellValue, dateCtx: DateContext, multiUnit: boolean): Finding | null {
  const field = f.field;
  const place = () => placeOf(row, f, multiUnit);
  switch (f.type) {
    case undefined:
      row.text[field] = displayValue(raw).trim();
      return null;
    case "amount": {
      const p = parseAmount(raw, f.unit);
      if (p.status === "ok") {
        row.amounts[field] = p.value;
        if (!p.value.currency && !p.value.approximate) return null;
      } else markUnreadable(row, field);
      return amountFinding(p, place(), displayValue(raw));
    }
    case "date": {
      const p = parseDate(raw, dateCtx);
      if (p.status === "ok") row.dates[field] = p.value;
      else markUnreadable(row, field);
      return p.status === "ok" && !p.guess ? null : dateFinding(p, place(), displayValue(raw));
    }
    case "flag": {
      const p = parseFlag(raw);
      if (p.status === "ok") row.flags[field] = p.value;
      if (p.status !== "invalid") return null;
      markUnreadable(row, field);
      return finding(invalidFlag, place(), { value: p.text });
    }
    case "stage": {
      const p = parseStage(raw);
      row.text.stage = displayValue(raw).trim();
      if (p.status === "ok") row.stage = p.value;
      if (p.status !== "invalid") return null;
      markUnreadable(row, field);
      return finding(unknownStage, place(), { value: p.text });
    }
    case "role": {
      const p = parseRole(raw);
      if (p.status === "ok") row.role = p.value;
      else markUnreadable(row, field);
      return null;
    }
    case "category": {
      const p = parseCategory(raw);
      if (p.status === "ok") row.category = p.value;
      else markUnreadable(row, field);
      return null;
    }
    case "count": {
      const p = parseCount(raw);
      if (p.status === "ok") row.promotions = p.value;
      else markUnreadable(row, field);
      return null;
    }
  }
}

/** A trip's role: its role column, else what its title says. */
export function tripRole(row: ParsedRow): Role | null {
  if (row.role) return row.role;
  return row.text.title ? roleFromTitle(row.text.title) : null;
}

/** Project names compared as a person would: no spaces, full-width folded. */
export function projectKey(name: string): string {
  return compact(name).toLowerCase();
}
