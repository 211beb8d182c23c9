/** Text folding shared by header matching, value parsing and name comparison. */

/** Full-width ASCII (！…～) and the ideographic space become their half-width forms. */
export function foldWidth(s: string): string {
  // A scan of char codes rather than a replace with a callback per match: project names are full
  // of full-width brackets （一期）, and every name of a ledger is folded.
  let folded: string | null = null;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x3000 && (c < 0xff01 || c > 0xff5e)) continue;
    folded = (folded ?? "") + s.slice(from, i) + (c === 0x3000 ? " " : String.fromCharCode(c - 0xfee0));
    from = i + 1;
  }
  return folded === null ? s : folded + s.slice(from);
}

/** Folded width, no white space of any kind (line breaks inside header cells included). */
export function compact(s: string): string {
  // Most cells need neither step: one scan of char codes spares two regex tests and an allocation.
  if (!mayCompact(s)) return s;
  if (s.length > COMPACT_BY_CODES) {
    const folded = foldWidth(s);
    return SPACE.test(folded) ? folded.replace(SPACES, "") : folded;
  }
  // Short texts (names, words) in one pass, into one flat string: compared and hashed by the
  // thousand, they should not be a chain of pieces.
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = compactCode(s.charCodeAt(i));
    if (c >= 0) codes.push(c);
  }
  return String.fromCharCode.apply(null, codes);
}

/** What compact() makes of one UTF-16 code unit: its half-width form, or -1 for white space it drops. */
export function compactCode(c: number): number {
  if (isSpace(c)) return -1;
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

/** Longer texts take the regex path (String.fromCharCode takes its codes as arguments). */
const COMPACT_BY_CODES = 4096;

/** A character of SPACE: what \s matches, and U+200B. The ideographic space, folded to " ", is one too. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
  for (let i = 0; i < s.length; i++) if (!caseless(s.charCodeAt(i))) return s.toLowerCase();
  return s;
}

/** A code unit toLowerCase() leaves alone whatever surrounds it: ASCII but A–Z, Latin-1 signs, general punctuation, CJK punctuation and kana, CJK ideographs. */
export function caseless(c: number): boolean {
  return c < 0x41 || (c > 0x5a && c < 0xc0) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
}

const SPACE = /[\s\u00A0\u200B\uFEFF]/;
const SPACES = /[\s\u00A0\u200B\uFEFF]+/g;

/** The text a cell shows, for messages: numbers as Excel would print them, blanks as "". */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object" && typeof (v as { error?: unknown }).error === "string") return (v as { error: string }).error;
  return String(v);
}
