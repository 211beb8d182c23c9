/**
 * What every host's highlight says when it refuses or fails, Chinese first: a protected sheet, a
 * sheet that is gone, a write that failed part-way (and whether the marks already written came off).
 */
import { sheetList } from "./actions";
import { WorkbookError } from "./port";

/** Refused before anything is written: a sheet to be changed is protected. */
export function protectedSheets(names: readonly string[], action: "highlight" | "clear"): WorkbookError {
  const list = sheetList(names);
  return new WorkbookError(
    action === "highlight"
      ? `工作表${list.zh}受保护，无法添加标记，本次没有做任何修改。请先在“审阅 → 撤消工作表保护”中取消保护，再点“标记”。`
      : `工作表${list.zh}受保护，无法清除标记，本次没有做任何修改。请先在“审阅 → 撤消工作表保护”中取消保护，再点“清除标记”。`,
    action === "highlight"
      ? `Sheet ${list.en} is protected, so nothing was highlighted. Unprotect it (Review → Unprotect Sheet) and highlight again.`
      : `Sheet ${list.en} is protected, so nothing was cleared. Unprotect it (Review → Unprotect Sheet) and clear again.`,
  );
}

/** Refused before anything is written: a sheet of the result is no longer in the workbook. */
export function missingSheets(names: readonly string[]): WorkbookError {
  const list = sheetList(names);
  return new WorkbookError(
    `找不到工作表${list.zh}（可能已被删除或重命名），本次没有做任何标记。请重新检查台账后再点“标记”。`,
    `Sheet ${list.en} was not found (it may have been deleted or renamed); nothing was highlighted. Check the ledger again, then highlight.`,
  );
}

/** A write that failed part-way, after the host tried to remove every mark of ours again. */
export function failedWrite(cause: WorkbookError, rolledBack: boolean): WorkbookError {
  return new WorkbookError(
    rolledBack
      ? `${cause.message}已撤回本次写入的全部标记，单元格内容和格式保持原样。`
      : `${cause.message}部分标记可能仍留在工作表上，请点“清除标记”。`,
    rolledBack
      ? `${cause.messageEn} Every mark written was removed again; cell values and formats are as they were.`
      : `${cause.messageEn} Some marks may remain; click Clear.`,
  );
}
