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
  // Most cells need neither step: one scan of char codes spares two regex tests and an allocation.
  if (!mayCompact(s)) return s;
  const folded = foldWidth(s);
  return SPACE.test(folded) ? folded.replace(SPACES, "") : folded;
}

/** Whether compact() could change s: it holds a full-width form or a character of SPACE (every code ≤ 0x20 is taken). */
function mayCompact(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029) return true;
    if (c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || (c >= 0xff01 && c <= 0xff5e)) return true;
  }
  return false;
}

/**
 * s.toLowerCase(), without its cost where nothing has case: Chinese text (lowercasing a two-byte
 * string takes microseconds, and a ledger compares every project name).
 */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // No case: ASCII but A–Z, Latin-1 signs, general punctuation, CJK punctuation and kana, CJK ideographs.
    if (c < 0x41 || (c > 0x5a && c < 0xc0) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    return s.toLowerCase();
  }
  return s;
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
