/**
 * One batched read of every worksheet into the core's WorkbookInput.
 *
 * Round trips (context.sync): one for the sheet list and the used ranges' extents, one per value
 * request. A value request holds at most `cellBudget` cells, so a normal workbook is read in one
 * request and only sheets near Excel on the web's 5 MB payload cap need more. The extents are read
 * before the values because nothing else tells how large a sheet is, and a request above the cap
 * fails whole (or, on some builds, comes back with `values` null). A second extents round trip is
 * needed only when the sheet list is not yet known (the port's first check) or has changed.
 *
 * A `direct` read asks each sheet's values together with its extents (whole used ranges), which
 * saves the value round trip when the caller has reason to think the workbook fits one request:
 * check-and-highlight needs that to stay within three round trips. If Excel refuses that request
 * as too large, or answers it with `values` null, the read falls back to the extents-first chunks
 * above, at the price of the refused round trip.
 */
import { areaAddress, gridRows, type CellValue, type DateSystem, type MergeArea, type SheetInput, type WorkbookInput } from "../core/sheet";
import { parseAreas } from "../host/areas";
import { isPayloadTooLarge, officeErrorCode } from "./errors";
import { API, type ExcelHost } from "./host";

export interface ReadOptions<E = undefined> {
  /** Sheet names an earlier read found: their extents are asked in the first round trip. */
  readonly knownSheets?: readonly string[];
  /**
   * Cells per value request. Office.js sends `values` as JSON: a ledger cell (Chinese text, a
   * serial date, an amount, mostly short) averages well under 25 bytes, so 200,000 cells stay
   * under 5 MB; a request that still fails for its size is halved and retried.
   */
  readonly cellBudget?: number;
  /** The date system when the caller knows it; otherwise probed (see `queueDateSystemProbe`). */
  readonly dateSystem?: DateSystem;
  /** Read the values with the extents, in one request (see above). */
  readonly direct?: boolean;
  /**
   * More of each sheet to read in the request that reads its extents (queued again if that request
   * is repeated), given the sheet's used range (its extents loaded); the returned function gives
   * the answer after the sync.
   */
  readonly alongside?: (sheet: string, used: Excel.Range) => () => E;
}

export const DEFAULT_CELL_BUDGET = 200_000;
/** Below this a request is not split further: the failure is then reported. */
const MIN_CELL_BUDGET = 2_000;

export interface WorkbookRead<E = undefined> {
  readonly input: WorkbookInput;
  readonly dateSystem: DateSystem;
  /** Every worksheet, in tab order. */
  readonly sheetNames: readonly string[];
  /** Cells of all used ranges: whether the next read may be `direct`. */
  readonly cells: number;
  /** What `alongside` read, per worksheet. */
  readonly alongside: ReadonlyMap<string, E>;
}

/**
 * The workbook's date system, read without writing anything. No property tells it; but
 * `workbook.functions` (ExcelApi 1.2) evaluates a worksheet function in the workbook's calculation
 * engine without touching a cell, and DATE(1904,1,1) is 0 in the 1904 system and 1462 in the 1900
 * one. Where the functions API is missing, 1900 (Excel's default on Windows and the web) is assumed.
 * Queue it, sync, then call the returned function.
 */
export function queueDateSystemProbe(context: Excel.RequestContext, host: ExcelHost, known?: DateSystem): () => DateSystem {
  if (known) return () => known;
  if (!host.supports(API.functions)) return () => 1900;
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value,error");
  return () => (!probe.error && probe.value === 0 ? 1904 : 1900);
}

interface Extent {
  readonly name: string;
  readonly hidden: boolean;
  /** 1-based first row and column of the used range; rows 0 for a blank sheet. */
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

/** A block of whole used-range rows of one sheet. */
interface Chunk {
  readonly sheet: string;
  readonly top: number;
  readonly rows: number;
  readonly left: number;
  readonly columns: number;
  /** The sheet's first chunk also asks for its merged areas. */
  readonly first: boolean;
}

type UsedRange = Excel.Range;

function queueUsedRange(sheet: Excel.Worksheet, host: ExcelHost): UsedRange {
  // ExcelApi 1.4 tells a blank sheet apart; 1.2's getUsedRange gives A1 there, which reads as one blank cell.
  const range = host.supports(API.nullObjects)
    ? sheet.getUsedRangeOrNullObject(true)
    : sheet.getUsedRange(host.supports(API.functions) ? true : undefined);
  range.load("rowIndex,columnIndex,rowCount,columnCount");
  return range;
}

function extentOf(name: string, hidden: boolean, range: UsedRange, host: ExcelHost): Extent {
  if (host.supports(API.nullObjects) && range.isNullObject) return { name, hidden, top: 1, left: 1, rows: 0, columns: 0 };
  return { name, hidden, top: range.rowIndex + 1, left: range.columnIndex + 1, rows: range.rowCount, columns: range.columnCount };
}

/** Reads every worksheet; the caller maps failures to a WorkbookError. */
export async function readWorkbook<E = undefined>(
  context: Excel.RequestContext,
  host: ExcelHost,
  options: ReadOptions<E> = {},
): Promise<WorkbookRead<E>> {
  const { extents, read, alongside, dateSystem, workbookName } = await probeSheets(context, host, options);
  const unread = extents.filter((e) => !read.has(e.name));
  const grids = new Map([...read, ...(await readValues(context, host, unread, options.cellBudget ?? DEFAULT_CELL_BUDGET))]);
  const sheets: SheetInput[] = extents.map((e) => {
    const values = grids.get(e.name);
    return {
      name: e.name,
      hidden: e.hidden,
      merges: values?.merges,
      rows: values ? gridRows(values.rows, e.top, e.left) : [],
    };
  });
  const input: WorkbookInput = { name: workbookName, dateSystem, sheets };
  const cells = extents.reduce((n, e) => n + e.rows * e.columns, 0);
  return { input, dateSystem, sheetNames: extents.map((e) => e.name), cells, alongside };
}

/** What one request asks of a sheet: its extents, with a direct read its values and merged areas, and the caller's extra. */
interface SheetProbe<E> {
  readonly used: UsedRange;
  readonly direct: boolean;
  readonly merges: Excel.RangeAreas | null;
  readonly extra: (() => E) | null;
}

function queueSheetProbe<E>(
  sheet: Excel.Worksheet,
  name: string,
  host: ExcelHost,
  ask: { direct: boolean; merges: boolean; alongside?: ReadOptions<E>["alongside"] },
): SheetProbe<E> {
  const used = queueUsedRange(sheet, host);
  if (ask.direct) used.load("values");
  // The whole sheet's merged areas, cut to the used range after the sync: no method may be called
  // on the used range before the sync has told whether it is a null object (a blank sheet).
  const merges = ask.direct && ask.merges ? sheet.getRange().getMergedAreasOrNullObject().load("address") : null;
  return { used, direct: ask.direct, merges, extra: ask.alongside?.(name, used) ?? null };
}

function overlaps(a: MergeArea, e: Extent): boolean {
  return a.top < e.top + e.rows && e.top <= a.bottom && a.left < e.left + e.columns && e.left <= a.right;
}

async function probeSheets<E>(
  context: Excel.RequestContext,
  host: ExcelHost,
  options: ReadOptions<E>,
): Promise<{
  extents: Extent[];
  read: Map<string, SheetValues>;
  alongside: Map<string, E>;
  dateSystem: DateSystem;
  workbookName: string | undefined;
}> {
  const worksheets = context.workbook.worksheets;
  let known = options.knownSheets ?? [];
  let direct = options.direct === true;
  let merges = direct && host.supports(API.mergedAreas);
  let listed: { name: string; hidden: boolean }[] | null = null;
  const probes = new Map<string, SheetProbe<E>>();
  let dateSystem: () => DateSystem = () => 1900;
  let workbook: Excel.Workbook | null = null;

  // Until the list is known: the list with the known sheets' probes. Then: the probes of sheets
  // not yet probed (added since the earlier read, or all of them on a first read).
  for (;;) {
    const ask = (listed ? listed.map((s) => s.name) : known).filter((name) => !probes.has(name));
    if (listed && ask.length === 0) break;
    if (!listed) {
      worksheets.load("items/name,items/visibility");
      dateSystem = queueDateSystemProbe(context, host, options.dateSystem);
      workbook = host.supports(API.workbookName) ? context.workbook.load("name") : null;
    }
    const batch = ask.map((name) => [name, queueSheetProbe(worksheets.getItem(name), name, host, { direct, merges, alongside: options.alongside })] as const);
    try {
      // The list (unless known), the sheets' probes, the probes of sheets added in between; a refused
      // request is asked again once per fallback. Never one per row or per sheet.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const tooLarge = isPayloadTooLarge(e);
      if (!listed && known.length > 0 && officeErrorCode(e) === "ItemNotFound") {
        known = []; // a sheet of the earlier list is gone: ask again without guessing
      } else if (direct && tooLarge) {
        direct = false;
      } else if (direct && merges && !tooLarge) {
        merges = false; // getMergedAreasOrNullObject fails above 512 areas: read on without them
      } else {
        throw e;
      }
      continue;
    }
    listed ??= worksheets.items.map((ws) => ({ name: ws.name, hidden: ws.visibility !== "Visible" }));
    for (const [name, probe] of batch) probes.set(name, probe);
  }

  const extents = listed.map((s) => extentOf(s.name, s.hidden, probes.get(s.name)!.used, host));
  const read = new Map<string, SheetValues>();
  const alongside = new Map<string, E>();
  for (const e of extents) {
    const probe = probes.get(e.name)!;
    if (probe.extra) alongside.set(e.name, probe.extra());
    // Excel on the web may answer an oversized read with values null: such a sheet is read in chunks.
    if (!probe.direct || e.rows === 0 || e.columns === 0 || !Array.isArray(probe.used.values)) continue;
    const areas = probe.merges && !probe.merges.isNullObject ? parseAreas(probe.merges.address).filter((a) => overlaps(a, e)) : undefined;
    read.set(e.name, { rows: probe.used.values as CellValue[][], merges: areas });
  }
  const wb = workbook as Excel.Workbook | null;
  return { extents, read, alongside, dateSystem: dateSystem(), workbookName: wb?.name || undefined };
}

interface SheetValues {
  rows: CellValue[][];
  merges?: MergeArea[];
}

async function readValues(
  context: Excel.RequestContext,
  host: ExcelHost,
  extents: readonly Extent[],
  initialBudget: number,
): Promise<Map<string, SheetValues>> {
  const grids = new Map<string, SheetValues>();
  const pending: Chunk[] = extents
    .filter((e) => e.rows > 0 && e.columns > 0)
    .map((e) => ({ sheet: e.name, top: e.top, rows: e.rows, left: e.left, columns: e.columns, first: true }));
  for (const c of pending) grids.set(c.sheet, { rows: [] });
  const extentOfSheet = new Map(extents.map((e) => [e.name, e]));
  let budget = Math.max(initialBudget, MIN_CELL_BUDGET);
  let withMerges = host.supports(API.mergedAreas);

  while (pending.length > 0) {
    const request = takeRequest(pending, budget);
    const worksheets = context.workbook.worksheets;
    const ranges = request.map((c) => {
      const range = worksheets.getItem(c.sheet).getRange(areaAddress({ top: c.top, left: c.left, bottom: c.top + c.rows - 1, right: c.left + c.columns - 1 }));
      range.load("values");
      return range;
    });
    const merges = new Map<string, Excel.RangeAreas>();
    if (withMerges) {
      for (const c of request.filter((c) => c.first)) {
        const e = extentOfSheet.get(c.sheet)!;
        const used = worksheets.getItem(c.sheet).getRange(areaAddress({ top: e.top, left: e.left, bottom: e.top + e.rows - 1, right: e.left + e.columns - 1 }));
        merges.set(c.sheet, used.getMergedAreasOrNullObject().load("address"));
      }
    }
    let failure: unknown = null;
    try {
      // One round trip per request is the point of chunking: each request is one payload under the cap.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      failure = e;
    }
    // Excel on the web may answer an oversized read with values null instead of an error.
    const tooLarge = failure ? isPayloadTooLarge(failure) : ranges.some((r) => r.values === null || r.values === undefined);
    if (failure || tooLarge) {
      pending.unshift(...request);
      if (tooLarge && budget > MIN_CELL_BUDGET) {
        budget = Math.max(MIN_CELL_BUDGET, Math.floor(budget / 2));
        continue;
      }
      if (failure && !tooLarge && merges.size > 0) {
        // Merged areas are a nicety (getMergedAreasOrNullObject fails above 512 areas): read on without them.
        withMerges = false;
        continue;
      }
      throw failure ?? Object.assign(new Error("values too large"), { code: "ResponsePayloadSizeLimitExceeded" });
    }
    request.forEach((c, i) => {
      const target = grids.get(c.sheet)!;
      for (const row of ranges[i].values as CellValue[][]) target.rows.push(row);
    });
    for (const [sheet, areas] of merges) {
      if (!areas.isNullObject) grids.get(sheet)!.merges = parseAreas(areas.address);
    }
  }
  return grids;
}

/** The next request: whole chunks while they fit, then the rows of the next one that still fit. */
function takeRequest(pending: Chunk[], budget: number): Chunk[] {
  const request: Chunk[] = [];
  let cells = 0;
  while (pending.length > 0) {
    const c = pending[0];
    const fit = Math.floor((budget - cells) / c.columns);
    if (fit >= c.rows) {
      request.push(c);
      cells += c.rows * c.columns;
      pending.shift();
      continue;
    }
    // A row wider than the whole budget is still read, alone.
    const rows = fit >= 1 ? fit : request.length === 0 ? 1 : 0;
    if (rows > 0) {
      request.push({ ...c, rows });
      pending[0] = { ...c, top: c.top + rows, rows: c.rows - rows, first: false };
    }
    break;
  }
  return request;
}
