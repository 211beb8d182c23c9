/**
 * The highlight: project rows by start-date status and the cells of error findings.
 *
 * Why conditional formats, and why over range areas: the highlight must never change a value or
 * the user's own formatting and must come off exactly, also after the workbook was saved and
 * reopened. Writing fills and fonts into the cells would overwrite the user's own (and "clear"
 * would have to remember and restore them across a reopen). A conditional format lies on top of
 * the cell's formatting and deleting it brings the cell back exactly as it was. Conditional formats
 * carry no tag, so ours are recognisable by their rule: a custom formula that only this add-in
 * writes, =ISTEXT("zsledger-mark:…"), always TRUE, with the mark's kind in the marker. Clear
 * deletes conditional formats whose formula carries the marker and nothing else. Each format is
 * applied to many areas at once (Worksheet.getRanges, ExcelApi 1.9), so the cost is a handful of
 * proxy operations per list of runs (consecutive rows or cells merged), never per cell.
 *
 * Round trips: one read (sheet list, protection, used-range widths, every conditional format's
 * custom formula) and one write. The read comes first so that a protected sheet is found before
 * anything is written, and so that only formats whose formula was just seen to be ours are deleted.
 * Check-and-highlight asks the same of each sheet (`queueMarkState`) in the request that reads its
 * values, then writes with `writeHighlight`: the same safety, one round trip fewer.
 */
import { isMarkFormula, markCondition, MARK_KINDS, MARK_STYLES, planMarks as planSheetMarks, type MarkKind } from "../core/marks";
import type { CheckResult } from "../core/result";
import type { MergeArea } from "../core/sheet";
import { areaAddress, packAreas } from "../host/areas";
import { failedWrite, missingSheets, protectedSheets } from "../host/highlightMessages";
import { officeErrorCode, toWorkbookError } from "./errors";
import { API, type ExcelHost } from "./host";

export { isMarkFormula, MARK_KINDS, MARK_STYLES, type MarkKind } from "../core/marks";

/** The formula of a mark's conditional format as Office.js writes it. */
export function markFormula(kind: MarkKind): string {
  return `=${markCondition(kind)}`;
}

/**
 * Keeps each getRanges address list (and so each conditional format's area list) short:
 * office-js#5198 saw lists near 8,200 characters rejected.
 */
export const MAX_ADDRESS_CHARS = 2_000;

/** Columns a row mark spans on a sheet: the used range's, 1-based and inclusive. */
export interface RowSpan {
  readonly left: number;
  readonly right: number;
}

export type SheetPlan = Readonly<Record<MarkKind, readonly MergeArea[]>>;

/**
 * What to mark, per sheet, as areas: rows of the same mark that follow each other form one run
 * (A5:P7), error cells one run per column (E15:E17). Pure; `spanOf` gives a sheet's used columns.
 */
export function planMarks(result: CheckResult, spanOf: (sheet: string) => RowSpan | null): Map<string, SheetPlan> {
  const plans = new Map<string, SheetPlan>();
  for (const [sheet, marks] of planSheetMarks(result)) {
    const maxColumn = Math.max(1, ...marks.errorCells.map((a) => a.right));
    const span = spanOf(sheet) ?? { left: 1, right: maxColumn };
    const rowAreas = (kind: MarkKind): MergeArea[] =>
      (marks.rows.get(kind) ?? []).map(([top, bottom]) => ({ top, bottom, left: span.left, right: span.right }));
    plans.set(sheet, { "start-alert": rowAreas("start-alert"), "start-soon": rowAreas("start-soon"), "error-cell": marks.errorCells });
  }
  return plans;
}

/** One sheet as the highlight needs to know it before writing. */
export interface SheetMarkState {
  readonly name: string;
  readonly protected: boolean;
  readonly span: RowSpan | null;
  /** Indices (in the sheet's conditional-format collection) of the formats this add-in wrote. */
  readonly ours: readonly number[];
}

interface Probe {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly formats: Excel.ConditionalFormatCollection;
}

function queueProbe(worksheets: Excel.WorksheetCollection, name: string, usedRange?: Excel.Range): Probe {
  const sheet = worksheets.getItem(name);
  sheet.protection.load("protected");
  const used = usedRange ?? sheet.getUsedRangeOrNullObject(true).load("columnIndex,columnCount");
  // customOrNullObject is a navigation property, so every format's formula comes in this same read.
  const formats = sheet.getRange().conditionalFormats.load("items/customOrNullObject/rule/formula");
  return { sheet, used, formats };
}

function stateOf(name: string, p: Probe): SheetMarkState {
  const ours: number[] = [];
  p.formats.items.forEach((cf, i) => {
    if (!cf.customOrNullObject.isNullObject && isMarkFormula(cf.customOrNullObject.rule.formula)) ours.push(i);
  });
  const span = p.used.isNullObject ? null : { left: p.used.columnIndex + 1, right: p.used.columnIndex + p.used.columnCount };
  return { name, protected: p.sheet.protection.protected, span, ours };
}

/**
 * Queues what the highlight must know of one sheet before writing; call the result after the sync.
 * `used`: the sheet's used range (values only, columnIndex and columnCount loaded) when the caller
 * reads it anyway.
 */
export function queueMarkState(context: Excel.RequestContext, name: string, used?: Excel.Range): () => SheetMarkState {
  const probe = queueProbe(context.workbook.worksheets, name, used);
  return () => stateOf(name, probe);
}

/**
 * Every worksheet's mark state. `known` names (from an earlier check) are probed in the first
 * round trip with the sheet list; sheets added since cost one more, and so does a known sheet that
 * is gone (the probe is then repeated from the fresh list).
 */
export async function readMarkState(
  context: Excel.RequestContext,
  known: readonly string[],
): Promise<Map<string, SheetMarkState>> {
  const worksheets = context.workbook.worksheets;
  let probes = new Map<string, Probe>();
  const queue = (names: readonly string[]) => {
    worksheets.load("items/name");
    probes = new Map(names.map((n) => [n, queueProbe(worksheets, n)]));
  };
  queue(known);
  try {
    await context.sync();
  } catch (e) {
    if (known.length === 0 || officeErrorCode(e) !== "ItemNotFound") throw e;
    queue([]);
    await context.sync();
  }
  const names = worksheets.items.map((ws) => ws.name);
  const added = names.filter((n) => !probes.has(n));
  if (added.length > 0) {
    for (const n of added) probes.set(n, queueProbe(worksheets, n));
    await context.sync();
  }
  return new Map(names.map((n) => [n, stateOf(n, probes.get(n)!)]));
}

/** Refuses, before anything is written, when a sheet to be changed is protected. */
export function assertUnprotected(sheets: readonly SheetMarkState[], action: "highlight" | "clear"): void {
  const locked = sheets.filter((s) => s.protected).map((s) => s.name);
  if (locked.length === 0) return;
  throw protectedSheets(locked, action);
}

/** Queues the deletion of our formats on one sheet. Highest index first: a deletion renumbers those after it. */
export function queueRemoval(context: Excel.RequestContext, state: SheetMarkState): void {
  if (state.ours.length === 0) return;
  const formats = context.workbook.worksheets.getItem(state.name).getRange().conditionalFormats;
  for (const index of [...state.ours].sort((a, b) => b - a)) formats.getItemAt(index).delete();
}

/** Queues one sheet's marks: one conditional format per mark kind and address list. */
export function queueMarks(context: Excel.RequestContext, host: ExcelHost, sheet: string, plan: SheetPlan): void {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  for (const kind of MARK_KINDS) {
    const addresses = plan[kind].map(areaAddress);
    if (addresses.length === 0) continue;
    const targets: (Excel.Range | Excel.RangeAreas)[] = host.supports(API.rangeAreas)
      ? packAreas(addresses, MAX_ADDRESS_CHARS).map((list) => worksheet.getRanges(list))
      : // ExcelApi 1.6–1.8 (Excel 2019): no range areas, so one format per run; still none per cell.
        addresses.map((a) => worksheet.getRange(a));
    for (const target of targets) applyStyle(target.conditionalFormats.add("Custom"), kind);
  }
}

function applyStyle(cf: Excel.ConditionalFormat, kind: MarkKind): void {
  const style = MARK_STYLES[kind];
  const custom = cf.custom;
  custom.rule.formula = markFormula(kind);
  if (style.fill) custom.format.fill.color = style.fill;
  custom.format.font.color = style.font;
  if (style.border) {
    const borders = custom.format.borders;
    for (const edge of [borders.top, borders.bottom, borders.left, borders.right]) {
      edge.style = "Continuous";
      edge.color = style.border;
    }
  }
}

/**
 * Replaces the workbook's marks with those of `result`: one read, then one batch that deletes our
 * old formats and adds the new ones. `known`: sheet names an earlier check found (saves a round trip).
 */
export async function applyHighlight(
  context: Excel.RequestContext,
  host: ExcelHost,
  result: CheckResult,
  known: readonly string[],
): Promise<readonly string[]> {
  const marked = new Set<string>([...result.projects.map((p) => p.sheet), ...result.findings.map((f) => f.sheet)].filter(Boolean));
  const states = await readMarkState(context, [...new Set([...known, ...marked])]);
  await writeHighlight(context, host, result, states);
  return [...states.keys()];
}

/**
 * The write of a highlight, from every worksheet's mark state read earlier in the same Excel.run:
 * refuses before writing when a sheet to change is protected or gone, then deletes the formats that
 * read saw to be ours and adds the new ones, in one batch. Office.js batches are not transactional;
 * if the write fails part-way, every format of ours is removed again before the error is reported,
 * so the workbook is never left half-marked.
 */
export async function writeHighlight(
  context: Excel.RequestContext,
  host: ExcelHost,
  result: CheckResult,
  states: ReadonlyMap<string, SheetMarkState>,
): Promise<void> {
  const plans = planMarks(result, (sheet) => states.get(sheet)?.span ?? null);
  const gone = [...plans.keys()].filter((s) => !states.has(s));
  if (gone.length > 0) throw missingSheets(gone);
  const touched = [...states.values()].filter((s) => s.ours.length > 0 || plans.has(s.name));
  assertUnprotected(touched, "highlight");
  if (touched.length === 0) return;

  for (const s of touched) queueRemoval(context, s);
  for (const [sheet, plan] of plans) queueMarks(context, host, sheet, plan);
  try {
    await context.sync();
  } catch (e) {
    const cause = toWorkbookError(e, "highlight");
    let rolledBack = true;
    try {
      await clearHighlight(context, [...states.keys()]);
    } catch {
      rolledBack = false;
    }
    throw failedWrite(cause, rolledBack);
  }
}

/** Deletes every conditional format of ours, and nothing else: one read, one write. */
export async function clearHighlight(context: Excel.RequestContext, known: readonly string[]): Promise<readonly string[]> {
  const states = await readMarkState(context, known);
  const marked = [...states.values()].filter((s) => s.ours.length > 0);
  assertUnprotected(marked, "clear");
  if (marked.length > 0) {
    for (const s of marked) queueRemoval(context, s);
    await context.sync();
  }
  return [...states.keys()];
}
