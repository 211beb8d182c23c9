/**
 * Arguments as Excel passes them — numbers (dates as serials), text, booleans, "" or null for a
 * blank, null or undefined for an omitted optional — read with the core's parsers. Whatever
 * cannot be read stops the function with a #VALUE! that names the argument.
 */
import type { Day } from "../core/day";
import type { TargetId } from "../core/result";
import { isBlank, type CellValue, type DateSystem } from "../core/sheet";
import { settingNumber } from "../core/settings";
import { compact, displayValue } from "../core/text";
import { parseAmountUnit } from "../core/values/amountUnit";
import { parseDate } from "../core/values/date";
import { parseStage } from "../core/values/stage";
import type { AmountUnit, Stage, UnitKind } from "../core/values/types";
import { parseTargetId } from "../core/values/target";
import { parseUnitKind } from "../core/values/unitKind";
import { fail } from "./errors";
import { MESSAGES, type ArgumentName } from "./messages";

/** Omitted, or a blank cell: the function falls back to the workbook's settings, then the defaults. */
function omitted(v: unknown): v is null | undefined | "" {
  return isBlank(v as CellValue);
}

const shown = (v: unknown): string => displayValue(v).trim();

/**
 * A range as the functions read it: trailing rows and columns with nothing in them are dropped
 * before anything is parsed, compared or cached, so a whole-column reference (A:P, a million rows
 * of which a few hundred are used) is read, and kept by the table cache, as its used part.
 */
export function readTable(v: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(v) || !v.every(Array.isArray)) fail("invalid", MESSAGES.notATable());
  const rows = v as unknown[][];
  let height = rows.length;
  while (height > 0 && rows[height - 1].every(omitted)) height--;
  let width = 0;
  for (let r = 0; r < height; r++) {
    const row = rows[r];
    for (let c = row.length - 1; c >= width; c--) {
      if (!omitted(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  if (height === rows.length && rows.every((row) => row.length === width)) return rows;
  return rows.slice(0, height).map((row) => (row.length === width ? row : row.slice(0, width)));
}

export function readTarget(v: unknown): TargetId {
  const id = omitted(v) ? null : parseTargetId(v as CellValue);
  return id ?? fail("invalid", MESSAGES.unknownTarget(shown(v)));
}

export function readUnitKind(v: unknown): UnitKind | undefined {
  if (omitted(v)) return undefined;
  return parseUnitKind(v as CellValue) ?? fail("invalid", MESSAGES.unknownUnitKind(shown(v)));
}

/** A unit's name as the 单位 column holds it (spaces and full-width forms folded). */
export function readUnitName(v: unknown): string | undefined {
  if (omitted(v)) return undefined;
  const name = compact(displayValue(v));
  return name === "" ? undefined : name;
}

/** A date: a serial of the workbook's date system, or text (a date without a year takes `defaultYear`). */
export function readDate(v: unknown, arg: ArgumentName, dateSystem: DateSystem, defaultYear: number): Day | undefined {
  if (omitted(v)) return undefined;
  const parsed = parseDate(v as CellValue, { dateSystem, defaultYear });
  return parsed.status === "ok" ? parsed.value : fail("invalid", MESSAGES.badDate(arg, shown(v)));
}

/** Points and day counts: a number, or text holding one, within the core's bounds for a setting. */
export function readNumber(v: unknown, arg: ArgumentName): number | undefined {
  if (omitted(v)) return undefined;
  const n = settingNumber(typeof v === "number" ? v : typeof v === "string" ? Number(compact(v)) : NaN);
  return n ?? fail("invalid", MESSAGES.badNumber(arg, shown(v)));
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
