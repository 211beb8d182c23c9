/**
 * The as-of date the live marks compare with, and where it comes from. A host that can keep a
 * workbook-level defined name writes AS_OF_NAME with asOfFormula's formula and the marks refer to
 * the name (a conditional format's formula may not safely refer to another sheet; a defined name
 * may), so editing 统计截止日 in 台账设置 moves the marks with no re-check; a host that cannot
 * writes the day itself into each formula (inlineAsOf).
 */
import { dayFromSerial, type Day } from "../day";
import type { RecognizedSheet } from "../ledger";
import { readSettingsEntries } from "../settingsParse";
import { columnLetter, type DateSystem } from "../sheet";
import { dateLiteral } from "./formulaText";
import type { MarkPlan } from "./mark";

/** The workbook-level defined name that holds the as-of date the live marks compare with. */
export const AS_OF_NAME = "zsledger_asof";

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

/**
 * Where the as-of date comes from, in the order the settings resolve it: a surface's override
 * (`set`: a flag, the pane's own setting, a unit's settings) is the day itself; else the first
 * 台账设置 sheet that sets it — its cell, when a formula reads it as the core does (a date cell, or
 * the text yyyy-mm-dd that the pane writes), the day otherwise; else today.
 */
export function asOfSource(sheets: readonly RecognizedSheet[], set: Day | undefined, dateSystem: DateSystem): AsOfSource {
  if (set !== undefined) return { kind: "day", day: set };
  for (const s of sheets) {
    if (s.type !== "settings") continue;
    // The value the settings took (read by the one settings reader), at its cell.
    const read = readSettingsEntries(s.entries, dateSystem);
    const source = read.sources.asOf;
    const day = read.overrides.asOf;
    if (!source || day === undefined) continue;
    const entry = s.entries.find(([, , row, column]) => row === source.cell.row && column === source.cell.column);
    const raw = entry?.[1];
    const readable =
      raw instanceof Date || (typeof raw === "number" && dayFromSerial(raw, dateSystem) === day) || (typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw));
    return readable ? { kind: "cell", sheet: s.sheet, row: source.cell.row, column: source.cell.column } : { kind: "day", day };
  }
  return { kind: "today" };
}
