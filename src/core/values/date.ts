/**
 * Dates as ledgers hold them: real date cells, Excel serials, yyyymmdd and yyyyMM numbers, and
 * text in the forms people type. A form that needs a guess (no day, no year, a range, a time)
 * is read and says which guess it took, for a `partial-date` warning.
 */
import { dayFromDate, dayFromSerial, dayFromYMD, daysInMonth, ymd, type Day } from "../day";
import { foldWidth } from "../text";
import type { CellValue, DateSystem } from "../sheet";
import { blankOrError, classify, invalid, ok } from "./cell";
import type { DateGuess, Parsed } from "./types";

export interface DateContext {
  /** The workbook's date system, for serial numbers (default 1900). */
  readonly dateSystem?: DateSystem;
  /** The year of a date written without one (the as-of date's year). */
  readonly defaultYear: number;
}

type ParsedDay = Parsed<Day, DateGuess>;

/** Years a ledger date can plausibly have; outside them a number is not a date at all. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const MIN_SERIAL_YEAR = 1950;

export function parseDate(v: CellValue, ctx: DateContext): ParsedDay {
  const cell = classify(v);
  const early = blankOrError(cell, v);
  if (early) return early;
  switch (cell.kind) {
    case "date": {
      const day = dayFromDate(cell.value);
      return day === null ? invalid("unreadable", v) : ok(day);
    }
    case "number":
      return dateFromNumber(cell.value, ctx.dateSystem ?? 1900, v);
    case "text":
      return dateFromText(cell.value, ctx.defaultYear, v);
    default:
      return invalid("unreadable", v);
  }
}

/** A settings date: only a full date, no guess of any kind; null otherwise. */
export function parseSettingDate(v: CellValue, dateSystem?: DateSystem): Day | null {
  const parsed = parseDate(v, { dateSystem, defaultYear: NaN });
  if (parsed.status !== "ok" || parsed.guess !== undefined) return null;
  // A date cell may hold any year; a campaign window of millennia would count millions of weeks.
  const { year } = ymd(parsed.value);
  return year >= MIN_YEAR && year <= MAX_YEAR ? parsed.value : null;
}

/** A date as written; `year` is null when not written, `day` null for a month. */
interface Written {
  readonly year: number | null;
  readonly month: number;
  readonly day: number | null;
}

/** Resolves what was written to a day, with the guess the form needs (if any). */
function resolve(w: Written, defaultYear: number, guess: DateGuess | undefined, v: unknown): ParsedDay {
  const year = w.year ?? defaultYear;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return invalid("unreadable", v);
  if (w.month < 1 || w.month > 12) return invalid("impossible-date", v);
  const day = dayFromYMD(year, w.month, w.day ?? daysInMonth(year, w.month));
  return day === null ? invalid("impossible-date", v) : ok(day, guess);
}

// ── Numbers ─────────────────────────────────────────────────────────────────────────────────

function dateFromNumber(n: number, system: DateSystem, v: unknown): ParsedDay {
  if (!Number.isFinite(n) || n < 0) return invalid("unreadable", v);
  // Exported systems write 20220815 and 202209 as plain numbers; no serial of our years is that large.
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) return fromDigits(n, v);
  if (Number.isInteger(n) && n >= 190001 && n <= 210012 && n % 100 >= 1 && n % 100 <= 12) {
    return resolve({ year: Math.floor(n / 100), month: n % 100, day: null }, NaN, "no-day", v);
  }
  const day = dayFromSerial(n, system);
  const { year } = ymd(day);
  // A small number in a date column is someone's "8.15" typed as a number, not a day of 1900:
  // serials before MIN_SERIAL_YEAR are refused rather than read as a date nobody meant.
  return year >= MIN_SERIAL_YEAR && year <= MAX_YEAR ? ok(day) : invalid("unreadable", v);
}

/** yyyymmdd as a number: a month and day of the right shape, else not a date at all. */
function fromDigits(n: number, v: unknown): ParsedDay {
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return invalid("unreadable", v);
  return resolve({ year: Math.floor(n / 10000), month, day }, NaN, undefined, v);
}

// ── Text ────────────────────────────────────────────────────────────────────────────────────

/** No date form is longer; the cap keeps the range search below cheap on a pasted essay. */
const MAX_DATE_TEXT = 64;

/** The forms of one date, most complete first. Each yields [year, month, day] capture groups. */
type Form = { readonly pattern: RegExp; readonly read: (m: RegExpExecArray) => Written };
const full = (m: RegExpExecArray): Written => ({ year: +m[1], month: +m[2], day: +m[3] });
const month = (m: RegExpExecArray): Written => ({ year: +m[1], month: +m[2], day: null });
const noYear = (m: RegExpExecArray): Written => ({ year: null, month: +m[1], day: +m[2] });

const FORMS: readonly Form[] = [
  { pattern: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, read: full },
  { pattern: /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/, read: full },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, read: full },
  { pattern: /^(\d{4})[-/.](\d{1,2})$/, read: month },
  { pattern: /^(\d{4})年(\d{1,2})月份?$/, read: month },
  { pattern: /^(\d{4})(\d{2})$/, read: month },
  { pattern: /^(\d{1,2})[-/.](\d{1,2})$/, read: noYear },
  { pattern: /^(\d{1,2})月(\d{1,2})[日号]?$/, read: noYear },
];

/** A time after the date: ISO (T10:00:00.000Z, +08:00) or typed (10:00), maybe a span (10:00-12:00). */
const TIME =
  /(?:T|\s)\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(\s*[-~至到]\s*\d{1,2}:\d{2}(?::\d{2})?)?$/i;
/** Dashes and waves as people type them; all mean "-" or "~" here. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]+/g;
const WAVES = /[\u301C\u223C]/g;
const RANGE_SEPARATOR = /[-~至到]/g;
/** The end of a range may be just a day: 2022年8月1日-5日, 8.1-5. */
const BARE_DAY = /^\d{1,2}[日号]?$/;

function dateFromText(raw: string, defaultYear: number, v: unknown): ParsedDay {
  const text = foldWidth(raw).trim().replace(DASHES, "-").replace(WAVES, "~");
  if (text.length > MAX_DATE_TEXT) return invalid("unreadable", v);
  const single = readOne(text);
  if (single) return resolve(single.written, defaultYear, single.guess, v);
  const range = readRange(text);
  if (range) return resolve(range, defaultYear, "range", v);
  return invalid("unreadable", v);
}

interface One {
  readonly written: Written;
  readonly guess: DateGuess | undefined;
}

/** One date, with an optional time of day after a date that has a day. */
function readOne(text: string): One | null {
  const spaced = text.replace(/([日号])(?=\d{1,2}:)/, "$1 ");
  const time = TIME.exec(spaced);
  const datePart = (time ? spaced.slice(0, time.index) : spaced).replace(/\s+/g, "");
  for (const form of FORMS) {
    const m = form.pattern.exec(datePart);
    if (!m) continue;
    const written = form.read(m);
    if (time && (written.day === null || !isTimeOfDay(time))) return null;
    return { written, guess: guessOf(written, time) };
  }
  return null;
}

function guessOf(w: Written, time: RegExpExecArray | null): DateGuess | undefined {
  if (w.day === null) return "no-day";
  if (w.year === null) return "no-year";
  // Midnight is how exports write a plain date (2022-08-15T00:00:00.000Z): nothing was dropped.
  const midnight = time !== null && +time[1] === 0 && +time[2] === 0 && +(time[3] ?? 0) === 0 && !time[4];
  return time && !midnight ? "time" : undefined;
}

function isTimeOfDay(time: RegExpExecArray): boolean {
  return +time[1] <= 24 && +time[2] <= 59 && +(time[3] ?? 0) <= 59;
}

/**
 * A range: a date with a day, a separator, and an end that looks like a date or a bare day.
 * The dash is also a date separator (2022-08-01-2022-08-05), so every separator is tried.
 */
function readRange(text: string): Written | null {
  for (const sep of text.matchAll(RANGE_SEPARATOR)) {
    const at = sep.index ?? 0;
    const start = readOne(text.slice(0, at).trim());
    if (!start || start.written.day === null) continue;
    const end = text.slice(at + 1).trim();
    if (BARE_DAY.test(end) || readOne(end)) return start.written;
  }
  return null;
}
