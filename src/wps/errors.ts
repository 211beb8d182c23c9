/**
 * Every failure of the WPS adapter leaves as a WorkbookError, Chinese first. WPS's object model
 * throws plain script errors without a documented code, so what the user is told comes from what
 * the adapter checked before acting (no workbook, a protected sheet, a sheet that is gone); anything
 * else is said as WPS's own message.
 */
import { ACTIONS, sheetList, type Action } from "../host/actions";
import { WorkbookError } from "../host/port";
import { NotInWpsError } from "./objectModel";

export function toWorkbookError(e: unknown, action: Action): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const what = ACTIONS[action];
  if (e instanceof NotInWpsError) {
    return new WorkbookError(
      `${what.zh}失败：未连接到 WPS 表格。请在 WPS 表格中点“招商台账”选项卡打开招商台账助手。`,
      `${what.en} failed: not connected to WPS Spreadsheets. Open the zsledger pane from the 招商台账 tab in WPS.`,
    );
  }
  const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return new WorkbookError(
    `${what.zh}失败：WPS 返回了错误（${detail}）。请保存工作簿后重试。`,
    `${what.en} failed: WPS returned an error (${detail}). Save the workbook and try again.`,
  );
}

/** No workbook is open (WPS shows its start page). */
export function noWorkbook(action: Action): WorkbookError {
  const what = ACTIONS[action];
  return new WorkbookError(`${what.zh}失败：没有打开的工作簿。请先打开台账，再试一次。`, `${what.en} failed: no workbook is open. Open the ledger, then try again.`);
}

/** A sheet the action needs is gone (deleted or renamed since the pane last looked). */
export function sheetGone(action: Action, names: readonly string[]): WorkbookError {
  const what = ACTIONS[action];
  const list = sheetList(names);
  return new WorkbookError(
    `${what.zh}失败：找不到工作表或单元格（${list.zh}），可能刚被删除或重命名。请重新检查台账后再试。`,
    `${what.en} failed: a sheet or cell was not found (${list.en}); it may just have been deleted or renamed. Check the ledger again and retry.`,
  );
}
