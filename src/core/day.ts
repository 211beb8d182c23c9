/**
 * Calendar days as integers (days since 1970-01-01), so that every comparison of the domain
 * ("by calendar day", "windows include both ends") is a comparison of two numbers.
 */
import type { DateSystem } from "./sheet";

export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Excel's 1900 serial of 1970-01-01; serials up to 60 sit before Excel's phantom 1900-02-29. */
const SERIAL_1970_IN_1900 = 25_569;
/** Days from 1904-01-01 (serial 0 in the 1904 system) to 1970-01-01. */
const SERIAL_1970_IN_1904 = 24_107;

export function dayFromYMD(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function ymd(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 2022-09-30 */
export function isoDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Reads exactly YYYY-MM-DD (what flags and settings use); null otherwise. */
export function parseIsoDay(s: string): Day | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  return m ? dayFromYMD(+m[1], +m[2], +m[3]) : null;
}

/** The calendar day of an Excel serial number in the given date system; the time of day is dropped. */
export function dayFromSerial(serial: number, system: DateSystem = 1900): Day {
  const whole = Math.floor(serial);
  if (system === 1904) return whole - SERIAL_1970_IN_1904;
  // Excel counts a 29 February 1900 that never was: serials before it are one day early.
  return whole <= 60 ? whole - SERIAL_1970_IN_1900 + 1 : whole - SERIAL_1970_IN_1900;
}

export function serialFromDay(day: Day, system: DateSystem = 1900): number {
  if (system === 1904) return day + SERIAL_1970_IN_1904;
  const serial = day + SERIAL_1970_IN_1900;
  return serial <= 60 ? serial - 1 : serial;
}

/** A Date object's calendar day, read in UTC (ExcelJS and our own writers store dates at UTC midnight). */
export function dayFromDate(d: Date): Day | null {
  const t = d.getTime();
  return isNaN(t) ? null : Math.floor(t / MS_PER_DAY);
}

/** Today in the local calendar of the machine or browser, which is the user's. */
export function today(now: Date = new Date()): Day {
  return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate()) as Day;
}

/** Monday of the week holding `day` (1970-01-01 was a Thursday). */
export function mondayOf(day: Day): Day {
  return day - ((day + 3) % 7 + 7) % 7;
}
