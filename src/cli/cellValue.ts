/** ExcelJS cell values → the core's CellValue: what the cell shows, as Excel would give it to Office.js. */
import type { CellValue } from "../core/sheet";

/**
 * The streaming reader parses a formula's cached error (#N/A) as a number and keeps only NaN, so
 * the error's own text is lost; this stands for it.
 */
const LOST_FORMULA_ERROR = "#VALUE!";

export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "number":
      return Number.isNaN(v) ? { error: LOST_FORMULA_ERROR } : v;
    case "string":
    case "boolean":
      return v;
    case "object":
      return objectValue(v as Record<string, unknown>);
    default:
      return null;
  }
}

function objectValue(v: Record<string, unknown>): CellValue {
  if (v instanceof Date) return v;
  // Rich text: the runs joined, as the cell shows them.
  if (Array.isArray(v.richText)) return v.richText.map((run: { text?: unknown }) => (typeof run?.text === "string" ? run.text : "")).join("");
  // Formulas: their cached result; none (never calculated) is a blank.
  if ("formula" in v || "sharedFormula" in v) return "result" in v ? toCellValue(v.result) : null;
  if (typeof v.error === "string") return { error: v.error };
  // A hyperlink shows its text (itself possibly rich text).
  if ("hyperlink" in v) return "text" in v ? toCellValue(v.text) : null;
  return null;
}

/** An ExcelJS row's `values` (1-based, sparse) as the core's row values (values[0] is column A). */
export function rowValues(raw: readonly unknown[]): CellValue[] {
  const out: CellValue[] = new Array(Math.max(0, raw.length - 1));
  for (let i = 1; i < raw.length; i++) out[i - 1] = toCellValue(raw[i]);
  return out;
}
