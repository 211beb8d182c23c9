/**
 * The settings form as text fields, and its conversion to and from the core's overrides.
 * Dates are shown in the language's format (formatDay) and read by the core's settings-date parser,
 * which takes 2022/09/30, 2022-9-30, 2022年9月30日 alike; numbers and the annual task are read by
 * the core's own 台账设置 reader, so a value the pane accepts is one the sheet reads back the same.
 */
import { today, type Day } from "../core/day";
import type { Lang } from "../core/findings";
import type { Bilingual } from "../core/labels";
import { resolveSettings, SETTING_KEYS, settingsFromEntries, type Settings, type SettingsOverrides } from "../core/settings";
import { parseSettingDate } from "../core/values/date";
import type { UnitKind } from "../core/values/types";
import { formatDay, type StringKey } from "./i18n";

export interface SettingsForm {
  unitName: string;
  /** "": let the check infer the kind from the workbook. */
  unitKind: UnitKind | "";
  /** 统计截止日 is today, whenever the check runs. */
  asOfToday: boolean;
  asOf: string;
  windowStart: string;
  windowEnd: string;
  planDeadline: string;
  dueSoonDays: string;
  projectPoints: string;
  fairBonus: string;
  tripPoints: string;
  annualTask: string;
}

export type SettingKey = keyof Settings;
export type FormProblems = Partial<Record<SettingKey, StringKey>>;

const DATE_KEYS = ["asOf", "windowStart", "windowEnd", "planDeadline"] as const;
export type DateKey = (typeof DATE_KEYS)[number];
const NUMBER_KEYS = ["dueSoonDays", "projectPoints", "fairBonus", "tripPoints", "annualTask"] as const;
type NumberKey = (typeof NUMBER_KEYS)[number];

/** A field's label: in Chinese the very word the 台账设置 sheet uses. */
export const SETTING_LABELS: Readonly<Record<SettingKey, Bilingual>> = {
  unitName: { zh: SETTING_KEYS.unitName[0], en: "Unit name" },
  unitKind: { zh: SETTING_KEYS.unitKind[0], en: "Unit kind" },
  asOf: { zh: SETTING_KEYS.asOf[0], en: "As-of date" },
  windowStart: { zh: SETTING_KEYS.windowStart[0], en: "Campaign start" },
  windowEnd: { zh: SETTING_KEYS.windowEnd[0], en: "Campaign end" },
  planDeadline: { zh: SETTING_KEYS.planDeadline[0], en: "Planning deadline" },
  dueSoonDays: { zh: SETTING_KEYS.dueSoonDays[0], en: "Due-soon days" },
  projectPoints: { zh: `${SETTING_KEYS.projectPoints[0]}（B）`, en: "Points per signed project (B)" },
  fairBonus: { zh: `${SETTING_KEYS.fairBonus[0]}（F）`, en: "Bonus per fair signing (F)" },
  tripPoints: { zh: `${SETTING_KEYS.tripPoints[0]}（P）`, en: "Points per principal's trip (P)" },
  annualTask: { zh: `${SETTING_KEYS.annualTask[0]}（万元）`, en: "Annual task (万元)" },
};

export function formFromOverrides(o: SettingsOverrides, lang: Lang): SettingsForm {
  const date = (d: Day | undefined) => (d === undefined || d === null ? "" : formatDay(d, lang));
  const num = (n: number | null | undefined) => (n === undefined || n === null ? "" : String(n));
  return {
    unitName: o.unitName ?? "",
    unitKind: o.unitKind ?? "",
    asOfToday: o.asOf === undefined || o.asOf === null,
    asOf: date(o.asOf),
    windowStart: date(o.windowStart),
    windowEnd: date(o.windowEnd),
    planDeadline: date(o.planDeadline),
    dueSoonDays: num(o.dueSoonDays),
    projectPoints: num(o.projectPoints),
    fairBonus: num(o.fairBonus),
    tripPoints: num(o.tripPoints),
    annualTask: num(o.annualTask),
  };
}

/** The form as overrides (blank fields left out: the default applies), or what is wrong with it. */
export function overridesFromForm(form: SettingsForm, todayDay: Day = today()): { overrides: SettingsOverrides; problems: FormProblems } {
  const overrides: SettingsOverrides = {};
  const problems: FormProblems = {};
  const name = form.unitName.trim();
  if (name) overrides.unitName = name;
  if (form.unitKind) overrides.unitKind = form.unitKind;

  for (const key of DATE_KEYS) {
    if (key === "asOf" && form.asOfToday) continue;
    const text = form[key].trim();
    if (!text) continue;
    const day = parseDateField(text);
    if (day === null) problems[key] = "invalidDate";
    else overrides[key] = day;
  }

  const keyOfWord = new Map<string, NumberKey>();
  const entries: [string, string][] = [];
  for (const key of NUMBER_KEYS) {
    const text = form[key].trim();
    if (!text) continue;
    keyOfWord.set(SETTING_KEYS[key][0], key);
    entries.push([SETTING_KEYS[key][0], text]);
  }
  const read = settingsFromEntries(entries);
  for (const p of read.problems) {
    const key = keyOfWord.get(p.key)!;
    problems[key] = key === "annualTask" ? "invalidAmount" : key === "dueSoonDays" ? "invalidDays" : "invalidNumber";
  }
  Object.assign(overrides, read.settings);
  if (overrides.dueSoonDays !== undefined && !Number.isInteger(overrides.dueSoonDays)) {
    problems.dueSoonDays = "invalidDays";
    delete overrides.dueSoonDays;
  }

  // The window as the check will use it, defaults filled in: an end given alone can still fall before the default start.
  const effective = resolveSettings([overrides], todayDay);
  if (!problems.windowStart && !problems.windowEnd && effective.windowStart > effective.windowEnd) {
    problems[form.windowEnd.trim() ? "windowEnd" : "windowStart"] = "windowOrder";
  }
  return { overrides, problems };
}

/** A date field's text as a day: a full date in any form the 台账设置 sheet accepts, else null. */
export function parseDateField(text: string): Day | null {
  return parseSettingDate(text.trim());
}

/** What a blank field means, for its hint. */
export function defaults(todayDay: Day = today()): Settings {
  return resolveSettings([], todayDay);
}

