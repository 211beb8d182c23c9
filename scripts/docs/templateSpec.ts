/**
 * The blank ledger template (assets/台账模板.xlsx) as data: its sheets, their columns named with
 * the engine's own header words (the first word of each field), the drop-down lists taken from the
 * engine's vocabularies, one example row per ledger, and the 台账设置 sheet with every key the
 * engine reads. template.ts writes it with ExcelJS, the guide lists it, and a test checks it with
 * the engine; nothing here restates a word the core already holds.
 */
import { HEADER_SYNONYMS } from "../../src/core/headers";
import { LEDGER_LABELS, UNIT_KIND_LABELS } from "../../src/core/labels";
import type { FieldId, LedgerFields, LedgerKind } from "../../src/core/ledger";
import { LEDGER_KINDS } from "../../src/core/ledger";
import { valueTypeOf, type ValueType } from "../../src/core/row";
import { SETTING_DEFAULTS, SETTINGS_SHEET, settingsToEntries, type MonthDay, type Settings } from "../../src/core/settings";
import { SETTING_KEYS, SETTING_NAMES } from "../../src/core/settingsNames";
import type { CellValue } from "../../src/core/sheet";
import { CATEGORY_WORDS } from "../../src/core/values/category";
import { FLAG_WORDS } from "../../src/core/values/flag";
import { ROLE_WORDS } from "../../src/core/values/role";
import { STAGE_WORDS } from "../../src/core/values/stage";
import type { UnitKind } from "../../src/core/values/types";

/** The first word of each id of a vocabulary: how the template offers it and the guide writes it. */
function firstWords(table: Readonly<Record<string, readonly string[]>>): string[] {
  return Object.values(table).map((words) => words[0]);
}

/** The drop-down list of a column, by the kind of value it holds (the others take free text). */
const DROP_DOWN_LISTS: Readonly<Partial<Record<ValueType, readonly string[]>>> = {
  stage: firstWords(STAGE_WORDS),
  flag: firstWords(FLAG_WORDS),
  role: firstWords(ROLE_WORDS),
  category: firstWords(CATEGORY_WORDS),
};

/** The word a unit kind is written with in 台账设置: the one the pane writes (and the engine reads back). */
function unitKindWord(kind: UnitKind): string {
  return String(settingsToEntries({ unitKind: kind })[0][1]);
}

export const UNIT_KIND_WORDS: readonly string[] = (Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map(unitKindWord);

/** The template's number format of date columns: a date shown as 2022-08-15 whatever the PC's locale. */
export const DATE_FORMAT = "yyyy-mm-dd";
/** Data rows prepared with drop-down lists below the header (a unit's ledger rarely holds more). */
export const PREPARED_ROWS = 1000;

interface TemplateColumn {
  readonly field: FieldId;
  readonly header: string;
  /** The drop-down list, when the column's values come from a vocabulary. */
  readonly list: readonly string[] | null;
  readonly date: boolean;
}

export interface LedgerTemplate {
  readonly kind: LedgerKind;
  readonly sheet: string;
  readonly title: string;
  /** The line under the title that sets the unit of the amount columns, on ledgers with amounts. */
  readonly unitsLine: string | null;
  readonly columns: readonly TemplateColumn[];
  readonly example: readonly CellValue[];
}

/**
 * The sheet names of the four ledgers, as units name them: each holds the word (项目, 外出, 邀请,
 * 例会) by which the engine tells ledgers apart when their headers tie.
 */
const SHEET_NAMES: Readonly<Record<LedgerKind, string>> = {
  projects: "项目台账",
  trips: "外出招商",
  invitations: "客商邀请",
  meetings: "例会记录",
};

/** Titles that name no unit (the unit's name belongs in 台账设置, where every surface reads it). */
const TITLES: Readonly<Record<LedgerKind, string>> = {
  projects: "招商引资项目台账",
  trips: "外出招商台账",
  invitations: "客商邀请台账",
  meetings: "招商引资例会记录",
};

/** A date cell as ExcelJS writes and reads it: UTC midnight. */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const first = (words: readonly string[]) => words[0];
const YES = first(FLAG_WORDS.yes);
const NO = first(FLAG_WORDS.no);

/**
 * One example row per ledger, every column filled the way the engine reads it without a finding:
 * a project signed at the fair and started on time, a trip led by the principal, an invitation of
 * a Fortune 500 head, a weekly meeting. A field added to a ledger kind must be given a value here.
 */
type Examples = { readonly [L in LedgerKind]: { readonly [K in Exclude<LedgerFields[L], "unit">]: CellValue } };
const EXAMPLES: Examples = {
  projects: {
    name: "（示例）智能装备制造产业园项目",
    investor: "示例智能装备有限公司",
    industry: "战略性新兴产业",
    investment: 120000,
    stage: first(STAGE_WORDS.started),
    keyNegotiation: NO,
    keySigned: YES,
    fairSigned: YES,
    planDate: day("2022-06-15"),
    signDate: day("2022-08-05"),
    plannedStart: day("2022-08-25"),
    actualStart: day("2022-08-20"),
    fundsInPlace: 30000,
    owner: "张建华",
    promotions: 2,
    expertReviewed: YES,
    progress: "一期厂房主体施工",
    notes: "示例行：照此填写，填报时改写或删除",
  },
  trips: {
    date: day("2022-08-16"),
    endDate: day("2022-08-18"),
    leader: "李明",
    role: first(ROLE_WORDS.principal),
    title: "党工委书记",
    region: "长三角",
    companies: "示例电气集团股份有限公司",
    outcome: "（示例）达成合作意向 1 个",
  },
  invitations: {
    company: "（示例）示例控股集团有限公司",
    category: first(CATEGORY_WORDS.fortune500),
    invitee: "王海涛",
    title: "董事长",
    confirmed: YES,
  },
  meetings: {
    date: day("2022-08-22"),
    location: "会议室",
    topic: "（示例）调度签约项目开工手续办理",
    recorder: "赵静",
  },
};

function columnOf(field: FieldId, header: string): TemplateColumn {
  const type = valueTypeOf(field);
  return { field, header, list: (type && DROP_DOWN_LISTS[type]) ?? null, date: type === "date" };
}

/**
 * A ledger's columns: every field of its kind in the engine's order, headed by the field's first
 * word, except 单位 (one workbook is one unit, named in 台账设置; a 单位 column makes a sheet of
 * several units).
 */
function ledgerTemplate(kind: LedgerKind): LedgerTemplate {
  const synonyms: Readonly<Record<string, readonly string[]>> = HEADER_SYNONYMS[kind];
  const example: Readonly<Record<string, CellValue>> = EXAMPLES[kind];
  const fields = (Object.keys(synonyms) as FieldId[]).filter((f) => f !== "unit");
  const columns = fields.map((f) => columnOf(f, synonyms[f][0]));
  const hasAmounts = columns.some((c) => valueTypeOf(c.field) === "amount");
  return {
    kind,
    sheet: SHEET_NAMES[kind],
    title: TITLES[kind],
    unitsLine: hasAmounts ? "单位：万元" : null,
    columns,
    example: fields.map((f) => example[f]),
  };
}

export const LEDGER_TEMPLATES: readonly LedgerTemplate[] = LEDGER_KINDS.map(ledgerTemplate);

// ── 台账设置 ─────────────────────────────────────────────────────────────────────────────────

type SettingKey = keyof Settings;

/**
 * The settings the engine reads from 台账设置, in its order, and the words it accepts for each (the
 * first is the one the pane writes): the one place here that reads the engine's table of names.
 */
export function settingKeys(): SettingKey[] {
  return [...SETTING_KEYS];
}
export function settingWords(key: SettingKey): readonly string[] {
  return SETTING_NAMES[key].zh;
}

const monthDay = ({ month, day: d }: MonthDay) => `${month} 月 ${d} 日`;

/**
 * What each setting means and what an empty value gives, in plain words (the guide's table and the
 * template's 说明 column). A setting the engine gains needs its line here: the compiler says so.
 */
export const SETTING_HELP: Readonly<Record<SettingKey, { readonly meaning: string; readonly whenBlank: string }>> = {
  unitName: { meaning: "本单位名称，如“财源街道”", whenBlank: "取台账标题或“填报单位：”中的单位名称，再取文件名" },
  unitKind: { meaning: `单位类型：${UNIT_KIND_WORDS.join("、")}（决定考核哪些目标）`, whenBlank: "从单位名称和台账标题推断（如“…街道”），推断不出按街道/镇" },
  asOf: { meaning: "统计截止日：开工时限、目标完成数和得分都按这一天计算", whenBlank: "今天" },
  windowStart: { meaning: "集中攻坚活动开始日期", whenBlank: `统计截止日所在年份的 ${monthDay(SETTING_DEFAULTS.windowStart)}` },
  windowEnd: { meaning: "集中攻坚活动结束日期", whenBlank: `活动当年 ${monthDay(SETTING_DEFAULTS.windowEnd)}` },
  planDeadline: { meaning: "新策划项目的截止日：策划日期在活动开始至此日之间的策划项目计入“新策划”", whenBlank: `活动当年 ${monthDay(SETTING_DEFAULTS.planDeadline)}` },
  dueSoonDays: { meaning: "计划开工日期在统计截止日后多少天内算“临近开工时限”", whenBlank: `${SETTING_DEFAULTS.dueSoonDays} 天` },
  projectPoints: { meaning: "每个签约项目的分值 B", whenBlank: `${SETTING_DEFAULTS.projectPoints} 分` },
  fairBonus: { meaning: "投洽会签约项目的加分 F", whenBlank: `${SETTING_DEFAULTS.fairBonus} 分` },
  tripPoints: { meaning: "主要负责人每次外出招商的分值 P（少一次扣 2P）", whenBlank: `${SETTING_DEFAULTS.tripPoints} 分` },
  fairStartDeadline: { meaning: "投洽会签约项目的开工时限：在此日之前开工（计划或实际）才计入“投洽会签约”", whenBlank: `统计截止日次年 ${monthDay(SETTING_DEFAULTS.fairStartDeadline)}` },
  annualTask: { meaning: "全年招商引资任务（万元，也可写“5亿”）；填写后才考核“全年任务”", whenBlank: "不考核“全年任务”" },
};

export interface SettingRow {
  readonly key: SettingKey;
  /** The word written in the 项目 column: the first the engine accepts, the one the pane writes. */
  readonly word: string;
  /** Other words the engine accepts for the same setting. */
  readonly aliases: readonly string[];
  readonly note: string;
}

/** Every setting the engine reads from 台账设置, in the engine's order. */
export const SETTING_ROWS: readonly SettingRow[] = settingKeys().map((key) => ({
  key,
  word: settingWords(key)[0],
  aliases: settingWords(key).slice(1),
  note: `${SETTING_HELP[key].meaning}；留空：${SETTING_HELP[key].whenBlank}`,
}));

export const SETTINGS_TEMPLATE = {
  sheet: SETTINGS_SHEET,
  header: ["项目", "值", "说明"] as const,
  /** The rows whose value is a unit kind get that drop-down list. */
  unitKindKey: "unitKind" as SettingKey,
};

/** The file the template is written to, relative to the package root. */
export const TEMPLATE_FILE = "assets/台账模板.xlsx";

/** The label of a ledger kind in the guide: 项目台账, 外出招商台账 … */
export function ledgerLabel(kind: LedgerKind): string {
  return LEDGER_LABELS[kind].zh;
}
