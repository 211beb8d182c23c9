/**
 * Runs the catalog's checks, scope by scope, in the catalog's order: the workbook's, a ledger
 * sheet's, the 台账设置 sheet's, a cell's value (asked by read.ts as it reads each cell) and a
 * project row's.
 */
import type { Finding, MessageParams } from "../findings";
import type { Ledger } from "../ledger";
import { columnOf } from "../ledger";
import type { ParsedRow } from "../row";
import { cellAddress } from "../sheet";
import { RULES } from "./catalog";
import {
  finding,
  type CellReading,
  type CellReadings,
  type Hit,
  type ProjectRowContext,
  type ProjectRowRule,
  type RowHit,
  type RuleDef,
  type SheetFacts,
  type SettingsFacts,
  type SettingsRule,
  type SheetRule,
  type ValueRule,
  type WorkbookFacts,
  type WorkbookRule,
} from "./rule";

const CATALOG: readonly RuleDef[] = Object.values(RULES);
const WORKBOOK_RULES = CATALOG.filter((r): r is WorkbookRule => r.scope === "workbook");
const SHEET_RULES = CATALOG.filter((r): r is SheetRule => r.scope === "sheet");
const SETTINGS_RULES = CATALOG.filter((r): r is SettingsRule => r.scope === "settings");
const PROJECT_ROW_RULES = CATALOG.filter((r): r is ProjectRowRule => r.scope === "project-row");

function valueRules<K extends CellReading>(cells: K): ValueRule<RuleDef["id"], MessageParams, K>[] {
  return CATALOG.filter((r): r is ValueRule<RuleDef["id"], MessageParams, K> => r.scope === "value" && r.cells === cells);
}
const VALUE_RULES: { readonly [K in CellReading]: readonly ValueRule<RuleDef["id"], MessageParams, K>[] } = {
  amount: valueRules("amount"),
  date: valueRules("date"),
  flag: valueRules("flag"),
  stage: valueRules("stage"),
  required: valueRules("required"),
};

export function workbookFindings(wb: WorkbookFacts): Finding[] {
  const place = { sheet: "", cell: "", row: null, column: null, field: null };
  return WORKBOOK_RULES.flatMap((rule) => rule.check(wb).map((hit) => finding(rule, place, hit)));
}

export function sheetFindings(sheet: SheetFacts): Finding[] {
  return SHEET_RULES.flatMap((rule) => rule.check(sheet).map((hit) => finding(rule, hit.place, hit)));
}

export function settingsFindings(facts: SettingsFacts): Finding[] {
  return SETTINGS_RULES.flatMap((rule) => rule.check(facts).map((hit) => finding(rule, hit.place, hit)));
}

/** A value rule's hit on one cell, and the rule. */
export interface ValueHit extends Hit<MessageParams> {
  readonly rule: RuleDef;
}

/**
 * What the value rules say of one cell. The rules of one kind of cell are exclusive (an amount is
 * unreadable, foreign or approximate, never two of them), so a cell raises one finding at most.
 */
export function valueHit<K extends CellReading>(cells: K, reading: CellReadings[K], raw: Parameters<ValueRule["check"]>[1]): ValueHit | null {
  for (const rule of VALUE_RULES[cells]) {
    const hit = rule.check(reading, raw);
    if (hit) return { rule, params: hit.params, severity: hit.severity };
  }
  return null;
}

/** Every row rule over every project row; a finding sits on its field's cell, else the row's name cell. */
export function projectRowFindings(ledger: Ledger, rows: readonly ParsedRow[], ctx: ProjectRowContext, multiUnit: boolean): Finding[] {
  const fallback = (columnOf(ledger, "name") ?? ledger.columns[0]).column;
  const out: Finding[] = [];
  for (const r of rows) {
    for (const rule of PROJECT_ROW_RULES) {
      const hits = rule.check(r, ctx);
      if (!hits) continue;
      for (const hit of Array.isArray(hits) ? (hits as readonly RowHit<MessageParams>[]) : [hits as RowHit<MessageParams>]) {
        const column = columnOf(ledger, hit.field)?.column ?? fallback;
        const place = { sheet: ledger.sheet, cell: cellAddress(r.row, column), row: r.row, column, field: hit.field, unit: multiUnit ? r.unit : undefined };
        out.push(finding(rule, place, hit));
      }
    }
  }
  return out;
}
