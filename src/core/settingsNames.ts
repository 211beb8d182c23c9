/**
 * Every name a setting goes by, in one table: the words of the 台账设置 sheet (those the README
 * and DOMAIN.md give), the district config's key and the functions' argument (camelCase), the
 * pane's English label and the command-line flag. The sheet, the config file and the pane read
 * keys through `settingKeyOf`, so a name accepted in one place is accepted in all of them.
 */
import type { SettingKey } from "./settings";
import { compact } from "./text";

interface SettingNames {
  /** Chinese words; the first is what the pane writes to 台账设置 and shows as the field's label. */
  readonly zh: readonly string[];
  /** English: the config key (also the function argument's name) first, then the pane's label and other words. */
  readonly en: readonly string[];
  /** The command-line flag. */
  readonly flag: string;
}

/** In the order the pane writes the settings and shows its fields. */
export const SETTING_NAMES: Readonly<Record<SettingKey, SettingNames>> = {
  unitName: { zh: ["单位名称", "填报单位", "单位"], en: ["unitName", "Unit name"], flag: "--unit-name" },
  unitKind: { zh: ["单位类型", "类型", "单位类别"], en: ["unitKind", "Unit kind"], flag: "--unit-kind" },
  asOf: { zh: ["统计截止日", "统计截止日期", "截止日期"], en: ["asOf", "As-of date"], flag: "--as-of" },
  windowStart: { zh: ["活动开始", "活动开始日期", "活动开始时间", "活动开始日"], en: ["windowStart", "Campaign start"], flag: "--window-start" },
  windowEnd: { zh: ["活动结束", "活动结束日期", "活动结束时间", "活动结束日"], en: ["windowEnd", "Campaign end"], flag: "--window-end" },
  planDeadline: { zh: ["策划截止日", "策划截止日期", "新策划项目截止日", "新策划项目的截止日"], en: ["planDeadline", "Planning deadline"], flag: "--plan-deadline" },
  fairStartDeadline: { zh: ["投洽会项目开工时限", "投洽会开工时限", "投洽会项目开工截止日"], en: ["fairStartDeadline", "Fair projects' start deadline"], flag: "--fair-start-deadline" },
  dueSoonDays: { zh: ["临近开工天数", "开工预警天数", "临近开工", "临近天数"], en: ["dueSoonDays", "Due-soon days", "soonDays"], flag: "--due-soon-days" },
  projectPoints: { zh: ["每个签约项目分值", "签约项目分值"], en: ["projectPoints", "Points per signed project"], flag: "--project-points" },
  fairBonus: { zh: ["投洽会签约加分", "投洽会加分"], en: ["fairBonus", "Bonus per fair signing"], flag: "--fair-bonus" },
  tripPoints: { zh: ["每次外出分值", "主要负责人每次外出分值", "外出招商分值", "外出分值"], en: ["tripPoints", "Points per principal's trip"], flag: "--trip-points" },
  annualTask: { zh: ["全年任务", "全年任务万元", "年度任务", "全年招商引资任务"], en: ["annualTask", "Annual task"], flag: "--annual-task" },
};

export const SETTING_KEYS = Object.keys(SETTING_NAMES) as readonly SettingKey[];

/** Every accepted name, as written in the table, with its setting. */
const ALL_NAMES: readonly (readonly [name: string, key: SettingKey])[] = SETTING_KEYS.flatMap((key) => {
  const { zh, en, flag } = SETTING_NAMES[key];
  return [...zh, ...en, flag].map((name) => [name, key] as const);
});

/** Long enough for any name; a pasted paragraph in a key cell is compared by its start only. */
const MAX_NAME = 40;

/**
 * A key as compared: width folded, spaces, a bracketed remark (（万元）, (B)), a trailing colon,
 * dashes, underscores and apostrophes dropped, lower case — so 全年任务（万元）, 统计截止日：,
 * --trip-points, trip_points, tripPoints and "Due-soon days" each name their setting.
 */
function normalizeName(word: string): string {
  return compact(word)
    .slice(0, MAX_NAME * 2)
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, "")
    .replace(/[:：]+$/, "")
    .replace(/[-_'’]/g, "")
    .toLowerCase();
}

const KEY_OF_NAME = new Map<string, SettingKey>(ALL_NAMES.map(([name, key]) => [normalizeName(name), key]));

/** Which setting a key names ("统计截止日", "asOf", "--as-of" → asOf), or null for a word that names none. */
export function settingKeyOf(word: string): SettingKey | null {
  return KEY_OF_NAME.get(normalizeName(word)) ?? null;
}

/**
 * Settings of the district as a whole, which only the district config sets (no workbook, flag or
 * pane field: a unit's 台账设置 cannot move the district's goal). Read by the same reader as the others.
 */
const DISTRICT_SETTING_NAMES = {
  keyStartsGoal: { zh: ["重点项目开工目标", "区级重点项目开工目标", "重点签约项目开工目标"], en: ["keyStartsGoal"] },
} as const satisfies Readonly<Record<string, Omit<SettingNames, "flag">>>;

export type DistrictSettingKey = keyof typeof DISTRICT_SETTING_NAMES;

const DISTRICT_KEY_OF_NAME = new Map<string, DistrictSettingKey>(
  (Object.keys(DISTRICT_SETTING_NAMES) as DistrictSettingKey[]).flatMap((key) => [...DISTRICT_SETTING_NAMES[key].zh, ...DISTRICT_SETTING_NAMES[key].en].map((name) => [normalizeName(name), key] as const)),
);

/** Which district setting a config key names ("keyStartsGoal", "重点项目开工目标"), or null. */
export function districtSettingKeyOf(word: string): DistrictSettingKey | null {
  return DISTRICT_KEY_OF_NAME.get(normalizeName(word)) ?? null;
}

/** Rows of 台账设置 that are notes, not settings: never an unknown setting. */
const NOTE_WORDS: ReadonlySet<string> = new Set(["备注", "说明", "注", "注释", "填表说明", "填报说明"].map(normalizeName));

export function isNoteKey(word: string): boolean {
  return NOTE_WORDS.has(normalizeName(word));
}

/**
 * The row that opens the 列名对照 section of 台账设置 (a unit's own header words for fields):
 * the rows from there on are header words, read by the header matching, not settings.
 */
export const COLUMN_NAMES_SECTION = "列名对照";

export function isColumnNamesSection(word: string): boolean {
  return normalizeName(word) === normalizeName(COLUMN_NAMES_SECTION);
}

/** The accepted name nearest to an unknown key (fewest edits, the table's order breaking ties), as written in the table. */
export function nearestSettingName(word: string): string {
  const target = normalizeName(word).slice(0, MAX_NAME);
  let best = ALL_NAMES[0][0];
  let bestDistance = Infinity;
  for (const [name] of ALL_NAMES) {
    const distance = editDistance(target, normalizeName(name));
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

/** Levenshtein distance by UTF-16 unit (every word here is in the BMP). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
