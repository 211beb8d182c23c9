/**
 * What the highlight marks, in which colours, and by which formula: the pane's conditional formats
 * and the command line's highlighted copy both take their marks from here.
 *
 * A mark is a conditional format whose formula re-tests its cause from the row's own cells, so
 * that a mark Excel shows is true of the cells it sits on now, with or without the add-in, after a
 * reopen, in any program that evaluates conditional formats:
 *  - LIVE marks decide the start-date rules by themselves (signed stage, no actual start, and a
 *    blank planned start or a date one before the as-of date / within the due-soon days). They lie
 *    over a projects ledger's data rows and some blank rows below (never into its 合计 or footer),
 *    so a row signed later lights up with the add-in closed, and a row inserted or sorted into the
 *    ledger is judged by its own cells.
 *  - GUARDED marks hold only while the cells their rule reads still hold what they held when the
 *    core decided (one AND of "cell = snapshot" per field the rule reads, RULE_READS): where a live
 *    formula cannot decide what the core decided (a text date, a stage with odd spacing, a yyyyMM
 *    number) and for the cells of error findings.
 * Where the live formula would say TRUE on a row that the core does not mark so, that row is cut
 * out of the live mark's areas: planning evaluates the live formula in TypeScript (`liveKindOf`, the
 * mirror; test/core proves it against a formula engine) on every data row.
 *
 * The formulas use only functions whose results do not depend on the program's locale or on how
 * it treats errors inside AND/OR: every cell is looked at through ISTEXT/ISNUMBER/ISLOGICAL/ISBLANK
 * first, so no error value reaches a comparison, and text is compared with EXACT (case-sensitive,
 * no locale folding), never with "=".
 *
 * References: columns absolute ($J), rows relative to the format's first area, whose top row is
 * the smallest of all its areas (areas are sorted): so the formula means the same whether a
 * program anchors relative references at the first area's top-left cell or at the top-left of all
 * the areas together (see src/excel/highlight.ts for what is documented and what is assumed).
 *
 * Every formula carries a marker string, `"zsledger-mark:<kind>:<digest>"`, inside an always-true
 * ISTEXT: the add-in recognises its own formats by it (Excel gives conditional formats no tag), and
 * the digest (of the kind, condition and areas) is the format's identity, so a re-check can tell
 * from the formula text alone whether a format is already there as planned.
 */
import { dayFromDate, dayFromSerial, dayFromYMD, serialFromDay, ymd, type Day } from "./day";
import type { Finding, RuleId } from "./findings";
import type { FieldId, Ledger } from "./ledger";
import { columnOf } from "./ledger";
import type { ParsedRow } from "./read";
import type { ProjectAssessment, StartStatus } from "./result";
import { cellAddress, columnLetter, isCellError, type CellValue, type DateSystem, type MergeArea } from "./sheet";
import { parseDate } from "./values/date";
import { STAGE_WORDS } from "./values/stage";

export type MarkKind = "start-alert" | "start-soon" | "error-cell";
export const MARK_KINDS: readonly MarkKind[] = ["start-alert", "start-soon", "error-cell"];

export interface MarkStyle {
  /** Fill colour, #RRGGBB. */
  readonly fill?: string;
  readonly font: string;
  readonly border?: string;
}

/**
 * Excel's own presets "light red fill with dark red text" and "yellow fill with dark yellow
 * text", and a red border with dark red text for the cells of error findings.
 */
export const MARK_STYLES: Readonly<Record<MarkKind, MarkStyle>> = {
  "start-alert": { fill: "#FFC7CE", font: "#9C0006" },
  "start-soon": { fill: "#FFEB9C", font: "#9C5700" },
  "error-cell": { font: "#9C0006", border: "#C00000" },
};

/** The statuses a project row is marked for; the others are left as they are. */
export const STATUS_MARK: Readonly<Partial<Record<StartStatus, MarkKind>>> = {
  "missing-planned": "start-alert",
  overdue: "start-alert",
  "due-soon": "start-soon",
};

/**
 * Formats of ours carry this marker in a string of their formula; so did the always-true formats
 * of the previous version (`ISTEXT("zsledger-mark:start-alert")`), which clear removes too.
 */
export const MARK_PREFIX = "zsledger-mark:";

/** The workbook-level defined name that holds the as-of date the live marks compare with. */
export const AS_OF_NAME = "zsledger_asof";

/**
 * The fields each error rule reads on its row: a guarded mark holds while these cells are
 * unchanged. A rule without an entry is not marked (missing-column reads the whole header row).
 * "field": the finding's own field. (To be repointed to the rule definitions' `reads` once every
 * rule is defined in one place.)
 */
export const RULE_READS: Readonly<Partial<Record<RuleId, readonly FieldId[] | "field">>> = {
  "missing-value": "field",
  "invalid-amount": "field",
  "invalid-date": "field",
  "unknown-stage": ["stage"],
  "missing-sign-date": ["stage", "fairSigned", "signDate"],
  "missing-planned-start": ["stage", "plannedStart", "actualStart"],
  "overdue-start": ["stage", "plannedStart", "actualStart"],
  "missing-actual-start": ["stage", "actualStart"],
  "start-before-sign": ["actualStart", "signDate"],
  "fair-signed-not-signed": ["fairSigned", "stage"],
};

/** The raw cells a project row keeps for the guards (read.ts): every field a row rule above reads. */
export const KEPT_RAW_FIELDS: readonly FieldId[] = [
  ...new Set(Object.values(RULE_READS).flatMap((r) => (r === "field" || r === undefined ? [] : r))),
];

/** Blank rows below a projects ledger's last data row that its live marks also cover. */
export const HEADROOM_ROWS = 100;

/**
 * Each format's area list stays within this many address characters: Worksheet.getRanges rejects
 * long lists (office-js#5198 saw lists near 8,200 characters refused). The highlighted copy uses the
 * same, so a copy opened in Excel has the formats the pane would write.
 */
export const MAX_AREA_LIST_CHARS = 2_000;

/** Text longer than this is compared by its length and this many first characters (formula text literals stop at 255). */
export const MAX_LITERAL = 64;

const DATE_FIELDS: ReadonlySet<FieldId> = new Set(["plannedStart", "actualStart", "signDate", "planDate", "date", "endDate"]);
/** The core reads a serial as a date only for years 1950–2200 (values/date.ts). */
const FIRST_DATE_DAY = dayFromYMD(1950, 1, 1)!;
const END_DATE_DAY = dayFromYMD(2201, 1, 1)!;
const SIGNED_WORDS = STAGE_WORDS.signed;

// ---------------------------------------------------------------------------------------------
// Where the as-of date of the formulas comes from

export type AsOfSource =
  /** Nobody set one: today, as the core's default. */
  | { readonly kind: "today" }
  /** A flag, a function argument, the pane's own setting, or a 台账设置 value a formula cannot read: the day itself. */
  | { readonly kind: "day"; readonly day: Day }
  /** The 统计截止日 cell of 台账设置 (a date cell, or the text yyyy-mm-dd the pane writes). */
  | { readonly kind: "cell"; readonly sheet: string; readonly row: number; readonly column: number };

/** The formula (without "=") of the defined name AS_OF_NAME. */
export function asOfFormula(source: AsOfSource): string {
  switch (source.kind) {
    case "today":
      return "TODAY()";
    case "day":
      return dateLiteral(source.day);
    case "cell": {
      const ref = `'${source.sheet.replace(/'/g, "''")}'!$${columnLetter(source.column)}$${source.row}`;
      // A blank or unreadable cell falls back to today, as the core's default does.
      return `IF(ISNUMBER(${ref}),INT(${ref}),IFERROR(DATEVALUE(${ref}),TODAY()))`;
    }
  }
}

/** The as-of inside each formula, for a host that cannot keep the defined name: never a reference to another sheet. */
export function inlineAsOf(plan: MarkPlan): string {
  return plan.asOf.kind === "today" ? "TODAY()" : dateLiteral(plan.asOfDay);
}

function dateLiteral(day: Day): string {
  const d = ymd(day);
  return `DATE(${d.year},${d.month},${d.day})`;
}

// ---------------------------------------------------------------------------------------------
// The plan

/** One mark: a condition over the cells of a row, and the rows (or cells of one column) it lies on. */
export interface PlannedMark {
  readonly kind: MarkKind;
  /**
   * Decides its rule from the row's cells (true), or holds only while they are unchanged. A live
   * mark is written as one format over all its areas; a guarded one as one format per run.
   */
  readonly live: boolean;
  /** The condition, with ROW for the row it is evaluated on and ASOF for the as-of date. */
  readonly condition: string;
  /** Runs of rows, [top, bottom], ascending. */
  readonly runs: readonly (readonly [number, number])[];
  /** The column of a cell mark; null for a row mark across the sheet's used columns. */
  readonly column: number | null;
}

export interface SheetMarkPlan {
  readonly sheet: string;
  readonly marks: readonly PlannedMark[];
  /** The ledger's first and last column: a row mark's columns where the host does not say. */
  readonly columns: { readonly left: number; readonly right: number };
  /** How many rows and cells the core marks now (what the command line reports). */
  readonly count: number;
}

export interface MarkPlan {
  readonly asOf: AsOfSource;
  /** The as-of day the core used. */
  readonly asOfDay: Day;
  readonly sheets: readonly SheetMarkPlan[];
}

/** The row placeholder of a condition (a control character: never inside a rendered text literal). */
export const ROW = "\u0001";
/** The as-of placeholder of a condition. */
export const ASOF = "\u0002";

export interface MarkInput {
  readonly ledgers: readonly { readonly ledger: Ledger; readonly rows: readonly ParsedRow[] }[];
  readonly findings: readonly Finding[];
  readonly projects: readonly ProjectAssessment[];
  readonly asOf: AsOfSource;
  readonly asOfDay: Day;
  readonly dueSoonDays: number;
  readonly dateSystem: DateSystem;
}

/** The marks of a check, per sheet: the same for the pane and the highlighted copy. */
export function planMarks(input: MarkInput): MarkPlan {
  const sheets = new Map<string, SheetBuilder>();
  const sheetOf = (ledger: Ledger) => {
    let b = sheets.get(ledger.sheet);
    if (!b) sheets.set(ledger.sheet, (b = new SheetBuilder(ledger)));
    return b;
  };
  const ctx: GuardContext = { asOfDay: input.asOfDay, dueSoonDays: input.dueSoonDays, dateSystem: input.dateSystem };
  const statusOf = new Map<string, Map<number, MarkKind>>();
  for (const p of input.projects) {
    const kind = p.status ? STATUS_MARK[p.status] : undefined;
    if (!kind) continue;
    let rows = statusOf.get(p.sheet);
    if (!rows) statusOf.set(p.sheet, (rows = new Map()));
    rows.set(p.row, kind);
  }

  // Live start-date marks, and the rows the live formula decides otherwise than the core.
  const coveredErrors = new Set<string>();
  for (const { ledger, rows } of input.ledgers) {
    if (ledger.kind !== "projects" || !columnOf(ledger, "stage")) continue;
    const b = sheetOf(ledger);
    const status = statusOf.get(ledger.sheet) ?? new Map<number, MarkKind>();
    const live = liveLedger(ledger, rows, status, input.findings, ctx);
    for (const m of live.marks) b.add(m);
    for (const g of live.guarded) b.guard(g.kind, g.column, g.condition, g.row);
    for (const key of live.coveredErrors) coveredErrors.add(key);
    b.count += status.size;
  }

  // Guarded marks on the cells of error findings.
  const rowsOf = new Map<string, Map<number, { ledger: Ledger; row: ParsedRow }>>();
  for (const { ledger, rows } of input.ledgers) {
    const m = new Map<number, { ledger: Ledger; row: ParsedRow }>();
    for (const row of rows) m.set(row.row, { ledger, row });
    rowsOf.set(ledger.sheet, m);
  }
  const markedCells = new Set<string>();
  for (const f of input.findings) {
    if (f.severity !== "error" || f.row === null || f.column === null || !f.sheet) continue;
    const at = rowsOf.get(f.sheet)?.get(f.row);
    if (!at || RULE_READS[f.rule] === undefined) continue;
    const b = sheetOf(at.ledger);
    const key = `${f.sheet}\u0000${f.row}\u0000${f.column}`;
    if (!markedCells.has(key)) {
      markedCells.add(key);
      b.count++;
    }
    if (coveredErrors.has(`${key}\u0000${f.rule}`)) continue;
    b.guard("error-cell", f.column, findingGuard(f, at.ledger, at.row, ctx), f.row);
  }
  return { asOf: input.asOf, asOfDay: input.asOfDay, sheets: [...sheets.values()].map((b) => b.finish()) };
}

class SheetBuilder {
  private readonly marks: PlannedMark[] = [];
  private readonly guards = new Map<string, { kind: MarkKind; column: number | null; condition: string; rows: number[] }>();
  private readonly sheet: string;
  private readonly columns: { left: number; right: number };
  count = 0;

  constructor(ledger: Ledger) {
    this.sheet = ledger.sheet;
    const numbers = ledger.columns.map((c) => c.column);
    this.columns = { left: Math.min(...numbers), right: Math.max(...numbers) };
  }

  add(m: PlannedMark): void {
    this.marks.push(m);
  }

  /** Rows that share a guard's condition (the same snapshots) share one mark. */
  guard(kind: MarkKind, column: number | null, condition: string, row: number): void {
    const key = `${kind}\u0000${column ?? ""}\u0000${condition}`;
    let g = this.guards.get(key);
    if (!g) this.guards.set(key, (g = { kind, column, condition, rows: [] }));
    g.rows.push(row);
  }

  finish(): SheetMarkPlan {
    const guarded = [...this.guards.values()].map((g): PlannedMark => ({ kind: g.kind, live: false, condition: g.condition, runs: runsOf(g.rows), column: g.column }));
    return { sheet: this.sheet, marks: [...this.marks, ...guarded], columns: this.columns, count: this.count };
  }
}

// ---------------------------------------------------------------------------------------------
// Live start-date marks

interface GuardContext {
  readonly asOfDay: Day;
  readonly dueSoonDays: number;
  readonly dateSystem: DateSystem;
}

interface LiveColumns {
  readonly stage: number;
  readonly planned: number | null;
  readonly actual: number | null;
}

function liveLedger(
  ledger: Ledger,
  rows: readonly ParsedRow[],
  status: ReadonlyMap<number, MarkKind>,
  findings: readonly Finding[],
  ctx: GuardContext,
): {
  marks: PlannedMark[];
  guarded: { kind: MarkKind; column: number | null; condition: string; row: number }[];
  coveredErrors: string[];
} {
  const cols: LiveColumns = {
    stage: columnOf(ledger, "stage")!.column,
    planned: columnOf(ledger, "plannedStart")?.column ?? null,
    actual: columnOf(ledger, "actualStart")?.column ?? null,
  };
  // Where projectRowFindings puts missing-planned-start and overdue-start.
  const errorColumn = cols.planned ?? (columnOf(ledger, "name") ?? ledger.columns[0]).column;
  const startErrors = new Set<number>();
  for (const f of findings) {
    if (f.sheet === ledger.sheet && f.row !== null && f.column === errorColumn && (f.rule === "missing-planned-start" || f.rule === "overdue-start")) startErrors.add(f.row);
  }

  const liveRows = rows.map((r) => r.row);
  const last = liveRows.length > 0 ? liveRows[liveRows.length - 1] : Math.max(...ledger.headerRows);
  const stop = Math.min(last + HEADROOM_ROWS, (ledger.afterData ?? Infinity) - 1);
  for (let r = last + 1; r <= stop; r++) liveRows.push(r);
  // A 合计 or 小计 row below data rows joins the areas (where the live formula is false on it, as on
  // any total row): a row inserted right above it then falls inside an area, which Excel widens.
  const first = liveRows.length > 0 ? liveRows[0] : Infinity;
  for (const t of ledger.totals) {
    if (t.row <= first || t.row > (ledger.afterData ?? Infinity)) continue;
    if (liveKindOf({ stage: t.cells.stage, planned: t.cells.plannedStart, actual: t.cells.actualStart }, cols, ctx) === null) liveRows.push(t.row);
  }

  const cut: Record<"start-alert" | "start-soon", Set<number>> = { "start-alert": new Set(), "start-soon": new Set() };
  const errorCut = new Set<number>();
  const guarded: { kind: MarkKind; column: number | null; condition: string; row: number }[] = [];
  const coveredErrors: string[] = [];
  for (const r of rows) {
    const live = liveKindOf({ stage: r.raw?.stage, planned: r.raw?.plannedStart, actual: r.raw?.actualStart }, cols, ctx);
    const core = status.get(r.row);
    if (live && live !== core) cut[live].add(r.row);
    if (core && core !== live) guarded.push({ kind: core, column: null, condition: statusGuard(r, core, cols, ctx), row: r.row });
    // The error cell of a start alert is marked live where the row's alert is, and guarded otherwise (findingGuard).
    const error = startErrors.has(r.row);
    if (live === "start-alert" && !error) errorCut.add(r.row);
    if (live === "start-alert" && error) {
      for (const rule of ["missing-planned-start", "overdue-start"]) coveredErrors.push(`${ledger.sheet}\u0000${r.row}\u0000${errorColumn}\u0000${rule}`);
    }
  }

  const runsWithout = (skip: ReadonlySet<number>) => runsOf(liveRows.filter((r) => !skip.has(r)));
  const marks: PlannedMark[] = [
    { kind: "start-alert", live: true, condition: liveCondition("start-alert", cols, ctx), runs: runsWithout(cut["start-alert"]), column: null },
  ];
  if (cols.planned !== null) {
    marks.push({ kind: "start-soon", live: true, condition: liveCondition("start-soon", cols, ctx), runs: runsWithout(cut["start-soon"]), column: null });
  }
  marks.push({ kind: "error-cell", live: true, condition: liveCondition("start-alert", cols, ctx), runs: runsWithout(errorCut), column: errorColumn });
  return { marks: marks.filter((m) => m.runs.length > 0), guarded, coveredErrors };
}

/** The live formula's condition for a projects ledger (ROW and ASOF placeholders). */
export function liveCondition(kind: "start-alert" | "start-soon", cols: LiveColumns, ctx: Pick<GuardContext, "dueSoonDays">): string {
  const s = ref(cols.stage);
  const parts = [signedText(s)];
  if (cols.actual !== null) parts.push(blankText(ref(cols.actual)));
  if (cols.planned !== null) {
    const p = ref(cols.planned);
    const inRange = `${p}>=DATE(1950,1,1),${p}<DATE(2201,1,1)`;
    parts.push(
      kind === "start-alert"
        ? `IF(ISNUMBER(${p}),AND(${inRange},INT(${p})<${ASOF}),${blankText(p)})`
        : `IF(ISNUMBER(${p}),AND(${inRange},INT(${p})>=${ASOF},INT(${p})<=${ASOF}+${numberText(ctx.dueSoonDays)}),FALSE)`,
    );
  } else if (kind === "start-soon") parts.push("FALSE");
  return `AND(${parts.join(",")})`;
}

/** The raw cells the live formula reads on one row. */
export interface LiveCells {
  readonly stage: CellValue;
  readonly planned: CellValue;
  readonly actual: CellValue;
}

/**
 * What the live formula evaluates to on these cells (the mirror): the mark it shows, or null.
 * Cells as a spreadsheet holds them: a Date is the serial number a date cell holds.
 */
export function liveKindOf(cells: LiveCells, cols: { planned: number | null; actual: number | null }, ctx: GuardContext): "start-alert" | "start-soon" | null {
  if (typeof cells.stage !== "string" || !SIGNED_WORDS.includes(cells.stage)) return null;
  if (cols.actual !== null && !isLiveBlank(cells.actual)) return null;
  if (cols.planned === null) return "start-alert";
  const serial = asNumber(cells.planned, ctx.dateSystem);
  if (serial === null) return isLiveBlank(cells.planned) ? "start-alert" : null;
  if (serial < serialFromDay(FIRST_DATE_DAY, ctx.dateSystem) || serial >= serialFromDay(END_DATE_DAY, ctx.dateSystem)) return null;
  const day = dayFromSerial(serial, ctx.dateSystem);
  if (day < ctx.asOfDay) return "start-alert";
  return day <= ctx.asOfDay + ctx.dueSoonDays ? "start-soon" : null;
}

/** What blankText() says of a cell: empty, or only ASCII spaces. */
function isLiveBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && /^ *$/.test(v));
}

/** The number a cell holds as a spreadsheet sees it (a date cell is its serial), or null. */
function asNumber(v: CellValue, system: DateSystem): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) {
    const t = v.getTime();
    if (isNaN(t)) return null;
    const day = dayFromDate(v)!;
    return serialFromDay(day, system) + (t / 86_400_000 - day);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Guards

/** The guard of a start-date status the live formula does not decide: the three cells as they are, and the as-of test. */
function statusGuard(r: ParsedRow, kind: MarkKind, cols: LiveColumns, ctx: GuardContext): string {
  const parts = [snapshotText(ref(cols.stage), r.raw?.stage, "stage", ctx)];
  if (cols.planned !== null) parts.push(snapshotText(ref(cols.planned), r.raw?.plannedStart, "plannedStart", ctx));
  if (cols.actual !== null) parts.push(snapshotText(ref(cols.actual), r.raw?.actualStart, "actualStart", ctx));
  const planned = r.dates.plannedStart;
  if (planned !== undefined) parts.push(kind === "start-soon" ? dueSoonText(planned, ctx) : `${dateLiteral(planned)}<${ASOF}`);
  const years = yearGuard([r.raw?.plannedStart, r.raw?.actualStart], ctx);
  if (years) parts.push(years);
  return `AND(${parts.join(",")})`;
}

function dueSoonText(planned: Day, ctx: GuardContext): string {
  const d = dateLiteral(planned);
  return `AND(${d}>=${ASOF},${d}<=${ASOF}+${numberText(ctx.dueSoonDays)})`;
}

/** The guard of an error finding's cell: each cell its rule reads, as it is; the as-of where the rule reads it. */
function findingGuard(f: Finding, ledger: Ledger, r: ParsedRow, ctx: GuardContext): string {
  const reads = RULE_READS[f.rule]!;
  const fields = reads === "field" ? (f.field ? [f.field] : []) : reads;
  const parts: string[] = [];
  const raws: CellValue[] = [];
  let allBlank = true;
  for (const field of fields) {
    const column = columnOf(ledger, field)?.column;
    if (column === undefined) continue;
    const raw = r.raw?.[field];
    raws.push(raw);
    if (!isLiveBlank(raw)) allBlank = false;
    parts.push(snapshotText(ref(column), raw, field, ctx));
  }
  if (f.rule === "overdue-start" && r.dates.plannedStart !== undefined) parts.push(`${dateLiteral(r.dates.plannedStart)}<${ASOF}`);
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
  return (r.text as Partial<Record<FieldId, unknown>>)[field] !== undefined || r.unreadable.has(field);
}

/** A text date read in the as-of year (8月15日) means another day in another year: the guard then holds in this year only. */
function yearGuard(raws: readonly CellValue[], ctx: GuardContext): string | null {
  const year = ymd(ctx.asOfDay).year;
  for (const raw of raws) {
    if (typeof raw !== "string") continue;
    const withYear = parseDate(raw, { dateSystem: ctx.dateSystem, defaultYear: year });
    const without = parseDate(raw, { dateSystem: ctx.dateSystem, defaultYear: NaN });
    if (JSON.stringify(withYear) !== JSON.stringify(without)) return `YEAR(${ASOF})=${year}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Formula text

function ref(column: number): string {
  return `$${columnLetter(column)}${ROW}`;
}

/** Empty, or only ASCII spaces (a cell holding "" counts, as in the core). */
function blankText(x: string): string {
  return `IF(ISTEXT(${x}),EXACT(REPT(" ",LEN(${x})),${x}),ISBLANK(${x}))`;
}

function signedText(x: string): string {
  return `IF(ISTEXT(${x}),OR(${SIGNED_WORDS.map((w) => `EXACT(${x},${textLiteral(w)})`).join(",")}),FALSE)`;
}

/**
 * "This cell still holds `raw`", as the core would read it: blank as blank, text exactly (long
 * text by its length and first MAX_LITERAL characters), a date serial by its day, other numbers,
 * booleans and error values by value (any error: the core reads every error value alike).
 */
export function snapshotText(x: string, raw: CellValue, field: FieldId, ctx: Pick<GuardContext, "dateSystem">): string {
  if (isLiveBlank(raw)) return blankText(x);
  if (typeof raw === "string") {
    if (raw.length <= MAX_LITERAL) return `IF(ISTEXT(${x}),EXACT(${x},${textLiteral(raw)}),FALSE)`;
    let cut = MAX_LITERAL;
    if (/[\ud800-\udbff]/.test(raw.charAt(cut - 1))) cut--; // never split a surrogate pair
    return `IF(ISTEXT(${x}),AND(LEN(${x})=${raw.length},EXACT(LEFT(${x},${cut}),${textLiteral(raw.slice(0, cut))})),FALSE)`;
  }
  if (typeof raw === "boolean") return `IF(ISLOGICAL(${x}),${raw ? x : `NOT(${x})`},FALSE)`;
  if (isCellError(raw)) return `ISERROR(${x})`;
  const n = asNumber(raw, ctx.dateSystem);
  if (n === null) return "FALSE";
  if (DATE_FIELDS.has(field) && n >= serialFromDay(FIRST_DATE_DAY, ctx.dateSystem) && n < serialFromDay(END_DATE_DAY, ctx.dateSystem)) {
    return `IF(ISNUMBER(${x}),INT(${x})=${Math.floor(n)},FALSE)`;
  }
  return `IF(ISNUMBER(${x}),${numberEquals(x, n)},FALSE)`;
}

/** A number compared as Excel reads a literal (15 significant digits). */
function numberEquals(x: string, n: number): string {
  const text = numberText(n);
  return Number(text) === n ? `${x}=${text}` : `ABS(${x}-(${text}))<=${numberText(Math.abs(n) * 1e-14)}`;
}

function numberText(n: number): string {
  const exact = String(n);
  const digits = exact.replace(/e.*$/i, "").replace(/[-.]/g, "").replace(/^0+/, "").length;
  return (digits <= 15 ? exact : String(Number(n.toPrecision(15)))).toUpperCase();
}

/**
 * A text as a formula's string: quotes doubled, control characters (which a formula cannot hold
 * inside quotes) as CHAR(n).
 */
export function textLiteral(s: string): string {
  const parts: string[] = [];
  let run = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f) {
      if (run) parts.push(`"${run}"`);
      run = "";
      parts.push(`CHAR(${c})`);
    } else run += ch === '"' ? '""' : ch;
  }
  if (run || parts.length === 0) parts.push(`"${run}"`);
  return parts.join("&");
}

// ---------------------------------------------------------------------------------------------
// From a plan to the formats a host writes

export interface RenderOptions {
  /** A sheet's used columns, for row marks; null: the ledger's own columns. */
  readonly span: (sheet: string) => { readonly left: number; readonly right: number } | null;
  /** The as-of as the formulas say it: AS_OF_NAME where the host keeps that name, else inlineAsOf(plan). */
  readonly asOfRef: string;
  /** Each format's area list stays within this many address characters (Worksheet.getRanges). */
  readonly maxAddressChars: number;
  /** One format per area (Excel without range areas). */
  readonly oneAreaPerFormat?: boolean;
}

/** One conditional format as a host writes it. */
export interface MarkFormat {
  readonly sheet: string;
  readonly kind: MarkKind;
  /** Sorted by top row, then column: the first area's top row is the smallest (the formula's anchor). */
  readonly areas: readonly MergeArea[];
  /** The formula without "=": `AND(ISTEXT("<id>"),<condition at the first area's top row>)`. */
  readonly formula: string;
  /** The marker string, `zsledger-mark:<kind>:<digest>`: the format's identity. */
  readonly id: string;
}

export function markFormats(plan: MarkPlan, options: RenderOptions): MarkFormat[] {
  const out: MarkFormat[] = [];
  for (const sheet of plan.sheets) {
    const span = options.span(sheet.sheet) ?? sheet.columns;
    for (const m of sheet.marks) {
      const areas = m.runs
        .map(([top, bottom]): MergeArea => (m.column === null ? { top, bottom, left: span.left, right: span.right } : { top, bottom, left: m.column, right: m.column }))
        .sort((a, b) => a.top - b.top || a.left - b.left);
      // A guarded mark is one format per run: an edit that changes one finding then adds or
      // deletes that run's format alone. A live mark's areas change only as the ledger's rows do.
      const lists = options.oneAreaPerFormat || !m.live ? areas.map((a) => [a]) : packAreaLists(areas, options.maxAddressChars);
      for (const list of lists) {
        const condition = m.condition.split(ROW).join(String(list[0].top)).split(ASOF).join(options.asOfRef);
        const id = `${MARK_PREFIX}${m.kind}:${digest([m.kind, condition, ...list.map(areaText)].join("|"))}`;
        out.push({ sheet: sheet.sheet, kind: m.kind, areas: list, formula: `AND(ISTEXT(${textLiteral(id)}),${condition})`, id });
      }
    }
  }
  return out;
}

/** "A5:P7", or "C9" for a single cell. */
export function areaText(a: MergeArea): string {
  const start = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? start : `${start}:${cellAddress(a.bottom, a.right)}`;
}

/** Areas in lists whose comma-joined addresses stay within `maxChars` (one area alone may be longer). */
export function packAreaLists(areas: readonly MergeArea[], maxChars: number): MergeArea[][] {
  const lists: MergeArea[][] = [];
  let current: MergeArea[] = [];
  let length = 0;
  for (const a of areas) {
    const text = areaText(a).length;
    if (current.length > 0 && length + 1 + text > maxChars) {
      lists.push(current);
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? 1 : 0) + text;
    current.push(a);
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

/** Whether a conditional format's formula is one zsledger wrote (this version or the previous one). */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(`"${MARK_PREFIX}`);
}

/** The marker string of one of our formulas (its identity), or null. */
export function markIdOf(formula: string | null | undefined): string | null {
  if (typeof formula !== "string") return null;
  const m = /"(zsledger-mark:[^"]*)"/.exec(formula);
  return m ? m[1] : null;
}

/** 64 bits of FNV-1a over UTF-16 code units, as 16 hex digits: a format's identity, not a secret. */
function digest(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

/** Consecutive numbers merged into runs: [5, 6, 7, 9] → [[5, 7], [9, 9]]; any order, repeats allowed. */
export function runsOf(numbers: Iterable<number>): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}
