/**
 * Runs the catalog's checks, scope by scope, in the catalog's order: the workbook's, a ledger
 * sheet's, the 台账设置 sheet's, the 台账核实 sheet's, a cell's value (asked by read.ts as it reads each cell) and a
 * project row's.
 */
import { targetColumns } from "../assess";
import type { Finding, MessageParams } from "../findings";
import type { FieldId, Ledger, LedgerKind } from "../ledger";
import { columnOf } from "../ledger";
import type { TargetId } from "../result";
import { valueTypeOf, type ParsedRow } from "../row";
import { cellAddress } from "../sheet";
import { RULES } from "./catalog";
import {
  finding,
  type ColumnNeed,
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
  type VerificationsFacts,
  type VerificationsRule,
  type WorkbookFacts,
  type WorkbookRule,
} from "./rule";

const CATALOG: readonly RuleDef[] = Object.values(RULES);
const WORKBOOK_RULES = CATALOG.filter((r): r is WorkbookRule => r.scope === "workbook");
const SHEET_RULES = CATALOG.filter((r): r is SheetRule => r.scope === "sheet");
const SETTINGS_RULES = CATALOG.filter((r): r is SettingsRule => r.scope === "settings");
const VERIFICATIONS_RULES = CATALOG.filter((r): r is VerificationsRule => r.scope === "verifications");
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

export function sheetFindings(sheet: Omit<SheetFacts, "needs">, targets: readonly TargetId[]): Finding[] {
  const facts: SheetFacts = { ...sheet, needs: columnNeeds(sheet.ledger.kind, targets) };
  return SHEET_RULES.flatMap((rule) => rule.check(facts).map((hit) => finding(rule, hit.place, hit)));
}

/**
 * The columns a row rule cannot do without: those it reads, flags aside. A ledger without a flag's
 * column reads 否 on every row, as a blank flag does (DOMAIN.md), so the rule still answers right.
 */
function neededBy(rule: ProjectRowRule): readonly FieldId[] {
  return rule.reads.filter((f) => valueTypeOf(f) !== "flag");
}

/**
 * What a ledger of `kind` needs, derived from the catalog and the targets: the columns of its row
 * rules (a projects ledger's), and the columns each of `targets` counts on a ledger of this kind.
 */
function columnNeeds(kind: LedgerKind, targets: readonly TargetId[]): ColumnNeed[] {
  const needs = new Map<string, { fields: readonly FieldId[]; rules: RuleDef[]; targets: TargetId[] }>();
  const need = (fields: readonly FieldId[]) => {
    const key = fields.join("|");
    let entry = needs.get(key);
    if (!entry) needs.set(key, (entry = { fields, rules: [], targets: [] }));
    return entry;
  };
  if (kind === "projects") for (const rule of PROJECT_ROW_RULES) for (const f of neededBy(rule)) need([f]).rules.push(rule);
  for (const id of targets) {
    const columns = targetColumns(id);
    if (columns.ledger !== kind) continue;
    for (const f of columns.all) need([f]).targets.push(id);
    if (columns.any.length > 0) need(columns.any).targets.push(id);
  }
  return [...needs.values()];
}

export function settingsFindings(facts: SettingsFacts): Finding[] {
  return SETTINGS_RULES.flatMap((rule) => rule.check(facts).map((hit) => finding(rule, hit.place, hit)));
}

export function verificationFindings(facts: VerificationsFacts): Finding[] {
  return VERIFICATIONS_RULES.flatMap((rule) => rule.check(facts).map((hit) => finding(rule, hit.place, hit)));
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
  // A rule whose column the ledger lacks would read every row's cell as blank (missing-column says so instead).
  const rules = PROJECT_ROW_RULES.filter((rule) => neededBy(rule).every((f) => columnOf(ledger, f)));
  const out: Finding[] = [];
  for (const r of rows) {
    for (const rule of rules) {
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
