/**
 * Applies the 台账核实 sheet to a check's findings, once the whole workbook is read (the sheet may
 * come before or after the ledgers): each verifiable finding gets its row key, and a finding whose
 * rule, sheet and row key a verification names gets that verification (`acknowledgement`). Each
 * key names one finding: findings of one rule and sheet on rows alike in every cell the key reads
 * get `<key>~2`, `<key>~3` … in finding order, so that verifying one of them verifies only that
 * one, and a row added later alike arrives open. A verification that names no finding any more (its
 * row's cells changed, or the problem was put right) is stale, and so is a second row naming a
 * finding an earlier row already verifies (the earlier one's reason stands): counted, not a
 * finding, so that a put-right row does not raise a new warning.
 */
import type { Finding } from "../findings";
import type { Ledger } from "../ledger";
import type { VerificationSummary } from "../result";
import type { ParsedRow } from "../row";
import { verificationFindings } from "../rules/engine";
import type { DateSystem, SheetRow } from "../sheet";
import { compact } from "../text";
import { rowKeyOf } from "./rowKey";
import { readVerifications, type Verification } from "./sheet";

/** A 台账核实 sheet as it arrived: its rows, read once the workbook's date system is settled. */
export interface VerificationSheet {
  readonly sheet: string;
  readonly rows: readonly SheetRow[];
}

interface Verified {
  readonly findings: Finding[];
  /** Verifications that matched no finding, and repeats of an earlier one. */
  readonly stale: number;
}

/**
 * The check's findings with their row keys and verifications, followed by the
 * `invalid-verification` findings of the 台账核实 sheets; and what the sheets did.
 */
export function verifyFindings(
  findings: readonly Finding[],
  sheets: readonly VerificationSheet[],
  read: readonly { readonly ledger: Ledger; readonly rows: readonly ParsedRow[] }[],
  dateSystem: DateSystem,
): { findings: Finding[]; summary: VerificationSummary } {
  // A ledger's rows are in row order: a finding's row is found by halving, not by indexing every row.
  const rowsBySheet = new Map(read.map(({ ledger, rows }) => [ledger.sheet, rows]));
  const sheetsRead = sheets.map((s) => ({ sheet: s.sheet, ...readVerifications(s.rows, dateSystem) }));
  const verified = applyVerifications(findings, sheetsRead.flatMap((s) => s.verifications), (sheet, row) => rowAt(rowsBySheet.get(sheet), row), dateSystem);
  const issues = sheetsRead.flatMap((s) => verificationFindings({ sheet: s.sheet, issues: s.issues }));
  const acknowledged = verified.findings.reduce((n, f) => n + (f.acknowledgement ? 1 : 0), 0);
  return { findings: [...verified.findings, ...issues], summary: { acknowledged, stale: verified.stale } };
}

/** The data row numbered `row` among rows in ascending row order, if there is one. */
function rowAt(rows: readonly ParsedRow[] | undefined, row: number): ParsedRow | undefined {
  if (rows === undefined) return undefined;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows[mid].row;
    if (at === row) return rows[mid];
    if (at < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** `rowsOf(sheet, row)`: the data row a finding sits on, if it is one. */
function applyVerifications(
  findings: readonly Finding[],
  verifications: readonly Verification[],
  rowsOf: (sheet: string, row: number) => ParsedRow | undefined,
  dateSystem: DateSystem,
): Verified {
  const byKey = new Map<string, { v: Verification; used: boolean }>();
  let stale = 0;
  for (const v of verifications) {
    const key = matchKey(v.rule, v.sheet, v.key);
    // Two rows that verify one finding: the first one's reason stands, the second counts stale.
    if (byKey.has(key)) stale++;
    else byKey.set(key, { v, used: false });
  }
  const seen = new Map<string, number>();
  const out = findings.map((f) => {
    const row = f.row === null ? undefined : rowsOf(f.sheet, f.row);
    const baseKey = row ? rowKeyOf(f, row, dateSystem) : undefined;
    if (baseKey === undefined) return f;
    const base = matchKey(f.rule, f.sheet, baseKey);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const rowKey = n === 1 ? baseKey : `${baseKey}~${n}`;
    const entry = byKey.size > 0 ? byKey.get(n === 1 ? base : matchKey(f.rule, f.sheet, rowKey)) : undefined;
    if (!entry) return { ...f, rowKey };
    entry.used = true;
    return { ...f, rowKey, acknowledgement: { reason: entry.v.reason, by: entry.v.by, date: entry.v.date } };
  });
  for (const e of byKey.values()) if (!e.used) stale++;
  return { findings: out, stale };
}

/** Sheet names and keys compared as a person types them: spaces and full width aside. */
function matchKey(rule: string, sheet: string, key: string): string {
  return `${rule}\u0000${compact(sheet)}\u0000${compact(key)}`;
}
