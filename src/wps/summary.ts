/**
 * 生成汇总表 in WPS: the plan of core/summary.ts written through the object model, synchronously.
 *
 * Calls (the VBA model WPS mirrors; docs/wps.md says what is documented and what assumed):
 * `Workbook.Names` walked for SUMMARY_NAME and `Names.Add(name, "='汇总'!$A$1")` (a workbook-level
 * name follows its sheet's renames, and reads #REF! once the sheet is deleted); `Worksheets.Add(,
 * last)` and `Worksheet.Name` for a new sheet; on our sheet again, `UsedRange.ClearContents()` and
 * every `FormatConditions.Item(i).Delete()` (the sheet is ours whole; a user's own sheet is never
 * reached); `Range.NumberFormat` per run of one format ("@" for text, so a unit's name that starts
 * with = stays text: core/safeText), then one `Range.Value2` of the whole block — assumed, as in
 * VBA, to enter a string that starts with "=" as a formula in a General cell and as text in a "@"
 * cell; `FormatConditions.Add(xlExpression, , "=C5=TRUE")` with the active cell on the format's
 * first cell (wps/highlight.ts addExpressionFormat).
 */
import type { CheckResult } from "../core/result";
import { areaAddress } from "../core/sheet";
import { numberFormatRuns, summaryLedgers, summaryNameFormula, summaryPlan, SUMMARY_NAME, type LedgerExtent } from "../core/summary";
import { placeSummary, summaryGrid, type SummaryWrite } from "../host/summary";
import { sheetProtected } from "../host/actions";
import { addExpressionFormat } from "./highlight";
import type { WpsApplication, WpsValue, WpsWorkbook } from "./objectModel";
import { activeWorkbook, extentOf, findWorksheet, isProtected, workbookName, worksheetsOf } from "./sheets";

/** The ledgers' used extents (a ledger sheet gone since the check is left out: its targets read 未评估). */
function extentsOf(book: WpsWorkbook, result: CheckResult): LedgerExtent[] {
  return [...summaryLedgers(result).values()].flatMap((sheet) => {
    const ws = findWorksheet(book, sheet);
    if (!ws) return [];
    const e = extentOf(ws.UsedRange);
    return [{ sheet, lastRow: e.top + e.rows - 1, lastColumn: e.left + e.columns - 1 }];
  });
}

export function writeSummary(app: WpsApplication, result: CheckResult): SummaryWrite {
  const book = activeWorkbook(app, "summary");
  const name = workbookName(book, SUMMARY_NAME);
  const place = placeSummary(name?.RefersTo ?? null, worksheetsOf(book).map((ws) => ws.Name));
  const plan = summaryPlan(result, extentsOf(book, result));

  let ws = place.created ? null : findWorksheet(book, place.sheet);
  if (ws) {
    if (isProtected(ws)) throw sheetProtected("summary", ws.Name);
    ws.UsedRange.ClearContents();
    const formats = ws.Cells.FormatConditions;
    for (let i = formats.Count; i >= 1; i--) formats.Item(i).Delete();
  } else {
    const sheets = book.Worksheets;
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = place.sheet;
  }
  const formula = summaryNameFormula(place.sheet);
  if (name) {
    if (name.RefersTo !== formula) name.RefersTo = formula;
  } else book.Names.Add(SUMMARY_NAME, formula);

  for (const run of numberFormatRuns(plan)) ws.Range(areaAddress(run.area)).NumberFormat = run.format;
  const grid = summaryGrid(plan);
  ws.Range(areaAddress({ top: 1, left: 1, bottom: grid.length, right: grid[0].length })).Value2 = grid as WpsValue[][];
  for (const f of plan.formats) addExpressionFormat(app, ws, [f.area], f.condition, { fill: f.fill, font: f.font });
  ws.Activate();
  return place;
}
