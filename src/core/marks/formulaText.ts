/**
 * The pieces the marks' formulas are made of, each beside its TypeScript mirror (what the piece
 * says of a cell), so that the plan knows where a formula will be true without a spreadsheet.
 *
 * The formulas use only functions whose results do not depend on the program's locale or on how
 * it treats errors inside AND/OR: every cell is looked at through ISTEXT/ISNUMBER/ISLOGICAL/ISBLANK
 * first, so no error value reaches a comparison, and text is compared with EXACT (case-sensitive,
 * no locale folding), never with "=" and never through TRIM (whose white space differs between
 * programs). References have an absolute column and the row placeholder ROW.
 */
import { dayFromDate, dayFromYMD, serialFromDay, ymd, type Day } from "../day";
import { columnLetter, type CellValue, type DateSystem } from "../sheet";
import { STAGE_WORDS } from "../values/stage";

/** The row placeholder of a condition (a control character: never inside a rendered text literal). */
export const ROW = "\u0001";
/** The as-of placeholder of a condition. */
export const ASOF = "\u0002";

/** Text longer than this is compared by its length and this many first characters (formula text literals stop at 255). */
export const MAX_LITERAL = 64;

/** The core reads a serial as a date only for years 1950–2200 (values/date.ts); so do the formulas. */
const FIRST_DATE_DAY = dayFromYMD(1950, 1, 1)!;
const END_DATE_DAY = dayFromYMD(2201, 1, 1)!;
/** A number cell read as a date: within the years the core reads (two arguments of an AND). */
export function dateRangeText(x: string): string {
  return `${x}>=DATE(1950,1,1),${x}<DATE(2201,1,1)`;
}

/** What dateRangeText() says of a serial. */
export function isDateSerial(serial: number, system: DateSystem): boolean {
  return serial >= serialFromDay(FIRST_DATE_DAY, system) && serial < serialFromDay(END_DATE_DAY, system);
}

/** "$J" and the row placeholder: column absolute, row relative. */
export function ref(column: number): string {
  return `$${columnLetter(column)}${ROW}`;
}

/** Empty, or only ASCII spaces (a cell holding "" counts, as in the core). */
export function blankText(x: string): string {
  return `IF(ISTEXT(${x}),EXACT(REPT(" ",LEN(${x})),${x}),ISBLANK(${x}))`;
}

/** What blankText() says of a cell. */
export function isBlankCell(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && /^ *$/.test(v));
}

/** A stage word of the signed stage, exactly as DOMAIN.md writes it. */
export function signedText(x: string): string {
  return `IF(ISTEXT(${x}),OR(${STAGE_WORDS.signed.map((w) => `EXACT(${x},${textLiteral(w)})`).join(",")}),FALSE)`;
}

/** What signedText() says of a cell. */
export function isSignedCell(v: CellValue): boolean {
  return typeof v === "string" && STAGE_WORDS.signed.includes(v);
}

/** The number a cell holds as a spreadsheet sees it (a date cell is its serial), or null. */
export function cellNumber(v: CellValue, system: DateSystem): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) {
    const t = v.getTime();
    if (isNaN(t)) return null;
    const day = dayFromDate(v)!;
    return serialFromDay(day, system) + (t / 86_400_000 - day);
  }
  return null;
}

export function dateLiteral(day: Day): string {
  const d = ymd(day);
  return `DATE(${d.year},${d.month},${d.day})`;
}

/** A number compared as a spreadsheet reads a literal (15 significant digits). */
export function numberEquals(x: string, n: number): string {
  const text = numberText(n);
  return Number(text) === n ? `${x}=${text}` : `ABS(${x}-(${text}))<=${numberText(Math.abs(n) * 1e-14)}`;
}

export function numberText(n: number): string {
  const exact = String(n);
  const digits = exact.replace(/e.*$/i, "").replace(/[-.]/g, "").replace(/^0+/, "").length;
  return (digits <= 15 ? exact : String(Number(n.toPrecision(15)))).toUpperCase();
}

/**
 * A text as a formula's string: quotes doubled, control characters (which a formula cannot hold
 * inside quotes) as CHAR(n).
 */
export function textLiteral(s: string): string {
  const parts: string[] = [];
  let run = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f) {
      if (run) parts.push(`"${run}"`);
      run = "";
      parts.push(`CHAR(${c})`);
    } else run += ch === '"' ? '""' : ch;
  }
  if (run || parts.length === 0) parts.push(`"${run}"`);
  return parts.join("&");
}
