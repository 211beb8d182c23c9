/**
 * The 台账核实 sheet: findings a unit has checked and accepts (已核实), one per row under the header
 * 规则 | 工作表 | 行键 | 理由 | 核实人 | 日期. Known by its name like 台账设置, its rows are read as
 * verifications, never as a ledger. A row that cannot be used is an issue (the
 * `invalid-verification` rule words it), never a throw, whatever its cells hold.
 */
import { isoDay } from "../day";
import type { RuleId } from "../findings";
import { RULES } from "../rules/catalog";
import { isBlank, type CellValue, type DateSystem, type SheetRow } from "../sheet";
import { compact, displayValue } from "../text";
import { parseSettingDate } from "../values/date";

export const VERIFICATION_SHEET = "台账核实";

/** The header the pane writes in row 1, in this order; English words are accepted too. */
export const VERIFICATION_HEADER = ["规则", "工作表", "行键", "理由", "核实人", "日期"] as const;
type Column = "rule" | "sheet" | "key" | "reason" | "by" | "date";
const COLUMNS: readonly Column[] = ["rule", "sheet", "key", "reason", "by", "date"];
const HEADER_WORDS: Readonly<Record<Column, readonly string[]>> = {
  rule: ["规则", "rule"],
  sheet: ["工作表", "sheet"],
  key: ["行键", "rowkey", "key"],
  reason: ["理由", "核实理由", "reason"],
  by: ["核实人", "by", "verifiedby"],
  date: ["日期", "核实日期", "date"],
};

export function isVerificationSheet(name: string): boolean {
  const key = compact(name).toLowerCase();
  return key === "台账核实" || key === "verifications";
}

/**
 * The rules whose findings a unit may verify: those of one cell (value rules) and of one project
 * row (project-row rules), whose row key ties the verification to the row's content. A finding
 * about the sheet or the workbook (a missing column or ledger, a duplicate, a total, a setting)
 * is about the ledger's structure: it is put right, not accepted.
 */
export function isVerifiable(rule: RuleId): boolean {
  const scope = RULES[rule].scope;
  return scope === "value" || scope === "project-row";
}

/** One usable row of the sheet. */
export interface Verification {
  readonly rule: RuleId;
  readonly sheet: string;
  readonly key: string;
  readonly reason: string;
  readonly by: string;
  /** ISO day, or "" when not written. */
  readonly date: string;
}

/** Why a row of the sheet is not used; `value` is what the cell holds, display-ready and short. */
export interface VerificationIssue {
  readonly kind: "unknown-rule" | "not-verifiable" | "no-place" | "no-reason" | "invalid-date";
  readonly row: number;
  readonly column: number;
  readonly value: string;
}

export interface VerificationsRead {
  readonly verifications: readonly Verification[];
  readonly issues: readonly VerificationIssue[];
}

/** Quoted cell text in a message is cut to this many characters. */
const QUOTED = 40;

/** A rule by its id, or its Chinese or English title, as written in the 规则 column. */
const RULE_BY_NAME: ReadonlyMap<string, RuleId> = new Map(
  (Object.keys(RULES) as RuleId[]).flatMap((id) => [id, RULES[id].zh.title, RULES[id].en.title].map((name) => [compact(name).toLowerCase(), id] as const)),
);

/** The rows of a 台账核实 sheet, read. Row 1 (the first non-blank row) may be a header that places the columns; without one, A–F. */
export function readVerifications(rows: Iterable<SheetRow>, dateSystem: DateSystem): VerificationsRead {
  const verifications: Verification[] = [];
  const issues: VerificationIssue[] = [];
  let at: Readonly<Record<Column, number>> | null = null;
  for (const row of rows) {
    if (row.values.every(isBlank)) continue;
    if (at === null) {
      const header = headerColumns(row.values);
      at = header ?? Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<Column, number>;
      if (header) continue;
    }
    const read = readRow(row, at, dateSystem);
    if ("kind" in read) issues.push(read);
    else verifications.push(read);
  }
  return { verifications, issues };
}

/**
 * Where a header row puts each column of VERIFICATION_HEADER, in its order (0-based, -1 for one it
 * does not name), or null when the row is no header (it names neither 规则 nor 行键): how the
 * reader places the columns, and how the hosts lay out the row they append.
 */
export function verificationHeaderColumns(values: readonly CellValue[]): readonly number[] | null {
  const words = values.map((v) => (typeof v === "string" ? compact(v).toLowerCase() : ""));
  const at = COLUMNS.map((c) => words.findIndex((w) => HEADER_WORDS[c].includes(w)));
  return at[COLUMNS.indexOf("rule")] < 0 || at[COLUMNS.indexOf("key")] < 0 ? null : at;
}

/** The columns a header row places, or null when the row is no header. */
function headerColumns(values: readonly CellValue[]): Record<Column, number> | null {
  const at = verificationHeaderColumns(values);
  if (at === null) return null;
  const found = Object.fromEntries(COLUMNS.map((c, i) => [c, at[i]])) as Record<Column, number>;
  // A column the header does not name keeps its place in the standard order.
  COLUMNS.forEach((c, i) => {
    if (found[c] < 0) found[c] = i;
  });
  return found;
}

function readRow(row: SheetRow, at: Readonly<Record<Column, number>>, dateSystem: DateSystem): Verification | VerificationIssue {
  const cell = (c: Column): CellValue => row.values[at[c]];
  const text = (c: Column): string => (isBlank(cell(c)) ? "" : displayValue(cell(c)).trim());
  const issue = (kind: VerificationIssue["kind"], c: Column): VerificationIssue => ({ kind, row: row.row, column: at[c] + 1, value: quoted(text(c)) });

  const ruleText = text("rule");
  const rule = typeof cell("rule") === "string" ? RULE_BY_NAME.get(compact(ruleText).toLowerCase()) : undefined;
  if (rule === undefined) return issue("unknown-rule", "rule");
  if (!isVerifiable(rule)) return issue("not-verifiable", "rule");
  if (text("sheet") === "") return issue("no-place", "sheet");
  if (text("key") === "") return issue("no-place", "key");
  const reason = text("reason");
  if (reason === "") return issue("no-reason", "reason");
  let date = "";
  if (!isBlank(cell("date"))) {
    const day = parseSettingDate(cell("date"), dateSystem);
    if (day === null) return issue("invalid-date", "date");
    date = isoDay(day);
  }
  return { rule, sheet: text("sheet"), key: text("key"), reason, by: text("by"), date };
}

function quoted(s: string): string {
  return s.length > QUOTED ? `${s.slice(0, QUOTED)}…` : s;
}
