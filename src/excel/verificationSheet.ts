/**
 * The 台账核实 sheet through Office.js: one verification appended below its last row, laid out by
 * src/host/verificationSheet (by the sheet's own header), as text (number format "@" before the
 * values, so that a reason starting with = stays text). Creates the sheet, visible, when absent;
 * refused before writing when it is protected; touches no other sheet.
 */
import { today } from "../core/day";
import { areaAddress, type CellValue } from "../core/sheet";
import { VERIFICATION_SHEET } from "../core/verify/sheet";
import { sheetProtected } from "../host/actions";
import type { VerificationInput } from "../host/port";
import { verificationSheetName, verificationWrites, type UsedCells } from "../host/verificationSheet";
import { API, type ExcelHost } from "./host";

export async function appendVerification(context: Excel.RequestContext, host: ExcelHost, v: VerificationInput, now: Date | undefined): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const name = verificationSheetName(worksheets.items.map((ws) => ws.name));
  let used: UsedCells | null = null;
  if (name) {
    const ws = worksheets.getItem(name);
    const range = host.supports(API.nullObjects) ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
    range.load("values,rowIndex,columnIndex");
    const protection = ws.protection.load("protected");
    await context.sync();
    // Refused here, before anything is written, rather than as Excel's AccessDenied half-way.
    if (protection.protected) throw sheetProtected("verify", name);
    if (!(host.supports(API.nullObjects) && range.isNullObject)) used = { top: range.rowIndex + 1, left: range.columnIndex + 1, values: range.values as CellValue[][] };
  }
  const writes = verificationWrites(v, today(now), used);
  const sheet = name ? worksheets.getItem(name) : worksheets.add(VERIFICATION_SHEET);
  for (const { top, left, rows } of writes) {
    const target = sheet.getRange(areaAddress({ top, left, bottom: top + rows.length - 1, right: left + rows[0].length - 1 }));
    target.numberFormat = rows.map((r) => r.map(() => "@"));
    target.values = rows;
  }
  await context.sync();
}
