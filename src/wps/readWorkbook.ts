/**
 * Reading every worksheet of the open WPS workbook into the core's WorkbookInput. The object
 * model is synchronous: each sheet is one UsedRange read (its extent and Value2), so the cost grows
 * with sheets, not rows. Merged areas (which the core uses to read two-row headers) have no list in
 * the VBA model; they are found by halving the used range while `MergeCells` says it holds some, so
 * a sheet with a merged title and header costs a few dozen calls, and a sheet without any one.
 */
import type { DateSystem, MergeArea, SheetInput, WorkbookInput } from "../core/sheet";
import { areaAddress, gridRows } from "../core/sheet";
import type { RowSpan } from "../host/marks";
import type { WpsApplication, WpsWorksheet } from "./objectModel";
import { activeWorkbook, extentOf, gridOf, isVisible, spanOf, worksheetsOf, type Extent } from "./sheets";

/** Above this many merged areas on a sheet the merges are skipped: the core reads headers without them. */
const MAX_MERGED_AREAS = 2_000;

export interface WpsRead {
  readonly input: WorkbookInput;
  readonly dateSystem: DateSystem;
  /** Each worksheet's used columns (where a row mark spans), by name, in tab order. */
  readonly spans: ReadonlyMap<string, RowSpan>;
}

export function readWorkbook(app: WpsApplication): WpsRead {
  const book = activeWorkbook(app, "check");
  const dateSystem: DateSystem = book.Date1904 ? 1904 : 1900;
  const spans = new Map<string, RowSpan>();
  const sheets: SheetInput[] = worksheetsOf(book).map((ws) => {
    const used = ws.UsedRange;
    const extent = extentOf(used);
    spans.set(ws.Name, spanOf(extent));
    return {
      name: ws.Name,
      hidden: !isVisible(ws),
      merges: mergedAreas(ws, extent),
      rows: gridRows(gridOf(used.Value2), extent.top, extent.left),
    };
  });
  return { input: { name: book.Name || undefined, dateSystem, sheets }, dateSystem, spans };
}

/**
 * The merged areas that touch the used range, or undefined when WPS does not say (MergeCells
 * neither true, false nor null) or there are more than MAX_MERGED_AREAS.
 */
function mergedAreas(ws: WpsWorksheet, extent: Extent): MergeArea[] | undefined {
  const found = new Map<string, MergeArea>();
  let unknown = false;
  const visit = (block: MergeArea): void => {
    if (unknown || found.size > MAX_MERGED_AREAS) return;
    const range = ws.Range(areaAddress(block));
    const merged = range.MergeCells;
    if (merged === false) return;
    if (merged !== true && merged !== null) {
      unknown = true;
      return;
    }
    const single = block.top === block.bottom && block.left === block.right;
    if (single || merged === true) {
      // All merged: if the top-left cell's area is the whole block, that is the one area.
      const area = extentOf(range.MergeArea);
      const a = { top: area.top, left: area.left, bottom: area.top + area.rows - 1, right: area.left + area.columns - 1 };
      if (a.bottom > a.top || a.right > a.left) found.set(areaAddress(a), a);
      if (single || (a.top <= block.top && a.left <= block.left && a.bottom >= block.bottom && a.right >= block.right)) return;
    }
    const rows = block.bottom - block.top + 1;
    const columns = block.right - block.left + 1;
    if (rows >= columns) {
      const mid = block.top + Math.floor(rows / 2);
      visit({ ...block, bottom: mid - 1 });
      visit({ ...block, top: mid });
    } else {
      const mid = block.left + Math.floor(columns / 2);
      visit({ ...block, right: mid - 1 });
      visit({ ...block, left: mid });
    }
  };
  if (extent.rows > 0 && extent.columns > 0) {
    visit({ top: extent.top, left: extent.left, bottom: extent.top + extent.rows - 1, right: extent.left + extent.columns - 1 });
  }
  if (unknown || found.size > MAX_MERGED_AREAS) return undefined;
  return [...found.values()];
}
