/** Rules on the 台账设置 sheet: keys that name no setting, values that cannot be used, and the same of its 列名对照 rows. */
import { isoDay } from "../day";
import { UNIT_KIND_LABELS } from "../labels";
import type { SettingKey } from "../settings";
import { settingText } from "../settings";
import { SETTING_EXPECTED, settingValueKind, type SettingIssue } from "../settingsParse";
import { cellAddress } from "../sheet";
import { COLUMN_NAMES_SECTION } from "../settingsNames";
import { settingsRule, type FindingPlace, type PlacedHit, type SettingsFacts } from "./rule";

/** An issue's cell on the sheet; a window the surface's own values set out of order has none (a workbook-level finding). */
const placeOf = (facts: SettingsFacts, issue: SettingIssue): FindingPlace => {
  const cell = issue.cell;
  if (!cell || facts.sheet === "") return { sheet: "", cell: "", row: null, column: null, field: null };
  return { sheet: facts.sheet, cell: cellAddress(cell.row, cell.column), row: cell.row, column: cell.column, field: null };
};

/** An unknown key of the settings, or a 列名对照 word that names no column (`section`). */
type Unknown = { readonly key: string; readonly nearest: string } | { readonly key: string; readonly nearest: string; readonly section: string };

export const unknownSetting = settingsRule({
  id: "unknown-setting",
  severity: "warning",
  reads: [],
  check: (facts) =>
    facts.issues.flatMap((issue) => {
      if (issue.kind === "unknown") return [{ place: placeOf(facts, issue), params: { key: issue.key, nearest: issue.nearest } }];
      if (issue.kind === "unknown-column") return [{ place: placeOf(facts, issue), params: { key: issue.key, nearest: issue.nearest, section: COLUMN_NAMES_SECTION } }];
      return [];
    }),
  message: {
    zh: (p: Unknown) =>
      "section" in p
        ? `${p.section}中的“${p.key}”不是台账的列名，这一行未采用；最接近的列名是“${p.nearest}”`
        : `“${p.key}”不是可识别的设置项，未采用；最接近的设置项是“${p.nearest}”`,
    en: (p) =>
      "section" in p
        ? `"${p.key}" in the "${p.section}" section names no ledger column and the row is not used; the nearest column name is "${p.nearest}"`
        : `"${p.key}" names no setting and is not used; the nearest setting is "${p.nearest}"`,
  },
  zh: {
    title: "无法识别的设置项",
    description: "台账设置表中的一行写了一个无法识别的设置项名称，这一行没有生效；或者“列名对照”一节中一行的左列不是台账的列名，这一行的表头没有采用。",
    fix: "把名称改成提示中最接近的设置项或列名（可用的名称见使用说明和表头用词），或者删除这一行；备注可写在“备注”行。",
  },
  en: {
    title: "unknown setting",
    description: "A row of the 台账设置 sheet names no setting the tool knows, so it has no effect; or a row of its 列名对照 section names no ledger column on the left, so its header is not used.",
    fix: "Rename it to the nearest setting or column name the message names (the README and the header words list give every accepted name), or delete the row; notes go in a 备注 row.",
  },
});

type Invalid = { readonly key: string; readonly value: string; readonly expected: string; readonly expectedEn: string; readonly used: string; readonly usedEn: string };
/** A 列名对照 row whose header is empty (`other` "") or already another column's (`other`, that column's word). */
type ColumnHeader = { readonly key: string; readonly value: string; readonly other: string; readonly section: string };

export const invalidSetting = settingsRule({
  id: "invalid-setting",
  severity: "warning",
  reads: [],
  check: (facts) =>
    facts.issues.flatMap((issue): PlacedHit<Invalid | ColumnHeader>[] => {
      if (issue.kind === "unknown" || issue.kind === "unknown-column") return [];
      if (issue.kind === "column-header") {
        return [{ place: placeOf(facts, issue), params: { key: issue.key, value: issue.value, other: issue.other ?? "", section: COLUMN_NAMES_SECTION } }];
      }
      return [{ place: placeOf(facts, issue), params: { key: issue.key, value: issue.value, ...expected(issue), ...used(facts, issue.setting) } }];
    }),
  message: {
    zh: (p: Invalid | ColumnHeader) => {
      if (!("section" in p)) return `设置项“${p.key}”的值“${p.value}”无法采用（应为${p.expected}），按${p.used}${/[\w)]$/.test(p.used) ? " " : ""}处理`;
      return p.other === ""
        ? `${p.section}中“${p.key}”右侧没有填写本单位的表头，这一行未采用`
        : `${p.section}中的表头“${p.value}”已对应“${p.other}”，“${p.key}”这一行未采用（每个表头只能对应一列）`;
    },
    en: (p) => {
      if (!("section" in p)) return `the setting "${p.key}" has a value "${p.value}" that cannot be used (expected ${p.expectedEn}); ${p.usedEn} is used instead`;
      return p.other === ""
        ? `the row "${p.key}" of the "${p.section}" section gives no header of the unit's on its right and is not used`
        : `the header "${p.value}" in the "${p.section}" section is already given to "${p.other}"; the row "${p.key}" is not used (a header names one column only)`;
    },
  },
  zh: {
    title: "设置值无法采用",
    description: "台账设置表中某个设置项的值无法识别（如天数写成小数、金额写成约数），或活动结束早于活动开始，这一项改用默认值；或者“列名对照”一节中一行的右列没有填写表头，或这个表头已对应了另一列，这一行没有采用。",
    fix: "按提示改正这个值；日期写成 2022-09-30 这样的完整日期，活动开始不晚于活动结束。列名对照的右列写本单位台账实际使用的表头（如“拟开工时间”），每个表头只对应一列。",
  },
  en: {
    title: "invalid setting",
    description: "A value in the 台账设置 sheet cannot be read (days with a fraction, an approximate amount …), or the campaign ends before it starts; the default applies instead. Or a row of its 列名对照 section gives no header on its right, or a header already given to another column; the row is not used.",
    fix: "Correct the value as the message says; write dates in full, such as 2022-09-30, and let the campaign start on or before its end. In 列名对照, write on the right the header the unit's ledger really uses (拟开工时间), one column per header.",
  },
});

function expected(issue: Extract<SettingIssue, { kind: "invalid" | "window" }>): Pick<Invalid, "expected" | "expectedEn"> {
  if (issue.kind === "invalid") {
    const words = SETTING_EXPECTED[settingValueKind(issue.setting)];
    return { expected: words.zh, expectedEn: words.en };
  }
  // A window end that falls on the wrong side of the other end.
  return issue.setting === "windowEnd"
    ? { expected: `不早于活动开始 ${isoDay(issue.start)} 的日期`, expectedEn: `a date not before the campaign start ${isoDay(issue.start)}` }
    : { expected: `不晚于活动结束 ${isoDay(issue.end)} 的日期`, expectedEn: `a date not after the campaign end ${isoDay(issue.end)}` };
}

/** What applies in the bad value's stead, as the finding says it: the default, or what a flag or an argument gave. */
function used({ settings, overridden }: SettingsFacts, key: SettingKey): Pick<Invalid, "used" | "usedEn"> {
  if (key === "windowStart" || key === "windowEnd") {
    const window = `${isoDay(settings.windowStart)} 至 ${isoDay(settings.windowEnd)}`;
    const windowEn = `${isoDay(settings.windowStart)} to ${isoDay(settings.windowEnd)}`;
    return overridden.has(key)
      ? { used: `活动期间 ${window}`, usedEn: `the campaign window ${windowEn}` }
      : { used: `默认活动期间 ${window}`, usedEn: `the default campaign window ${windowEn}` };
  }
  if (overridden.has(key)) {
    const value = settings[key];
    const shown = value === null ? "" : String(settingText(key, value as NonNullable<typeof value>));
    return { used: `命令行或函数参数给出的值 ${shown}`, usedEn: `the value given on the command line or as an argument, "${shown}",` };
  }
  switch (key) {
    case "unitKind":
      return { used: `由工作簿推断的单位类型“${UNIT_KIND_LABELS[settings.unitKind ?? "town"].zh}”`, usedEn: `the kind inferred from the workbook, ${UNIT_KIND_LABELS[settings.unitKind ?? "town"].en},` };
    case "unitName":
      return { used: `由工作簿推断的单位名称“${settings.unitName ?? ""}”`, usedEn: `the name found in the workbook, "${settings.unitName ?? ""}",` };
    case "annualTask":
      return settings.annualTask === null
        ? { used: "不设全年任务（该目标不评估）", usedEn: "no annual task (the target is not assessed)" }
        : { used: `全年任务 ${settings.annualTask}`, usedEn: `the annual task ${settings.annualTask}` };
    case "asOf":
      return { used: `默认值（今天）${isoDay(settings.asOf)}`, usedEn: `the default (today), ${isoDay(settings.asOf)},` };
    default: {
      const shown = String(settingText(key, settings[key] as NonNullable<(typeof settings)[typeof key]>));
      return { used: `默认值 ${shown}`, usedEn: `the default ${shown}` };
    }
  }
}
