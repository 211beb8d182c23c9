/** Rules on the 台账设置 sheet: keys that name no setting, values that cannot be used. */
import { isoDay } from "../day";
import { UNIT_KIND_LABELS } from "../labels";
import type { SettingKey } from "../settings";
import { settingText } from "../settings";
import { SETTING_EXPECTED, settingValueKind, type SettingIssue } from "../settingsParse";
import { cellAddress } from "../sheet";
import { settingsRule, type FindingPlace, type SettingsFacts } from "./rule";

/** An issue's cell on the sheet; a window the surface's own values set out of order has none (a workbook-level finding). */
const placeOf = (facts: SettingsFacts, issue: SettingIssue): FindingPlace => {
  const cell = issue.cell;
  if (!cell || facts.sheet === "") return { sheet: "", cell: "", row: null, column: null, field: null };
  return { sheet: facts.sheet, cell: cellAddress(cell.row, cell.column), row: cell.row, column: cell.column, field: null };
};

export const unknownSetting = settingsRule({
  id: "unknown-setting",
  severity: "warning",
  reads: [],
  check: (facts) =>
    facts.issues.flatMap((issue) => (issue.kind === "unknown" ? [{ place: placeOf(facts, issue), params: { key: issue.key, nearest: issue.nearest } }] : [])),
  message: {
    zh: (p: { readonly key: string; readonly nearest: string }) => `“${p.key}”不是可识别的设置项，未采用；最接近的设置项是“${p.nearest}”`,
    en: (p) => `"${p.key}" names no setting and is not used; the nearest setting is "${p.nearest}"`,
  },
  zh: { title: "无法识别的设置项", description: "台账设置表中的一行写了一个无法识别的设置项名称，这一行没有生效。", fix: "把名称改成提示中最接近的设置项（可用的名称见使用说明），或者删除这一行；备注可写在“备注”行。" },
  en: { title: "unknown setting", description: "A row of the 台账设置 sheet names no setting the tool knows, so it has no effect.", fix: "Rename it to the nearest setting the message names (the README lists every accepted name), or delete the row; notes go in a 备注 row." },
});

type Invalid = { readonly key: string; readonly value: string; readonly expected: string; readonly expectedEn: string; readonly used: string; readonly usedEn: string };

export const invalidSetting = settingsRule({
  id: "invalid-setting",
  severity: "warning",
  reads: [],
  check: (facts) =>
    facts.issues.flatMap((issue) => {
      if (issue.kind === "unknown") return [];
      return [{ place: placeOf(facts, issue), params: { key: issue.key, value: issue.value, ...expected(issue), ...used(facts, issue.setting) } }];
    }),
  message: {
    zh: (p: Invalid) => `设置项“${p.key}”的值“${p.value}”无法采用（应为${p.expected}），按${p.used}${/[\w)]$/.test(p.used) ? " " : ""}处理`,
    en: (p) => `the setting "${p.key}" has a value "${p.value}" that cannot be used (expected ${p.expectedEn}); ${p.usedEn} is used instead`,
  },
  zh: { title: "设置值无法采用", description: "台账设置表中某个设置项的值无法识别（如天数写成小数、金额写成约数），或活动结束早于活动开始；这一项改用默认值。", fix: "按提示改正这个值；日期写成 2022-09-30 这样的完整日期，活动开始不晚于活动结束。" },
  en: { title: "invalid setting", description: "A value in the 台账设置 sheet cannot be read (days with a fraction, an approximate amount …), or the campaign ends before it starts; the default applies instead.", fix: "Correct the value as the message says; write dates in full, such as 2022-09-30, and let the campaign start on or before its end." },
});

function expected(issue: Exclude<SettingIssue, { kind: "unknown" }>): Pick<Invalid, "expected" | "expectedEn"> {
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
