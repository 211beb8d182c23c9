/** Rules on a ledger as a whole: its columns, repeated projects, its 合计 and 小计 rows. */
import type { Finding } from "../findings";
import type { FieldId, Ledger } from "../ledger";
import { columnOf } from "../ledger";
import { FIELD_LABELS } from "../labels";
import { projectKey, projectKeyHash, type ParsedRow } from "../read";
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

function duplicateProjects(ledger: Ledger, rows: readonly ParsedRow[], multiUnit: boolean): Finding[] {
  const nameColumn = columnOf(ledger, "name");
  if (!nameColumn) return [];
  // Names are told apart by a number computed from their key, not by the key itself, which would
  // be a new string to build and hash for most names of a large ledger (see projectKeyHash).
  const byHash = new HashIndex(rows.length);
  const firstByKey = new Map<string, number>();
  const out: Finding[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const name = r.text.name;
    if (!name) continue;
    const hash = projectKeyHash(name);
    const at = byHash.firstOrAdd(hash, i);
    if (at === ABSENT) continue;
    const key = projectKey(name);
    let first: number | undefined;
    if (at !== SHARED) {
      const other = projectKey(rows[at].text.name!);
      if (other === key) first = at;
      else {
        byHash.share(hash);
        firstByKey.set(other, at);
      }
    } else first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, i);
      continue;
    }
    out.push(
      finding(
        duplicateProject,
        { sheet: ledger.sheet, cell: cellAddress(r.row, nameColumn.column), row: r.row, column: nameColumn.column, field: "name", unit: multiUnit ? r.unit : undefined },
        { name, firstRow: rows[first].row },
      ),
    );
  }
  return out;
}

const ABSENT = -1;
/** A hash that two different keys turned out to share: its rows are told apart by their keys. */
const SHARED = -2;

/**
 * The first row index of each 32-bit hash, by open addressing over typed arrays: a ledger's
 * hundred thousand names cost two small allocations and nothing for the garbage collector to trace.
 */
class HashIndex {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  /** 0 empty, SHARED, or the row index + 1. */
  private readonly slots: Int32Array;

  constructor(count: number) {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
  }

  /** The first index stored for `hash` (or SHARED); ABSENT, after storing `index`, when there was none. */
  firstOrAdd(hash: number, index: number): number {
    for (let at = (hash ^ (hash >>> 15)) & this.mask; ; at = (at + 1) & this.mask) {
      const slot = this.slots[at];
      if (slot === 0) {
        this.hashes[at] = hash;
        this.slots[at] = index + 1;
        return ABSENT;
      }
      if (this.hashes[at] === hash) return slot === SHARED ? SHARED : slot - 1;
    }
  }

  share(hash: number): void {
    for (let at = (hash ^ (hash >>> 15)) & this.mask; ; at = (at + 1) & this.mask) {
      if (this.hashes[at] === hash && this.slots[at] !== 0) {
        this.slots[at] = SHARED;
        return;
      }
    }
  }
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
