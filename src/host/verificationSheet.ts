/**
 * The 台账核实 sheet as every host writes it: one row appended per verification under the header
 * 规则 | 工作表 | 行键 | 理由 | 核实人 | 日期 (core/verify/sheet reads it back, in the pane, the
 * command line and the functions alike). Pure: each host's adapter finds the sheet, creates it
 * visible when absent, and writes the rows these functions give as text (number format "@"), so
 * that a reason starting with = + - @ stays text (core/safeText) and never touches another sheet.
 */
import { isoDay, type Day } from "../core/day";
import { isVerificationSheet, VERIFICATION_HEADER, VERIFICATION_SHEET } from "../core/verify/sheet";
import { isBlank, type CellValue } from "../core/sheet";
import { WorkbookError, type VerificationInput } from "./port";

/** The sheet to append to: 台账核实 itself if present, else another name the core reads as verifications; null to create 台账核实. */
export function verificationSheetName(names: readonly string[]): string | null {
  if (names.includes(VERIFICATION_SHEET)) return VERIFICATION_SHEET;
  return names.find(isVerificationSheet) ?? null;
}

/**
 * The rows to write and the row to write them at: the header first when the sheet holds nothing,
 * then the verification, below the last row that holds anything (`used`: the used range's values
 * from row `top`, none when the sheet is new or empty). Refuses a verification without a reason or
 * of a finding that has no row key (the pane offers 核实 only on those that have one).
 */
export function verificationRows(v: VerificationInput, today: Day, used: { readonly top: number; readonly values: readonly (readonly CellValue[])[] } | null): { top: number; rows: string[][] } {
  const reason = v.reason.trim();
  if (reason === "") throw new WorkbookError("核实理由为必填项。", "A reason is required to verify a finding.");
  if (!v.finding.rowKey) throw new WorkbookError("这个问题不针对某一行，不能核实。", "This finding is not about one row and cannot be verified.");
  const row = [v.finding.rule, v.finding.sheet, v.finding.rowKey, reason, v.by.trim(), isoDay(today)];
  let last = 0;
  if (used) used.values.forEach((r, i) => (r.some((c) => !isBlank(c)) ? (last = used.top + i) : undefined));
  return last === 0 ? { top: 1, rows: [[...VERIFICATION_HEADER], row] } : { top: last + 1, rows: [row] };
}
