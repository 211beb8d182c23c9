/**
 * Taking the user to a cell: activate its sheet, select the cell; and finding and showing cells the
 * user cannot see (a finding on a hidden sheet, row or column). One round trip each.
 */
import { parseAreas } from "../host/areas";
import { HIDDEN_LOOKUP_LIMIT, placeKey, type Hidden, type Place } from "../host/port";

/** Selects `cell` (A1) on `sheet`; a finding without a cell (workbook-level) only activates the sheet, or does nothing. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  if (!sheet) return;
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  if (cell) worksheet.getRange(cell).select();
  await context.sync();
}

/**
 * Which places are on a hidden sheet, in a hidden row or in a hidden column: the sheets' visibility
 * and each distinct row's and column's hidden flag (Range.rowHidden / columnHidden, ExcelApi 1.2)
 * in one request. A sheet that is gone is left out.
 */
export async function findHidden(context: Excel.RequestContext, places: readonly Place[]): Promise<Map<string, Hidden>> {
  const worksheets = context.workbook.worksheets.load("items/name,items/visibility");
  const asked = places.filter((p) => p.sheet && p.cell).slice(0, HIDDEN_LOOKUP_LIMIT);
  const sheets = [...new Set(asked.map((p) => p.sheet))];
  const probes = new Map<string, { rows: Map<number, Excel.Range>; columns: Map<number, Excel.Range>; sheet: Excel.Worksheet }>();
  const found = new Map<string, Hidden>();
  await context.sync();
  const visibility = new Map(worksheets.items.map((ws) => [ws.name, ws.visibility]));
  for (const name of sheets) {
    if (!visibility.has(name) || visibility.get(name) !== "Visible") continue;
    probes.set(name, { rows: new Map(), columns: new Map(), sheet: context.workbook.worksheets.getItem(name) });
  }
  for (const p of asked) {
    const probe = probes.get(p.sheet);
    const [area] = parseAreas(p.cell);
    if (!probe || !area) continue;
    if (!probe.rows.has(area.top)) probe.rows.set(area.top, probe.sheet.getRange(p.cell).getEntireRow().load("rowHidden"));
    if (!probe.columns.has(area.left)) probe.columns.set(area.left, probe.sheet.getRange(p.cell).getEntireColumn().load("columnHidden"));
  }
  if (probes.size > 0) await context.sync();
  for (const p of asked) {
    if (visibility.has(p.sheet) && visibility.get(p.sheet) !== "Visible") {
      found.set(placeKey(p), "sheet");
      continue;
    }
    const probe = probes.get(p.sheet);
    const [area] = parseAreas(p.cell);
    if (!probe || !area) continue;
    if (probe.rows.get(area.top)?.rowHidden) found.set(placeKey(p), "row");
    else if (probe.columns.get(area.left)?.columnHidden) found.set(placeKey(p), "column");
  }
  return found;
}

/** Unhides the cell's sheet, row and column (only what is hidden), then selects it: one round trip. */
export async function revealCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  if (!sheet) return;
  const worksheet = context.workbook.worksheets.getItem(sheet);
  // Writing visibility or a hidden flag that is already so changes nothing the user sees.
  worksheet.visibility = "Visible";
  if (cell) {
    const range = worksheet.getRange(cell);
    range.rowHidden = false;
    range.columnHidden = false;
  }
  worksheet.activate();
  if (cell) worksheet.getRange(cell).select();
  await context.sync();
}
