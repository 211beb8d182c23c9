/**
 * Taking the user to a cell in WPS, and finding and showing cells the user cannot see (a finding on
 * a hidden sheet, row or column): `Worksheet.Visible`, and `Hidden` of the cell's `EntireRow` and
 * `EntireColumn`, as in the VBA model (the member names are checked against wps-jsapi).
 */
import { parseAreas } from "../host/areas";
import { HIDDEN_LOOKUP_LIMIT, placeKey, type Hidden, type Place } from "../host/port";
import { sheetGone } from "./errors";
import { XL, type WpsWorkbook, type WpsWorksheet } from "./objectModel";
import { findWorksheet, isVisible } from "./sheets";

/** Selects `cell` (A1) on `sheet`; a finding without a cell (workbook-level) only activates the sheet, or does nothing. */
export function selectCell(book: WpsWorkbook, sheet: string, cell: string): void {
  if (!sheet) return;
  const ws = worksheet(book, sheet);
  ws.Activate();
  if (cell) ws.Range(cell).Select();
}

function worksheet(book: WpsWorkbook, sheet: string): WpsWorksheet {
  const ws = findWorksheet(book, sheet);
  if (!ws) throw sheetGone("select", [sheet]);
  return ws;
}

/**
 * Which places are on a hidden sheet, in a hidden row or in a hidden column (each distinct row and
 * column asked once). A sheet that is gone is left out.
 */
export function findHidden(book: WpsWorkbook, places: readonly Place[]): Map<string, Hidden> {
  const found = new Map<string, Hidden>();
  const sheets = new Map<string, { ws: WpsWorksheet; rows: Map<number, boolean>; columns: Map<number, boolean> } | null>();
  for (const p of places.filter((x) => x.sheet && x.cell).slice(0, HIDDEN_LOOKUP_LIMIT)) {
    if (!sheets.has(p.sheet)) {
      const ws = findWorksheet(book, p.sheet);
      sheets.set(p.sheet, ws ? { ws, rows: new Map(), columns: new Map() } : null);
    }
    const s = sheets.get(p.sheet);
    const [area] = parseAreas(p.cell);
    if (!s || !area) continue;
    if (!isVisible(s.ws)) {
      found.set(placeKey(p), "sheet");
      continue;
    }
    const range = () => s.ws.Range(p.cell);
    if (!s.rows.has(area.top)) s.rows.set(area.top, range().EntireRow.Hidden === true);
    if (s.rows.get(area.top)) {
      found.set(placeKey(p), "row");
      continue;
    }
    if (!s.columns.has(area.left)) s.columns.set(area.left, range().EntireColumn.Hidden === true);
    if (s.columns.get(area.left)) found.set(placeKey(p), "column");
  }
  return found;
}

/** Unhides the cell's sheet, row and column (only what is hidden), then selects it. */
export function revealCell(book: WpsWorkbook, sheet: string, cell: string): void {
  if (!sheet) return;
  const ws = worksheet(book, sheet);
  if (!isVisible(ws)) ws.Visible = XL.sheetVisible;
  if (cell) {
    const range = ws.Range(cell);
    if (range.EntireRow.Hidden !== false) range.EntireRow.Hidden = false;
    if (range.EntireColumn.Hidden !== false) range.EntireColumn.Hidden = false;
  }
  selectCell(book, sheet, cell);
}
