/**
 * The highlight in WPS: the entries of src/host/marks.ts written as expression conditional formats
 * (`FormatConditions.Add(xlExpression, , "=" + condition)`), the as-of date as the workbook-level
 * name AS_OF_NAME (`Workbook.Names.Add`, or `Name.RefersTo` when it is there), and only what
 * `markChanges` says differs from the plan: an edit that changes no mark writes nothing. Clear
 * deletes exactly the formats whose formula is ours (`isMarkFormula`) and the name. This layer
 * knows no mark kind: whatever the core plans is written as it comes.
 *
 * Why conditional formats, and why each formula re-tests its cause: see src/core/marks. The same
 * formulas as in Excel and in the command line's highlighted copy, so each clears the others' marks.
 *
 * A relative reference in a conditional format's formula: in the VBA model WPS mirrors, Add reads
 * it relative to the active cell, not to the range (Microsoft KB 895562 for Excel; WPS documents
 * nothing either way). A condition with a relative reference is therefore added while the active
 * cell is the top-left cell of its entry's first area, which gives the same formats under either
 * reading, and the user's sheet, selection and active cell are put back afterwards.
 */
import type { MarkPlan } from "../core/marks/mark";
import { areaAddress, type MergeArea } from "../core/sheet";
import { failedWrite, missingSheets, protectedSheets } from "../host/highlightMessages";
import { AS_OF_NAME, isUnchanged, markChanges, markEntries, ourFormat, type HostLimits, type MarkEntry, type NameState, type OurFormat, type RowSpan } from "../host/marks";
import { toWorkbookError } from "./errors";
import { bgr, XL, type WpsApplication, type WpsFormatCondition, type WpsName, type WpsWorkbook, type WpsWorksheet } from "./objectModel";
import { isProtected, workbookName, worksheetsOf } from "./sheets";

/**
 * Range("…") takes an address of at most 255 characters in the VBA model: each format's area list
 * stays below it (the core splits a mark into several formats, each anchored at its own first area).
 */
const LIMITS: HostLimits = { names: true, maxAddressChars: 250 };

/** Our formats on a sheet, by their 1-based index among the sheet's formats. */
function oursOn(ws: WpsWorksheet): OurFormat[] {
  const formats = ws.Cells.FormatConditions;
  const ours: OurFormat[] = [];
  for (let i = 1; i <= formats.Count; i++) {
    const found = ourFormat(i, formulaOf(formats.Item(i)));
    if (found) ours.push(found);
  }
  return ours;
}

/** An expression format's formula; null for other types (colour scales and data bars have no Formula1). */
function formulaOf(fc: WpsFormatCondition): string | null {
  try {
    return fc.Type === XL.expression ? fc.Formula1 : null;
  } catch {
    return null;
  }
}

/** Deletes a sheet's formats at these indices, last first (a deletion renumbers those after it). */
function removeFormats(ws: WpsWorksheet, indices: readonly number[]): void {
  const formats = ws.Cells.FormatConditions;
  for (const i of [...indices].sort((a, b) => b - a)) formats.Item(i).Delete();
}


function nameState(name: WpsName | null): NameState {
  return { exists: name !== null, formula: name?.RefersTo ?? null };
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

/** Adds one entry as one format (its areas fit one Range address: LIMITS). */
function writeEntry(app: WpsApplication, ws: WpsWorksheet, entry: MarkEntry): void {
  addExpressionFormat(app, ws, entry.areas, entry.condition, entry.style);
}

/**
 * Adds an expression format (`condition` without "="), its relative references read from the top-left
 * cell of the first area (see above): the highlight's marks and the summary sheet's met / not met.
 */
export function addExpressionFormat(app: WpsApplication, ws: WpsWorksheet, areas: readonly MergeArea[], condition: string, look: FormatStyle): void {
  const add = () => style(ws.Range(areas.map(areaAddress).join(",")).FormatConditions.Add(XL.expression, undefined, `=${condition}`), look);
  if (hasRelativeReference(condition)) withActiveCell(app, ws, areas[0], add);
  else add();
}

type FormatStyle = { readonly fill?: string | null; readonly font: string; readonly border?: string | null };

function style(fc: WpsFormatCondition, look: FormatStyle): void {
  const { fill, font, border } = look;
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
 * Brings the workbook's marks to `plan` (`spans`: each sheet's used columns, where row marks
 * span): refuses before writing when a sheet to mark is gone or a sheet to change is protected;
 * then deletes the formats of ours no longer planned, adds the new ones and sets the as-of name,
 * or writes nothing when the workbook holds the plan already. If a write fails part-way, every
 * format of ours and the name are removed again before the error is reported, so the workbook is
 * never left half-marked.
 */
export function writeMarks(app: WpsApplication, book: WpsWorkbook, plan: MarkPlan, spans: ReadonlyMap<string, RowSpan>): void {
  const sheets = new Map(worksheetsOf(book).map((ws) => [ws.Name, ws]));
  const gone = plan.sheets.map((s) => s.sheet).filter((name) => !sheets.has(name));
  if (gone.length > 0) throw missingSheets(gone);
  const entries = markEntries(plan, LIMITS, (sheet) => spans.get(sheet) ?? null);
  const ours = new Map([...sheets].map(([name, ws]) => [name, oursOn(ws)]));
  const name = workbookName(book, AS_OF_NAME);
  const changes = markChanges(plan, entries, ours, nameState(name), LIMITS);
  if (isUnchanged(changes)) return;
  const locked = [...sheets.keys()].filter((s) => (changes.deletions.has(s) || changes.additions.has(s)) && isProtected(sheets.get(s)!));
  if (locked.length > 0) throw protectedSheets(locked, "highlight");

  try {
    if (changes.name !== null) {
      if (name) name.RefersTo = changes.name;
      else book.Names.Add(AS_OF_NAME, changes.name);
    }
    for (const [sheet, indices] of changes.deletions) removeFormats(sheets.get(sheet)!, indices);
    const order = (e: MarkEntry) => (e.kind === "error-cell" ? 1 : 0);
    for (const [sheet, added] of changes.additions) for (const e of [...added].sort((a, b) => order(a) - order(b))) writeEntry(app, sheets.get(sheet)!, e);
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

/** Deletes every conditional format of ours and the as-of name, and nothing else; refuses first if a sheet with marks is protected. */
export function clearMarks(book: WpsWorkbook): void {
  const marked = worksheetsOf(book)
    .map((ws) => ({ ws, ours: oursOn(ws) }))
    .filter((s) => s.ours.length > 0);
  const locked = marked.filter((s) => isProtected(s.ws)).map((s) => s.ws.Name);
  if (locked.length > 0) throw protectedSheets(locked, "clear");
  for (const s of marked) removeFormats(s.ws, s.ours.map((f) => f.index));
  workbookName(book, AS_OF_NAME)?.Delete();
}
