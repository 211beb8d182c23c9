/**
 * The 台账核实 sheet through Office.js: one verification appended below its last row, laid out by
 * src/host/verificationSheet, as text (number format "@" before the values, so that a reason
 * starting with = stays text). Creates the sheet, visible, when absent; touches no other sheet.
 */
import { today } from "../core/day";
import { areaAddress, type CellValue } from "../core/sheet";
import { VERIFICATION_SHEET } from "../core/verify/sheet";
import type { VerificationInput } from "../host/port";
import { verificationRows, verificationSheetName } from "../host/verificationSheet";
import { API, type ExcelHost } from "./host";

export async function appendVerification(context: Excel.RequestContext, host: ExcelHost, v: VerificationInput, now: Date | undefined): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const name = verificationSheetName(worksheets.items.map((ws) => ws.name));
  let used: { top: number; values: CellValue[][] } | null = null;
  if (name) {
    const range = host.supports(API.nullObjects) ? worksheets.getItem(name).getUsedRangeOrNullObject(true) : worksheets.getItem(name).getUsedRange(true);
    range.load("values,rowIndex");
    await context.sync();
    if (!(host.supports(API.nullObjects) && range.isNullObject)) used = { top: range.rowIndex + 1, values: range.values as CellValue[][] };
  }
  const { top, rows } = verificationRows(v, today(now), used);
  const sheet = name ? worksheets.getItem(name) : worksheets.add(VERIFICATION_SHEET);
  const target = sheet.getRange(areaAddress({ top, left: 1, bottom: top + rows.length - 1, right: rows[0].length }));
  target.numberFormat = rows.map((r) => r.map(() => "@"));
  target.values = rows;
  await context.sync();
}
