/**
 * The highlight: project rows by start-date status and the cells of error findings, as conditional
 * formats whose formulas re-test their cause (src/core/marks.ts says which formulas and why).
 *
 * Why conditional formats: the highlight must never change a value or the user's own formatting
 * and must come off exactly, also after the workbook was saved and reopened. A conditional format
 * lies on top of the cell's formatting, and deleting it brings the cell back exactly as it was.
 * Each format covers many areas at once (Worksheet.getRanges, ExcelApi 1.9), so the cost is a
 * handful of proxy operations per list of runs, never per cell.
 *
 * Writes only when something changed. Every format of ours carries a marker string in its formula,
 * "zsledger-mark:<kind>:<digest>", and the digest covers its condition and areas: the formula text,
 * read in the same request as the sheet's values, tells whether a format is there as planned.
 * The re-check compares the plan's markers with the workbook's, writes nothing when they are
 * equal, and otherwise deletes only the formats no longer planned and adds only the new ones (and
 * rewrites the as-of name only when its formula changed). Reading each format's areas instead
 * would need ConditionalFormat.getRanges (ExcelApi 1.9), a call per format that can be made only
 * after a first round trip has told which formats are ours: one more round trip per re-check.
 * Excel moves a format's areas with inserted or deleted rows; the marker then still names the old
 * plan, which a re-check after such an edit no longer has, so that format is replaced.
 *
 * The as-of date the live marks compare with is the workbook-level name AS_OF_NAME (a conditional
 * format's formula may not safely refer to another sheet in the file format; a defined name may).
 * Without ExcelApi 1.7 (a name's formula cannot be read back) the formulas hold the as-of itself.
 *
 * Relative references. What is documented: Office.js sets a custom conditional format's formula
 * as text (ConditionalFormatRule.formula, ExcelApi 1.6) without saying which cell relative
 * references are relative to; Excel's own dialog enters them relative to the top-left cell of the
 * "Applies to" range, and the file format's cfRule formula is evaluated per cell with relative
 * parts as offsets. What is assumed: relative to the top-left cell of the format's first area (the
 * first in the address list). The marks do not depend on the difference: columns are absolute, and
 * the first area's top row is the smallest of all (areas are sorted), so the first area's top-left
 * and the top-left of all the areas give the same rows. The fake Excel of the tests anchors at the
 * first area's top-left cell.
 *
 * Round trips: one read (sheet list, protection, used-range widths, every format's custom formula,
 * the as-of name) and at most one write. Check-and-highlight asks the same of each sheet
 * (`queueMarkState`) in the request that reads its values, then writes with `writeHighlight`.
 */
import { AS_OF_NAME, asOfFormula, MAX_AREA_LIST_CHARS, inlineAsOf, isMarkFormula, markFormats, markIdOf, MARK_STYLES, type MarkFormat, type MarkPlan } from "../core/marks";
import type { CheckResult } from "../core/result";
import { areaAddress } from "./areas";
import { officeErrorCode, sheetList, toWorkbookError } from "./errors";
import { API, type ExcelHost } from "./host";
import { WorkbookError } from "./port";

export { isMarkFormula, MARK_KINDS, MARK_STYLES, type MarkKind } from "../core/marks";

/** Keeps each getRanges address list (and so each conditional format's area list) short (see core/marks.ts). */
export const MAX_ADDRESS_CHARS = MAX_AREA_LIST_CHARS;

/** Columns a row mark spans on a sheet: the used range's, 1-based and inclusive. */
export interface RowSpan {
  readonly left: number;
  readonly right: number;
}

/** One conditional format of ours as read from the workbook. */
export interface OurFormat {
  /** Index in the sheet's conditional-format collection. */
  readonly index: number;
  /** Its marker string (the previous version's formats have one without a digest). */
  readonly id: string;
}

/** One sheet as the highlight needs to know it before writing. */
export interface SheetMarkState {
  readonly name: string;
  readonly protected: boolean;
  readonly span: RowSpan | null;
  /** The formats this add-in wrote. */
  readonly ours: readonly OurFormat[];
}

/** The as-of name as read. */
export interface NameState {
  readonly exists: boolean;
  /** Its formula; null when absent or when the host cannot read it (below ExcelApi 1.7). */
  readonly formula: string | null;
}

/** Everything a highlight or a clear reads before it writes. */
export interface MarkState {
  readonly sheets: ReadonlyMap<string, SheetMarkState>;
  readonly name: NameState;
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
    if (cf.customOrNullObject.isNullObject) return;
    const formula = cf.customOrNullObject.rule.formula;
    if (isMarkFormula(formula)) ours.push({ index, id: markIdOf(formula)! });
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
export async function readMarkState(context: Excel.RequestContext, host: ExcelHost, known: readonly string[]): Promise<MarkState> {
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
export function assertUnprotected(sheets: readonly SheetMarkState[], action: "highlight" | "clear"): void {
  const locked = sheets.filter((s) => s.protected).map((s) => s.name);
  if (locked.length === 0) return;
  const names = sheetList(locked);
  throw new WorkbookError(
    action === "highlight"
      ? `工作表${names.zh}受保护，无法添加标记，本次没有做任何修改。请先在“审阅 → 撤消工作表保护”中取消保护，再点“标记”。`
      : `工作表${names.zh}受保护，无法清除标记，本次没有做任何修改。请先在“审阅 → 撤消工作表保护”中取消保护，再点“清除标记”。`,
    action === "highlight"
      ? `Sheet ${names.en} is protected, so nothing was highlighted. Unprotect it (Review → Unprotect Sheet) and highlight again.`
      : `Sheet ${names.en} is protected, so nothing was cleared. Unprotect it (Review → Unprotect Sheet) and clear again.`,
  );
}

/** What a highlight must change: per sheet the formats to delete (indices) and to add, and the name's new formula. */
export interface MarkChanges {
  readonly deletions: ReadonlyMap<string, readonly number[]>;
  readonly additions: ReadonlyMap<string, readonly MarkFormat[]>;
  /** The name's formula (with "=") to write, or null when it is right already (or the host keeps none). */
  readonly name: string | null;
}

/** The formats the plan asks for on this host. */
export function plannedFormats(plan: MarkPlan, host: ExcelHost, spanOf: (sheet: string) => RowSpan | null): MarkFormat[] {
  return markFormats(plan, {
    span: spanOf,
    asOfRef: host.supports(API.names) ? AS_OF_NAME : inlineAsOf(plan),
    maxAddressChars: MAX_ADDRESS_CHARS,
    oneAreaPerFormat: !host.supports(API.rangeAreas),
  });
}

/**
 * The difference between the plan and the workbook: a format stays when exactly one of ours has
 * its marker (a copy made by pasting formats leaves two: both go, and one comes back).
 */
export function markChanges(plan: MarkPlan, state: MarkState, host: ExcelHost): MarkChanges {
  const formats = plannedFormats(plan, host, (sheet) => state.sheets.get(sheet)?.span ?? null);
  const additions = new Map<string, MarkFormat[]>();
  const deletions = new Map<string, number[]>();
  const planned = new Map<string, MarkFormat[]>();
  for (const f of formats) planned.set(f.sheet, [...(planned.get(f.sheet) ?? []), f]);
  for (const [sheet, s] of state.sheets) {
    const wanted = new Set((planned.get(sheet) ?? []).map((f) => f.id));
    const seen = new Map<string, number>();
    for (const f of s.ours) seen.set(f.id, (seen.get(f.id) ?? 0) + 1);
    const keep = new Set([...seen].filter(([id, n]) => n === 1 && wanted.has(id)).map(([id]) => id));
    const drop = s.ours.filter((f) => !keep.has(f.id)).map((f) => f.index);
    const add = (planned.get(sheet) ?? []).filter((f) => !keep.has(f.id));
    if (drop.length > 0) deletions.set(sheet, drop);
    if (add.length > 0) additions.set(sheet, add);
  }
  for (const [sheet, list] of planned) if (!state.sheets.has(sheet)) additions.set(sheet, list);
  let name: string | null = null;
  if (host.supports(API.names) && formats.length > 0) {
    const wanted = `=${asOfFormula(plan.asOf)}`;
    if (state.name.formula === null || !sameFormula(state.name.formula, wanted)) name = wanted;
  }
  return { deletions, additions, name };
}

/** Formulas compared as Excel may give them back: quotes around sheet names, spaces and letter case aside. */
function sameFormula(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^=/, "").replace(/[\s']/g, "").toUpperCase();
  return norm(a) === norm(b);
}

/** Queues the deletion of formats on one sheet. Highest index first: a deletion renumbers those after it. */
function queueDeletions(context: Excel.RequestContext, sheet: string, indices: readonly number[]): void {
  if (indices.length === 0) return;
  const formats = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
  for (const index of [...indices].sort((a, b) => b - a)) formats.getItemAt(index).delete();
}

/** Queues one sheet's new formats; error cells last, so that they come out on top of the row fills. */
function queueAdditions(context: Excel.RequestContext, host: ExcelHost, sheet: string, formats: readonly MarkFormat[]): void {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const order = (f: MarkFormat) => (f.kind === "error-cell" ? 1 : 0);
  for (const f of [...formats].sort((a, b) => order(a) - order(b))) {
    const addresses = f.areas.map(areaAddress);
    // ExcelApi 1.6–1.8 (Excel 2019): no range areas, and the plan has one area per format.
    const target: Excel.Range | Excel.RangeAreas = host.supports(API.rangeAreas) ? worksheet.getRanges(addresses.join(",")) : worksheet.getRange(addresses[0]);
    applyStyle(target.conditionalFormats.add("Custom"), f);
  }
}

function queueName(context: Excel.RequestContext, formula: string, exists: boolean): void {
  if (exists) context.workbook.names.getItem(AS_OF_NAME).formula = formula;
  else context.workbook.names.add(AS_OF_NAME, formula);
}

function applyStyle(cf: Excel.ConditionalFormat, format: MarkFormat): void {
  const style = MARK_STYLES[format.kind];
  const custom = cf.custom;
  custom.rule.formula = `=${format.formula}`;
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

function missingSheets(names: readonly string[]): WorkbookError {
  const list = sheetList(names);
  return new WorkbookError(
    `找不到工作表${list.zh}（可能已被删除或重命名），本次没有做任何标记。请重新检查台账后再点“标记”。`,
    `Sheet ${list.en} was not found (it may have been deleted or renamed); nothing was highlighted. Check the ledger again, then highlight.`,
  );
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
  const changes = markChanges(result.marks, state, host);
  const touched = [...state.sheets.values()].filter((s) => changes.deletions.has(s.name) || changes.additions.has(s.name));
  assertUnprotected(touched, "highlight");
  if (touched.length === 0 && changes.name === null) return;

  if (changes.name !== null) queueName(context, changes.name, state.name.exists);
  for (const [sheet, indices] of changes.deletions) queueDeletions(context, sheet, indices);
  for (const [sheet, formats] of changes.additions) queueAdditions(context, host, sheet, formats);
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
    throw new WorkbookError(
      rolledBack
        ? `${cause.message}已撤回本次写入的全部标记，单元格内容和格式保持原样。`
        : `${cause.message}部分标记可能仍留在工作表上，请点“清除标记”。`,
      rolledBack
        ? `${cause.messageEn} Every mark written was removed again; cell values and formats are as they were.`
        : `${cause.messageEn} Some marks may remain; click Clear.`,
    );
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
