/**
 * The core's mark plan (src/core/marks) as the conditional formats a host writes, and what a host
 * must change to bring the workbook's marks to the plan. Excel (src/excel/highlight.ts) and WPS
 * (src/wps/highlight.ts) read which formats of theirs are ours, ask `markChanges`, and write and
 * delete exactly what it says: neither knows what a mark means, so a change of the plan (what is
 * marked, by which formula) stays in the core and here.
 *
 * Writes only when something changed. Every format of ours carries its marker, whose digest
 * covers its condition and areas (core/marks/formats.ts): the formula text alone tells whether a
 * format is there as planned, so no host reads a format's areas back. A spreadsheet moves a
 * format's areas when rows are inserted or deleted; its marker still names the old plan, which a
 * re-check after such an edit no longer has, so that format is replaced.
 */
import { AS_OF_NAME, asOfFormula, inlineAsOf } from "../core/marks/asOf";
import { isMarkFormula, markFormats, markIdOf } from "../core/marks/formats";
import { MARK_STYLES, type MarkKind, type MarkPlan, type MarkStyle } from "../core/marks/mark";
import type { MergeArea } from "../core/sheet";

export { AS_OF_NAME, isMarkFormula };

/** Columns a row mark spans on a sheet: the used range's, 1-based and inclusive. */
export interface RowSpan {
  readonly left: number;
  readonly right: number;
}

/** What a host can hold. */
export interface HostLimits {
  /** Whether it keeps (and can read back) the workbook-level as-of name; else each formula holds the day. */
  readonly names: boolean;
  /** Each format's area list stays within this many address characters. */
  readonly maxAddressChars: number;
  /** One area per format (Excel without range areas). */
  readonly oneAreaPerFormat?: boolean;
}

/** One conditional format to write. */
export interface MarkEntry {
  readonly sheet: string;
  readonly kind: MarkKind;
  /** Its marker string: the format's identity. */
  readonly id: string;
  /**
   * The condition, without the "=" of Office.js and VBA. Its relative references are relative to
   * the top-left cell of the first area, whose top row is the smallest (each host says how it
   * gets that reading).
   */
  readonly condition: string;
  readonly areas: readonly MergeArea[];
  readonly style: MarkStyle;
}

/** The plan's formats on this host. `spanOf` gives a sheet's used columns (null: the ledger's own). */
export function markEntries(plan: MarkPlan, limits: HostLimits, spanOf: (sheet: string) => RowSpan | null): MarkEntry[] {
  return markFormats(plan, {
    span: spanOf,
    asOfRef: limits.names ? AS_OF_NAME : inlineAsOf(plan),
    maxAddressChars: limits.maxAddressChars,
    oneAreaPerFormat: limits.oneAreaPerFormat,
  }).map((f) => ({ sheet: f.sheet, kind: f.kind, id: f.id, condition: f.formula, areas: f.areas, style: MARK_STYLES[f.kind] }));
}

/** One conditional format of ours as a host read it. */
export interface OurFormat {
  /** Where it is in the host's collection (the host's own numbering). */
  readonly index: number;
  /** Its marker string (the first version's formats have one without a digest). */
  readonly id: string;
}

/** A format as read, at `index`: ours (with its marker), or null when its formula is not one of ours. */
export function ourFormat(index: number, formula: string | null | undefined): OurFormat | null {
  return isMarkFormula(formula) ? { index, id: markIdOf(formula)! } : null;
}

/** The as-of name as read: absent, or its formula (null when the host cannot read it). */
export interface NameState {
  readonly exists: boolean;
  readonly formula: string | null;
}

/** What a highlight must change. */
export interface MarkChanges {
  /** Per sheet, the indices (as read) of the formats to delete. */
  readonly deletions: ReadonlyMap<string, readonly number[]>;
  /** Per sheet, the formats to add. */
  readonly additions: ReadonlyMap<string, readonly MarkEntry[]>;
  /** The as-of name's formula (with "=") to write, or null when it is right already or not kept. */
  readonly name: string | null;
}

/**
 * The difference between the planned entries and the formats of ours each sheet holds (`ours`,
 * every sheet read). A format stays when exactly one of ours has its marker (pasting a marked cell
 * copies its format: both copies go, and one comes back).
 */
export function markChanges(plan: MarkPlan, entries: readonly MarkEntry[], ours: ReadonlyMap<string, readonly OurFormat[]>, name: NameState, limits: HostLimits): MarkChanges {
  const planned = new Map<string, MarkEntry[]>();
  for (const e of entries) planned.set(e.sheet, [...(planned.get(e.sheet) ?? []), e]);
  const additions = new Map<string, MarkEntry[]>();
  const deletions = new Map<string, number[]>();
  for (const [sheet, formats] of ours) {
    const wanted = new Set((planned.get(sheet) ?? []).map((e) => e.id));
    const seen = new Map<string, number>();
    for (const f of formats) seen.set(f.id, (seen.get(f.id) ?? 0) + 1);
    const keep = new Set([...seen].filter(([id, n]) => n === 1 && wanted.has(id)).map(([id]) => id));
    const drop = formats.filter((f) => !keep.has(f.id)).map((f) => f.index);
    const add = (planned.get(sheet) ?? []).filter((e) => !keep.has(e.id));
    if (drop.length > 0) deletions.set(sheet, drop);
    if (add.length > 0) additions.set(sheet, add);
  }
  for (const [sheet, list] of planned) if (!ours.has(sheet)) additions.set(sheet, list);
  let formula: string | null = null;
  if (limits.names && entries.length > 0) {
    const wanted = `=${asOfFormula(plan.asOf)}`;
    if (name.formula === null || !sameFormula(name.formula, wanted)) formula = wanted;
  }
  return { deletions, additions, name: formula };
}

/** Formulas compared as a host may give them back: quotes around sheet names, spaces and letter case aside. */
function sameFormula(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^=/, "").replace(/[\s']/g, "").toUpperCase();
  return norm(a) === norm(b);
}

/** Whether a change list writes nothing. */
export function isUnchanged(changes: MarkChanges): boolean {
  return changes.deletions.size === 0 && changes.additions.size === 0 && changes.name === null;
}
