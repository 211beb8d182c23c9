/** Rules on a ledger as a whole: its columns, repeated projects, its 合计 and 小计 rows. */
import type { Finding } from "../findings";
import type { FieldId, Ledger } from "../ledger";
import { columnOf } from "../ledger";
import { FIELD_LABELS } from "../labels";
import { projectKey, type ParsedRow } from "../read";
import { cellAddress } from "../sheet";
import { displayValue } from "../text";
import { parseAmount } from "../values/amount";
import type { AmountUnit } from "../values/types";
import { defineRule, finding } from "./rule";

export const missingColumn = defineRule(
  "missing-column",
  "error",
  (p) => `项目台账缺少必需的列：${p.fields}`,
  (p) => `the projects ledger lacks required columns: ${p.fieldsEn}`,
);
export const duplicateColumn = defineRule(
  "duplicate-column",
  "warning",
  (p) => `列“${p.header}”与第 ${p.first} 列“${p.firstHeader}”重复，本列未读取`,
  (p) => `column "${p.header}" repeats column ${p.first} "${p.firstHeader}" and was ignored`,
);
export const duplicateProject = defineRule(
  "duplicate-project",
  "warning",
  (p) => `项目“${p.name}”与第 ${p.firstRow} 行重复`,
  (p) => `project "${p.name}" repeats row ${p.firstRow}`,
);
export const totalMismatch = defineRule(
  "total-mismatch",
  "warning",
  (p, field) => `${p.label}行的${field} ${p.total} 与其上数据之和 ${p.sum} 不符`,
  (p, field) => `the ${p.labelEn} row's ${field} ${p.total} differs from the sum of the rows above, ${p.sum}`,
);

export const SHEET_RULES = [missingColumn, duplicateColumn, duplicateProject, totalMismatch];

const PROJECT_REQUIRED: readonly FieldId[] = ["name", "investment", "stage"];
const SUMMED_FIELDS: readonly FieldId[] = ["investment", "fundsInPlace"];

export function sheetFindings(ledger: Ledger, rows: readonly ParsedRow[], multiUnit: boolean): Finding[] {
  return [
    ...missingColumns(ledger),
    ...duplicateColumns(ledger),
    ...(ledger.kind === "projects" ? duplicateProjects(ledger, rows, multiUnit) : []),
    ...totalMismatches(ledger, rows),
  ];
}

function missingColumns(ledger: Ledger): Finding[] {
  if (ledger.kind !== "projects") return [];
  const missing = PROJECT_REQUIRED.filter((f) => !columnOf(ledger, f));
  if (missing.length === 0) return [];
  // The header row's first cell: where a person looks for the header, whatever columns were read.
  const row = ledger.headerRows[0];
  const column = 1;
  return [
    finding(
      missingColumn,
      { sheet: ledger.sheet, cell: cellAddress(row, column), row, column, field: missing[0] },
      { fields: missing.map((f) => FIELD_LABELS[f].zh).join("、"), fieldsEn: missing.map((f) => FIELD_LABELS[f].en).join(", ") },
    ),
  ];
}

function duplicateColumns(ledger: Ledger): Finding[] {
  const row = ledger.headerRows[ledger.headerRows.length - 1];
  return ledger.duplicateColumns.map((dup) => {
    const first = columnOf(ledger, dup.field)!;
    return finding(
      duplicateColumn,
      { sheet: ledger.sheet, cell: cellAddress(row, dup.column), row, column: dup.column, field: dup.field },
      { header: dup.header, first: cellAddress(row, first.column).replace(/\d+$/, ""), firstHeader: first.header },
    );
  });
}

const NOT_YET = -1;

function duplicateProjects(ledger: Ledger, rows: readonly ParsedRow[], multiUnit: boolean): Finding[] {
  const nameColumn = columnOf(ledger, "name");
  if (!nameColumn) return [];
  // One hash operation per row on the large set: only the few repeated names are looked up again.
  const keys: (string | null)[] = new Array(rows.length);
  const seen = new Set<string>();
  const firstRows = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const name = rows[i].text.name;
    const key = name ? projectKey(name) : null;
    keys[i] = key;
    if (key === null) continue;
    const size = seen.size;
    if (seen.add(key).size === size) firstRows.set(key, NOT_YET);
  }
  const out: Finding[] = [];
  if (firstRows.size === 0) return out;
  for (let i = 0; i < rows.length; i++) {
    const key = keys[i];
    const firstRow = key === null ? undefined : firstRows.get(key);
    if (firstRow === undefined) continue;
    const r = rows[i];
    if (firstRow === NOT_YET) {
      firstRows.set(key!, r.row);
      continue;
    }
    const name = r.text.name!;
    out.push(
      finding(
        duplicateProject,
        { sheet: ledger.sheet, cell: cellAddress(r.row, nameColumn.column), row: r.row, column: nameColumn.column, field: "name", unit: multiUnit ? r.unit : undefined },
        { name, firstRow },
      ),
    );
  }
  return out;
}

/** A total is compared only where it and the rows hold RMB amounts; foreign and unreadable cells are left out of the sum. */
function totalMismatches(ledger: Ledger, rows: readonly ParsedRow[]): Finding[] {
  const out: Finding[] = [];
  for (const total of ledger.totals) {
    for (const field of SUMMED_FIELDS) {
      const col = columnOf(ledger, field);
      if (!col) continue;
      const stated = parseAmount(total.cells[field], (col.unit ?? ledger.sheetUnit) as AmountUnit);
      if (stated.status !== "ok" || stated.value.currency) continue;
      let sum = 0;
      for (let i = total.from; i < total.to; i++) {
        const a = rows[i].amounts[field];
        if (a && !a.currency) sum += a.wan;
      }
      sum = Math.round(sum * 1e6) / 1e6;
      if (Math.abs(sum - stated.value.wan) <= 0.01 + Math.abs(sum) * 1e-9) continue;
      const subtotal = total.kind === "subtotal";
      out.push(
        finding(
          totalMismatch,
          { sheet: ledger.sheet, cell: cellAddress(total.row, col.column), row: total.row, column: col.column, field },
          {
            label: subtotal ? "小计" : "合计",
            labelEn: subtotal ? "subtotal" : "total",
            total: displayValue(total.cells[field]),
            sum: formatWan(sum, (col.unit ?? ledger.sheetUnit) as AmountUnit),
          },
        ),
      );
    }
  }
  return out;
}

/** The sum shown in the column's own unit, as the user reads the total. */
function formatWan(wan: number, unit: AmountUnit): string {
  const inUnit = unit === "亿元" ? wan / 1e4 : unit === "元" ? wan * 1e4 : wan;
  return String(Math.round(inUnit * 1e4) / 1e4);
}
