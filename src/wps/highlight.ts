/**
 * The highlight in WPS: the (condition, areas, style) entries of src/host/marks.ts written as
 * expression conditional formats (`FormatConditions.Add(xlExpression, , "=" + condition)`), and
 * removed by deleting exactly the formats whose formula is ours (`isMarkFormula`). Whatever the core
 * plans is written as it comes: this layer knows no mark kind.
 *
 * Why conditional formats: see src/excel/highlight.ts. The same formulas as in Excel and in the
 * command line's highlighted copy, so each clears the others' marks.
 *
 * A relative reference in a conditional format's formula: in the VBA model WPS mirrors, Add reads
 * it relative to the active cell, not to the range (Microsoft KB 895562 for Excel; WPS documents
 * nothing either way). A condition with a relative reference is therefore added while the active
 * cell is the top-left cell of its entry's first area, which gives the same formats under either
 * reading, and the user's sheet, selection and active cell are put back afterwards. Conditions
 * without one (today's) are added without touching the selection.
 */
import type { MergeArea } from "../core/sheet";
import { areaAddress, packAreas } from "../host/areas";
import { failedWrite, missingSheets, protectedSheets } from "../host/highlightMessages";
import { isMarkFormula, type MarkEntry } from "../host/marks";
import { toWorkbookError } from "./errors";
import { bgr, XL, type WpsApplication, type WpsFormatCondition, type WpsWorkbook, type WpsWorksheet } from "./objectModel";
import { isProtected, worksheetsOf } from "./sheets";

/**
 * Range("…") takes an address of at most 255 characters in the VBA model: each format's area list
 * stays below it, and an entry with more areas becomes several formats.
 */
const MAX_ADDRESS_CHARS = 250;

/** Whether a conditional format is one of ours: an expression whose formula carries our marker. */
function isOurs(fc: WpsFormatCondition): boolean {
  try {
    return fc.Type === XL.expression && isMarkFormula(fc.Formula1);
  } catch {
    return false; // colour scales and data bars have no Formula1: not ours
  }
}

/** 1-based indices of a sheet's formats that are ours. */
function oursOn(ws: WpsWorksheet): number[] {
  const formats = ws.Cells.FormatConditions;
  const ours: number[] = [];
  for (let i = 1; i <= formats.Count; i++) if (isOurs(formats.Item(i))) ours.push(i);
  return ours;
}

/** Deletes a sheet's formats of ours, last first (a deletion renumbers those after it). */
function removeOurs(ws: WpsWorksheet, ours: readonly number[]): void {
  const formats = ws.Cells.FormatConditions;
  for (const i of [...ours].sort((a, b) => b - a)) formats.Item(i).Delete();
}

/** A1 reference outside string literals without a "$" on its row or column. */
export function hasRelativeReference(condition: string): boolean {
  const outsideStrings = condition.replace(/"(?:[^"]|"")*"/g, '""');
  const reference = /(?<![A-Za-z0-9_.$!])(\$?)[A-Za-z]{1,3}(\$?)\d{1,7}(?![A-Za-z0-9_(])/g;
  for (const m of outsideStrings.matchAll(reference)) if (!m[1] || !m[2]) return true;
  return false;
}

/** Runs `add` with the active cell at `anchor` on `ws`, then puts the user's sheet, selection and active cell back. */
function withActiveCell(app: WpsApplication, ws: WpsWorksheet, anchor: MergeArea, add: () => void): void {
  const sheet = app.ActiveSheet;
  const selection = app.Selection;
  const cell = app.ActiveCell;
  try {
    ws.Activate();
    ws.Range(areaAddress({ top: anchor.top, left: anchor.left, bottom: anchor.top, right: anchor.left })).Select();
    add();
  } finally {
    sheet?.Activate();
    selection?.Select();
    cell?.Activate();
  }
}

function writeEntry(app: WpsApplication, ws: WpsWorksheet, entry: MarkEntry): void {
  const formula = `=${entry.condition}`;
  const lists = packAreas(entry.areas.map(areaAddress), MAX_ADDRESS_CHARS);
  const addAll = () => {
    for (const list of lists) style(ws.Range(list).FormatConditions.Add(XL.expression, undefined, formula), entry);
  };
  if (hasRelativeReference(entry.condition)) withActiveCell(app, ws, entry.areas[0], addAll);
  else addAll();
}

function style(fc: WpsFormatCondition, entry: MarkEntry): void {
  const { fill, font, border } = entry.style;
  if (fill) fc.Interior.Color = bgr(fill);
  fc.Font.Color = bgr(font);
  if (border) {
    for (const edge of [XL.top, XL.bottom, XL.left, XL.right]) {
      const b = fc.Borders.Item(edge);
      b.LineStyle = XL.continuous;
      b.Color = bgr(border);
    }
  }
}

/**
 * Replaces the workbook's marks with `entries` (by sheet name): refuses before writing when a sheet
 * to mark is gone or a sheet to change is protected; then deletes our formats and adds the new ones.
 * If a write fails part-way, every format of ours is removed again before the error is reported,
 * so the workbook is never left half-marked.
 */
export function writeMarks(app: WpsApplication, book: WpsWorkbook, entries: ReadonlyMap<string, readonly MarkEntry[]>): void {
  const sheets = new Map(worksheetsOf(book).map((ws) => [ws.Name, ws]));
  const gone = [...entries.keys()].filter((name) => !sheets.has(name));
  if (gone.length > 0) throw missingSheets(gone);
  const ours = new Map([...sheets].map(([name, ws]) => [name, oursOn(ws)]));
  const touched = [...sheets.keys()].filter((name) => ours.get(name)!.length > 0 || (entries.get(name)?.length ?? 0) > 0);
  const locked = touched.filter((name) => isProtected(sheets.get(name)!));
  if (locked.length > 0) throw protectedSheets(locked, "highlight");

  try {
    for (const name of touched) removeOurs(sheets.get(name)!, ours.get(name)!);
    for (const [name, list] of entries) for (const entry of list) writeEntry(app, sheets.get(name)!, entry);
  } catch (e) {
    const cause = toWorkbookError(e, "highlight");
    let rolledBack = true;
    try {
      clearMarks(book);
    } catch {
      rolledBack = false;
    }
    throw failedWrite(cause, rolledBack);
  }
}

/** Deletes every conditional format of ours, and nothing else; refuses first if a sheet with marks is protected. */
export function clearMarks(book: WpsWorkbook): void {
  const marked = worksheetsOf(book)
    .map((ws) => ({ ws, ours: oursOn(ws) }))
    .filter((s) => s.ours.length > 0);
  const locked = marked.filter((s) => isProtected(s.ws)).map((s) => s.ws.Name);
  if (locked.length > 0) throw protectedSheets(locked, "clear");
  for (const s of marked) removeOurs(s.ws, s.ours);
}
