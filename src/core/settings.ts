/**
 * Settings: DOMAIN.md's defaults, overridden by the workbook's 台账设置 sheet, overridden in turn
 * by what a surface passes (command-line flags, function arguments, the pane's edits).
 */
import type { Day } from "./day";
import { dayFromYMD, isoDay, yearOf } from "./day";
import type { CellValue, DateSystem } from "./sheet";
import { compact, displayValue } from "./text";
import { parseAmount } from "./values/amount";
import { parseSettingDate } from "./values/date";
import { parseUnitKind } from "./values/unitKind";
import type { UnitKind } from "./values/types";

export interface Settings {
  /** 统计截止日: every status, outcome and count is as of this day. */
  readonly asOf: Day;
  /** The campaign window, both ends included (default 1 Aug – 30 Sep of the as-of year). */
  readonly windowStart: Day;
  readonly windowEnd: Day;
  /** New 策划 projects count up to this day (default 15 Sep of the window's year). */
  readonly planDeadline: Day;
  /** A planned start this many days after as-of or fewer is due soon (default 14). */
  readonly dueSoonDays: number;
  /** B: points of one signed project (default 2). */
  readonly projectPoints: number;
  /** F: bonus of one project signed at the fair (default 1). */
  readonly fairBonus: number;
  /** P: points of one required trip of the principal (default 1). */
  readonly tripPoints: number;
  readonly unitName: string | null;
  readonly unitKind: UnitKind | null;
  /** 全年任务 in 万元; `annual-task` is assessed only when it is given. */
  readonly annualTask: number | null;
}

export type SettingsOverrides = { -readonly [K in keyof Settings]?: Settings[K] };

/** The 台账设置 sheet's keys: the first word is what the pane writes, the others are read too. */
export const SETTING_KEYS: Readonly<Record<keyof Settings, readonly string[]>> = {
  unitName: ["单位名称", "填报单位", "单位"],
  unitKind: ["单位类型", "类型"],
  asOf: ["统计截止日", "统计截止日期", "截止日期"],
  windowStart: ["活动开始", "活动开始日期", "活动开始时间"],
  windowEnd: ["活动结束", "活动结束日期", "活动结束时间"],
  planDeadline: ["策划截止日", "策划截止日期"],
  dueSoonDays: ["临近开工天数", "开工预警天数"],
  projectPoints: ["每个签约项目分值", "签约项目分值"],
  fairBonus: ["投洽会签约加分", "投洽会加分"],
  tripPoints: ["每次外出分值", "外出招商分值"],
  annualTask: ["全年任务", "全年任务万元", "年度任务", "全年招商引资任务"],
};

export const SETTINGS_SHEET = "台账设置";

/** A day of the year, for defaults that follow the as-of year. */
export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

/** DOMAIN.md's defaults, for every setting that has one; surfaces that name a default read it here. */
export const SETTING_DEFAULTS = {
  /** The campaign window: 1 August – 30 September of the as-of year (the window's year for the end). */
  windowStart: { month: 8, day: 1 } as MonthDay,
  windowEnd: { month: 9, day: 30 } as MonthDay,
  /** New 策划 projects count up to 15 September of the window's year. */
  planDeadline: { month: 9, day: 15 } as MonthDay,
  dueSoonDays: 14,
  projectPoints: 2,
  fairBonus: 1,
  tripPoints: 1,
} as const;

const onDay = (year: number, { month, day }: MonthDay): Day => dayFromYMD(year, month, day)!;

/** DOMAIN.md's defaults under the given overrides: the window and plan deadline follow the as-of year. */
export function resolveSettings(layers: readonly SettingsOverrides[], todayDay: Day): Settings {
  const o: SettingsOverrides = {};
  for (const layer of [...layers].reverse()) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined && value !== null) Object.assign(o, { [key]: value });
  }
  const asOf = o.asOf ?? todayDay;
  const d = SETTING_DEFAULTS;
  const windowStart = o.windowStart ?? onDay(yearOf(asOf), d.windowStart);
  const windowYear = yearOf(windowStart);
  return {
    asOf,
    windowStart,
    windowEnd: o.windowEnd ?? onDay(windowYear, d.windowEnd),
    planDeadline: o.planDeadline ?? onDay(windowYear, d.planDeadline),
    dueSoonDays: o.dueSoonDays ?? d.dueSoonDays,
    projectPoints: o.projectPoints ?? d.projectPoints,
    fairBonus: o.fairBonus ?? d.fairBonus,
    tripPoints: o.tripPoints ?? d.tripPoints,
    unitName: o.unitName ?? null,
    unitKind: o.unitKind ?? null,
    annualTask: o.annualTask ?? null,
  };
}

type SettingKey = keyof Settings;
const KEY_OF_WORD = new Map<string, SettingKey>(
  (Object.entries(SETTING_KEYS) as [SettingKey, readonly string[]][]).flatMap(([key, words]) => words.map((w) => [w, key] as const)),
);
const DAY_KEYS: ReadonlySet<SettingKey> = new Set(["asOf", "windowStart", "windowEnd", "planDeadline"]);
const NUMBER_KEYS: ReadonlySet<SettingKey> = new Set(["dueSoonDays", "projectPoints", "fairBonus", "tripPoints"]);
/** Points and days past this are a typo or a hostile cell: 1e308 points would make SCORE infinite. */
const MAX_SETTING_NUMBER = 1_000_000;

/** Which setting a 台账设置 key names ("统计截止日" → asOf), or null for a row that is no setting. */
export function settingKeyOf(word: string): SettingKey | null {
  return KEY_OF_WORD.get(normalizeKey(word)) ?? null;
}

function normalizeKey(word: string): string {
  return compact(word).replace(/[(（][^)）]*[)）]/g, "");
}

/** A 台账设置 entry that could not be read: the key as written and its value as shown. */
export interface SettingProblem {
  readonly key: string;
  readonly value: string;
}

/** Reads the 台账设置 sheet's (项目, 值) pairs; unknown keys are ignored, unreadable values reported. */
export function settingsFromEntries(
  entries: readonly (readonly [string, CellValue, ...unknown[]])[],
  dateSystem: DateSystem = 1900,
): { settings: SettingsOverrides; problems: SettingProblem[] } {
  const settings: SettingsOverrides = {};
  const problems: SettingProblem[] = [];
  for (const [word, raw] of entries) {
    const key = settingKeyOf(word);
    const shown = displayValue(raw).trim();
    if (!key || shown === "") continue;
    const value = settingValue(key, raw, dateSystem);
    if (value === null) problems.push({ key: word, value: shown });
    else Object.assign(settings, { [key]: value });
  }
  return { settings, problems };
}

function settingValue(key: SettingKey, raw: CellValue, dateSystem: DateSystem): Settings[SettingKey] | null {
  if (DAY_KEYS.has(key)) return parseSettingDate(raw, dateSystem);
  if (key === "unitKind") return parseUnitKind(raw);
  if (key === "unitName") return displayValue(raw).trim();
  if (key === "annualTask") {
    const a = parseAmount(raw);
    return a.status === "ok" && !a.value.currency ? a.value.wan : null;
  }
  if (NUMBER_KEYS.has(key)) return settingNumber(typeof raw === "number" ? raw : Number(compact(displayValue(raw))));
  return null;
}

/**
 * A points or days setting as the assessment can use it: a non-negative number within reason
 * (a 1e308 would make SCORE infinite), else null. Every surface that takes one asks here.
 */
export function settingNumber(n: number): number | null {
  return Number.isFinite(n) && n >= 0 && n <= MAX_SETTING_NUMBER ? n : null;
}

/** The rows the pane writes to 台账设置, in a stable order; dates as text so every reader agrees. */
export function settingsToEntries(settings: SettingsOverrides): [string, string | number][] {
  const rows: [string, string | number][] = [];
  for (const key of Object.keys(SETTING_KEYS) as SettingKey[]) {
    const value = settings[key];
    if (value === undefined || value === null) continue;
    const shown = DAY_KEYS.has(key) ? isoDay(value as number) : key === "unitKind" ? UNIT_KIND_WORD[value as UnitKind] : value;
    rows.push([SETTING_KEYS[key][0], shown as string | number]);
  }
  return rows;
}

/** The word written for a unit kind: one that parseUnitKind reads back. */
const UNIT_KIND_WORD: Readonly<Record<UnitKind, string>> = { town: "街道", park: "园区", department: "区直部门", hq: "指挥部" };
