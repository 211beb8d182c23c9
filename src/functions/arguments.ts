/**
 * Arguments as Excel passes them — numbers (dates as serials), text, booleans, "" or null for a
 * blank, null or undefined for an omitted optional — read with the core's parsers. Whatever
 * cannot be read stops the function with a #VALUE! that names the argument.
 */
import type { Day } from "../core/day";
import type { TargetId } from "../core/result";
import type { SettingKey, Settings } from "../core/settings";
import { parseSetting, SETTING_EXPECTED } from "../core/settingsParse";
import { isBlank, type CellValue, type DateSystem } from "../core/sheet";
import { compact, displayValue } from "../core/text";
import { parseAmountUnit } from "../core/values/amountUnit";
import { parseDate } from "../core/values/date";
import { parseStage } from "../core/values/stage";
import type { AmountUnit, Stage, UnitKind } from "../core/values/types";
import { parseTargetId } from "../core/values/target";
import { fail } from "./errors";
import { MESSAGES, type ArgumentName } from "./messages";

/** Omitted, or a blank cell: the function falls back to the workbook's settings, then the defaults. */
function omitted(v: unknown): v is null | undefined | "" {
  return isBlank(v as CellValue);
}

const shown = (v: unknown): string => displayValue(v).trim();

/**
 * A range argument, trimmed to its used part: trailing blank rows and columns dropped before
 * anything is parsed, compared or cached. A whole-column reference (A:P) reaches a function as
 * 1,048,576 rows; what is kept and checked is the ledger's few thousand.
 */
export function readTable(v: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(v)) fail("invalid", MESSAGES.notATable());
  const rows = v as readonly unknown[];
  for (let i = 0; i < rows.length; i++) if (!Array.isArray(rows[i])) fail("invalid", MESSAGES.notATable());
  return usedPart(rows as readonly (readonly unknown[])[]);
}

/** Blank as Excel passes it ("" or null) or as a person sees it (spaces only). */
function blankCell(v: unknown): boolean {
  return v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function blankRow(row: readonly unknown[]): boolean {
  for (let c = 0; c < row.length; c++) if (!blankCell(row[c])) return false;
  return true;
}

/** The rows up to the last with a value, each cut after the last column with a value in any of them; the same array when nothing trails. */
function usedPart(rows: readonly (readonly unknown[])[]): readonly (readonly unknown[])[] {
  let height = rows.length;
  while (height > 0 && blankRow(rows[height - 1])) height--;
  let width = 0;
  let longest = 0;
  for (let r = 0; r < height; r++) {
    const row = rows[r];
    let c = row.length;
    while (c > width && blankCell(row[c - 1])) c--;
    if (c > width) width = c;
    if (row.length > longest) longest = row.length;
  }
  if (height === rows.length && longest <= width) return rows;
  const used: (readonly unknown[])[] = new Array(height);
  for (let r = 0; r < height; r++) used[r] = rows[r].length > width ? rows[r].slice(0, width) : rows[r];
  return used;
}

export function readTarget(v: unknown): TargetId {
  const id = omitted(v) ? null : parseTargetId(v as CellValue);
  return id ?? fail("invalid", MESSAGES.unknownTarget(shown(v)));
}

export function readUnitKind(v: unknown): UnitKind | undefined {
  const read = parseSetting("unitKind", omitted(v) ? null : (v as CellValue));
  if (read.status === "blank") return undefined;
  return read.status === "ok" ? read.value : fail("invalid", MESSAGES.unknownUnitKind(shown(v)));
}

/**
 * A setting given as an argument (统计截止日, B, F, P, 临近天数, 投洽会项目开工时限), read by the
 * core's one setting reader, as the 台账设置 sheet, the flags and the config are: what they refuse,
 * a function refuses with #VALUE!. A serial date is of the workbook's date system.
 */
export function readSetting<K extends SettingKey>(key: K, v: unknown, arg: ArgumentName, dateSystem: DateSystem = 1900): NonNullable<Settings[K]> | undefined {
  const read = parseSetting(key, omitted(v) ? null : (v as CellValue), dateSystem);
  if (read.status === "blank") return undefined;
  return read.status === "ok" ? read.value : fail("invalid", MESSAGES.badSetting(arg, shown(v), SETTING_EXPECTED[read.expected]));
}

/** A unit's name as the 单位 column holds it (spaces and full-width forms folded). */
export function readUnitName(v: unknown): string | undefined {
  if (omitted(v)) return undefined;
  const name = compact(displayValue(v));
  return name === "" ? undefined : name;
}

/** A ledger date (a project's planned or actual start): a serial of the workbook's date system, or text (a date without a year takes `defaultYear`). */
export function readDate(v: unknown, arg: ArgumentName, dateSystem: DateSystem, defaultYear: number): Day | undefined {
  if (omitted(v)) return undefined;
  const parsed = parseDate(v as CellValue, { dateSystem, defaultYear });
  return parsed.status === "ok" ? parsed.value : fail("invalid", MESSAGES.badDate(arg, shown(v)));
}

export function readStage(v: unknown): Stage | undefined {
  const parsed = parseStage(v as CellValue);
  if (parsed.status === "ok") return parsed.value;
  return parsed.status === "blank" ? undefined : fail("invalid", MESSAGES.unknownStage(shown(v)));
}

export function readAmountUnit(v: unknown): AmountUnit | undefined {
  if (omitted(v)) return undefined;
  return parseAmountUnit(displayValue(v)) ?? fail("invalid", MESSAGES.badAmountUnit(shown(v)));
}
