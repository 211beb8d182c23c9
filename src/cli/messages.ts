/**
 * The command line's own words (not the domain's: those come from src/core/labels and the rule
 * catalog). Chinese first, English second; every problem is one line that says what is wrong and
 * what to do.
 */
import type { Lang } from "../core/findings";
import type { Bilingual } from "../core/labels";
import { SETTING_DEFAULTS as D, type MonthDay } from "../core/settings";

export type { Lang };

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export function say(text: Text, lang: Lang): string {
  return text[lang];
}

/** A wrong argument: exit 2 before any file is read. */
export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** Why a file cannot be checked; found by sniffing the container or while reading it. */
export type FileProblem =
  | { readonly kind: "not-found" }
  | { readonly kind: "not-a-file" }
  | { readonly kind: "no-access"; readonly detail: string }
  | { readonly kind: "empty" }
  | { readonly kind: "encrypted" }
  | { readonly kind: "legacy" }
  | { readonly kind: "text"; readonly markup: boolean }
  | { readonly kind: "not-zip" }
  | { readonly kind: "truncated" }
  | { readonly kind: "corrupt"; readonly detail?: string }
  | { readonly kind: "not-workbook" }
  | { readonly kind: "zip-encrypted" }
  | { readonly kind: "too-large"; readonly bytes: number; readonly limit: number }
  /** The whole archive, or one entry of it (`entry`), declares a size at a bomb's ratio. */
  | { readonly kind: "bomb"; readonly bytes: number; readonly ratio: number; readonly entry?: string }
  /** An entry inflated past the size its directory declared: a forged directory hiding a bomb. */
  | { readonly kind: "forged-size"; readonly entry: string }
  /** A FIFO, a device or a socket: never opened (a FIFO would wait for a writer forever). */
  | { readonly kind: "not-regular"; readonly what: NonRegular }
  /** A part held whole (shared strings, styles, the workbook) beyond what is kept of it. */
  | { readonly kind: "part-limit"; readonly part: string; readonly what: PartLimit; readonly limit: number }
  /** Stopped by the per-file limits of a run (limits.ts). */
  | { readonly kind: "too-slow"; readonly seconds: number }
  | { readonly kind: "too-much-memory"; readonly memoryMb: number };

export type NonRegular = "fifo" | "character-device" | "block-device" | "socket" | "other";
export type PartLimit = "shared-strings" | "shared-string-chars" | "cell-formats" | "number-formats" | "bytes";

/** A FileProblem found while reading (past the sniff), thrown to the one place that words it. */
export class FileProblemError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.kind);
  }
}

const SAVE_AS_XLSX_ZH = "请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查";
const SAVE_AS_XLSX_EN = "open it in Excel or WPS, save it as .xlsx and check again";

const SPLIT_ZH = "请删去无关工作表或拆分台账后再检查";
const SPLIT_EN = "remove unrelated sheets or split the ledger and check again";

const NON_REGULAR: Readonly<Record<NonRegular, Text>> = {
  fifo: { zh: "命名管道（FIFO）", en: "a named pipe (FIFO)" },
  "character-device": { zh: "字符设备", en: "a character device" },
  "block-device": { zh: "块设备", en: "a block device" },
  socket: { zh: "套接字（socket）", en: "a socket" },
  other: { zh: "特殊文件", en: "a special file" },
};

function partLimitText(p: { part: string; what: PartLimit; limit: number }): Text {
  const n = p.limit.toLocaleString("en-US");
  switch (p.what) {
    case "shared-strings":
      return { zh: `${p.part} 中的共享字符串超过 ${n} 个`, en: `${p.part} holds more than ${n} shared strings` };
    case "shared-string-chars":
      return { zh: `${p.part} 中的共享字符串共超过 ${n} 个字符`, en: `${p.part} holds shared strings of more than ${n} characters in all` };
    case "cell-formats":
      return { zh: `${p.part} 中的单元格格式超过 ${n} 个（Excel 最多 64,000 个）`, en: `${p.part} holds more than ${n} cell formats (Excel allows 64,000)` };
    case "number-formats":
      return { zh: `${p.part} 中的数字格式超过 ${n} 个`, en: `${p.part} holds more than ${n} number formats` };
    case "bytes":
      return { zh: `${p.part} 解压后超过 ${megabytes(p.limit)}`, en: `${p.part} unpacks to more than ${megabytes(p.limit)}` };
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
}

export function fileProblemText(p: FileProblem): Text {
  switch (p.kind) {
    case "not-found":
      return { zh: "找不到该文件，请检查路径", en: "no such file; check the path" };
    case "not-a-file":
      return { zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file" };
    case "no-access":
      return { zh: `无法打开该文件（${p.detail}），请检查文件权限`, en: `cannot open the file (${p.detail}); check its permissions` };
    case "empty":
      return { zh: "文件是空的（0 字节），请重新获取台账文件", en: "the file is empty (0 bytes); get the ledger file again" };
    case "encrypted":
      return {
        zh: "文件设置了打开密码（已加密），请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再检查",
        en: "the file is password-protected (encrypted); remove the password in Excel or WPS, save it as .xlsx and check again",
      };
    case "legacy":
      return {
        zh: `这是旧版 Excel（.xls）或 WPS 表格（.et）格式，${SAVE_AS_XLSX_ZH}`,
        en: `this is an old Excel (.xls) or WPS (.et) workbook; ${SAVE_AS_XLSX_EN}`,
      };
    case "text":
      return p.markup
        ? { zh: `这是网页或 XML 格式的表格，不是 .xlsx 工作簿，${SAVE_AS_XLSX_ZH}`, en: `this is a web page or XML table, not an .xlsx workbook; ${SAVE_AS_XLSX_EN}` }
        : {
            zh: `这是文本文件（可能是改了扩展名的 CSV），不是 .xlsx 工作簿，${SAVE_AS_XLSX_ZH}`,
            en: `this is a text file (perhaps a CSV renamed), not an .xlsx workbook; ${SAVE_AS_XLSX_EN}`,
          };
    case "not-zip":
      return { zh: `不是 Excel 工作簿（.xlsx），无法识别文件内容，${SAVE_AS_XLSX_ZH}`, en: `not an Excel workbook (.xlsx): its content is not recognised; ${SAVE_AS_XLSX_EN}` };
    case "truncated":
      return {
        zh: "文件不完整（末尾缺失，可能下载或复制时中断），请重新获取完整的文件",
        en: "the file is incomplete (its end is missing, perhaps an interrupted download or copy); get the whole file again",
      };
    case "corrupt":
      return {
        zh: `文件已损坏，无法读取${p.detail ? `（${p.detail}）` : ""}，请在 Excel 或 WPS 中打开修复后另存为 .xlsx`,
        en: `the file is damaged and cannot be read${p.detail ? ` (${p.detail})` : ""}; open it in Excel or WPS to repair it and save it as .xlsx`,
      };
    case "not-workbook":
      return {
        zh: "这是 zip 压缩包或其他 Office 文档，不是 Excel 工作簿（缺少 xl/workbook.xml）",
        en: "this is a zip archive or another Office document, not an Excel workbook (no xl/workbook.xml)",
      };
    case "zip-encrypted":
      return { zh: "压缩包内的文件已加密，请取消加密后另存为 .xlsx", en: "the archive's entries are encrypted; remove the encryption and save it as .xlsx" };
    case "too-large":
      return {
        zh: `文件解压后约 ${megabytes(p.bytes)}，超过 ${megabytes(p.limit)} 的上限，${SPLIT_ZH}`,
        en: `the file unpacks to about ${megabytes(p.bytes)}, over the ${megabytes(p.limit)} limit; ${SPLIT_EN}`,
      };
    case "bomb":
      return p.entry === undefined
        ? {
            zh: `文件异常：声明解压后约 ${megabytes(p.bytes)}，压缩比 ${Math.round(p.ratio)}:1，疑似压缩炸弹，已拒绝读取`,
            en: `suspicious file: it declares about ${megabytes(p.bytes)} unpacked at a ${Math.round(p.ratio)}:1 ratio, like a zip bomb; not read`,
          }
        : {
            zh: `文件异常：其中 ${p.entry} 声明解压后约 ${megabytes(p.bytes)}，压缩比 ${Math.round(p.ratio)}:1，疑似压缩炸弹，已拒绝读取`,
            en: `suspicious file: its ${p.entry} declares about ${megabytes(p.bytes)} unpacked at a ${Math.round(p.ratio)}:1 ratio, like a zip bomb; not read`,
          };
    case "forged-size":
      return {
        zh: `文件异常：${p.entry} 解压后超过其声明的大小，疑似压缩炸弹，已停止读取`,
        en: `suspicious file: ${p.entry} unpacks to more than it declares, like a zip bomb; reading stopped`,
      };
    case "not-regular": {
      const what = NON_REGULAR[p.what];
      return {
        zh: `这不是普通文件，而是${what.zh}，不能作为台账读取；请给出 .xlsx 文件本身`,
        en: `this is not a regular file but ${what.en}, which cannot be read as a ledger; give the .xlsx file itself`,
      };
    }
    case "part-limit": {
      const what = partLimitText(p);
      return { zh: `文件异常：${what.zh}，超过上限，未能读取；${SPLIT_ZH}`, en: `suspicious file: ${what.en}, over the limit; not read; ${SPLIT_EN}` };
    }
    case "too-slow":
      return {
        zh: `读取超过 ${p.seconds} 秒仍未完成，已停止（文件可能异常或过大）；${SPLIT_ZH}`,
        en: `reading took longer than ${p.seconds} s and was stopped (the file may be damaged or too large); ${SPLIT_EN}`,
      };
    case "too-much-memory":
      return {
        zh: `读取所需内存超过 ${p.memoryMb} MB 的上限，已停止（文件可能异常或过大）；${SPLIT_ZH}`,
        en: `reading needed more than the ${p.memoryMb} MB memory limit and was stopped (the file may be damaged or too large); ${SPLIT_EN}`,
      };
  }
}

/** "无法检查 a.xlsx：…" — the one stderr line of a file that could not be read. */
export function fileErrorLine(file: string, message: string): Text {
  return { zh: `无法检查 ${file}：${message}`, en: `cannot check ${file}: ${message}` };
}

export const USAGE = {
  /** A setting's value the core's reader refuses, from a flag or the config file (`where`). */
  badSetting: (where: string, value: string, expected: Bilingual): Text => ({
    zh: `${where} 的值“${value}”无法识别，应为${expected.zh}`,
    en: `${where} expects ${expected.en}, got "${value}"`,
  }),
  /** `from` names where the two ends were given (the flags, or the config file's keys). */
  windowOrder: (start: string, end: string, from = "--window-start / --window-end"): Text => ({
    zh: `活动开始日 ${start} 晚于活动结束日 ${end}，请检查 ${from}`,
    en: `the campaign window starts ${start}, after its end ${end}; check ${from}`,
  }),
  badChoice: (flag: string, value: string, choices: readonly string[]): Text => ({
    zh: `${flag} 的值“${value}”无效，可选：${choices.join("、")}`,
    en: `${flag} "${value}" is not valid; choose one of ${choices.join(", ")}`,
  }),
  unknownOption: (option: string): Text => ({
    zh: `未知选项 ${option}，运行 zsledger check --help 查看用法`,
    en: `unknown option ${option}; run zsledger check --help for usage`,
  }),
  missingValue: (option: string): Text => ({ zh: `选项 ${option} 缺少取值`, en: `option ${option} needs a value` }),
  unknownCommand: (command: string): Text => ({
    zh: `未知命令 ${command}，可用的命令：check、report（运行 zsledger --help 查看用法）`,
    en: `unknown command ${command}; the commands are check and report (run zsledger --help for usage)`,
  }),
  noCommand: { zh: "缺少命令，用法：zsledger check [文件...]（运行 zsledger --help 查看更多）", en: "no command given; usage: zsledger check [FILE...] (run zsledger --help for more)" } as Text,
  missingInputs: { zh: "缺少台账文件或文件夹，用法：zsledger report 文件夹... --out 通报.xlsx", en: "no ledger files or folders given; usage: zsledger report FOLDER... --out bulletin.xlsx" } as Text,
  missingOut: { zh: "缺少 --out：请给出通报工作簿的输出路径，如 --out 通报.xlsx", en: "--out is missing: give the bulletin workbook's path, e.g. --out bulletin.xlsx" } as Text,
  other: (detail: string): Text => ({ zh: `参数有误：${detail}`, en: `bad arguments: ${detail}` }),
};

export const FAILURE = {
  internal: (detail: string): Text => ({
    zh: `检查时出现内部错误：${detail}（请把命令和文件反馈给维护者）`,
    en: `internal error while checking: ${detail} (please report the command and the file)`,
  }),
};

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dayZh = (d: MonthDay) => `${d.month} 月 ${d.day} 日`;
const dayEn = (d: MonthDay) => `${d.day} ${MONTHS_EN[d.month - 1]}`;

/** Help texts; commander prints them. Defaults are the core's. */
export const HELP = {
  program: { zh: "招商台账助手：检查招商引资台账（.xlsx）", en: "zsledger: checks investment-campaign ledgers (招商引资台账, .xlsx)" } as Text,
  check: { zh: "检查台账文件，报告问题、目标完成情况、得分与扣分；不给文件时检查自带的样例台账", en: "check ledger files: problems, targets, SCORE and PENALTY; without FILE, checks the bundled sample" } as Text,
  files: { zh: ".xlsx 台账文件，可给多个", en: ".xlsx ledger files, one or more" } as Text,
  asOf: { zh: "统计截止日（默认：台账设置中的统计截止日，否则今天）", en: "as-of date (default: the 台账设置 sheet's, else today)" } as Text,
  unitKind: { zh: "单位类型：town 街道/镇、park 园区、department 区直部门、hq 指挥部（默认按台账推断）", en: "unit kind: town, park, department, hq (default: inferred from the workbook)" } as Text,
  unitName: { zh: "单位名称", en: "unit name" } as Text,
  windowStart: { zh: `活动开始日（默认统计截止日所在年 ${dayZh(D.windowStart)}）`, en: `campaign window start (default ${dayEn(D.windowStart)} of the as-of year)` } as Text,
  windowEnd: { zh: `活动结束日（默认 ${dayZh(D.windowEnd)}）`, en: `campaign window end (default ${dayEn(D.windowEnd)})` } as Text,
  planDeadline: { zh: `新策划项目的截止日（默认 ${dayZh(D.planDeadline)}）`, en: `last planning date for new 策划 projects (default ${dayEn(D.planDeadline)})` } as Text,
  fairStartDeadline: {
    zh: `投洽会项目开工时限：投洽会签约项目在此日前开工才计入目标（默认统计截止日次年 ${dayZh(D.fairStartDeadline)}）`,
    en: `fair projects' start deadline: a fair-signed project counts only if it starts before it (default ${dayEn(D.fairStartDeadline)} of the year after the as-of year)`,
  } as Text,
  dueSoonDays: { zh: `计划开工前多少天内提示临近开工（默认 ${D.dueSoonDays}）`, en: `days before a planned start that count as due soon (default ${D.dueSoonDays})` } as Text,
  projectPoints: { zh: `每个签约项目分值 B（默认 ${D.projectPoints}）`, en: `B: points of one signed project (default ${D.projectPoints})` } as Text,
  fairBonus: { zh: `投洽会签约加分 F（默认 ${D.fairBonus}）`, en: `F: bonus of a project signed at the fair (default ${D.fairBonus})` } as Text,
  tripPoints: { zh: `主要负责人每次外出分值 P（默认 ${D.tripPoints}）`, en: `P: points of one required trip of the principal (default ${D.tripPoints})` } as Text,
  annualTask: { zh: "全年任务（万元，也可写 5亿）；给出时评估“全年任务”目标", en: "annual task in 万元 (or e.g. 5亿); assesses the annual-task target" } as Text,
  format: { zh: "输出格式：text 文本报告（默认）或 json", en: "output: text report (default) or json" } as Text,
  lang: { zh: "语言：zh 中文（默认）或 en 英文", en: "language: zh (default) or en" } as Text,
  exitZero: { zh: "生成了报告就以 0 退出（即使有错误项）", en: "exit 0 whenever a report was produced, even with error findings" } as Text,
  help: { zh: "显示帮助", en: "show help" } as Text,
  version: { zh: "显示版本号", en: "show the version" } as Text,
};

/** Commander's section titles, in the user's language. */
export const HELP_TITLES: Readonly<Record<string, Text>> = {
  "Usage:": { zh: "用法：", en: "Usage:" },
  "Arguments:": { zh: "参数：", en: "Arguments:" },
  "Options:": { zh: "选项：", en: "Options:" },
  "Commands:": { zh: "命令：", en: "Commands:" },
  "Global Options:": { zh: "全局选项：", en: "Global Options:" },
};
