/**
 * The plan as conditional formats: each mark's areas in lists, each list one format whose formula
 * is the mark's condition anchored at the list's first area. The pane's hosts (src/host/marks.ts)
 * and the command line's highlighted copy render the plan here, so all three write the same
 * formulas and each clears the others' marks.
 *
 * References: columns absolute ($J), rows relative to the format's first area, whose top row is
 * the smallest of all its areas (areas are sorted): so the formula means the same whether a
 * program anchors relative references at the first area's top-left cell or at the top-left of all
 * the areas together (docs/architecture.md, "The highlight", says what is documented and what is
 * assumed of each host).
 *
 * Every formula carries a marker string, `"zsledger-mark:<kind>:<digest>"`, inside an always-true
 * ISTEXT: a host recognises its own formats by it (spreadsheets give conditional formats no tag),
 * and the digest (of the kind, condition and areas) is the format's identity, so a re-check can
 * tell from the formula text alone whether a format is already there as planned.
 */
import { areaAddress, type MergeArea } from "../sheet";
import { ASOF, ROW, textLiteral } from "./formulaText";
import type { MarkKind, MarkPlan } from "./mark";

/**
 * Formats of ours carry this marker in a string of their formula; so did the always-true formats
 * of the first version (`ISTEXT("zsledger-mark:start-alert")`), which clear removes too.
 */
const MARK_PREFIX = "zsledger-mark:";

/**
 * Each format's area list stays within this many address characters where the host allows long
 * lists: Worksheet.getRanges rejects long ones (office-js#5198 saw lists near 8,200 characters
 * refused). The highlighted copy uses the same, so a copy opened in Excel has the formats the pane
 * would write there.
 */
export const MAX_AREA_LIST_CHARS = 2_000;

export interface RenderOptions {
  /** A sheet's used columns, for row marks; null: the ledger's own columns. */
  readonly span: (sheet: string) => { readonly left: number; readonly right: number } | null;
  /** The as-of as the formulas say it: AS_OF_NAME where the host keeps that name, else inlineAsOf(plan). */
  readonly asOfRef: string;
  /** Each format's area list stays within this many address characters. */
  readonly maxAddressChars: number;
  /** One format per area (Excel without range areas). */
  readonly oneAreaPerFormat?: boolean;
}

/** One conditional format as a surface writes it. */
export interface MarkFormat {
  readonly sheet: string;
  readonly kind: MarkKind;
  /** Sorted by top row, then column: the first area's top row is the smallest (the formula's anchor). */
  readonly areas: readonly MergeArea[];
  /** The formula without "=": `AND(ISTEXT("<id>"),<condition at the first area's top row>)`. */
  readonly formula: string;
  /** The marker string, `zsledger-mark:<kind>:<digest>`: the format's identity. */
  readonly id: string;
}

export function markFormats(plan: MarkPlan, options: RenderOptions): MarkFormat[] {
  const out: MarkFormat[] = [];
  for (const sheet of plan.sheets) {
    const span = options.span(sheet.sheet) ?? sheet.columns;
    for (const m of sheet.marks) {
      const areas = m.runs
        .map(([top, bottom]): MergeArea => (m.column === null ? { top, bottom, left: span.left, right: span.right } : { top, bottom, left: m.column, right: m.column }))
        .sort((a, b) => a.top - b.top || a.left - b.left);
      // A guarded mark is one format per run: an edit that changes one finding then adds or
      // deletes that run's format alone. A live mark's areas change only as the ledger's rows do.
      const lists = options.oneAreaPerFormat || !m.live ? areas.map((a) => [a]) : packAreaLists(areas, options.maxAddressChars);
      for (const list of lists) {
        const condition = m.condition.split(ROW).join(String(list[0].top)).split(ASOF).join(options.asOfRef);
        const id = `${MARK_PREFIX}${m.kind}:${digest([m.kind, condition, ...list.map(areaAddress)].join("|"))}`;
        out.push({ sheet: sheet.sheet, kind: m.kind, areas: list, formula: `AND(ISTEXT(${textLiteral(id)}),${condition})`, id });
      }
    }
  }
  return out;
}

/** Areas in lists whose comma-joined addresses stay within `maxChars` (one area alone may be longer). */
function packAreaLists(areas: readonly MergeArea[], maxChars: number): MergeArea[][] {
  const lists: MergeArea[][] = [];
  let current: MergeArea[] = [];
  let length = 0;
  for (const a of areas) {
    const text = areaAddress(a).length;
    if (current.length > 0 && length + 1 + text > maxChars) {
      lists.push(current);
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? 1 : 0) + text;
    current.push(a);
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

/** Whether a conditional format's formula is one zsledger wrote (this version or the first one). */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(`"${MARK_PREFIX}`);
}

/** The marker string of one of our formulas (its identity), or null. */
export function markIdOf(formula: string | null | undefined): string | null {
  if (typeof formula !== "string") return null;
  const m = /"(zsledger-mark:[^"]*)"/.exec(formula);
  return m ? m[1] : null;
}

/** 64 bits of FNV-1a over UTF-16 code units, as 16 hex digits: a format's identity, not a secret. */
function digest(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
