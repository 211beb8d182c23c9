/**
 * The 台账核实 sheet in WPS: one verification appended below its last row, laid out by
 * src/host/verificationSheet, as text (NumberFormat "@" before Value2, so that a reason starting
 * with = stays text). Creates the sheet, visible, after the last sheet when absent; refused before
 * writing when it is protected; touches no other sheet.
 */
import { today } from "../core/day";
import { areaAddress } from "../core/sheet";
import { VERIFICATION_SHEET } from "../core/verify/sheet";
import type { VerificationInput } from "../host/port";
import { verificationRows, verificationSheetName } from "../host/verificationSheet";
import { sheetProtected } from "../host/actions";
import type { WpsApplication } from "./objectModel";
import { activeWorkbook, extentOf, gridOf, isProtected, worksheetsOf } from "./sheets";

export function appendVerification(app: WpsApplication, v: VerificationInput, now: Date | undefined): void {
  const book = activeWorkbook(app, "verify");
  const sheets = worksheetsOf(book);
  const name = verificationSheetName(sheets.map((ws) => ws.Name));
  let ws = sheets.find((s) => s.Name === name) ?? null;
  if (ws && isProtected(ws)) throw sheetProtected("verify", ws.Name);
  const used = ws ? { top: extentOf(ws.UsedRange).top, values: gridOf(ws.UsedRange.Value2) } : null;
  const { top, rows } = verificationRows(v, today(now), used);
  if (!ws) {
    const all = book.Worksheets;
    ws = all.Add(undefined, all.Item(all.Count));
    ws.Name = VERIFICATION_SHEET;
  }
  const target = ws.Range(areaAddress({ top, left: 1, bottom: top + rows.length - 1, right: rows[0].length }));
  target.NumberFormat = "@";
  target.Value2 = rows;
}
