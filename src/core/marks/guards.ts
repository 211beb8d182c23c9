/**
 * Guarded marks: where a live formula cannot decide what the core decided (a text date, a stage
 * with odd spacing, a yyyyMM number) and on the cells of error findings, a mark holds only while
 * the cells its rule reads still hold what they held when the core decided — one AND of
 * "cell = snapshot" per field the rule reads (the rule's `reads`), and the as-of test where the
 * rule depends on the date. Editing any of those cells turns the mark off until the next check;
 * a row inserted or sorted into the run does not hold the same cells, so it is never marked wrongly.
 */
import { yearOf, type Day } from "../day";
import type { Finding, RuleId } from "../findings";
import { columnOf, type FieldId, type Ledger } from "../ledger";
import { valueTypeOf, type ParsedRow } from "../row";
import { RULES } from "../rules/catalog";
import { isCellError, MAX_COLUMN, type CellValue } from "../sheet";
import { parseDate } from "../values/date";
import {
  ASOF,
  blankText,
  cellNumber,
  dateLiteral,
  isBlankCell,
  isDateSerial,
  MAX_LITERAL,
  numberEquals,
  numberText,
  ref,
  textLiteral,
} from "./formulaText";
import type { MarkContext, MarkKind } from "./mark";

/**
 * The fields whose cells decide a finding of this rule on its row: a value rule's own cell, a
 * project-row rule's `reads`. null: the rule looks beyond the row (other rows, the header, the
 * workbook), so no guard on the row can hold it, and its cells are not marked.
 */
function guardedFields(rule: RuleId, field: FieldId | null): readonly FieldId[] | null {
  const def = RULES[rule];
  if (def.scope === "value") return field ? [field] : [];
  return def.scope === "project-row" ? def.reads : null;
}

/** The raw cells a project row keeps for the guards (read.ts): what the project-row rules read. */
export const KEPT_RAW_FIELDS: ReadonlySet<FieldId> = new Set(Object.values(RULES).flatMap((r) => (r.scope === "project-row" ? r.reads : [])));

/** The columns of a projects ledger that decide the start-date status. */
export interface StatusColumns {
  readonly stage: number;
  readonly planned: number | null;
  readonly actual: number | null;
}

/** The guard of a start-date status the live formula does not decide: the three cells as they are, and the as-of test. */
export function statusGuard(r: ParsedRow, kind: MarkKind, cols: StatusColumns, ctx: MarkContext): string {
  const parts = [snapshotText(ref(cols.stage), r.raw?.stage, "stage", ctx)];
  if (cols.planned !== null) parts.push(snapshotText(ref(cols.planned), r.raw?.plannedStart, "plannedStart", ctx));
  if (cols.actual !== null) parts.push(snapshotText(ref(cols.actual), r.raw?.actualStart, "actualStart", ctx));
  const planned = r.values.plannedStart;
  if (planned !== undefined) parts.push(kind === "start-soon" ? dueSoonText(planned, ctx) : `${dateLiteral(planned)}<${ASOF}`);
  const years = yearGuard([r.raw?.plannedStart, r.raw?.actualStart], ctx);
  if (years) parts.push(years);
  return `AND(${parts.join(",")})`;
}

function dueSoonText(planned: Day, ctx: MarkContext): string {
  const d = dateLiteral(planned);
  return `AND(${d}>=${ASOF},${d}<=${ASOF}+${numberText(ctx.dueSoonDays)})`;
}

/**
 * The guard of an error finding's cell: each cell its rule reads, as it is; the as-of where the
 * rule reads it. null when the rule is not guarded (guardedFields).
 */
export function findingGuard(f: Finding, ledger: Ledger, r: ParsedRow, ctx: MarkContext): string | null {
  const fields = guardedFields(f.rule, f.field);
  if (fields === null) return null;
  const parts: string[] = [];
  const raws: CellValue[] = [];
  let allBlank = true;
  for (const field of fields) {
    const column = columnOf(ledger, field)?.column;
    if (column === undefined) continue;
    if (column > MAX_COLUMN) return null;
    const raw = r.raw?.[field];
    raws.push(raw);
    if (!isBlankCell(raw)) allBlank = false;
    parts.push(snapshotText(ref(column), raw, field, ctx));
  }
  if (f.rule === "overdue-start" && r.values.plannedStart !== undefined) parts.push(`${dateLiteral(r.values.plannedStart)}<${ASOF}`);
  if (allBlank) {
    // Blank cells alone would hold on a blank row inserted into the run: the row must still have what it had.
    const identity = IDENTITY_FIELDS.find((field) => field !== f.field && columnOf(ledger, field) && hasValue(r, field));
    if (identity) parts.push(`NOT(${blankText(ref(columnOf(ledger, identity)!.column))})`);
  }
  const years = yearGuard(raws, ctx);
  if (years) parts.push(years);
  return parts.length === 1 ? parts[0] : `AND(${parts.join(",")})`;
}

/** Fields that tell a data row from a blank one, in the order they are tried. */
const IDENTITY_FIELDS: readonly FieldId[] = ["name", "stage", "investment", "date", "company", "leader", "topic", "invitee"];

function hasValue(r: ParsedRow, field: FieldId): boolean {
  return (r.values as Partial<Record<FieldId, unknown>>)[field] !== undefined || r.unreadable.has(field);
}

/** A text date read in the as-of year (8月15日) means another day in another year: the guard then holds in this year only. */
function yearGuard(raws: readonly CellValue[], ctx: MarkContext): string | null {
  const year = yearOf(ctx.asOfDay);
  for (const raw of raws) {
    if (typeof raw !== "string") continue;
    const withYear = parseDate(raw, { dateSystem: ctx.dateSystem, defaultYear: year });
    const without = parseDate(raw, { dateSystem: ctx.dateSystem, defaultYear: NaN });
    if (JSON.stringify(withYear) !== JSON.stringify(without)) return `YEAR(${ASOF})=${year}`;
  }
  return null;
}

/**
 * "This cell still holds `raw`", as the core would read it: blank as blank, text exactly (long
 * text by its length and first MAX_LITERAL characters), a date serial by its day, other numbers,
 * booleans and error values by value (any error: the core reads every error value alike).
 */
export function snapshotText(x: string, raw: CellValue, field: FieldId, ctx: Pick<MarkContext, "dateSystem">): string {
  if (isBlankCell(raw)) return blankText(x);
  if (typeof raw === "string") {
    if (raw.length <= MAX_LITERAL) return `IF(ISTEXT(${x}),EXACT(${x},${textLiteral(raw)}),FALSE)`;
    let cut = MAX_LITERAL;
    if (/[\ud800-\udbff]/.test(raw.charAt(cut - 1))) cut--; // never split a surrogate pair
    return `IF(ISTEXT(${x}),AND(LEN(${x})=${raw.length},EXACT(LEFT(${x},${cut}),${textLiteral(raw.slice(0, cut))})),FALSE)`;
  }
  if (typeof raw === "boolean") return `IF(ISLOGICAL(${x}),${raw ? x : `NOT(${x})`},FALSE)`;
  if (isCellError(raw)) return `ISERROR(${x})`;
  const n = cellNumber(raw, ctx.dateSystem);
  if (n === null) return "FALSE";
  if (valueTypeOf(field) === "date" && isDateSerial(n, ctx.dateSystem)) return `IF(ISNUMBER(${x}),INT(${x})=${Math.floor(n)},FALSE)`;
  return `IF(ISNUMBER(${x}),${numberEquals(x, n)},FALSE)`;
}
