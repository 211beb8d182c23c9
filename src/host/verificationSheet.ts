/**
 * The 台账核实 sheet as every host writes it: one row appended per verification under the header
 * 规则 | 工作表 | 行键 | 理由 | 核实人 | 日期 (core/verify/sheet reads it back, in the pane, the
 * command line and the functions alike). Pure: each host's adapter finds the sheet, creates it
 * visible when absent, and writes the rows these functions give as text (number format "@"), so
 * that a reason starting with = + - @ stays text (core/safeText) and never touches another sheet.
 */
import { isoDay, type Day } from "../core/day";
import { isVerificationSheet, VERIFICATION_HEADER, VERIFICATION_SHEET, verificationHeaderColumns } from "../core/verify/sheet";
import { isBlank, type CellValue } from "../core/sheet";
import { WorkbookError, type VerificationInput } from "./port";

/** The sheet to append to: 台账核实 itself if present, else another name the core reads as verifications; null to create 台账核实. */
export function verificationSheetName(names: readonly string[]): string | null {
  if (names.includes(VERIFICATION_SHEET)) return VERIFICATION_SHEET;
  return names.find(isVerificationSheet) ?? null;
}

/** The used range's values from row `top` and column `left` (1-based), as the host read them. */
export interface UsedCells {
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly CellValue[])[];
}

/** Text to write as one block whose first cell is at row `top`, column `left` (1-based). */
export interface VerificationWrite {
  readonly top: number;
  readonly left: number;
  readonly rows: string[][];
}

/**
 * What to write to append `v`: the header and the row when the sheet holds nothing (`used` null or
 * blank); else the row below the last row that holds anything, laid out by the sheet's own header
 * when its first row is one (a hand-made sheet may order or name its columns otherwise, and the
 * core reads them by the header), with the header words of the columns it lacks written at the right
 * of the used range first, so the core finds them there. Without a header, A–F, as the core reads it.
 * Refuses a verification without a reason or of a finding that has no row key (the pane offers 核实
 * only on those that have one).
 */
export function verificationWrites(v: VerificationInput, today: Day, used: UsedCells | null): VerificationWrite[] {
  const reason = v.reason.trim();
  if (reason === "") throw new WorkbookError("核实理由为必填项。", "A reason is required to verify a finding.");
  if (!v.finding.rowKey) throw new WorkbookError("这个问题不针对某一行，不能核实。", "This finding is not about one row and cannot be verified.");
  const row = [v.finding.rule, v.finding.sheet, v.finding.rowKey, reason, v.by.trim(), isoDay(today)];
  const filled = used ? used.values.flatMap((r, i) => (r.some((c) => !isBlank(c)) ? [i] : [])) : [];
  if (!used || filled.length === 0) return [{ top: 1, left: 1, rows: [[...VERIFICATION_HEADER], row] }];
  const below = used.top + filled[filled.length - 1] + 1;
  // The header as the core sees it: cells from column A.
  const header = verificationHeaderColumns([...Array<CellValue>(used.left - 1).fill(""), ...used.values[filled[0]]]);
  if (header === null) return [{ top: below, left: 1, rows: [row] }];
  const writes: VerificationWrite[] = [];
  const at = [...header];
  const missing = at.flatMap((c, i) => (c < 0 ? [i] : []));
  if (missing.length > 0) {
    const right = used.left - 1 + Math.max(...used.values.map((r) => r.length)); // 0-based: the first column right of the used range
    missing.forEach((i, n) => (at[i] = right + n));
    writes.push({ top: used.top + filled[0], left: right + 1, rows: [missing.map((i) => VERIFICATION_HEADER[i])] });
  }
  const left = Math.min(...at);
  const cells = Array.from({ length: Math.max(...at) - left + 1 }, () => "");
  at.forEach((c, i) => (cells[c - left] = row[i]));
  writes.push({ top: below, left: left + 1, rows: [cells] });
  return writes;
}
