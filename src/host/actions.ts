/**
 * What the pane asks of a host, named in both languages, for the messages of every host's
 * adapter: "检查台账失败：…", "Checking the ledger failed: …".
 */
import type { Bilingual } from "../core/labels";
import { WorkbookError } from "./port";

export type Action = "check" | "highlight" | "clear" | "select" | "loadSettings" | "saveSettings" | "summary" | "verify";

export const ACTIONS: Readonly<Record<Action, Bilingual>> = {
  check: { zh: "检查台账", en: "Checking the ledger" },
  highlight: { zh: "标记", en: "Highlighting" },
  clear: { zh: "清除标记", en: "Clearing the highlight" },
  select: { zh: "定位单元格", en: "Selecting the cell" },
  loadSettings: { zh: "读取台账设置", en: "Reading 台账设置" },
  saveSettings: { zh: "保存台账设置", en: "Saving 台账设置" },
  summary: { zh: "生成汇总表", en: "Writing the summary sheet" },
  verify: { zh: "记录核实", en: "Recording the verification" },
};

/** Quotes sheet names for a message: “项目台账”、“外出招商”. */
export function sheetList(names: readonly string[]): Bilingual {
  return { zh: names.map((n) => `“${n}”`).join("、"), en: names.map((n) => `"${n}"`).join(", ") };
}

/** A sheet the action would write is protected: refused before anything is written (both hosts say it so). */
export function sheetProtected(action: Action, name: string): WorkbookError {
  const what = ACTIONS[action];
  const list = sheetList([name]);
  return new WorkbookError(
    `${what.zh}失败：没有修改此工作簿的权限（工作表${list.zh}受保护）。请先在“审阅 → 撤销工作表保护”中取消保护。`,
    `${what.en} failed: there is no permission to change this workbook (sheet ${list.en} is protected). Unprotect it under Review first.`,
  );
}
