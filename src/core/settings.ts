/**
 * Settings: DOMAIN.md's defaults, overridden by the workbook's 台账设置 sheet, overridden in turn
 * by what a surface passes (command-line flags, the district config, function arguments, the
 * pane's edits). What each setting is called lives in settingsNames.ts, how its value is read in
 * settingsParse.ts: every surface goes through those two.
 */
import type { Day } from "./day";
import { dayFromYMD, isoDay, yearOf } from "./day";
import { SETTING_NAMES } from "./settingsNames";
import type { UnitKind } from "./values/types";

export interface Settings {
  /** 统计截止日: every status, outcome and count is as of this day. */
  readonly asOf: Day;
  /** The campaign window, both ends included (default 1 Aug – 30 Sep of the as-of year). */
  readonly windowStart: Day;
  readonly windowEnd: Day;
  /** New 策划 projects count up to this day (default 15 Sep of the window's year). */
  readonly planDeadline: Day;
  /** 投洽会项目开工时限: a fair-signed project counts when it starts before this day (default 1 March of the year after the as-of year). */
  readonly fairStartDeadline: Day;
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

export type SettingKey = keyof Settings;
export type SettingsOverrides = { -readonly [K in SettingKey]?: Settings[K] };

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
  /** Fair-signed projects must start before 1 March of the year after the as-of year (在明年3月份前开工). */
  fairStartDeadline: { month: 3, day: 1 } as MonthDay,
  dueSoonDays: 14,
  projectPoints: 2,
  fairBonus: 1,
  tripPoints: 1,
} as const;

const onDay = (year: number, { month, day }: MonthDay): Day => dayFromYMD(year, month, day)!;

/** The layers merged, the first winning: a value that is undefined or null is no value. */
function merged(layers: readonly SettingsOverrides[]): SettingsOverrides {
  const o: SettingsOverrides = {};
  for (const layer of [...layers].reverse()) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined && value !== null) Object.assign(o, { [key]: value });
  }
  return o;
}

/** DOMAIN.md's defaults under the given overrides: the window and the deadlines follow the as-of year. */
export function resolveSettings(layers: readonly SettingsOverrides[], todayDay: Day): Settings {
  const o = merged(layers);
  const asOf = o.asOf ?? todayDay;
  const d = SETTING_DEFAULTS;
  const windowStart = o.windowStart ?? onDay(yearOf(asOf), d.windowStart);
  const windowYear = yearOf(windowStart);
  return {
    asOf,
    windowStart,
    windowEnd: o.windowEnd ?? onDay(windowYear, d.windowEnd),
    planDeadline: o.planDeadline ?? onDay(windowYear, d.planDeadline),
    fairStartDeadline: o.fairStartDeadline ?? onDay(yearOf(asOf) + 1, d.fairStartDeadline),
    dueSoonDays: o.dueSoonDays ?? d.dueSoonDays,
    projectPoints: o.projectPoints ?? d.projectPoints,
    fairBonus: o.fairBonus ?? d.fairBonus,
    tripPoints: o.tripPoints ?? d.tripPoints,
    unitName: o.unitName ?? null,
    unitKind: o.unitKind ?? null,
    annualTask: o.annualTask ?? null,
  };
}

type WindowKey = "windowStart" | "windowEnd";

/** A window end that had to be set aside: in which layer, which end, its value, and the other end it fell foul of. */
export interface DroppedWindowEnd {
  readonly layer: number;
  readonly key: WindowKey;
  readonly value: Day;
  readonly other: Day;
}

/**
 * The layers with every window end set aside that makes the window end before it starts. Each
 * layer was checked on its own (a sheet, the flags, the config); what is left is a conflict
 * between layers (a flag's start after the sheet's end) or with a default (an end alone, before
 * 1 August). The ends of the lowest layer that gives one go first, so a flag wins over the sheet;
 * with none left the default window of the as-of year applies, which is in order.
 */
export function orderedWindow(layers: readonly SettingsOverrides[], todayDay: Day): { layers: SettingsOverrides[]; dropped: DroppedWindowEnd[] } {
  const out = layers.map((l) => ({ ...l }));
  const dropped: DroppedWindowEnd[] = [];
  const given = (i: number, key: WindowKey) => out[i][key] !== undefined && out[i][key] !== null;
  for (;;) {
    const s = resolveSettings(out, todayDay);
    if (s.windowStart <= s.windowEnd) return { layers: out, dropped };
    // The lowest layer holding an end that is in effect (no layer above it gives the same end).
    const inEffect = (i: number, key: WindowKey) => given(i, key) && !out.slice(0, i).some((_, j) => given(j, key));
    const at = out.map((_, i) => i).reverse().find((i) => inEffect(i, "windowStart") || inEffect(i, "windowEnd"));
    if (at === undefined) return { layers: out, dropped }; // cannot happen: the defaults are in order
    for (const key of ["windowStart", "windowEnd"] as const) {
      if (!inEffect(at, key)) continue;
      dropped.push({ layer: at, key, value: out[at][key]!, other: key === "windowStart" ? s.windowEnd : s.windowStart });
      delete out[at][key];
    }
  }
}

/** The rows the pane writes to 台账设置, in a stable order; dates as text so every reader agrees. */
export function settingsToEntries(settings: SettingsOverrides): [string, string | number][] {
  const rows: [string, string | number][] = [];
  for (const key of Object.keys(SETTING_NAMES) as SettingKey[]) {
    const value = settings[key];
    if (value === undefined || value === null) continue;
    rows.push([SETTING_NAMES[key].zh[0], settingText(key, value)]);
  }
  return rows;
}

/** A setting's value as written to the sheet and shown in messages: dates as 2022-09-30, a kind as its word. */
export function settingText<K extends SettingKey>(key: K, value: NonNullable<Settings[K]>): string | number {
  if (DAY_KEYS.has(key)) return isoDay(value as number);
  if (key === "unitKind") return UNIT_KIND_WORD[value as UnitKind];
  return value as string | number;
}

export const DAY_KEYS: ReadonlySet<SettingKey> = new Set(["asOf", "windowStart", "windowEnd", "planDeadline", "fairStartDeadline"]);

/** The word written for a unit kind: one that parseUnitKind reads back. */
const UNIT_KIND_WORD: Readonly<Record<UnitKind, string>> = { town: "街道", park: "园区", department: "区直部门", hq: "指挥部" };
