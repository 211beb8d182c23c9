/**
 * 生成汇总表 in Excel: the plan of core/summary.ts written in one Excel.run of two round trips —
 * a read (the sheet list with each sheet's protection, the name SUMMARY_NAME, each ledger's used
 * extent), then the write. Our sheet found protected stops the action before anything is written,
 * with a message naming it (as WPS does, and as the highlight does: excel/highlight.ts); Excel's own
 * refusal would come mid-write, after the name and a new sheet may already have changed.
 *
 * Office.js calls and the requirement set each needs (documented in the Excel JavaScript API
 * reference): `worksheets.load("items/name,items/protection/protected")` 1.1 / 1.2 (WorksheetProtection); `names.getItemOrNullObject` 1.4 and
 * `NamedItem.formula` (read and write) 1.7; `names.add(name, formula)` 1.4;
 * `getUsedRangeOrNullObject(true)` 1.4; `worksheets.add` 1.1; `Range.clear()` 1.1 and
 * `ConditionalFormatCollection.clearAll()` 1.6; `Range.numberFormat` / `Range.formulas` 1.1;
 * `conditionalFormats.add("Custom")` 1.6; `Worksheet.activate()` 1.1. So the action needs 1.7,
 * which every Excel with the ZS functions has. Assumed, as for the highlight (excel/highlight.ts):
 * a custom format's relative references are relative to the top-left cell of its range. Writing
 * "@" as a cell's number format before its text keeps a text that starts with = as text
 * (core/safeText); our formulas go into General cells.
 */
import type { CheckResult } from "../core/result";
import { areaAddress } from "../core/sheet";
import { summaryLedgers, summaryNameFormula, summaryPlan, SUMMARY_NAME, type LedgerExtent } from "../core/summary";
import { sheetProtected } from "../host/actions";
import { placeSummary, summaryGrid, type SummaryWrite } from "../host/summary";

export async function writeSummary(context: Excel.RequestContext, result: CheckResult): Promise<SummaryWrite> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const name = context.workbook.names.getItemOrNullObject(SUMMARY_NAME).load("formula");
  const used = [...summaryLedgers(result).values()].map((sheet) => ({
    sheet,
    range: worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load("rowIndex,rowCount,columnIndex,columnCount"),
  }));
  await context.sync();

  const extents: LedgerExtent[] = used
    .filter((u) => !u.range.isNullObject)
    .map((u) => ({ sheet: u.sheet, lastRow: u.range.rowIndex + u.range.rowCount, lastColumn: u.range.columnIndex + u.range.columnCount }));
  const place = placeSummary(name.isNullObject ? null : name.formula, worksheets.items.map((s) => s.name));
  const plan = summaryPlan(result, extents);
  const formula = summaryNameFormula(place.sheet);

  const ours = place.created ? undefined : worksheets.items.find((s) => s.name === place.sheet);
  if (ours?.protection.protected) throw sheetProtected("summary", place.sheet);

  let sheet: Excel.Worksheet;
  if (place.created) sheet = worksheets.add(place.sheet);
  else {
    // The sheet is ours whole: what the last run wrote goes, values, formats and conditional formats.
    sheet = worksheets.getItem(place.sheet);
    sheet.getRange().clear("All");
    sheet.getRange().conditionalFormats.clearAll();
  }
  if (name.isNullObject) context.workbook.names.add(SUMMARY_NAME, formula);
  else if (name.formula !== formula) name.formula = formula;

  const grid = summaryGrid(plan);
  const block = sheet.getRange(areaAddress({ top: 1, left: 1, bottom: grid.length, right: grid[0].length }));
  block.numberFormat = plan.numberFormats.map((row) => [...row]);
  block.formulas = grid;
  for (const f of plan.formats) {
    const cf = sheet.getRange(areaAddress(f.area)).conditionalFormats.add("Custom");
    const custom = cf.custom;
    custom.rule.formula = `=${f.condition}`;
    custom.format.fill.color = f.fill;
    custom.format.font.color = f.font;
  }
  sheet.activate();
  await context.sync();
  return place;
}
