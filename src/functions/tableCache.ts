/**
 * A summary sheet asks many questions of the same ledger: one formula per target, per unit, per
 * column — 14 formulas over 50 units' ledgers is 700 calls in one recalculation. Excel hands every
 * call a fresh copy of the range, so results are cached by the range's content: a call compares
 * its table (already trimmed to its used part) cell by cell (===) with the copies kept here, which
 * costs a small fraction of a check, and reuses the CheckResult computed for the same options. Any
 * changed cell, setting or day is a different key, so a cached answer is never stale. Enough
 * tables are kept for a district's summary sheet, bounded by their cells rather than their number.
 */
import { checkWorkbook, type CheckOptions } from "../core/check";
import { today } from "../core/day";
import type { CheckResult } from "../core/result";
import { gridRows, type CellValue } from "../core/sheet";

/** Tables kept (most recently used first), their cells in all, and results kept per table. */
const MAX_TABLES = 128;
const MAX_CELLS = 4_000_000;
const MAX_RESULTS_PER_TABLE = 8;

/** The one sheet a range becomes; a name that hints no ledger kind and no unit kind. */
const SHEET_NAME = "表格";

interface Entry {
  readonly cells: readonly (readonly unknown[])[];
  readonly results: Map<string, CheckResult>;
}

let entries: Entry[] = [];

export interface TableCheckOptions {
  readonly overrides: NonNullable<CheckOptions["overrides"]>;
  readonly dateSystem: NonNullable<CheckOptions["dateSystem"]>;
  /** The workbook's 列名对照, as the pane published it. */
  readonly columnNames?: CheckOptions["columnNames"];
  /** A hint for the unit's kind and name, as a file name would be. */
  readonly name?: string;
  /** Units to assess beyond those the range names (core/check's CheckOptions.units). */
  readonly units?: readonly string[];
  readonly now?: Date;
}

export function checkTable(table: readonly (readonly unknown[])[], options: TableCheckOptions): CheckResult {
  const now = options.now ?? new Date();
  const key = JSON.stringify([options.dateSystem, options.name ?? null, today(now), options.overrides, options.columnNames ?? [], options.units ?? []]);
  const entry = entryFor(table);
  const cached = entry.results.get(key);
  if (cached) {
    // Re-inserting keeps the Map in least-recently-used order.
    entry.results.delete(key);
    entry.results.set(key, cached);
    return cached;
  }
  const result = checkWorkbook(
    { sheets: [{ name: SHEET_NAME, rows: gridRows(entry.cells.map(excelCells)) }] },
    { overrides: options.overrides, dateSystem: options.dateSystem, name: options.name, today: now, columnNames: options.columnNames, units: options.units },
  );
  entry.results.set(key, result);
  if (entry.results.size > MAX_RESULTS_PER_TABLE) entry.results.delete(entry.results.keys().next().value as string);
  return result;
}

/** Forgets every cached result (tests; memory pressure). */
export function clearTableCache(): void {
  entries = [];
}

function entryFor(table: readonly (readonly unknown[])[]): Entry {
  const index = entries.findIndex((e) => sameCells(e.cells, table));
  if (index === 0) return entries[0];
  const entry = index > 0 ? entries[index] : { cells: table.map((row) => row.slice()), results: new Map<string, CheckResult>() };
  entries = [entry, ...entries.filter((e) => e !== entry)];
  // Least recently used out first, down to the bounds; the entry just asked for always stays.
  let cells = entries.reduce((n, e) => n + cellsOf(e.cells), 0);
  while (entries.length > 1 && (entries.length > MAX_TABLES || cells > MAX_CELLS)) cells -= cellsOf(entries.pop()!.cells);
  return entry;
}

function cellsOf(rows: readonly (readonly unknown[])[]): number {
  return rows.length * (rows[0]?.length ?? 0);
}

function sameCells(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

/**
 * Excel error values inside a range may reach a function as error objects with a code
 * (#REF!, #N/A); the core knows them as { error }. Everything else is already a cell value.
 */
function excelCells(row: readonly unknown[]): CellValue[] {
  if (!row.some((v) => typeof v === "object" && v !== null)) return row as CellValue[];
  return row.map((v) => {
    if (typeof v !== "object" || v === null || v instanceof Date || typeof (v as { error?: unknown }).error === "string") return v as CellValue;
    const code = (v as { code?: unknown }).code;
    return typeof code === "string" ? { error: code } : String(v);
  });
}
