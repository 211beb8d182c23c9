/**
 * The pane's own words, Chinese first. Domain words (targets, statuses, severities, fields, unit
 * kinds) and finding messages come from the core, so the pane, the custom functions and the command
 * line always say the same thing; only words of the pane itself live here. The labels of the
 * settings form sit beside it (settingsForm.ts), because their Chinese words are the 台账设置 keys
 * of the core, which the first screen should not load.
 */
import { isoDay, type Day } from "../core/day";
import type { Lang } from "../core/findings";
import { langOf } from "../core/labels";

export type { Lang };

const zh = {
  appTitle: "招商台账助手",
  tabCheck: "检查",
  tabTargets: "目标进度",
  tabSettings: "设置",
  check: "检查台账",
  highlight: "标记",
  clear: "清除标记",
  busy: "正在处理…",
  loading: "正在加载…",
  highlightOn: "已标记：修改单元格后会自动重新检查并更新标记。",
  intro: "点击「检查台账」，检查本工作簿中各台账的完整性和一致性；点击「标记」，在表格中标出逾期、临近开工和有错误的单元格。",
  asOf: "统计截止日 {date}",
  unit: "{name}（{kind}）",
  unitKindUnknown: "单位类型未识别",
  ledgers: "已识别：{list}",
  noLedgers: "没有识别出任何台账。",
  counts: "错误 {errors} 个，警告 {warnings} 个",
  noFindings: "未发现问题，台账完整一致。",
  workbookGroup: "整个工作簿",
  filterSeverity: "按严重程度筛选",
  filterRule: "按规则筛选",
  allRules: "全部规则",
  noMatch: "没有符合筛选条件的问题。",
  showMore: "再显示 {n} 条",
  selectCell: "定位到 {sheet}!{cell}",
  hiddenSheet: "所在工作表已隐藏",
  hiddenRow: "所在行已隐藏",
  hiddenColumn: "所在列已隐藏",
  reveal: "取消隐藏并定位",
  checkFirst: "请先在「检查」页点击「检查台账」。",
  score: "得分",
  penalty: "扣分",
  notAssessed: "未评估",
  met: "已完成",
  gap: "还差 {n}",
  progress: "{actual} / {required}",
  unitCounts: "错误 {errors} · 警告 {warnings}",
  settingsIntro: "设置保存在本工作簿的「台账设置」工作表中，命令行和 WPS 用户读取的是同一份设置。留空即使用默认值。",
  settingUnitKindAuto: "自动识别",
  settingToday: "今天",
  settingDefault: "默认：{value}",
  settingWindowDefault: "默认：统计截止日所在年份的 8 月 1 日至 9 月 30 日",
  settingPlanDeadlineDefault: "默认：活动当年 9 月 15 日",
  settingFairStartDeadlineDefault: "投洽会签约项目须在此日前开工才计入目标。默认：统计截止日次年 3 月 1 日",
  settingAnnualTaskHint: "填写后才评估「全年任务」，如 50000 或 5亿",
  save: "保存设置",
  retry: "重新读取",
  saved: "已保存到「台账设置」工作表。",
  summary: "生成汇总表",
  summaryHint: "在工作簿中写入（或更新）一张汇总表：每个单位一行，各项目标、得分、扣分都是 ZS 公式，台账增加行后自动更新。",
  summaryCreated: "已生成汇总表：工作表「{sheet}」。",
  summaryUpdated: "已更新汇总表：工作表「{sheet}」。",
  datePlaceholder: "yyyy/mm/dd",
  invalidDate: "请输入有效日期，如 2022/09/30。",
  invalidNumber: "请输入不小于 0 的数字。",
  invalidDays: "请输入不小于 0 的整数。",
  invalidAmount: "请输入大于 0 的确数金额（万元），如 50000 或 5亿。",
  windowOrder: "活动结束不能早于活动开始。",
  fixErrors: "请先改正标出的设置。",
  errorTitle: "操作未完成",
  unexpected: "操作失败：{detail}",
  loadFailed: "加载失败，请关闭并重新打开任务窗格。",
  officeMissing: "无法加载 Office 脚本库（office.js）。请在 Excel 中打开本加载项；无法访问互联网的内网，请联系管理员部署内网版本。",
  verify: "核实",
  verifyTitle: "核实 {sheet}!{cell} 的问题",
  verifyExplain: "核实后，此问题记入「台账核实」工作表，不再标记，不计入错误和警告，评分不变；相关单元格改动后问题会重新出现。",
  verifyReason: "核实理由（必填）",
  verifyReasonMissing: "请填写核实理由。",
  verifyBy: "核实人",
  verifyOk: "确定",
  verifyCancel: "取消",
  verifiedGroup: "已核实 ({n})",
  verifiedReason: "核实理由：{reason}",
  verifiedStale: "「台账核实」中有 {n} 条记录已不再对应问题（相关单元格已改动、问题已改正，或与前面的记录重复）。",
} as const;

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  appTitle: "Investment Ledger Assistant",
  tabCheck: "Check",
  tabTargets: "Targets",
  tabSettings: "Settings",
  check: "Check ledger",
  highlight: "Highlight",
  clear: "Clear highlight",
  busy: "Working…",
  loading: "Loading…",
  highlightOn: "Highlighted: edits are re-checked and the highlight follows them.",
  intro: "Check tests every ledger of this workbook for completeness and consistency; Highlight marks overdue and due-soon starts and the cells with errors.",
  asOf: "As of {date}",
  unit: "{name} ({kind})",
  unitKindUnknown: "unit kind not recognised",
  ledgers: "Found: {list}",
  noLedgers: "No ledger was recognised.",
  counts: "{errors} errors, {warnings} warnings",
  noFindings: "No problems: the ledgers are complete and consistent.",
  workbookGroup: "Whole workbook",
  filterSeverity: "Filter by severity",
  filterRule: "Filter by rule",
  allRules: "All rules",
  noMatch: "No findings match the filters.",
  showMore: "Show {n} more",
  selectCell: "Go to {sheet}!{cell}",
  hiddenSheet: "on a hidden sheet",
  hiddenRow: "in a hidden row",
  hiddenColumn: "in a hidden column",
  reveal: "Unhide and go to it",
  checkFirst: "Click Check ledger on the Check tab first.",
  score: "Score",
  penalty: "Penalty",
  notAssessed: "Not assessed",
  met: "Met",
  gap: "{n} to go",
  progress: "{actual} / {required}",
  unitCounts: "{errors} errors · {warnings} warnings",
  settingsIntro: "Settings are stored in this workbook's 台账设置 sheet, which the command line and WPS users read too. Leave a field blank for its default.",
  settingUnitKindAuto: "Detect automatically",
  settingToday: "Today",
  settingDefault: "Default: {value}",
  settingWindowDefault: "Default: 1 August to 30 September of the as-of year",
  settingPlanDeadlineDefault: "Default: 15 September of the campaign year",
  settingFairStartDeadlineDefault: "A fair-signed project counts only if it starts before this day. Default: 1 March of the year after the as-of year",
  settingAnnualTaskHint: "Assessed only when given, e.g. 50000 or 5亿",
  save: "Save settings",
  retry: "Read again",
  saved: "Saved to the 台账设置 sheet.",
  summary: "Write summary sheet",
  summaryHint: "Writes (or updates) a summary sheet in the workbook: one row per unit, each target, SCORE and PENALTY as ZS formulas that follow rows added to the ledgers.",
  summaryCreated: "Summary written to the new sheet {sheet}.",
  summaryUpdated: "Summary sheet {sheet} updated.",
  datePlaceholder: "yyyy-mm-dd",
  invalidDate: "Enter a valid date, e.g. 2022-09-30.",
  invalidNumber: "Enter a number of 0 or more.",
  invalidDays: "Enter a whole number of 0 or more.",
  invalidAmount: "Enter an exact amount above 0 in 万元, e.g. 50000 or 5亿.",
  windowOrder: "The campaign cannot end before it starts.",
  fixErrors: "Please correct the marked settings first.",
  errorTitle: "Not done",
  unexpected: "Something went wrong: {detail}",
  loadFailed: "Loading failed: close the task pane and open it again.",
  officeMissing: "Office's script library (office.js) could not be loaded. Open this add-in in Excel; on an intranet without internet access, ask your administrator for the intranet build.",
  verify: "Verify",
  verifyTitle: "Verify the finding at {sheet}!{cell}",
  verifyExplain: "A verified finding is recorded in the 台账核实 sheet: it is no longer marked nor counted as an error or warning, and the score does not change. It returns when the cells behind it change.",
  verifyReason: "Reason (required)",
  verifyReasonMissing: "A reason is required.",
  verifyBy: "Verified by",
  verifyOk: "OK",
  verifyCancel: "Cancel",
  verifiedGroup: "Verified ({n})",
  verifiedReason: "Reason: {reason}",
  verifiedStale: "Rows of 台账核实 that match no finding any more: {n} (the cells behind them changed, the problem was put right, or the row repeats another).",
};

const TABLES: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { zh, en };

export type Translate = (key: StringKey, params?: Readonly<Record<string, string | number>>) => string;

/** The pane's strings in one language; `{name}` placeholders are filled from params. */
export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  return (key, params) => table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** Office's UI language when office.js has loaded, else Chinese. */
export function detectLang(): Lang {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return langOf(office?.context?.displayLanguage);
  } catch {
    return "zh";
  }
}

/**
 * A day as the pane's fields show it: yyyy/mm/dd in Chinese (how dates are written in China, and
 * what Chinese Windows shows), yyyy-mm-dd in English (unambiguous, the form the findings use).
 * Written out, not left to a date input, whose format follows the browser's locale: mm/dd/yyyy in a
 * Chinese pane on an English Windows.
 */
export function formatDay(day: Day, lang: Lang): string {
  const iso = isoDay(day);
  return lang === "zh" ? iso.replace(/-/g, "/") : iso;
}

/** Numbers as people read them in the language (thousands separators, at most two decimals). */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }).format(n);
}
