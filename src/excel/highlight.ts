/**
 * The highlight in Excel: the entries of src/host/marks.ts written as custom conditional formats
 * (`conditionalFormats.add("Custom")`, ExcelApi 1.6), and only where `markChanges` says the
 * workbook differs from the plan.
 *
 * Why conditional formats: the highlight must never change a value or the user's own formatting
 * and must come off exactly, also after the workbook was saved and reopened. A conditional format
 * lies on top of the cell's formatting, and deleting it brings the cell back exactly as it was.
 * Each format covers many areas at once (Worksheet.getRanges, ExcelApi 1.9), so the cost is a
 * handful of proxy operations per list of runs, never per cell.
 *
 * Which formats are ours, and whether each is there as planned, is read from their formulas alone
 * (the marker and its digest, core/marks/formats.ts), in the same request as the sheet's values.
 * Reading each format's areas would need ConditionalFormat.getRanges (ExcelApi 1.9), a call per
 * format that can be made only after a first round trip told which formats are ours.
 *
 * The as-of date the live marks compare with is the workbook-level name AS_OF_NAME. Without
 * ExcelApi 1.7 (a name's formula cannot be read back) the formulas hold the as-of itself.
 *
 * Relative references. Documented: Office.js sets a custom format's formula as text
 * (ConditionalFormatRule.formula) without saying which cell relative references are relative to;
 * Excel's own dialog enters them relative to the top-left cell of the "Applies to" range, and the
 * file format evaluates a cfRule per cell with relative parts as offsets from its first area.
 * Assumed: relative to the top-left cell of the format's first area (the first in the address
 * list). The marks do not depend on the difference (core/marks/formats.ts). The fake Excel of the
 * tests anchors at the first area's top-left cell.
 *
 * Round trips: one read (sheet list, protection, used-range widths, every format's custom formula,
 * the as-of name) and at most one write. Check-and-highlight asks the same of each sheet
 * (`queueMarkState`) in the request that reads its values, then writes with `writeHighlight`.
 */
import type { CheckResult } from "../core/result";
import { areaAddress } from "../core/sheet";
import { failedWrite, missingSheets, protectedSheets } from "../host/highlightMessages";
import {
  AS_OF_NAME,
  isUnchanged,
  markChanges,
  markEntries,
  ourFormat,
  type HostLimits,
  type MarkEntry,
  type NameState,
  type OurFormat,
  type RowSpan,
} from "../host/marks";
import { MAX_AREA_LIST_CHARS } from "../core/marks/formats";
import { officeErrorCode, toWorkbookError } from "./errors";
import { API, type ExcelHost } from "./host";

/** One sheet as the highlight needs to know it before writing. */
export interface SheetMarkState {
  readonly name: string;
  readonly protected: boolean;
  readonly span: RowSpan | null;
  /** The formats this add-in wrote (index: in the sheet's conditional-format collection). */
  readonly ours: readonly OurFormat[];
}

/** Everything a highlight or a clear reads before it writes. */
export interface MarkState {
  readonly sheets: ReadonlyMap<string, SheetMarkState>;
  readonly name: NameState;
}

/** What this Excel can hold (its requirement sets). */
function limitsOf(host: ExcelHost): HostLimits {
  return { names: host.supports(API.names), maxAddressChars: MAX_AREA_LIST_CHARS, oneAreaPerFormat: !host.supports(API.rangeAreas) };
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
  const ours: OurFormat[] = [];
  p.formats.items.forEach((cf, index) => {
    const found = cf.customOrNullObject.isNullObject ? null : ourFormat(index, cf.customOrNullObject.rule.formula);
    if (found) ours.push(found);
  });
  const span = p.used.isNullObject ? null : { left: p.used.columnIndex + 1, right: p.used.columnIndex + p.used.columnCount };
  return { name, protected: p.sheet.protection.protected, span, ours };
}

/** Queues the read of the as-of name; call the result after the sync. */
export function queueNameState(context: Excel.RequestContext, host: ExcelHost): () => NameState {
  // Conditional formats need ExcelApi 1.6, which has getItemOrNullObject (1.4); a name's formula needs 1.7.
  const readable = host.supports(API.names);
  const item = context.workbook.names.getItemOrNullObject(AS_OF_NAME).load(readable ? "formula" : "name");
  return () => ({ exists: !item.isNullObject, formula: !item.isNullObject && readable ? item.formula : null });
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
 * Every worksheet's mark state and the as-of name. `known` names (from an earlier check) are
 * probed in the first round trip with the sheet list; sheets added since cost one more, and so
 * does a known sheet that is gone (the probe is then repeated from the fresh list).
 */
async function readMarkState(context: Excel.RequestContext, host: ExcelHost, known: readonly string[]): Promise<MarkState> {
  const worksheets = context.workbook.worksheets;
  let probes = new Map<string, Probe>();
  let name: () => NameState = () => ({ exists: false, formula: null });
  const queue = (names: readonly string[]) => {
    worksheets.load("items/name");
    name = queueNameState(context, host);
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
  return { sheets: new Map(names.map((n) => [n, stateOf(n, probes.get(n)!)])), name: name() };
}

/** Refuses, before anything is written, when a sheet to be changed is protected. */
function assertUnprotected(sheets: readonly SheetMarkState[], action: "highlight" | "clear"): void {
  const locked = sheets.filter((s) => s.protected).map((s) => s.name);
  if (locked.length > 0) throw protectedSheets(locked, action);
}

/** Queues the deletion of formats on one sheet. Highest index first: a deletion renumbers those after it. */
function queueDeletions(context: Excel.RequestContext, sheet: string, indices: readonly number[]): void {
  if (indices.length === 0) return;
  const formats = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
  for (const index of [...indices].sort((a, b) => b - a)) formats.getItemAt(index).delete();
}

/**
 * Queues one sheet's new formats. Excel adds each at the top priority: error cells last, so that
 * their border and text colour come out on top of the row fills.
 */
function queueAdditions(context: Excel.RequestContext, host: ExcelHost, sheet: string, entries: readonly MarkEntry[]): void {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const order = (e: MarkEntry) => (e.kind === "error-cell" ? 1 : 0);
  for (const e of [...entries].sort((a, b) => order(a) - order(b))) {
    const addresses = e.areas.map(areaAddress);
    // ExcelApi 1.6–1.8 (Excel 2019): no range areas, and each entry has one area.
    const target: Excel.Range | Excel.RangeAreas = host.supports(API.rangeAreas) ? worksheet.getRanges(addresses.join(",")) : worksheet.getRange(addresses[0]);
    applyStyle(target.conditionalFormats.add("Custom"), e);
  }
}

function queueName(context: Excel.RequestContext, formula: string, exists: boolean): void {
  if (exists) context.workbook.names.getItem(AS_OF_NAME).formula = formula;
  else context.workbook.names.add(AS_OF_NAME, formula);
}

function applyStyle(cf: Excel.ConditionalFormat, entry: MarkEntry): void {
  const { fill, font, border } = entry.style;
  const custom = cf.custom;
  custom.rule.formula = `=${entry.condition}`;
  if (fill) custom.format.fill.color = fill;
  custom.format.font.color = font;
  if (border) {
    const borders = custom.format.borders;
    for (const edge of [borders.top, borders.bottom, borders.left, borders.right]) {
      edge.style = "Continuous";
      edge.color = border;
    }
  }
}

/**
 * Brings the workbook's marks to those of `result`: one read, then one batch with only the
 * changes (none when nothing changed). `known`: sheet names an earlier check found (saves a round trip).
 */
export async function applyHighlight(context: Excel.RequestContext, host: ExcelHost, result: CheckResult, known: readonly string[]): Promise<readonly string[]> {
  const marked = result.marks.sheets.map((s) => s.sheet);
  const state = await readMarkState(context, host, [...new Set([...known, ...marked])]);
  await writeHighlight(context, host, result, state);
  return [...state.sheets.keys()];
}

/**
 * The write of a highlight, from the mark state read earlier in the same Excel.run: refuses before
 * writing when a sheet to change is protected or gone, then deletes and adds only what changed, in
 * one batch, or writes nothing at all. Office.js batches are not transactional; if the write fails
 * part-way, every format of ours (and the name) is removed again before the error is reported, so
 * the workbook is never left half-marked.
 */
export async function writeHighlight(context: Excel.RequestContext, host: ExcelHost, result: CheckResult, state: MarkState): Promise<void> {
  const gone = result.marks.sheets.map((s) => s.sheet).filter((s) => !state.sheets.has(s));
  if (gone.length > 0) throw missingSheets(gone);
  const limits = limitsOf(host);
  const entries = markEntries(result.marks, limits, (sheet) => state.sheets.get(sheet)?.span ?? null);
  const ours = new Map([...state.sheets].map(([name, s]) => [name, s.ours]));
  const changes = markChanges(result.marks, entries, ours, state.name, limits);
  if (isUnchanged(changes)) return;
  assertUnprotected([...state.sheets.values()].filter((s) => changes.deletions.has(s.name) || changes.additions.has(s.name)), "highlight");

  if (changes.name !== null) queueName(context, changes.name, state.name.exists);
  for (const [sheet, indices] of changes.deletions) queueDeletions(context, sheet, indices);
  for (const [sheet, added] of changes.additions) queueAdditions(context, host, sheet, added);
  try {
    await context.sync();
  } catch (e) {
    const cause = toWorkbookError(e, "highlight");
    let rolledBack = true;
    try {
      await clearHighlight(context, host, [...state.sheets.keys()]);
    } catch {
      rolledBack = false;
    }
    throw failedWrite(cause, rolledBack);
  }
}

/** Deletes every conditional format of ours and the as-of name, and nothing else: one read, one write. */
export async function clearHighlight(context: Excel.RequestContext, host: ExcelHost, known: readonly string[]): Promise<readonly string[]> {
  const state = await readMarkState(context, host, known);
  const marked = [...state.sheets.values()].filter((s) => s.ours.length > 0);
  assertUnprotected(marked, "clear");
  if (marked.length > 0 || state.name.exists) {
    for (const s of marked) queueDeletions(context, s.name, s.ours.map((f) => f.index));
    if (state.name.exists) context.workbook.names.getItem(AS_OF_NAME).delete();
    await context.sync();
  }
  return [...state.sheets.keys()];
}
