/**
 * The one reader of a setting's value. The 台账设置 sheet, the command-line flags, the district
 * config, the pane's form and the ZS functions' arguments all read through `parseSetting`, so they
 * accept and refuse the same values; what each does with a refusal differs (the sheet: an
 * `invalid-setting` finding and the default; a flag or the config: one line and exit 2; the form:
 * a hint at the field; a function: #VALUE!).
 */
import type { Day } from "./day";
import type { Bilingual } from "./labels";
import type { SettingsEntry } from "./ledger";
import { columnNameProblems, columnNamesOfEntries, type ColumnName, type ColumnNameRow } from "./recognize/columnNames";
import { DAY_KEYS, type SettingKey, type Settings, type SettingsOverrides } from "./settings";
import { isColumnNamesSection, isNoteKey, nearestSettingName, settingKeyOf, type DistrictSettingKey } from "./settingsNames";
import { isBlank, type CellValue, type DateSystem } from "./sheet";
import { compact, displayValue } from "./text";
import { parseAmount } from "./values/amount";
import { parseSettingDate } from "./values/date";
import { parseUnitKind } from "./values/unitKind";

/** What a setting's value must be. */
export type SettingValueKind = "date" | "days" | "points" | "amount" | "unitKind" | "name";

export function settingValueKind(key: SettingKey): SettingValueKind {
  if (DAY_KEYS.has(key)) return "date";
  switch (key) {
    case "dueSoonDays":
      return "days";
    case "annualTask":
      return "amount";
    case "unitKind":
      return "unitKind";
    case "unitName":
      return "name";
    default:
      return "points";
  }
}

/** What each kind of value must look like, for every message that refuses one. */
export const SETTING_EXPECTED: Readonly<Record<SettingValueKind, Bilingual>> = {
  date: { zh: "完整的日期，如 2022-09-30", en: "a full date such as 2022-09-30" },
  days: { zh: "不小于 0 的整数天数，如 14", en: "a whole number of days of at least 0, such as 14" },
  points: { zh: "不小于 0 的数，如 2 或 0.5", en: "a number of at least 0, such as 2 or 0.5" },
  amount: { zh: "大于 0 的人民币金额（默认万元），如 50000 或 5亿，不能是约数", en: 'an exact RMB amount above 0 (in 10k yuan unless it says otherwise), such as 50000 or "5亿"' },
  unitKind: { zh: "街道、园区、区直部门或指挥部（或 town、park、department、hq）", en: "town, park, department or hq" },
  name: { zh: "非空的文字", en: "non-empty text" },
};

export type SettingRead<K extends SettingKey> =
  | { readonly status: "ok"; readonly value: NonNullable<Settings[K]> }
  | { readonly status: "blank" }
  | { readonly status: "invalid"; readonly expected: SettingValueKind };

/** Points and days past this are a typo or a hostile cell: 1e308 points would make SCORE infinite. */
const MAX_SETTING_NUMBER = 1_000_000;
/** A number as people write one in a cell or on a command line: digits, one decimal point, no exponent or sign but +. */
const DECIMAL = /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A setting's value from what a cell, a flag, a config value or an argument holds: a number, a
 * date cell, or text. Dates take every full form the sheet reads (2022-09-30, 2022/9/30,
 * 2022年9月30日, a serial in the workbook's date system) but never a guess (no day, no year, a
 * range); days are whole; an annual task is an exact RMB amount above 0.
 */
export function parseSetting<K extends SettingKey>(key: K, raw: CellValue, dateSystem: DateSystem = 1900): SettingRead<K> {
  if (isBlank(raw)) return { status: "blank" };
  const kind = settingValueKind(key);
  const value = valueOf(kind, raw, dateSystem);
  return value === null ? { status: "invalid", expected: kind } : { status: "ok", value: value as NonNullable<Settings[K]> };
}

function valueOf(kind: SettingValueKind, raw: CellValue, dateSystem: DateSystem): Settings[SettingKey] | null {
  switch (kind) {
    case "date":
      return parseSettingDate(typeof raw === "string" ? raw.trim() : raw, dateSystem);
    case "unitKind":
      return parseUnitKind(raw);
    case "name":
      return typeof raw === "string" || typeof raw === "number" ? displayValue(raw).trim() || null : null;
    case "amount": {
      const a = parseAmount(raw);
      return a.status === "ok" && !a.value.currency && !a.value.approximate && a.value.wan > 0 ? a.value.wan : null;
    }
    case "days": {
      const n = settingNumber(raw);
      return n !== null && Number.isInteger(n) ? n : null;
    }
    case "points":
      return settingNumber(raw);
  }
}

/** A number of at least 0 within reason, from a number or the text of one (full-width digits too). */
function settingNumber(raw: CellValue): number | null {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && DECIMAL.test(compact(raw)) ? Number(compact(raw)) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= MAX_SETTING_NUMBER ? n : null;
}

/** What a district setting's value must be (DISTRICT_SETTING_NAMES): the goal is a count of projects. */
export const DISTRICT_SETTING_EXPECTED: Readonly<Record<DistrictSettingKey, Bilingual>> = {
  keyStartsGoal: { zh: "不小于 1 的整数个数，如 10", en: "a whole number of at least 1, such as 10" },
};

/** A district setting's value (the district config's), by the same number reading as the others; null when it cannot be read. */
export function parseDistrictSetting(key: DistrictSettingKey, raw: CellValue): number | null {
  switch (key) {
    case "keyStartsGoal": {
      const n = isBlank(raw) ? null : settingNumber(raw);
      return n !== null && Number.isInteger(n) && n >= 1 ? n : null;
    }
  }
}

/** Whether a window ends before it starts (both ends given). */
export function windowOutOfOrder(start: Day | undefined | null, end: Day | undefined | null): boolean {
  return start !== undefined && start !== null && end !== undefined && end !== null && start > end;
}

// ── The 台账设置 sheet ───────────────────────────────────────────────────────────────────────

/** A cell, 1-based. */
interface SettingCell {
  readonly row: number;
  readonly column: number;
}

/** What a 台账设置 sheet said that could not be used, at its cell. */
export type SettingIssue =
  /** A key that names no setting: at the key's cell. */
  | { readonly kind: "unknown"; readonly key: string; readonly nearest: string; readonly cell: SettingCell }
  /** A value that cannot be read: at the value's cell. */
  | { readonly kind: "invalid"; readonly setting: SettingKey; readonly key: string; readonly value: string; readonly cell: SettingCell }
  /** A window that ends before it starts: at the end's cell (or the start's, when the end is not the sheet's). */
  | { readonly kind: "window"; readonly setting: "windowStart" | "windowEnd"; readonly key: string; readonly value: string; readonly start: Day; readonly end: Day; readonly cell: SettingCell | null }
  /** A 列名对照 row whose field word names no column: at the word's cell, with the nearest field word. */
  | { readonly kind: "unknown-column"; readonly key: string; readonly nearest: string; readonly cell: SettingCell }
  /** A 列名对照 row without a header, or whose header an earlier mapping gave the field word `other`: at the header's cell. */
  | { readonly kind: "column-header"; readonly key: string; readonly value: string; readonly other: string | null; readonly cell: SettingCell };

export interface SettingsSheetRead {
  readonly overrides: SettingsOverrides;
  /** Where each setting read came from: the key as written and the value's cell. */
  readonly sources: Partial<Record<SettingKey, { readonly key: string; readonly value: string; readonly cell: SettingCell }>>;
  readonly issues: SettingIssue[];
  /** The rows of its 列名对照 section, every one as written (those with an issue are not used: namedColumnsOf). */
  readonly columnNames: ColumnNameRow[];
}

/**
 * Reads a 台账设置 sheet's entries (key, value, row, column of the value: SettingsSheetReader). A
 * key is any name of settingsNames.ts; notes (备注 …) are left alone; an unknown key or an
 * unreadable value is an issue and sets nothing, so the default applies; a window given whole that
 * ends before it starts sets neither end. The settings end at the 列名对照 row; the rows below it
 * are header words, checked after the mappings a surface already has (`before`: the district
 * config's), and a row that cannot be used is an issue too.
 */
export function readSettingsEntries(entries: readonly SettingsEntry[], dateSystem: DateSystem = 1900, before: readonly ColumnName[] = []): SettingsSheetRead {
  const overrides: SettingsOverrides = {};
  const sources: SettingsSheetRead["sources"] = {};
  const issues: SettingIssue[] = [];
  for (const [key, raw, row, column] of entries) {
    if (isColumnNamesSection(key)) break;
    const setting = settingKeyOf(key);
    if (setting === null) {
      if (!isNoteKey(key)) issues.push({ kind: "unknown", key, nearest: nearestSettingName(key), cell: { row, column: column - 1 } });
      continue;
    }
    const read = parseSetting(setting, raw, dateSystem);
    if (read.status === "blank") continue;
    const value = displayValue(raw).trim();
    if (read.status === "invalid") {
      issues.push({ kind: "invalid", setting, key, value, cell: { row, column } });
      continue;
    }
    Object.assign(overrides, { [setting]: read.value });
    sources[setting] = { key, value, cell: { row, column } };
  }
  const { windowStart: start, windowEnd: end } = overrides;
  if (windowOutOfOrder(start, end)) {
    const where = sources.windowEnd!;
    issues.push({ kind: "window", setting: "windowEnd", key: where.key, value: where.value, start: start!, end: end!, cell: where.cell });
    delete overrides.windowStart;
    delete overrides.windowEnd;
  }
  const columnNames = columnNamesOfEntries(entries);
  issues.push(...columnNameIssues(columnNames, before));
  return { overrides, sources, issues, columnNames };
}

/** The 列名对照 rows that cannot be used, at their cells: the word's when it names no column, else the header's. */
function columnNameIssues(rows: readonly ColumnNameRow[], before: readonly ColumnName[]): SettingIssue[] {
  const problems = columnNameProblems([...before, ...rows]).slice(before.length);
  return rows.flatMap((r, i): SettingIssue[] => {
    const problem = problems[i];
    if (!problem) return [];
    if (problem.reason === "unknown-field") return [{ kind: "unknown-column", key: r.field, nearest: problem.nearest, cell: { row: r.row, column: r.column } }];
    const other = problem.reason === "taken" ? problem.other : null;
    return [{ kind: "column-header", key: r.field, value: r.header, other, cell: { row: r.row, column: r.column + 1 } }];
  });
}
