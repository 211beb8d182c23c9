/** Text folding shared by header matching, value parsing and name comparison. */

/** Full-width ASCII (！…～) and the ideographic space become their half-width forms. */
export function foldWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Folded width, no white space of any kind (line breaks inside header cells included). */
export function compact(s: string): string {
  // Most cells need neither step; testing first spares an allocation per cell on large ledgers.
  const folded = foldWidth(s);
  return SPACE.test(folded) ? folded.replace(SPACES, "") : folded;
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const SPACE = /[\s\u00A0\u200B\uFEFF]/;
const SPACES = /[\s\u00A0\u200B\uFEFF]+/g;

/** The text a cell shows, for messages: numbers as Excel would print them, blanks as "". */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object" && typeof (v as { error?: unknown }).error === "string") return (v as { error: string }).error;
  return String(v);
}
