/**
 * Every failure of the adapter leaves as a WorkbookError: Chinese first, English second, never a
 * stack trace. Office.js errors carry a stable `code` (ItemNotFound, AccessDenied, …); that code,
 * not the localized message, decides what the user is told.
 */
import type { Bilingual } from "../core/labels";
import { ACTIONS, type Action } from "../host/actions";
import { NotInExcelError } from "./host";
import { WorkbookError } from "../host/port";

export { type Action } from "../host/actions";

/** The `code` of an Office.js error (OfficeExtension.Error), or "" for anything else. */
export function officeErrorCode(e: unknown): string {
  if (typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string") return (e as { code: string }).code;
  return "";
}

/** Excel on the web refuses a request or response above 5 MB; the reader then reads in smaller chunks. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

const TOO_LARGE: Bilingual = {
  zh: "工作表太大，Excel 无法传输这么多数据。请把台账拆成较小的工作表后再试。",
  en: "the sheet is too large for Excel to transfer. Split the ledger into smaller sheets and try again.",
};

const REASONS: Readonly<Record<string, Bilingual>> = {
  ItemNotFound: {
    zh: "找不到工作表或单元格，可能刚被删除或重命名。请重新检查台账后再试。",
    en: "a sheet or cell was not found; it may just have been deleted or renamed. Check the ledger again and retry.",
  },
  AccessDenied: {
    zh: "没有修改此工作簿的权限（工作簿可能是只读的，或工作表受保护）。",
    en: "there is no permission to change this workbook (it may be read-only, or the sheet protected).",
  },
  InvalidOperationInCellEditMode: {
    zh: "Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再试一次。",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  ActivityLimitReached: {
    zh: "Excel 正忙，请稍后再试。",
    en: "Excel is busy; please try again in a moment.",
  },
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  ApiNotFound: {
    zh: "此版本的 Excel 不支持所需的功能。请升级到 Microsoft 365 或 Excel 2021 及以上版本。",
    en: "this version of Excel lacks a required feature. Upgrade to Microsoft 365 or Excel 2021 or later.",
  },
};

/** Any failure as the WorkbookError the pane shows; a WorkbookError passes through unchanged. */
export function toWorkbookError(e: unknown, action: Action): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const what = ACTIONS[action];
  if (e instanceof NotInExcelError) {
    return new WorkbookError(
      `${what.zh}失败：未连接到 Excel。请在 Excel 中打开“招商台账助手”任务窗格。`,
      `${what.en} failed: not connected to Excel. Open the zsledger task pane inside Excel.`,
    );
  }
  const code = officeErrorCode(e);
  const reason = REASONS[code];
  if (reason) return new WorkbookError(`${what.zh}失败：${reason.zh}`, `${what.en} failed: ${reason.en}`);
  const detail = e instanceof Error ? e.message : String(e);
  if (!code) {
    return new WorkbookError(
      `${what.zh}失败：发生了意外错误（${detail}）。请保存工作簿后重试。`,
      `${what.en} failed: an unexpected error occurred (${detail}). Save the workbook and try again.`,
    );
  }
  return new WorkbookError(
    `${what.zh}失败：Excel 返回了错误（${code}）。请稍后重试；如果问题持续，请保存并重新打开工作簿。`,
    `${what.en} failed: Excel returned an error (${code}): ${detail}`,
  );
}

/** A requirement set the host lacks, said as what the user cannot do and what would help. */
export function unsupported(action: Action, version: string): WorkbookError {
  const what = ACTIONS[action];
  return new WorkbookError(
    `此版本的 Excel 不支持“${what.zh}”（需要 ExcelApi ${version}）。请升级到 Microsoft 365 或 Excel 2021 及以上版本；检查台账仍可使用。`,
    `This version of Excel cannot do this: ${what.en} needs ExcelApi ${version}. Upgrade to Microsoft 365 or Excel 2021 or later; checking still works.`,
  );
}
