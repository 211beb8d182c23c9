/**
 * The settings form as text fields, and its conversion to and from the core's overrides. Every
 * field is read by the core's one setting reader (parseSetting), as the 台账设置 sheet, the
 * command line and the functions read it, so a value the pane accepts is one they accept and read
 * back the same. Dates are shown in the language's format (formatDay).
 */
import { today, type Day } from "../core/day";
import type { Lang } from "../core/findings";
import type { Bilingual } from "../core/labels";
import { resolveSettings, type SettingKey, type Settings, type SettingsOverrides } from "../core/settings";
import { SETTING_NAMES } from "../core/settingsNames";
import { parseSetting, windowOutOfOrder, type SettingValueKind } from "../core/settingsParse";
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
  fairStartDeadline: string;
  dueSoonDays: string;
  projectPoints: string;
  fairBonus: string;
  tripPoints: string;
  annualTask: string;
}

export type FormProblems = Partial<Record<SettingKey, StringKey>>;

const DATE_KEYS = ["asOf", "windowStart", "windowEnd", "planDeadline", "fairStartDeadline"] as const;
export type DateKey = (typeof DATE_KEYS)[number];
const TEXT_KEYS = ["unitName", "dueSoonDays", "projectPoints", "fairBonus", "tripPoints", "annualTask"] as const;

/** The symbol of a points setting in DOMAIN.md's scoring (B, F, P), or the unit of an amount, after its name. */
const SUFFIX: Partial<Record<SettingKey, string>> = { projectPoints: "B", fairBonus: "F", tripPoints: "P", annualTask: "万元" };

/** A field's label: the core's names, in Chinese the very word the 台账设置 sheet uses. */
export const SETTING_LABELS = Object.fromEntries(
  (Object.keys(SETTING_NAMES) as SettingKey[]).map((key) => {
    const { zh, en } = SETTING_NAMES[key];
    const suffix = SUFFIX[key];
    return [key, { zh: suffix ? `${zh[0]}（${suffix}）` : zh[0], en: suffix ? `${en[1]} (${suffix})` : en[1] }];
  }),
) as Readonly<Record<SettingKey, Bilingual>>;

/** What the form says of a value the core refuses, by the kind of value. */
const PROBLEM: Readonly<Record<SettingValueKind, StringKey>> = {
  date: "invalidDate",
  days: "invalidDays",
  points: "invalidNumber",
  amount: "invalidAmount",
  unitKind: "invalidNumber", // a select: never typed
  name: "invalidNumber", // blank names are left out, anything else is a name
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
    fairStartDeadline: date(o.fairStartDeadline),
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
  if (form.unitKind) overrides.unitKind = form.unitKind;
  for (const key of [...TEXT_KEYS, ...DATE_KEYS]) {
    if (key === "asOf" && form.asOfToday) continue;
    const read = parseSetting(key, form[key]);
    if (read.status === "ok") Object.assign(overrides, { [key]: read.value });
    else if (read.status === "invalid") problems[key] = PROBLEM[read.expected];
  }
  // The window as the check will use it, defaults filled in: an end given alone can still fall before the default start.
  const effective = resolveSettings([overrides], todayDay);
  if (!problems.windowStart && !problems.windowEnd && windowOutOfOrder(effective.windowStart, effective.windowEnd)) {
    problems[form.windowEnd.trim() ? "windowEnd" : "windowStart"] = "windowOrder";
  }
  return { overrides, problems };
}

/** A date field's text as a day: a full date in any form the 台账设置 sheet accepts, else null. */
export function parseDateField(text: string): Day | null {
  const read = parseSetting("asOf", text);
  return read.status === "ok" ? read.value : null;
}

/** What a blank field means, for its hint. */
export function defaults(todayDay: Day = today()): Settings {
  return resolveSettings([], todayDay);
}
